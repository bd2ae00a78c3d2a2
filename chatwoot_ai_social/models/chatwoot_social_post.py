# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models

from ..meta.graph import GraphError

_logger = logging.getLogger(__name__)

#: Fields asked of the Graph API, per platform: the caption is what the crew needs.
POST_FIELDS = {"facebook": "message,permalink_url", "instagram": "caption,permalink"}


class ChatwootSocialPost(models.Model):
    """A Page post or Instagram media the comments are on, with its caption fetched once."""

    _name = "chatwoot.social.post"
    _description = "Social Post"
    _order = "id desc"
    _rec_name = "external_id"

    account_id = fields.Many2one(
        "chatwoot.social.account", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    external_id = fields.Char(string="External ID", required=True)
    caption = fields.Text(readonly=True)
    permalink = fields.Char(readonly=True)
    fetched_at = fields.Datetime(readonly=True)
    comment_ids = fields.One2many("chatwoot.social.comment", "post_id")

    _external_uniq = models.Constraint(
        "UNIQUE(account_id, external_id)", "This post is already stored."
    )

    @api.model
    def _for_external_id(self, account, external_id):
        post = self.search(
            [("account_id", "=", account.id), ("external_id", "=", external_id)], limit=1
        )
        return post or self.create({"account_id": account.id, "external_id": external_id})

    def _ensure_caption(self):
        """Fetch the caption from the Graph API the first time; a failure is not fatal."""
        for post in self.filtered(lambda p: not p.fetched_at):
            fields_param = POST_FIELDS.get(post.account_id.platform)
            if not fields_param or not post.account_id.sudo().access_token:
                continue
            client = post.account_id._graph_client()
            try:
                data = client.get(post.external_id, params={"fields": fields_param})
            except GraphError as error:
                _logger.info("Caption of %s not fetched: %s", post.external_id, error)
                continue
            post.write(
                {
                    "caption": data.get("message") or data.get("caption") or "",
                    "permalink": data.get("permalink_url") or data.get("permalink"),
                    "fetched_at": fields.Datetime.now(),
                }
            )
        return self
