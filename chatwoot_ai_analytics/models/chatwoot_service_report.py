# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.chatwoot.constants import (
    CHANNEL_TYPES,
    CONVERSATION_STATUSES,
)

#: Senders whose replies are automated (as in ``stats.service``): they never stop a clock.
BOT_SENDERS = ("agent_bot", "captain_assistant")


class ChatwootServiceReport(models.Model):
    """Service efficiency per conversation, with the definitions of ``stats.service``.

    Those follow Chatwoot's reports (``reporting_events``), in calendar time:

    * first response: from the customer's first message to the first public reply of a human
      agent; bot replies, private notes and activity messages do not stop the clock;
    * reply time: every later human reply, from the first customer message it answers;
    * resolution: from the conversation's start to its resolution;
    * bot conversation: a bot or Captain replied; bot resolution: resolved with no human reply;
      hand-off: a bot conversation a human replied to.

    Times are NULL when the event did not happen, so pivot averages only count real events.
    The PDF report aggregates with ``stats.service.service_metrics`` itself; a test keeps the
    two equal.
    """

    _name = "chatwoot.service.report"
    _description = "Service Efficiency Report"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "conversation_id"

    conversation_id = fields.Many2one("chatwoot.conversation", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    account_id = fields.Many2one("chatwoot.account", readonly=True)
    inbox_id = fields.Many2one("chatwoot.inbox", readonly=True)
    channel_type = fields.Selection(CHANNEL_TYPES, string="Channel", readonly=True)
    agent = fields.Char(readonly=True, help="The conversation's assignee in Chatwoot.")
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    status = fields.Selection(CONVERSATION_STATUSES, readonly=True)
    date = fields.Datetime(string="Started", readonly=True)
    first_response_minutes = fields.Float(
        string="First Response (min)", aggregator="avg", readonly=True
    )
    reply_minutes = fields.Float(
        string="Reply Time (min)",
        aggregator="avg",
        readonly=True,
        help="Average wait of the customer for each human reply after the first one.",
    )
    resolution_hours = fields.Float(string="Resolution Time (h)", aggregator="avg", readonly=True)
    incoming_count = fields.Integer(string="Customer Messages", readonly=True)
    reply_count = fields.Integer(string="Human Replies", readonly=True)
    resolved = fields.Integer(string="Resolutions", readonly=True)
    bot_handled = fields.Integer(string="Bot Conversations", readonly=True)
    bot_resolved = fields.Integer(string="Bot Resolutions", readonly=True)
    handoff = fields.Integer(string="Hand-offs", readonly=True)
    csat_rating = fields.Float(
        string="CSAT", aggregator="avg", readonly=True, help="Customer satisfaction, when rated."
    )
    sentiment_score = fields.Float(string="Sentiment", aggregator="avg", readonly=True)
    complaint_count = fields.Integer(string="Complaints", readonly=True)

    def _csat_sql(self):
        """The conversation's CSAT column when an addon stores one, else NULL."""
        if "csat_rating" in self.env["chatwoot.conversation"]._fields:
            return SQL("c.csat_rating::float")
        return SQL("NULL::float")

    def _query(self):
        return SQL(
            """
            WITH ordered AS (
                -- turn = human replies so far (inclusive): the customer messages of turn t
                -- are answered by the human reply that opens turn t + 1
                SELECT msg.*, count(*) FILTER (WHERE role = 'human') OVER (
                           PARTITION BY conversation_id ORDER BY created_at, id
                       ) AS turn
                  FROM (
                    SELECT m.conversation_id, m.created_at, m.id, m.sentiment_score, m.intent,
                           CASE
                               WHEN COALESCE(m.private, FALSE) THEN NULL
                               WHEN m.message_type = 'incoming' THEN 'customer'
                               WHEN m.message_type <> 'outgoing' THEN NULL
                               WHEN m.sender_type = 'user' THEN 'human'
                               WHEN m.sender_type = ANY(%(bots)s) THEN 'bot'
                           END AS role
                      FROM chatwoot_message m
                     WHERE m.created_at IS NOT NULL
                  ) msg
                 WHERE role IS NOT NULL
            ), waiting AS (
                SELECT conversation_id, turn, min(created_at) AS since
                  FROM ordered WHERE role = 'customer' GROUP BY conversation_id, turn
            ), answered AS (
                -- human replies that answer a customer message: the first one is the first
                -- response, the others are reply times
                SELECT o.conversation_id, EXTRACT(EPOCH FROM o.created_at - w.since) AS delay,
                       row_number() OVER (
                           PARTITION BY o.conversation_id ORDER BY o.created_at, o.id
                       ) AS rank
                  FROM ordered o
                  JOIN waiting w ON w.conversation_id = o.conversation_id AND w.turn = o.turn - 1
                 WHERE o.role = 'human'
            ), replies AS (
                SELECT conversation_id,
                       min(delay) FILTER (WHERE rank = 1) AS first_response_seconds,
                       avg(delay) FILTER (WHERE rank > 1) AS reply_seconds
                  FROM answered GROUP BY conversation_id
            ), per_conversation AS (
                SELECT conversation_id,
                       min(created_at) FILTER (WHERE role = 'customer') AS first_customer_at,
                       count(*) FILTER (WHERE role = 'customer') AS incoming_count,
                       count(*) FILTER (WHERE role = 'human') AS reply_count,
                       count(*) FILTER (WHERE role = 'bot') AS bot_count,
                       avg(sentiment_score) AS sentiment_score,
                       count(*) FILTER (WHERE intent = 'complaint') AS complaint_count
                  FROM ordered GROUP BY conversation_id
            )
            SELECT c.id AS id,
                   c.id AS conversation_id,
                   c.company_id, c.account_id, c.inbox_id, c.channel_type,
                   NULLIF(c.assignee_name, '') AS agent,
                   c.partner_id, c.status,
                   COALESCE(c.created_at, p.first_customer_at) AS date,
                   r.first_response_seconds / 60.0 AS first_response_minutes,
                   r.reply_seconds / 60.0 AS reply_minutes,
                   EXTRACT(EPOCH FROM c.resolved_at - c.created_at) / 3600.0 AS resolution_hours,
                   COALESCE(p.incoming_count, 0) AS incoming_count,
                   COALESCE(p.reply_count, 0) AS reply_count,
                   (c.resolved_at IS NOT NULL)::int AS resolved,
                   (COALESCE(p.bot_count, 0) > 0)::int AS bot_handled,
                   (c.resolved_at IS NOT NULL AND COALESCE(p.bot_count, 0) > 0
                       AND COALESCE(p.reply_count, 0) = 0)::int AS bot_resolved,
                   (COALESCE(p.bot_count, 0) > 0 AND COALESCE(p.reply_count, 0) > 0)::int
                       AS handoff,
                   %(csat)s AS csat_rating,
                   p.sentiment_score,
                   COALESCE(p.complaint_count, 0) AS complaint_count
              FROM chatwoot_conversation c
              LEFT JOIN per_conversation p ON p.conversation_id = c.id
              LEFT JOIN replies r ON r.conversation_id = c.id
            """,
            bots=list(BOT_SENDERS),
            csat=self._csat_sql(),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    # ------------------------------------------------------------------ report data
    @api.model
    def _service_rows(self, domain=()):
        """``stats.service`` input rows of the conversations matching ``domain`` (a domain on
        ``chatwoot.conversation``: ids, companies, inboxes, dates...).

        Read with two SQL queries restricted to what the user may read (record rules apply
        through ``_search``): plain tuples, never recordsets. The view's rows are the
        conversations themselves (same ids, same companies), so the search runs on the
        conversation table: filtering the view would compute it over every message first.
        """
        rows = self.env["chatwoot.conversation"]._search(list(domain)).subselect()
        conversations = self.env.execute_query(
            SQL(
                """
                SELECT c.id, c.created_at, c.resolved_at, COALESCE(i.name, '-'),
                       COALESCE(c.channel_type, '-'), COALESCE(NULLIF(c.assignee_name, ''), '-'),
                       %(csat)s
                  FROM chatwoot_conversation c
                  LEFT JOIN chatwoot_inbox i ON i.id = c.inbox_id
                 WHERE c.id IN %(rows)s AND c.created_at IS NOT NULL
                """,
                csat=self._csat_sql(),
                rows=rows,
            )
        )
        # Only what stats.service reads: public customer and agent messages.
        messages = self.env.execute_query(
            SQL(
                "SELECT conversation_id, created_at, message_type, sender_type, private,"
                " NULLIF(sender_name, '')"
                " FROM chatwoot_message WHERE conversation_id IN %s AND created_at IS NOT NULL"
                " AND message_type IN ('incoming', 'outgoing') AND NOT COALESCE(private, FALSE)",
                rows,
            )
        )
        return conversations, messages

    @api.model
    def _breakdown(self, group_by=None, domain=(), rows=None):
        """``stats.service.service_metrics`` of the conversations matching ``domain``.

        ``group_by`` None gives the totals; ``inbox``, ``channel``, ``agent`` or ``period``
        (month) gives ``[(group name, metrics)]`` sorted by name. As in Chatwoot's reports,
        each reply counts in its own month and for the agent who sent it (the message's sender
        name), each resolution in the month it happened. ``rows`` is what
        :meth:`_service_rows` returned, for callers breaking the same rows down several ways.
        """
        from ..stats.service import service_metrics

        conversations, messages = rows or self._service_rows(domain)
        if group_by is None:
            return service_metrics(conversations, messages)
        groups = service_metrics(conversations, messages, group_by=group_by, period="month")
        labels = dict(CHANNEL_TYPES) if group_by == "channel" else {}
        rows = [(labels.get(key, key) or "-", metrics) for key, metrics in groups.items()]
        return sorted(rows, key=lambda row: str(row[0]))
