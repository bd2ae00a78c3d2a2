# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import time
from datetime import timedelta

import numpy as np

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..sql import bulk
from ..sql import customers as customer_sql
from ..sql.bulk import bulk_settings, bulk_write, read_numbers, staged, write_staged
from ..stats import customer_scoring as scoring
from ..stats.customer_scoring import TIME_UNIT_DAYS
from ..stats.native import one_thread
from ..stats.rfm import SEGMENTS

_logger = logging.getLogger(__name__)

MARKETER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_marketer"
JOURNEY_STAGES = [
    ("lead", "Lead"),
    ("first_purchase", "First Purchase"),
    ("repeat", "Repeat"),
    ("loyal", "Loyal"),
    ("at_risk", "At Risk"),
    ("lost", "Lost"),
]
CHURN_RISKS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
SENTIMENT_WINDOW_DAYS = 90
JOURNEY_HISTORY_MONTHS = 12
#: Pages of the insights table half full: every refresh rewrites every row, and the new versions
#: stay beside the old ones without touching the indexes (sql/bulk.set_fillfactor).
INSIGHT_FILLFACTOR = 50


class ChatwootCustomerInsight(models.Model):
    """Behavioural profile of one customer (commercial partner) in one company.

    Rows are written in bulk by :meth:`action_refresh` from SQL aggregates; the ORM only reads
    them. Contacts roll up to their commercial partner and companies are kept apart.
    """

    _name = "chatwoot.customer.insight"
    _description = "Customer Insight"
    _order = "clv_12m desc, id"
    _rec_name = "partner_id"

    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, readonly=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    rfm_segment = fields.Selection(SEGMENTS, string="RFM Segment", readonly=True, index=True)
    recency_score = fields.Integer(string="R", readonly=True, aggregator="avg")
    frequency_score = fields.Integer(string="F", readonly=True, aggregator="avg")
    monetary_score = fields.Integer(string="M", readonly=True, aggregator="avg")
    recency_days = fields.Integer(string="Days Since Last Order", readonly=True, aggregator="avg")
    frequency = fields.Integer(string="Orders", readonly=True)
    monetary = fields.Monetary(
        string="Net Spend", readonly=True, help="Confirmed orders minus posted credit notes."
    )
    avg_order_value = fields.Monetary(readonly=True, aggregator="avg")
    first_order_date = fields.Date(readonly=True)
    last_order_date = fields.Date(readonly=True)
    category_count = fields.Integer(string="Product Categories", readonly=True)
    message_count = fields.Integer(string="Messages Received", readonly=True)
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    unanswered_count = fields.Integer(string="Unanswered Conversations", readonly=True)
    channel_count = fields.Integer(
        string="Channels", readonly=True, help="Chatwoot channels the customer wrote from."
    )
    sentiment_recent = fields.Float(
        string="Recent Sentiment", readonly=True, aggregator="avg", digits=(16, 2)
    )
    sentiment_trend = fields.Float(readonly=True, aggregator="avg", digits=(16, 2))
    cluster = fields.Integer(readonly=True, aggregator=False)
    cluster_label = fields.Char(string="Cluster Profile", readonly=True)
    p_alive = fields.Float(string="P(alive)", readonly=True, aggregator="avg", digits=(16, 3))
    expected_orders_12m = fields.Float(
        string="Expected Orders (12 months)", readonly=True, digits=(16, 2)
    )
    clv_12m = fields.Monetary(
        string="CLV (12 months)",
        readonly=True,
        help="Discounted value of the next 12 months (BG/NBD + Gamma-Gamma), company currency.",
    )
    churn_probability = fields.Float(readonly=True, aggregator="avg", digits=(16, 3))
    churn_risk = fields.Selection(CHURN_RISKS, readonly=True, index=True)
    churn_reason_keys = fields.Char(readonly=True)
    churn_reasons = fields.Text(readonly=True)
    stage = fields.Selection(JOURNEY_STAGES, string="Journey Stage", readonly=True, index=True)
    last_refresh = fields.Datetime(readonly=True)
    run_id = fields.Many2one("chatwoot.analytics.run", string="Run", readonly=True)
    rhythm_note = fields.Text(
        string="Segment and Stage",
        compute="_compute_rhythm_note",
        help="Why the RFM segment and the journey stage read this customer differently.",
    )

    # A constraint, not a unique index: the partner merge wizard only sees constraints, and
    # drops the merged-away partner's insight instead of failing on the duplicate.
    _company_partner_uniq = models.Constraint(
        "UNIQUE(company_id, partner_id)", "One insight per customer and company."
    )
    _partner_idx = models.Index("(partner_id)")

    def init(self):
        result = super().init()
        bulk.set_fillfactor(self.env.cr, self._table, INSIGHT_FILLFACTOR)
        return result

    @api.depends("rfm_segment", "stage", "churn_reason_keys", "recency_days", "p_alive")
    def _compute_rhythm_note(self):
        from ..stats.rhythm import RECENT_LOOKING, RHYTHM_REASON, own_gaps

        for insight in self:
            first, last = insight.first_order_date, insight.last_order_date
            gap = own_gaps(
                [insight.frequency],
                [first.toordinal() if first else np.nan],
                [last.toordinal() if last else np.nan],
            )[0]
            values = {
                "days": insight.recency_days,
                "gap": "-" if np.isnan(gap) or not gap else round(gap),
                "p_alive": round(insight.p_alive * 100),
            }
            if RHYTHM_REASON in (insight.churn_reason_keys or "").split(","):
                insight.rhythm_note = self.env._(
                    "Ranked against the other customers this customer looks recent, but has been "
                    "silent for %(days)s days against a usual %(gap)s days between orders, with "
                    "a %(p_alive)s %% probability of still being active: the segment reads that "
                    "silence too.",
                    **values,
                )
            elif insight.rfm_segment in RECENT_LOOKING and insight.stage in ("at_risk", "lost"):
                insight.rhythm_note = self.env._(
                    "The segment ranks the %(days)s days since the last order against the other "
                    "customers; the journey stage compares them with this customer's own rhythm "
                    "(about %(gap)s days between orders) and a %(p_alive)s %% probability of "
                    "still being active.",
                    **values,
                )
            else:
                insight.rhythm_note = False

    # -- entry points -----------------------------------------------------------------------

    @api.model
    def action_refresh(self, incremental=False):
        """Refresh every analysis of the current user's companies.

        Customer insights for each company, then the conversation and product analyses of
        the other models when they are installed. Returns the analytics runs.
        """
        if not self.env.is_superuser() and not self.env.user.has_group(MARKETER_GROUP):
            raise AccessError(self.env._("Only marketers can refresh the analytics."))
        # Marketers may refresh, but the analyses write models only managers edit by hand.
        self = self.sudo()  # noqa: PLW0642
        runs = self.env["chatwoot.analytics.run"]
        for company in self.env.companies:
            runs |= self._refresh_company_or_record_failure(company, incremental)
        self._refresh_other_analyses(incremental)
        runs._notify_done()
        return runs

    def _refresh_company_or_record_failure(self, company, incremental):
        """One company's refresh; a failure is kept as a failed run (with the error) instead
        of losing the other companies' refresh and every trace of what went wrong."""
        try:
            with self.env.cr.savepoint():
                return self._refresh_company(company, incremental=incremental)
        except Exception as error:  # noqa: BLE001 - recorded, logged, and shown to the user
            _logger.exception("customer analytics: refresh of company %s failed", company.id)
            return self.env["chatwoot.analytics.run"]._record_failure(company, incremental, error)

    def action_refresh_queued(self):
        """Button: run the refresh as a queue job and tell the user it started.

        A list-header button: the web client calls it on the selected records (none, some or
        all); the refresh always covers the user's companies, whatever is selected."""
        if not self.env.user.has_group(MARKETER_GROUP):
            raise AccessError(self.env._("Only marketers can refresh the analytics."))
        self.with_delay(description=self.env._("Refresh customer analytics"))._job_refresh(
            self.env.companies.ids, notify_uid=self.env.uid
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._("The analytics refresh started; you will be notified."),
            },
        }

    @api.model
    def _job_refresh(self, company_ids, incremental=False, notify_uid=None):
        """The queued refresh; ``notify_uid`` is the user who asked, told of each step."""
        return (
            self.with_company(company_ids[0])
            .with_context(allowed_company_ids=company_ids, chatwoot_analytics_notify_uid=notify_uid)
            .action_refresh(incremental=incremental)
            .ids
        )

    @api.model
    def _cron_refresh(self):
        """Nightly: a full refresh of every company (the population fits are re-estimated)."""
        companies = self.env["res.company"].search([("active", "=", True)])
        self.with_context(allowed_company_ids=companies.ids).action_refresh(incremental=False)

    @api.model
    def _refresh_other_analyses(self, incremental):
        """Conversation and product analyses of this addon, one after the other."""
        # Topics first: they classify the new messages they assign in the same UPDATE, and
        # the classification step then only sees the messages no topic model covers.
        steps = (
            (self.env["chatwoot.topic"], lambda model: model._refresh_topics()),
            (self.env["chatwoot.message"], lambda model: model._analytics_classify(since=None)),
            (self.env["chatwoot.product.affinity"], lambda model: model._refresh_affinity()),
            (self.env["chatwoot.product.trend"], lambda model: model._refresh_trends()),
        )
        for model, step in steps:
            _logger.info("customer analytics: %s", model._name)
            self.env["chatwoot.analytics.run"]._notify_live(
                self.env._("Analysing: %(what)s", what=model._description)
            )
            with one_thread():
                step(model)

    # -- one company ------------------------------------------------------------------------

    def _refresh_company(self, company, incremental=False, reuse_fits=False):
        """Refresh the insights of ``company``; returns its ``chatwoot.analytics.run``.

        ``incremental`` scores only the customers changed since the last run, with the
        population fits of the last full run; ``reuse_fits`` scores everybody with those fits
        (what an incremental run must agree with).
        """
        with one_thread(), bulk_settings(self.env.cr):
            return self._refresh_company_steps(company, incremental, reuse_fits)

    def _refresh_company_steps(self, company, incremental, reuse_fits):
        started = time.perf_counter()
        # The transaction's time, the one write_date gets: the next incremental run picks up
        # whatever is written after this run's snapshot.
        now = self.env.cr.now()
        run, base_run, last_run = (
            self.env["chatwoot.analytics.run"]
            .sudo()
            ._start(company, now, incremental=incremental, reuse_fits=reuse_fits)
        )
        incremental, reuse_fits = run.incremental, bool(reuse_fits and base_run)
        customer_ids = None
        if incremental:
            customer_ids = self._changed_customers(company, last_run.started_at)
        run._report_progress(10, "extract")
        data, events = self._extract_customers_and_events(company, now, customer_ids)
        if incremental or reuse_fits:
            fits = base_run._fits()
            run.fits_json = base_run.fits_json
        else:
            run._report_progress(30, "fit")
            fits = self._fit_population(company, now, data, events, run)
            self._rebuild_journey_history(company, now, events)
        run._report_progress(60, "score")
        scores = self._score_customers(data, events, fits, now)
        run._report_progress(80, "write")
        removed = self._write_insights(company, run, now, data, scores, customer_ids)
        run._finish(data, removed, time.perf_counter() - started)
        return run

    def _changed_customers(self, company, since):
        """Commercial partners with orders, credit notes, messages or partner edits since
        ``since`` (see sql/customers.changed_customers_query)."""
        self.env.flush_all()
        query = customer_sql.changed_customers_query(company.id, since)
        return [row[0] for row in self.env.execute_query(query)]

    # -- extraction -------------------------------------------------------------------------

    def _extract_customers_and_events(self, company, now, customer_ids=None):
        """``(data, events)``: one row of raw behaviour per customer of ``company`` as of
        ``now``, as arrays (stats/customer_scoring.customer_arrays), and their churn events.

        Three event reads and one aggregate query, each numbers only and streamed through COPY
        into a float matrix (sql/bulk.read_numbers): the orders are read once, as events, and
        summed per customer in NumPy; nothing becomes a Python tuple per row.
        """
        from ..stats import churn

        self.env.flush_all()
        orders, messages, conversations = (
            read_numbers(self.env, query, width)
            for query, width in zip(
                customer_sql.churn_event_queries(company.id, now, customer_ids),
                (3, 4, 3),
                strict=True,
            )
        )
        aggregates = read_numbers(
            self.env,
            customer_sql.customer_aggregates_query(
                company.id,
                now,
                customer_ids,
                recent=now - timedelta(days=SENTIMENT_WINDOW_DAYS),
                before=now - timedelta(days=2 * SENTIMENT_WINDOW_DAYS),
            ),
            len(scoring.AGGREGATE_COLUMNS),
        )
        data = scoring.customer_arrays(orders, aggregates, now.date(), TIME_UNIT_DAYS)
        events = churn.CustomerEvents.from_rows(
            data["customer_id"], orders, messages, conversations
        )
        return data, events

    # -- population fits ---------------------------------------------------------------------

    def _fit_population(self, company, now, data, events, run):
        """Fit every population-level model (stats/customer_scoring.fit_population) and store
        the fits, their figures and the pickled churn classifier on ``run``."""
        return run._store_fits(*scoring.fit_population(data, events, now.date()))

    # -- scoring -----------------------------------------------------------------------------

    def _score_customers(self, data, events, fits, now):
        """Every per-customer score (stats/customer_scoring.score_customers): full and
        incremental refreshes both go through here with the same fits."""
        return scoring.score_customers(
            data,
            events,
            fits,
            now.date(),
            self.env["chatwoot.analytics.run"].sudo()._load_churn_classifier,
            self._churn_reason_labels(),
        )

    def _churn_reason_labels(self):
        """Readable, translated text of each reason key of stats/churn.REASONS."""
        return {
            "no_recent_orders": self.env._("No recent orders"),
            "overdue_vs_own_cycle": self.env._("Overdue compared with their usual buying cycle"),
            "declining_frequency": self.env._("Buying less often"),
            "few_orders": self.env._("Few orders"),
            "low_spend": self.env._("Low spend"),
            "new_customer": self.env._("New customer, no habit yet"),
            "negative_sentiment": self.env._("Negative sentiment in conversations"),
            "worsening_sentiment": self.env._("Sentiment getting worse"),
            "complaints": self.env._("Recent complaints"),
            "unanswered_conversations": self.env._("Unanswered conversations"),
            "low_p_alive": self.env._("Low probability of still being active"),
            "silent_beyond_rhythm": self.env._(
                "Silent for several of their usual gaps between orders: moved out of a "
                "recent-looking segment"
            ),
        }

    def _rebuild_journey_history(self, company, now, events):
        """Monthly stage transitions of the last 12 months, rebuilt from the order history.

        Stored as one row per (month end, from, to) with its customer count (P(alive) is not
        refitted per month, see stats/journey.monthly_stages), so the transitions report is
        complete from the first refresh; later refreshes add the moves they observe, one row
        per customer.
        """
        from ..stats.journey import history_transitions

        transitions = history_transitions(
            events.order_customer,
            events.order_day,
            events.customer_count,
            now.date(),
            JOURNEY_HISTORY_MONTHS,
        )
        self.env.cr.execute(customer_sql.delete_journey_history_query(company.id))
        bulk_write(
            self.env,
            "chatwoot_customer_journey",
            customer_sql.JOURNEY_HISTORY_COLUMNS,
            customer_sql.journey_history_lines(company.id, transitions),
            now=now,
        )

    # -- writing back ------------------------------------------------------------------------

    def _write_insights(self, company, run, now, data, scores, customer_ids):
        """Upsert the insights of ``company`` in bulk, record the journey stage changes and
        remove the insights of customers who are no longer customers (merged away, rolled up
        into a company, only cancelled orders left). Returns the number removed."""
        lines = customer_sql.insight_lines(company.id, run.id, now, data, scores)
        columns = customer_sql.INSIGHT_COLUMNS
        with staged(self.env, self._table, columns, lines) as incoming:
            self.env.cr.execute(
                customer_sql.stage_changes_query(
                    company.id, now.date(), self.env.uid, now, incoming
                )
            )
            write_staged(
                self.env, self._table, incoming, columns, ("company_id", "partner_id"), now
            )
            self.env.cr.execute(
                customer_sql.remove_stale_insights_query(company.id, incoming, customer_ids)
            )
            removed = self.env.cr.rowcount
        self.env.invalidate_all()
        return removed
