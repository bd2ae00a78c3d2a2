# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The pure pieces the customer-insight model now calls instead of re-implementing them:
vectorised churn events, the typical gap from order dates, the stored cluster fit, and the
conversation sentiment helpers."""

import doctest
import json
import sys
from datetime import date

import numpy as np

from odoo.tests import BaseCase

from ..stats import churn, clusters, customer_scoring, predict, sentiment


class TestChurnEvents(BaseCase):
    def test_rows_and_a_copy_matrix_give_the_same_events(self):
        keys = [7, 3, 11]
        orders = [(3, date(2026, 1, 1), 10.0), (9, date(2026, 1, 2), 5.0), (11, 20454.0, 2.0)]
        messages = [(7, date(2026, 2, 1), None, True), (3, date(2026, 2, 2), 0.5, False)]
        from_rows = churn.CustomerEvents.from_rows(keys, orders, messages)
        epoch = date(1970, 1, 1)
        matrix = np.array(
            [[3, (date(2026, 1, 1) - epoch).days, 10.0], [9, 1.0, 5.0], [11, 20454.0, 2.0]]
        )
        message_matrix = np.array(
            [[7, (date(2026, 2, 1) - epoch).days, np.nan, 1], [3, 20486, 0.5, 0]], dtype=float
        )
        from_matrix = churn.CustomerEvents.from_rows(keys, matrix, message_matrix)
        for name in ("order_customer", "order_day", "order_amount", "message_customer"):
            np.testing.assert_array_equal(getattr(from_rows, name), getattr(from_matrix, name))
        np.testing.assert_array_equal(from_rows.message_complaint, [True, False])
        np.testing.assert_array_equal(from_matrix.message_complaint, [True, False])
        self.assertEqual(from_rows.order_customer.tolist(), [1, 2])  # key 9 is unknown
        self.assertTrue(np.isnan(from_matrix.message_sentiment[0]))

    def test_typical_gap_holds_for_buyers_older_than_the_recency_cap(self):
        # Orders 1000 days apart, the last one 1500 days ago: tenure - capped recency would
        # give (2500 - 730) / 1 = 1770 days; the dates say 1000.
        events = churn.CustomerEvents.from_rows(
            [1, 2], orders=[(1, 0.0, 1.0), (1, 1000.0, 1.0), (2, 2400.0, 1.0), (2, 2410.0, 1.0)]
        )
        self.assertEqual(churn.typical_gap(events, 2500.0), (1000.0 + 10.0) / 2)

    def test_stored_gap_scores_one_order_customers_like_the_whole_population(self):
        events = churn.CustomerEvents.from_rows(
            [1, 2, 3],
            orders=[(1, 0.0, 1.0), (1, 30.0, 1.0), (1, 60.0, 1.0), (2, 10.0, 1.0), (3, 5.0, 1.0)],
        )
        column = churn.CHURN_FEATURES.index("overdue_ratio")
        whole = churn.churn_features(events, 100.0, p_alive=np.ones(3))
        gap = churn.typical_gap(events, 100.0)
        alone = churn.CustomerEvents.from_rows([2], orders=[(2, 10.0, 1.0)])
        scored = churn.churn_features(alone, 100.0, p_alive=np.ones(1), default_gap_days=gap)
        self.assertEqual(scored[0, column], whole[1, column])


class TestStoredClusters(BaseCase):
    def test_a_stored_fit_assigns_like_the_fitted_result(self):
        rng = np.random.default_rng(0)
        features = np.vstack([rng.normal(0, 1, (40, 3)), rng.normal(6, 1, (40, 3))])
        result = clusters.cluster_customers(features, ["a", "b", "c"], k_range=[2])
        stored = json.loads(json.dumps(result.to_dict()))
        again = clusters.ClusterResult.from_dict(stored)
        np.testing.assert_array_equal(again.assign(features), result.assign(features))
        self.assertEqual(again.feature_names, ["a", "b", "c"])
        self.assertEqual(
            [profile["label"] for profile in again.profiles],
            [profile["label"] for profile in result.profiles],
        )


class TestConversationHelpers(BaseCase):
    def test_doctests_of_the_moved_helpers(self):
        finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner()
        for function in (
            sentiment.sentiment_label,
            sentiment.sentiment_trend,
            predict.predict_unique,
            churn.typical_gap,
            churn.event_columns,
            churn.CustomerEvents.from_rows,
            clusters.ClusterResult.to_dict,
            customer_scoring.churn_risk,
        ):
            module = sys.modules[function.__module__]
            for test in finder.find(function, function.__name__, globs=dict(vars(module))):
                runner.run(test)
        self.assertEqual(runner.summarize(verbose=False).failed, 0)
