# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Product analytics on a real registry: bought together, trends, promotion effects."""

import doctest
from datetime import datetime, timedelta
from unittest.mock import patch

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.tests.common import USER_GROUP, ChatwootAICase

from ..models import chatwoot_product_affinity as affinity_module
from ..sql import sales
from ..sql.settings import local_settings
from ..stats import basket

LAST_DAY = datetime(2026, 6, 30, 12, 0, 0)


class ProductAnalyticsCase(ChatwootAICase):
    @classmethod
    def new_company(cls, name):
        company = cls.env["res.company"].create({"name": name})
        cls.env.user.company_ids |= company
        return company

    def company_agent(self, login, company):
        """A ChatwootAI user who works in ``company`` only."""
        return new_test_user(
            self.env,
            login=login,
            groups=f"base.group_user,{USER_GROUP}",
            company_id=company.id,
            company_ids=[company.id],
        )

    @classmethod
    def new_products(cls, companies, *names):
        """Shared products costing 4.0 in each of ``companies`` (cost is per company)."""
        templates = cls.env["product.template"].create(
            [{"name": name, "list_price": 10.0} for name in names]
        )
        for company in companies:
            templates.with_company(company).write({"standard_price": 4.0})
        return {template.name: template for template in templates}

    @classmethod
    def order(cls, company, lines, state="sale", date=LAST_DAY, **values):
        """A sale order; ``lines`` are (template, qty[, discount])."""
        return (
            cls.env["sale.order"]
            .with_company(company)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "company_id": company.id,
                    "state": state,
                    "date_order": date,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": template.product_variant_id.id,
                                "product_uom_qty": qty,
                                "price_unit": 10.0,
                                "discount": discount[0] if discount else 0.0,
                            }
                        )
                        for template, qty, *discount in lines
                    ],
                    **values,
                }
            )
        )


