# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.chatwoot.constants import (
    CHANNEL_TYPES,
    CONVERSATION_STATUSES,
)

#: Senders whose replies are automated; their messages never stop a response clock.
BOT_SENDERS = ("agent_bot", "captain_assistant")


class ChatwootServiceReport(models.Model):
    """Service efficiency per conversation, with Chatwoot's report definitions.

    * first response: from the customer's first message, or from the bot's hand-off when a bot
      answered first, to the first public reply of a human agent (Chatwoot's
      ``first_response`` event: bot replies and private notes do not stop the clock);
    * reply time: for every later human reply, the time since the customer started waiting,
      i.e. since their first message after the previous human reply (``reply_time``);
    * resolution: from the conversation's start to its resolution (``conversation_resolved``);
    * bot resolution: resolved with bot replies and no human reply
      (``conversation_bot_resolved``); hand-off: a human replied after the bot
      (``conversation_bot_handoff``).

    Times are NULL when the event did not happen, so averages only count real events.
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
        bot_senders = list(BOT_SENDERS)
        return SQL(
            """
            WITH msg AS (
                SELECT m.conversation_id, m.created_at, m.id, m.sentiment_score, m.intent,
                       CASE
                           WHEN m.message_type = 'incoming' THEN 'customer'
                           WHEN COALESCE(m.private, FALSE) THEN NULL
                           WHEN m.sender_type = ANY(%(bots)s) THEN 'bot'
                           WHEN m.message_type = 'outgoing' THEN 'human'
                       END AS role
                  FROM chatwoot_message m
                 WHERE m.created_at IS NOT NULL
            ), ordered AS (
                -- turn = human replies so far (inclusive): a customer message of turn t
                -- is answered by the human reply that opens turn t + 1
                SELECT msg.*, count(*) FILTER (WHERE role = 'human') OVER (
                           PARTITION BY conversation_id ORDER BY created_at, id
                       ) AS turn
                  FROM msg WHERE role IS NOT NULL
            ), waiting AS (
                SELECT conversation_id, turn, min(created_at) AS since
                  FROM ordered WHERE role = 'customer' GROUP BY conversation_id, turn
            ), replies AS (
                SELECT o.conversation_id,
                       avg(EXTRACT(EPOCH FROM o.created_at - w.since)) AS reply_seconds,
                       count(*) AS reply_events
                  FROM ordered o
                  JOIN waiting w ON w.conversation_id = o.conversation_id AND w.turn = o.turn - 1
                 WHERE o.role = 'human' AND o.turn >= 2
                 GROUP BY o.conversation_id
            ), per_conversation AS (
                SELECT conversation_id,
                       min(created_at) FILTER (WHERE role = 'customer') AS first_customer_at,
                       min(created_at) FILTER (WHERE role = 'human') AS first_human_at,
                       min(created_at) FILTER (WHERE role = 'bot') AS first_bot_at,
                       count(*) FILTER (WHERE role = 'customer') AS incoming_count,
                       count(*) FILTER (WHERE role = 'human') AS reply_count,
                       count(*) FILTER (WHERE role = 'bot') AS bot_count,
                       avg(sentiment_score) AS sentiment_score,
                       count(*) FILTER (WHERE intent = 'complaint') AS complaint_count
                  FROM ordered GROUP BY conversation_id
            ), handoffs AS (
                -- the hand-off moment: the bot's last message before the first human reply
                SELECT o.conversation_id, max(o.created_at) AS handoff_at
                  FROM ordered o JOIN per_conversation p USING (conversation_id)
                 WHERE o.role = 'bot' AND o.created_at <= p.first_human_at
                 GROUP BY o.conversation_id
            )
            SELECT c.id AS id,
                   c.id AS conversation_id,
                   c.company_id, c.account_id, c.inbox_id, c.channel_type,
                   NULLIF(c.assignee_name, '') AS agent,
                   c.partner_id, c.status,
                   COALESCE(c.created_at, p.first_customer_at) AS date,
                   -- NULL, not negative, when the shop wrote first (outbound contact)
                   CASE WHEN p.first_human_at >= COALESCE(h.handoff_at, p.first_customer_at,
                       c.created_at) THEN EXTRACT(EPOCH FROM p.first_human_at - COALESCE(
                       h.handoff_at, p.first_customer_at, c.created_at)) / 60.0 END
                       AS first_response_minutes,
                   r.reply_seconds / 60.0 AS reply_minutes,
                   CASE WHEN c.resolved_at IS NOT NULL THEN EXTRACT(EPOCH FROM c.resolved_at
                       - COALESCE(c.created_at, p.first_customer_at)) / 3600.0 END
                       AS resolution_hours,
                   COALESCE(p.incoming_count, 0) AS incoming_count,
                   COALESCE(p.reply_count, 0) AS reply_count,
                   (c.resolved_at IS NOT NULL)::int AS resolved,
                   (COALESCE(p.bot_count, 0) > 0)::int AS bot_handled,
                   (c.resolved_at IS NOT NULL AND COALESCE(p.bot_count, 0) > 0
                       AND COALESCE(p.reply_count, 0) = 0)::int AS bot_resolved,
                   (h.handoff_at IS NOT NULL)::int AS handoff,
                   %(csat)s AS csat_rating,
                   p.sentiment_score,
                   COALESCE(p.complaint_count, 0) AS complaint_count
              FROM chatwoot_conversation c
              LEFT JOIN per_conversation p ON p.conversation_id = c.id
              LEFT JOIN handoffs h ON h.conversation_id = c.id
              LEFT JOIN replies r ON r.conversation_id = c.id
            """,
            bots=bot_senders,
            csat=self._csat_sql(),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    # ------------------------------------------------------------------ report data
    @api.model
    def _breakdown(self, dimension, domain=()):
        """Service metrics of the rows matching ``domain``, grouped by ``dimension``.

        ``dimension`` is ``inbox``, ``channel``, ``agent``, ``period`` (month) or ``total``.
        Averages and the median / 90th percentile of the first response are computed by
        PostgreSQL over the rows the user may read (record rules apply through ``_search``):
        the report never loads the conversations themselves.
        """
        group = {
            "inbox": SQL("COALESCE(i.name, '-')"),
            "channel": SQL("COALESCE(s.channel_type, '-')"),
            "agent": SQL("COALESCE(s.agent, '-')"),
            "period": SQL("to_char(date_trunc('month', s.date), 'YYYY-MM')"),
            "total": SQL("''"),
        }[dimension]
        rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT %(group)s AS name,
                       count(*) AS conversations,
                       min(s.date) AS date_from,
                       max(s.date) AS date_to,
                       avg(s.first_response_minutes) AS frt_avg,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY s.first_response_minutes)
                           AS frt_median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY s.first_response_minutes)
                           AS frt_p90,
                       avg(s.reply_minutes) AS reply_avg,
                       avg(s.resolution_hours) AS resolution_avg,
                       sum(s.resolved) AS resolutions,
                       sum(s.bot_handled) AS bot_handled,
                       sum(s.bot_resolved) AS bot_resolved,
                       sum(s.handoff) AS handoffs,
                       avg(s.csat_rating) AS csat,
                       avg(s.sentiment_score) AS sentiment
                  FROM chatwoot_service_report s
                  LEFT JOIN chatwoot_inbox i ON i.id = s.inbox_id
                 WHERE s.id IN %(rows)s
                 GROUP BY 1 ORDER BY 1
                """,
                group=group,
                rows=self._search(list(domain)).subselect(),
            )
        )
        channel_labels = dict(CHANNEL_TYPES)
        for row in rows:
            bot = row["bot_handled"] or 0
            row["bot_resolution_rate"] = (row["bot_resolved"] or 0) / bot if bot else None
            row["handoff_rate"] = (row["handoffs"] or 0) / bot if bot else None
            if dimension == "channel":
                row["name"] = channel_labels.get(row["name"], row["name"])
        return rows
