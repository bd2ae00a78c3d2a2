# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.tools import SQL

from ..sql.bulk import bulk_write, copy_text
from ..sql.settings import local_settings
from .chatwoot_product_affinity import confirmed_sale_company_ids, sales_changed_since
from .chatwoot_topic import TREND_DIRECTIONS

_logger = logging.getLogger(__name__)

#: Weeks per rolling window: the last window is compared with the one before it.
TREND_WINDOW = 4
#: Weeks of history read per product.
TREND_WEEKS = 2 * TREND_WINDOW
#: Significance level of the trend test.
TREND_ALPHA = 0.05


class ChatwootProductTrend(models.Model):
    _name = "chatwoot.product.trend"
    _description = "Product Sales Trend"
    _order = "company_id, direction, p_value, id"
    _rec_name = "product_tmpl_id"

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, ondelete="cascade"
    )
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product", required=True, readonly=True, ondelete="cascade"
    )
    direction = fields.Selection(TREND_DIRECTIONS, required=True, readonly=True, index=True)
    slope = fields.Float(readonly=True, help="Change of the weekly units per week.")
    pct_change = fields.Float(
        string="Change (%)",
        readonly=True,
        help="Units of the last window against the window before, in percent.",
    )
    p_value = fields.Float(
        string="P-value",
        readonly=True,
        digits=(16, 4),
        help="Probability of a slope at least this steep by chance; below 0.05 is significant.",
    )
    q_value = fields.Float(
        string="Q-value",
        readonly=True,
        digits=(16, 4),
        help="P-value corrected for testing every product at once (false discovery rate); "
        "the direction is rising or declining when it is below 0.05.",
    )
    units_recent = fields.Float(string="Units (last window)", readonly=True)
    units_previous = fields.Float(string="Units (previous window)", readonly=True)
    period_end = fields.Date(readonly=True, help="Last day of the analysed weeks.")

    # ------------------------------------------------------------------ refresh
    @api.model
    def _refresh_trends(self):
        """Rising and declining products of every company, then the promotion effects.

        Both read the same confirmed order lines, so the orchestrator's product step refreshes
        them together; a company whose order lines were not written since its last trends is
        skipped.
        """
        self.env.flush_all()  # the SQL below must see pending ORM writes
        changed = [
            company_id
            for company_id in confirmed_sale_company_ids(self.env)
            if sales_changed_since(self.env, company_id, self._last_refresh(company_id))
        ]
        # Aggregates over every order line: JIT compilation only adds to them.
        with local_settings(self.env.cr, jit="off"):
            total = sum(self._refresh_company_trends(company_id) for company_id in changed)
            self.invalidate_model()
            if changed and "chatwoot.promotion.effect" in self.env:
                self.env["chatwoot.promotion.effect"]._refresh_promotions(changed)
        _logger.info("chatwoot.product.trend: %s product(s)", total)
        return total

    @api.model
    def _last_refresh(self, company_id):
        """When the company's trends were computed (None: never, or no product qualified)."""
        return self.env.execute_query(
            SQL(
                "SELECT min(create_date) FROM chatwoot_product_trend WHERE company_id = %s",
                company_id,
            )
        )[0][0]

    @api.model
    def _weekly_units(self, company_id):
        """(product template, week index, net units) over the company's last ``TREND_WEEKS``.

        Week ``TREND_WEEKS - 1`` ends with the company's last confirmed order (not today), so a
        shop that stopped selling last month still gets its trends. Returns and negative lines
        are netted.
        """
        return self.env.execute_query(
            SQL(
                """
                WITH last AS (
                    SELECT max(date_order) AS at FROM sale_order
                     WHERE state = 'sale' AND company_id = %(company)s
                )
                SELECT p.product_tmpl_id,
                       %(weeks)s - 1 - floor(EXTRACT(EPOCH FROM last.at - o.date_order)
                                             / 604800)::int AS week,
                       sum(l.product_uom_qty)::float
                  FROM sale_order_line l
                  JOIN sale_order o ON o.id = l.order_id
                  JOIN product_product p ON p.id = l.product_id
                  CROSS JOIN last
                 WHERE o.state = 'sale' AND o.company_id = %(company)s
                   AND l.display_type IS NULL
                   AND o.date_order > last.at - make_interval(weeks => %(weeks)s)
                 GROUP BY 1, 2
                """,
                company=company_id,
                weeks=TREND_WEEKS,
            )
        )

    @api.model
    def _refresh_company_trends(self, company_id):
        from ..stats.trends import product_trends

        # The last weeks' orders are a small share of the history: their lines are read
        # through the order_id index (0.45 s) rather than by hashing a scan of every line
        # (0.8 s on 1M lines).
        with local_settings(self.env.cr, enable_hashjoin="off", enable_mergejoin="off"):
            rows = self._weekly_units(company_id)
        trends = product_trends(
            rows, window=TREND_WINDOW, alpha=TREND_ALPHA, current_period=TREND_WEEKS - 1
        )
        period_end = self.env.execute_query(
            SQL(
                "SELECT max(date_order)::date FROM sale_order"
                " WHERE state = 'sale' AND company_id = %s",
                company_id,
            )
        )[0][0]
        self.search([("company_id", "=", company_id)]).unlink()
        columns = ("company_id", "product_tmpl_id", "direction", "slope", "pct_change")
        columns += ("p_value", "q_value", "units_recent", "units_previous", "period_end")
        bulk_write(
            self.env,
            self._table,
            columns,
            [
                "\t".join(
                    copy_text(value)
                    for value in (
                        company_id,
                        trend["product_id"],
                        trend["direction"],
                        trend["slope"],
                        # None when the previous window sold nothing: shown as 0, the units
                        # columns tell the story
                        100.0 * (trend["pct_change"] or 0.0),
                        trend["p_value"],
                        trend["q_value"],
                        trend["recent_units"],
                        trend["previous_units"],
                        period_end,
                    )
                )
                + "\n"
                for trend in trends
            ],
        )
        return len(trends)
