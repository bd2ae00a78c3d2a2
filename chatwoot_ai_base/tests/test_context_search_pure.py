# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The pure side of the catalog search: what a customer's words become, how scores add up."""

import doctest

from odoo.tests import BaseCase

from ..search import (
    WEIGHTS,
    expand_terms,
    normalize,
    plan,
    query_terms,
    ranking,
    score_detail,
    text,
    tsquery_text,
)


class TestDoctests(BaseCase):
    def test_doctests(self):
        for module in (text, ranking, plan):
            result = doctest.testmod(module)
            self.assertGreater(result.attempted, 0, module.__name__)
            self.assertEqual(result.failed, 0, module.__name__)


class TestQueryTerms(BaseCase):
    def test_accents_case_and_punctuation_are_dropped(self):
        self.assertEqual(normalize("Proteção Solar FPS-50, Água!"), "protecao solar fps 50 agua")

    def test_conversational_words_are_not_terms_in_three_languages(self):
        self.assertEqual(query_terms("Oi! Vocês têm shampoo de cachos?"), ["shampoo", "cachos"])
        self.assertEqual(query_terms("¿Tienen labial rojo?"), ["labial", "rojo"])
        self.assertEqual(query_terms("Do you have a red lipstick?"), ["red", "lipstick"])

    def test_numbers_stay_and_repeats_go(self):
        self.assertEqual(query_terms("fps 50 fps 30 e"), ["fps", "50", "30"])

    def test_long_messages_are_capped(self):
        self.assertEqual(len(query_terms(" ".join(f"palavra{n}" for n in range(30)))), 8)

    def test_spanish_and_english_words_map_to_the_catalog_language(self):
        self.assertEqual(
            expand_terms(["sunscreen", "labial", "batom"]),
            [("sunscreen", ("protetor", "solar")), ("labial", ("batom", "labial")), ("batom", ())],
        )


class TestRanking(BaseCase):
    def test_weights_sum_to_one(self):
        self.assertAlmostEqual(sum(WEIGHTS.values()), 1.0)

    def test_score_is_the_sum_of_weighted_components(self):
        detail = score_detail({"fts": 1, "coverage": 1, "name_similarity": 1})
        self.assertEqual(detail["score"], 0.7)
        self.assertEqual(detail["word_similarity"], {"value": 0.0, "weight": 0.1, "points": 0.0})

    def test_tsquery_text_is_safe_for_normalised_words(self):
        groups = [(term, alternatives) for term, alternatives in expand_terms(["tshirt", "x"])]
        self.assertEqual(tsquery_text(groups), "(tshirt | camiseta | t <-> shirt) & (x)")
