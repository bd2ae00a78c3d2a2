# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure tests of the hub: intent per language, sentiment with negation, routing."""

from odoo.tests import BaseCase

from ..ai.hub import NEGATIVE_THRESHOLD, classify, route, sentiment
from ..ai.language import detect_language
from ..seed.texts import TEXTS

INTENT_SAMPLES = {
    "price": [
        "quanto custa o batom matte?",
        "¿cuánto cuesta el labial mate?",
        "how much is the matte lipstick?",
        "quais as formas de pagamento?",
        "¿aceptan pago en cuotas?",
    ],
    "purchase": [
        "vocês tem sérum de vitamina C em estoque?",
        "¿tienen sérum de vitamina C?",
        "do you have vitamin C serum in stock?",
    ],
    "order_status": [
        "qual o status do meu pedido?",
        "meu pedido S00012 já foi enviado?",
        "¿dónde está mi pedido?",
        "¿cuándo llega mi orden S00031?",
        "where is my order?",
        "has order S00012 shipped?",
    ],
    "shipping": ["qual o valor do frete?", "do you offer free shipping?", "¿hacen envíos a Lima?"],
    "exchange_return": [
        "vocês fazem troca?",
        "¿hacen devoluciones?",
        "what is your return policy?",
    ],
    "support": ["esqueci minha senha", "how do I use the serum?"],
    "compliment": ["amei o batom, parabéns!", "loved it, great service"],
    "human_request": [
        "quero falar com um atendente",
        "tem algum humano aí?",
        "quiero hablar con una persona",
        "necesito un asesor",
        "I want to talk to a human",
        "can I speak to someone?",
    ],
    "complaint": [
        "quero fazer uma reclamação",
        "o produto veio quebrado",
        "quiero poner una queja",
        "el producto llegó roto",
        "I want to file a complaint",
        "the item arrived damaged",
    ],
    "other": ["qual a capital da França?", "asdf", "¿juegas al fútbol?", "tell me a joke"],
}
GREETINGS = ["oi", "bom dia!", "hola", "buenas tardes", "hello", "good morning"]


class TestClassify(BaseCase):
    def test_intents_in_three_languages(self):
        for intent, samples in INTENT_SAMPLES.items():
            for sample in samples:
                with self.subTest(sample=sample):
                    self.assertEqual(classify(sample).intent, intent)

    def test_a_greeting_alone_is_flagged_on_other(self):
        for sample in GREETINGS:
            decision = classify(sample)
            self.assertEqual((decision.intent, decision.greeting), ("other", True), sample)
        self.assertFalse(classify("tell me a joke").greeting)

    def test_greeting_loses_to_a_real_question(self):
        decision = classify("oi, quanto custa o batom?")
        self.assertEqual((decision.intent, decision.greeting), ("price", False))
        self.assertEqual(classify("hola, ¿dónde está mi pedido?").intent, "order_status")

    def test_order_reference_is_extracted(self):
        decision = classify("e o pedido s00012?")
        self.assertEqual(decision.intent, "order_status")
        self.assertEqual(decision.order_refs, ("S00012",))

    def test_confidence_is_higher_for_clear_messages(self):
        clear = classify("quanto custa o batom? tem em estoque?").confidence
        vague = classify("batom").confidence
        unknown = classify("asdf").confidence
        self.assertGreater(clear, vague)
        self.assertGreaterEqual(vague, unknown)
        for value in (clear, vague, unknown):
            self.assertTrue(0 <= value <= 1)

    def test_angry_non_delivery_is_a_negative_complaint(self):
        for sample in (
            "meu pedido não chegou, que absurdo! péssimo!",
            "mi pedido nunca llegó, ¡es una vergüenza, pésimo servicio!",
            "my order never arrived, this is terrible!!",
        ):
            decision = classify(sample)
            self.assertEqual(decision.intent, "complaint", sample)
            self.assertTrue(decision.negative, sample)

    def test_calm_defect_report_is_not_negative(self):
        decision = classify("o produto veio com defeito, como faço a troca?")
        self.assertEqual(decision.intent, "complaint")
        self.assertFalse(decision.negative)

    def test_a_sure_model_answer_wins_over_the_rules(self):
        def model(_text):
            return "exchange_return", 0.9

        decision = classify("quanto custa o batom?", model=model)
        self.assertEqual((decision.intent, decision.crew), ("exchange_return", "info"))
        self.assertEqual((decision.source, decision.confidence), ("model", 0.9))

    def test_an_unsure_model_answer_keeps_the_rules(self):
        decision = classify("quanto custa o batom?", model=lambda _text: ("support", 0.3))
        self.assertEqual((decision.intent, decision.source), ("price", "rules"))

    def test_the_rules_keep_human_requests_and_angry_complaints(self):
        def model(_text):
            return "price", 0.99

        self.assertEqual(
            classify("quero falar com um atendente", model=model).intent, "human_request"
        )
        angry = classify("meu pedido não chegou, que absurdo! péssimo!", model=model)
        self.assertEqual((angry.intent, angry.source), ("complaint", "rules"))
        # A model answer outside the vocabulary is ignored.
        self.assertEqual(
            classify("qual o frete?", model=lambda _t: ("policy", 1.0)).intent, "shipping"
        )

    def test_routing(self):
        self.assertEqual(route("purchase"), "sales")
        self.assertEqual(route("price"), "sales")
        self.assertEqual(route("order_status"), "support")
        self.assertEqual(route("complaint"), "support")
        self.assertEqual(route("shipping"), "info")
        self.assertEqual(route("exchange_return"), "info")
        self.assertEqual(route("human_request"), "hub")
        self.assertEqual(route("other"), "info")
        self.assertEqual(route("no-such-intent"), "info")
        self.assertEqual(classify("qual o frete?").crew, "info")


