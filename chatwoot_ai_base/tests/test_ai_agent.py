# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer agent end to end with the offline LLM: a real crewai Crew runs each reply.

The tools are plain functions over small dict catalogs, as the model layer's adapters
are plain functions over the ORM; every answer must carry the catalog's facts.
"""

import json
import os
import socket
import sqlite3
from contextlib import closing
from pathlib import Path
from unittest import mock

from odoo.tests import BaseCase

from ..ai import (
    NO_ANSWER,
    AgentTools,
    BusinessProfile,
    CustomerAgent,
    LLMSettings,
    build_llm,
)
from ..ai.context import parse_context

CATALOG = [
    {
        "id": 1,
        "name": "Batom Matte Rubi",
        "price": 59.9,
        "currency": "BRL",
        "in_stock": True,
        "qty_available": 12.0,
        "description": "Batom matte de longa duração",
        "category": "Maquiagem",
        "attributes": "cor: vermelho",
        "score": 0.9,
        "related": ["Lápis de Boca Rubi"],
        "keywords": ("batom", "labial", "lipstick"),
    },
    {
        "id": 2,
        "name": "Sérum Vitamina C",
        "price": 1234.5,
        "currency": "BRL",
        "in_stock": False,
        "qty_available": 0.0,
        "description": "Sérum antioxidante",
        "category": "Skincare",
        "attributes": "",
        "score": 0.8,
        "related": [],
        "keywords": ("serum", "sérum", "vitamina"),
    },
]
ORDERS = [
    {
        "name": "S00012",
        "date": "2026-03-05T10:00:00",
        "state": "sale",
        "delivery_status": "partial",
        "amount_total": 120.5,
        "currency": "BRL",
        "lines": [{"product": "Batom Matte Rubi", "quantity": 2}],
    },
    {
        "name": "S00007",
        "date": "2026-01-20",
        "state": "sale",
        "delivery_status": "full",
        "amount_total": 59.9,
        "currency": "BRL",
        "lines": [],
    },
]
KNOWLEDGE = [
    {
        "title": "Trocas e devoluções",
        "category": "returns",
        "score": 0.9,
        "content": "Você pode trocar ou devolver em até 30 dias após o recebimento. "
        "A primeira troca tem frete grátis.",
        "keywords": ("troca", "devol", "cambio", "return", "exchange"),
    },
    {
        "title": "Pagamento",
        "category": "payment",
        "score": 0.8,
        "content": "Aceitamos Pix, boleto e cartão em até 6x sem juros.",
        "keywords": ("pagamento", "pago", "payment", "pix", "cuotas", "installments"),
    },
]


def _matching(rows, query, limit):
    words = query.lower()
    hits = [r for r in rows if any(k in words for k in r["keywords"])]
    return [{k: v for k, v in r.items() if k != "keywords"} for r in hits[:limit]]


class FakeShop:
    """The four tool callables over the dicts above, recording what they were asked."""

    def __init__(self, orders=None, customer=None):
        self.calls = []
        self.orders = ORDERS if orders is None else orders
        self.customer = customer or {"name": "Maria Souza", "language": "", "city": "Recife"}

    def search_products(self, query, limit):
        self.calls.append(("search_products", query, limit))
        return _matching(CATALOG, query, limit)

    def customer_orders(self, limit):
        self.calls.append(("customer_orders", limit))
        return [dict(o) for o in self.orders[:limit]]

    def search_knowledge(self, query, limit):
        self.calls.append(("search_knowledge", query, limit))
        return _matching(KNOWLEDGE, query, limit)

    def customer_profile(self):
        self.calls.append(("customer_profile",))
        return dict(self.customer)

    def tools(self):
        return AgentTools(
            search_products=self.search_products,
            customer_orders=self.customer_orders,
            search_knowledge=self.search_knowledge,
            customer_profile=self.customer_profile,
        )


PROFILE = BusinessProfile(
    company_name="Bela Pele",
    segment="cosmetics",
    tone="friendly",
    forbidden_topics=("conselho médico", "medical advice", "consejo médico"),
    escalation_rules=("processo judicial", "lawsuit", "demanda judicial"),
    default_language="pt",
    currency="BRL",
    human_hours="seg-sex 9h-18h",
)


class AgentCase(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.llm = build_llm(LLMSettings())

    def agent(self, shop=None, profile=PROFILE):
        self.shop = shop or FakeShop()
        return CustomerAgent(self.llm, self.shop.tools(), profile)

    def assertAnswered(self, reply, *facts):
        self.assertFalse(reply.handoff, reply)
        self.assertEqual(reply.handoff_reason, "")
        for fact in facts:
            self.assertIn(fact, reply.text)
        self.assertGreater(reply.tokens_in, 0)
        self.assertGreater(reply.tokens_out, 0)
        self.assertTrue(reply.summary)
        self.assertEqual(reply.suggested_reply, reply.text)


class TestOfflineAnswers(AgentCase):
    def test_price_and_stock_in_portuguese(self):
        reply = self.agent().reply(["Oi! Quanto custa o batom? Tem em estoque?"])
        self.assertAnswered(reply, "Batom Matte Rubi", "R$ 59,90", "em estoque")
        self.assertEqual((reply.language, reply.intent, reply.crew), ("pt", "purchase", "sales"))
        self.assertIn(("search_products", "batom", 5), self.shop.calls)
        self.assertEqual(reply.context["products"][0]["price_text"], "R$ 59,90")

    def test_out_of_stock_in_spanish(self):
        reply = self.agent().reply(["¿cuánto cuesta el sérum de vitamina C?"])
        self.assertAnswered(reply, "Sérum Vitamina C", "R$ 1.234,50", "sin stock")
        self.assertEqual(reply.language, "es")

    def test_price_in_english(self):
        reply = self.agent().reply(["how much is the lipstick? is it in stock?"])
        self.assertAnswered(reply, "Batom Matte Rubi", "R$59.90", "in stock")
        self.assertEqual(reply.language, "en")

    def test_order_status_in_three_languages(self):
        cases = {
            "pt": (
                ["qual o status do meu pedido?"],
                ("Seu pedido S00012", "05/03/2026", "confirmado", "R$ 120,50"),
            ),
            "es": (["¿dónde está mi pedido?"], ("Tu pedido S00012", "entregado parcialmente")),
            "en": (
                ["where is my order?"],
                ("Your order S00012", "2026-03-05", "partially delivered", "R$120.50"),
            ),
        }
        for language, (messages, facts) in cases.items():
            with self.subTest(language=language):
                reply = self.agent().reply(messages)
                self.assertAnswered(reply, *facts)
                self.assertEqual((reply.language, reply.crew), (language, "support"))
                self.assertIn(("customer_orders", 5), self.shop.calls)

    def test_named_order_is_the_one_answered(self):
        reply = self.agent().reply(["e o pedido S00007?"])
        self.assertAnswered(reply, "S00007", "entregue")
        self.assertNotIn("S00012", reply.text)

    def test_policy_in_three_languages(self):
        cases = {
            "pt": ["vocês fazem troca?"],
            "es": ["¿hacen cambios o devoluciones?"],
            "en": ["what is your return policy?"],
        }
        for language, messages in cases.items():
            with self.subTest(language=language):
                reply = self.agent().reply(messages)
                self.assertAnswered(reply, "30 dias")
                self.assertEqual(
                    (reply.language, reply.intent, reply.crew),
                    (language, "exchange_return", "info"),
                )

    def test_payment_policy(self):
        reply = self.agent().reply(["quais as formas de pagamento?"])
        self.assertAnswered(reply, "Pix", "6x")

    def test_greeting_uses_the_customer_name(self):
        reply = self.agent().reply(["oi"])
        self.assertAnswered(reply, "Maria", "Bela Pele")
        self.assertEqual(reply.intent, "other")
        self.assertTrue(reply.context["greeting"])

    def test_history_gives_the_language_of_a_message_without_cues(self):
        history = [
            {"role": "customer", "content": "hola, buenas tardes"},
            {"role": "agent", "content": "¡Hola! ¿En qué puedo ayudarte?"},
        ]
        reply = self.agent().reply(["S00012"], history)
        self.assertEqual(reply.language, "es")
        self.assertAnswered(reply, "Tu pedido S00012")

    def test_task_carries_the_messages_history_and_context(self):
        agent = self.agent()
        decision_text = "quanto custa o batom?"
        reply = agent.reply([decision_text], [{"role": "agent", "content": "Olá!"}])
        description = agent._task_description(
            [decision_text], [{"role": "agent", "content": "Olá!"}], reply.context, "pt"
        )
        self.assertIn("- quanto custa o batom?", description)
        self.assertIn("agent: Olá!", description)
        self.assertEqual(parse_context(description)["products"][0]["name"], "Batom Matte Rubi")
        json.dumps(reply.context)  # the snapshot is stored on the run log


class TestHandoff(AgentCase):
    def assertHandoff(self, reply, reason, with_tokens=False):
        self.assertTrue(reply.handoff, reply)
        self.assertEqual(reply.handoff_reason, reason)
        self.assertTrue(reply.text)
        self.assertTrue(reply.suggested_reply)
        self.assertTrue(1 <= len(reply.summary.splitlines()) <= 3, reply.summary)
        if not with_tokens:
            self.assertEqual((reply.tokens_in, reply.tokens_out), (0, 0))

    def test_human_request_before_any_llm_call(self):
        for message in (
            "quero falar com um atendente",
            "quiero hablar con una persona",
            "I want to talk to a human",
        ):
            with self.subTest(message=message):
                reply = self.agent().reply([message])
                self.assertHandoff(reply, "human_request")
                # Only the profile (for the language and name) was read: no search at all.
                self.assertEqual(self.shop.calls, [("customer_profile",)])

    def test_negative_complaint(self):
        reply = self.agent().reply(["meu pedido não chegou, que absurdo! péssimo atendimento!"])
        self.assertHandoff(reply, "complaint")
        self.assertIn("Maria", reply.suggested_reply)
        self.assertIn("Sinto muito", reply.suggested_reply)

    def test_calm_complaint_is_answered(self):
        reply = self.agent().reply(["o produto veio com defeito, como faço a troca?"])
        self.assertAnswered(reply, "30 dias")
        self.assertEqual(reply.intent, "complaint")

    def test_forbidden_topic(self):
        reply = self.agent().reply(["preciso de um conselho médico sobre esse sérum"])
        self.assertHandoff(reply, "forbidden_topic")
        reply = self.agent().reply(["can you give me some advice, a medical one?"])
        self.assertHandoff(reply, "forbidden_topic")

    def test_escalation_rule(self):
        reply = self.agent().reply(["vou abrir um processo judicial contra vocês"])
        self.assertHandoff(reply, "escalation_rule")

    def test_unknown_answer_is_low_confidence(self):
        for message, language in (
            ("qual a capital da França?", "pt"),
            ("¿tienen zapatos de fútbol?", "es"),
            ("tell me a joke", "en"),
        ):
            with self.subTest(message=message):
                reply = self.agent().reply([message])
                self.assertHandoff(reply, "low_confidence", with_tokens=True)
                self.assertEqual(reply.language, language)
                self.assertGreater(reply.tokens_in, 0)
                self.assertNotIn(NO_ANSWER, reply.text + reply.suggested_reply)

    def test_no_orders_is_low_confidence(self):
        reply = self.agent(FakeShop(orders=[])).reply(["cadê meu pedido?"])
        self.assertHandoff(reply, "low_confidence", with_tokens=True)

    def test_unknown_order_reference_is_low_confidence(self):
        reply = self.agent().reply(["e o pedido S09999?"])
        self.assertHandoff(reply, "low_confidence", with_tokens=True)

    def test_no_text_goes_to_a_human_without_any_call(self):
        reply = self.agent().reply(["", "   "])
        self.assertHandoff(reply, "low_confidence")
        self.assertEqual(self.shop.calls, [("customer_profile",)])

    def test_summary_is_in_the_shop_language(self):
        reply = self.agent().reply(["I want to talk to a human"])
        self.assertEqual(reply.language, "en")
        self.assertIn("Transferido para humano", reply.summary)
        self.assertIn("Thanks for your patience", reply.text)

    def test_handoff_reply_without_llm(self):
        for reason in ("budget", "llm_error"):
            reply = CustomerAgent.handoff_reply(reason, "es", PROFILE)
            self.assertHandoff(reply, reason)
            self.assertIn("Bela Pele", reply.text)
            self.assertEqual(reply.language, "es")
        reply = CustomerAgent.handoff_reply("budget", "xx", PROFILE, summary="custom")
        self.assertEqual((reply.language, reply.summary), ("pt", "custom"))

    def test_out_of_hours_text(self):
        text = CustomerAgent.out_of_hours_text("pt", PROFILE, "amanhã às 9h")
        self.assertIn("amanhã às 9h", text)
        self.assertIn("seg-sex 9h-18h", text)
        self.assertIn(
            "tomorrow at 9", CustomerAgent.out_of_hours_text("en", PROFILE, "tomorrow at 9")
        )


class TestSuggestReply(AgentCase):
    def test_never_hands_off(self):
        agent = self.agent()
        reply = agent.suggest_reply(["quero falar com um atendente sobre meu pedido"])
        self.assertFalse(reply.handoff)
        self.assertTrue(reply.suggested_reply)
        reply = agent.suggest_reply(["qual a capital da França?"])
        self.assertFalse(reply.handoff)
        self.assertIn("Maria", reply.suggested_reply)

    def test_drafts_the_answer(self):
        reply = self.agent().suggest_reply(["quanto custa o batom?"])
        self.assertIn("R$ 59,90", reply.suggested_reply)


class TestDeterminism(AgentCase):
    def test_same_input_same_reply(self):
        messages = ["oi", "quanto custa o batom?"]
        first = self.agent().reply(messages)
        second = self.agent().reply(messages)
        self.assertEqual(first, second)
        self.assertEqual(
            self.agent().reply(["¿dónde está mi pedido?"]),
            self.agent().reply(["¿dónde está mi pedido?"]),
        )


class TestNothingLeavesOdoo(AgentCase):
    def test_crewai_keeps_no_copy_of_the_conversation(self):
        from crewai.memory.storage.kickoff_task_outputs_storage import (
            KickoffTaskOutputsSQLiteStorage,
        )

        # The store crewai's stock crews write every kickoff's outputs to exists, with its table.
        path = Path(KickoffTaskOutputsSQLiteStorage().db_path)
        self.assertTrue(path.exists())
        query = "SELECT * FROM latest_kickoff_task_outputs"
        with closing(sqlite3.connect(path)) as conn:
            before = conn.execute(query).fetchall()
        reply = self.agent().reply(["quanto custa o batom? sou a cliente Zélia Quaresma"])
        self.assertIn("R$ 59,90", reply.text)
        with closing(sqlite3.connect(path)) as conn:
            after = conn.execute(query).fetchall()
        self.assertEqual(after, before, "our crews never write crewai's replay store")
        self.assertNotIn("Zélia Quaresma", json.dumps(after, ensure_ascii=False, default=str))

    def test_offline_reply_opens_no_connection(self):
        opened = []
        real_connect = socket.socket.connect

        def recording_connect(sock, address):
            opened.append(address)
            return real_connect(sock, address)

        with mock.patch.object(socket.socket, "connect", recording_connect):
            self.agent().reply(["quanto custa o batom?"])
            self.agent().reply(["qual a capital da França?"])
        self.assertEqual(opened, [])

    def test_telemetry_and_tracing_are_off(self):
        from crewai.telemetry import Telemetry

        self.assertTrue(Telemetry._is_telemetry_disabled())
        self.assertEqual(os.environ["CREWAI_TRACING_ENABLED"], "false")


class TestFollowUp(AgentCase):
    def test_bare_follow_up_keeps_the_previous_topic(self):
        history = [
            {"role": "customer", "content": "quanto custa o batom?"},
            {"role": "agent", "content": "O Batom Matte Rubi custa R$ 59,90."},
        ]
        reply = self.agent().reply(["e o sérum?"], history)
        self.assertEqual((reply.intent, reply.crew), ("price", "sales"))
        self.assertAnswered(reply, "Sérum Vitamina C", "R$ 1.234,50")

    def test_follow_up_without_a_topic_is_still_other(self):
        history = [{"role": "customer", "content": "oi"}]
        reply = self.agent().reply(["qual a capital da França?"], history)
        self.assertEqual(reply.intent, "other")
        self.assertEqual(reply.handoff_reason, "low_confidence")
