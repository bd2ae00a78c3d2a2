# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from ..ai import LLMSettings

MANAGER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_manager"
LLM_PROVIDERS = [
    ("offline", "Offline (no network)"),
    ("openai", "OpenAI-compatible (OpenAI, Ollama, vLLM, LM Studio, OpenRouter)"),
    ("anthropic", "Anthropic"),
    ("custom", "Other model id (any model CrewAI accepts)"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    chatwoot_ai_llm_provider = fields.Selection(
        LLM_PROVIDERS,
        string="LLM Provider",
        default="offline",
        required=True,
        help="Offline answers from the shop's data with templates, needs no key and is "
        "deterministic; the others call a language model.",
    )
    chatwoot_ai_llm_model = fields.Char(
        string="LLM Model", help="e.g. gpt-4o-mini, llama3.1, claude-3-5-haiku-latest"
    )
    chatwoot_ai_llm_base_url = fields.Char(
        string="LLM Base URL",
        help="OpenAI-compatible endpoint, e.g. http://ollama:11434/v1; empty for the "
        "provider's default.",
    )
    chatwoot_ai_llm_api_key = fields.Char(string="LLM API Key", groups=MANAGER_GROUP, copy=False)
    chatwoot_ai_llm_temperature = fields.Float(string="LLM Temperature", default=0.2)
    chatwoot_ai_llm_max_tokens = fields.Integer(string="LLM Max Tokens", default=600)
    chatwoot_ai_llm_timeout = fields.Float(
        string="LLM Timeout (s)", default=30.0, help="Seconds to wait for one answer."
    )
    chatwoot_ai_token_budget = fields.Integer(
        string="Monthly Token Budget",
        help="Tokens (input + output) the AI may use per calendar month; 0 means no limit. "
        "When spent, the agent hands conversations to humans without calling the model.",
    )
    chatwoot_ai_cost_per_million_in = fields.Float(
        string="Cost per Million Input Tokens",
        help="Used to estimate the cost of each AI run.",
    )
    chatwoot_ai_cost_per_million_out = fields.Float(
        string="Cost per Million Output Tokens",
        help="Used to estimate the cost of each AI run.",
    )
    chatwoot_ai_tokens_this_month = fields.Integer(
        string="Tokens Used This Month", compute="_compute_chatwoot_ai_budget"
    )
    chatwoot_ai_budget_spent = fields.Boolean(
        string="Token Budget Spent", compute="_compute_chatwoot_ai_budget"
    )
    chatwoot_ai_budget_notice = fields.Char(
        string="Token Budget Notice", compute="_compute_chatwoot_ai_budget"
    )

    def _compute_chatwoot_ai_budget(self):
        used = self.env["chatwoot.ai.run"].sudo()._tokens_this_month(self)
        for company in self:
            tokens = used.get(company.id, 0)
            budget = company.chatwoot_ai_token_budget
            company.chatwoot_ai_tokens_this_month = tokens
            company.chatwoot_ai_budget_spent = bool(budget) and tokens >= budget
            company.chatwoot_ai_budget_notice = (
                self.env._(
                    "The monthly token budget is spent (%(used)s of %(budget)s tokens): the AI "
                    "agent hands every conversation to humans until next month or a higher "
                    "budget.",
                    used=tokens,
                    budget=budget,
                )
                if company.chatwoot_ai_budget_spent
                else False
            )

    def _chatwoot_ai_llm_settings(self):
        """The company's provider settings as the pure layer's ``LLMSettings``."""
        self.ensure_one()
        company = self.sudo()  # the key is Manager-only; jobs and the bot user read it here
        return LLMSettings(
            provider=company.chatwoot_ai_llm_provider or "offline",
            model=company.chatwoot_ai_llm_model or "",
            base_url=company.chatwoot_ai_llm_base_url or "",
            api_key=company.chatwoot_ai_llm_api_key or "",
            temperature=company.chatwoot_ai_llm_temperature,
            max_tokens=company.chatwoot_ai_llm_max_tokens or 600,
            timeout=company.chatwoot_ai_llm_timeout or 30.0,
        )

    @api.model
    def _chatwoot_ai_estimated_cost(self, company, tokens_in, tokens_out):
        company = company.sudo()
        return (
            tokens_in * company.chatwoot_ai_cost_per_million_in
            + tokens_out * company.chatwoot_ai_cost_per_million_out
        ) / 1_000_000

    def _chatwoot_ai_relabel_currency(self, currency):
        """Keep the books of a demo company, but in ``currency`` (the demo shop's reais).

        The ORM refuses a new company currency once journal items exist, and the demo data of
        ``account`` and ``sale`` posts some before the suite installs. In a demo database
        those amounts are examples: every row of the company that names the old currency
        (moves, items, statements, orders, lines, vendor prices...) is relabelled, amounts
        unchanged; the rates of the old currency stay what they are. Never called on a database
        without demo data.
        """
        self.ensure_one()
        old = self.currency_id
        self.env.flush_all()
        columns = self.env.execute_query(
            SQL(
                """
                SELECT c.conrelid::regclass::text, a.attname
                  FROM pg_constraint c
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                  JOIN pg_attribute company ON company.attrelid = c.conrelid
                       AND company.attname = 'company_id' AND NOT company.attisdropped
                 WHERE c.confrelid = 'res_currency'::regclass AND c.contype = 'f'
                   AND c.conrelid <> 'res_currency_rate'::regclass
                """
            )
        )
        for table, column in columns:
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET %s = %s WHERE %s = %s AND company_id = %s",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    currency.id,
                    SQL.identifier(column),
                    old.id,
                    self.id,
                )
            )
        self.env.cr.execute(
            SQL("UPDATE res_company SET currency_id = %s WHERE id = %s", currency.id, self.id)
        )
        self.env.invalidate_all()
