# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ChatwootMentionScrub(models.AbstractModel):
    _inherit = "chatwoot.mention.scrub"

    @api.model
    def _chatwoot_scrub_fields(self):
        """The social texts where anyone may mention an erased person: other people's
        comments and replies, WhatsApp messages, and the raw deliveries kept for retries
        (a WhatsApp delivery carries the sender's number and profile name)."""
        fields_by_model = super()._chatwoot_scrub_fields()
        fields_by_model.update(
            {
                "chatwoot.social.comment": ["body", "reply_body", "publish_error"],
                "chatwoot.social.message": ["body"],
                "chatwoot.social.event": ["payload", "error"],
            }
        )
        return fields_by_model
