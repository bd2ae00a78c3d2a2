# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ChatwootCatalogFeedSource(models.AbstractModel):
    """A model whose records the catalog feeds are built from: any change drops the cached
    feeds, so the next request regenerates them."""

    _name = "chatwoot.catalog.feed.source"
    _description = "Catalog Feed Source"

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
