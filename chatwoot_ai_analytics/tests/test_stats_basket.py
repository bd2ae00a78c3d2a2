# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``stats/basket.py``: pair support, confidence and lift by hand."""

import doctest
import itertools
from collections import Counter

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import BaseCase

from ..stats import basket

# Five baskets: o1 {A, B, C}, o2 {A, B}, o3 {A, C}, o4 {B, D}, o5 {D}; "A" twice on o1's lines.
LINES = [
    ("o1", "A"),
    ("o1", "B"),
    ("o1", "C"),
    ("o1", "A"),
    ("o2", "A"),
    ("o2", "B"),
    ("o3", "A"),
    ("o3", "C"),
    ("o4", "B"),
    ("o4", "D"),
    ("o5", "D"),
]


def _rules(lines=None, **kwargs):
    orders, products = zip(*(LINES if lines is None else lines), strict=True)
    return {(p.product, p.other): p for p in basket.bought_together(orders, products, **kwargs)}


def _brute_force_rules(lines):
    baskets = {}
    for order, product in lines:
        baskets.setdefault(order, set()).add(product)
    item_counts = Counter(product for items in baskets.values() for product in items)
    pair_counts = Counter(
        pair for items in baskets.values() for pair in itertools.permutations(sorted(items), 2)
    )
    total = len(baskets)
    return {
        (a, b): (n / total, n / item_counts[a], n / item_counts[a] / (item_counts[b] / total), n)
        for (a, b), n in pair_counts.items()
    }


class TestBoughtTogether(BaseCase):
    def test_hand_computed_support_confidence_and_lift(self):
        rules = _rules(min_pairs=1)
        expected = {
            # (support, confidence, lift, count); counts A=3 B=3 C=2 D=2 over N=5 orders.
            ("A", "B"): (0.4, 2 / 3, 10 / 9, 2),
            ("B", "A"): (0.4, 2 / 3, 10 / 9, 2),
            ("A", "C"): (0.4, 2 / 3, 5 / 3, 2),
            ("C", "A"): (0.4, 1.0, 5 / 3, 2),
            ("B", "C"): (0.2, 1 / 3, 5 / 6, 1),
            ("C", "B"): (0.2, 1 / 2, 5 / 6, 1),
            ("B", "D"): (0.2, 1 / 3, 5 / 6, 1),
            ("D", "B"): (0.2, 1 / 2, 5 / 6, 1),
        }
        self._assert_rules_equal(rules, expected)

    def _assert_rules_equal(self, rules, expected):
        self.assertEqual(set(rules), set(expected))
        for key, (support, confidence, lift, count) in expected.items():
            with self.subTest(rule=key):
                rule = rules[key]
                self.assertAlmostEqual(rule.support, support)
                self.assertAlmostEqual(rule.confidence, confidence)
                self.assertAlmostEqual(rule.lift, lift)
                self.assertEqual(rule.count, count)

    def test_min_pairs_and_min_support_drop_rare_pairs(self):
        self.assertEqual(set(_rules(min_pairs=2)), {("A", "B"), ("B", "A"), ("A", "C"), ("C", "A")})
        self.assertEqual(set(_rules(min_pairs=1, min_support=0.3)), set(_rules(min_pairs=2)))

    def test_rules_are_grouped_by_product_best_lift_first_and_cut_by_top_n(self):
        orders, products = zip(*LINES, strict=True)
        pairs = basket.bought_together(orders, products, min_pairs=1)
        self.assertEqual(
            [(p.product, p.other) for p in pairs],
            [
                ("A", "C"),
                ("A", "B"),
                ("B", "A"),
                ("B", "C"),
                ("B", "D"),
                ("C", "A"),
                ("C", "B"),
                ("D", "B"),
            ],
        )
        top = basket.bought_together(orders, products, min_pairs=1, top_n=1)
        self.assertEqual(
            [(p.product, p.other) for p in top], [("A", "C"), ("B", "A"), ("C", "A"), ("D", "B")]
        )

    def test_random_baskets_match_brute_force_counting(self):
        rng = np.random.default_rng(5)
        orders, products = rng.integers(0, 300, 2000), rng.zipf(1.6, 2000)
        lines = list(zip(orders.tolist(), products.tolist(), strict=True))
        self._assert_rules_equal(_rules(lines, min_pairs=1), _brute_force_rules(lines))

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 6)), max_size=60))
    def test_any_baskets_match_brute_force_counting(self, lines):
        rules = _rules(lines, min_pairs=1) if lines else {}
        expected = _brute_force_rules(lines)
        self.assertEqual(set(rules), set(expected))
        for key, (support, confidence, lift, count) in expected.items():
            self.assertEqual(rules[key].count, count)
            self.assertAlmostEqual(rules[key].support, support)
            self.assertAlmostEqual(rules[key].confidence, confidence)
            self.assertAlmostEqual(rules[key].lift, lift)

    def test_empty_input_and_single_product_orders_give_no_pairs(self):
        self.assertEqual(basket.bought_together([], []), [])
        self.assertEqual(basket.bought_together([1, 2, 3], [7, 7, 8], min_pairs=1), [])

    def test_mismatched_lengths_are_rejected(self):
        with self.assertRaises(ValueError):
            basket.bought_together([1, 2], [1])

    def test_module_doctests_pass(self):
        result = doctest.testmod(basket, optionflags=doctest.NORMALIZE_WHITESPACE)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)


