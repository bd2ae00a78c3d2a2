# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

TREND_DIRECTIONS = [
    ("rising", "Rising"),
    ("declining", "Declining"),
    ("stable", "Stable"),
]

#: Documents the topic model is fitted on; the other messages are only assigned to it.
TOPIC_FIT_DOCS = 20000
#: Messages assigned per round trip.
TOPIC_ASSIGN_BATCH = 50000
#: Examples kept per topic.
TOPIC_EXAMPLES = 5


class ChatwootTopic(models.Model):
    _name = "chatwoot.topic"
    _description = "Conversation Topic"
    _order = "company_id, size desc, id"
    _rec_name = "label"

    label = fields.Char(required=True, readonly=True)
    terms = fields.Char(readonly=True, help="Top terms of the topic, most weighted first.")
    size = fields.Integer(
        string="Messages", readonly=True, help="Customer messages assigned to the topic."
    )
    examples = fields.Text(readonly=True, help="Typical customer messages of the topic.")
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, ondelete="cascade"
    )
    topic_index = fields.Integer(readonly=True, help="Index of the topic in its fitted model.")
    last_period = fields.Char(readonly=True, help="Most recent month with messages (YYYY-MM).")
    last_period_count = fields.Integer(string="Messages Last Month", readonly=True)
    previous_period_count = fields.Integer(string="Messages Previous Month", readonly=True)
    growth = fields.Float(
        readonly=True, help="Relative change of the messages between the last two months."
    )
    trend = fields.Selection(TREND_DIRECTIONS, readonly=True)
    message_ids = fields.One2many("chatwoot.message", "topic_id", string="Topic Messages")
    refreshed_at = fields.Datetime(readonly=True)

    # ------------------------------------------------------------------ refresh
    @api.model
    def _refresh_topics(self):
        """Fit the topics of every company's customer messages again and assign each message.

        Each company gets its own model (companies never share vocabulary or examples). The
        model is fitted on a sample of ``TOPIC_FIT_DOCS`` messages, every message is assigned
        in batches and written back with one bulk UPDATE per batch.
        """
        company_ids = [
            row[0]
            for row in self.env.execute_query(
                SQL(
                    "SELECT DISTINCT company_id FROM chatwoot_message"
                    " WHERE message_type = 'incoming' AND company_id IS NOT NULL"
                )
            )
        ]
        for company_id in company_ids:
            self._refresh_company_topics(company_id)
        self.env["chatwoot.message"].invalidate_model(["topic_id"])
        return len(company_ids)

    @api.model
    def _customer_messages_sql(self, company_id):
        return SQL(
            "m.company_id = %s AND m.message_type = 'incoming'"
            " AND NOT COALESCE(m.private, FALSE) AND COALESCE(m.content, '') <> ''",
            company_id,
        )

    @api.model
    def _refresh_company_topics(self, company_id):
        from ..stats.topics import fit_topics

        condition = self._customer_messages_sql(company_id)
        # A deterministic, evenly spread sample: the whole history is represented, not only
        # the first or last months.
        sample = self.env.execute_query(
            SQL(
                "SELECT content FROM (SELECT m.content, row_number() OVER (ORDER BY m.id) AS rn,"
                " count(*) OVER () AS total FROM chatwoot_message m WHERE %s) s"
                " WHERE rn %% GREATEST(total / %s, 1) = 0 LIMIT %s",
                condition,
                TOPIC_FIT_DOCS,
                TOPIC_FIT_DOCS,
            )
        )
        texts = [row[0] for row in sample]
        old = self.search([("company_id", "=", company_id)])
        if not texts:
            old.unlink()
            return self.browse()
        model = fit_topics(texts, max_docs=TOPIC_FIT_DOCS)
        old.unlink()  # messages' topic_id is set null by the foreign key
        topics = self.create(
            [
                {
                    "company_id": company_id,
                    "topic_index": topic.index,
                    "label": topic.label,
                    "terms": ", ".join(topic.terms),
                }
                for topic in model.topics
            ]
        )
        by_index = {topic.topic_index: topic.id for topic in topics}
        examples = self._assign_messages(model, condition, by_index)
        self._store_sizes_and_trends(topics, condition, examples)
        _logger.info("chatwoot.topic: company %s, %s topic(s)", company_id, len(topics))
        return topics

    @api.model
    def _assign_messages(self, model, condition, by_index):
        """Write every message's topic; return the best-weighted examples per topic id."""
        best = {}  # topic id -> [(weight, text)]
        for rows in self.env["chatwoot.message"]._iter_texts(condition, TOPIC_ASSIGN_BATCH):
            assignments = model.assign([row[1] for row in rows])
            topic_ids = [by_index.get(index) for index, _weight in assignments]
            self.env.execute_query(
                SQL(
                    "UPDATE chatwoot_message m SET topic_id = v.topic_id"
                    " FROM unnest(%s::int[], %s::int[]) AS v(id, topic_id) WHERE m.id = v.id",
                    [row[0] for row in rows],
                    topic_ids,
                )
            )
            for (_id, text), topic_id, (_index, weight) in zip(
                rows, topic_ids, assignments, strict=True
            ):
                if topic_id:
                    self._keep_example(best.setdefault(topic_id, []), weight, text)
        return best

    @staticmethod
    def _keep_example(examples, weight, text):
        """Keep the ``TOPIC_EXAMPLES`` distinct texts with the highest weights."""
        if any(text == kept for _w, kept in examples):
            return
        if len(examples) < TOPIC_EXAMPLES:
            examples.append((weight, text))
            examples.sort(reverse=True)
        elif weight > examples[-1][0]:
            examples[-1] = (weight, text)
            examples.sort(reverse=True)

    @api.model
    def _store_sizes_and_trends(self, topics, condition, examples):
        """Sizes and month-over-month growth per topic, counted in SQL."""
        from ..stats.topics import trending_topics

        rows = self.env.execute_query(
            SQL(
                "SELECT m.topic_id, to_char(date_trunc('month', COALESCE(m.created_at,"
                " m.create_date)), 'YYYY-MM'), count(*) FROM chatwoot_message m"
                " WHERE %s AND m.topic_id IN %s GROUP BY 1, 2",
                condition,
                tuple(topics.ids),
            )
        )
        index_of = {topic.id: topic.topic_index for topic in topics}
        by_period, sizes = {}, {}
        for topic_id, period, count in rows:
            by_period.setdefault(period, []).extend([index_of[topic_id]] * count)
            sizes[topic_id] = sizes.get(topic_id, 0) + count
        periods = sorted(by_period)
        trends = {}
        if by_period:
            for trend in trending_topics(by_period, len(topics)):
                trends[trend["topic"]] = trend
        now = fields.Datetime.now()
        for topic in topics:
            trend = trends.get(topic.topic_index, {})
            topic.write(
                {
                    "size": sizes.get(topic.id, 0),
                    "examples": "\n".join(text for _w, text in examples.get(topic.id, [])),
                    "last_period": periods[-1] if periods else False,
                    "last_period_count": trend.get("last", 0),
                    "previous_period_count": trend.get("previous", 0),
                    "growth": trend.get("growth", 0.0),
                    "trend": trend.get("direction", "stable"),
                    "refreshed_at": now,
                }
            )
