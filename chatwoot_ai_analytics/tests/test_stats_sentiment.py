# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``stats/text.py`` and ``stats/sentiment.py``.

The held-out pt-BR set is written by hand with other phrasings than the training templates and is
never used in training; its accuracy floor is the issue's 85 %.
"""

import doctest
import json
import logging
import os
import random
import time
import unittest

from odoo.tests import BaseCase

from ..stats import intent, sentiment
from ..stats import text as textlib

_logger = logging.getLogger(__name__)
HOLDOUT_ACCURACY_FLOOR = 0.85
# pt-BR as measured with the current model (0.962 and 0.897 before the es / en event rows).
PT_MEASURED = {"sentiment_pt_holdout.tsv": 0.981, "sentiment_pt_fresh.tsv": 0.948}
#: The issue's goal for es / en on a set written after the change and scored once.
FRESH_GOAL = 0.85
#: (size, floor = what the current model measures) of every hand-written es / en round.
ROUND_FLOORS = {
    "sentiment_es_complaints.tsv": (35, 0.971),
    "sentiment_en_complaints.tsv": (35, 0.971),
    "sentiment_es_heldout.tsv": (35, 0.942),
    "sentiment_en_heldout.tsv": (35, 0.971),
    "sentiment_es_round3.tsv": (42, 1.0),
    "sentiment_en_round3.tsv": (42, 0.976),
    "sentiment_es_round4.tsv": (42, 0.857),
    "sentiment_en_round4.tsv": (42, 0.904),
    "sentiment_es_round5.tsv": (66, 0.878),
    "sentiment_en_round5.tsv": (66, 0.893),
    "sentiment_es_round6.tsv": (66, 0.939),
    "sentiment_en_round6.tsv": (66, 0.909),
    "sentiment_es_round7.tsv": (66, 0.863),
    "sentiment_en_round7.tsv": (66, 0.924),
}


def _label_and_score(model, message):
    return model.predict([message])[0]


class TestNormalisation(BaseCase):
    def test_doctests(self):
        self.assertEqual(doctest.testmod(textlib).failed, 0)
        self.assertEqual(doctest.testmod(sentiment).failed, 0)

    def test_negation_marks_the_following_words_until_punctuation_or_but(self):
        self.assertEqual(textlib.normalize("Não gostei"), "nao NEG_gostei")
        self.assertEqual(textlib.normalize("no me gustó, pero ok"), "no NEG_me NEG_gusto pero ok")
        self.assertEqual(
            textlib.normalize("I don't like it but fine"), "i do not NEG_like NEG_it but fine"
        )

    def test_slang_accents_repeats_and_emojis_are_normalised(self):
        self.assertEqual(
            textlib.normalize("vcs são TOPPP demaisss 😍"), "voces sao top demais emopos"
        )
        self.assertEqual(textlib.normalize("pq td atrasou?? 😡"), "porque tudo atrasou ? ? emoneg")
        self.assertEqual(textlib.normalize("kkkkk obg"), "risos obrigado")

    def test_batch_normalisation_keeps_one_line_per_text(self):
        texts = ["linha\num", "", None, "dois\r\ntrês"]
        self.assertEqual(textlib.normalize_many(texts), ["linha um", "", "", "dois tres"])

    def test_rows_do_not_depend_on_the_batch_they_are_counted_in(self):
        # Large batches are counted in chunks; rows on both sides of a chunk boundary must be the
        # rows of the same texts counted alone.
        space = sentiment.default_lexicon().space
        phrases = [
            "não chegou, péssimo 😡",
            "amei, obrigada",
            "qual o frete?",
            "quero trocar",
            "ok",
        ]
        texts = [f"pedido {number} {phrases[number % 7 % 5]}" for number in range(60000)]
        _normalized, matrix = space.transform(texts)
        self.assertEqual(matrix.shape[0], 60000)
        for position in (0, 49999, 50000, 50001, 50002, 59999):
            alone = space.transform([texts[position]])[1]
            self.assertEqual((matrix[position] != alone).nnz, 0)
        self.assertEqual(textlib.normalize_many([]), [])
        self.assertEqual(space.transform([])[1].shape, (0, space.size))

    def test_feature_space_counts_known_features_once_per_distinct_text(self):
        space = textlib.FeatureSpace.from_texts(["nao gostei do produto", "amei"])
        normalized, matrix = space.transform(["Não gostei!!", "ok", "amei amei", "Não gostei!!"])
        self.assertEqual(
            normalized, ["nao NEG_gostei ! !", "ok", "amei amei", "nao NEG_gostei ! !"]
        )
        # "nao", "NEG_gostei", the bigram and both prefixes; "!" is outside this small space.
        self.assertEqual(matrix.sum(axis=1).A1.tolist(), [5.0, 0.0, 4.0, 5.0])
        self.assertEqual((matrix[0] != matrix[3]).nnz, 0)
        self.assertEqual(space.transform(["ok"])[1].shape, (1, space.size))


class TestSentimentModel(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.model = sentiment.SentimentModel.default()

    def test_shipped_training_sets_have_the_promised_sizes(self):
        for language, floor in (("pt", 600), ("es", 250), ("en", 250)):
            texts, labels = sentiment.load_labelled(
                sentiment.DATA_DIR / f"sentiment_{language}.tsv"
            )
            self.assertGreaterEqual(len(texts), floor, language)
            self.assertEqual(set(labels), set(sentiment.LABELS), language)

    def test_holdout_is_large_and_disjoint_from_training(self):
        holdout, _labels = sentiment.load_labelled(sentiment.holdout_path())
        fresh, _labels = sentiment.load_labelled(sentiment.DATA_DIR / "sentiment_pt_fresh.tsv")
        training, _labels = sentiment.load_training_set("sentiment")
        self.assertGreaterEqual(len(holdout), 150)
        holdout += fresh
        training_forms = set(textlib.normalize_many(training))
        overlap = [
            text
            for text, form in zip(holdout, textlib.normalize_many(holdout), strict=True)
            if form in training_forms
        ]
        self.assertEqual(overlap, [])

    def test_holdout_accuracy_meets_the_floor(self):
        # The first set guided the lexicon and data work; the "fresh" one was written after all
        # tuning and evaluated once, so it is the honest figure. Both must reach the floor.
        for path in (sentiment.holdout_path(), sentiment.DATA_DIR / "sentiment_pt_fresh.tsv"):
            texts, labels = sentiment.load_labelled(path)
            result = sentiment.evaluate(texts, labels, self.model)
            _logger.info("sentiment %s: %s", path.name, result)
            with self.subTest(path=path.name):
                self.assertGreaterEqual(result["accuracy"], HOLDOUT_ACCURACY_FLOOR)
                # pt-BR kept at least where it is (it rose with the es / en event rows).
                self.assertGreaterEqual(result["accuracy"], PT_MEASURED[path.name])

    def test_spanish_and_english_fresh_sets_stay_above_their_floor(self):
        # 30 hand-written messages each, scored once after the first tuning (0.80 for both when
        # written); the implicit-complaint rows took them to 0.933 (es) and 1.0 (en), the event
        # rows es to 1.0.
        floors = {"es": 1.0, "en": 1.0}
        for language in ("es", "en"):
            path = sentiment.DATA_DIR / f"sentiment_{language}_fresh.tsv"
            texts, labels = sentiment.load_labelled(path)
            result = sentiment.evaluate(texts, labels, self.model)
            _logger.info("sentiment %s: %s", path.name, result)
            with self.subTest(language=language):
                self.assertGreaterEqual(result["accuracy"], floors[language])

    def test_factual_complaints_without_emotional_words_read_negative(self):
        # The issue's examples: nothing but the facts, no "terrible" or "angry".
        complaints = [
            "the parcel never arrived",
            "I was charged twice",
            "el paquete nunca llegó",
            "me cobraron dos veces",
        ]
        self.assertEqual(self.model.labels(complaints), ["negative"] * 4)
        questions = ["How long does a refund take?", "¿Cuánto tarda el reembolso?"]
        self.assertEqual(self.model.labels(questions), ["neutral"] * 2)

    def test_spanish_and_english_held_out_complaint_sets(self):
        # Each round was hand-written, committed and scored once, then (all but the last) its
        # failure families guided the next training rows, never its sentences. Rounds 1-4 guided
        # earlier changes. Round 5 (66 each) was scored once after the event-family rows (es
        # 0.727, en 0.803), round 6 after the "problem that did not happen" rows (es 0.803, en
        # 0.757), round 7 after the last rows and is the unbiased figure: es 0.863, en 0.924.
        # The model before this change measured 0.621 / 0.652 (round 5), 0.652 / 0.652 (round 6),
        # 0.652 / 0.742 (round 7).
        for name, (size, floor) in ROUND_FLOORS.items():
            texts, labels = sentiment.load_labelled(sentiment.DATA_DIR / name)
            result = sentiment.evaluate(texts, labels, self.model)
            _logger.info("sentiment %s: %s", name, result)
            with self.subTest(name=name):
                self.assertEqual(result["n"], size)
                self.assertGreaterEqual(result["accuracy"], floor)
        rounds = (("round3", 42), ("round4", 42), ("round5", 66), ("round6", 66), ("round7", 66))
        for name, size in rounds:
            for language in ("es", "en"):
                path = sentiment.DATA_DIR / f"sentiment_{language}_{name}.tsv"
                labels = sentiment.load_labelled(path)[1]
                with self.subTest(balanced=path.name):  # a third of each label
                    self.assertEqual(
                        [labels.count(label) for label in sentiment.LABELS], [size // 3] * 3
                    )

    def test_issue_goal_on_the_fresh_round(self):
        # The issue: at least 85 % on es / en sets written after the change. Round 7 was written
        # after the model was frozen and committed before it was scored (see git log).
        for language in ("es", "en"):
            path = sentiment.DATA_DIR / f"sentiment_{language}_round7.tsv"
            result = sentiment.evaluate(*sentiment.load_labelled(path), self.model)
            with self.subTest(language=language):
                self.assertGreaterEqual(result["accuracy"], FRESH_GOAL)

    def test_evaluation_sets_are_disjoint_from_training(self):
        # No hand-written evaluation message (of any language and round) is a training row, also
        # after normalisation (accents, case, slang), so the figures above are not memorised.
        training_forms = set(textlib.normalize_many(sentiment.load_training_set("sentiment")[0]))
        supplements = tuple(f"_{name}.tsv" for name in sentiment.SUPPLEMENTS["sentiment"])
        names = sorted(
            path.name
            for path in sentiment.DATA_DIR.glob("sentiment_*_*.tsv")
            if not path.name.endswith(supplements) and "lexicon" not in path.name
        )
        self.assertEqual(len(names), 18)
        for name in names:
            texts = sentiment.load_labelled(sentiment.DATA_DIR / name)[0]
            with self.subTest(name=name):
                overlap = [
                    text
                    for text, form in zip(texts, textlib.normalize_many(texts), strict=True)
                    if form in training_forms
                ]
                self.assertEqual(overlap, [])

    def test_implicit_complaints_praise_and_facts_are_told_apart(self):
        # Training rows of data/build_implicit.py cover these families; the sentences here are
        # not training rows (checked above for the files; these are short probes).
        self.assertEqual(
            self.model.labels(
                [
                    "Nice colour but it broke after two days",
                    "Bonito color pero se rompió a los dos días",
                    "Not what I ordered",
                    "No es lo que pedí",
                ]
            ),
            ["negative"] * 4,
        )
        self.assertEqual(
            self.model.labels(["Took a while but it arrived perfect", "Tardó pero llegó perfecto"]),
            ["positive"] * 2,
        )
        self.assertEqual(
            self.model.labels(["Is it true to size?", "¿Es de talla normal?"]), ["neutral"] * 2
        )

    def test_negation_flips_the_label(self):
        pairs = [
            ("Gostei do vestido", "Não gostei do vestido"),
            ("O produto é ruim", "O produto não é ruim"),
            ("Recomendo a loja", "Não recomendo a loja"),
            ("I like it", "I don't like it"),
            ("It is bad", "It is not bad"),
            ("Me gustó el labial", "No me gustó el labial"),
        ]
        for plain, negated in pairs:
            plain_label, plain_score = _label_and_score(self.model, plain)
            negated_label, negated_score = _label_and_score(self.model, negated)
            with self.subTest(plain=plain):
                self.assertIn(plain_label, ("positive", "negative"))
                self.assertIn(negated_label, ("positive", "negative"))
                self.assertNotEqual(plain_label, negated_label)
                self.assertLess(plain_score * negated_score, 0)

    def test_intensifiers_increase_the_magnitude(self):
        triples = [
            ("bom", "muito bom", 1),
            ("bom", "super bom", 1),
            ("gostei", "gostei muito", 1),
            ("ruim", "muito ruim", -1),
            ("caro", "bem caro", -1),
            ("bueno", "muy bueno", 1),
            ("malo", "muy malo", -1),
            ("good", "very good", 1),
            ("bad", "very bad", -1),
        ]
        for plain, intensified, sign in triples:
            plain_score, intensified_score = self.model.scores([plain, intensified])
            lexicon_plain, lexicon_intensified = sentiment.lexicon_scores([plain, intensified])
            with self.subTest(intensified=intensified):
                self.assertGreater(sign * intensified_score, sign * plain_score)
                self.assertGreater(sign * lexicon_intensified, sign * lexicon_plain)
                self.assertGreater(sign * lexicon_plain, 0)

    def test_each_language_gets_the_obvious_cases_right(self):
        cases = {
            "positive": [
                "Amei o perfume, chegou super rápido!",
                "Vocês são ótimos, obrigada 😍",
                "Me encantó la blusa, gracias",
                "Excelente atención, lo recomiendo",
                "Loved it, thank you so much!",
                "Great quality, I recommend this store",
            ],
            "negative": [
                "Péssimo atendimento, ninguém responde",
                "O pedido chegou quebrado 😡",
                "Pésima calidad, llegó roto",
                "Estoy muy decepcionada con la tienda",
                "Terrible service, the order arrived broken",
                "I'm very disappointed, worst purchase",
            ],
            "neutral": [
                "Qual o prazo de entrega para Campinas?",
                "Vocês aceitam boleto?",
                "¿Cuánto cuesta el envío a Lima?",
                "¿Tienen la talla M?",
                "How much is shipping to Miami?",
                "Do you have it in size 8?",
            ],
        }
        for expected, messages in cases.items():
            for message, label in zip(messages, self.model.labels(messages), strict=True):
                with self.subTest(message=message):
                    self.assertEqual(label, expected)

    def test_scores_are_bounded_and_empty_input_is_empty(self):
        scores = self.model.scores(
            ["", "???", "😡😡😡 PÉSSIMO!!!!!", "amei amei amei 😍😍 perfeito!!!"]
        )
        self.assertTrue(all(-1.0 <= score <= 1.0 for score in scores))
        self.assertEqual(self.model.scores([]), [])
        self.assertEqual(self.model.labels([]), [])

    def test_training_is_deterministic_and_default_is_cached(self):
        texts, labels = sentiment.load_training_set("sentiment")
        again = sentiment.SentimentModel.train(texts, labels)
        probe = ["não gostei da entrega", "amei!", "qual o frete?"]
        self.assertEqual(again.scores(probe), self.model.scores(probe))
        self.assertIs(sentiment.SentimentModel.default(), self.model)


@unittest.skipUnless(
    os.environ.get("CHATWOOT_AI_TEXT_BENCH"), "set CHATWOOT_AI_TEXT_BENCH=1 to run"
)
class TestThroughput(BaseCase):
    """300k distinct chat messages through sentiment then intent, as the Odoo side calls them.

    Not part of the normal run (tens of seconds); it logs one JSON line with wall and CPU time
    and asserts only the answers' shape: timings are reported, never asserted.
    """

    def test_300k_messages_sentiment_and_intent(self):
        base = []
        for language in sentiment.LANGUAGES:
            base += sentiment.load_labelled(sentiment.DATA_DIR / f"sentiment_{language}.tsv")[0]
        rng = random.Random(0)
        # Every message distinct (an order number appended), the worst case for the dedupe.
        texts = [f"{rng.choice(base)} pedido {rng.randrange(10**6)}" for _ in range(300000)]
        sentiment_model, intent_model = (
            sentiment.SentimentModel.default(),
            intent.IntentModel.default(),
        )
        wall, cpu = time.perf_counter(), time.process_time()
        sentiments = sentiment_model.predict(texts)
        intents = intent_model.predict(texts)
        figures = {
            "messages": len(texts),
            "wall_s": round(time.perf_counter() - wall, 2),
            "cpu_s": round(time.process_time() - cpu, 2),
            "load_1min": round(os.getloadavg()[0], 2),
        }
        _logger.info("text throughput: %s", json.dumps(figures))
        self.assertEqual((len(sentiments), len(intents)), (len(texts), len(texts)))
        self.assertTrue({label for label, _score in sentiments} <= set(sentiment.LABELS))
        self.assertTrue({label for label, _confidence in intents} <= set(intent.INTENTS))
