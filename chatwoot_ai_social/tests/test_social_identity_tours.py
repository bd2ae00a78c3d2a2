# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Managers' journeys in a real browser: merge suggestions and a Mercado Livre seller."""

from datetime import timedelta
from urllib.parse import urlsplit

from odoo import fields
from odoo.tests import common as odoo_test_common
from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.tests.tour_case import ChatwootAITourCase

from .fake_mercadolivre import SELLER_ID, FakeMercadoLivre


@tagged("post_install", "-at_install")
class TestManagerJourneys(ChatwootAITourCase):
    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        if urlsplit(r.url).hostname == odoo_test_common.HOST:
            return odoo_test_common._super_send(s, r, **kw)
        return super()._request_handler(s, r, **kw)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager.company_ids = cls.env.company

    def test_manager_rejects_one_suggestion_and_merges_another(self):
        Partner = self.env["res.partner"]
        Suggestion = self.env["chatwoot.identity.suggestion"]
        rita, rita_2 = Partner.create(
            [{"name": "Rita Tour", "city": "Natal"}, {"name": "Rita Tour Duplicada"}]
        )
        caio, caio_2 = Partner.create(
            [
                {"name": "Caio Tour", "phone": "+5584999990001"},
                {"name": "Caio Tour Duplicado", "phone": "+5584999990001"},
            ]
        )
        weak = Suggestion._suggest(rita, rita_2, "name_city", "rita tour, natal")
        strong = Suggestion._suggest(caio, caio_2, "phone", "+5584999990001")
        self.journey(
            "/odoo/action-chatwoot_ai_social.chatwoot_identity_suggestion_action",
            "chatwoot_ai_social_merge_suggestions",
            login=self.manager.login,
            screenshot="manager_merge_suggestions",
        )
        self.assertEqual(weak.state, "rejected")
        self.assertTrue(rita_2.exists())
        self.assertEqual(strong.state, "accepted")
        self.assertFalse(caio_2.exists(), "merged into the kept customer")

    def test_manager_tests_a_mercadolivre_seller_and_fetches_its_questions(self):
        fake = FakeMercadoLivre().start()
        self.addCleanup(fake.stop)
        self.env["ir.config_parameter"].set_param(
            "chatwoot_ai_social.mercadolivre_base_url", fake.url
        )
        fake.script("GET", "/users/me", [{"json": {"id": int(SELLER_ID), "nickname": "LOJABELA"}}])
        fake.script(
            "GET",
            "/questions/search",
            [{"json": {"total": 1, "questions": [fake.question(61, "Tem tamanho G?")]}}],
        )
        seller = self.env["chatwoot.social.account"].create(
            {
                "name": "Loja Tour ML",
                "platform": "mercadolivre",
                "external_id": SELLER_ID,
                "client_id": "55",
                "client_secret": "secret",
                "refresh_token": "TG-1",
                "access_token": "APP_USR-1",
                "token_expires_at": fields.Datetime.now() + timedelta(hours=5),
            }
        )
        self.journey(
            f"/odoo/action-chatwoot_ai_social.chatwoot_social_account_action/{seller.id}",
            "chatwoot_ai_social_mercadolivre_account",
            login=self.manager.login,
            screenshot="manager_mercadolivre_account",
        )
        self.assertTrue(fake.requests_to("GET", "/users/me"))
        events = self.env["chatwoot.social.event"].search([("account_id", "=", seller.id)])
        self.assertEqual(events.mapped("item_key"), ["mercadolivre:poll:61"])
