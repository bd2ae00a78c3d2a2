# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import fields, models

from odoo.addons.chatwoot_ai_base.ai import LLMUnavailable, build_llm

from ..stats.intent import LLMIntentFallback

_logger = logging.getLogger(__name__)

DEFAULT_INTENT_LLM_MAX_CALLS = 200


class ResCompany(models.Model):
    _inherit = "res.company"

    chatwoot_ai_intent_llm_fallback = fields.Boolean(
        string="Ask the language model about uncertain intents",
        help="When the intent classifier is unsure about a customer message, ask the "
        "configured language model for its intent. Needs a remote LLM provider; its tokens "
        "count against the monthly token budget.",
    )
    chatwoot_ai_intent_llm_max_calls = fields.Integer(
        string="Language Model Calls per Refresh",
        default=DEFAULT_INTENT_LLM_MAX_CALLS,
        help="At most this many messages are sent to the language model per analytics "
        "refresh; the others keep the classifier's intent.",
    )

    def _chatwoot_ai_intent_fallback(self):
        """The LLM ``fallback`` for the intent classifier of this company, or None.

        None when the option is off, the provider is the offline one (it writes customer
        replies from templates, it cannot classify), the token budget is spent, or the
        provider cannot even be built. The fallback stops on its own at the call cap, at the
        rest of the budget and after the first failure.
        """
        self.ensure_one()
        company = self.sudo()
        settings = company._chatwoot_ai_llm_settings()
        if not company.chatwoot_ai_intent_llm_fallback or settings.provider == "offline":
            return None
        # Computed without dependencies: a value cached earlier in the transaction (by the
        # agent's runs or an earlier refresh) would hide tokens spent since.
        company.invalidate_recordset(["chatwoot_ai_tokens_this_month", "chatwoot_ai_budget_spent"])
        if company.chatwoot_ai_budget_spent:
            return None
        try:
            llm = build_llm(settings)
        except LLMUnavailable as error:
            _logger.warning("%s: no LLM for uncertain intents: %s", company.name, error)
            return None
        budget = company.chatwoot_ai_token_budget
        return LLMIntentFallback(
            _llm_asker(llm),
            max_calls=company.chatwoot_ai_intent_llm_max_calls,
            token_limit=budget - company.chatwoot_ai_tokens_this_month if budget else None,
            errors=(LLMUnavailable,),
        )


def _llm_asker(llm):
    """``ask(prompt) -> (answer, tokens_in, tokens_out)`` over a crewai LLM.

    Token counts are the difference of the LLM's cumulative usage around the call, as the
    customer agent counts them; any provider error (HTTP 5xx, timeout, refused connection)
    becomes ``LLMUnavailable``.
    """

    def ask(prompt):
        before = llm.get_token_usage_summary()
        try:
            answer = llm.call([{"role": "user", "content": prompt}])
        except Exception as error:  # the SDKs raise their own classes for every failure
            raise LLMUnavailable(f"{type(error).__name__}: {error}") from error
        after = llm.get_token_usage_summary()
        return (
            str(answer or ""),
            after.prompt_tokens - before.prompt_tokens,
            after.completion_tokens - before.completion_tokens,
        )

    return ask
