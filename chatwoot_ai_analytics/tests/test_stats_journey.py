# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``stats/journey.py``: stage rules, monthly stages and transitions."""

import doctest

import numpy as np

from odoo.tests import BaseCase

from ..stats import journey


class TestCustomerStages(BaseCase):
    def test_each_stage_from_hand_built_customers(self):
        stages = journey.customer_stages(
            order_count=[0, 1, 2, 5, 5, 5, 3, 1],
            days_since_last_order=[None, 20, 25, 10, 50, 100, 5, 400],
            p_alive=[None, None, 0.9, 0.95, None, None, 0.1, None],
            typical_gap_days=[None, None, 20, 30, 30, 30, 10, None],
        )
        self.assertEqual(
            stages.tolist(),
            [
                "lead",
                "first_purchase",  # 20 days vs the median known gap (30): not overdue
                "repeat",
                "loyal",
                "at_risk",  # 50 / 30 = 1.7 times their usual gap
                "lost",  # 100 / 30 = 3.3 times their usual gap
                "lost",  # recent, but P(alive) 0.1
                "lost",  # one order, 400 days ago
            ],
        )

    def test_thresholds_are_configurable(self):
        self.assertEqual(journey.customer_stage(3, 1, loyal_min_orders=3), "loyal")
        self.assertEqual(
            journey.customer_stage(2, 40, typical_gap_days=20, at_risk_factor=3.0), "repeat"
        )
        self.assertEqual(journey.customer_stage(1, 100, default_gap_days=200), "first_purchase")

    def test_no_known_gap_falls_back_to_ninety_days(self):
        stages = journey.customer_stages([1, 1, 1], [80, 140, 300])
        self.assertEqual(stages.tolist(), ["first_purchase", "at_risk", "lost"])

    def test_zero_order_customer_is_a_lead_whatever_else_is_known(self):
        self.assertEqual(journey.customer_stage(0, 500, p_alive=0.01), "lead")
        self.assertEqual(journey.customer_stage(None, None), "lead")

    def test_stage_keys_are_the_published_selection(self):
        self.assertEqual([key for key, _label in journey.STAGE_LABELS], list(journey.STAGES))
        self.assertEqual(
            journey.STAGES, ("lead", "first_purchase", "repeat", "loyal", "at_risk", "lost")
        )


class TestMonthlyStagesAndTransitions(BaseCase):
    def test_monthly_stages_follow_the_order_history(self):
        # Month ends at days 30, 60, 90, 120, 150, 240. Ana buys on days 10, 40, 70, 100 then stops;
        # Bia buys once on day 50; Caio never buys.
        codes = [0, 0, 0, 0, 1]
        days = [10, 40, 70, 100, 50]
        matrix = journey.monthly_stages(codes, days, 3, [30, 60, 90, 120, 150, 240])
        self.assertEqual(
            matrix[0].tolist(),
            ["first_purchase", "repeat", "repeat", "loyal", "at_risk", "lost"],
        )
        self.assertEqual(matrix[1].tolist()[:3], ["lead", "first_purchase", "first_purchase"])
        self.assertEqual(matrix[2].tolist(), ["lead"] * 6)

    def test_transitions_from_the_matrix_count_moves_per_month(self):
        matrix = journey.monthly_stages(
            [0, 0, 0, 0, 1], [10, 40, 70, 100, 50], 3, [30, 60, 90, 120, 150, 240]
        )
        months = ["m1", "m2", "m3", "m4", "m5", "m6"]
        transitions = journey.transitions_from_matrix(matrix, months)
        self.assertIn(("m2", "first_purchase", "repeat", 1), transitions)
        self.assertIn(("m2", "lead", "first_purchase", 1), transitions)
        self.assertIn(("m5", "loyal", "at_risk", 1), transitions)
        self.assertNotIn("m1", [month for month, *_rest in transitions])
        # With unchanged stages included every customer counts in every later month.
        with_same = journey.transitions_from_matrix(matrix, months, include_same=True)
        self.assertEqual(sum(count for *_key, count in with_same), 3 * 5)

    def test_transitions_from_snapshot_rows_match_the_matrix(self):
        rng = np.random.default_rng(3)
        codes = rng.integers(0, 200, 1500)
        days = rng.uniform(0, 360, 1500)
        month_ends = [30 * month for month in range(1, 13)]
        matrix = journey.monthly_stages(codes, days, 200, month_ends)
        rows = [
            (customer, month_end, matrix[customer, column])
            for customer in range(200)
            for column, month_end in enumerate(month_ends)
        ]
        rows.reverse()  # snapshot order must not matter
        self.assertEqual(
            journey.stage_transitions(rows), journey.transitions_from_matrix(matrix, month_ends)
        )

    def test_empty_and_single_snapshot_inputs(self):
        self.assertEqual(journey.stage_transitions([]), [])
        self.assertEqual(journey.stage_transitions([("ana", "2026-01", "loyal")]), [])
        self.assertEqual(
            journey.transitions_from_matrix(np.empty((0, 3), dtype=object), [1, 2, 3]), []
        )
        self.assertEqual(journey.monthly_stages([], [], 0, [30]).shape, (0, 1))

    def test_module_doctests_pass(self):
        result = doctest.testmod(journey, optionflags=doctest.NORMALIZE_WHITESPACE)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)
