# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..chatwoot.constants import CHANNEL_TYPES, CONVERSATION_PRIORITIES, CONVERSATION_STATUSES
from ..chatwoot.payloads import INT32_MAX


def seconds_between(start, end):
    """Whole seconds from ``start`` to ``end``, or 0 when either is unknown.

    Capped at what an integer column holds (68 years): Chatwoot sends any time it likes.
    """
    if not start or not end:
        return 0
    return min(max(int((end - start).total_seconds()), 0), INT32_MAX)


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
    chatwoot_updated_at = fields.Float(
        help="Chatwoot's updated_at (Unix seconds) of the newest state applied: older events "
        "arriving late never overwrite newer state."
    )
    message_ids = fields.One2many("chatwoot.message", "conversation_id", string="Messages")
    message_count = fields.Integer(compute="_compute_message_count")
    ai_suggested_reply = fields.Text(
        string="Suggested Reply", help="The AI agent's latest draft for a human agent."
    )
    ai_bot_handled = fields.Boolean(
        string="Handled by the AI Agent",
        compute="_compute_ai_bot_handled",
        help="The AI agent answers this conversation: no person holds it.",
    )
    thread_html = fields.Html(
        string="Thread", compute="_compute_thread_html", sanitize=False, readonly=True
    )

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

    @api.depends("message_ids.content", "message_ids.message_type", "message_ids.private")
    def _compute_thread_html(self):
        for conversation in self:
            bubbles = [self._bubble_html(message) for message in conversation.message_ids]
            conversation.thread_html = Markup('<div class="o_chatwoot_thread">%s</div>') % Markup(
                ""
            ).join(bubbles)

    @api.model
    def _bubble_html(self, message):
        """One message as a chat bubble: customer left, shop right, notes and activity muted."""
        if message.message_type == "activity":
            return Markup('<div class="text-center text-muted small my-2">%s</div>') % (
                message.content or ""
            )
        outgoing = message.message_type in ("outgoing", "template")
        side = "justify-content-end" if outgoing else "justify-content-start"
        color = (
            "text-bg-warning"
            if message.private
            else ("text-bg-primary" if outgoing else "text-bg-light border")
        )
        when = (
            fields.Datetime.context_timestamp(self, message.created_at)
            if message.created_at
            else ""
        )
        header = escape(message.sender_name or "")
        if message.private:
            header = Markup("%s · %s") % (header, self.env._("private note"))
        return Markup(
            '<div class="d-flex %s my-1"><div class="rounded-3 px-3 py-2 %s" '
            'style="max-width: 75%%; white-space: pre-wrap;">'
            '<div class="small fw-bold">%s</div><div>%s</div>'
            '<div class="small opacity-75 text-end">%s</div></div></div>'
        ) % (side, color, header, message.content or "", when and when.strftime("%d/%m %H:%M"))

    def _compute_ai_bot_handled(self):
        bot = self.env["chatwoot.bot"]
        for conversation in self:
            conversation.ai_bot_handled = bot._bot_handles(conversation)

    def action_suggest_reply(self):
        """Agent assist: draft an answer to the customer's latest messages."""
        self.ensure_one()
        self.check_access("read")
        run = self.env["chatwoot.bot"].sudo()._suggest_reply(self.sudo())
        if run.state != "done":
            raise UserError(
                self.env._("No suggestion could be drafted: %(error)s", error=run.error or "")
            )
        self.sudo().ai_suggested_reply = run.suggested_reply
        return True

    def _compute_message_count(self):
        counts = dict(
            self.env["chatwoot.message"]._read_group(
                [("conversation_id", "in", self.ids)], ["conversation_id"], ["__count"]
            )
        )
        for conversation in self:
            conversation.message_count = counts.get(conversation, 0)

    # ------------------------------------------------------------------ Chatwoot sync
    @api.model
    def _by_display_id(self, account, display_ids):
        """The account's existing conversations among ``display_ids``, by display id."""
        conversations = self.search(
            [("account_id", "=", account.id), ("display_id", "in", list(display_ids))]
        )
        return {conversation.display_id: conversation for conversation in conversations}

    @api.model
    def _upsert_from_chatwoot(self, account, data, contact, known=None):
        """Create or update the conversation described by a parsed payload.

        Events arrive in any order: fields a payload lacks are left alone, and the status
        of an older payload never replaces the status of a newer one. ``known`` is a
        display id → record map a batch looked up once; it is kept up to date.
        """
        if known is not None and data["display_id"] in known:
            conversation = known[data["display_id"]]
        else:
            display_id = data["display_id"]
            conversation = self._by_display_id(account, [display_id]).get(display_id, self)
        partner = conversation.partner_id
        if contact and not partner:
            partner = self.env["chatwoot.contact"]._match_partner(
                account, contact, data["channel_type"], data["source_id"]
            )
        values = self._values_from_chatwoot(account, data, conversation)
        if partner and not conversation.partner_id:
            values["partner_id"] = partner.id
        if conversation:
            conversation.write(values)
            return conversation
        values.update(account_id=account.id, display_id=data["display_id"])
        try:
            with self.env.cr.savepoint():
                conversation = self.create(values)
        except psycopg2.IntegrityError:
            # Another worker created it meanwhile: update theirs.
            return self._upsert_from_chatwoot(account, data, contact)
        if known is not None:
            known[data["display_id"]] = conversation
        return conversation

    def _values_from_chatwoot(self, account, data, conversation):
        values = {}
        if not conversation.inbox_id:
            inbox = self.env["chatwoot.inbox"]._find_or_create(
                account, data["inbox_id"], data["channel_type"]
            )
            if inbox:
                values["inbox_id"] = inbox.id
        for field in ("channel_type", "created_at", "first_reply_at"):
            if data[field] and not conversation[field]:
                values[field] = data[field]
        if data["last_activity_at"] and (
            not conversation.last_activity_at
            or data["last_activity_at"] > conversation.last_activity_at
        ):
            values["last_activity_at"] = data["last_activity_at"]
        newest = conversation.chatwoot_updated_at
        if data["updated_at"] is None or not newest or data["updated_at"] >= newest:
            values.update(self._state_values(data))
        return values

    def _state_values(self, data):
        values = {
            "priority": data["priority"]
            if data["priority"] in dict(CONVERSATION_PRIORITIES)
            else "none",
            "labels": data["labels"],
            "assignee_name": data["assignee_name"],
        }
        if data["status"]:
            values["status"] = data["status"]
            if data["status"] == "resolved":
                values["resolved_at"] = data["last_activity_at"] or fields.Datetime.now()
        if data["updated_at"]:
            values["chatwoot_updated_at"] = data["updated_at"]
        return values