class TestBasketCountsByBlock(BaseCase):
    """Counts kept per block of orders: what a refresh recounts when only a block changed."""

    @settings(max_examples=40, deadline=None)
    @given(
        st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)), max_size=80),
        st.integers(1, 15),
    )
    def test_blocks_counted_apart_give_the_rules_of_one_count(self, lines, block_size):
        orders = np.array([order for order, _product in lines], dtype=np.int64)
        products = np.array([product for _order, product in lines], dtype=np.int64)
        blocks = orders // block_size
        parts = [
            basket.counts_from_bytes(
                basket.counts_to_bytes(
                    basket.basket_counts(orders[blocks == block], products[blocks == block])
                )
            )
            for block in np.unique(blocks)
        ]
        merged = basket.merge_counts(parts)
        whole = basket.basket_counts(orders, products)
        self.assertEqual(merged.order_count, whole.order_count)
        self.assertEqual(merged.products.tolist(), whole.products.tolist())
        self.assertEqual((merged.pairs != whole.pairs).nnz, 0)
        self.assertEqual(
            basket.rules_from_counts(merged, min_pairs=1, top_n=3),
            basket.bought_together(orders, products, min_pairs=1, top_n=3),
        )

    def test_a_recounted_block_replaces_its_old_count(self):
        orders, products = zip(*[(1, 7), (1, 8), (2, 7), (3, 8), (3, 9)], strict=True)
        old = basket.basket_counts(orders[:3], products[:3])
        # Order 2 gained product 8 since: only its block is counted again.
        new = basket.basket_counts([1, 1, 2, 2], [7, 8, 7, 8])
        rest = basket.basket_counts(orders[3:], products[3:])
        merged = basket.merge_counts([new, rest])
        self.assertEqual(merged.order_count, 3)
        self.assertEqual(merged.pairs[0, 1], 2)  # 7 and 8 together in orders 1 and 2
        self.assertEqual(basket.merge_counts([old, rest]).pairs[0, 1], 1)

    def test_no_orders_count_as_nothing(self):
        empty = basket.merge_counts([basket.basket_counts([], [])])
        self.assertEqual(empty.order_count, 0)
        self.assertEqual(basket.rules_from_counts(empty), [])
        again = basket.counts_from_bytes(basket.counts_to_bytes(empty))
        self.assertEqual((again.order_count, again.pairs.shape), (0, (0, 0)))
