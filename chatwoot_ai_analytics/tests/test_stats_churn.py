# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``stats/churn.py``: features at a cutoff, holdout AUC, reasons, blend."""

import datetime

import numpy as np

from odoo.tests import BaseCase

from ..stats import churn

FEATURE = {name: index for index, name in enumerate(churn.CHURN_FEATURES)}


def _hand_built_events():
    """Ana buys every 30 days and complained lately; Bia never bought; Caio bought once."""
    return churn.CustomerEvents(
        customer_count=3,
        order_customer=np.array([0, 0, 0, 0, 2, 2]),
        order_day=np.array([0.0, 30.0, 60.0, 90.0, 50.0, 130.0]),
        order_amount=np.array([10.0, 10.0, 10.0, 10.0, 100.0, 100.0]),
        message_customer=np.array([0, 0, 1]),
        message_day=np.array([5.0, 95.0, 20.0]),
        message_sentiment=np.array([0.5, -0.5, np.nan]),
        message_complaint=np.array([False, True, False]),
        conversation_customer=np.array([0, 0]),
        conversation_day=np.array([94.0, 2.0]),
        conversation_unanswered=np.array([True, True]),
    )


def simulate_events(customer_count, seed=0, days=720):
    """Customers buying at gamma-distributed rates until they drop out, unhappy ones sooner.

    The unhappy third complains and writes negative messages in its last two months, so the
    conversation features carry real signal, as the issue expects.
    """
    rng = np.random.default_rng(seed)
    rate = rng.gamma(1.5, 1 / 40, customer_count)
    start = rng.uniform(0, days * 0.6, customer_count)
    unhappy = rng.random(customer_count) < 0.3
    lifetime = rng.exponential(400, customer_count) * np.where(unhappy, 0.4, 1.0)
    end = np.minimum(start + lifetime, days)
    counts = rng.poisson(rate * (end - start)) + 1
    customers = np.repeat(np.arange(customer_count), counts)
    order_days = start[customers] + rng.random(len(customers)) * (end - start)[customers]
    order_days[np.r_[0, np.cumsum(counts)[:-1]]] = start
    message_customers = np.repeat(np.arange(customer_count), rng.poisson(3, customer_count))
    message_days = start[message_customers] + rng.random(len(message_customers)) * (
        days - start[message_customers]
    )
    upset = (message_days > end[message_customers] - 60) & unhappy[message_customers]
    complaint = rng.random(len(message_customers)) < np.where(upset, 0.4, 0.03)
    return churn.CustomerEvents(
        customer_count=customer_count,
        order_customer=customers,
        order_day=order_days,
        order_amount=rng.gamma(2, 50, len(customers)),
        message_customer=message_customers,
        message_day=message_days,
        message_sentiment=np.clip(rng.normal(np.where(upset, -0.5, 0.2), 0.3), -1, 1),
        message_complaint=complaint,
        conversation_customer=message_customers,
        conversation_day=message_days,
        conversation_unanswered=complaint & (rng.random(len(message_customers)) < 0.5),
    )


