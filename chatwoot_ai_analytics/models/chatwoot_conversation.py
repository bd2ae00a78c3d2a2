# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

from .chatwoot_message import INTENT_SELECTION, SENTIMENTS

SENTIMENT_TRENDS = [
    ("improving", "Improving"),
    ("worsening", "Worsening"),
    ("steady", "Steady"),
]


class ChatwootConversation(models.Model):
    _inherit = "chatwoot.conversation"

    sentiment_score = fields.Float(
        compute="_compute_conversation_insight",
        help="Mean sentiment of the customer's classified messages, from -1 to 1.",
    )
    sentiment = fields.Selection(SENTIMENTS, compute="_compute_conversation_insight")
    sentiment_trend = fields.Selection(
        SENTIMENT_TRENDS,
        compute="_compute_conversation_insight",
        help="Mood of the second half of the customer's messages against the first half.",
    )
    dominant_intent = fields.Selection(
        INTENT_SELECTION,
        compute="_compute_conversation_insight",
        help="The customer's most frequent intent, 'other' only when nothing else was found.",
    )

    def _compute_conversation_insight(self):
        """One grouped query for the whole batch of conversations."""
        from ..stats.sentiment import sentiment_label, sentiment_trend

        rows = {}
        if self.ids:
            rows = {
                row[0]: row[1:]
                for row in self.env.execute_query(
                    SQL(
                        """
                        WITH scored AS (
                            SELECT conversation_id, sentiment_score, intent,
                                   ntile(2) OVER (PARTITION BY conversation_id
                                                  ORDER BY created_at, id) AS half
                              FROM chatwoot_message
                             WHERE conversation_id = ANY(%s) AND sentiment IS NOT NULL
                        ), intents AS (
                            SELECT DISTINCT ON (conversation_id) conversation_id, intent
                              FROM scored
                             GROUP BY conversation_id, intent
                             ORDER BY conversation_id, (intent = 'other'), count(*) DESC, intent
                        )
                        SELECT s.conversation_id, avg(s.sentiment_score),
                               avg(s.sentiment_score) FILTER (WHERE s.half = 1),
                               avg(s.sentiment_score) FILTER (WHERE s.half = 2),
                               min(i.intent)
                          FROM scored s JOIN intents i USING (conversation_id)
                         GROUP BY s.conversation_id
                        """,
                        self.ids,
                    )
                )
            }
        for conversation in self:
            mean, first_half, second_half, intent = rows.get(
                conversation.id, (None, None, None, False)
            )
            conversation.sentiment_score = mean or 0.0
            conversation.sentiment = sentiment_label(mean)
            conversation.sentiment_trend = sentiment_trend(first_half, second_half)
            conversation.dominant_intent = intent