class TestSentiment(BaseCase):
    def test_negative_words_in_each_language(self):
        for sample in ("atendimento péssimo", "servicio horrible", "terrible service"):
            self.assertLessEqual(sentiment(sample), NEGATIVE_THRESHOLD, sample)

    def test_negation_flips_polarity(self):
        self.assertLess(sentiment("não gostei"), 0)
        self.assertGreater(sentiment("gostei"), 0)
        self.assertLess(sentiment("no me gustó, no es bueno"), 0)
        self.assertGreater(sentiment("not bad at all"), 0)

    def test_negation_stays_in_its_clause(self):
        # "não" belongs to "gostei"; "péssimo" after the comma stays negative.
        self.assertLess(sentiment("não gostei, péssimo atendimento"), sentiment("não gostei"))

    def test_intensifiers_and_exclamations_scale(self):
        self.assertLess(sentiment("muito ruim"), sentiment("ruim"))
        self.assertLess(sentiment("very bad"), sentiment("bad"))
        self.assertLess(sentiment("horrible!!!"), sentiment("horrible"))

    def test_neutral_text_scores_zero(self):
        self.assertEqual(sentiment("quanto custa o batom?"), 0)
        self.assertEqual(sentiment(""), 0)


# The demo shop's conversation texts were written separately, for the seed generator: an
# independent corpus labelled with language, intent and sentiment.
SEED_VALUES = {
    "first_name": "Ana",
    "product": "Batom Matte",
    "order_ref": "S00042",
    "agent": "Carla",
    "days": 3,
    "city": "Recife",
    "coupon": "BELA15",
    "price": "R$ 59,90",
}
CUSTOMER_PARTS = ("opening", "customer_followup", "customer_closing")
# Seed intent -> hub intents that serve it (an exchange about one order may go to support).
ACCEPTED = {
    "purchase": {"purchase", "price"},
    "price": {"price", "purchase", "shipping"},
    "order_status": {"order_status"},
    "shipping": {"shipping", "order_status"},
    "exchange_return": {"exchange_return", "complaint", "order_status"},
    "complaint": {"complaint"},
    "other": {"other", "shipping", "exchange_return", "price", "support"},
}


def _leaves(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _leaves(value)
    else:
        yield from node


def _openings():
    """(language, seed intent, seed sentiment, text) of every customer opening."""
    for language, parts in TEXTS.items():
        for intent, by_sentiment in parts["opening"].items():
            for mood, texts in by_sentiment.items():
                for text in texts:
                    yield language, intent, mood, text.format(**SEED_VALUES)


class TestSeedCorpus(BaseCase):
    def test_language_of_customer_texts(self):
        # Misses are "Ok", "👍" and the like, which carry no language at all.
        for language, parts in TEXTS.items():
            texts = [
                text.format(**SEED_VALUES)
                for part in CUSTOMER_PARTS
                for text in _leaves(parts[part])
            ]
            default = "en" if language != "en" else "pt"
            hits = sum(detect_language(text, default=default) == language for text in texts)
            self.assertGreaterEqual(hits / len(texts), 0.85, language)

    def test_intent_of_openings(self):
        rows = [row for row in _openings() if row[1] in ACCEPTED]
        hits = sum(classify(text).intent in ACCEPTED[intent] for _lang, intent, _m, text in rows)
        self.assertGreaterEqual(hits / len(rows), 0.9)

    def test_no_calm_opening_is_flagged_negative(self):
        # A false "negative" hands a calm customer to a human: precision matters most.
        calm = [text for _lang, _i, mood, text in _openings() if mood != "negative"]
        self.assertGreater(len(calm), 50)
        self.assertEqual([text for text in calm if classify(text).negative], [])
