# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Population fits on a sample (stats/customer_scoring.fit_population): the sample is seeded
and sorted, a sampled customer's events are exactly their events, and a fit on a sample
scores customers as the fit on everybody does."""

import doctest
import sys

import numpy as np

from odoo.tests import BaseCase

from ..stats import basket, churn, clv, customer_scoring, native
from .test_stats_clv import simulate_bgnbd


def _events(customers=300, orders=3000, seed=1):
    rng = np.random.default_rng(seed)
    keys = np.arange(customers) * 3 + 5
    order_rows = np.column_stack(
        [rng.choice(keys, orders), rng.uniform(0, 700, orders), rng.uniform(5, 300, orders)]
    )
    message_rows = np.column_stack(
        [
            rng.choice(keys, orders // 2),
            rng.uniform(0, 700, orders // 2),
            rng.uniform(-1, 1, orders // 2),
            rng.integers(0, 2, orders // 2),
        ]
    )
    conversation_rows = np.column_stack(
        [rng.choice(keys, orders // 4), rng.uniform(0, 700, orders // 4), np.ones(orders // 4)]
    )
    return churn.CustomerEvents.from_rows(keys, order_rows, message_rows, conversation_rows)


class TestSampledFits(BaseCase):
    def test_the_sample_is_seeded_sorted_and_everybody_below_its_size(self):
        rows = customer_scoring.sample_rows(50000)
        self.assertEqual(len(rows), customer_scoring.FIT_SAMPLE)
        self.assertTrue((np.diff(rows) > 0).all())
        np.testing.assert_array_equal(rows, customer_scoring.sample_rows(50000))
        np.testing.assert_array_equal(customer_scoring.sample_rows(300), np.arange(300))

    def test_sampled_customers_keep_exactly_their_events(self):
        events = _events()
        rows = customer_scoring.sample_rows(events.customer_count, size=120, seed=4)
        part = churn.subset_events(events, rows)
        self.assertEqual(part.customer_count, 120)
        ones = np.ones(events.customer_count)
        everybody = churn.churn_features(events, 700.0, p_alive=ones, default_gap_days=30.0)
        sampled = churn.churn_features(part, 700.0, p_alive=ones[rows], default_gap_days=30.0)
        np.testing.assert_array_equal(sampled, everybody[rows])
        np.testing.assert_array_equal(
            churn.churn_labels(part, 400.0, 90), churn.churn_labels(events, 400.0, 90)[rows]
        )

    def test_a_fit_on_a_sample_scores_like_the_fit_on_everybody(self):
        rng = np.random.default_rng(3)
        T = rng.uniform(10, 78, 12000)
        x, t_x = simulate_bgnbd(0.25, 4.0, 0.8, 2.5, T, rng)
        everybody = clv.fit_bgnbd(x, t_x, T, penalizer=0.001)
        rows = customer_scoring.sample_rows(len(T), size=4000)
        sample = clv.fit_bgnbd(x[rows], t_x[rows], T[rows], penalizer=0.001)
        for name in ("r", "alpha", "a", "b"):
            self.assertAlmostEqual(
                getattr(sample, name) / getattr(everybody, name), 1.0, delta=0.15, msg=name
            )
        difference = np.abs(sample.p_alive(x, t_x, T) - everybody.p_alive(x, t_x, T))
        self.assertLess(difference.mean(), 0.01)

    def test_small_populations_are_fitted_whole(self):
        data = {
            "customer_id": np.arange(4),
            "frequency": np.array([1, 2, 0, 3]),
            "first_day": [None, None, None, None],
        }
        rows = customer_scoring.sample_rows(4)
        self.assertEqual(customer_scoring.subset_customers(data, rows)["first_day"], [None] * 4)
        np.testing.assert_array_equal(
            customer_scoring.subset_customers(data, np.array([1, 3]))["frequency"], [2, 3]
        )

    def test_doctests_of_the_sampling_helpers(self):
        finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner()
        for function in (
            customer_scoring.sample_rows,
            churn.subset_events,
            basket.pair_keys,
            native.one_thread,
        ):
            module = sys.modules[function.__module__]
            for test in finder.find(function, function.__name__, globs=dict(vars(module))):
                runner.run(test)
        for test in finder.find(native, "native"):
            runner.run(test)
        self.assertEqual(runner.summarize(verbose=False).failed, 0)
