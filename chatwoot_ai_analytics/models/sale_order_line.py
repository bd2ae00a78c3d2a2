# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    # The product analyses ask "was any line of the company written since the last run?"
    # (chatwoot_product_affinity.sales_changed_since) before recounting: one index probe
    # instead of a scan of a million lines on every incremental refresh.
    _chatwoot_write_date_idx = models.Index("(company_id, write_date)")
