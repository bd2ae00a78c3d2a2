# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``stats/trends.py``: windows, the rate test and its false alarms."""

import doctest

import numpy as np

from odoo.tests import BaseCase

from ..stats import trends


def _weekly_rows(product_id, means, rng, dispersion=None):
    """Weekly units of one product with the given mean per week (negative binomial if dispersed)."""
    means = np.asarray(means, dtype=float)
    if dispersion is None:
        units = rng.poisson(means)
    else:
        # Gamma-Poisson mixture: variance = mean + mean^2 / dispersion, like promo-driven sales.
        units = rng.poisson(rng.gamma(dispersion, means / dispersion))
    return [(product_id, week, int(unit)) for week, unit in enumerate(units) if unit]


def _by_product(rows, **kwargs):
    return {trend["product_id"]: trend for trend in trends.product_trends(rows, **kwargs)}


class TestProductTrends(BaseCase):
    def test_known_rising_declining_and_flat_products(self):
        rng = np.random.default_rng(42)
        rows = _weekly_rows("rising", [20] * 8 + [35] * 4, rng)
        rows += _weekly_rows("declining", [40] * 8 + [20] * 4, rng)
        rows += _weekly_rows("flat", [20] * 12, rng)
        result = _by_product(rows, window=4)
        self.assertEqual(result["rising"]["direction"], "rising")
        self.assertEqual(result["declining"]["direction"], "declining")
        # Poisson noise moved the flat product by +32 %: not significant, so not rising, and
        # not "stable" next to +32 % either.
        self.assertEqual(result["flat"]["direction"], "uncertain")
        self.assertGreater(result["rising"]["slope"], 0)
        self.assertLess(result["declining"]["slope"], 0)
        self.assertAlmostEqual(result["rising"]["pct_change"], 0.75, delta=0.25)

    def test_overdispersed_flat_products_rarely_raise_false_alarms(self):
        rng = np.random.default_rng(7)
        rows = []
        for product in range(300):
            rows += _weekly_rows(product, [rng.uniform(5, 80)] * 8, rng, dispersion=3.0)
        result = trends.product_trends(rows, window=4)
        # Weekly sales vary by about 60 % here: a plain Poisson test would flag most products.
        # The dispersion-scaled p-values stay calibrated and the FDR cut flags (almost) none.
        p_values = np.array([trend["p_value"] for trend in result])
        self.assertLess(np.mean(p_values < 0.05), 0.1)
        alarms = sum(trend["direction"] in ("rising", "declining") for trend in result)
        self.assertLessEqual(alarms, 3)
        # What the test cannot call is never labelled "stable" next to a large change.
        for trend in result:
            if trend["direction"] == "stable":
                self.assertLess(abs(trend["pct_change"]), trends.STABLE_BAND)

    def test_a_large_change_on_few_units_is_uncertain_not_stable(self):
        rows = [("few", period, units) for period, units in enumerate([1, 0, 1, 0, 3, 2, 4, 3])]
        trend = _by_product(rows, window=4)["few"]
        self.assertGreater(trend["pct_change"], 2)
        self.assertGreaterEqual(trend["q_value"], 0.05)
        self.assertEqual(trend["direction"], "uncertain")

    def test_windows_count_missing_periods_as_zero_and_end_at_current_period(self):
        rows = [("a", 0, 10), ("a", 3, 10), ("a", 5, 40), ("a", 9, 999)]
        trend = _by_product(rows, window=3, current_period=5)["a"]
        # Periods 0..2 sold 10, periods 3..5 sold 50; period 9 is after the current period.
        self.assertEqual((trend["previous_units"], trend["recent_units"]), (10.0, 50.0))
        self.assertAlmostEqual(trend["pct_change"], 4.0)
        self.assertAlmostEqual(trend["slope"], (10 * -2.5 + 10 * 0.5 + 40 * 2.5) / 17.5)

    def test_new_product_has_no_percent_change_but_can_rise(self):
        rows = [("new", week, 50) for week in range(4, 8)] + [("old", week, 5) for week in range(8)]
        result = _by_product(rows)
        self.assertIsNone(result["new"]["pct_change"])
        self.assertEqual(result["new"]["direction"], "rising")

    def test_min_units_and_empty_input(self):
        rows = [("tiny", 7, 1), ("big", 7, 30), ("big", 1, 30)]
        self.assertEqual(set(_by_product(rows, min_units=5)), {"big"})
        self.assertEqual(trends.product_trends([]), [])

    def test_benjamini_hochberg_matches_hand_computation(self):
        q = trends.benjamini_hochberg([0.04, 0.001, 0.03, 0.5])
        # Ranked: 0.001*4/1, 0.03*4/2, 0.04*4/3, 0.5*4/4, then the running minimum from the top.
        np.testing.assert_allclose(q, [0.04 * 4 / 3, 0.004, 0.04 * 4 / 3, 0.5])

    def test_module_doctests_pass(self):
        result = doctest.testmod(trends, optionflags=doctest.NORMALIZE_WHITESPACE)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)
