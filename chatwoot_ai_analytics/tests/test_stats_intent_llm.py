# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the LLM fallback helpers of the pure ``stats/intent.py``: the prompt, the
answer parser and the call limits. The "model" here is a plain function: no network."""

import doctest

from odoo.tests import BaseCase

from ..stats import intent


class Unavailable(Exception):
    pass


class TestPrompt(BaseCase):
    def test_prompt_lists_every_label_with_its_definition(self):
        prompt = intent.llm_intent_prompt("Quero trocar o tamanho")
        for label in intent.INTENTS:
            self.assertIn(f"- {label}: {intent.INTENT_DEFINITIONS[label]}", prompt)
        self.assertIn("exactly one label", prompt)

    def test_prompt_carries_the_message_in_any_language(self):
        for text in ("Vocês trocam tamanho?", "¿Cuánto cuesta el envío?", "Where is my order?"):
            with self.subTest(text=text):
                prompt = intent.llm_intent_prompt(text)
                self.assertIn(f"<<<\n{text}\n>>>", prompt)
                self.assertTrue(prompt.endswith("Label:"))


class TestParseAnswer(BaseCase):
    def assert_parsed(self, cases):
        for answer, expected in cases:
            with self.subTest(answer=answer):
                self.assertEqual(intent.parse_llm_intent(answer), expected)

    def test_every_label_parses_to_itself(self):
        self.assert_parsed([(label, label) for label in intent.INTENTS])

    def test_case_quotes_punctuation_and_prefixes_are_ignored(self):
        self.assert_parsed(
            [
                ("Complaint", "complaint"),
                ("'exchange_return'", "exchange_return"),
                ('"ORDER_STATUS".', "order_status"),
                ("Exchange / Return", "exchange_return"),
                ("Label: order status", "order_status"),
                ("Intent: **compliment**", "compliment"),
                ("  shipping\n", "shipping"),
            ]
        )

    def test_portuguese_and_spanish_synonyms(self):
        self.assert_parsed(
            [
                ("reclamação", "complaint"),
                ("Reclamación", "complaint"),
                ("troca", "exchange_return"),
                ("Devolução", "exchange_return"),
                ("preço", "price"),
                ("envío", "shipping"),
                ("frete", "shipping"),
                ("elogio", "compliment"),
                ("ayuda", "support"),
                ("Resposta: suporte", "support"),
                ("status do pedido", "order_status"),
                ("outro", "other"),
            ]
        )

    def test_one_label_with_an_explanation_is_an_answer(self):
        self.assert_parsed(
            [
                ("complaint - about the delivery", "complaint"),
                ("reclamação sobre a entrega", "complaint"),
            ]
        )

    def test_unreadable_or_hedged_answers_are_none(self):
        self.assert_parsed(
            [
                ("", None),
                (None, None),
                ("I cannot tell", None),
                ("shipping or price", None),
                ("purchased", None),  # whole words only
            ]
        )

    def test_module_doctests_pass(self):
        result = doctest.testmod(intent)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)


class TestLLMIntentFallback(BaseCase):
    def setUp(self):
        super().setUp()
        self.prompts = []

    def answering(self, answer, tokens=(40, 2)):
        def ask(prompt):
            self.prompts.append(prompt)
            return answer, *tokens

        return ask

    def test_answer_becomes_the_intent_and_is_logged_with_its_tokens(self):
        fallback = intent.LLMIntentFallback(self.answering("Reclamação"))
        self.assertEqual(fallback("o produto veio diferente"), "complaint")
        (call,) = fallback.pop_log()
        self.assertEqual(
            (call.text, call.answer, call.intent, call.tokens_in, call.tokens_out, call.error),
            ("o produto veio diferente", "Reclamação", "complaint", 40, 2, ""),
        )
        self.assertEqual(fallback.pop_log(), [])
        self.assertIn("o produto veio diferente", self.prompts[0])

    def test_unreadable_answer_keeps_the_classifier_label(self):
        fallback = intent.LLMIntentFallback(self.answering("no idea"))
        self.assertIsNone(fallback("hmm"))
        self.assertEqual(fallback.calls, 1)

    def test_max_calls_caps_the_questions(self):
        fallback = intent.LLMIntentFallback(self.answering("price"), max_calls=2)
        answers = [fallback(f"message {n}") for n in range(5)]
        self.assertEqual(answers, ["price", "price", None, None, None])
        self.assertEqual(len(self.prompts), 2)

    def test_token_limit_stops_the_questions(self):
        fallback = intent.LLMIntentFallback(self.answering("price", (60, 5)), token_limit=100)
        answers = [fallback(f"message {n}") for n in range(4)]
        self.assertEqual(answers, ["price", "price", None, None])  # 65, then 130 >= 100
        self.assertEqual(fallback.tokens, 130)

    def test_zero_token_limit_asks_nothing(self):
        fallback = intent.LLMIntentFallback(self.answering("price"), token_limit=0)
        self.assertIsNone(fallback("quanto custa?"))
        self.assertEqual(self.prompts, [])

    def test_first_failure_stops_the_run(self):
        def ask(prompt):
            self.prompts.append(prompt)
            raise Unavailable("HTTP 500")

        fallback = intent.LLMIntentFallback(ask, errors=(Unavailable,))
        self.assertEqual([fallback("a"), fallback("b")], [None, None])
        self.assertEqual(len(self.prompts), 1)
        (call,) = fallback.pop_log()
        self.assertEqual((call.error, call.intent), ("HTTP 500", None))
        self.assertFalse(fallback.available)

    def test_other_errors_are_not_swallowed(self):
        def ask(prompt):
            raise KeyError("a bug")

        fallback = intent.LLMIntentFallback(ask, errors=(Unavailable,))
        with self.assertRaises(KeyError):
            fallback("a")

    def test_predict_sends_only_uncertain_texts(self):
        model = intent.IntentModel.default()
        texts = ["Onde está meu pedido? Já faz dez dias", "hmm"]
        plain = model.predict(texts)
        fallback = intent.LLMIntentFallback(self.answering("compliment"))
        result = model.predict(texts, fallback=fallback, min_confidence=plain[1][1] + 0.01)
        self.assertEqual(result[0], plain[0])
        self.assertEqual(result[1][0], "compliment")
        self.assertEqual([call.text for call in fallback.pop_log()], ["hmm"])
