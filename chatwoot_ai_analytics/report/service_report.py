# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

#: Sections of the PDF, in print order: (dimension key, title).
SERVICE_SECTIONS = (
    ("inbox", _lt("Per inbox")),
    ("channel", _lt("Per channel")),
    ("agent", _lt("Per agent")),
    ("period", _lt("Per month")),
)


class ReportServiceEfficiency(models.AbstractModel):
    _name = "report.chatwoot_ai_analytics.report_service"
    _description = "Service Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        """Totals and one table per inbox, channel, agent and month of the chosen rows.

        Printing with no selection covers every conversation the user may read: record
        rules decide, not the report. Figures come from ``stats.service`` in seconds; the
        template shows minutes and hours.
        """
        report = self.env["chatwoot.service.report"]
        report.check_access("read")
        domain = [("id", "in", list(docids))] if docids else []
        rows = report._service_rows(domain)
        sections = [
            {"title": str(title), "rows": report._breakdown(key, rows=rows)}
            for key, title in SERVICE_SECTIONS
        ]
        dates = [row[1] for row in rows[0]]
        return {
            "doc_ids": docids,
            "doc_model": "chatwoot.service.report",
            "docs": report.browse(docids),
            "company": self.env.company,
            "total": report._breakdown(None, rows=rows),
            "sections": sections,
            "date_from": min(dates) if dates else False,
            "date_to": max(dates) if dates else False,
        }
