# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import json

from odoo import api, models

from odoo.addons.chatwoot_ai_analytics.dashboard import spreadsheet

OVERVIEW_XMLID = "chatwoot_ai_analytics.spreadsheet_dashboard_chatwoot_ai_overview"
SHEET_ID = "social"
COMMENT = "chatwoot.social.comment"
CUSTOMER_COMMENTS = [["is_own", "=", False]]


def social_sheet():
    """The *Social* sheet: volume, sentiment, first-reply time and auto-reply share."""
    sheet = spreadsheet.new_sheet(SHEET_ID, "Social")
    charts = [
        spreadsheet.chart(
            "social-volume", "Comments per week", COMMENT, ["created_at:week", "platform"],
            kind="line", position=(0, 0), legend="top",
        ),
        spreadsheet.chart(
            "social-sentiment", "Sentiment per platform", COMMENT, ["platform", "sentiment"],
            position=(3, 0), stacked=True, legend="top",
        ),
        spreadsheet.chart(
            "social-response", "First reply (minutes)", COMMENT, ["platform"],
            measure="response_minutes", position=(0, 18),
        ),
        spreadsheet.chart(
            "social-auto", "Auto-reply share (%)", COMMENT, ["platform"],
            measure="auto_reply_percent", position=(3, 18),
        ),
    ]  # fmt: skip
    for figure in charts:
        domain = list(CUSTOMER_COMMENTS)
        if figure["id"] in ("social-response", "social-auto"):
            domain.append(["state", "=", "replied"])
        figure["data"]["searchParams"]["domain"] = domain
        sheet["figures"].append(figure)
    sheet["cells"]["A37"] = "Comments per platform"
    sheet["cells"]["A38"] = '=PIVOT("{pivot:social}")'
    return sheet


def social_pivot():
    definition = spreadsheet.pivot(
        COMMENT,
        "Social comments",
        ["platform"],
        measures=(
            "__count",
            ("response_minutes", "avg"),
            ("auto_reply_percent", "avg"),
            ("sentiment_score", "avg"),
        ),
    )
    definition["domain"] = list(CUSTOMER_COMMENTS)
    return definition


class SpreadsheetDashboard(models.Model):
    _inherit = "spreadsheet.dashboard"

    @api.model
    def _chatwoot_ai_add_social_sheet(self):
        """Add the *Social* sheet to the ChatwootAI Overview (once; run at install/update)."""
        dashboard = self.env.ref(OVERVIEW_XMLID, raise_if_not_found=False)
        if not dashboard:
            return False
        workbook = json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))
        if any(sheet["id"] == SHEET_ID for sheet in workbook["sheets"]):
            return False
        spreadsheet.add_sheet(workbook, social_sheet(), {"social": social_pivot()})
        dashboard.spreadsheet_binary_data = base64.b64encode(json.dumps(workbook).encode())
        return True

    @api.model
    def _chatwoot_ai_extend_overview(self):
        result = super()._chatwoot_ai_extend_overview()
        self._chatwoot_ai_add_social_sheet()
        return result
