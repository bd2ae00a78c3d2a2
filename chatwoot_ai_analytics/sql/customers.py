# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The SQL the customer-insight refresh reads: one query per question, built here, run by the
model (:mod:`..models.chatwoot_customer_insight`).

Customers are commercial partners of one company with a confirmed order or an incoming
message, except the companies' own partners and the partners excluded from analytics (POS
walk-in and other anonymous default customers). Amounts are untaxed, in company currency at the
order date's rate (``sale_order.currency_rate`` is the company-to-order rate of that date);
posted credit notes are already in company currency, signed.
"""

import numpy as np

from odoo.tools import SQL

from ..stats.customer_scoring import FEATURES
from .bulk import copy_lines, copy_text

#: Sentiment and complaint flag of a message ``m`` (columns of this addon's message model).
MESSAGE_SENTIMENT = SQL("m.sentiment_score")
MESSAGE_COMPLAINT = SQL("(m.intent = 'complaint')")


def only_customers(customer_ids):
    """SQL restricting a query on ``rp`` (res_partner) to some commercial partners."""
    if customer_ids is None:
        return SQL()
    return SQL("AND rp.commercial_partner_id = ANY(%s)", list(customer_ids))


def excluded_partners_query():
    """Partners whose orders are no customer's: the companies' own, and the ones flagged
    (POS walk-in and other anonymous default customers)."""
    return SQL(
        "SELECT partner_id AS id FROM res_company WHERE partner_id IS NOT NULL "
        "UNION SELECT id FROM res_partner WHERE chatwoot_analytics_exclude"
    )


def changed_customers_query(company_id, since):
    """Commercial partners with orders, credit notes, messages or partner edits since
    ``since`` (a merge rewrites orders in SQL but writes the surviving partner)."""
    return SQL(
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
        company=company_id,
        since=since,
    )


def orders_query(company_id, now, customer_ids=None):
    """Confirmed orders of real customers: (customer_id, order_id, day, amount)."""
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
        company=company_id,
        now=now,
        excluded=excluded_partners_query(),
        only=only_customers(customer_ids),
    )


def customer_aggregates_query(company_id, now, customer_ids, recent, before):
    """Per-customer aggregates of everything but the orders themselves, as numbers only, for
    :func:`.bulk.read_numbers` (the columns of
    :func:`..stats.customer_scoring.AGGREGATE_COLUMNS`), ordered by customer.

    The orders are read once, as churn events (:func:`churn_event_queries`), and summed per
    customer in NumPy (:func:`..stats.customer_scoring.order_summary`); this query adds the
    product categories bought, the posted credit notes, the incoming messages (count,
    complaints, mean sentiment of the windows starting at ``recent`` and ``before``) and the
    conversations (unanswered, channels). It returns every customer with one of them; the
    caller keeps those with an order or a message
    (:func:`..stats.customer_scoring.customer_arrays`).
    """
    return SQL(
        """
        WITH excluded AS (%(excluded)s), categories AS (
            SELECT customer_id, COUNT(*) AS categories FROM (
                SELECT DISTINCT rp.commercial_partner_id AS customer_id, pt.categ_id
                  FROM sale_order so
                  JOIN res_partner rp ON rp.id = so.partner_id
                  JOIN sale_order_line sol ON sol.order_id = so.id
                  JOIN product_product pp ON pp.id = sol.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE so.company_id = %(company)s AND so.state = 'sale'
                   AND so.date_order < %(now)s
                   AND rp.id NOT IN (SELECT id FROM excluded)
                   AND rp.commercial_partner_id NOT IN (SELECT id FROM excluded) %(only)s
            ) bought
             GROUP BY customer_id
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
        ), keys AS (
            SELECT customer_id FROM categories UNION SELECT customer_id FROM refunds
            UNION SELECT customer_id FROM messages UNION SELECT customer_id FROM conversations
        )
        SELECT k.customer_id,
               COALESCE(ca.categories, 0),
               r.amount::float8,
               COALESCE(ms.messages, 0),
               COALESCE(ms.complaints, 0),
               ms.sentiment_recent::float8,
               ms.sentiment_before::float8,
               COALESCE(cv.unanswered, 0),
               COALESCE(cv.channels, 0)
          FROM keys k
          LEFT JOIN categories ca ON ca.customer_id = k.customer_id
          LEFT JOIN refunds r ON r.customer_id = k.customer_id
          LEFT JOIN messages ms ON ms.customer_id = k.customer_id
          LEFT JOIN conversations cv ON cv.customer_id = k.customer_id
         ORDER BY k.customer_id
        """,
        company=company_id,
        now=now,
        recent=recent,
        before=before,
        only=only_customers(customer_ids),
        excluded=excluded_partners_query(),
        sentiment=MESSAGE_SENTIMENT,
        complaint=MESSAGE_COMPLAINT,
    )


def churn_event_queries(company_id, now, customer_ids=None):
    """``(orders, messages, conversations)``: the customers' events as numbers only (days
    since 1970-01-01, floats, flags 0/1), the columns of :class:`..stats.churn.CustomerEvents`
    rows, ready for :func:`.bulk.read_numbers`."""
    only = only_customers(customer_ids)
    orders = SQL(
        "SELECT customer_id, day - DATE '1970-01-01', amount::float8 FROM (%s) o",
        orders_query(company_id, now, customer_ids),
    )
    messages = SQL(
        """
        SELECT rp.commercial_partner_id, m.created_at::date - DATE '1970-01-01',
               %s::float8, (%s)::int
          FROM chatwoot_message m JOIN res_partner rp ON rp.id = m.partner_id
         WHERE m.company_id = %s AND m.message_type = 'incoming'
           AND m.created_at < %s %s
        """,
        MESSAGE_SENTIMENT,
        MESSAGE_COMPLAINT,
        company_id,
        now,
        only,
    )
    conversations = SQL(
        """
        SELECT rp.commercial_partner_id,
               COALESCE(c.created_at, c.create_date)::date - DATE '1970-01-01',
               (c.first_reply_at IS NULL AND c.status <> 'resolved')::int
          FROM chatwoot_conversation c JOIN res_partner rp ON rp.id = c.partner_id
         WHERE c.company_id = %s AND COALESCE(c.created_at, c.create_date) < %s %s
        """,
        company_id,
        now,
        only,
    )
    return orders, messages, conversations


def insight_lines(company_id, run_id, now, data, scores):
    """The insights as COPY text lines, in the order of the model's ``INSIGHT_COLUMNS``.

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
        risk if buyer else None for risk, buyer in zip(scores["churn_risk"], buyers, strict=True)
    ]
    columns = (
        constant(company_id),
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
        constant(run_id),
    )
    return copy_lines(*columns)


