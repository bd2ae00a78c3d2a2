# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ProductPricelistItem(models.Model):
    _inherit = "product.pricelist.item"

    @api.model_create_multi
    def create(self, vals_list):
        self.env["chatwoot.catalog.feed"]._invalidate_feeds()
        return super().create(vals_list)

    def write(self, vals):
        self.env["chatwoot.catalog.feed"]._invalidate_feeds()
        return super().write(vals)

    def unlink(self):
        self.env["chatwoot.catalog.feed"]._invalidate_feeds()
        return super().unlink()
