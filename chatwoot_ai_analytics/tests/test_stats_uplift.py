# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``stats/uplift.py``: known effects, DiD, interval coverage, edge cases."""

import doctest
import math

import numpy as np

from odoo.tests import BaseCase

from ..stats import uplift


class TestUplift(BaseCase):
    def test_known_effect_against_the_pre_period(self):
        rng = np.random.default_rng(1)
        result = uplift.uplift(rng.poisson(20, 60), rng.poisson(26, 30))
        self.assertAlmostEqual(result["uplift"], 6.0, delta=1.5)
        self.assertLess(result["ci_low"], 6.0)
        self.assertGreater(result["ci_high"], 6.0)
        self.assertTrue(result["significant"])
        self.assertAlmostEqual(result["relative"], 0.3, delta=0.08)

    def test_difference_in_differences_removes_the_market_move(self):
        rng = np.random.default_rng(2)
        # Everyone sells 5 more per day in the promotion period; the promotion adds 8 on top.
        pre, post = rng.poisson(20, 60), rng.poisson(33, 30)
        baseline_pre, baseline_post = rng.poisson(40, 60), rng.poisson(45, 30)
        plain = uplift.uplift(pre, post)
        did = uplift.uplift(pre, post, baseline_pre, baseline_post)
        self.assertAlmostEqual(plain["uplift"], 13.0, delta=2.0)
        self.assertAlmostEqual(did["uplift"], 8.0, delta=2.0)
        self.assertLess(did["ci_low"], 8.0)
        self.assertGreater(did["ci_high"], 8.0)
        self.assertAlmostEqual(
            did["counterfactual"], np.mean(pre) + np.mean(baseline_post) - np.mean(baseline_pre)
        )
        # Hand arithmetic of the point estimate.
        expected = (np.mean(post) - np.mean(pre)) - (np.mean(baseline_post) - np.mean(baseline_pre))
        self.assertAlmostEqual(did["uplift"], expected)

    def test_interval_covers_the_true_effect_about_ninety_five_percent_of_the_time(self):
        rng = np.random.default_rng(3)
        covered = 0
        for seed in range(200):
            result = uplift.uplift(rng.poisson(30, 40), rng.poisson(34, 40), n_boot=400, seed=seed)
            covered += result["ci_low"] <= 4.0 <= result["ci_high"]
        self.assertGreaterEqual(covered, 176)  # 88 %: percentile bootstrap runs a little narrow
        self.assertLessEqual(covered, 198)

    def test_no_effect_is_usually_not_significant(self):
        rng = np.random.default_rng(4)
        significant = sum(
            uplift.uplift(rng.poisson(30, 40), rng.poisson(30, 40), n_boot=400, seed=seed)[
                "significant"
            ]
            for seed in range(100)
        )
        self.assertLessEqual(significant, 12)

    def test_metrics_are_measured_together(self):
        rng = np.random.default_rng(5)
        units_pre, units_post = rng.poisson(20, 60), rng.poisson(30, 30)
        pre = {"units": units_pre, "revenue": units_pre * 10.0, "margin": units_pre * 4.0}
        # 20 % discount: more units, same revenue per unit * 0.8, margin per unit 4 -> 2.
        post = {"units": units_post, "revenue": units_post * 8.0, "margin": units_post * 2.0}
        results = uplift.uplift_by_metric(pre, post)
        self.assertEqual(set(results), {"units", "revenue", "margin"})
        self.assertAlmostEqual(
            results["revenue"]["uplift"], np.mean(units_post) * 8 - np.mean(units_pre) * 10
        )
        self.assertGreater(results["units"]["uplift"], 0)
        self.assertLess(results["margin"]["uplift"], 0)

    def test_same_seed_gives_the_same_interval(self):
        first = uplift.uplift([1, 2, 3, 4], [3, 4, 5, 6], seed=9)
        self.assertEqual(first, uplift.uplift([1, 2, 3, 4], [3, 4, 5, 6], seed=9))

    def test_empty_or_incomplete_inputs_give_nan_not_errors(self):
        for args in (([], [1, 2]), ([1, 2], []), ([1, 2], [3], [1], None), ([1], [2], [], [3])):
            with self.subTest(args=args):
                result = uplift.uplift(*args)
                self.assertTrue(math.isnan(result["uplift"]))
                self.assertFalse(result["significant"])
        zero = uplift.uplift([0, 0, 0], [1, 2, 3])
        self.assertEqual(zero["uplift"], 2.0)
        self.assertTrue(math.isnan(zero["relative"]))

    def test_module_doctests_pass(self):
        result = doctest.testmod(uplift, optionflags=doctest.NORMALIZE_WHITESPACE)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)
