# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import Command, api, fields, models

_logger = logging.getLogger(__name__)


class ChatwootAiRun(models.Model):
    _inherit = "chatwoot.ai.run"

    kind = fields.Selection(
        selection_add=[("intent", "Message Intent")], ondelete={"intent": "cascade"}
    )

    @api.model
    def _log_intent_calls(self, company, calls, message_ids_by_text):
        """One run per question the intent fallback asked, on the message's conversation.

        The runs carry the tokens, so the monthly budget and the cost reports count the
        analytics' model use with the agent's. ``calls`` are ``stats.intent.LLMIntentCall``.
        """
        company = company.sudo()
        messages = self.env["chatwoot.message"].sudo()
        values = []
        for call in calls:
            message = messages.browse(message_ids_by_text[call.text])
            if call.error:
                _logger.warning(
                    "%s: the language model failed on an uncertain intent; the classifier's "
                    "labels are kept for the rest of this refresh: %s",
                    company.name,
                    call.error,
                )
            values.append(self._intent_run_values(company, message, call))
        return self.sudo().create(values)

    @api.model
    def _intent_run_values(self, company, message, call):
        return {
            "account_id": message.account_id.id,
            "conversation_id": message.conversation_id.id,
            "partner_id": message.partner_id.id,
            "kind": "intent",
            "trigger_message_ids": [Command.set(message.ids)],
            "input_text": call.text,
            "output": call.answer or False,
            "provider": company.chatwoot_ai_llm_provider,
            "model": company.chatwoot_ai_llm_model or False,
            "tokens_in": call.tokens_in,
            "tokens_out": call.tokens_out,
            "estimated_cost": self.env["res.company"]._chatwoot_ai_estimated_cost(
                company, call.tokens_in, call.tokens_out
            ),
            "state": "failed" if call.error else "done",
            "error": call.error or False,
        }
