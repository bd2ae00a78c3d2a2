# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ChatwootPersonalData(models.AbstractModel):
    """A person's comments, questions, WhatsApp messages and merge suggestions are exported
    and erased with the rest of their data (LGPD art. 18)."""

    _inherit = "chatwoot.personal.data"

    @api.model
    def _chatwoot_personal_data_models(self):
        return super()._chatwoot_personal_data_models() + [
            {
                "model": "chatwoot.identity.suggestion",
                "partner_field": "partner_id",
                "sequence": 5,
                "key": "merge_suggestions",
            },
            {
                "model": "chatwoot.identity.suggestion",
                "partner_field": "duplicate_id",
                "sequence": 6,
                "key": "merge_suggestions_as_duplicate",
            },
            {
                "model": "chatwoot.social.message",
                "partner_field": "partner_id",
                "sequence": 20,
                "key": "whatsapp_messages",
            },
            {
                "model": "chatwoot.social.comment",
                "partner_field": "partner_id",
                "sequence": 30,
                "key": "social_comments",
            },
        ]
