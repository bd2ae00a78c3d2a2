# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``stats/customer_scoring.py``: stored RFM thresholds.

The thresholds must score a population as :func:`rfm.rfm_scores` ranks it (up to ties, which
they score alike), and score any subset of it exactly as they score the whole population: that
is what makes an incremental refresh agree with a full one.
"""

import doctest

import numpy as np

from odoo.tests import BaseCase

from ..stats import customer_scoring, rfm


def _population(size, seed=7):
    rng = np.random.default_rng(seed)
    recency = rng.integers(0, 720, size).tolist()
    frequency = rng.integers(1, 12, size).tolist()
    monetary = np.round(rng.gamma(2.0, 150.0, size), 2).tolist()
    return list(range(size)), recency, frequency, monetary


class TestRfmThresholds(BaseCase):
    def test_thresholds_reproduce_the_ranked_scores_without_ties(self):
        keys = list(range(200))
        recency = list(range(0, 400, 2))
        frequency = [2 + key for key in keys]
        monetary = [10.0 * (key + 1) for key in keys]
        fit = customer_scoring.fit_rfm_thresholds(recency, frequency, monetary, keys)
        ranked = rfm.rfm_scores(zip(keys, recency, frequency, monetary, strict=True))
        scored = customer_scoring.score_rfm(fit, recency, frequency, monetary)
        for dimension, attribute in enumerate(
            ("recency_score", "frequency_score", "monetary_score")
        ):
            self.assertEqual(scored[dimension].tolist(), [getattr(s, attribute) for s in ranked])

    def test_thresholds_are_those_of_the_ranked_scores_with_ties_and_non_buyers(self):
        keys, recency, frequency, monetary = _population(3000, seed=11)
        keys = [7919 * key % 3001 for key in keys]  # distinct, not in row order
        for position in range(0, 3000, 7):
            recency[position], frequency[position] = None, 0
        fit = customer_scoring.fit_rfm_thresholds(recency, frequency, monetary, keys)
        rows = [
            row
            for row in zip(keys, recency, frequency, monetary, strict=True)
            if row[2] and row[1] is not None
        ]
        ranked = rfm.rfm_scores(rows)
        expected = {
            name: customer_scoring._thresholds(
                [sign * row[column] for row in rows], [getattr(s, attribute) for s in ranked]
            )
            for name, column, sign, attribute in (
                ("recency", 1, -1, "recency_score"),
                ("frequency", 2, 1, "frequency_score"),
                ("monetary", 3, 1, "monetary_score"),
            )
        }
        self.assertEqual(fit, expected)

    def test_equal_values_get_equal_scores(self):
        keys, recency, frequency, monetary = _population(500)
        fit = customer_scoring.fit_rfm_thresholds(recency, frequency, monetary, keys)
        _r_score, f_score, _m_score = customer_scoring.score_rfm(fit, recency, frequency, monetary)
        by_frequency = {}
        for count, score in zip(frequency, f_score.tolist(), strict=True):
            by_frequency.setdefault(count, set()).add(score)
        self.assertTrue(all(len(scores) == 1 for scores in by_frequency.values()))
        self.assertEqual(set(f_score[np.asarray(frequency) == 1].tolist()), {1})

    def test_a_subset_scores_as_within_the_whole_population(self):
        keys, recency, frequency, monetary = _population(1000)
        fit = customer_scoring.fit_rfm_thresholds(recency, frequency, monetary, keys)
        everyone = np.column_stack(customer_scoring.score_rfm(fit, recency, frequency, monetary))
        subset = [3, 50, 51, 400, 999]
        some = np.column_stack(
            customer_scoring.score_rfm(
                fit,
                [recency[i] for i in subset],
                [frequency[i] for i in subset],
                [monetary[i] for i in subset],
            )
        )
        self.assertEqual(some.tolist(), everyone[subset].tolist())

    def test_customers_without_orders_score_one_and_values_above_the_top_score_five(self):
        fit = customer_scoring.fit_rfm_thresholds([5, 50], [3, 2], [100.0, 20.0], [1, 2])
        scores = customer_scoring.score_rfm(fit, [None, 0], [0, 99], [0.0, 10_000.0])
        self.assertEqual([score.tolist() for score in scores], [[1, 4], [1, 4], [1, 4]])
        self.assertEqual(rfm.rfm_segments(*scores).tolist(), ["lost", rfm.rfm_segment(4, 4, 4)])


class TestCustomerScoringDoctests(BaseCase):
    def test_module_doctests_pass(self):
        result = doctest.testmod(customer_scoring, optionflags=doctest.NORMALIZE_WHITESPACE)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)


def _orders_by_customer(matrix):
    """Reference: the orders of each customer key, as (day, amount) lists, key order."""
    orders = {}
    for key, day, amount in matrix.tolist():
        orders.setdefault(int(key), []).append((day, amount))
    return dict(sorted(orders.items()))


class TestOrderSummary(BaseCase):
    """:func:`customer_scoring.order_summary` and :func:`customer_scoring.customer_arrays`:
    the per-customer order figures the SQL used to compute, from one read of the orders."""

    def _random_orders(self, seed=3, customers=300, orders=2500):
        rng = np.random.default_rng(seed)
        keys = rng.integers(1, customers, orders) * 7  # sparse, unsorted keys
        days = rng.integers(19000, 20500, orders).astype(float)
        amounts = np.round(rng.gamma(2.0, 60.0, orders), 2)
        return np.column_stack([keys, days, amounts])

    def test_summary_matches_a_row_by_row_reference(self):
        matrix = self._random_orders()
        unit = customer_scoring.TIME_UNIT_DAYS
        summary = customer_scoring.order_summary(matrix[:, 0], matrix[:, 1], matrix[:, 2], unit)
        reference = _orders_by_customer(matrix)
        self.assertEqual(summary["customer_id"].tolist(), list(reference))
        for row, events in enumerate(reference.values()):
            first = min(day for day, _amount in events)
            periods = {int(day - first) // unit for day, _amount in events}
            self.assertEqual(summary["orders"][row], len(events))
            self.assertEqual(summary["first_day"][row], first)
            self.assertEqual(summary["last_day"][row], max(day for day, _amount in events))
            self.assertEqual(summary["repeat_periods"][row], len(periods) - 1)
            # Cents summed exactly, as PostgreSQL's numeric sum gave them.
            total = sum(round(amount * 100) for _day, amount in events) / 100
            repeat = sum(round(a * 100) for day, a in events if day - first >= unit) / 100
            self.assertEqual(summary["amount"][row], total)
            self.assertEqual(summary["repeat_amount"][row], repeat)

    def test_equal_spends_sum_to_equal_floats(self):
        # 0.1 + 0.2 and 0.3 are different floats; two customers spending 0.30 must tie.
        summary = customer_scoring.order_summary(
            np.array([1, 1, 2]), np.array([5.0, 6.0, 5.0]), np.array([0.1, 0.2, 0.3])
        )
        self.assertEqual(summary["amount"][0], summary["amount"][1])

    def test_no_orders_gives_empty_arrays(self):
        summary = customer_scoring.order_summary(np.zeros(0), np.zeros(0), np.zeros(0))
        self.assertEqual(
            {key: len(values) for key, values in summary.items()}, dict.fromkeys(summary, 0)
        )

    def test_customers_are_the_buyers_and_the_message_senders_in_key_order(self):
        day = 20000.0
        orders = np.array([[30, day, 100.0], [10, day - 40, 50.0], [30, day - 20, 20.0]])
        nan = np.nan
        aggregates = np.array(
            [
                # key, categories, refunds, messages, complaints, recent, before, unanswered, chan
                [10, 2, -10.0, 0, 0, nan, nan, 1, 1],  # buyer, refunded, no message
                [20, 0, nan, 3, 1, -0.5, 0.25, 0, 2],  # messages only: a lead
                [25, 0, nan, 0, 0, nan, nan, 1, 1],  # a conversation only: not a customer
            ]
        )
        today = customer_scoring.date.fromordinal(int(day) + customer_scoring.EPOCH_ORDINAL + 5)
        data = customer_scoring.customer_arrays(orders, aggregates, today)
        self.assertEqual(data["customer_id"].tolist(), [10, 20, 30])
        self.assertEqual(data["frequency"].tolist(), [1, 0, 2])
        self.assertEqual(data["recency_days"], [45, None, 5])
        self.assertEqual(data["monetary"].tolist(), [40.0, 0.0, 120.0])
        self.assertEqual(data["avg_order_value"].tolist(), [50.0, 0.0, 60.0])
        self.assertEqual(data["first_day"][1], None)
        self.assertEqual((data["last_day"][2] - data["first_day"][2]).days, 20)
        self.assertEqual(data["btyd_frequency"].tolist(), [0.0, 0.0, 1.0])
        self.assertEqual(data["category_count"].tolist(), [2, 0, 0])
        self.assertEqual(data["message_count"].tolist(), [0, 3, 0])
        self.assertEqual(data["complaint_count"].tolist(), [0, 1, 0])
        self.assertEqual(data["unanswered_count"].tolist(), [1, 0, 0])
        self.assertEqual(data["channel_count"].tolist(), [1, 2, 0])
        self.assertEqual(data["sentiment_recent"].tolist(), [0.0, -0.5, 0.0])
        self.assertEqual(data["sentiment_trend"].tolist(), [0.0, -0.75, 0.0])

    def test_empty_shop_gives_no_customer(self):
        data = customer_scoring.customer_arrays(
            np.zeros((0, 3)), np.zeros((0, len(customer_scoring.AGGREGATE_COLUMNS))),
            customer_scoring.date(2026, 1, 1),
        )  # fmt: skip
        self.assertEqual(len(data["customer_id"]), 0)
        self.assertEqual(data["recency_days"], [])
