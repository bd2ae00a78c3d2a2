# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict
from functools import partial

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.ai import intents

from ..sql.bulk import StagedUpdate
from ..stats.predict import predict_unique

_logger = logging.getLogger(__name__)

SENTIMENTS = [
    ("negative", "Negative"),
    ("neutral", "Neutral"),
    ("positive", "Positive"),
]

#: The suite's intent vocabulary (``chatwoot_ai_base/ai/intents.py``), which the classifier
#: predicts (a test keeps them equal).
INTENT_SELECTION = intents.selection()

#: Messages read and written per round trip: large enough for vectorised prediction, small
#: enough to keep the batch's texts and the UPDATE parameters well under 100 MB.
CLASSIFY_BATCH = 50000
#: Columns a classification writes, with their types (sql/bulk.StagedUpdate).
CLASSIFICATION_COLUMNS = {
    "sentiment_score": "float8",
    "sentiment": "varchar",
    "intent": "varchar",
    "intent_confidence": "float8",
}


class ChatwootMessage(models.Model):
    _inherit = "chatwoot.message"

    sentiment_score = fields.Float(
        aggregator="avg",
        readonly=True,
        help="From -1 (very negative) to 1 (very positive); customer messages only.",
    )
    # Not indexed: every classification would also rewrite the indexes, and the analyses
    # group over all messages anyway.
    sentiment = fields.Selection(SENTIMENTS, readonly=True)
    intent = fields.Selection(INTENT_SELECTION, readonly=True)
    intent_confidence = fields.Float(readonly=True, aggregator="avg")
    # Not indexed either (dropped in 19.0.1.3.0): with no index on the columns a refresh
    # writes, PostgreSQL rewrites a classified message beside the old version on its page (a
    # HOT update, no index entry), which makes reclassifying 100k messages about 1 s faster.
    # The price: deleting a topic (rare: a refit finding fewer topics) scans the messages to
    # set their topic_id null, and a search by topic filters instead of probing an index.
    topic_id = fields.Many2one("chatwoot.topic", readonly=True, ondelete="set null")

    def write(self, vals):
        # An edited text must be classified again: clearing the scores puts it back in the
        # queue of the next incremental run.
        if "content" in vals and "sentiment" not in vals:
            vals = dict(vals, sentiment_score=False, sentiment=False, intent=False)
        return super().write(vals)

    # ------------------------------------------------------------------ classification
    @api.model
    def _analytics_classify_domain_sql(self, since=None):
        """The messages a run classifies: unclassified, customer-written, public, with text."""
        condition = SQL(
            "m.message_type = 'incoming' AND NOT COALESCE(m.private, FALSE)"
            " AND m.sentiment IS NULL AND COALESCE(m.content, '') <> ''"
        )
        if since:
            condition = SQL("%s AND m.create_date >= %s", condition, since)
        return condition

    @api.model
    def _analytics_classify(self, since=None):
        """Score sentiment and intent of the customer messages not classified yet.

        Rows are read in id order, ``CLASSIFY_BATCH`` at a time, their results staged by COPY
        and written back with one ``UPDATE`` at the end (``sql.bulk.StagedUpdate``), so 300k
        messages cost a few queries and two vectorised predictions, never a recordset. Already
        classified rows are skipped, which makes every run incremental; ``since`` narrows it
        further to recently created rows. Returns the number of messages classified.
        """
        self.env.flush_all()  # the SQL below must see pending ORM writes
        done = 0
        fallbacks = None  # built at the first batch: building a remote LLM imports crewai
        update = StagedUpdate(self.env, self._table, CLASSIFICATION_COLUMNS)
        for rows in self._iter_texts(self._analytics_classify_domain_sql(since)):
            if fallbacks is None:
                fallbacks = self._analytics_intent_fallbacks()
            columns, values = self._classification_values(rows, fallbacks)
            update.add([row[0] for row in rows], values)
            done += len(rows)
        update.apply()
        self.invalidate_model(["sentiment_score", "sentiment", "intent", "intent_confidence"])
        _logger.info("chatwoot.message: %s message(s) classified", done)
        return done

    @api.model
    def _classification_values(self, rows, fallbacks):
        """``(columns, values)`` for ``sql.bulk.StagedUpdate``: the sentiment and intent
        of a batch of (id, content, ...) rows, one list per column. The topic refresh writes
        them in the same UPDATE as the topics of the messages it assigns (one rewrite of each
        row instead of two)."""
        from ..stats.intent import IntentModel
        from ..stats.sentiment import SentimentModel

        # Loaded (trained once per process) only when there is something to classify.
        sentiment_model = SentimentModel.default()
        intent_model = IntentModel.default()
        sentiments = predict_unique(sentiment_model.predict, [row[1] for row in rows])
        intents = self._analytics_predict_intents(intent_model, rows, fallbacks)
        return CLASSIFICATION_COLUMNS, (
            [float(score) for _label, score in sentiments],
            [label for label, _score in sentiments],
            [intent for intent, _confidence in intents],
            [float(confidence) for _intent, confidence in intents],
        )

    @api.model
    def _analytics_intent_fallbacks(self):
        """{company id: LLM fallback} of the companies that ask the model about uncertain
        intents (``res.company._chatwoot_ai_intent_fallback``); one per run, so the call cap
        and the stop after a failure hold for the whole run."""
        companies = (
            self.env["res.company"].sudo().search([("chatwoot_ai_intent_llm_fallback", "=", True)])
        )
        fallbacks = {company.id: company._chatwoot_ai_intent_fallback() for company in companies}
        return {company_id: fallback for company_id, fallback in fallbacks.items() if fallback}

    @api.model
    def _analytics_predict_intents(self, intent_model, rows, fallbacks):
        """Intents of a batch of (id, content) rows; each company's uncertain texts go to its
        own fallback, and the model calls made are logged as ``chatwoot.ai.run``."""
        texts = [row[1] for row in rows]
        if not fallbacks:
            return predict_unique(intent_model.predict, texts)
        company_of = dict(
            self.env.execute_query(
                SQL(
                    "SELECT id, company_id FROM chatwoot_message WHERE id = ANY(%s)",
                    [row[0] for row in rows],
                )
            )
        )
        positions = defaultdict(list)
        for position, (message_id, *_content) in enumerate(rows):
            company_id = company_of.get(message_id)
            positions[company_id if company_id in fallbacks else None].append(position)
        intents = [None] * len(rows)
        for company_id, group in positions.items():
            fallback = fallbacks.get(company_id)
            predict = partial(intent_model.predict, fallback=fallback)
            group_intents = predict_unique(predict, [texts[p] for p in group])
            for position, intent in zip(group, group_intents, strict=True):
                intents[position] = intent
            if fallback is not None:
                # The first message with the text stands for it: duplicates are asked once.
                message_ids = {}
                for position in reversed(group):
                    message_ids[texts[position]] = rows[position][0]
                self.env["chatwoot.ai.run"]._log_intent_calls(
                    self.env["res.company"].browse(company_id), fallback.pop_log(), message_ids
                )
        return intents

    @api.model
    def _iter_texts(self, condition, batch=CLASSIFY_BATCH, extra=None):
        """Yield lists of (id, content) of the messages ``m`` matching ``condition`` (with
        the ``extra`` SQL expression as a third column when given).

        Keyset pagination on the primary key: every batch is one index range scan, however
        far into the table it is, and rows updated by the caller between batches are never
        read twice.
        """
        last_id = 0
        while True:
            rows = self.env.execute_query(
                SQL(
                    "SELECT m.id, m.content %s FROM chatwoot_message m"
                    " WHERE m.id > %s AND %s ORDER BY m.id LIMIT %s",
                    SQL(", %s", extra) if extra is not None else SQL(),
                    last_id,
                    condition,
                    batch,
                )
            )
            if not rows:
                return
            yield rows
            last_id = rows[-1][0]
