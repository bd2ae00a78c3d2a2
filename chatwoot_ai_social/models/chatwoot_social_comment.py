# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import UTC, datetime

from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.chatwoot_ai_analytics.models.chatwoot_message import INTENT_SELECTION, SENTIMENTS

from ..social.comments import STATES, plan_comment_update
from ..social.triage import COMMENT_TYPES, LANGUAGES, PRIORITIES


def _stamp(seconds):
    return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None) if seconds else False


class ChatwootSocialComment(models.Model):
    """A public comment on a Page post or Instagram media, or a marketplace question.

    Webhook items change it through :func:`..social.comments.plan_comment_update`, which
    makes the outcome independent of the order Meta delivers them in.
    """

    _name = "chatwoot.social.comment"
    _description = "Social Comment"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "priority desc, created_at desc, id desc"
    _rec_name = "display_name"

    account_id = fields.Many2one(
        "chatwoot.social.account", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    platform = fields.Selection(related="account_id.platform", store=True)
    external_id = fields.Char(string="External ID", required=True, readonly=True)
    body = fields.Text(readonly=True)
    author_external_id = fields.Char(string="Author ID", readonly=True, index=True)
    author_name = fields.Char(readonly=True)
    post_external_id = fields.Char(string="Post ID", readonly=True, index=True)
    post_id = fields.Many2one("chatwoot.social.post", string="Post", readonly=True, index=True)
    parent_external_id = fields.Char(string="Parent ID", readonly=True)
    parent_id = fields.Many2one(
        "chatwoot.social.comment", string="Parent Comment", readonly=True, index="btree_not_null"
    )
    child_ids = fields.One2many("chatwoot.social.comment", "parent_id", string="Replies")
    is_own = fields.Boolean(string="Own Comment", readonly=True)
    created_at = fields.Datetime(readonly=True, default=fields.Datetime.now, index=True)
    last_event_time = fields.Integer(readonly=True, help="Unix time of the newest event applied.")
    comment_type = fields.Selection(COMMENT_TYPES, string="Type", readonly=True)
    intent = fields.Selection(INTENT_SELECTION, readonly=True)
    intent_confidence = fields.Float(readonly=True, aggregator="avg")
    sentiment = fields.Selection(SENTIMENTS, readonly=True)
    sentiment_score = fields.Float(readonly=True, aggregator="avg")
    language = fields.Selection(LANGUAGES, readonly=True)
    priority = fields.Selection(PRIORITIES, default="1", readonly=True, index=True)
    confidence = fields.Float(string="Draft Confidence", readonly=True, aggregator="avg")
    state = fields.Selection(STATES, required=True, default="new", index=True, tracking=True)
    reply_body = fields.Text(string="Reply")
    reply_external_id = fields.Char(string="Reply ID", readonly=True, copy=False)
    replied_at = fields.Datetime(readonly=True, copy=False)
    auto_replied = fields.Boolean(readonly=True, copy=False)
    hidden_on_platform = fields.Boolean(readonly=True, copy=False)
    publish_error = fields.Text(readonly=True, copy=False)
    sla_due = fields.Datetime(string="SLA Due", readonly=True, index=True)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    response_minutes = fields.Float(
        string="First Reply (min)", readonly=True, aggregator="avg", help="From comment to reply."
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True, index=True)
    escalated_at = fields.Datetime(readonly=True, copy=False)
    escalation_conversation_id = fields.Many2one(
        "chatwoot.conversation", string="Escalation Conversation", readonly=True, copy=False
    )
    source = fields.Selection(
        [("comment", "Comment"), ("question", "Question")], default="comment", required=True
    )

    _external_uniq = models.Constraint(
        "UNIQUE(account_id, external_id)", "This comment is already stored."
    )
    _inbox_idx = models.Index("(state, priority DESC, created_at DESC) WHERE NOT is_own")

    @api.depends("account_id.name", "author_name", "body")
    def _compute_display_name(self):
        for comment in self:
            text = (comment.body or "").replace("\n", " ")
            text = text[:40] + ("…" if len(text) > 40 else "")
            comment.display_name = f"{comment.author_name or '?'}: {text}"

    @api.depends("sla_due", "state")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for comment in self:
            comment.is_overdue = bool(
                comment.sla_due and comment.sla_due < now and comment._waits_for_people()
            )

    def _waits_for_people(self):
        return self.state in ("new", "drafted", "approved", "escalated")

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        overdue = Domain("sla_due", "<", fields.Datetime.now()) & Domain(
            "state", "in", ("new", "drafted", "approved", "escalated")
        )
        return overdue if (operator == "=") == value else ~overdue

    # ------------------------------------------------------------------ ingestion
    @api.model
    def _own_ids(self, account):
        return {account.external_id}

    @api.model
    def _ingest_event(self, account, event):
        """Apply one parsed comment event; the comment it created or changed (or empty)."""
        comment = self.search(
            [("account_id", "=", account.id), ("external_id", "=", event["external_id"])],
            limit=1,
        )
        existing = comment.read(self._plan_fields())[0] if comment else None
        values, retriage = plan_comment_update(existing, event, self._own_ids(account))
        if not values:
            return self.browse()
        if "created_at" not in values and event.get("created_at") and not comment:
            values["created_at"] = _stamp(event["created_at"])
        if retriage:
            values.update(self._cleared_triage())
        if comment:
            comment.write(values)
        else:
            values.update(account_id=account.id, external_id=event["external_id"])
            comment = self.create(values)
        comment._link_thread()
        return comment

    @api.model
    def _plan_fields(self):
        return [
            "state",
            "body",
            "is_own",
            "last_event_time",
            "reply_external_id",
            "author_external_id",
            "author_name",
            "post_external_id",
            "parent_external_id",
        ]

    @api.model
    def _cleared_triage(self):
        return {
            "comment_type": False,
            "intent": False,
            "sentiment": False,
            "language": False,
            "reply_body": False,
            "confidence": 0.0,
        }

    def _link_thread(self):
        """Point at the parent comment, the post (its caption is cached) and the customer."""
        for comment in self:
            values = {}
            if comment.parent_external_id and not comment.parent_id:
                parent = self.search(
                    [
                        ("account_id", "=", comment.account_id.id),
                        ("external_id", "=", comment.parent_external_id),
                    ],
                    limit=1,
                )
                if parent:
                    values["parent_id"] = parent.id
            if comment.post_external_id and not comment.post_id:
                values["post_id"] = (
                    self.env["chatwoot.social.post"]
                    ._for_external_id(comment.account_id, comment.post_external_id)
                    .id
                )
            if comment.author_external_id and not comment.partner_id and not comment.is_own:
                partner = self.env["chatwoot.contact"]._match_social_author(
                    comment.account_id, comment.author_external_id, comment.author_name
                )
                values["partner_id"] = partner.id
            if values:
                comment.write(values)
