# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

PER_INBOX = _lt("Per inbox")
PER_CHANNEL = _lt("Per channel")
PER_AGENT = _lt("Per agent")
PER_MONTH = _lt("Per month")
#: Sections of the PDF, in print order: (dimension key, title).
SERVICE_SECTIONS = (
    ("inbox", PER_INBOX),
    ("channel", PER_CHANNEL),
    ("agent", PER_AGENT),
    ("period", PER_MONTH),
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
