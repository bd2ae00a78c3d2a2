# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The analytics text models fold text as the suite's shared normaliser does (ai/text.py)."""

from odoo.tests import BaseCase

from odoo.addons.chatwoot_ai_base.ai import text as shared

from ..stats import intent
from ..stats import text as textlib

SAMPLES = [
    "Ação rápida, coração",
    "ÑANDÚ pingüino",
    "ŝtrange ǅ ligature ﬁ",
    "Maçã º ª",
    "plain ascii",
]


class TestSharedNormaliser(BaseCase):
    def test_batch_folding_matches_the_shared_fold(self):
        # Words without slang, negators or emoji: the batch path only folds and splits them.
        for sample in SAMPLES:
            with self.subTest(sample=sample):
                self.assertEqual(
                    textlib.normalize(sample).split(), shared.normalise(sample, keep="").split()
                )

    def test_accent_table_is_the_shared_ascii_base(self):
        for char in "áçñüÿŝǅ":
            self.assertEqual(textlib.ACCENT_TRANSLATION[ord(char)], shared.ascii_base(char).lower())

    def test_llm_labels_are_read_through_the_shared_normaliser(self):
        self.assertEqual(intent.parse_llm_intent("ORDER_STATUS"), "order_status")
        self.assertEqual(intent.parse_llm_intent("«Reclamação»"), "complaint")