class TestChurnFeatures(BaseCase):
    def test_features_at_a_cutoff_by_hand(self):
        X = churn.churn_features(_hand_built_events(), 100, p_alive=[0.9, 1.0, 0.4])
        ana, bia, caio = X
        expected_ana = {
            "recency_days": 10,
            "order_count": 4,
            "orders_recent": 3,  # days 30, 60, 90 are less than 90 days old
            "frequency_change": 4,
            "monetary": np.log1p(40),
            "tenure_days": 100,
            "overdue_ratio": 10 / 30,  # own gap (90 days / 3 gaps)
            "sentiment_recent": -0.5,
            "sentiment_change": -1.0,
            "complaints_recent": 1,
            "unanswered_recent": 1,  # the day-2 conversation is too old
            "p_alive": 0.9,
        }
        for name, value in expected_ana.items():
            with self.subTest(feature=name):
                self.assertAlmostEqual(ana[FEATURE[name]], value)
        # Caio's order of day 130 is after the cutoff; one order gets the population's gap (30).
        self.assertEqual(caio[FEATURE["order_count"]], 1)
        self.assertAlmostEqual(caio[FEATURE["overdue_ratio"]], 50 / 30)
        # Bia never bought: maximal recency, zeros elsewhere, unknown sentiment is neutral.
        self.assertEqual(bia[FEATURE["recency_days"]], churn.NO_ORDER_RECENCY_DAYS)
        self.assertEqual(bia[FEATURE["sentiment_recent"]], 0.0)
        self.assertEqual(bia[FEATURE["overdue_ratio"]], 0.0)

    def test_overdue_ratio_of_a_long_lost_buyer_uses_the_real_gap(self):
        events = churn.CustomerEvents(1, np.array([0, 0]), np.array([0.0, 100.0]), np.ones(2))
        X = churn.churn_features(events, 1100, p_alive=[0.5])
        # Recency is capped at 730 days; the gap between the two orders is still 100 days.
        self.assertEqual(X[0, FEATURE["recency_days"]], churn.NO_ORDER_RECENCY_DAYS)
        self.assertAlmostEqual(X[0, FEATURE["overdue_ratio"]], churn.NO_ORDER_RECENCY_DAYS / 100)

    def test_labels_and_buyers_at_a_cutoff(self):
        events = _hand_built_events()
        self.assertEqual(churn.churn_labels(events, 100, horizon_days=30).tolist(), [1, 1, 0])
        self.assertEqual(churn.churn_labels(events, 100, horizon_days=20).tolist(), [1, 1, 1])
        self.assertEqual(churn.has_ordered(events, 40).tolist(), [True, False, False])

    def test_rows_with_dates_build_the_same_events(self):
        day0 = datetime.date(2026, 1, 1)

        def at(days):
            return day0 + datetime.timedelta(days=days)

        events = churn.CustomerEvents.from_rows(
            ["ana", "bia"],
            orders=[("ana", at(0), 10.0), ("ana", at(30), 20.0), ("zoe", at(1), 5.0)],
            messages=[("ana", datetime.datetime(2026, 1, 20, 12), None, True)],
            conversations=[("bia", at(31), True)],
        )
        self.assertEqual(events.customer_count, 2)
        self.assertEqual(events.order_customer.tolist(), [0, 0])
        self.assertEqual((events.order_day - events.order_day[0]).tolist(), [0.0, 30.0])
        self.assertAlmostEqual(events.message_day[0] - events.order_day[0], 19.5)
        X = churn.churn_features(events, at(40), p_alive=[1.0, 1.0])
        self.assertEqual(X[0, FEATURE["recency_days"]], 10)
        self.assertEqual(X[0, FEATURE["complaints_recent"]], 1)
        self.assertEqual(X[1, FEATURE["unanswered_recent"]], 1)

    def test_p_alive_is_fitted_when_not_given(self):
        events = simulate_events(3000, seed=1)
        p_alive = churn.churn_features(events, 500)[:, FEATURE["p_alive"]]
        self.assertTrue(np.all((p_alive >= 0) & (p_alive <= 1)))
        self.assertGreater(p_alive.std(), 0.05)
        # Too few buyers to fit: unknown (NaN) for buyers, 1 for customers without orders.
        np.testing.assert_array_equal(
            churn.p_alive_at(_hand_built_events(), 100), [np.nan, 1, np.nan]
        )

    def test_horizon_is_a_high_quantile_of_order_gaps(self):
        events = _hand_built_events()
        # Gaps 30, 30, 30 (Ana) and 80 (Caio): the 90th percentile is 65, inside [30, 365].
        self.assertAlmostEqual(churn.suggest_horizon(events), 65.0)
        self.assertEqual(churn.suggest_horizon(events, cutoff=10), churn.DEFAULT_GAP_DAYS)


