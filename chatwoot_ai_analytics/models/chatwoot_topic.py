# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.tools import SQL

from ..sql.bulk import StagedUpdate
from ..stats.predict import predict_unique

_logger = logging.getLogger(__name__)

TREND_DIRECTIONS = [
    ("rising", "Rising"),
    ("declining", "Declining"),
    ("stable", "Stable"),
    ("uncertain", "Too few to tell"),
]

#: Documents the topic model is fitted on; the other messages are only assigned to it.
#: 5k keeps the fit (several NMF candidates) to a few seconds; more only sharpens rare topics.
TOPIC_FIT_DOCS = 5000
#: Messages assigned per round trip.
TOPIC_ASSIGN_BATCH = 50000
#: Examples kept per topic (the texts of the fitted sample most typical of it).
TOPIC_EXAMPLES = 5
#: The fitted topic model of each company (vocabulary, idf, topic-term matrix, topics), kept
#: between runs so new messages are assigned without a refit (internal, read and written by
#: the refresh only; no model, no access rights). See ``_refresh_company_topics``.
TOPIC_MODEL_TABLE = "chatwoot_topic_vocabulary"
#: A stored model is fitted again when the new messages' out-of-vocabulary share exceeds the
#: fitted sample's by more than this, or when it is this many days old.
TOPIC_OOV_MARGIN = 0.1
TOPIC_REFIT_DAYS = 7


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
    last_period = fields.Char(
        readonly=True,
        help="Most recent complete month with messages (YYYY-MM); the running month is left "
        "out of the trend.",
    )
    last_period_count = fields.Integer(string="Messages Last Month", readonly=True)
    previous_period_count = fields.Integer(string="Messages Previous Month", readonly=True)
    growth = fields.Float(
        readonly=True,
        help="Relative change of the topic's share of the messages between the last two "
        "complete months.",
    )
    trend = fields.Selection(TREND_DIRECTIONS, readonly=True)
    message_ids = fields.One2many("chatwoot.message", "topic_id", string="Topic Messages")
    refreshed_at = fields.Datetime(readonly=True)

    def init(self):
        result = super().init()
        self.env.cr.execute(
            SQL(
                "CREATE TABLE IF NOT EXISTS %s ("
                " company_id int PRIMARY KEY REFERENCES res_company(id) ON DELETE CASCADE,"
                " model bytea NOT NULL, fitted_at timestamp NOT NULL,"
                " assigned_at timestamp NOT NULL)",
                SQL.identifier(TOPIC_MODEL_TABLE),
            )
        )
        return result

    # ------------------------------------------------------------------ refresh
    @api.model
    def _refresh_topics(self):
        """Fit the topics of every company's customer messages again and assign each message.

        Each company gets its own model (companies never share vocabulary or examples). The
        model is fitted on a sample of ``TOPIC_FIT_DOCS`` messages, every message is assigned
        in batches and written back with one bulk UPDATE per batch.
        """
        self.env.flush_all()  # the SQL below must see pending ORM writes
        company_ids = [
            row[0]
            for row in self.env.execute_query(
                # One probe per company, not a scan of every message.
                SQL(
                    "SELECT c.id FROM res_company c WHERE EXISTS (SELECT 1 FROM chatwoot_message"
                    " m WHERE m.company_id = c.id AND m.message_type = 'incoming') ORDER BY 1"
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
        """Topics of one company: its stored model reused for the new messages, or a refit.

        Rule (``stats.topics.needs_refit``): the stored vocabulary and topics are reused while
        the messages new since the last assignment (written since, or not classified yet)
        have an out-of-vocabulary share at most ``TOPIC_OOV_MARGIN`` above the fitted
        sample's, for ``TOPIC_REFIT_DAYS`` days; then only those messages are assigned. A
        refit (no stored model, new words, the weekly refit) assigns every message. The topic
        records lost since the fit (a wipe) are rebuilt from the stored model, with every
        message assigned again.
        """
        condition = self._customer_messages_sql(company_id)
        if not self._messages_changed(company_id, condition):
            return self.search([("company_id", "=", company_id)])
        # Imported once there is work: the module compiles its regexes and loads sklearn.
        from ..stats.topics import model_from_bytes, needs_refit, oov_share

        old = self.search([("company_id", "=", company_id)], order="topic_index, id")
        now = self.env.cr.now()
        stored = self.env.execute_query(
            SQL(
                "SELECT model, fitted_at, assigned_at FROM %s WHERE company_id = %s",
                SQL.identifier(TOPIC_MODEL_TABLE),
                company_id,
            )
        )
        model = None
        if stored:
            data, fitted_at, assigned_at = stored[0]
            model, fitted_oov = model_from_bytes(data)
            new = SQL("%s AND (m.sentiment IS NULL OR m.write_date >= %s)", condition, assigned_at)
            texts = self._sample_texts(new, latest=True)
            age = (now - fitted_at).total_seconds() / 86400
            if not model.topics or needs_refit(
                fitted_oov, oov_share(model, texts), age, TOPIC_OOV_MARGIN, TOPIC_REFIT_DAYS
            ):
                model = None
            elif [topic.topic_index for topic in old] == [t.index for t in model.topics]:
                condition = new  # the topic records are the model's: only new messages
            else:
                old = self._store_topics(company_id, model.topics, old)
        if model is None:
            model = self._fit_company_model(company_id, condition, now)
            if model is None:
                old.unlink()
                return self.browse()
            old = self._store_topics(company_id, model.topics, old)
        self.env.execute_query(
            SQL(
                "UPDATE %s SET assigned_at = %s WHERE company_id = %s",
                SQL.identifier(TOPIC_MODEL_TABLE),
                now,
                company_id,
            )
        )
        by_index = {topic.topic_index: topic.id for topic in old}
        self._assign_messages(model, condition, by_index)
        self._store_sizes_and_trends(old, self._customer_messages_sql(company_id))
        _logger.info("chatwoot.topic: company %s, %s topic(s)", company_id, len(old))
        return old

    @api.model
    def _sample_texts(self, condition, latest=False):
        """Up to ``TOPIC_FIT_DOCS`` texts of the messages matching ``condition``: evenly spread
        over the whole history (a deterministic sample, the first or last months do not
        dominate), or the latest ones."""
        if latest:
            query = SQL(
                "SELECT m.content FROM chatwoot_message m WHERE %s ORDER BY m.id DESC LIMIT %s",
                condition,
                TOPIC_FIT_DOCS,
            )
        else:
            query = SQL(
                "SELECT content FROM (SELECT m.content, row_number() OVER (ORDER BY m.id) AS rn,"
                " count(*) OVER () AS total FROM chatwoot_message m WHERE %s) s"
                " WHERE rn %% GREATEST(total / %s, 1) = 0 LIMIT %s",
                condition,
                TOPIC_FIT_DOCS,
                TOPIC_FIT_DOCS,
            )
        return [row[0] for row in self.env.execute_query(query)]

    @api.model
    def _fit_company_model(self, company_id, condition, now):
        """Fit the company's topics on a sample of its messages and store the model (None:
        no message)."""
        from ..stats.topics import fit_topics, model_to_bytes, oov_share

        texts = self._sample_texts(condition)
        if not texts:
            self.env.execute_query(
                SQL(
                    "DELETE FROM %s WHERE company_id = %s",
                    SQL.identifier(TOPIC_MODEL_TABLE),
                    company_id,
                )
            )
            return None
        model = fit_topics(texts, max_docs=TOPIC_FIT_DOCS, n_examples=TOPIC_EXAMPLES)
        self.env.execute_query(
            SQL(
                "INSERT INTO %s (company_id, model, fitted_at, assigned_at)"
                " VALUES (%s, %s, %s, %s) ON CONFLICT (company_id) DO UPDATE"
                " SET model = EXCLUDED.model, fitted_at = EXCLUDED.fitted_at,"
                " assigned_at = EXCLUDED.assigned_at",
                SQL.identifier(TOPIC_MODEL_TABLE),
                company_id,
                model_to_bytes(model, oov_share(model, texts)),
                now,
                now,
            )
        )
        return model

    @api.model
    def _messages_changed(self, company_id, condition):
        """Whether a customer message was written since the company's topics were fitted.

        Nothing new means the same sample, hence the same deterministic fit: the refit is
        skipped (the incremental runs of the day cost one indexed probe).
        """
        fitted = self.env.execute_query(
            SQL("SELECT min(refreshed_at) FROM chatwoot_topic WHERE company_id = %s", company_id)
        )[0][0]
        if not fitted:
            return True
        return bool(
            self.env.execute_query(
                SQL(
                    "SELECT 1 FROM chatwoot_message m WHERE %s AND m.write_date >= %s LIMIT 1",
                    condition,
                    fitted,
                )
            )
        )

    @api.model
    def _store_topics(self, company_id, fitted, old):
        """Write the fitted topics over the company's records, index by index.

        Keeping the record of each index keeps the messages' ``topic_id`` when a refit finds
        the same topics (the fit is deterministic), so the assignment only rewrites the
        messages whose topic really changed. Extra old topics are deleted.
        """
        values = [
            {
                "company_id": company_id,
                "topic_index": topic.index,
                "label": topic.label,
                "terms": ", ".join(topic.terms),
                "examples": "\n".join(topic.examples),
            }
            for topic in fitted
        ]
        kept = old[: len(values)]
        for record, vals in zip(kept, values, strict=False):
            record.write(vals)
        (old - kept).unlink()  # their messages' topic_id is set null by the foreign key
        return kept | self.create(values[len(kept) :])

    @api.model
    def _assign_messages(self, model, condition, by_index):
        """Write every message's topic: the batches' assignments staged, then one UPDATE.

        Messages not classified yet get their sentiment and intent in the same UPDATE (see
        ``chatwoot.message._classification_values``): a first refresh rewrites each message
        once, not once per analysis. The others are only rewritten when their topic changed.
        """
        Message = self.env["chatwoot.message"]
        unclassified = SQL("m.sentiment IS NULL")
        fallbacks = None
        classified = None  # its columns are known at the first new message
        assigned = StagedUpdate(self.env, Message._table, {"topic_id": "int"}, only_changed=True)
        for rows in Message._iter_texts(condition, TOPIC_ASSIGN_BATCH, extra=unclassified):
            assignments = predict_unique(model.assign, [row[1] for row in rows])
            topic_ids = [by_index.get(index) for index, _weight in assignments]
            new = [position for position, row in enumerate(rows) if row[2]]
            if new:
                if fallbacks is None:
                    fallbacks = Message._analytics_intent_fallbacks()
                columns, values = Message._classification_values(
                    [rows[position] for position in new], fallbacks
                )
                if classified is None:
                    classified = StagedUpdate(
                        self.env, Message._table, {"topic_id": "int", **columns}
                    )
                classified.add(
                    [rows[position][0] for position in new],
                    ([topic_ids[position] for position in new], *values),
                )
            known = [position for position, row in enumerate(rows) if not row[2]]
            assigned.add(
                [rows[position][0] for position in known],
                ([topic_ids[position] for position in known],),
            )
        if classified is not None:
            classified.apply()
        assigned.apply()
        Message.invalidate_model(["sentiment_score", "sentiment", "intent", "intent_confidence"])

    @api.model
    def _store_sizes_and_trends(self, topics, condition):
        """Sizes and the change between the last two complete months per topic, counted in SQL.

        The running month is left out of the trend (two days of it against whole months would
        read as -100 %), and the last complete month is compared with the calendar month
        before it.
        """
        from ..stats.topics import month_before, trending_topics

        rows = self.env.execute_query(
            SQL(
                "SELECT to_char(date_trunc('month', COALESCE(m.created_at, m.create_date)),"
                " 'YYYY-MM'), m.topic_id, count(*) FROM chatwoot_message m"
                " WHERE %s GROUP BY 1, 2",
                condition,
            )
        )
        index_of = {topic.id: topic.topic_index for topic in topics}
        by_period, sizes = {}, {}
        for period, topic_id, count in rows:
            # Messages without a topic count in each month's total (index -1).
            by_period.setdefault(period, []).extend([index_of.get(topic_id, -1)] * count)
            if topic_id:
                sizes[topic_id] = sizes.get(topic_id, 0) + count
        # The transaction's time, the one the messages written in it carry as write_date.
        now = self.env.cr.now()
        rows = trending_topics(
            by_period, len(topics), before=now.strftime("%Y-%m"), previous_of=month_before
        )
        trends = {row["topic"]: row for row in rows}
        for topic in topics:
            trend = trends.get(topic.topic_index)
            values = {"size": sizes.get(topic.id, 0), "refreshed_at": now, "trend": "stable"}
            if trend:
                values.update(
                    last_period=trend["current_period"],
                    last_period_count=trend["current_count"],
                    previous_period_count=trend["previous_count"],
                    growth=trend["growth"] or 0.0,
                    trend=trend["direction"],
                )
            topic.write(values)
