# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..chatwoot.constants import CHANNEL_TYPES


class ChatwootInbox(models.Model):
    _name = "chatwoot.inbox"
    _description = "Chatwoot Inbox"
    _order = "account_id, name, id"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    account_id = fields.Many2one("chatwoot.account", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    chatwoot_inbox_id = fields.Integer(string="Chatwoot Inbox ID", required=True)
    channel_type = fields.Selection(CHANNEL_TYPES, required=True, default="Channel::Api")
    conversation_ids = fields.One2many("chatwoot.conversation", "inbox_id")

    _chatwoot_inbox_uniq = models.Constraint(
        "UNIQUE(account_id, chatwoot_inbox_id)",
        "This Chatwoot inbox already exists for the account.",
    )
