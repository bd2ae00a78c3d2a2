# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``stats/topics.py`` on a crafted three-theme corpus."""

import doctest
import itertools
import random

from odoo.tests import BaseCase

from ..stats import topics

THEMES = {
    "delivery": (
        [
            "Meu pedido está atrasado",
            "A entrega atrasou de novo",
            "O prazo de entrega venceu",
            "Cadê a entrega? Atraso de uma semana",
            "Entrega atrasada e prazo estourado",
            "O atraso na entrega é absurdo",
            "Passou o prazo e a entrega não veio",
        ],
        {"entrega", "atraso", "prazo", "atrasado", "atrasou", "atrasada"},
    ),
    "exchange": (
        [
            "Quero trocar pelo tamanho maior",
            "O tamanho veio errado, preciso trocar",
            "Troca de tamanho da calça",
            "Ficou apertado, quero trocar o tamanho",
            "Como faço a troca do tamanho?",
            "Trocar a blusa por tamanho menor",
        ],
        {"tamanho", "trocar", "troca"},
    ),
    "payment": (
        [
            "O Pix não gerou o QR code",
            "Paguei com Pix e não confirmou o pagamento",
            "O QR code do Pix expirou",
            "Pagamento via Pix pendente",
            "Gerar outro QR code Pix",
            "O pagamento no Pix não aparece",
        ],
        {"pix", "code", "pagamento", "qr", "qr code"},
    ),
}


def _corpus(copies=6, seed=3):
    rng = random.Random(seed)
    rows = [
        (theme, text)
        for theme, (texts, _terms) in THEMES.items()
        for text in texts
        for _ in range(copies)
    ]
    rng.shuffle(rows)
    return [theme for theme, _text in rows], [text for _theme, text in rows]


