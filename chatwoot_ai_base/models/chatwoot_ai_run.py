# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from ..ai import intents

RUN_STATES = [
    ("queued", "Queued"),
    ("running", "Running"),
    ("done", "Answered"),
    ("handoff", "Handed Off"),
    ("failed", "Failed"),
]
RUN_KINDS = [
    ("reply", "Customer Reply"),
    ("suggest", "Suggested Reply"),
]
HANDOFF_REASONS = [
    ("human_request", "Customer asked for a human"),
    ("complaint", "Complaint"),
    ("low_confidence", "Low confidence"),
    ("forbidden_topic", "Forbidden topic"),
    ("escalation_rule", "Escalation rule"),
    ("budget", "Token budget spent"),
    ("llm_error", "LLM unavailable"),
    ("out_of_hours", "Outside bot hours"),
    ("reply_cap", "Too many bot replies"),
]
INTENTS = intents.selection()


class ChatwootAiRun(models.Model):
    """One crew run: what the agent was given, what it answered and what it cost.

    Inputs are stored before the model is called, so a failed call keeps everything a
    person needs to answer instead.
    """

    _name = "chatwoot.ai.run"
    _description = "Chatwoot AI Run"
    _order = "id desc"

    account_id = fields.Many2one("chatwoot.account", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    conversation_id = fields.Many2one(
        "chatwoot.conversation", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one("res.partner", string="Customer", index=True, ondelete="set null")
    kind = fields.Selection(RUN_KINDS, required=True, default="reply")
    trigger_message_ids = fields.Many2many(
        "chatwoot.message", string="Answered Messages", help="The customer messages this run read."
    )
    last_message_id = fields.Integer(
        string="Last Answered Chatwoot Message",
        index=True,
        help="The newest customer message (Chatwoot id) this run covers; later ones are new.",
    )
    input_text = fields.Text(string="Input")
    context_snapshot = fields.Json(help="The tool results the agent used.")
    output = fields.Text(help="The text posted to the customer.")
    suggested_reply = fields.Text(help="Draft for a human agent.")
    summary = fields.Text()
    language = fields.Char()
    intent = fields.Selection(INTENTS)
    crew = fields.Char()
    confidence = fields.Float(digits=(3, 2))
    provider = fields.Char(string="LLM Provider")
    model = fields.Char(string="LLM Model")
    tokens_in = fields.Integer(string="Input Tokens", aggregator="sum")
    tokens_out = fields.Integer(string="Output Tokens", aggregator="sum")
    latency_ms = fields.Integer(string="Latency (ms)", aggregator="avg")
    estimated_cost = fields.Float(digits=(16, 6), aggregator="sum")
    state = fields.Selection(RUN_STATES, required=True, default="queued", index=True)
    handoff_reason = fields.Selection(HANDOFF_REASONS)
    attempts = fields.Integer(help="Model calls tried so far.")
    reply_message_id = fields.Integer(
        string="Posted Chatwoot Message",
        index=True,
        help="Chatwoot id of the message the bot posted: its webhook echo is never answered.",
    )
    error = fields.Text()

    @api.model
    def _tokens_this_month(self, companies):
        """Tokens (in + out) used since the first of the month, by company id."""
        start = fields.Date.today().replace(day=1)
        self.flush_model(["company_id", "tokens_in", "tokens_out"])
        rows = self.env.execute_query(
            SQL(
                "SELECT company_id, COALESCE(SUM(tokens_in + tokens_out), 0) "
                "FROM chatwoot_ai_run WHERE company_id IN %s AND create_date >= %s "
                "GROUP BY company_id",
                tuple(companies.ids) or (0,),
                start,
            )
        )
        return dict(rows)
