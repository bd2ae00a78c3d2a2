# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ChatwootContext(models.AbstractModel):
    _inherit = "chatwoot.context"

    @api.model
    def _customer_profile(self, partner, conversation=None):
        """The customer profile, plus what they said on the social channels."""
        profile = super()._customer_profile(partner, conversation)
        partner = partner or self._context_customer()
        profile["other_channels"] = self.env["res.partner"]._chatwoot_social_history(partner)
        return profile