@tagged("post_install", "-at_install")
class TestBoughtTogether(ProductAnalyticsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shop = cls.new_company("Loja Chá")
        p = cls.new_products(cls.shop, "Chá Verde", "Xícara", "Biscoito", "Mel")
        cls.tea, cls.cup, cls.biscuit, cls.honey = (
            p["Chá Verde"],
            p["Xícara"],
            p["Biscoito"],
            p["Mel"],
        )
        # Seven confirmed baskets: {tea, cup} x2, {biscuit}, {honey}, {tea, honey}, and twice
        # {biscuit} with a honey that was returned (its lines net to zero).
        for lines in (
            [(cls.tea, 1), (cls.cup, 2)],
            [(cls.tea, 1), (cls.cup, 1)],
            [(cls.biscuit, 1)],
            [(cls.honey, 1)],
            [(cls.tea, 1), (cls.honey, 1)],
            [(cls.biscuit, 1), (cls.honey, 1), (cls.honey, -1)],
            [(cls.biscuit, 1), (cls.honey, 1), (cls.honey, -1)],
        ):
            cls.order(cls.shop, lines)
        # Drafts and cancelled orders do not count: these would make cup + honey a pair.
        cls.order(cls.shop, [(cls.cup, 1), (cls.honey, 1)], state="draft")
        cls.order(cls.shop, [(cls.cup, 1), (cls.honey, 1)], state="cancel")
        # Another company buys cup + honey together: never mixed with the shop's rules.
        cls.other = cls.new_company("Outra Loja")
        for _copy in range(3):
            cls.order(cls.other, [(cls.cup, 1), (cls.honey, 1)])
        cls.order(cls.other, [(cls.tea, 1)])  # lift(cup -> honey) = 1 / (3 / 4) > 1
        cls.env["chatwoot.product.affinity"]._refresh_affinity()
        cls.Affinity = cls.env["chatwoot.product.affinity"]

    def rule(self, company, product, other):
        return self.Affinity.search(
            [
                ("company_id", "=", company.id),
                ("product_tmpl_id", "=", product.id),
                ("related_product_tmpl_id", "=", other.id),
            ]
        )

    def test_lift_matches_the_hand_computation(self):
        # N = 7 orders; tea in 3, cup in 2, both in 2.
        tea_cup = self.rule(self.shop, self.tea, self.cup)
        self.assertEqual(tea_cup.count, 2)
        self.assertAlmostEqual(tea_cup.support, 2 / 7, places=4)
        self.assertAlmostEqual(tea_cup.confidence, 2 / 3, places=4)
        self.assertAlmostEqual(tea_cup.lift, (2 / 3) / (2 / 7), places=4)
        cup_tea = self.rule(self.shop, self.cup, self.tea)
        self.assertAlmostEqual(cup_tea.confidence, 1.0, places=4)
        self.assertAlmostEqual(cup_tea.lift, 1.0 / (3 / 7), places=4)

    def test_rare_pairs_returns_and_unconfirmed_orders_are_left_out(self):
        shop_rules = self.Affinity.search([("company_id", "=", self.shop.id)])
        pairs = {(r.product_tmpl_id, r.related_product_tmpl_id) for r in shop_rules}
        self.assertEqual(pairs, {(self.tea, self.cup), (self.cup, self.tea)})

    def test_companies_are_kept_apart(self):
        self.assertEqual(self.rule(self.other, self.cup, self.honey).count, 3)
        self.assertFalse(self.rule(self.shop, self.cup, self.honey))
        user = self.company_agent("cw_tea_agent", self.shop)
        visible = self.Affinity.with_user(user).search([])
        self.assertEqual(visible.company_id, self.shop)

    def test_refresh_is_repeatable(self):
        before = self.Affinity.search_count([("company_id", "=", self.shop.id)])
        self.Affinity._refresh_affinity()
        self.assertEqual(self.Affinity.search_count([("company_id", "=", self.shop.id)]), before)

    def test_unchanged_orders_skip_the_recount(self):
        rules = self.Affinity.search([("company_id", "=", self.shop.id)])
        # Rules younger than every order line: nothing to recount, the same rows stay.
        self.env.execute_query(
            SQL(
                "UPDATE chatwoot_product_affinity SET create_date = now() + interval '1 minute'"
                " WHERE company_id = %s",
                self.shop.id,
            )
        )
        self.Affinity._refresh_affinity()
        self.assertEqual(self.Affinity.search([("company_id", "=", self.shop.id)]), rules)
        # A new confirmed order is written now, after the rules: they are counted again.
        self.env.execute_query(
            SQL(
                "UPDATE chatwoot_product_affinity SET create_date = now() - interval '1 minute'"
                " WHERE company_id = %s",
                self.shop.id,
            )
        )
        self.order(self.shop, [(self.tea, 1), (self.cup, 1)])
        self.Affinity._refresh_affinity()
        tea_cup = self.rule(self.shop, self.tea, self.cup)
        self.assertEqual(tea_cup.count, 3)
        self.assertFalse(rules.exists())

    def test_product_form_shows_the_related_products(self):
        self.agent.company_ids |= self.shop
        tea = self.tea.with_user(self.agent).with_company(self.shop)
        self.assertEqual(tea.bought_together_count, 1)
        self.assertEqual(tea.bought_together_ids.related_product_tmpl_id, self.cup)
        arch = tea.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="bought_together_ids"', arch)
        self.assertIn('name="action_open_bought_together"', arch)
        action = self.tea.action_open_bought_together()
        self.assertEqual(self.Affinity.search(action["domain"]).related_product_tmpl_id, self.cup)

    def test_context_hook_suggests_bought_together_names(self):
        context = self.env["chatwoot.context"].with_company(self.shop)
        related = context._related_products([self.tea.id, self.biscuit.id])
        self.assertEqual(related, {self.tea.id: ["Xícara"]})
        other = self.env["chatwoot.context"].with_company(self.other)
        self.assertEqual(other._related_products([self.cup.id]), {self.cup.id: ["Mel"]})

    # -- basket counts kept per block of orders ----------------------------------------------

    def stored_blocks(self, company):
        return dict(
            self.env.execute_query(
                SQL(
                    "SELECT block, data FROM chatwoot_product_basket_block WHERE company_id = %s",
                    company.id,
                )
            )
        )

    def test_blocks_of_orders_add_up_to_one_count_of_every_order(self):
        # One block per order: the shop's seven baskets are stored and summed apart.
        with patch.object(affinity_module, "BASKET_BLOCK_ORDERS", 1):
            self.env.execute_query(SQL("DELETE FROM chatwoot_product_basket_block"))
            counts = self.Affinity._basket_counts(self.shop.id)
        orders = self.env["sale.order"].search(
            [("company_id", "=", self.shop.id), ("state", "=", "sale")]
        )
        self.assertEqual(set(self.stored_blocks(self.shop)), set(orders.ids))
        self.assertEqual(counts.order_count, 7)
        whole = basket.basket_counts(*self.Affinity._baskets(self.shop.id))
        self.assertEqual(counts.products.tolist(), whole.products.tolist())
        self.assertEqual((counts.pairs != whole.pairs).nnz, 0)

    def test_only_blocks_with_lines_written_since_are_counted_again(self):
        orders = self.env["sale.order"].search(
            [("company_id", "=", self.shop.id), ("state", "=", "sale")], order="id"
        )
        first, last = orders[0], orders[-1]
        with patch.object(affinity_module, "BASKET_BLOCK_ORDERS", 1):
            self.env.execute_query(SQL("DELETE FROM chatwoot_product_basket_block"))
            self.Affinity._basket_counts(self.shop.id)
            # Counted a minute from now; the first order's stored count is then made up (a
            # honey alone): a block nothing was written to since is trusted, not recounted.
            made_up = basket.counts_to_bytes(basket.basket_counts([first.id], [self.honey.id]))
            self.env.execute_query(
                SQL(
                    "UPDATE chatwoot_product_basket_block SET counted_at = now() + interval"
                    " '1 minute', data = CASE WHEN block = %s THEN %s ELSE data END"
                    " WHERE company_id = %s",
                    first.id,
                    made_up,
                    self.shop.id,
                )
            )
            # The last order's biscuit becomes a tea after that count (its honey was returned):
            # its block is counted again.
            self.env.execute_query(
                SQL(
                    "UPDATE sale_order_line SET product_id = %s,"
                    " write_date = now() + interval '2 minutes'"
                    " WHERE order_id = %s AND product_id = %s",
                    self.tea.product_variant_id.id,
                    last.id,
                    self.biscuit.product_variant_id.id,
                )
            )
            counts = self.Affinity._basket_counts(self.shop.id)
        stored = self.stored_blocks(self.shop)
        self.assertEqual(bytes(stored[first.id]), made_up)
        recounted = basket.counts_from_bytes(stored[last.id])
        self.assertEqual(recounted.products.tolist(), [self.tea.id])
        products = counts.products.tolist()
        orders_with = dict(zip(products, counts.pairs.diagonal().tolist(), strict=True))
        # tea: {tea, cup}, {tea, honey} and the changed order (the first order's {tea, cup}
        # is the made-up honey now); honey: the made-up one, {honey} and {tea, honey}.
        self.assertEqual(orders_with[self.tea.id], 3)
        self.assertEqual(orders_with[self.honey.id], 3)
        self.assertEqual(orders_with[self.biscuit.id], 2)

    def test_a_cancelled_order_leaves_its_block(self):
        with patch.object(affinity_module, "BASKET_BLOCK_ORDERS", 1):
            self.env.execute_query(SQL("DELETE FROM chatwoot_product_basket_block"))
            self.Affinity._basket_counts(self.shop.id)
            order = self.env["sale.order"].search(
                [("company_id", "=", self.shop.id), ("state", "=", "sale")], limit=1
            )
            order._action_cancel()
            self.env.flush_all()
            counts = self.Affinity._basket_counts(self.shop.id)
        self.assertNotIn(order.id, self.stored_blocks(self.shop))
        self.assertEqual(counts.order_count, 6)


@tagged("post_install", "-at_install")
class TestTrendsAndPromotions(ProductAnalyticsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shop = cls.new_company("Loja Tendências")
        cls.campaign_shop = cls.new_company("Loja Campanha")
        p = cls.new_products(cls.shop | cls.campaign_shop, "Sobe", "Desce", "Estável", "Promo")
        cls.rising, cls.declining, cls.flat, cls.promo = (
            p["Sobe"],
            p["Desce"],
            p["Estável"],
            p["Promo"],
        )
        # Eight weeks ending on LAST_DAY: one order per week and product, units in a line.
        for week in range(8):
            date = LAST_DAY - timedelta(weeks=7 - week)
            cls.order(
                cls.shop,
                [
                    (cls.rising, 2 + 3 * week),
                    (cls.declining, 60 - 7 * week),
                    (cls.flat, 10 + (week % 2)),
                ],
                date=date,
            )
        # Discount effect: full-price lines sell 1 or 2 units, discounted lines 3 or 4.
        for day in range(20):
            date = LAST_DAY - timedelta(days=day, hours=1)
            cls.order(cls.shop, [(cls.promo, 1 + day % 2)], date=date)
            cls.order(cls.shop, [(cls.promo, 3 + day % 2, 20.0)], date=date)
        # A UTM campaign in its own company: one order a day for ten days, then two a day
        # (one from the campaign) for ten days.
        cls.campaign = cls.env["utm.campaign"].create({"name": "Dia das Mães"})
        start = LAST_DAY - timedelta(days=9)
        for day in range(20):
            date = start - timedelta(days=10) + timedelta(days=day)
            cls.order(cls.campaign_shop, [(cls.flat, 1)], date=date)
            if date >= start:
                cls.order(
                    cls.campaign_shop, [(cls.flat, 1)], date=date, campaign_id=cls.campaign.id
                )
        cls.env["chatwoot.product.trend"]._refresh_trends()

    # -- daily sales kept per block of orders -------------------------------------------------

    def daily_from_scratch(self, company):
        rows = self.env.execute_query(
            SQL(
                "SELECT day, sum(units), sum(revenue), sum(margin) FROM ("
                " SELECT o.date_order::date AS day, %s FROM sale_order_line l"
                " JOIN sale_order o ON o.id = l.order_id"
                " JOIN product_product p ON p.id = l.product_id"
                " WHERE l.state = 'sale' AND l.company_id = %s AND l.display_type IS NULL"
                ") lines GROUP BY day",
                sales.line_measures_sql(),
                company.id,
            )
        )
        return {day: tuple(measures) for day, *measures in rows}

    def assertDailyEqual(self, daily, expected):
        self.assertEqual(set(daily), set(expected))
        for day, measures in expected.items():
            for got, want in zip(daily[day], measures, strict=True):
                self.assertAlmostEqual(got, want, places=6, msg=day)

    def test_daily_sales_of_blocks_follow_new_re_dated_orders_and_costs(self):
        """One block per order: each change recounts its blocks, or all of them for a cost,
        and the sums always equal a GROUP BY over every line."""
        self.env.execute_query(SQL("DELETE FROM chatwoot_product_sales_block"))
        daily = sales.daily_sales(self.env, self.shop.id, block_size=1)
        self.assertDailyEqual(daily, self.daily_from_scratch(self.shop))
        # Checked a minute from now: later writes are the next run's changes.
        self.env.execute_query(
            SQL("UPDATE chatwoot_product_sales_block SET counted_at = now() + interval '1 minute'")
        )
        later = SQL("now() + interval '2 minutes'")
        order = self.order(self.shop, [(self.flat, 5)], date=LAST_DAY - timedelta(days=400))
        moved = self.env["sale.order"].search([("company_id", "=", self.shop.id)], limit=1)
        self.env.flush_all()
        self.env.execute_query(
            SQL(
                "UPDATE sale_order SET date_order = date_order - interval '3 days',"
                " write_date = %s WHERE id = ANY(%s);"
                " UPDATE sale_order_line SET write_date = %s WHERE order_id = %s",
                later,
                moved.ids,
                later,
                order.id,
            )
        )
        self.env.invalidate_all()
        daily = sales.daily_sales(self.env, self.shop.id, block_size=1)
        self.assertIn((LAST_DAY - timedelta(days=400)).date(), daily)
        self.assertDailyEqual(daily, self.daily_from_scratch(self.shop))
        # A new cost changes every day's margin: every block is summed again.
        self.env.execute_query(
            SQL(
                "UPDATE sale_order_line SET write_date = now() - interval '1 day';"
                " UPDATE sale_order SET write_date = now() - interval '1 day';"
                " UPDATE chatwoot_product_sales_block SET counted_at = now()"
                " + interval '3 minutes'"
            )
        )
        self.flat.product_variant_id.with_company(self.shop).standard_price = 9.0
        self.env.flush_all()
        self.env.execute_query(
            SQL(
                "UPDATE product_product SET write_date = now() + interval '4 minutes'"
                " WHERE id = %s",
                self.flat.product_variant_id.id,
            )
        )
        daily = sales.daily_sales(self.env, self.shop.id, block_size=1)
        self.assertDailyEqual(daily, self.daily_from_scratch(self.shop))

    def test_sales_blocks_doctests(self):
        result = doctest.testmod(sales)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def test_local_settings_are_put_back(self):
        cr = self.env.cr
        cr.execute("SELECT current_setting('enable_nestloop'), current_setting('jit')")
        before = cr.fetchone()
        with local_settings(cr, enable_nestloop="off", jit="off"):
            cr.execute("SELECT current_setting('enable_nestloop'), current_setting('jit')")
            self.assertEqual(cr.fetchone(), ("off", "off"))
        cr.execute("SELECT current_setting('enable_nestloop'), current_setting('jit')")
        self.assertEqual(cr.fetchone(), before)
        with self.assertRaises(ValueError):
            with local_settings(cr, search_path="evil"):
                pass

    def trend(self, template):
        return self.env["chatwoot.product.trend"].search(
            [("company_id", "=", self.shop.id), ("product_tmpl_id", "=", template.id)]
        )

    def test_rising_declining_and_stable_products(self):
        self.assertEqual(self.trend(self.rising).direction, "rising")
        self.assertEqual(self.trend(self.declining).direction, "declining")
        self.assertEqual(self.trend(self.flat).direction, "stable")
        self.assertLess(self.trend(self.rising).q_value, 0.05)
        self.assertGreater(self.trend(self.rising).pct_change, 0)
        self.assertLess(self.trend(self.declining).pct_change, 0)

    def test_window_units(self):
        # Last four weeks of the rising product: 2 + 3w for w = 4..7, against w = 0..3.
        trend = self.trend(self.rising)
        self.assertEqual(trend.units_recent, sum(2 + 3 * w for w in range(4, 8)))
        self.assertEqual(trend.units_previous, sum(2 + 3 * w for w in range(4)))
        self.assertAlmostEqual(trend.pct_change, 100.0 * (74 / 26 - 1))

    def test_discount_uplift_against_full_price_lines(self):
        effect = self.env["chatwoot.promotion.effect"].search(
            [("kind", "=", "discount"), ("product_tmpl_id", "=", self.promo.id)]
        )
        self.assertEqual(len(effect), 1)
        self.assertEqual(effect.baseline, "matched")
        self.assertEqual((effect.sample_promoted, effect.sample_baseline), (20, 20))
        # Units per line: 3.5 against 1.5; revenue per line: 8 x 3.5 = 28 against 15.
        self.assertAlmostEqual(effect.units_uplift, 2.0, places=6)
        self.assertLessEqual(effect.units_ci_low, 2.0)
        self.assertGreaterEqual(effect.units_ci_high, 2.0)
        self.assertGreater(effect.units_ci_low, 0)
        self.assertAlmostEqual(effect.revenue_uplift, 13.0, places=6)
        self.assertTrue(effect.significant)
        # Margin per line: revenue - 4 x units.
        self.assertAlmostEqual(effect.margin_uplift, 13.0 - 4 * 2.0, places=6)

    def test_campaign_uplift_against_the_period_before(self):
        effects = self.env["chatwoot.promotion.effect"].search(
            [("campaign_id", "=", self.campaign.id)]
        )
        # No sale a year before: the period before and the same weekdays, no last year.
        self.assertEqual(set(effects.mapped("baseline")), {"pre_period", "same_weekday"})
        effect = effects.filtered(lambda e: e.baseline == "pre_period")
        self.assertEqual(len(effect), 1)
        self.assertEqual(effect.company_id, self.campaign_shop)
        self.assertEqual((effect.sample_promoted, effect.sample_baseline), (10, 10))
        self.assertAlmostEqual(effect.units_uplift, 1.0, places=6)  # 2 a day against 1
        self.assertAlmostEqual(effect.revenue_uplift, 10.0, places=6)
        self.assertAlmostEqual(effect.units_relative, 100.0, places=6)

    def test_campaign_uplift_against_the_same_weekdays(self):
        effect = self.env["chatwoot.promotion.effect"].search(
            [("campaign_id", "=", self.campaign.id), ("baseline", "=", "same_weekday")]
        )
        # Ten days, rounded to two weeks back: the 6 days from the first sale on, one a day.
        self.assertEqual((effect.sample_promoted, effect.sample_baseline), (10, 6))
        self.assertAlmostEqual(effect.units_uplift, 1.0, places=6)

    def test_unchanged_orders_keep_trends_and_effects(self):
        Trend, Effect = self.env["chatwoot.product.trend"], self.env["chatwoot.promotion.effect"]
        trends, effects = Trend.search([]), Effect.search([])
        self.env.execute_query(
            SQL("UPDATE chatwoot_product_trend SET create_date = now() + interval '1 minute'")
        )
        Trend._refresh_trends()
        self.assertEqual(Trend.search([]), trends)
        self.assertEqual(Effect.search([]), effects)

    def test_effects_and_trends_respect_companies(self):
        user = self.company_agent("cw_campaign_agent", self.campaign_shop)
        effects = self.env["chatwoot.promotion.effect"].with_user(user).search([])
        self.assertEqual(effects.company_id, self.campaign_shop)
        trends = self.env["chatwoot.product.trend"].with_user(user).search([])
        self.assertTrue(trends)
        self.assertEqual(trends.company_id, self.campaign_shop)


@tagged("post_install", "-at_install")
class TestSeasonalControl(ProductAnalyticsCase):
    """A campaign in a season that sells more anyway: last year's same weeks tell them apart.

    Last year: one order a day for ten days, then two a day (the season) for ten days. This
    year: one a day, then three a day during the campaign. Against the days before, the
    campaign made +2 a day; against last year's own change (+1), it made +1.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shop = cls.new_company("Loja Sazonal")
        cls.product = cls.new_products(cls.shop, "Panetone")["Panetone"]
        cls.campaign = cls.env["utm.campaign"].create({"name": "Natal"})
        start = LAST_DAY - timedelta(days=9)
        for year_back, season_orders in ((364, 2), (0, 3)):
            for day in range(20):
                date = start - timedelta(days=10 + year_back) + timedelta(days=day)
                in_window = day >= 10
                for number in range(season_orders if in_window else 1):
                    campaign = (
                        cls.campaign.id if (not year_back and in_window and number) else False
                    )
                    cls.order(cls.shop, [(cls.product, 1)], date=date, campaign_id=campaign)
        cls.env["chatwoot.promotion.effect"]._refresh_promotions([cls.shop.id])

    def effect(self, baseline):
        return self.env["chatwoot.promotion.effect"].search(
            [("campaign_id", "=", self.campaign.id), ("baseline", "=", baseline)]
        )

    def test_both_controls_are_reported(self):
        self.assertAlmostEqual(self.effect("pre_period").units_uplift, 2.0, places=6)
        last_year = self.effect("last_year")
        self.assertEqual(len(last_year), 1)
        self.assertAlmostEqual(last_year.units_uplift, 1.0, places=6)
        self.assertAlmostEqual(last_year.revenue_uplift, 10.0, places=6)
        # Counterfactual: one a day plus last year's seasonal +1.
        self.assertAlmostEqual(last_year.units_relative, 50.0, places=6)
        self.assertEqual(
            (last_year.date_start, last_year.date_end),
            (LAST_DAY.date() - timedelta(days=9), LAST_DAY.date()),
        )
