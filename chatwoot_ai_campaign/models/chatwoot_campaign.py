# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import SUPERUSER_ID, Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval

from odoo.addons.chatwoot_ai_analytics.models.chatwoot_customer_insight import (
    CHURN_RISKS,
    JOURNEY_STAGES,
)
from odoo.addons.chatwoot_ai_analytics.stats.rfm import SEGMENT_KEYS

from ..dispatch.constants import (
    CAMPAIGN_STATES,
    CHANNELS,
    GOALS,
    PLACEHOLDERS,
    PRIORITIES,
    PRIORITY_RANK,
    SKIP_REASONS,
)
from ..dispatch.placeholders import unknown_placeholders

MARKETER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_marketer"
MANAGER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_manager"
JOB_CHANNEL = "root.chatwoot.campaign"
JOB_PRIORITY = 5
PREVIEW_SIZE = 20
FUNNEL_FIELDS = ("queued", "sent", "delivered", "read", "replied", "converted", "failed")


def _keys(text):
    """Comma or space separated keys of a text field, in order."""
    return [key.strip() for key in (text or "").replace(" ", ",").split(",") if key.strip()]


class ChatwootCampaign(models.Model):
    """A message to a segment of customers, through one channel, within limits.

    Launching plans the recipients (consent, caps, time zones) and starts the dispatch
    jobs; pause, resume and cancel take effect between two sends.
    """

    _name = "chatwoot.campaign"
    _description = "Chatwoot Campaign"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", string="Owner", default=lambda self: self.env.user, tracking=True
    )
    utm_campaign_id = fields.Many2one(
        "utm.campaign", string="UTM Campaign", ondelete="restrict", copy=False
    )
    goal = fields.Selection(GOALS, required=True, default="reply")
    channel = fields.Selection(CHANNELS, required=True, default="chatwoot", tracking=True)
    account_id = fields.Many2one("chatwoot.account", string="Chatwoot Account")
    topic_id = fields.Many2one("chatwoot.campaign.topic", string="Topic")
    # Audience ------------------------------------------------------------------
    segment_keys = fields.Char(
        string="RFM Segments", help=f"Comma separated: {', '.join(SEGMENT_KEYS)}."
    )
    clusters = fields.Char(help="Comma separated cluster numbers of the customer analytics.")
    journey_stages = fields.Char(
        help=f"Comma separated: {', '.join(key for key, _label in JOURNEY_STAGES)}."
    )
    churn_risks = fields.Char(
        string="Churn-risk Bands", help=f"Comma separated: {', '.join(k for k, _l in CHURN_RISKS)}."
    )
    audience_domain = fields.Text(string="Contact Filter", default="[]")
    audience_count = fields.Integer(compute="_compute_audience")
    audience_preview_ids = fields.Many2many(
        "res.partner", string="Audience Preview", compute="_compute_audience"
    )
    # Message -------------------------------------------------------------------
    message = fields.Text(
        help="Placeholders: " + ", ".join(f"{{{name}}}" for name in PLACEHOLDERS) + "."
    )
    coupon = fields.Char(help="Value of the {coupon} placeholder.")
    template_name = fields.Char(
        string="WhatsApp Template", help="Approved template sent outside the 24 h window."
    )
    template_language = fields.Char(default="pt_BR")
    variant_ids = fields.One2many("chatwoot.campaign.variant", "campaign_id", copy=True)
    ai_offer = fields.Char(string="Offer", help="What the AI variants announce, e.g. 10% off.")
    ai_variant_count = fields.Integer(string="Variants to Write", default=3)
    ai_writer_available = fields.Boolean(
        string="AI Writer Available", compute="_compute_ai_writer_available"
    )
    exploration = fields.Float(
        string="Exploration Share", default=0.1, help="Share of sends that try every variant."
    )
    explore_until = fields.Integer(
        string="Explore First", default=100, help="Sends split evenly before the bandit decides."
    )
    # Schedule ------------------------------------------------------------------
    start_at = fields.Datetime(string="Start", default=fields.Datetime.now)
    end_at = fields.Datetime(string="End")
    window_start = fields.Float(string="Send From", default=9.0)
    window_end = fields.Float(string="Send Until", default=20.0)
    quiet_weekdays = fields.Char(
        string="Quiet Days", default="6", help="Weekdays without sends: 0 = Monday … 6 = Sunday."
    )
    priority = fields.Selection(PRIORITIES, required=True, default="normal")
    optimise_send_time = fields.Boolean(
        string="Optimise Send Time", help="Send at each person's usual reply or read hour."
    )
    reply_window_hours = fields.Integer(string="Reply Window (h)", default=72)
    attribution_days = fields.Integer(string="Attribution Window (days)", default=7)
    autopause_window = fields.Integer(string="Auto-pause Over Last Sends", default=50)
    max_failure_rate = fields.Float(default=0.25)
    max_optout_rate = fields.Float(string="Max Opt-out Rate", default=0.05)
    max_block_rate = fields.Float(default=0.05)
    pause_reason = fields.Char(readonly=True, copy=False)
    # Dispatch ------------------------------------------------------------------
    sender_ids = fields.One2many("chatwoot.campaign.sender", "campaign_id", copy=True)
    recipient_ids = fields.One2many("chatwoot.campaign.recipient", "campaign_id")
    state = fields.Selection(
        CAMPAIGN_STATES, required=True, default="draft", tracking=True, copy=False, index=True
    )
    launched_at = fields.Datetime(readonly=True, copy=False)
    # Counts --------------------------------------------------------------------
    recipient_count = fields.Integer(compute="_compute_counts")
    skipped_count = fields.Integer(compute="_compute_counts")
    queued_count = fields.Integer(compute="_compute_counts")
    sent_count = fields.Integer(compute="_compute_counts")
    delivered_count = fields.Integer(compute="_compute_counts")
    read_count = fields.Integer(compute="_compute_counts")
    replied_count = fields.Integer(compute="_compute_counts")
    converted_count = fields.Integer(compute="_compute_counts")
    failed_count = fields.Integer(compute="_compute_counts")
    revenue = fields.Monetary(compute="_compute_counts", currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    skip_summary = fields.Text(string="Skipped by Reason", compute="_compute_counts")

    _window_range = models.Constraint(
        "CHECK(window_start >= 0 AND window_start <= 24 AND window_end >= 0 AND window_end <= 24)",
        "Send windows are local hours between 0 and 24.",
    )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        campaigns = super().create(vals_list)
        for campaign in campaigns.filtered(lambda c: not c.utm_campaign_id):
            campaign.utm_campaign_id = (
                self.env["utm.campaign"].sudo().create({"name": campaign.name})
            )
        return campaigns

    @api.constrains("message", "variant_ids")
    def _check_placeholders(self):
        for campaign in self:
            texts = [campaign.message] + campaign.variant_ids.mapped("message")
            unknown = sorted({name for text in texts for name in unknown_placeholders(text)})
            if unknown:
                raise ValidationError(
                    self.env._(
                        "Unknown placeholder(s): %(unknown)s. Use: %(known)s.",
                        unknown=", ".join(f"{{{name}}}" for name in unknown),
                        known=", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
                    )
                )

    @api.constrains("segment_keys", "journey_stages", "churn_risks", "clusters", "audience_domain")
    def _check_audience(self):
        vocabularies = {
            "segment_keys": set(SEGMENT_KEYS),
            "journey_stages": {key for key, _label in JOURNEY_STAGES},
            "churn_risks": {key for key, _label in CHURN_RISKS},
        }
        for campaign in self:
            for field_name, allowed in vocabularies.items():
                wrong = [key for key in _keys(campaign[field_name]) if key not in allowed]
                if wrong:
                    raise ValidationError(
                        self.env._(
                            "Unknown value(s) in %(field)s: %(values)s.",
                            field=self._fields[field_name].string,
                            values=", ".join(wrong),
                        )
                    )
            if any(not key.isdigit() for key in _keys(campaign.clusters)):
                raise ValidationError(self.env._("Clusters are numbers, e.g. 0, 2."))
            campaign._audience_domain()

    @api.constrains("channel", "account_id", "sender_ids")
    def _check_senders(self):
        for campaign in self:
            if campaign.channel == "chatwoot" and campaign.sender_ids.filtered(
                lambda s, c=campaign: s.inbox_id.account_id != c.account_id
            ):
                raise ValidationError(
                    self.env._("Chatwoot senders must be inboxes of the campaign's account.")
                )

    # ------------------------------------------------------------------ audience
    def _audience_domain(self):
        """The partner domain of the contact filter (validated)."""
        self.ensure_one()
        try:
            domain = safe_eval(self.audience_domain or "[]")
            self.env["res.partner"]._search(domain)
        except Exception as error:
            raise ValidationError(
                self.env._("The contact filter is not valid: %s", error)
            ) from error
        return domain

    def _audience_filters(self):
        """The analytics filters as a ``SQL`` condition on ``insight`` (the customer's row)."""
        self.ensure_one()
        conditions = []
        for column, text in (
            ("rfm_segment", self.segment_keys),
            ("stage", self.journey_stages),
            ("churn_risk", self.churn_risks),
        ):
            keys = _keys(text)
            if keys:
                conditions.append(SQL("insight.%s = ANY(%s)", SQL.identifier(column), keys))
        clusters = [int(key) for key in _keys(self.clusters)]
        if clusters:
            conditions.append(SQL("insight.cluster = ANY(%s)", clusters))
        return SQL(" AND ").join(conditions) if conditions else SQL("TRUE")

    def _audience_query(self):
        """``SQL`` selecting the ids of the audience's partners (no consent filtering yet)."""
        self.ensure_one()
        query = (
            self.env["res.partner"]
            .sudo()
            ._search([*self._audience_domain(), ("active", "=", True)])
        )
        return SQL(
            """
            SELECT p.id
              FROM res_partner p
              LEFT JOIN chatwoot_customer_insight insight
                     ON insight.partner_id = p.commercial_partner_id
                    AND insight.company_id = %(company)s
             WHERE p.id IN (%(partners)s) AND %(filters)s
            """,
            company=self.company_id.id,
            partners=query.select(),
            filters=self._audience_filters(),
        )

    @api.depends("audience_domain", "segment_keys", "clusters", "journey_stages", "churn_risks")
    def _compute_audience(self):
        self.env.flush_all()
        for campaign in self:
            try:
                query = campaign._audience_query()
            except ValidationError:
                campaign.audience_count, campaign.audience_preview_ids = 0, False
                continue
            ids = [
                row[0]
                for row in self.env.execute_query(
                    SQL("SELECT id FROM (%s) a ORDER BY id LIMIT %s", query, PREVIEW_SIZE)
                )
            ]
            count = self.env.execute_query(SQL("SELECT COUNT(*) FROM (%s) a", query))[0][0]
            campaign.audience_count = count
            campaign.audience_preview_ids = [Command.set(ids)]

    def _compute_ai_writer_available(self):
        self.ai_writer_available = self.env["chatwoot.campaign.variant"]._ai_writer_available()

    def action_write_variants(self):
        """Have the content crew write variants of the message (draft campaigns)."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("Variants are written before the launch."))
        self.env["chatwoot.campaign.variant"]._write_with_ai(self, self.ai_variant_count)
        return True

    # ------------------------------------------------------------------ counts
    def _compute_counts(self):
        rows = self.env["chatwoot.campaign.recipient"]._read_group(
            [("campaign_id", "in", self.ids)],
            ["campaign_id", "state", "skip_reason"],
            ["__count", "revenue:sum"],
        )
        labels = dict(SKIP_REASONS)
        stats = {}
        for campaign, state, reason, count, revenue in rows:
            data = stats.setdefault(campaign.id, {"states": {}, "reasons": {}, "revenue": 0.0})
            data["states"][state] = data["states"].get(state, 0) + count
            data["revenue"] += revenue or 0.0
            if state == "skipped" and reason:
                data["reasons"][reason] = count
        funnel_order = ("queued", "sending", "sent", "delivered", "read", "replied", "converted")
        for campaign in self:
            data = stats.get(campaign.id, {"states": {}, "reasons": {}, "revenue": 0.0})
            states = data["states"]
            campaign.recipient_count = sum(states.values())
            campaign.skipped_count = states.get("skipped", 0)
            campaign.failed_count = states.get("failed", 0)
            # A funnel stage counts everyone who reached it or went further.
            for index, stage in enumerate(funnel_order):
                if stage == "sending":
                    continue
                reached = sum(states.get(s, 0) for s in funnel_order[index:])
                if stage == "queued":
                    reached += states.get("failed", 0) + states.get("cancelled", 0)
                campaign[f"{stage}_count"] = reached
            campaign.revenue = data["revenue"]
            campaign.skip_summary = "\n".join(
                f"{labels[reason]}: {count}" for reason, count in sorted(data["reasons"].items())
            )

    # ------------------------------------------------------------------ actions
    def _check_can_launch(self):
        user = self.env.user
        for campaign in self:
            needs_manager = campaign.company_id.chatwoot_campaign_approval
            group = MANAGER_GROUP if needs_manager else MARKETER_GROUP
            if not self.env.su and not user.has_group(group):
                raise AccessError(
                    self.env._(
                        "Only ChatwootAI Managers may launch campaigns in %s.",
                        campaign.company_id.name,
                    )
                    if needs_manager
                    else self.env._("Only ChatwootAI Marketers may launch campaigns.")
                )
            if campaign.state != "draft":
                raise UserError(self.env._("Only draft campaigns can be launched."))
            if not campaign.sender_ids:
                raise UserError(self.env._("Add at least one sender."))
            if not (campaign.message or campaign.variant_ids or campaign.template_name):
                raise UserError(self.env._("Write the message first."))
            if campaign.channel == "chatwoot" and not campaign.account_id:
                raise UserError(self.env._("Choose the Chatwoot account."))

    def action_launch(self):
        """Plan the recipients and start dispatching (at the start date)."""
        self._check_can_launch()
        for campaign in self:
            self.env["chatwoot.campaign.planner"]._plan(campaign)
            now = fields.Datetime.now()
            campaign.write(
                {
                    "state": "running" if (campaign.start_at or now) <= now else "scheduled",
                    "launched_at": now,
                    "pause_reason": False,
                }
            )
            campaign._schedule_dispatch()
        return True

    def action_pause(self):
        self.filtered(lambda c: c.state in ("running", "scheduled")).write({"state": "paused"})
        return True

    def action_resume(self):
        paused = self.filtered(lambda c: c.state == "paused")
        paused.write({"state": "running", "pause_reason": False})
        paused.sender_ids.write({"state": "healthy", "failure_count": 0})
        for campaign in paused:
            campaign._schedule_dispatch()
        return True

    def action_cancel(self):
        active = self.filtered(lambda c: c.state not in ("done", "cancelled"))
        active.write({"state": "cancelled"})
        self.env["chatwoot.campaign.recipient"].sudo().search(
            [("campaign_id", "in", active.ids), ("state", "=", "queued")]
        ).write({"state": "cancelled"})
        return True

    def action_view_recipients(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "chatwoot_ai_campaign.chatwoot_campaign_recipient_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        return action

    def action_view_funnel(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "chatwoot_ai_campaign.chatwoot_campaign_funnel_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        return action

    def action_send_test(self):
        """Ask for one partner and send them the message now (not counted as a recipient)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send Test"),
            "res_model": "chatwoot.campaign.test",
            "view_mode": "form",
            "target": "new",
            "context": {"default_campaign_id": self.id},
        }

    # ------------------------------------------------------------------ jobs
    def _schedule_dispatch(self, eta=None, sender_ids=None):
        """One dispatch job per sender waiting at a time (each job schedules its next one):
        the senders send side by side, within the channel's capacity."""
        for campaign in self:
            senders = campaign.sender_ids
            if sender_ids is not None:
                senders = senders.filtered(lambda s, ids=set(sender_ids): s.id in ids)
            for sender in senders:
                identity = f"chatwoot_campaign_dispatch:{campaign.id}:{sender.id}"
                waiting = self.env.execute_query(
                    SQL(
                        "SELECT 1 FROM queue_job WHERE identity_key = %s "
                        "AND state IN ('wait_dependencies', 'pending', 'enqueued') LIMIT 1",
                        identity,
                    )
                )
                if waiting:
                    continue
                campaign.with_user(SUPERUSER_ID).with_delay(
                    channel=JOB_CHANNEL,
                    # Transactional batches go first when the channel is busy.
                    priority=JOB_PRIORITY + 5 * PRIORITY_RANK.get(campaign.priority, 2),
                    eta=eta or campaign.start_at,
                    identity_key=identity,
                    description=f"Campaign: send {campaign.name} ({sender.name})",
                )._job_dispatch(sender_ids=[sender.id])

    def _job_dispatch(self, max_seconds=None, sender_ids=None):
        """Queue job: send what is due through ``sender_ids`` (all when None); see
        ``chatwoot.campaign.dispatcher``."""
        return self.env["chatwoot.campaign.dispatcher"]._dispatch(
            self.id, max_seconds, sender_ids=sender_ids
        )

    @api.model
    def _cron_dispatch(self):
        """Safety net: running campaigns with due recipients and no waiting job get one."""
        campaigns = self.search([("state", "in", ("running", "scheduled"))])
        now = fields.Datetime.now()
        campaigns.filtered(lambda c: c.state == "scheduled" and c.start_at <= now).write(
            {"state": "running"}
        )
        campaigns.filtered(lambda c: c.state == "running")._schedule_dispatch(
            eta=now + timedelta(seconds=1)
        )

    def _auto_pause(self, kind, rate):
        """Pause and tell the owner why (failure, opt-out or block rate over its limit)."""
        labels = {
            "failure": self.env._("failure rate"),
            "opt_out": self.env._("opt-out rate"),
            "block": self.env._("block rate"),
        }
        reason = self.env._(
            "%(what)s %(rate)s%% over the last sends", what=labels[kind], rate=round(rate * 100, 1)
        )
        for campaign in self:
            campaign.write({"state": "paused", "pause_reason": reason})
            campaign.message_post(
                body=self.env._("Campaign paused automatically: %s.", reason),
                partner_ids=campaign.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