class TestTopics(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.themes, cls.texts = _corpus()
        cls.model = topics.fit_topics(cls.texts, n_topics=3, seed=0)

    def _topic_of_theme(self):
        assigned = [topic for topic, _weight in self.model.assign(self.texts)]
        mapping = {}
        for theme in THEMES:
            mine = [
                topic for topic, name in zip(assigned, self.themes, strict=True) if name == theme
            ]
            mapping[theme] = max(set(mine), key=mine.count)
            with self.subTest(theme=theme):
                self.assertGreaterEqual(mine.count(mapping[theme]) / len(mine), 0.8)
        return mapping

    def test_each_theme_gets_its_own_topic(self):
        mapping = self._topic_of_theme()
        self.assertEqual(len(set(mapping.values())), 3)

    def test_labels_are_made_of_the_theme_terms(self):
        mapping = self._topic_of_theme()
        for theme, topic_index in mapping.items():
            topic = self.model.topics[topic_index]
            shown = {term.lower() for term in topic.label.split(" · ")}
            with self.subTest(theme=theme, label=topic.label):
                self.assertEqual(len(shown), 3)
                self.assertTrue(shown & THEMES[theme][1])

    def test_examples_are_top_documents_of_their_topic(self):
        mapping = self._topic_of_theme()
        for theme, topic_index in mapping.items():
            topic = self.model.topics[topic_index]
            self.assertTrue(topic.examples)
            self.assertTrue(all(example in THEMES[theme][0] for example in topic.examples))
            positions = self.model.examples(self.texts, k=4)[topic_index]
            self.assertEqual(len(positions), 4)
            self.assertTrue(all(self.themes[position] == theme for position in positions))

    def test_fit_is_deterministic(self):
        again = topics.fit_topics(list(self.texts), n_topics=3, seed=0)
        self.assertEqual(
            [topic.label for topic in again.topics], [topic.label for topic in self.model.topics]
        )
        self.assertEqual(again.assign(self.texts), self.model.assign(self.texts))

    def test_sample_fit_assigns_every_text(self):
        model = topics.fit_topics(self.texts, n_topics=3, max_docs=60, seed=1)
        sizes = sum(topic.size for topic in model.topics)
        self.assertLessEqual(sizes, 60)
        self.assertEqual(len(model.assign(self.texts)), len(self.texts))

    def test_topic_count_is_chosen_among_candidates(self):
        model = topics.fit_topics(self.texts, n_topics=None, candidates=(2, 3, 4, 6))
        self.assertIn(len(model.topics), (2, 3, 4, 6))
        for count in (2, 3, 4, 6):
            self.assertGreaterEqual(
                model.coherence, topics.fit_topics(self.texts, n_topics=count).coherence
            )

    def test_too_little_text_gives_no_topics_and_no_error(self):
        for texts in (
            [],
            ["ok"],
            ["ok", "obrigado", "bom dia"],
            ["entrega atrasada", "outra coisa"],
        ):
            model = topics.fit_topics(texts)
            with self.subTest(texts=texts):
                self.assertEqual(model.topics, [])
                self.assertEqual(model.assign(["entrega atrasada", "ok"]), [(-1, 0.0)] * 2)
        small = [
            "entrega atrasada",
            "entrega atrasada de novo",
            "pix recusado",
            "pix recusado hoje",
        ]
        self.assertLessEqual(len(topics.fit_topics(small, n_topics=10).topics), 4)

    def test_texts_without_known_words_get_no_topic(self):
        self.assertEqual(self.model.assign(["oi, bom dia!", "ok obrigado", ""]), [(-1, 0.0)] * 3)

    def test_labels_show_the_written_form_with_accents(self):
        surface = topics._surface_forms(["O preço do código", "preço alto", "Codigo"])
        self.assertEqual(
            topics.make_label(["preco", "codigo preco", "codigo"], surface), "preço · código"
        )

    def test_make_label_skips_repeated_words(self):
        label = topics.make_label(
            ["pedido", "pedido chegou", "rastreio", "codigo rastreio", "prazo"],
            {"codigo": "código"},
        )
        self.assertEqual(label, "pedido · rastreio · prazo")


class TestTrendingTopics(BaseCase):
    def test_significant_rise_is_trending_and_small_counts_are_not(self):
        previous = [0] * 50 + [1] * 50 + [2] * 2 + [-1] * 10
        current = [0] * 50 + [1] * 120 + [2] * 4 + [-1] * 10
        rows = topics.trending_topics(
            {"2026-09": [0] * 99, "2026-10": previous, "2026-11": current}, n_topics=3
        )
        by_topic = {row["topic"]: row for row in rows}
        self.assertEqual(rows[0]["topic"], 1)
        self.assertTrue(by_topic[1]["trending"])
        self.assertAlmostEqual(by_topic[1]["growth"], (120 / 184) / (50 / 112) - 1)
        self.assertEqual(
            (by_topic[1]["previous_period"], by_topic[1]["current_period"]), ("2026-10", "2026-11")
        )
        self.assertFalse(by_topic[0]["trending"])
        self.assertLess(by_topic[0]["z"], 0)
        self.assertFalse(by_topic[2]["trending"])
        self.assertEqual(by_topic[2]["current_count"], 4)

    def test_the_running_period_is_left_out_and_an_empty_month_is_compared(self):
        # Two days of December: one message, against whole months.
        by_period = {"2026-10": [0] * 40 + [1] * 40, "2026-11": [0] * 42 + [1] * 38, "2026-12": [1]}
        rows = topics.trending_topics(by_period, n_topics=2, before="2026-12")
        self.assertEqual({row["current_period"] for row in rows}, {"2026-11"})
        self.assertEqual({row["direction"] for row in rows}, {"stable"})
        # A month without messages is still the month before.
        rows = topics.trending_topics(
            {"2026-08": [0] * 30, "2026-10": [0] * 30}, n_topics=1, previous_of=topics.month_before
        )
        self.assertEqual((rows[0]["previous_period"], rows[0]["previous_count"]), ("2026-09", 0))
        self.assertEqual(rows[0]["direction"], "rising")

    def test_the_label_agrees_with_the_growth(self):
        # 1 -> 3 messages out of ~100: +200 % but not significant: never "stable".
        by_period = {"a": [0] * 1 + [-1] * 99, "b": [0] * 3 + [-1] * 97}
        row = topics.trending_topics(by_period, n_topics=1)[0]
        self.assertGreater(row["growth"], 1)
        self.assertFalse(row["trending"])
        self.assertEqual(row["direction"], "uncertain")
        # 50 -> 0: a significant fall is declining, whatever the label said before.
        row = topics.trending_topics({"a": [0] * 50 + [-1] * 50, "b": [-1] * 100}, n_topics=1)[0]
        self.assertEqual((row["growth"], row["direction"]), (-1.0, "declining"))

    def test_month_before_doctest(self):
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner()
        for test in finder.find(topics.month_before, "month_before"):
            runner.run(test)
        self.assertEqual(runner.summarize(verbose=False).failed, 0)

    def test_new_topic_has_no_growth_ratio_and_one_period_gives_nothing(self):
        rows = topics.trending_topics({"a": [0] * 30, "b": [0] * 30 + [1] * 30}, n_topics=2)
        new = next(row for row in rows if row["topic"] == 1)
        self.assertIsNone(new["growth"])
        self.assertTrue(new["trending"])
        self.assertEqual(topics.trending_topics({"a": [0, 1]}, n_topics=2), [])
        self.assertEqual(list(itertools.chain(topics.trending_topics({}, n_topics=2))), [])


class TestStoredTopicModel(BaseCase):
    """The fitted vocabulary and topics kept between runs, and when they are fitted again."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.themes, cls.texts = _corpus()
        cls.model = topics.fit_topics(cls.texts, seed=0)

    def test_a_stored_model_assigns_like_the_fitted_one(self):
        data = topics.model_to_bytes(self.model, oov=0.25)
        restored, oov = topics.model_from_bytes(data)
        self.assertEqual(oov, 0.25)
        self.assertEqual(restored.topics, self.model.topics)
        unseen = ["A entrega do pix atrasou", "Trocar o tamanho", "ok", ""]
        self.assertEqual(
            restored.assign(self.texts + unseen), self.model.assign(self.texts + unseen)
        )

    def test_a_model_without_topics_is_stored_too(self):
        empty = topics.fit_topics(["ok"])
        restored, _oov = topics.model_from_bytes(topics.model_to_bytes(empty))
        self.assertEqual(restored.topics, [])
        self.assertEqual(restored.assign(["ok"]), [(-1, 0.0)])

    def test_reused_and_refitted_vocabularies_group_new_messages_alike(self):
        """New messages of the same themes: the model fitted on the old ones only (reused)
        and a refit on old and new messages put them in the same groups."""
        new_themes, new_texts = _corpus(copies=3, seed=11)
        self.assertLessEqual(topics.oov_share(self.model, new_texts), 0.1)
        # As many topics as themes: the number picked by coherence may differ between fits.
        stored = topics.model_to_bytes(topics.fit_topics(self.texts, n_topics=3, seed=0))
        model, _oov = topics.model_from_bytes(stored)
        refitted = topics.fit_topics(self.texts + new_texts, n_topics=3, seed=0)
        reused = [topic for topic, _weight in model.assign(new_texts)]
        again = [topic for topic, _weight in refitted.assign(new_texts)]
        # The same partition of the new messages, whatever the topics' numbering.
        pairs = set(zip(reused, again, strict=True))
        self.assertEqual(len(pairs), len(set(reused)))
        self.assertEqual(len(pairs), len(set(again)))
        self.assertEqual(len(set(zip(reused, new_themes, strict=True))), len(set(new_themes)))

    def test_out_of_vocabulary_share(self):
        self.assertEqual(topics.oov_share(self.model, self.texts[:5]), 0.0)
        unknown = ["Cancelamento da assinatura mensal", "Assinatura cancelada sem aviso"]
        self.assertGreater(topics.oov_share(self.model, unknown), 0.5)
        self.assertEqual(topics.oov_share(self.model, ["", "ok"]), 0.0)

    def test_refit_on_new_words_or_after_a_week(self):
        self.assertFalse(topics.needs_refit(0.1, 0.15, age_days=2))
        self.assertTrue(topics.needs_refit(0.1, 0.25, age_days=2))
        self.assertTrue(topics.needs_refit(0.1, 0.1, age_days=7))
        self.assertFalse(topics.needs_refit(0.1, 0.3, age_days=1, margin=0.25))

    def test_stored_model_doctests(self):
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner()
        for function in (topics.oov_share, topics.needs_refit):
            for test in finder.find(function, function.__name__):
                runner.run(test)
        summary = runner.summarize(verbose=False)
        self.assertGreater(summary.attempted, 0)
        self.assertEqual(summary.failed, 0)
