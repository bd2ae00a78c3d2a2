# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import time
from datetime import UTC, datetime, timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.fields import Domain

from odoo.addons.chatwoot_ai_analytics.models.chatwoot_message import INTENT_SELECTION, SENTIMENTS
from odoo.addons.chatwoot_ai_base.ai import CustomerAgent, LLMUnavailable, build_llm
from odoo.addons.chatwoot_ai_base.ai.agent import search_query
from odoo.addons.chatwoot_ai_base.ai.language import detect_language

from ..social.comments import STATES, plan_comment_update
from ..social.crew import SocialCrew, SocialTools
from ..social.policy import decide
from ..social.triage import COMMENT_TYPES, LANGUAGES, PRIORITIES, triage
from .chatwoot_social_account import JOB_CHANNEL

DRAFT_SOURCES = [
    ("catalog", "Catalog"),
    ("knowledge", "Knowledge"),
    ("praise", "Thanks"),
    ("private", "Invitation to a private channel"),
    ("none", "No reply"),
]


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
    post_caption = fields.Text(related="post_id.caption", string="Caption")
    post_permalink = fields.Char(related="post_id.permalink", string="Post Link")
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
    auto_replied = fields.Boolean(string="Answered by AI", readonly=True, copy=False)
    auto_reply_percent = fields.Float(
        string="Auto-reply Share (%)",
        compute="_compute_auto_reply_percent",
        store=True,
        aggregator="avg",
        help="100 for a reply the AI published alone, 0 for one a person approved; "
        "averaged over replied comments.",
    )
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
    draft_source = fields.Selection(DRAFT_SOURCES, readonly=True)
    draft_grounded = fields.Boolean(
        string="Answered From Data",
        readonly=True,
        help="The draft answers from the catalog or the knowledge base.",
    )
    ai_run_id = fields.Many2one(
        "chatwoot.ai.run", string="AI Run", readonly=True, copy=False, ondelete="set null"
    )
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

    @api.depends("state", "auto_replied")
    def _compute_auto_reply_percent(self):
        for comment in self:
            replied = comment.state == "replied"
            comment.auto_reply_percent = 100.0 if replied and comment.auto_replied else 0.0

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
            "draft_source": False,
            "draft_grounded": False,
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

    # ------------------------------------------------------------------ triage and draft
    def _schedule_triage(self):
        """One job per comment and text: an edit gets its own triage, a redelivery none."""
        for comment in self:
            digest = hashlib.sha256((comment.body or "").encode()).hexdigest()[:16]
            comment.with_user(SUPERUSER_ID).with_delay(
                channel=JOB_CHANNEL,
                identity_key=f"social_triage:{comment.id}:{digest}",
                description=f"Triage social comment {comment.id}",
            )._job_triage()

    def _job_triage(self):
        """Queue job: classify, draft and apply the account's policy to new comments."""
        done = self.browse()
        for comment in self.filtered(lambda c: c.state == "new" and not c.is_own and c.body):
            comment._triage()
            comment._draft()
            comment._apply_policy()
            done |= comment
        return f"{len(done)} comment(s) triaged"

    def _triage(self):
        """Type, intent and sentiment (the analytics models), language, priority, SLA."""
        from odoo.addons.chatwoot_ai_analytics.stats.intent import IntentModel
        from odoo.addons.chatwoot_ai_analytics.stats.sentiment import SentimentModel

        self.ensure_one()
        account = self.account_id
        [sentiment] = SentimentModel.default().predict([self.body])
        [intent] = IntentModel.default().predict([self.body])
        result = triage(self.body, sentiment, intent, (account.sla_hours, account.urgent_sla_hours))
        profile = self.env["chatwoot.business.profile"]._profile_for(self.company_id)
        hours = result["sla_hours"]
        self.write(
            {
                "comment_type": result["comment_type"],
                "priority": result["priority"],
                "sentiment": sentiment[0],
                "sentiment_score": sentiment[1],
                "intent": intent[0],
                "intent_confidence": intent[1],
                "language": detect_language(self.body, default=profile.default_language),
                "sla_due": self.created_at + timedelta(hours=hours) if hours else False,
            }
        )

    def _social_tools(self, caption):
        """The crew's tools, bound to the comment's company and author."""
        context = self.env["chatwoot.context"]
        company, partner = self.company_id, self.partner_id

        def search_products(query, limit=5):
            found = context._search_products(query, partner=partner, limit=limit, company=company)
            if not found and caption:
                found = context._search_products(
                    search_query(caption), partner=partner, limit=limit, company=company
                )
            return found

        def search_knowledge(query, limit=3):
            return context._search_knowledge(query, company=company, limit=limit)

        def person_context():
            return self.env["res.partner"]._chatwoot_cross_channel_context(partner)

        return SocialTools(search_products, search_knowledge, person_context)

    def _draft(self):
        """Draft the public reply with the social-media crew; the run is logged."""
        self.ensure_one()
        company = self.company_id.sudo()
        caption = self.post_id._ensure_caption().caption or "" if self.post_id else ""
        profile = self.env["chatwoot.business.profile"]._profile_for(company)
        model_allowed = not company.chatwoot_ai_budget_spent

        def make_agent(tools, agent_profile):
            return CustomerAgent(
                build_llm(company._chatwoot_ai_llm_settings()), tools, agent_profile
            )

        crew = SocialCrew(make_agent, self._social_tools(caption), profile)
        run = (
            self.env["chatwoot.ai.run"]
            .sudo()
            .create(
                {
                    "kind": "social",
                    "social_comment_id": self.id,
                    "partner_id": self.partner_id.id,
                    "input_text": self.body,
                    "provider": company.chatwoot_ai_llm_provider,
                    "model": company.chatwoot_ai_llm_model or False,
                    "state": "running",
                    "attempts": 1,
                }
            )
        )
        started = time.perf_counter()
        arguments = (self.body, self.comment_type, self.intent, self.language or "pt")
        try:
            draft = crew.draft(
                *arguments,
                caption=caption,
                author_name=self.author_name,
                model_allowed=model_allowed,
            )
            error = False
        except LLMUnavailable as failure:
            draft = crew.draft(*arguments, author_name=self.author_name, model_allowed=False)
            error = str(failure) or type(failure).__name__
        run.write(
            {
                "state": "failed" if error else "done",
                "error": error,
                "output": draft.text,
                "suggested_reply": draft.text,
                "language": draft.language,
                "crew": draft.crew or "social",
                "confidence": draft.confidence,
                "context_snapshot": draft.context,
                "tokens_in": draft.tokens_in,
                "tokens_out": draft.tokens_out,
                "latency_ms": int((time.perf_counter() - started) * 1000),
                "estimated_cost": self.env["res.company"]._chatwoot_ai_estimated_cost(
                    company, draft.tokens_in, draft.tokens_out
                ),
            }
        )
        self.write(
            {
                "reply_body": draft.text or False,
                "confidence": draft.confidence,
                "draft_grounded": draft.grounded,
                "draft_source": draft.source,
                "ai_run_id": run.id,
            }
        )
        return draft

    def _apply_policy(self):
        """Publish, queue for approval, escalate, hide or ignore (``social.policy``)."""
        self.ensure_one()
        account = self.account_id
        action = decide(
            self.comment_type,
            self.confidence,
            self.draft_grounded,
            account.reply_mode,
            account.auto_min_confidence,
            account.hide_spam,
        )
        if action == "publish":
            self.write({"state": "approved", "auto_replied": True})
            self._schedule_publish()
        elif action in ("approve", "draft"):
            self.state = "drafted"
        elif action == "escalate":
            self._escalate()
        elif action == "hide":
            self._schedule_hide()
        else:
            self.state = "ignored"
        return action
