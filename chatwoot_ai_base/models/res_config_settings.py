# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

PUBLIC_URL_PARAM = "chatwoot_ai.public_base_url"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    chatwoot_ai_public_base_url = fields.Char(
        string="Public Odoo URL for Chatwoot",
        config_parameter=PUBLIC_URL_PARAM,
        help="The URL at which Chatwoot reaches this Odoo (e.g. http://odoo:8069 inside "
        "docker compose). Empty means the database's web.base.url.",
    )
    chatwoot_ai_llm_provider = fields.Selection(
        related="company_id.chatwoot_ai_llm_provider", readonly=False
    )
    chatwoot_ai_llm_model = fields.Char(related="company_id.chatwoot_ai_llm_model", readonly=False)
    chatwoot_ai_llm_base_url = fields.Char(
        related="company_id.chatwoot_ai_llm_base_url", readonly=False
    )
    chatwoot_ai_llm_api_key = fields.Char(
        related="company_id.chatwoot_ai_llm_api_key",
        readonly=False,
        groups="chatwoot_ai_base.group_chatwoot_ai_manager",
    )
    chatwoot_ai_llm_temperature = fields.Float(
        related="company_id.chatwoot_ai_llm_temperature", readonly=False
    )
    chatwoot_ai_llm_max_tokens = fields.Integer(
        related="company_id.chatwoot_ai_llm_max_tokens", readonly=False
    )
    chatwoot_ai_llm_timeout = fields.Float(
        related="company_id.chatwoot_ai_llm_timeout", readonly=False
    )
    chatwoot_ai_token_budget = fields.Integer(
        related="company_id.chatwoot_ai_token_budget", readonly=False
    )
    chatwoot_ai_cost_per_million_in = fields.Float(
        related="company_id.chatwoot_ai_cost_per_million_in", readonly=False
    )
    chatwoot_ai_cost_per_million_out = fields.Float(
        related="company_id.chatwoot_ai_cost_per_million_out", readonly=False
    )
    chatwoot_ai_tokens_this_month = fields.Integer(
        related="company_id.chatwoot_ai_tokens_this_month"
    )
    chatwoot_ai_budget_notice = fields.Char(related="company_id.chatwoot_ai_budget_notice")
    chatwoot_ai_bot_debounce_seconds = fields.Integer(
        string="Answer After (s)",
        config_parameter="chatwoot_ai.bot_debounce_seconds",
        default=3,
        help="The AI agent waits this long after a customer message, so that several "
        "quick messages get one answer.",
    )
    chatwoot_ai_bot_max_replies_per_hour = fields.Integer(
        string="Max Answers per Conversation and Hour",
        config_parameter="chatwoot_ai.bot_max_replies_per_hour",
        default=20,
        help="Beyond this, the AI agent hands the conversation to people (a guard against "
        "loops with other bots).",
    )
    chatwoot_ai_account_count = fields.Integer(
        string="Connected Accounts", compute="_compute_chatwoot_ai_account_count"
    )

    def _compute_chatwoot_ai_account_count(self):
        count = self.env["chatwoot.account"].search_count([])
        for settings in self:
            settings.chatwoot_ai_account_count = count

    @api.model
    def _chatwoot_ai_public_base_url(self):
        """The base URL to build webhook URLs with, without a trailing slash."""
        params = self.env["ir.config_parameter"].sudo()
        url = params.get_param(PUBLIC_URL_PARAM) or params.get_param("web.base.url") or ""
        return url.rstrip("/")
