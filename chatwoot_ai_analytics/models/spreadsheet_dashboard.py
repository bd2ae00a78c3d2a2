# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class SpreadsheetDashboard(models.Model):
    _inherit = "spreadsheet.dashboard"

    @api.model
    def _chatwoot_ai_extend_overview(self):
        """Let every installed addon add its sheet to the *ChatwootAI Overview* workbook.

        Analytics owns the workbook and reloads it from its shipped file on each update of the
        addon, which drops the sheets other addons appended. It calls this hook right after
        that reload, so each addon that owns a sheet overrides it, calls ``super()`` and adds
        its sheet again (idempotently, with ``dashboard.spreadsheet.add_sheet``).
        """
        return True
