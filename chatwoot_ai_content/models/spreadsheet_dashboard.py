# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class SpreadsheetDashboard(models.Model):
    _inherit = "spreadsheet.dashboard"

    @api.model
    def _chatwoot_ai_extend_overview(self):
        result = super()._chatwoot_ai_extend_overview()
        self.env["chatwoot.content.conversion.report"]._add_overview_sheet()
        return result
