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
