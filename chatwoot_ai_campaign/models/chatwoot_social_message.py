# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ChatwootSocialMessage(models.Model):
    """Inbound WhatsApp Cloud API messages: opt-out keywords and replies."""

    _inherit = "chatwoot.social.message"

    @api.model_create_multi
    def create(self, vals_list):
        messages = super().create(vals_list)
        optout = self.env["chatwoot.campaign.optout"].sudo()
        for message in messages:
            optout._process_inbound(
                message.partner_id,
                "whatsapp",
                message.body,
                message.external_message_id,
                message.timestamp,
                ("_job_confirm_opt_out", message.sudo()),
            )
        return messages

    def _job_confirm_opt_out(self, text):
        """Queue job: answer an opt-out keyword on WhatsApp (inside the 24 h window)."""
        self.ensure_one()
        to = self.wa_id or self.partner_id.phone_sanitized
        wamid = self.account_id._whatsapp_send(
            {"recipient_type": "individual", "to": to, "type": "text", "text": {"body": text}}
        )
        return f"confirmation sent as {wamid}"
