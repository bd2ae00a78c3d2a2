# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``stats/clusters.py``: k by silhouette, readable labels, determinism."""

import doctest

import numpy as np

from odoo.tests import BaseCase

from ..stats import clusters

NAMES = ["recency_days", "frequency", "monetary"]


def _three_groups(rng, sizes=(300, 200, 100)):
    """Recent frequent big spenders, lapsed one-timers and a middle group, well separated."""
    centres = np.array([[10.0, 12.0, 2000.0], [300.0, 1.0, 40.0], [90.0, 4.0, 300.0]])
    spread = np.array([3.0, 1.0, 100.0])
    groups = np.repeat(np.arange(3), sizes)
    features = centres[groups] + rng.normal(size=(len(groups), 3)) * spread
    return np.abs(features), groups


class TestClusterCustomers(BaseCase):
    def test_separated_groups_are_found_with_k_by_silhouette(self):
        features, groups = _three_groups(np.random.default_rng(1))
        result = clusters.cluster_customers(features, NAMES)
        self.assertEqual(result.k, 3)
        self.assertGreater(result.silhouette, 0.5)
        # Clusters are numbered by size, and the groups have sizes 300, 200 and 100.
        np.testing.assert_array_equal(result.labels, groups)
        self.assertEqual([profile["size"] for profile in result.profiles], [300, 200, 100])

    def test_profiles_get_readable_labels_from_high_and_low_means(self):
        features, _groups = _three_groups(np.random.default_rng(2))
        profiles = clusters.cluster_customers(features, NAMES).profiles
        first, second = profiles[0], profiles[1]
        self.assertIn(
            first["label"], {"Frequent buyers, high spenders", "High spenders, frequent buyers"}
        )
        self.assertEqual({direction for _f, direction, _z in first["traits"]}, {"high", "low"})
        self.assertIn("Lapsed buyers", second["label"])
        self.assertAlmostEqual(second["means"]["frequency"], 1.0, delta=0.3)
        self.assertLess(second["z_means"]["monetary"], -0.5)

    def test_labels_are_translated_phrase_by_phrase(self):
        pt_br = {"frequent buyers": "compradores frequentes", "high spenders": "gastam muito"}
        traits = [("frequency", "high", 1.2), ("monetary", "high", 0.9), ("tenure", "low", -0.7)]
        label = clusters.profile_label(traits, translate=lambda text: pt_br.get(text, text))
        self.assertEqual(label, "Compradores frequentes, gastam muito")
        self.assertEqual(clusters.profile_label([("frequency", "low", -1.0)]), "One-time buyers")

    def test_unknown_feature_names_are_spelled_out(self):
        rng = np.random.default_rng(3)
        features = np.r_[rng.normal(0, 0.1, (50, 1)), rng.normal(5, 0.1, (50, 1))]
        labels = [
            p["label"] for p in clusters.cluster_customers(features, ["loyalty_points"]).profiles
        ]
        self.assertEqual(sorted(labels), ["High loyalty points", "Low loyalty points"])

    def test_same_input_gives_same_clusters_whatever_the_row_order(self):
        features, _groups = _three_groups(np.random.default_rng(4))
        first = clusters.cluster_customers(features, NAMES, seed=7)
        again = clusters.cluster_customers(features, NAMES, seed=7)
        np.testing.assert_array_equal(first.labels, again.labels)
        permutation = np.random.default_rng(5).permutation(len(features))
        shuffled = clusters.cluster_customers(features[permutation], NAMES, seed=7)
        np.testing.assert_array_equal(shuffled.labels, first.labels[permutation])

    def test_sample_choice_of_k_still_labels_every_customer(self):
        features, groups = _three_groups(np.random.default_rng(6), sizes=(3000, 2000, 1000))
        result = clusters.cluster_customers(features, NAMES, sample=500)
        self.assertEqual(result.k, 3)
        np.testing.assert_array_equal(result.labels, groups)

    def test_assign_puts_new_rows_in_their_fitted_cluster(self):
        features, _groups = _three_groups(np.random.default_rng(8))
        result = clusters.cluster_customers(features, NAMES)
        np.testing.assert_array_equal(result.assign(features), result.labels)
        self.assertEqual(result.assign(np.zeros((0, 3))).tolist(), [])

    def test_missing_values_take_the_median(self):
        features, groups = _three_groups(np.random.default_rng(9))
        features[0, 1] = np.nan
        result = clusters.cluster_customers(features, NAMES)
        np.testing.assert_array_equal(result.labels, groups)

    def test_skewed_spend_is_logged_so_one_whale_is_no_cluster(self):
        rng = np.random.default_rng(10)
        spend = rng.gamma(2.0, 50.0, 400)
        spend[0] = 1_000_000.0
        features = np.column_stack([np.r_[np.full(200, 5.0), np.full(200, 200.0)], spend])
        features[:, 0] += rng.normal(0, 1, 400)
        result = clusters.cluster_customers(features, ["recency_days", "monetary"])
        self.assertEqual(sorted(profile["size"] for profile in result.profiles), [200, 200])

    def test_tiny_and_degenerate_inputs_give_one_cluster(self):
        single = clusters.cluster_customers([[3.0, 1.0, 50.0]], NAMES)
        self.assertEqual((single.k, single.labels.tolist()), (1, [0]))
        self.assertEqual(single.profiles[0]["label"], "Typical customers")
        identical = clusters.cluster_customers([[1.0, 2.0, 3.0]] * 10, NAMES)
        self.assertEqual((identical.k, set(identical.labels.tolist())), (1, {0}))
        self.assertTrue(np.isnan(identical.silhouette))
        empty = clusters.cluster_customers(np.zeros((0, 3)), NAMES)
        self.assertEqual((empty.k, empty.labels.tolist(), empty.profiles), (0, [], []))

    def test_feature_names_must_match_the_columns(self):
        with self.assertRaises(ValueError):
            clusters.cluster_customers([[1.0, 2.0]], NAMES)

    def test_module_doctests_pass(self):
        result = doctest.testmod(clusters, optionflags=doctest.NORMALIZE_WHITESPACE)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)
