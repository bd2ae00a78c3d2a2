# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import fields, models
from odoo.exceptions import UserError

from ..marketplace import MarketplaceError

_logger = logging.getLogger(__name__)


class ChatwootSocialPost(models.Model):
    """A marketplace listing plays the post's part: its title and price are the caption."""

    _inherit = "chatwoot.social.post"

    def _ensure_caption(self):
        listings = self.filtered(
            lambda post: not post.fetched_at and post.account_id._is_marketplace()
        )
        for post in listings:
            try:
                listing = post.account_id._marketplace_call(
                    lambda connector, item=post.external_id: connector.fetch_listing(item)
                )
            except (MarketplaceError, UserError) as error:
                _logger.info("Listing %s not fetched: %s", post.external_id, error)
                continue
            price = listing["price"]
            caption = listing["title"]
            if price is not None:
                caption = f"{caption} — {listing['currency']} {price}".strip()
            post.write(
                {
                    "caption": caption,
                    "permalink": listing["permalink"] or False,
                    "fetched_at": fields.Datetime.now(),
                }
            )
        super(ChatwootSocialPost, self - listings)._ensure_caption()
        return self
