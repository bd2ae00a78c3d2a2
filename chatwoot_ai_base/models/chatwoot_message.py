# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

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

    @api.model_create_multi
    def create(self, vals_list):
        messages = super().create(vals_list)
        # New customer messages may need an answer from the AI agent (a cheap filter,
        # then at most one debounced job per conversation).
        self.env["chatwoot.bot"]._on_new_messages(messages)
        return messages

    @api.model
    def _by_chatwoot_id(self, account, chatwoot_message_ids):
        """The account's existing messages among those Chatwoot ids, by id."""
        messages = self.search(
            [
                ("account_id", "=", account.id),
                ("chatwoot_message_id", "in", list(chatwoot_message_ids)),
            ]
        )
        return {message.chatwoot_message_id: message for message in messages}

    @api.model
    def _upsert_from_chatwoot(self, conversation, data):
        """Store a parsed message once per account; later versions update the content."""
        message_id = data["chatwoot_message_id"]
        message = self._by_chatwoot_id(conversation.account_id, [message_id]).get(message_id, self)
        values = self._values_from_chatwoot(conversation, data)
        if message:
            message.write(values)
        else:
            message = self.create(values)
        self._update_conversation_timeline(conversation, values)
        return message

    @api.model
    def _values_from_chatwoot(self, conversation, data):
        return {
            "account_id": conversation.account_id.id,
            "chatwoot_message_id": data["chatwoot_message_id"],
            "conversation_id": conversation.id,
            "partner_id": conversation.partner_id.id,
            "content": data["content"],
            "message_type": data["message_type"],
            "private": data["private"],
            "sender_type": data["sender_type"],
            "sender_name": data["sender_name"],
            "created_at": data["created_at"] or fields.Datetime.now(),
            "status": data["status"],
            "attachments": data["attachments"],
        }

    @api.model
    def _update_conversation_timeline(self, conversation, values):
        """Move the conversation's first reply, start and last activity to include a message."""
        created_at = values["created_at"]
        timeline = {}
        if not conversation.last_activity_at or created_at > conversation.last_activity_at:
            timeline["last_activity_at"] = created_at
        is_reply = values["message_type"] == "outgoing" and not values["private"]
        if is_reply and (
            not conversation.first_reply_at or created_at < conversation.first_reply_at
        ):
            timeline["first_reply_at"] = created_at
        if not conversation.created_at or created_at < conversation.created_at:
            timeline["created_at"] = created_at
        if timeline:
            conversation.write(timeline)
