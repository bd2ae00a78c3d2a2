# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import math
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..sql import blocks, sales
from ..sql.sales import line_measures_sql
from ..sql.settings import local_settings
from .chatwoot_product_affinity import confirmed_sale_company_ids

_logger = logging.getLogger(__name__)

PROMOTION_KINDS = [
    ("discount", "Discounted Lines"),
    ("pricelist", "Pricelist"),
    ("campaign", "UTM Campaign"),
]
BASELINES = [
    ("matched", "Same product at full price"),
    ("pre_period", "Period before"),
    ("same_weekday", "Same weekdays before"),
    ("last_year", "Same weeks last year"),
]
MEASURES = ("units", "revenue", "margin")

#: Products with the most discounted lines that get a discount effect, per company.
PROMO_TOP_PRODUCTS = 10
#: Most recent lines per side of a discount comparison: the bootstrap interval costs
#: O(lines x resamples), and 500 lines already give a tight interval on a mean.
PROMO_LINE_SAMPLE = 500
#: A pricelist or campaign is measured over at most its first days, against as many before.
PROMO_MAX_DAYS = 30
#: Days of history a discount comparison reads.
PROMO_HORIZON_DAYS = 365
#: Last year's window: 52 weeks back, so every day falls on the same weekday.
LAST_YEAR_DAYS = 364
#: Same-weekday control: the window's days this many whole-window-weeks back.
SAME_WEEKDAY_SPANS = 2


def finite(value):
    """NaN (no baseline to compare with) is stored as 0: the sample sizes tell why."""
    return 0.0 if value is None or math.isnan(value) else float(value)


