# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

CUSTOMER_CONTEXT_KEY = "chatwoot_customer_id"


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    def _eval_context(self):
        """Expose the customer the AI agent serves to record rules.

        The agent bot's rules restrict orders, partners and conversations to
        ``chatwoot_customer_id`` (a commercial partner id); without it they match nothing.
        """
        context = super()._eval_context()
        customer = self.env.context.get(CUSTOMER_CONTEXT_KEY)
        context[CUSTOMER_CONTEXT_KEY] = customer if isinstance(customer, int) else 0
        return context

    def _compute_domain_keys(self):
        # Rule domains are cached per these keys: each customer gets its own domain.
        return [*super()._compute_domain_keys(), CUSTOMER_CONTEXT_KEY]
