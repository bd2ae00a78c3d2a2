# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    chatwoot_ai_intent_llm_fallback = fields.Boolean(
        related="company_id.chatwoot_ai_intent_llm_fallback", readonly=False
    )
    chatwoot_ai_intent_llm_max_calls = fields.Integer(
        related="company_id.chatwoot_ai_intent_llm_max_calls", readonly=False
    )
