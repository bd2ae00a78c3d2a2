# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

#: Sections of the PDF, in print order: (dimension key, title).
SERVICE_SECTIONS = (
    ("inbox", "Per inbox"),
    ("channel", "Per channel"),
    ("agent", "Per agent"),
    ("period", "Per month"),
)


class ReportServiceEfficiency(models.AbstractModel):
    _name = "report.chatwoot_ai_analytics.report_service"
    _description = "Service Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        """Totals and one table per inbox, channel, agent and month of the chosen rows.

        Printing with no selection covers every conversation the user may read: record
        rules decide, not the report.
        """
        report = self.env["chatwoot.service.report"]
        report.check_access("read")
        domain = [("id", "in", list(docids))] if docids else []
        total = report._breakdown("total", domain)
        sections = [
            {"title": self.env._(title), "rows": report._breakdown(key, domain)}
            for key, title in SERVICE_SECTIONS
        ]
        return {
            "doc_ids": docids,
            "doc_model": "chatwoot.service.report",
            "docs": report.browse(docids),
            "company": self.env.company,
            "total": total[0] if total else {},
            "sections": sections,
            "date_from": total[0]["date_from"] if total else False,
            "date_to": total[0]["date_to"] if total else False,
        }
