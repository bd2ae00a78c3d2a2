# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ReportCustomerInsights(models.AbstractModel):
    """Values of the "Customer insights" PDF: a per-segment summary, then the customers."""

    _name = "report.chatwoot_ai_analytics.report_customer_insights"
    _description = "Customer Insights Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        insights = self.env["chatwoot.customer.insight"].browse(docids)
        segment_labels = dict(insights._fields["rfm_segment"]._description_selection(self.env))
        summary = []
        for segment, count, monetary, clv, churn in insights._read_group(
            [("id", "in", insights.ids)],
            ["rfm_segment"],
            ["__count", "monetary:sum", "clv_12m:sum", "churn_probability:avg"],
            order="clv_12m:sum desc",
        ):
            summary.append(
                {
                    "segment": segment_labels.get(segment, segment or ""),
                    "count": count,
                    "monetary": monetary,
                    "clv": clv,
                    "churn": churn or 0.0,
                }
            )
        return {
            "doc_ids": insights.ids,
            "doc_model": "chatwoot.customer.insight",
            "docs": insights.sorted("clv_12m", reverse=True),
            "summary": summary,
            "currency": insights.currency_id[:1] or self.env.company.currency_id,
        }
