# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..chatwoot.constants import MESSAGE_STATUSES, MESSAGE_TYPES, SENDER_TYPES


class ChatwootMessage(models.Model):
    _name = "chatwoot.message"
    _description = "Chatwoot Message"
    _order = "created_at, id"
    _rec_name = "chatwoot_message_id"

    account_id = fields.Many2one("chatwoot.account", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    conversation_id = fields.Many2one(
        "chatwoot.conversation", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one("res.partner", string="Customer", index=True, ondelete="restrict")
    chatwoot_message_id = fields.Integer(string="Chatwoot Message ID", required=True)
    content = fields.Text()
    message_type = fields.Selection(MESSAGE_TYPES, required=True, default="incoming", index=True)
    private = fields.Boolean(help="Private notes are visible to agents only.")
    sender_type = fields.Selection(SENDER_TYPES)
    sender_name = fields.Char()
    created_at = fields.Datetime(index=True)
    status = fields.Selection(MESSAGE_STATUSES, default="sent")
    attachments = fields.Json(
        help="Attachment metadata (url, type, size); files are not downloaded."
    )

    _chatwoot_message_uniq = models.Constraint(
        "UNIQUE(account_id, chatwoot_message_id)",
        "This Chatwoot message already exists for the account.",
    )
