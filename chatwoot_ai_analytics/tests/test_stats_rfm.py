# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``stats/rfm.py``: quintile scores, ties, tiny populations, segments.

The module is loaded by file path, so these tests also run without Odoo:
``python3 -m pytest -p no:odoo chatwoot_ai_analytics/tests/test_stats_rfm.py``.
"""

import doctest
import itertools
from collections import Counter

import numpy as np

from odoo.tests import BaseCase

from ..stats import rfm


def _scores_by_key(rows):
    return {
        score.customer_key: (score.recency_score, score.frequency_score, score.monetary_score)
        for score in rfm.rfm_scores(rows)
    }


class TestQuintileScores(BaseCase):
    def test_recency_is_reversed_and_frequency_monetary_are_not(self):
        rows = [(key, 100 - 20 * key, 2 + key, 10.0 * (key + 1)) for key in range(5)]
        scores = _scores_by_key(rows)
        self.assertEqual([scores[key] for key in range(5)], [(k, k, k) for k in range(1, 6)])

    def test_large_population_gets_equal_fifths(self):
        rows = [(key, key % 97, 2 + key % 13, float(key % 31)) for key in range(1000)]
        recency_counts = Counter(score.recency_score for score in rfm.rfm_scores(rows))
        self.assertEqual(recency_counts, {score: 200 for score in range(1, 6)})

    def test_heavy_ties_are_broken_by_customer_key(self):
        rows = [(f"c{key:03d}", 30, 2, 50.0) for key in range(100)]
        scores = _scores_by_key(rows)
        counts = Counter(recency for recency, _frequency, _monetary in scores.values())
        self.assertEqual(counts, {score: 20 for score in range(1, 6)})
        # Ties go to the customer key order: the lowest keys rank lowest on every dimension.
        self.assertEqual(scores["c000"][1:], (1, 1))
        self.assertEqual(scores["c099"][1:], (5, 5))

    def test_scores_do_not_depend_on_row_order(self):
        rng = np.random.default_rng(3)
        rows = [
            (int(key), int(rng.integers(0, 30)), int(rng.integers(1, 4)), float(rng.integers(1, 5)))
            for key in range(500)
        ]
        shuffled = [rows[index] for index in rng.permutation(len(rows))]
        self.assertEqual(_scores_by_key(rows), _scores_by_key(shuffled))

    def test_mixed_key_types_are_ordered_deterministically(self):
        rows = [("ana@example.com", 5, 2, 10.0), (42, 5, 2, 10.0), (7, 5, 2, 10.0)]
        self.assertEqual(_scores_by_key(rows), _scores_by_key(list(reversed(rows))))

    def test_single_customer_scores_in_the_middle(self):
        self.assertEqual(_scores_by_key([("ana", 10, 3, 99.0)]), {"ana": (3, 3, 3)})

    def test_tiny_populations_spread_around_the_middle(self):
        two = _scores_by_key([("a", 50, 2, 10.0), ("b", 5, 4, 90.0)])
        self.assertEqual(two, {"a": (2, 2, 2), "b": (4, 4, 4)})
        four = _scores_by_key([(key, 40 - 10 * key, 2 + key, 1.0 + key) for key in range(4)])
        self.assertEqual([four[key][0] for key in range(4)], [1, 2, 4, 5])

    def test_empty_input_gives_no_scores(self):
        self.assertEqual(rfm.rfm_scores([]), [])

    def test_large_population_is_scored(self):
        rng = np.random.default_rng(11)
        count = 100_000
        rows = list(
            zip(
                range(count),
                rng.integers(0, 720, count).tolist(),
                rng.geometric(0.5, count).tolist(),
                rng.gamma(2.0, 50.0, count).tolist(),
                strict=True,
            )
        )
        scores = rfm.rfm_scores(rows)
        self.assertEqual(len(scores), count)
        self.assertEqual({score.segment for score in scores} - set(rfm.SEGMENT_KEYS), set())


class TestOneOrderAndNoOrderCustomers(BaseCase):
    def _segments(self, rows):
        return {score.customer_key: score.segment for score in rfm.rfm_scores(rows)}

    def test_one_recent_order_is_new_and_one_old_order_is_lost(self):
        rows = [("fresh", 1, 1, 40.0), ("old", 400, 1, 40.0)]
        rows += [(f"regular{key}", 30 + key, 2 + key % 5, 100.0) for key in range(20)]
        segments = self._segments(rows)
        self.assertEqual((segments["fresh"], segments["old"]), ("new", "lost"))

    def test_one_order_customers_all_score_frequency_one(self):
        rows = [(key, key, 1, 10.0) for key in range(50)] + [(99, 3, 4, 10.0)]
        scores = _scores_by_key(rows)
        self.assertEqual({scores[key][1] for key in range(50)}, {1})

    def test_customer_without_orders_is_lost_and_does_not_shift_buyers(self):
        buyers = [(key, 10 * key, 5 - key, 10.0 * (5 - key)) for key in range(5)]
        prospects = [("prospect", None, 0, 0.0), ("zero", 0, 0, None)]
        scores = _scores_by_key(buyers + prospects)
        self.assertEqual(scores["prospect"], (1, 1, 1))
        self.assertEqual(self._segments(prospects)["zero"], "lost")
        self.assertEqual({key: scores[key] for key in range(5)}, _scores_by_key(buyers))


class TestSegments(BaseCase):
    def test_segment_keys_are_the_published_selection(self):
        self.assertEqual(
            [key for key, _label in rfm.SEGMENTS],
            [
                "champions",
                "loyal",
                "potential_loyalist",
                "new",
                "promising",
                "need_attention",
                "about_to_sleep",
                "at_risk",
                "cannot_lose",
                "hibernating",
                "lost",
            ],
        )

    def test_every_score_triple_has_a_segment_and_every_segment_is_reachable(self):
        grid = itertools.product(range(1, 6), repeat=3)
        reached = {rfm.rfm_segment(*scores) for scores in grid}
        self.assertEqual(reached, set(rfm.SEGMENT_KEYS))

    def test_every_segment_is_reached_from_raw_customer_rows(self):
        # 25 customers, one per (recency quintile i, frequency quintile j) cell of the RF grid.
        rows = [
            (f"r{i}f{j}", 100 * (4 - i) + j, 2 + 10 * j + i, 1.0 + 5 * i + j)
            for i, j in itertools.product(range(5), range(5))
        ]
        segments = {score.segment for score in rfm.rfm_scores(rows)}
        self.assertEqual(segments, set(rfm.SEGMENT_KEYS))

    def test_every_segment_has_a_crafted_score(self):
        crafted = {
            "champions": (5, 5, 1),
            "loyal": (3, 4, 2),
            "potential_loyalist": (4, 2, 3),
            "new": (5, 1, 1),
            "promising": (4, 1, 1),
            "need_attention": (3, 3, 3),
            "about_to_sleep": (3, 2, 2),
            "at_risk": (2, 4, 4),
            "cannot_lose": (1, 4, 5),
            "hibernating": (2, 1, 1),
            "lost": (1, 2, 1),
        }
        for segment, scores in crafted.items():
            with self.subTest(segment=segment):
                self.assertEqual(rfm.rfm_segment(*scores), segment)

    def test_vectorised_segments_match_single_lookup(self):
        grid = np.array(list(itertools.product(range(1, 6), repeat=3))).T
        expected = [rfm.rfm_segment(*scores) for scores in grid.T.tolist()]
        self.assertEqual(rfm.rfm_segments(*grid).tolist(), expected)

    def test_out_of_range_score_is_rejected(self):
        with self.assertRaises(ValueError):
            rfm.rfm_segment(0, 3, 3)


class TestRfmDoctests(BaseCase):
    def test_module_doctests_pass(self):
        result = doctest.testmod(rfm, optionflags=doctest.NORMALIZE_WHITESPACE)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)
