# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.base.models.res_partner import _tz_get

from ..chatwoot.constants import CHANNEL_TYPES

BOT_DAYS = [
    ("all", "Every day"),
    ("mon_fri", "Monday to Friday"),
    ("mon_sat", "Monday to Saturday"),
]


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
    bot_opt_out = fields.Boolean(
        string="No AI Agent", help="The AI agent never answers this inbox's customers."
    )
    bot_always_on = fields.Boolean(
        string="AI Agent Always On",
        default=True,
        help="Uncheck to let the AI agent answer only within the hours below; outside them "
        "it tells the customer when people are back and hands the conversation over.",
    )
    bot_days = fields.Selection(BOT_DAYS, string="AI Agent Days", default="all", required=True)
    bot_hour_from = fields.Float(string="AI Agent From", default=8.0)
    bot_hour_to = fields.Float(string="AI Agent Until", default=20.0)
    bot_tz = fields.Selection(
        _tz_get, string="AI Agent Time Zone", help="Empty: the company's time zone."
    )

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
