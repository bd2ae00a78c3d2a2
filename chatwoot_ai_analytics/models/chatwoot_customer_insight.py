# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import json
import logging
import pickle
import time
from datetime import date, timedelta

import numpy as np
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL
from odoo.tools.sql import column_exists

from ..sql.bulk import bulk_write, copy_lines, copy_text, read_numbers, staged, write_staged
from ..stats import clv as clv_stats
from ..stats.customer_scoring import fit_rfm_thresholds, score_rfm
from ..stats.rfm import SEGMENTS, rfm_segments

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
CHURN_RISK_BOUNDS = (0.4, 0.7)  # churn probability from which the risk is medium, high
TIME_UNIT_DAYS = 7  # BTYD periods are weeks, like the CDNOW reference fits
SENTIMENT_WINDOW_DAYS = 90
# Fewer customers than this and the BTYD fit is noise: the published CDNOW fit serves as prior.
MIN_BUYERS_TO_FIT = 50
MIN_REPEATERS_TO_FIT = 10
PRIOR_BGNBD = {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}
PRIOR_GG_SHAPE = {"p": 6.25, "q": 3.74}
# Behaviour features, in this order, for clusters and the churn classifier.
FEATURES = (
    "recency_days",
    "frequency",
    "monetary",
    "avg_order_value",
    "category_count",
    "message_count",
    "complaint_count",
    "unanswered_count",
    "channel_count",
    "sentiment_recent",
    "sentiment_trend",
)
JOURNEY_HISTORY_MONTHS = 12
# Weight of the classifier against the BTYD 1 - P(alive) in the churn probability.
CHURN_CLASSIFIER_WEIGHT = 0.5
INSIGHT_COLUMNS = (
    "company_id",
    "partner_id",
    "rfm_segment",
    "recency_score",
    "frequency_score",
    "monetary_score",
    "recency_days",
    "frequency",
    "monetary",
    "avg_order_value",
    "first_order_date",
    "last_order_date",
    "category_count",
    "message_count",
    "complaint_count",
    "unanswered_count",
    "channel_count",
    "sentiment_recent",
    "sentiment_trend",
    "cluster",
    "cluster_label",
    "p_alive",
    "expected_orders_12m",
    "clv_12m",
    "churn_probability",
    "churn_risk",
    "churn_reason_keys",
    "churn_reasons",
    "stage",
    "last_refresh",
    "run_id",
)


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

    @api.depends("rfm_segment", "stage", "churn_reason_keys", "recency_days", "p_alive")
    def _compute_rhythm_note(self):
        from ..stats.rhythm import RECENT_LOOKING, RHYTHM_REASON

        for insight in self:
            gap = insight._usual_gap()
            values = {
                "days": insight.recency_days,
                "gap": round(gap) if gap else "-",
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

    def _usual_gap(self):
        """Mean days between this customer's orders (0 below two orders)."""
        self.ensure_one()
        if self.frequency < 2 or not self.first_order_date or not self.last_order_date:
            return 0.0
        return (self.last_order_date - self.first_order_date).days / (self.frequency - 1)

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
        self._notify_done(runs)
        return runs

    def _refresh_company_or_record_failure(self, company, incremental):
        """One company's refresh; a failure is kept as a failed run (with the error) instead
        of losing the other companies' refresh and every trace of what went wrong."""
        try:
            with self.env.cr.savepoint():
                return self._refresh_company(company, incremental=incremental)
        except Exception as error:  # noqa: BLE001 - recorded, logged, and shown to the user
            _logger.exception("customer analytics: refresh of company %s failed", company.id)
            return self.env["chatwoot.analytics.run"].create(
                {
                    "name": f"{company.name} {self.env.cr.now():%Y-%m-%d %H:%M}",
                    "company_id": company.id,
                    "incremental": incremental,
                    "state": "failed",
                    "error": str(error),
                }
            )

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
        steps = (
            (self.env["chatwoot.message"], lambda model: model._analytics_classify(since=None)),
            (self.env["chatwoot.topic"], lambda model: model._refresh_topics()),
            (self.env["chatwoot.product.affinity"], lambda model: model._refresh_affinity()),
            (self.env["chatwoot.product.trend"], lambda model: model._refresh_trends()),
        )
        for model, step in steps:
            _logger.info("customer analytics: %s", model._name)
            self.env["chatwoot.analytics.run"]._notify_live(
                self.env._("Analysing: %(what)s", what=model._description)
            )
            step(model)

    def _notify_done(self, runs):
        failed = runs.filtered(lambda run: run.state == "failed")
        if failed:
            kind = "warning"
            message = self.env._(
                "Customer analytics refresh failed for %(companies)s: see Analytics Runs.",
                companies=", ".join(failed.company_id.mapped("name")),
            )
        else:
            kind = "success"
            message = self.env._(
                "Customer analytics refreshed: %(customers)s customers in %(seconds)s s.",
                customers=sum(runs.mapped("customer_count")),
                seconds=round(sum(runs.mapped("duration")), 1),
            )
        self.env.user._bus_send(
            "simple_notification",
            {"type": kind, "title": self.env._("Analytics"), "message": message},
        )

    # -- one company ------------------------------------------------------------------------

    def _refresh_company(self, company, incremental=False, reuse_fits=False):
        """Refresh the insights of ``company``; returns its ``chatwoot.analytics.run``.

        ``incremental`` scores only the customers changed since the last run, with the
        population fits of the last full run; ``reuse_fits`` scores everybody with those fits
        (what an incremental run must agree with).
        """
        started = time.perf_counter()
        # The transaction's time, the one write_date gets: the next incremental run picks up
        # whatever is written after this run's snapshot.
        now = self.env.cr.now()
        Run = self.env["chatwoot.analytics.run"].sudo()
        base_run = Run.search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("incremental", "=", False),
                ("fits_json", "!=", False),
            ],
            limit=1,
        )
        last_run = Run.search([("company_id", "=", company.id), ("state", "=", "done")], limit=1)
        incremental = bool(incremental and base_run)
        reuse_fits = bool(reuse_fits and base_run)
        run = Run.create(
            {
                "name": f"{company.name} {now:%Y-%m-%d %H:%M}",
                "company_id": company.id,
                "incremental": incremental,
                "base_run_id": base_run.id if incremental or reuse_fits else False,
                "started_at": now,
            }
        )
        customer_ids = None
        if incremental:
            customer_ids = self._changed_customers(company, last_run.started_at)
        run._report_progress(10, "extract")
        data = self._extract_customers(company, now, customer_ids)
        events = self._churn_events(company, now, data["customer_id"].tolist(), customer_ids)
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
        run.write(
            {
                "state": "done",
                "progress": 100,
                "progress_message": "done",
                "customer_count": len(data["customer_id"]),
                "buyer_count": int((data["frequency"] > 0).sum()),
                "removed_count": removed,
                "duration": time.perf_counter() - started,
            }
        )
        _logger.info(
            "customer analytics: company %s, %s run, %s customers, %s removed, %.1f s",
            company.id,
            "incremental" if incremental else "full",
            run.customer_count,
            removed,
            run.duration,
        )
        return run

    def _changed_customers(self, company, since):
        """Commercial partners with orders, credit notes, messages or partner edits since
        ``since`` (a merge rewrites orders in SQL but writes the surviving partner)."""
        self.env.flush_all()
        query = SQL(
            """
            SELECT DISTINCT rp.commercial_partner_id FROM (
                SELECT partner_id FROM sale_order WHERE company_id = %(company)s
                   AND write_date >= %(since)s
                UNION ALL
                SELECT partner_id FROM account_move WHERE company_id = %(company)s
                   AND move_type = 'out_refund' AND write_date >= %(since)s
                UNION ALL
                SELECT partner_id FROM chatwoot_message WHERE company_id = %(company)s
                   AND create_date >= %(since)s
                UNION ALL
                SELECT partner_id FROM chatwoot_conversation WHERE company_id = %(company)s
                   AND write_date >= %(since)s
                UNION ALL
                SELECT id FROM res_partner WHERE write_date >= %(since)s
            ) changed
            JOIN res_partner rp ON rp.id = changed.partner_id
            """,
            company=company.id,
            since=since,
        )
        return [row[0] for row in self.env.execute_query(query)]

    # -- extraction -------------------------------------------------------------------------

    def _message_signal_columns(self):
        """SQL for the sentiment and intent of a message: the columns exist once the
        conversation analytics add them; until then a message counts as neutral."""
        cr = self.env.cr
        sentiment = (
            SQL("m.sentiment_score")
            if column_exists(cr, "chatwoot_message", "sentiment_score")
            else SQL("NULL::float")
        )
        complaint = (
            SQL("(m.intent = 'complaint')")
            if column_exists(cr, "chatwoot_message", "intent")
            else SQL("FALSE")
        )
        return sentiment, complaint

    @staticmethod
    def _only_customers(customer_ids):
        """SQL restricting a query on ``rp`` (res_partner) to some commercial partners."""
        if customer_ids is None:
            return SQL()
        return SQL("AND rp.commercial_partner_id = ANY(%s)", list(customer_ids))

    @staticmethod
    def _excluded_partners_query():
        """Partners whose orders are no customer's: the companies' own, and the ones flagged
        (POS walk-in and other anonymous default customers)."""
        return SQL(
            "SELECT partner_id AS id FROM res_company WHERE partner_id IS NOT NULL "
            "UNION SELECT id FROM res_partner WHERE chatwoot_analytics_exclude"
        )

    def _orders_query(self, company, now, customer_ids=None):
        """Confirmed orders of real customers: (customer_id, order_id, day, amount).

        Amounts are untaxed, in company currency at the order date's rate
        (``sale_order.currency_rate`` is the company-to-order currency rate of that date).
        """
        return SQL(
            """
            SELECT rp.commercial_partner_id AS customer_id, so.id AS order_id,
                   so.date_order::date AS day,
                   so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1.0) AS amount
              FROM sale_order so
              JOIN res_partner rp ON rp.id = so.partner_id
             WHERE so.company_id = %(company)s AND so.state = 'sale' AND so.date_order < %(now)s
               AND rp.id NOT IN (%(excluded)s)
               AND rp.commercial_partner_id NOT IN (%(excluded)s) %(only)s
            """,
            company=company.id,
            now=now,
            excluded=self._excluded_partners_query(),
            only=self._only_customers(customer_ids),
        )

    def _extract_customers(self, company, now, customer_ids=None):
        """One row of raw behaviour per customer of ``company`` as of ``now``, as arrays.

        Customers are commercial partners with a confirmed order or an incoming message,
        except the companies' own partners and partners excluded from analytics (POS walk-in
        and other anonymous default customers). Amounts are untaxed and converted to the
        company currency with the rate of the order date (``sale_order.currency_rate`` is
        that rate, set at confirmation from ``res_currency_rate``); posted credit notes are
        subtracted from the spend (they already are in company currency, signed).
        """
        self.env.flush_all()
        sentiment, complaint = self._message_signal_columns()
        only = self._only_customers(customer_ids)
        query = SQL(
            """
            WITH excluded AS (%(excluded)s), orders AS (%(orders)s), aged AS (
                SELECT customer_id, amount, day,
                       day - MIN(day) OVER (PARTITION BY customer_id) AS age
                  FROM orders
            ), order_stats AS (
                SELECT customer_id, COUNT(*) AS orders, MIN(day) AS first_day,
                       MAX(day) AS last_day, SUM(amount) AS amount,
                       COUNT(DISTINCT age / %(unit)s) - 1 AS repeat_periods,
                       COALESCE(SUM(amount) FILTER (WHERE age >= %(unit)s), 0) AS repeat_amount
                  FROM aged GROUP BY customer_id
            ), categories AS (
                SELECT o.customer_id, COUNT(DISTINCT pt.categ_id) AS categories
                  FROM orders o
                  JOIN sale_order_line sol ON sol.order_id = o.order_id
                  JOIN product_product pp ON pp.id = sol.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 GROUP BY o.customer_id
            ), refunds AS (
                SELECT rp.commercial_partner_id AS customer_id,
                       SUM(am.amount_untaxed_signed) AS amount
                  FROM account_move am
                  JOIN res_partner rp ON rp.id = am.partner_id
                 WHERE am.company_id = %(company)s AND am.move_type = 'out_refund'
                   AND am.state = 'posted' AND am.invoice_date < %(now)s %(only)s
                 GROUP BY rp.commercial_partner_id
            ), messages AS (
                SELECT rp.commercial_partner_id AS customer_id, COUNT(*) AS messages,
                       COUNT(*) FILTER (WHERE %(complaint)s) AS complaints,
                       AVG(%(sentiment)s) FILTER (WHERE m.created_at >= %(recent)s)
                           AS sentiment_recent,
                       AVG(%(sentiment)s) FILTER (
                           WHERE m.created_at < %(recent)s AND m.created_at >= %(before)s
                       ) AS sentiment_before
                  FROM chatwoot_message m
                  JOIN res_partner rp ON rp.id = m.partner_id
                 WHERE m.company_id = %(company)s AND m.message_type = 'incoming'
                   AND m.created_at < %(now)s
                   AND rp.id NOT IN (SELECT id FROM excluded)
                   AND rp.commercial_partner_id NOT IN (SELECT id FROM excluded) %(only)s
                 GROUP BY rp.commercial_partner_id
            ), conversations AS (
                SELECT rp.commercial_partner_id AS customer_id,
                       COUNT(*) FILTER (
                           WHERE c.first_reply_at IS NULL AND c.status <> 'resolved'
                       ) AS unanswered,
                       COUNT(DISTINCT c.channel_type) AS channels
                  FROM chatwoot_conversation c
                  JOIN res_partner rp ON rp.id = c.partner_id
                 WHERE c.company_id = %(company)s
                   AND COALESCE(c.created_at, c.create_date) < %(now)s %(only)s
                 GROUP BY rp.commercial_partner_id
            ), universe AS (
                SELECT customer_id FROM order_stats UNION SELECT customer_id FROM messages
            )
            SELECT u.customer_id,
                   COALESCE(os.orders, 0),
                   %(today)s - os.last_day,
                   COALESCE(os.amount, 0) + COALESCE(r.amount, 0),
                   COALESCE(os.amount, 0),
                   os.first_day, os.last_day,
                   COALESCE(os.repeat_periods, 0),
                   COALESCE(os.repeat_amount, 0),
                   COALESCE(ca.categories, 0),
                   COALESCE(ms.messages, 0),
                   COALESCE(ms.complaints, 0),
                   COALESCE(cv.unanswered, 0),
                   ms.sentiment_recent,
                   ms.sentiment_before,
                   COALESCE(cv.channels, 0)
              FROM universe u
              LEFT JOIN order_stats os ON os.customer_id = u.customer_id
              LEFT JOIN refunds r ON r.customer_id = u.customer_id
              LEFT JOIN categories ca ON ca.customer_id = u.customer_id
              LEFT JOIN messages ms ON ms.customer_id = u.customer_id
              LEFT JOIN conversations cv ON cv.customer_id = u.customer_id
             ORDER BY u.customer_id
            """,
            company=company.id,
            now=now,
            today=now.date(),
            recent=now - timedelta(days=SENTIMENT_WINDOW_DAYS),
            before=now - timedelta(days=2 * SENTIMENT_WINDOW_DAYS),
            unit=TIME_UNIT_DAYS,
            only=only,
            orders=self._orders_query(company, now, customer_ids),
            excluded=self._excluded_partners_query(),
            sentiment=sentiment,
            complaint=complaint,
        )
        self.env.cr.execute(query)
        return self._rows_to_arrays(self.env.cr.fetchall(), now)

    def _rows_to_arrays(self, rows, now):
        columns = list(zip(*rows, strict=True)) if rows else [()] * 16
        as_float = lambda values: np.array(  # noqa: E731
            [np.nan if v is None else float(v) for v in values], dtype=float
        )
        frequency = np.array(columns[1], dtype=np.int64)
        order_amount = as_float(columns[4])
        sentiment_recent = as_float(columns[13])
        sentiment_before = as_float(columns[14])
        today = now.date()
        first_day = [d for d in columns[5]]
        last_day = [d for d in columns[6]]
        ordinal = lambda days: np.array(  # noqa: E731
            [np.nan if d is None else d.toordinal() for d in days], dtype=float
        )
        first, last = ordinal(first_day), ordinal(last_day)
        return {
            "customer_id": np.array(columns[0], dtype=np.int64),
            "frequency": frequency,
            "recency_days": [None if d is None else int(d) for d in columns[2]],
            "monetary": as_float(columns[3]),
            "avg_order_value": np.divide(
                order_amount, frequency, out=np.zeros(len(frequency)), where=frequency > 0
            ),
            "first_day": first_day,
            "last_day": last_day,
            # BTYD summary in weeks: repeat periods, age at last purchase, age now.
            "btyd_frequency": np.array(columns[7], dtype=float),
            "btyd_recency": np.nan_to_num((last - first) / TIME_UNIT_DAYS),
            "btyd_T": np.nan_to_num((today.toordinal() - first) / TIME_UNIT_DAYS),
            "btyd_monetary": self._repeat_value(as_float(columns[8]), np.array(columns[7], float)),
            "category_count": np.array(columns[9], dtype=np.int64),
            "message_count": np.array(columns[10], dtype=np.int64),
            "complaint_count": np.array(columns[11], dtype=np.int64),
            "unanswered_count": np.array(columns[12], dtype=np.int64),
            "channel_count": np.array(columns[15], dtype=np.int64),
            "sentiment_recent": np.nan_to_num(sentiment_recent),
            "sentiment_trend": np.nan_to_num(sentiment_recent - sentiment_before),
        }

    @staticmethod
    def _repeat_value(repeat_amount, repeat_periods):
        """Mean value of a repeat period (Gamma-Gamma input), 0 without repeat or when the
        refunds outweigh the purchases."""
        value = np.divide(
            repeat_amount,
            repeat_periods,
            out=np.zeros(len(repeat_periods)),
            where=repeat_periods > 0,
        )
        return np.maximum(value, 0.0)

    # -- population fits ---------------------------------------------------------------------

    def _fit_population(self, company, now, data, events, run):
        """Fit every population-level model on ``data`` and store the fits on ``run``."""
        fits = {
            "rfm": fit_rfm_thresholds(
                data["recency_days"], data["frequency"], data["monetary"], data["customer_id"]
            )
        }
        fits["btyd"] = self._fit_btyd(data, run)
        fits["clusters"] = self._fit_clusters(data, run)
        fits["churn"] = self._fit_churn(company, now, events, fits, run)
        run.fits_json = json.dumps(fits)
        return fits

    def _fit_btyd(self, data, run):
        """BG/NBD on the buyers and Gamma-Gamma on the repeat buyers of the company.

        Too small a population gives meaningless maximum-likelihood estimates: then the
        published CDNOW fit is the prior, with the Gamma-Gamma scale set so that the expected
        order value is the company's mean order value.
        """
        buyers = data["frequency"] > 0
        x = data["btyd_frequency"][buyers]
        repeaters = int((x > 0).sum())
        fitted = buyers.sum() >= MIN_BUYERS_TO_FIT and repeaters >= MIN_REPEATERS_TO_FIT
        mean_value = float(data["avg_order_value"][buyers].mean()) if buyers.any() else 0.0
        spend_prior = clv_stats.gamma_gamma_with_mean(mean_value, **PRIOR_GG_SHAPE)
        source = "prior"
        if fitted:
            bg = clv_stats.fit_bgnbd(
                x, data["btyd_recency"][buyers], data["btyd_T"][buyers], penalizer=0.001
            )
            gg = clv_stats.fit_gamma_gamma(x, data["btyd_monetary"][buyers], penalizer=0.001)
            source = "fitted"
            if not clv_stats.plausible_spend_model(gg, mean_value):
                gg, source = spend_prior, "spend_prior"
            params = {"r": bg.r, "alpha": bg.alpha, "a": bg.a, "b": bg.b}
        else:
            params = dict(PRIOR_BGNBD)
            gg = spend_prior
        params.update(p=gg.p, q=gg.q, v=gg.v)
        run.write(
            {
                "clv_fit_source": source,
                **{f"bgnbd_{key}": params[key] for key in ("r", "alpha", "a", "b")},
                **{f"gg_{key}": params[key] for key in ("p", "q", "v")},
            }
        )
        return params

    @staticmethod
    def _feature_matrix(data):
        recency = np.array([np.nan if d is None else d for d in data["recency_days"]], dtype=float)
        columns = [recency if name == "recency_days" else data[name] for name in FEATURES]
        return np.column_stack([np.asarray(c, dtype=float) for c in columns])

    def _fit_clusters(self, data, run):
        """k-means clusters (k by silhouette); the fitted scaling and centres are stored so
        that an incremental refresh assigns changed customers to the same clusters."""
        from ..stats.clusters import cluster_customers

        result = cluster_customers(self._feature_matrix(data), list(FEATURES), seed=0)
        run.write(
            {
                "cluster_count": result.k,
                "cluster_silhouette": 0.0 if np.isnan(result.silhouette) else result.silhouette,
            }
        )
        return result.to_dict()

    def _fit_churn(self, company, now, events, fits, run):
        """Churn classifier evaluated on a temporal holdout, stored (pickled) on ``run``.

        "Churned" means no confirmed order within the horizon after a cutoff (the 90th
        percentile of the gaps between orders). :func:`..stats.churn.temporal_holdout` trains
        on the behaviour at ``t0 = now - 2 horizons``, measures the AUC at ``t1 = now - 1
        horizon`` (customers and a period it never saw) and refits on ``t1`` for scoring.
        """
        from ..stats import churn

        today = float(churn.day_numbers(now.date()))
        horizon = churn.suggest_horizon(events, today)
        t1 = today - horizon
        model = churn.temporal_holdout(events, t1 - horizon, t1, horizon_days=horizon)
        run.write(
            {
                "churn_auc": 0.0 if np.isnan(model.auc) else model.auc,
                "churn_model_kind": model.method,
                "churn_holdout_size": model.n_eval,
                "churn_model": base64.b64encode(pickle.dumps(model)),
            }
        )
        return {
            "run_id": run.id,
            "weight": CHURN_CLASSIFIER_WEIGHT,
            "horizon_days": horizon,
            "typical_gap": churn.typical_gap(events, today),
        }

    def _churn_events(self, company, now, customer_keys, customer_ids=None):
        """Orders, incoming messages and conversations of the customers, as churn events.

        Each query returns numbers only (days as day numbers since 1970-01-01, amounts as
        floats, flags as 0/1) and is read through COPY into one float matrix: a million events
        never become a million Python tuples.
        """
        from ..stats import churn

        orders = read_numbers(
            self.env,
            SQL(
                "SELECT customer_id, day - DATE '1970-01-01', amount::float8 FROM (%s) o",
                self._orders_query(company, now, customer_ids),
            ),
            3,
        )
        sentiment, complaint = self._message_signal_columns()
        only = self._only_customers(customer_ids)
        messages = read_numbers(
            self.env,
            SQL(
                """
                SELECT rp.commercial_partner_id, m.created_at::date - DATE '1970-01-01',
                       %s::float8, (%s)::int
                  FROM chatwoot_message m JOIN res_partner rp ON rp.id = m.partner_id
                 WHERE m.company_id = %s AND m.message_type = 'incoming'
                   AND m.created_at < %s %s
                """,
                sentiment,
                complaint,
                company.id,
                now,
                only,
            ),
            4,
        )
        conversations = read_numbers(
            self.env,
            SQL(
                """
                SELECT rp.commercial_partner_id,
                       COALESCE(c.created_at, c.create_date)::date - DATE '1970-01-01',
                       (c.first_reply_at IS NULL AND c.status <> 'resolved')::int
                  FROM chatwoot_conversation c JOIN res_partner rp ON rp.id = c.partner_id
                 WHERE c.company_id = %s AND COALESCE(c.created_at, c.create_date) < %s %s
                """,
                company.id,
                now,
                only,
            ),
            3,
        )
        return churn.CustomerEvents.from_rows(
            np.asarray(customer_keys, dtype=np.int64), orders, messages, conversations
        )

    # -- scoring -----------------------------------------------------------------------------

    def _score_customers(self, data, events, fits, now):
        """Every per-customer score, from the raw behaviour and the population fits.

        Full and incremental refreshes both go through here, with the same fits, so a
        customer gets the same scores whichever refreshed it.
        """
        buyers = data["frequency"] > 0
        r_score, f_score, m_score = score_rfm(
            fits["rfm"], data["recency_days"], data["frequency"], data["monetary"]
        )
        scores = {
            "recency_score": r_score,
            "frequency_score": f_score,
            "monetary_score": m_score,
            "rfm_segment": rfm_segments(r_score, f_score, m_score),
        }
        scores.update(self._score_btyd(data, fits["btyd"], buyers))
        scores.update(self._score_clusters(data, fits["clusters"]))
        scores.update(self._score_churn(events, fits["churn"], scores["p_alive"], buyers, now))
        self._reconcile_with_rhythm(data, scores, fits["churn"]["typical_gap"])
        return scores

    def _reconcile_with_rhythm(self, data, scores, typical_gap):
        """Journey stage, then the segment and risk read with it (see stats/rhythm).

        One reading of recency for the three: the stage compares the silence with the
        customer's own gap between orders and P(alive); a recent-looking segment of a regular
        buyer silent for several of their gaps moves down to At Risk / Can't Lose Them, the
        risk never reads lower than the stage, and the churn reasons say why.
        """
        from ..stats import rhythm

        buyers = data["frequency"] > 0
        gaps = self._own_gaps(data)
        scores["stage"] = self._journey_stages(data, scores["p_alive"], typical_gap, gaps)
        overdue = rhythm.overdue_ratios(data["recency_days"], gaps, typical_gap)
        p_alive = np.where(buyers, scores["p_alive"], np.nan)
        segments, moved = rhythm.rhythm_segments(
            scores["rfm_segment"],
            data["frequency"],
            overdue,
            p_alive,
            scores["frequency_score"],
            scores["monetary_score"],
        )
        risks = rhythm.risk_floor(scores["churn_risk"], scores["stage"])
        raised = (risks != np.asarray(scores["churn_risk"], dtype=object)) & (
            overdue >= rhythm.OVERDUE_FACTOR / 2
        )
        keys = rhythm.with_rhythm_reason(scores["churn_reason_keys"], (moved | raised).tolist())
        labels = self._churn_reason_labels()
        scores.update(
            rfm_segment=segments.tolist(),
            churn_risk=risks.tolist(),
            churn_reason_keys=[",".join(row) for row in keys],
            churn_reasons=["\n".join(labels.get(key, key) for key in row) for row in keys],
        )

    def _score_btyd(self, data, params, buyers):
        """P(alive), expected orders and discounted CLV over 12 months; 0 for non-buyers."""
        bg = clv_stats.BetaGeo(params["r"], params["alpha"], params["a"], params["b"])
        gg = clv_stats.GammaGamma(params["p"], params["q"], params["v"])
        x = data["btyd_frequency"][buyers]
        t_x = data["btyd_recency"][buyers]
        big_t = data["btyd_T"][buyers]
        count = len(buyers)
        p_alive, expected, value = np.zeros(count), np.zeros(count), np.zeros(count)
        if buyers.any():
            weeks = 12 * clv_stats.DAYS_PER_MONTH / TIME_UNIT_DAYS
            p_alive[buyers] = bg.p_alive(x, t_x, big_t)
            expected[buyers] = bg.expected_purchases(weeks, x, t_x, big_t)
            value[buyers] = clv_stats.clv(bg, gg, x, t_x, big_t, data["btyd_monetary"][buyers])
        return {
            "p_alive": np.clip(np.nan_to_num(p_alive), 0.0, 1.0),
            "expected_orders_12m": np.maximum(np.nan_to_num(expected), 0.0),
            "clv_12m": np.maximum(np.nan_to_num(value), 0.0),
        }

    def _score_clusters(self, data, fit):
        count = len(data["customer_id"])
        if not fit["k"] or not count:
            return {"cluster": np.zeros(count, dtype=np.int64), "cluster_label": [""] * count}
        from ..stats.clusters import ClusterResult

        labels = ClusterResult.from_dict(fit, FEATURES).assign(self._feature_matrix(data))
        return {"cluster": labels, "cluster_label": [fit["labels"][i] for i in labels]}

    def _score_churn(self, events, fit, p_alive, buyers, now):
        """Churn probability (stats/churn.score_customers: the classifier blended with
        1 - P(alive)), risk level and reason keys; one-order customers are overdue against the
        *stored* typical gap, so scoring a few changed customers gives what scoring everybody
        gives."""
        from ..stats import churn

        count = len(p_alive)
        probability = np.zeros(count)
        reason_keys = [[] for _index in range(count)]
        if buyers.any():
            probability, reason_keys, _ordered = churn.score_customers(
                self._churn_model(fit["run_id"]),
                events,
                now.date(),
                p_alive=p_alive,
                weight=fit["weight"],
                k=3,
                default_gap_days=max(fit["typical_gap"], 1.0),
            )
        probability = np.clip(np.nan_to_num(probability), 0.0, 1.0)
        risk = np.where(
            probability >= CHURN_RISK_BOUNDS[1],
            "high",
            np.where(probability >= CHURN_RISK_BOUNDS[0], "medium", "low"),
        )
        return {
            "churn_probability": probability,
            "churn_risk": risk.tolist(),
            "churn_reason_keys": reason_keys,
        }

    def _churn_model(self, run_id):
        run = self.env["chatwoot.analytics.run"].sudo().browse(run_id)
        # Our own classifier, written by a full refresh into a field only managers can read.
        return pickle.loads(base64.b64decode(run.churn_model))  # noqa: S301

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

    @staticmethod
    def _own_gaps(data):
        """Each customer's mean gap between orders in days, from the order dates."""
        from ..stats.rhythm import own_gaps

        ordinal = lambda days: np.array(  # noqa: E731
            [d.toordinal() if d else np.nan for d in days], dtype=float
        )
        return own_gaps(data["frequency"], ordinal(data["first_day"]), ordinal(data["last_day"]))

    @staticmethod
    def _journey_stages(data, p_alive, typical_gap, own_gap):
        """Journey stage of every customer (see stats/journey): order count, lateness against
        their own rhythm (the stored population gap for one-order customers) and P(alive)."""
        from ..stats.journey import customer_stages

        buyers = data["frequency"] > 0
        stages = customer_stages(
            data["frequency"],
            data["recency_days"],
            np.where(buyers, p_alive, np.nan),
            own_gap,
            default_gap_days=typical_gap,
        )
        return stages.tolist()

    def _rebuild_journey_history(self, company, now, events):
        """Monthly stage transitions of the last 12 months, rebuilt from the order history.

        Stored as one row per (month end, from, to) with its customer count (P(alive) is not
        refitted per month, see stats/journey.monthly_stages), so the transitions report is
        complete from the first refresh; later refreshes add the moves they observe, one row
        per customer.
        """
        from ..stats.journey import monthly_stages, transitions_from_matrix

        today = now.date()
        month_ends = [
            date(today.year, today.month, 1) - relativedelta(months=back, days=1)
            for back in range(JOURNEY_HISTORY_MONTHS, -1, -1)
        ]
        epoch = date(1970, 1, 1)
        matrix = monthly_stages(
            events.order_customer,
            events.order_day,
            events.customer_count,
            [float((day - epoch).days) for day in month_ends],
        )
        transitions = transitions_from_matrix(matrix, month_ends)
        self.env.cr.execute(
            SQL(
                "DELETE FROM chatwoot_customer_journey WHERE company_id = %s AND from_history",
                company.id,
            )
        )
        bulk_write(
            self.env,
            "chatwoot_customer_journey",
            ("company_id", "date", "from_stage", "to_stage", "customer_count", "from_history"),
            [
                "\t".join((str(company.id), month.isoformat(), origin, target, str(count), "t"))
                + "\n"
                for month, origin, target, count in transitions
            ],
            now=now,
        )

    # -- writing back ------------------------------------------------------------------------

    def _insight_lines(self, company, run, now, data, scores):
        """The insights as COPY text lines, in the order of INSIGHT_COLUMNS.

        Built column by column (one list comprehension per column, then one join per row):
        formatting 100k rows value by value costs more than the whole SQL side.
        """
        count = len(data["customer_id"])
        buyers = (data["frequency"] > 0).tolist()

        def constant(value):
            return [copy_text(value)] * count

        def integers(values):
            return np.asarray(values).astype(np.int64).astype(str).tolist()

        def decimals(values, digits):
            return np.round(np.asarray(values, dtype=float), digits).astype(str).tolist()

        def texts(values):
            # Few distinct values (segments, stages, reasons, days): escape each one once.
            escaped = {value: copy_text(value or None) for value in set(values)}
            return [escaped[value] for value in values]

        churn_risk = [
            risk if buyer else None
            for risk, buyer in zip(scores["churn_risk"], buyers, strict=True)
        ]
        columns = (
            constant(company.id),
            integers(data["customer_id"]),
            texts(scores["rfm_segment"]),
            integers(scores["recency_score"]),
            integers(scores["frequency_score"]),
            integers(scores["monetary_score"]),
            [copy_text(days) for days in data["recency_days"]],
            integers(data["frequency"]),
            decimals(data["monetary"], 2),
            decimals(data["avg_order_value"], 2),
            texts(data["first_day"]),
            texts(data["last_day"]),
            integers(data["category_count"]),
            integers(data["message_count"]),
            integers(data["complaint_count"]),
            integers(data["unanswered_count"]),
            integers(data["channel_count"]),
            decimals(data["sentiment_recent"], 4),
            decimals(data["sentiment_trend"], 4),
            integers(scores["cluster"]),
            texts(scores["cluster_label"]),
            decimals(scores["p_alive"], 6),
            decimals(scores["expected_orders_12m"], 6),
            decimals(scores["clv_12m"], 2),
            decimals(scores["churn_probability"], 6),
            texts(churn_risk),
            texts(scores["churn_reason_keys"]),
            texts(scores["churn_reasons"]),
            texts(scores["stage"]),
            constant(now),
            constant(run.id),
        )
        return copy_lines(*columns)

    def _write_insights(self, company, run, now, data, scores, customer_ids):
        """Upsert the insights of ``company`` in bulk, record the journey stage changes and
        remove the insights of customers who are no longer customers (merged away, rolled up
        into a company, only cancelled orders left). Returns the number removed."""
        cr = self.env.cr
        lines = self._insight_lines(company, run, now, data, scores)
        with staged(self.env, self._table, INSIGHT_COLUMNS, lines) as incoming:
            self._record_stage_changes(company, now, incoming)
            write_staged(
                self.env, self._table, incoming, INSIGHT_COLUMNS, ("company_id", "partner_id"), now
            )
            scope = (
                SQL("AND i.partner_id = ANY(%s)", list(customer_ids))
                if customer_ids is not None
                else SQL()
            )
            cr.execute(
                SQL(
                    """
                    DELETE FROM chatwoot_customer_insight i
                     WHERE i.company_id = %s %s
                       AND NOT EXISTS (SELECT 1 FROM %s n WHERE n.partner_id = i.partner_id)
                    """,
                    company.id,
                    scope,
                    SQL.identifier(incoming),
                )
            )
            removed = cr.rowcount
        self.env.invalidate_all()
        return removed

    def _record_stage_changes(self, company, now, incoming):
        """One journey row per customer whose stage differs from the stored insight's."""
        uid = self.env.uid
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO chatwoot_customer_journey
                       (company_id, partner_id, date, from_stage, to_stage, customer_count,
                        from_history, create_uid, create_date, write_uid, write_date)
                SELECT n.company_id, n.partner_id, %(today)s, i.stage, n.stage, 1,
                       FALSE, %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM %(incoming)s n
                  LEFT JOIN chatwoot_customer_insight i
                    ON i.company_id = n.company_id AND i.partner_id = n.partner_id
                 WHERE n.company_id = %(company)s AND i.stage IS DISTINCT FROM n.stage
                """,
                today=now.date(),
                uid=uid,
                now=now,
                company=company.id,
                incoming=SQL.identifier(incoming),
            )
        )
