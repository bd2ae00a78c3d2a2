# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_analytics.dashboard.spreadsheet import (
    add_sheet,
    chart,
    check_workbook,
    new_sheet,
    pivot,
)

SHEET_ID = "chatwoot-content"


class ChatwootContentConversionReport(models.Model):
    """Clicks, orders and revenue per campaign, post (its UTM source) and channel (medium).

    Clicks come from the posts' tracked links, orders and revenue from confirmed sale orders
    carrying the same UTM campaign, source and medium; a campaign's cost is spread over its
    rows so that sums per campaign are right.
    """

    _name = "chatwoot.content.conversion.report"
    _description = "Content Conversion Report"
    _auto = False
    _order = "revenue desc"

    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    source_id = fields.Many2one("utm.source", string="Source", readonly=True)
    medium_id = fields.Many2one("utm.medium", string="Channel", readonly=True)
    post_id = fields.Many2one("chatwoot.content.post", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    clicks = fields.Integer(readonly=True, aggregator="sum")
    orders = fields.Integer(readonly=True, aggregator="sum")
    revenue = fields.Float(readonly=True, aggregator="sum")
    cost = fields.Float(readonly=True, aggregator="sum")
    conversion_rate = fields.Float(string="Conversion Rate (%)", readonly=True, aggregator="avg")
    roi = fields.Float(string="ROI (%)", readonly=True, aggregator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
            WITH clicks AS (
                SELECT l.campaign_id, l.source_id, l.medium_id, count(c.id) AS clicks
                  FROM link_tracker l JOIN link_tracker_click c ON c.link_id = l.id
                 WHERE l.campaign_id IS NOT NULL
                 GROUP BY 1, 2, 3
            ), orders AS (
                SELECT so.campaign_id, so.source_id, so.medium_id,
                       count(*) AS orders, sum(so.amount_untaxed) AS revenue
                  FROM sale_order so
                 WHERE so.state = 'sale' AND so.campaign_id IS NOT NULL
                 GROUP BY 1, 2, 3
            ), keys AS (
                SELECT campaign_id, source_id, medium_id FROM clicks
                 UNION
                SELECT campaign_id, source_id, medium_id FROM orders
            ), rows AS (
                SELECT k.campaign_id, k.source_id, k.medium_id,
                       COALESCE(c.clicks, 0) AS clicks, COALESCE(o.orders, 0) AS orders,
                       COALESCE(o.revenue, 0) AS revenue,
                       COALESCE(camp.content_cost, 0)
                           / count(*) OVER (PARTITION BY k.campaign_id) AS cost
                  FROM keys k
                  LEFT JOIN clicks c ON c.campaign_id = k.campaign_id
                       AND c.source_id IS NOT DISTINCT FROM k.source_id
                       AND c.medium_id IS NOT DISTINCT FROM k.medium_id
                  LEFT JOIN orders o ON o.campaign_id = k.campaign_id
                       AND o.source_id IS NOT DISTINCT FROM k.source_id
                       AND o.medium_id IS NOT DISTINCT FROM k.medium_id
                  JOIN utm_campaign camp ON camp.id = k.campaign_id
            )
            SELECT row_number() OVER (ORDER BY r.campaign_id, r.source_id, r.medium_id) AS id,
                   r.campaign_id, r.source_id, r.medium_id, post.id AS post_id,
                   post.company_id AS company_id,
                   r.clicks, r.orders, r.revenue, r.cost,
                   CASE WHEN r.clicks > 0 THEN 100.0 * r.orders / r.clicks ELSE 0 END
                       AS conversion_rate,
                   CASE WHEN r.cost > 0 THEN 100.0 * (r.revenue - r.cost) / r.cost ELSE 0 END
                       AS roi
              FROM rows r
              JOIN utm_campaign camp ON camp.id = r.campaign_id
              LEFT JOIN chatwoot_content_post post ON post.source_id = r.source_id
            )
                """,
                SQL.identifier(self._table),
            )
        )

    @api.model
    def _add_overview_sheet(self):
        """Add the Content sheet to the ChatwootAI Overview dashboard (once)."""
        dashboard = self.env.ref(
            "chatwoot_ai_analytics.spreadsheet_dashboard_chatwoot_ai_overview",
            raise_if_not_found=False,
        )
        if not dashboard:
            return False
        workbook = json.loads(dashboard.spreadsheet_data)
        if any(sheet["id"] == SHEET_ID for sheet in workbook["sheets"]):
            return False
        sheet = new_sheet(SHEET_ID, "Content")
        model = self._name
        sheet["cells"]["A1"] = "Content: conversions per campaign and channel"
        sheet["figures"] += [
            chart(
                "content-revenue",
                "Revenue by campaign",
                model,
                ["campaign_id"],
                "revenue",
                position=(0, 1),
            ),
            chart(
                "content-clicks",
                "Clicks and orders by channel",
                model,
                ["medium_id"],
                "clicks",
                position=(0, 19),
            ),
        ]
        sheet["cells"]["A37"] = '=PIVOT("{pivot:conversions}")'
        add_sheet(
            workbook,
            sheet,
            {
                "conversions": pivot(
                    model,
                    "Conversions",
                    ["campaign_id", "medium_id"],
                    ("clicks", "orders", "revenue", "cost"),
                )
            },
        )
        problems = check_workbook(workbook)
        if problems:
            raise ValueError("; ".join(problems))
        dashboard.spreadsheet_data = json.dumps(workbook)
        return True
