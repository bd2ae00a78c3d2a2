# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _chatwoot_cross_channel_context(self, partner):
        """What the crews know of ``partner`` across channels, as a plain dict.

        The base addon's customer context (name, language, city, favourite categories, open
        Chatwoot conversations) plus the count of confirmed orders; the identity work of this
        addon extends it with what the person said on the other channels.
        """
        context = self.env["chatwoot.context"]._customer_profile(partner)
        commercial = partner.commercial_partner_id
        context["orders_count"] = (
            self.env["sale.order"].search_count(
                [
                    ("partner_id.commercial_partner_id", "=", commercial.id),
                    ("state", "=", "sale"),
                ]
            )
            if commercial
            else 0
        )
        return context
