# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

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

    @api.model
    def _find_or_create(self, account, chatwoot_inbox_id, channel_type):
        """The account's inbox with that Chatwoot id, created on first sight."""
        if not chatwoot_inbox_id:
            return self.browse()
        inbox = self.with_context(active_test=False).search(
            [("account_id", "=", account.id), ("chatwoot_inbox_id", "=", int(chatwoot_inbox_id))],
            limit=1,
        )
        if inbox:
            return inbox
        return self.create(
            {
                "account_id": account.id,
                "chatwoot_inbox_id": int(chatwoot_inbox_id),
                "name": self.env._("Inbox %s", chatwoot_inbox_id),
                "channel_type": channel_type
                if channel_type in dict(CHANNEL_TYPES)
                else "Channel::Api",
            }
        )
