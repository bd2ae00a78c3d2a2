# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``stats/rhythm.py``: segments that know each customer's rhythm.

The regular buyer of the issue (8 orders, every 20 days, then 200 days of silence) is scored
through the whole pure pipeline (quintile RFM, BG/NBD P(alive) with the CDNOW prior, journey
stage) inside populations of different recency, and must never come out Loyal or Champions.
"""

import doctest

import numpy as np

from odoo.tests import BaseCase

from ..stats import clv, journey, rhythm
from ..stats.customer_scoring import fit_rfm_thresholds, score_rfm
from ..stats.rfm import rfm_segments

PRIOR = {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}


def _population(rng, recency_low, recency_high, size=200):
    """``size`` customers: 1 to 3 orders, the last one ``recency_low..high`` days ago."""
    customers = []
    for _index in range(size):
        count = int(rng.integers(1, 4))
        last = float(rng.integers(recency_low, recency_high))
        gap = float(rng.integers(30, 120))
        customers.append([last + gap * step for step in range(count)][::-1])
    return customers


def _score(customers, amounts):
    """Segment, stage and whether the rhythm moved it, for every customer (days ago lists)."""
    count = np.array([len(days) for days in customers], dtype=float)
    recency = [min(days) for days in customers]
    first = np.array([-max(days) for days in customers], dtype=float)
    last = np.array([-min(days) for days in customers], dtype=float)
    monetary = np.array(amounts, dtype=float) * count
    keys = list(range(len(customers)))
    fit = fit_rfm_thresholds(recency, count, monetary, keys)
    r_score, f_score, m_score = score_rfm(fit, recency, count, monetary)
    segments = rfm_segments(r_score, f_score, m_score)
    weeks = lambda days: np.asarray(days, dtype=float) / 7.0  # noqa: E731
    bg = clv.BetaGeo(**PRIOR)
    p_alive = bg.p_alive(count - 1, weeks(last - first), weeks(-first))
    gaps = rhythm.own_gaps(count, first, last)
    typical = float(np.nanmedian(gaps))
    stages = journey.customer_stages(count, recency, p_alive, gaps, default_gap_days=typical)
    overdue = rhythm.overdue_ratios(recency, gaps, typical)
    moved_segments, moved = rhythm.rhythm_segments(
        segments, count, overdue, p_alive, f_score, m_score
    )
    return segments, moved_segments, moved, stages, p_alive


class TestRhythmSegments(BaseCase):
    REGULAR = [200.0 + 20 * step for step in range(8)][::-1]  # 8 orders, 20 days apart

    def _regular_in(self, recency_low, recency_high, seed):
        rng = np.random.default_rng(seed)
        customers = _population(rng, recency_low, recency_high) + [self.REGULAR]
        amounts = list(rng.uniform(20, 200, len(customers) - 1)) + [150.0]
        segments, moved_segments, moved, stages, p_alive = _score(customers, amounts)
        return segments[-1], moved_segments[-1], bool(moved[-1]), stages[-1], p_alive[-1]

    def test_silent_regular_buyer_is_never_loyal_whatever_the_population(self):
        populations = {
            "mostly dormant": (250, 900),
            "mixed": (0, 600),
            "recent": (0, 60),
        }
        for name, (low, high) in populations.items():
            for seed in range(3):
                before, after, moved, stage, p_alive = self._regular_in(low, high, seed)
                with self.subTest(population=name, seed=seed):
                    self.assertIn(after, ("at_risk", "cannot_lose"), (before, stage))
                    self.assertEqual(stage, "lost")
                    self.assertLess(p_alive, rhythm.P_ALIVE_BELOW)
                    # Moved only where the quintile map made them look recent.
                    self.assertEqual(moved, before in rhythm.RECENT_LOOKING)

    def test_the_dormant_population_made_the_regular_buyer_look_recent(self):
        # The case of the issue: without the rhythm the quintile map says Loyal or better.
        before, after, moved, _stage, _p = self._regular_in(250, 900, seed=0)
        self.assertIn(before, ("loyal", "champions"))
        self.assertTrue(moved)
        self.assertEqual(after, "cannot_lose")  # F=5: the best buyer slipping away

    def test_a_buyer_still_in_rhythm_keeps_the_segment(self):
        rng = np.random.default_rng(3)
        on_time = [10.0 + 20 * step for step in range(8)][::-1]
        customers = _population(rng, 250, 900) + [on_time]
        _segments, moved_segments, moved, stages, _p = _score(customers, [100.0] * len(customers))
        self.assertEqual(moved_segments[-1], "champions")
        self.assertFalse(moved[-1])
        self.assertEqual(stages[-1], "loyal")

    def test_one_order_and_low_segments_are_never_moved(self):
        segments, moved = rhythm.rhythm_segments(
            ["new", "hibernating", "lost"],
            [1, 5, 5],
            [9.0, 9.0, 9.0],
            [0.01] * 3,
            [1, 3, 3],
            [1] * 3,
        )
        self.assertEqual(segments.tolist(), ["new", "hibernating", "lost"])
        self.assertFalse(moved.any())

    def test_gaps_come_from_the_order_dates_not_tenure_minus_capped_recency(self):
        # A buyer of 3 orders, 1000 and 900 days ago... recency 800: capped at 730 elsewhere.
        gaps = rhythm.own_gaps([3], [-1000.0], [-800.0])
        self.assertEqual(gaps.tolist(), [100.0])

    def test_reconcile_gives_stage_segment_risk_and_reasons_one_reading(self):
        result = rhythm.reconcile(
            np.array([8, 8, 0]),
            [200, 5, None],
            np.array([-340.0, -145.0, np.nan]),
            np.array([-200.0, -5.0, np.nan]),
            {
                "p_alive": np.array([0.05, 0.95, 0.0]),
                "rfm_segment": np.array(["loyal", "champions", "lost"], dtype=object),
                "frequency_score": np.array([4, 5, 1]),
                "monetary_score": np.array([3, 5, 1]),
                "churn_risk": ["low", "low", "low"],
                "churn_reason_keys": [["low_spend"], [], []],
            },
            60.0,
        )
        self.assertEqual(result["stage"], ["lost", "loyal", "lead"])
        self.assertEqual(result["rfm_segment"], ["at_risk", "champions", "lost"])
        self.assertEqual(result["churn_risk"], ["high", "low", "low"])
        self.assertEqual(result["churn_reason_keys"][0], ["silent_beyond_rhythm", "low_spend"])
        self.assertEqual(result["churn_reason_keys"][1:], [[], []])

    def test_module_doctests_pass(self):
        self.assertEqual(doctest.testmod(rhythm).failed, 0)