#: Columns of ``chatwoot_customer_insight`` that a refresh writes, in :func:`insight_lines` order.
INSIGHT_COLUMNS = (
    "company_id",
    "partner_id",
    "rfm_segment",
    "recency_score",
    "frequency_score",
    "monetary_score",
    *FEATURES[:4],  # recency_days, frequency, monetary, avg_order_value
    "first_order_date",
    "last_order_date",
    *FEATURES[4:],  # category_count ... sentiment_trend
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
JOURNEY_HISTORY_COLUMNS = (
    "company_id",
    "date",
    "from_stage",
    "to_stage",
    "customer_count",
    "from_history",
)


def delete_journey_history_query(company_id):
    """Remove the monthly transitions rebuilt from the order history (not the observed ones)."""
    return SQL(
        "DELETE FROM chatwoot_customer_journey WHERE company_id = %s AND from_history",
        company_id,
    )


def journey_history_lines(company_id, transitions):
    """COPY lines of ``(month, from, to, count)`` transitions, in ``JOURNEY_HISTORY_COLUMNS``."""
    return [
        "\t".join((str(company_id), month.isoformat(), origin, target, str(count), "t")) + "\n"
        for month, origin, target, count in transitions
    ]


def stage_changes_query(company_id, today, uid, now, incoming):
    """Insert one journey row per customer of the staging table ``incoming`` whose stage
    differs from the stored insight's."""
    return SQL(
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
        today=today,
        uid=uid,
        now=now,
        company=company_id,
        incoming=SQL.identifier(incoming),
    )


def remove_stale_insights_query(company_id, incoming, customer_ids=None):
    """Delete the insights of ``company_id`` (of ``customer_ids`` only, when given) whose
    customer is not in the staging table ``incoming`` any more."""
    scope = (
        SQL("AND i.partner_id = ANY(%s)", list(customer_ids)) if customer_ids is not None else SQL()
    )
    return SQL(
        """
        DELETE FROM chatwoot_customer_insight i
         WHERE i.company_id = %s %s
           AND NOT EXISTS (SELECT 1 FROM %s n WHERE n.partner_id = i.partner_id)
        """,
        company_id,
        scope,
        SQL.identifier(incoming),
    )
