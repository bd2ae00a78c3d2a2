# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The pure marketplace package: the answer validator, notifications, the connector registry."""

import doctest

from odoo.tests import BaseCase

from ..marketplace import (
    CONNECTORS,
    MarketplaceConnector,
    MercadoLivreConnector,
    NotificationError,
    answers,
    connector,
    connector_class,
    mercadolivre,
)
from ..marketplace.answers import MAX_ANSWER_LENGTH, answer_problems, clean_answer
from ..marketplace.connector import register


class TestDoctests(BaseCase):
    def test_doctests(self):
        for module in (answers, connector, mercadolivre):
            result = doctest.testmod(module)
            self.assertGreater(result.attempted, 0, module.__name__)
            self.assertEqual(result.failed, 0, module.__name__)


class TestAnswerValidator(BaseCase):
    def test_every_kind_of_contact_detail_is_found(self):
        cases = {
            "Liga pra gente: +55 (11) 3456-7890": "phone",
            "whats 11987654321": "phone",
            "0800 123 4567 atendimento": "phone",
            "Escreva para sac@loja.com.br": "email",
            "Veja http://bit.ly/abc": "link",
            "Site: lojabela.com.br/promo": "link",
            "Siga @loja.bela no Insta": "handle",
        }
        for text, kind in cases.items():
            with self.subTest(text=text):
                self.assertIn(kind, answer_problems(text))
                self.assertEqual(answer_problems(clean_answer(text)), [])

    def test_prices_sizes_and_dates_are_not_contact_details(self):
        for text in (
            "Custa R$ 1.299,90 à vista ou 10x de R$ 129,99.",
            "Medidas: 120 x 60 x 75 cm, 12,5 kg.",
            "Postamos em 24/09/2025, chega em 3 a 5 dias úteis.",
            "Código de barras? Use o EAN do anúncio.",
        ):
            with self.subTest(text=text):
                self.assertEqual(answer_problems(text), [])
                self.assertEqual(clean_answer(text), text)

    def test_long_answers_are_cut_at_a_sentence(self):
        text = "Temos sim. " * 300
        cleaned = clean_answer(text)
        self.assertLessEqual(len(cleaned), MAX_ANSWER_LENGTH)
        self.assertTrue(cleaned.endswith("Temos sim."))
        self.assertEqual(answer_problems(text), ["too_long"])

    def test_accents_and_emoji_are_kept(self):
        self.assertEqual(clean_answer("Olá, João! Chegou 😊"), "Olá, João! Chegou 😊")


class TestNotifications(BaseCase):
    def test_malformed_notifications_are_refused(self):
        for payload in (
            [],
            {"topic": "questions"},
            {"resource": "/questions/1"},
            {"topic": "questions", "resource": "/questions/x"},
            {"topic": 1, "resource": "/questions/1"},
        ):
            with self.subTest(payload=payload), self.assertRaises(NotificationError):
                MercadoLivreConnector.parse_notification(payload)

    def test_a_notification_without_id_keys_on_question_and_time(self):
        notice = MercadoLivreConnector.parse_notification(
            {"topic": "questions", "resource": "questions/9", "sent": "2025-09-04T10:00:00Z"}
        )
        self.assertEqual(notice["key"], "ml:questions:9:2025-09-04T10:00:00Z")


class TestConnectorRegistry(BaseCase):
    def test_mercadolivre_is_registered(self):
        self.assertIs(connector_class("mercadolivre"), MercadoLivreConnector)

    def test_another_marketplace_is_one_class(self):
        @register
        class ShopeeConnector(MarketplaceConnector):
            platform = "shopee_test"

        self.addCleanup(CONNECTORS.pop, "shopee_test")
        self.assertIs(connector_class("shopee_test"), ShopeeConnector)
        with self.assertRaises(NotImplementedError):
            ShopeeConnector("http://127.0.0.1:9").fetch_open_questions("1")

    def test_a_connector_needs_its_base_url(self):
        with self.assertRaises(ValueError):
            MercadoLivreConnector("", "token")