class TestChurnModel(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.events = simulate_events(6000, seed=2)

    def test_temporal_holdout_ranks_future_churners(self):
        model = churn.temporal_holdout(self.events, 400, 520, horizon_days=120)
        self.assertEqual(model.method, "gradient_boosting")
        self.assertGreater(model.auc, 0.8)
        self.assertGreater(model.n_eval, 5000)
        logistic = churn.temporal_holdout(self.events, 400, 520, 120, method="logistic")
        self.assertEqual(logistic.method, "logistic")
        self.assertGreater(logistic.auc, 0.75)

    def test_holdout_cutoffs_must_not_overlap(self):
        with self.assertRaises(ValueError):
            churn.temporal_holdout(self.events, 400, 450, horizon_days=120)

    def test_small_data_uses_logistic_regression(self):
        X = churn.churn_features(self.events, 400)[:300]
        y = churn.churn_labels(self.events, 400, 120)[:300]
        self.assertEqual(churn.train_churn(X, y).method, "logistic")

    def test_reasons_name_the_features_that_push_risk_up(self):
        X = churn.churn_features(self.events, 520)
        y = churn.churn_labels(self.events, 520, 120)
        model = churn.train_churn(X, y, method="logistic")
        reasons = churn.top_reasons(model, X, k=3)
        self.assertEqual(len(reasons), len(X))
        known = {key for key, _label in churn.REASONS}
        self.assertTrue(all(set(row) <= known and len(row) <= 3 for row in reasons))
        complained = X[:, FEATURE["complaints_recent"]] > 0
        stale = X[:, FEATURE["recency_days"]] > 300
        with_complaint_reason = np.array(["complaints" in row for row in reasons])
        # Only customers who complained can have "complaints" as a reason.
        self.assertFalse(with_complaint_reason[~complained].any())
        self.assertGreater(with_complaint_reason[complained].mean(), 0.3)
        self.assertGreater(
            np.mean(["no_recent_orders" in reasons[i] for i in np.flatnonzero(stale)]), 0.9
        )
        self.assertEqual(churn.top_reasons(model, X[:5], k=0), [[], [], [], [], []])

    def test_one_class_labels_give_a_constant_model_and_deviation_reasons(self):
        X = churn.churn_features(self.events, 400)
        model = churn.train_churn(X, np.ones(len(X), dtype=int), X_eval=X, y_eval=np.ones(len(X)))
        self.assertEqual(model.method, "constant")
        self.assertTrue(np.isnan(model.auc))
        self.assertEqual(set(model.predict_proba(X[:10]).tolist()), {1.0})
        reasons = churn.top_reasons(model, X)
        stale = np.argmax(X[:, FEATURE["recency_days"]])
        self.assertIn("no_recent_orders", reasons[stale])

    def test_missing_feature_values_are_read_as_average(self):
        X = churn.churn_features(self.events, 400)
        y = churn.churn_labels(self.events, 400, 120)
        X[::7, FEATURE["sentiment_recent"]] = np.nan
        for method in ("logistic", "gradient_boosting"):
            with self.subTest(method=method):
                model = churn.train_churn(X, y, method=method, X_eval=X, y_eval=y)
                self.assertGreater(model.auc, 0.75)
                self.assertEqual(len(churn.top_reasons(model, X[:20])), 20)

    def test_empty_training_set_does_not_crash(self):
        X = np.zeros((0, len(churn.CHURN_FEATURES)))
        model = churn.train_churn(X, np.zeros(0))
        self.assertEqual((model.method, model.predict_proba(X).tolist()), ("constant", []))
        self.assertEqual(churn.top_reasons(model, X), [])

    def test_score_customers_blends_and_leaves_leads_out(self):
        events = _hand_built_events()
        model = churn.train_churn(
            churn.churn_features(events, 100, p_alive=[0.9, 1.0, 0.4]), [0, 1, 1], method="logistic"
        )
        probability, reasons, ordered = churn.score_customers(
            model, events, 100, p_alive=[0.9, 1.0, 0.4]
        )
        self.assertEqual(ordered.tolist(), [True, False, True])
        self.assertTrue(np.isnan(probability[1]))
        self.assertEqual(reasons[1], [])
        classifier = model.predict_proba(churn.churn_features(events, 100, p_alive=[0.9, 1.0, 0.4]))
        self.assertAlmostEqual(probability[2], 0.5 * 0.6 + 0.5 * classifier[2])


class TestBlend(BaseCase):
    def test_blend_mixes_dead_probability_and_classifier(self):
        blended = churn.blend([0.8, 0.2, np.nan, 0.5], [0.4, 0.9, 0.7, np.nan], weight=0.25)
        np.testing.assert_allclose(
            blended, [0.25 * 0.2 + 0.75 * 0.4, 0.25 * 0.8 + 0.75 * 0.9, 0.7, 0.5]
        )
