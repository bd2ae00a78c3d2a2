# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``stats/clv.py``: CDNOW fits, recovery on simulated data, zero safety.

The module is loaded by file path, so these tests also run without Odoo:
``python3 -m pytest -p no:odoo chatwoot_ai_analytics/tests/test_stats_clv.py``.
"""

import csv
import datetime
import doctest
import importlib.metadata
from pathlib import Path

import numpy as np

from odoo.tests import BaseCase

from ..stats import clv

CDNOW_SUMMARY = "lifetimes/datasets/cdnow_customers_summary_with_transactions.csv"


def _cdnow_summary_path():
    """The CDNOW summary shipped in the ``lifetimes`` wheel, found without importing lifetimes."""
    try:
        distribution = importlib.metadata.distribution("lifetimes")
    except importlib.metadata.PackageNotFoundError:
        return None
    path = Path(distribution.locate_file(CDNOW_SUMMARY))
    return path if path.is_file() else None


def _read_cdnow(path):
    # Columns of the published file: ID, x (frequency), t_x (recency), T, zbar (mean repeat value).
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        np.array([float(row[column]) for row in rows]) for column in "x t_x T zbar".split()
    )


def simulate_bgnbd(r, alpha, a, b, T, rng):
    """Draw (frequency, recency) from the BG/NBD generative model, exactly and vectorised.

    Each customer buys at time 0, then at the jumps of a Poisson process with rate
    lambda ~ gamma(r, alpha), and drops out after each repeat purchase with p ~ beta(a, b) (the
    likelihood's (1 - p) ** x term: no dropout right after the first purchase), so the number of
    repeat purchases made before dropping out is geometric on 1, 2, ... Given N Poisson jumps in
    [0, T], the k-th jump time is T times a beta(k, N - k + 1) order statistic.
    """
    rate = rng.gamma(shape=r, scale=1.0 / alpha, size=T.shape)
    dropout = rng.beta(a, b, size=T.shape)
    repeats_before_dropout = rng.geometric(dropout)
    jumps = rng.poisson(rate * T)
    frequency = np.minimum(jumps, repeats_before_dropout)
    has_repeat = frequency > 0
    order_statistic = rng.beta(np.maximum(frequency, 1), np.maximum(jumps - frequency, 0) + 1)
    recency = np.where(has_repeat, T * order_statistic, 0.0)
    return frequency.astype(float), recency


def simulate_gamma_gamma(p, q, v, frequency, rng):
    """Mean value of each customer's ``frequency`` transactions under the Gamma-Gamma model."""
    customer_rate = rng.gamma(shape=q, scale=1.0 / v, size=frequency.shape)
    repeat = frequency > 0
    shape = np.where(repeat, p * frequency, 1.0)
    mean_value = rng.gamma(shape=shape, scale=1.0 / (customer_rate * np.maximum(frequency, 1)))
    return np.where(repeat, mean_value, 0.0)


class TestCdnowPublishedFits(BaseCase):
    """Our fits against the published lifetimes fits of CDNOW (docs/Quickstart.md)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        path = _cdnow_summary_path()
        # requirements.txt installs lifetimes for its CDNOW data: missing data is a failure.
        assert path is not None, "lifetimes (CDNOW summary data) is not installed"
        cls.frequency, cls.recency, cls.T, cls.monetary = _read_cdnow(path)

    def test_cdnow_has_the_published_cohort(self):
        self.assertEqual(len(self.frequency), 2357)
        self.assertEqual(int((self.frequency > 0).sum()), 946)

    def test_bgnbd_fit_matches_published_parameters(self):
        model = clv.fit_bgnbd(self.frequency, self.recency, self.T)
        published = {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}
        for name, value in published.items():
            with self.subTest(parameter=name):
                self.assertAlmostEqual(getattr(model, name) / value, 1.0, delta=0.01)

    def test_gamma_gamma_fit_on_repeat_customers_matches_published_parameters(self):
        model = clv.fit_gamma_gamma(self.frequency, self.monetary)
        for name, value in {"p": 6.25, "q": 3.74, "v": 15.45}.items():
            with self.subTest(parameter=name):
                self.assertAlmostEqual(getattr(model, name) / value, 1.0, delta=0.01)

    def test_mean_conditional_expected_profit_matches_published_value(self):
        model = clv.fit_gamma_gamma(self.frequency, self.monetary)
        profit = model.conditional_expected_average_profit(self.frequency, self.monetary)
        self.assertAlmostEqual(profit.mean(), 35.25, delta=0.05)

    def test_cdnow_clv_is_finite_and_positive(self):
        bgnbd = clv.fit_bgnbd(self.frequency, self.recency, self.T)
        gg = clv.fit_gamma_gamma(self.frequency, self.monetary)
        values = clv.clv(bgnbd, gg, self.frequency, self.recency, self.T, self.monetary)
        self.assertTrue(np.all(np.isfinite(values)))
        self.assertTrue(np.all(values > 0))


class TestRecoveryOnSimulatedData(BaseCase):
    """Fits recover the parameters that generated 20,000 simulated customers (fixed seed)."""

    CUSTOMERS = 20_000
    TRUE_BGNBD = {"r": 0.25, "alpha": 4.0, "a": 0.8, "b": 2.5}
    TRUE_GAMMA_GAMMA = {"p": 6.0, "q": 4.0, "v": 15.0}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        rng = np.random.default_rng(20260101)
        # Cohorts observed 26 to 78 weeks, like a shop's customer base acquired over a year.
        cls.T = rng.uniform(26.0, 78.0, size=cls.CUSTOMERS)
        cls.frequency, cls.recency = simulate_bgnbd(**cls.TRUE_BGNBD, T=cls.T, rng=rng)
        cls.monetary = simulate_gamma_gamma(
            **cls.TRUE_GAMMA_GAMMA, frequency=cls.frequency, rng=rng
        )

    def _assert_recovered(self, model, truth, tolerance):
        for name, value in truth.items():
            with self.subTest(parameter=name):
                self.assertAlmostEqual(getattr(model, name) / value, 1.0, delta=tolerance)

    def test_bgnbd_recovers_simulated_parameters(self):
        # CDNOW's standard errors scaled to 20k customers are 2-10 %; a and b are the loosest.
        model = clv.fit_bgnbd(self.frequency, self.recency, self.T)
        self._assert_recovered(model, self.TRUE_BGNBD, tolerance=0.25)
        self._assert_recovered(model, {"r": 0.25, "alpha": 4.0}, tolerance=0.1)

    def test_gamma_gamma_recovers_simulated_parameters(self):
        model = clv.fit_gamma_gamma(self.frequency, self.monetary)
        self._assert_recovered(model, self.TRUE_GAMMA_GAMMA, tolerance=0.2)

    def test_fitted_model_predicts_holdout_total_from_same_process(self):
        # The fitted model's expected population purchases over T equal the model truth's.
        fitted = clv.fit_bgnbd(self.frequency, self.recency, self.T)
        truth = clv.BetaGeo(**self.TRUE_BGNBD)
        args = (26.0, self.frequency, self.recency, self.T)
        fitted_total = fitted.expected_purchases(*args).sum()
        self.assertAlmostEqual(
            fitted_total / truth.expected_purchases(*args).sum(), 1.0, delta=0.05
        )

    def test_penalizer_shrinks_parameters(self):
        plain = clv.fit_bgnbd(self.frequency, self.recency, self.T)
        penalized = clv.fit_bgnbd(self.frequency, self.recency, self.T, penalizer=0.1)
        self.assertLess(penalized.alpha, plain.alpha)


class TestBetaGeoPredictions(BaseCase):
    model = clv.BetaGeo(r=0.2426, alpha=4.4135, a=0.7929, b=2.4258)

    def test_customer_without_repeat_purchase_is_alive(self):
        alive = self.model.p_alive([0, 0, 0], [0.0, 0.0, 0.0], [1.0, 39.0, 500.0])
        self.assertEqual(alive.tolist(), [1.0, 1.0, 1.0])

    def test_p_alive_drops_with_time_since_last_purchase(self):
        alive = self.model.p_alive([3, 3, 3], [38.0, 20.0, 2.0], [39.0, 39.0, 39.0])
        self.assertTrue(np.all(np.diff(alive) < 0))
        self.assertTrue(np.all((alive > 0) & (alive <= 1)))

    def test_expected_purchases_grow_with_frequency_of_customers_seen_recently(self):
        frequency = np.arange(0, 30, dtype=float)
        T = np.full(frequency.shape, 39.0)
        expected = self.model.expected_purchases(10.0, frequency, T, T)
        self.assertTrue(np.all(np.diff(expected) > 0))

    def test_expected_purchases_grow_with_horizon_and_start_at_zero(self):
        horizons = np.array([0.0, 1.0, 10.0, 52.0, 520.0])
        expected = [self.model.expected_purchases(t, [2], [30.43], [38.86])[0] for t in horizons]
        self.assertEqual(expected[0], 0.0)
        self.assertTrue(np.all(np.diff(expected) > 0))

    def test_expected_purchases_stay_finite_for_heavy_buyers_and_long_horizons(self):
        expected = self.model.expected_purchases(1000.0, [200], [500.0], [500.0])
        self.assertTrue(np.all(np.isfinite(expected)))

    def test_parameter_a_equal_to_one_is_handled(self):
        model = clv.BetaGeo(r=0.3, alpha=4.0, a=1.0, b=2.0)
        expected = model.expected_purchases(10.0, [0, 3], [0.0, 20.0], [39.0, 39.0])
        self.assertTrue(np.all(np.isfinite(expected)) and np.all(expected > 0))

    def test_recency_after_t_is_rejected(self):
        with self.assertRaises(ValueError):
            self.model.p_alive([1], [40.0], [39.0])


class TestClvZeroSafety(BaseCase):
    bgnbd = clv.BetaGeo(r=0.2426, alpha=4.4135, a=0.7929, b=2.4258)
    gg = clv.GammaGamma(p=6.25, q=3.74, v=15.45)

    def test_customer_without_repeat_purchase_gets_population_mean_value(self):
        value = self.gg.conditional_expected_average_profit([0, 0], [0.0, np.nan])
        np.testing.assert_allclose(value, [self.gg.population_mean_value] * 2)

    def test_clv_of_one_order_customers_is_finite_and_positive(self):
        values = clv.clv(self.bgnbd, self.gg, [0, 0], [0.0, 0.0], [0.0, 39.0], [np.nan, 0.0])
        self.assertTrue(np.all(np.isfinite(values)) and np.all(values > 0))

    def test_clv_of_single_customer(self):
        values = clv.clv(self.bgnbd, self.gg, [2], [30.43], [38.86], [22.35])
        self.assertEqual(values.shape, (1,))
        self.assertGreater(values[0], 0.0)

    def test_clv_of_empty_population_is_empty(self):
        self.assertEqual(clv.clv(self.bgnbd, self.gg, [], [], [], []).shape, (0,))

    def test_discounting_lowers_clv(self):
        args = (self.bgnbd, self.gg, [2], [30.43], [38.86], [22.35])
        undiscounted = clv.clv(*args, discount_rate_monthly=0.0)
        self.assertLess(clv.clv(*args)[0], undiscounted[0])

    def test_gamma_gamma_without_finite_mean_is_reported(self):
        with self.assertRaises(ValueError):
            clv.GammaGamma(p=1.0, q=0.9, v=1.0).population_mean_value  # noqa: B018

    def test_fits_reject_data_they_cannot_fit(self):
        with self.assertRaises(ValueError):
            clv.fit_bgnbd([], [], [])
        with self.assertRaises(ValueError):
            clv.fit_gamma_gamma([0, 0], [0.0, 0.0])

    def test_fit_on_one_customer_returns_finite_parameters(self):
        model = clv.fit_bgnbd([0], [0.0], [10.0], penalizer=0.01)
        params = [model.r, model.alpha, model.a, model.b]
        self.assertTrue(np.all(np.isfinite(params)))


class TestSummaryFromOrders(BaseCase):
    def test_orders_in_one_period_count_once_and_first_period_is_not_repeat(self):
        day = datetime.date
        orders = [
            ("ana", day(2026, 1, 1), 10.0),
            ("ana", day(2026, 1, 2), 20.0),
            ("ana", day(2026, 1, 9), 7.0),
            ("ana", day(2026, 1, 10), 3.0),
            ("bia", datetime.datetime(2026, 1, 8, 18, 30), 50.0),
            ("caio", day(2026, 3, 1), 99.0),  # after the observation end: ignored
        ]
        summary = clv.summary_from_orders(orders, observation_end=day(2026, 1, 15))
        self.assertEqual(summary.customer_keys, ["ana", "bia"])
        self.assertEqual(summary.frequency.tolist(), [1.0, 0.0])
        self.assertEqual(summary.monetary_value.tolist(), [10.0, 0.0])
        np.testing.assert_allclose(summary.recency, [9 / 7, 0.0])
        np.testing.assert_allclose(summary.T, [2.0, 1.0])

    def test_no_orders_give_an_empty_summary(self):
        summary = clv.summary_from_orders([], observation_end=datetime.date(2026, 1, 1))
        self.assertEqual(summary.customer_keys, [])
        self.assertEqual(summary.frequency.shape, (0,))

    def test_summary_feeds_the_fits(self):
        rng = np.random.default_rng(7)
        start = datetime.date(2025, 1, 1)
        orders = [
            (int(customer), start + datetime.timedelta(days=int(offset)), float(amount))
            for customer, offset, amount in zip(
                rng.integers(0, 300, 3000),
                rng.integers(0, 365, 3000),
                rng.gamma(2.0, 20.0, 3000),
                strict=True,
            )
        ]
        summary = clv.summary_from_orders(orders, observation_end=datetime.date(2026, 1, 1))
        model = clv.fit_bgnbd(summary.frequency, summary.recency, summary.T)
        values = clv.clv(
            model,
            clv.fit_gamma_gamma(summary.frequency, summary.monetary_value),
            summary.frequency,
            summary.recency,
            summary.T,
            summary.monetary_value,
        )
        self.assertTrue(np.all(np.isfinite(values)))


class TestClvDoctests(BaseCase):
    def test_module_doctests_pass(self):
        result = doctest.testmod(clv, optionflags=doctest.NORMALIZE_WHITESPACE)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)
