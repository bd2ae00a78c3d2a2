# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import UTC, datetime

from odoo import api, fields, models


class ChatwootSocialMessage(models.Model):
    """An inbound WhatsApp Cloud API message, kept with the identity that sent it."""

    _name = "chatwoot.social.message"
    _description = "WhatsApp Message"
    _order = "timestamp desc, id desc"
    _rec_name = "external_message_id"

    account_id = fields.Many2one(
        "chatwoot.social.account", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    external_message_id = fields.Char(string="Message ID (wamid)", required=True)
    wa_id = fields.Char(string="WhatsApp Number (wa_id)", index=True)
    user_id = fields.Char(string="BSUID", index=True)
    sender_name = fields.Char()
    message_type = fields.Char(default="text")
    body = fields.Text()
    timestamp = fields.Datetime(required=True, default=fields.Datetime.now)
    partner_id = fields.Many2one("res.partner", string="Customer", index=True)
    identity_id = fields.Many2one("chatwoot.contact", string="Identity", ondelete="set null")

    _wamid_uniq = models.Constraint(
        "UNIQUE(account_id, external_message_id)", "This message is already stored."
    )

    @api.model
    def _ingest_whatsapp(self, account, data):
        """Store a parsed inbound message (``meta.payloads.parse_whatsapp_message``) once and
        link it to the partner through its ``wa_id`` and BSUID."""
        existing = self.search(
            [("account_id", "=", account.id), ("external_message_id", "=", data["wamid"])],
            limit=1,
        )
        if existing:
            return existing
        partner, identity = self.env["chatwoot.contact"]._match_whatsapp(account, data)
        stamp = data.get("timestamp")
        return self.create(
            {
                "account_id": account.id,
                "external_message_id": data["wamid"],
                "wa_id": data.get("wa_id"),
                "user_id": data.get("user_id"),
                "sender_name": data.get("name"),
                "message_type": data.get("message_type"),
                "body": data.get("body"),
                "timestamp": datetime.fromtimestamp(stamp, UTC).replace(tzinfo=None)
                if stamp
                else fields.Datetime.now(),
                "partner_id": partner.id,
                "identity_id": identity.id,
            }
        )