class ChatwootPromotionEffect(models.Model):
    _name = "chatwoot.promotion.effect"
    _description = "Promotion Effect"
    _order = "company_id, kind, date_start desc, id"

    name = fields.Char(required=True, readonly=True)
    kind = fields.Selection(PROMOTION_KINDS, required=True, readonly=True, index=True)
    baseline = fields.Selection(BASELINES, required=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, ondelete="cascade"
    )
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product", readonly=True, ondelete="cascade"
    )
    pricelist_id = fields.Many2one("product.pricelist", readonly=True, ondelete="cascade")
    campaign_id = fields.Many2one("utm.campaign", readonly=True, ondelete="cascade")
    date_start = fields.Date(readonly=True)
    date_end = fields.Date(readonly=True)
    sample_promoted = fields.Integer(
        readonly=True, help="Observations under the promotion (lines or days)."
    )
    sample_baseline = fields.Integer(
        readonly=True, help="Observations of the baseline (lines or days)."
    )
    units_uplift = fields.Float(
        readonly=True, help="Mean units per observation, promoted - baseline."
    )
    units_ci_low = fields.Float(string="Units Uplift, 95% Low", readonly=True)
    units_ci_high = fields.Float(string="Units Uplift, 95% High", readonly=True)
    units_relative = fields.Float(string="Units Uplift (%)", readonly=True)
    revenue_uplift = fields.Float(readonly=True)
    revenue_ci_low = fields.Float(string="Revenue Uplift, 95% Low", readonly=True)
    revenue_ci_high = fields.Float(string="Revenue Uplift, 95% High", readonly=True)
    revenue_relative = fields.Float(string="Revenue Uplift (%)", readonly=True)
    margin_uplift = fields.Float(readonly=True)
    margin_ci_low = fields.Float(string="Margin Uplift, 95% Low", readonly=True)
    margin_ci_high = fields.Float(string="Margin Uplift, 95% High", readonly=True)
    margin_relative = fields.Float(string="Margin Uplift (%)", readonly=True)
    significant = fields.Boolean(
        readonly=True, help="The 95% interval of the revenue uplift excludes zero."
    )

    def init(self):
        result = super().init()
        blocks.create_table(self.env.cr, sales.TABLE)
        return result

    # ------------------------------------------------------------------ refresh
    @api.model
    def _refresh_promotions(self, company_ids=None):
        """Measure discounts, pricelists and UTM campaigns of the companies again (default:
        every company with confirmed orders)."""
        self.env.flush_all()  # the SQL below must see pending ORM writes
        if company_ids is None:
            company_ids = confirmed_sale_company_ids(self.env)
        self.search([("company_id", "in", company_ids)]).unlink()
        values = []
        for company_id in company_ids:
            values += self._discount_effects(company_id)
            values += self._window_effects(company_id, "pricelist")
            values += self._window_effects(company_id, "campaign")
        records = self.create(values)
        _logger.info("chatwoot.promotion.effect: %s effect(s)", len(records))
        return records

    @api.model
    def _effect_values(self, promoted, baseline, control_promoted=None, control_baseline=None):
        """Uplift of each measure; ``promoted`` / ``baseline`` map measure -> list of values;
        with the two ``control_*`` (the same days of a control period, e.g. last year) the
        uplift is a difference-in-differences."""
        from ..stats.uplift import uplift_by_metric

        results = uplift_by_metric(baseline, promoted, control_baseline, control_promoted)
        values = {
            "sample_promoted": len(promoted["units"]),
            "sample_baseline": len(baseline["units"]),
            "significant": results["revenue"]["significant"],
        }
        for measure in MEASURES:
            result = {key: finite(value) for key, value in results[measure].items()}
            values.update(
                {
                    f"{measure}_uplift": result["uplift"],
                    f"{measure}_ci_low": result["ci_low"],
                    f"{measure}_ci_high": result["ci_high"],
                    f"{measure}_relative": 100.0 * result["relative"],
                }
            )
        return values

    @staticmethod
    def _columns(rows):
        """Rows of (units, revenue, margin) as one list per measure."""
        return {measure: [row[i] for row in rows] for i, measure in enumerate(MEASURES)}

    # ------------------------------------------------------------------ discounted lines
    @api.model
    def _discount_effects(self, company_id):
        """Discounted lines against full-price lines of the same product and period.

        The baseline is matched on product and time, so seasonality and the product's own
        popularity cancel out; only the discount differs. One query reads the most recent
        ``PROMO_LINE_SAMPLE`` lines of each side for the ``PROMO_TOP_PRODUCTS`` products.
        """
        top = self.env.execute_query(
            SQL(
                """
                SELECT p.product_tmpl_id, min(o.date_order), max(o.date_order)
                  FROM sale_order_line l
                  JOIN sale_order o ON o.id = l.order_id
                  JOIN product_product p ON p.id = l.product_id
                 WHERE l.state = 'sale' AND l.company_id = %(company)s AND l.discount > 0
                   AND l.display_type IS NULL AND o.date_order >= (
                       SELECT max(date_order) FROM sale_order
                        WHERE state = 'sale' AND company_id = %(company)s
                   ) - make_interval(days => %(horizon)s)
                 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT %(top)s
                """,
                company=company_id,
                horizon=PROMO_HORIZON_DAYS,
                top=PROMO_TOP_PRODUCTS,
            )
        )
        if not top:
            return []
        # The variants' ids, not a join on the template: PostgreSQL then reads the lines with
        # one bitmap scan instead of a nested loop over every line of the products (7 s -> 2 s
        # on 1M lines).
        variant_ids = [
            row[0]
            for row in self.env.execute_query(
                SQL(
                    "SELECT id FROM product_product WHERE product_tmpl_id = ANY(%s)",
                    [row[0] for row in top],
                )
            )
        ]
        # The unnest join is estimated at a few hundred lines for 200k: the planner's nested
        # loop then looks every line's order up by primary key (1.4 s); hash joins take 0.4 s.
        with local_settings(self.env.cr, enable_nestloop="off"):
            rows = self._discount_lines(company_id, top, variant_ids)
        # template id -> (date_start, date_end, {discounted: [(units, revenue, margin)]})
        sides = {}
        for template_id, date_start, date_end, discounted, *measures in rows:
            entry = sides.setdefault(template_id, (date_start, date_end, {True: [], False: []}))
            entry[2][discounted].append(measures)
        names = {
            template.id: template.display_name
            for template in self.env["product.template"].browse(list(sides))
        }
        values = []
        for template_id, (date_start, date_end, lines) in sides.items():
            if len(lines[True]) < 2 or len(lines[False]) < 2:
                continue
            values.append(
                {
                    "name": self.env._("Discounts on %s", names[template_id]),
                    "kind": "discount",
                    "baseline": "matched",
                    "company_id": company_id,
                    "product_tmpl_id": template_id,
                    "date_start": date_start,
                    "date_end": date_end,
                    **self._effect_values(self._columns(lines[True]), self._columns(lines[False])),
                }
            )
        return values

    @api.model
    def _discount_lines(self, company_id, top, variant_ids):
        """The most recent ``PROMO_LINE_SAMPLE`` lines of each side (discounted or not) of the
        ``top`` products, ``(template, first, last discounted date)``, within those dates."""
        return self.env.execute_query(
            SQL(
                """
                SELECT product_tmpl_id, date_start, date_end, discounted, units, revenue, margin
                  FROM (
                    SELECT t.product_tmpl_id, t.date_start::date, t.date_end::date,
                           COALESCE(l.discount, 0) > 0 AS discounted, %(measures)s,
                           row_number() OVER (
                               PARTITION BY t.product_tmpl_id, COALESCE(l.discount, 0) > 0
                               ORDER BY o.date_order DESC, l.id DESC
                           ) AS rank
                      FROM sale_order_line l
                      JOIN sale_order o ON o.id = l.order_id
                      JOIN product_product p ON p.id = l.product_id
                      JOIN unnest(%(templates)s::int[], %(starts)s::timestamp[],
                                  %(ends)s::timestamp[]) AS t(product_tmpl_id, date_start, date_end)
                        ON t.product_tmpl_id = p.product_tmpl_id
                       AND o.date_order BETWEEN t.date_start AND t.date_end
                     WHERE l.product_id = ANY(%(variants)s) AND l.state = 'sale'
                       AND l.company_id = %(company)s AND l.display_type IS NULL
                       AND o.date_order >= %(since)s
                  ) lines
                 WHERE rank <= %(sample)s
                 ORDER BY product_tmpl_id, discounted
                """,
                measures=line_measures_sql(),
                templates=[row[0] for row in top],
                starts=[row[1] for row in top],
                ends=[row[2] for row in top],
                variants=variant_ids,
                company=company_id,
                since=min(row[1] for row in top),
                sample=PROMO_LINE_SAMPLE,
            )
        )

    # ------------------------------------------------------------------ pricelists, campaigns
    @api.model
    def _window_effects(self, company_id, kind):
        """Daily sales during a pricelist's or campaign's first days, against three controls.

        * ``pre_period``: the as many days right before;
        * ``same_weekday``: the window's own days one and two spans of whole weeks earlier
          (the window rounded up to weeks), so each weekday weighs as in the window; days
          before the company's first sale are left out;
        * ``last_year``: when the shop sold a year before, difference-in-differences with the
          same weeks 52 weeks earlier (same weekdays, same season): the window's change over
          its period before, minus last year's change over the same days.

        The company's most used pricelist is its regular price, not a promotion. A window
        whose pre-period starts before the company's first sale has no baseline: skipped.
        The daily sales of all windows come from one query.
        """
        column = SQL.identifier("o", "pricelist_id" if kind == "pricelist" else "campaign_id")
        windows = self.env.execute_query(
            SQL(
                """
                SELECT %(column)s, min(o.date_order)::date, max(o.date_order)::date, count(*)
                  FROM sale_order o
                 WHERE o.state = 'sale' AND o.company_id = %(company)s
                   AND %(column)s IS NOT NULL
                 GROUP BY 1 ORDER BY 4 DESC, 1
                """,
                column=column,
                company=company_id,
            )
        )
        if kind == "pricelist":
            windows = windows[1:]
        first_sale = self.env.execute_query(
            SQL(
                "SELECT min(date_order)::date FROM sale_order"
                " WHERE state = 'sale' AND company_id = %s",
                company_id,
            )
        )[0][0]
        measured = []  # (ref id, start, end, pre-period start)
        for ref_id, date_start, last_date, _count in windows:
            days = min((last_date - date_start).days + 1, PROMO_MAX_DAYS)
            pre_start = date_start - timedelta(days=days)
            if pre_start >= first_sale:
                measured.append(
                    (ref_id, date_start, date_start + timedelta(days=days - 1), pre_start)
                )
        if not measured:
            return []
        earliest = min(row[3] for row in measured)
        daily = self._daily_sales(
            company_id,
            max(first_sale, earliest - timedelta(days=LAST_YEAR_DAYS)),
            max(row[2] for row in measured),
        )
        model = "product.pricelist" if kind == "pricelist" else "utm.campaign"
        values = []
        for ref_id, date_start, date_end, pre_start in measured:
            common = {
                "name": self.env[model].browse(ref_id).display_name,
                "kind": kind,
                "company_id": company_id,
                f"{kind}_id": ref_id,
                "date_start": date_start,
                "date_end": date_end,
            }
            window = self._columns(days_between(daily, date_start, date_end))
            before = self._columns(days_between(daily, pre_start, date_start - timedelta(days=1)))
            values.append(
                {**common, "baseline": "pre_period", **self._effect_values(window, before)}
            )
            weekdays = same_weekday_days(daily, date_start, date_end, first_sale)
            if weekdays:
                values.append(
                    {
                        **common,
                        "baseline": "same_weekday",
                        **self._effect_values(window, self._columns(weekdays)),
                    }
                )
            year = timedelta(days=LAST_YEAR_DAYS)
            if pre_start - year >= first_sale:
                last_window = days_between(daily, date_start - year, date_end - year)
                last_before = days_between(
                    daily, pre_start - year, date_start - year - timedelta(1)
                )
                values.append(
                    {
                        **common,
                        "baseline": "last_year",
                        **self._effect_values(
                            window,
                            before,
                            self._columns(last_window),
                            self._columns(last_before),
                        ),
                    }
                )
        return values

    @api.model
    def _daily_sales(self, company_id, date_start, date_end):
        """{day: (units, revenue, margin)} of the company's days with sales between the dates
        (kept per block of orders, see ``..sql.sales``)."""
        return {
            day: measures
            for day, measures in sales.daily_sales(self.env, company_id).items()
            if date_start <= day <= date_end
        }


def days_between(daily, date_start, date_end):
    """(units, revenue, margin) of every day between the dates, zero on days without sales."""
    days = (date_end - date_start).days + 1
    return [
        daily.get(date_start + timedelta(days=offset), (0.0, 0.0, 0.0)) for offset in range(days)
    ]


def same_weekday_days(daily, date_start, date_end, first_sale, spans=SAME_WEEKDAY_SPANS):
    """(units, revenue, margin) of the window's days one to ``spans`` spans of whole weeks
    earlier (the window's length rounded up to weeks, so no control day falls inside it),
    leaving out the days before ``first_sale``."""
    days = (date_end - date_start).days + 1
    shift = 7 * -(-days // 7)
    result = []
    for span in range(1, spans + 1):
        for offset in range(days):
            day = date_start + timedelta(days=offset - span * shift)
            if day >= first_sale:
                result.append(daily.get(day, (0.0, 0.0, 0.0)))
    return result
