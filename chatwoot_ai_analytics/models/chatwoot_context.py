# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ChatwootContext(models.AbstractModel):
    _inherit = "chatwoot.context"

    @api.model
    def _related_products(self, product_tmpl_ids):
        """What customers of the current company buy together with each product, so the
        sales crew can suggest it ("customers who took this also took ...")."""
        related = super()._related_products(product_tmpl_ids)
        for template_id, names in (
            self.env["chatwoot.product.affinity"]._related_names(product_tmpl_ids).items()
        ):
            related[template_id] = list(dict.fromkeys(related.get(template_id, []) + names))
        return related
