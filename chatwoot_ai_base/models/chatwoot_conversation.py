# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..chatwoot.constants import CHANNEL_TYPES, CONVERSATION_PRIORITIES, CONVERSATION_STATUSES


def seconds_between(start, end):
    """Whole seconds from ``start`` to ``end``, or 0 when either is unknown."""
    if not start or not end:
        return 0
    return max(int((end - start).total_seconds()), 0)


class ChatwootConversation(models.Model):
    _name = "chatwoot.conversation"
    _description = "Chatwoot Conversation"
    _order = "last_activity_at desc, id desc"
    _rec_names_search = ["display_id", "partner_id"]

    account_id = fields.Many2one("chatwoot.account", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    display_id = fields.Integer(
        string="Conversation #",
        required=True,
        help="Chatwoot's per-account conversation number (conversation.id in webhooks).",
    )
    inbox_id = fields.Many2one("chatwoot.inbox", index=True, ondelete="set null")
    channel_type = fields.Selection(CHANNEL_TYPES, string="Channel")
    status = fields.Selection(CONVERSATION_STATUSES, default="open", required=True, index=True)
    priority = fields.Selection(CONVERSATION_PRIORITIES, default="none")
    partner_id = fields.Many2one("res.partner", string="Customer", index=True, ondelete="restrict")
    assignee_name = fields.Char(string="Assignee")
    labels = fields.Char(help="Chatwoot labels, comma separated.")
    created_at = fields.Datetime(string="Started", index=True)
    first_reply_at = fields.Datetime(string="First Reply")
    resolved_at = fields.Datetime(string="Resolved")
    last_activity_at = fields.Datetime(string="Last Activity", index=True)
    first_response_seconds = fields.Integer(
        compute="_compute_service_times", store=True, aggregator="avg"
    )
    resolution_seconds = fields.Integer(
        compute="_compute_service_times", store=True, aggregator="avg"
    )
    message_ids = fields.One2many("chatwoot.message", "conversation_id", string="Messages")
    message_count = fields.Integer(compute="_compute_message_count")

    _display_id_uniq = models.Constraint(
        "UNIQUE(account_id, display_id)",
        "This Chatwoot conversation already exists for the account.",
    )

    @api.depends("created_at", "first_reply_at", "resolved_at")
    def _compute_service_times(self):
        for conversation in self:
            conversation.first_response_seconds = seconds_between(
                conversation.created_at, conversation.first_reply_at
            )
            conversation.resolution_seconds = seconds_between(
                conversation.created_at, conversation.resolved_at
            )

    @api.depends("display_id", "partner_id")
    def _compute_display_name(self):
        for conversation in self:
            name = f"#{conversation.display_id}"
            if conversation.partner_id:
                name = f"{name} {conversation.partner_id.name}"
            conversation.display_name = name

    def _compute_message_count(self):
        counts = dict(
            self.env["chatwoot.message"]._read_group(
                [("conversation_id", "in", self.ids)], ["conversation_id"], ["__count"]
            )
        )
        for conversation in self:
            conversation.message_count = counts.get(conversation, 0)
