# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Mercado Livre end to end against a local fake API: notifications stored then fetched in the
job, the polling safety net, answers without contact details, single-use refresh tokens."""

import json
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.controllers.fast_lane import LANE_HEADER

from ..meta.graph import GraphThrottled
from .common import SocialHttpCase
from .fake_mercadolivre import ITEM_ID, SELLER_ID, FakeMercadoLivre

QUESTION_ID = "5036111111"


class MercadoLivreCase(SocialHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = cls.env["chatwoot.social.account"].create(
            {
                "name": "Loja Bela ML",
                "platform": "mercadolivre",
                "external_id": SELLER_ID,
                "client_id": "5500112233",
                "client_secret": "ml-client-secret",
                "refresh_token": "TG-1",
                "access_token": "APP_USR-1",
            }
        )
        cls.seller.sudo().token_expires_at = fields.Datetime.now() + timedelta(hours=5)

    def setUp(self):
        super().setUp()
        self.fake = FakeMercadoLivre().start()
        self.addCleanup(self.fake.stop)
        self.env["ir.config_parameter"].set_param(
            "chatwoot_ai_social.mercadolivre_base_url", self.fake.url
        )

    def notify(self, payload=None, raw=None, token=None):
        body = raw if raw is not None else json.dumps(payload).encode()
        response = self.url_open(
            f"/chatwoot_ai/mercadolivre/notify/{token or self.seller.webhook_token}",
            data=body,
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        # The base addon's fast lane serves the notifications.
        self.assertEqual(response.headers.get(LANE_HEADER), "fast", response.text)
        return response

    def notification(self, question_id=QUESTION_ID, notification_id="n-1", **extra):
        return {
            "_id": notification_id,
            "resource": f"/questions/{question_id}",
            "user_id": int(SELLER_ID),
            "topic": "questions",
            "application_id": 5500112233,
            "attempts": 1,
            "sent": "2025-09-04T15:33:21.000Z",
            "received": "2025-09-04T15:33:21.000Z",
            **extra,
        }

    def events(self):
        return self.env["chatwoot.social.event"].search(
            [("account_id", "=", self.seller.id)], order="id"
        )

    def questions(self):
        return self.env["chatwoot.social.comment"].search(
            [("account_id", "=", self.seller.id)], order="id"
        )

    def process(self):
        for event in self.events().filtered(lambda e: e.state == "new"):
            event._process_one()
        self.env.invalidate_all()

    def bearer(self, request):
        return request.headers.get("authorization")


@tagged("post_install", "-at_install")
class TestQuestionNotifications(MercadoLivreCase):
    def test_notification_is_stored_at_once_and_the_question_fetched_in_the_job(self):
        self.fake.script(
            "GET",
            f"/questions/{QUESTION_ID}",
            [{"json": self.fake.question(QUESTION_ID, "Tem na cor azul? Serve no iPhone 15? 😊")}],
        )
        response = self.notify(self.notification())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["status"], "stored")
        self.assertEqual(self.events().mapped("state"), ["new"])
        self.assertEqual(self.events().kind, "question")
        self.assertFalse(self.fake.requests, "nothing is fetched inside the notification")
        self.process()
        self.assertEqual(self.events().state, "done")
        [fetch] = self.fake.requests_to("GET", f"/questions/{QUESTION_ID}")
        self.assertEqual(self.bearer(fetch), "Bearer APP_USR-1")
        question = self.questions()
        self.assertEqual(len(question), 1)
        self.assertEqual(question.source, "question")
        self.assertEqual(question.platform, "mercadolivre")
        self.assertEqual(question.external_id, QUESTION_ID)
        self.assertEqual(question.post_external_id, ITEM_ID)
        self.assertEqual(question.body, "Tem na cor azul? Serve no iPhone 15? 😊")
        self.assertEqual(question.author_external_id, "42")
        self.assertEqual(question.created_at, fields.Datetime.to_datetime("2025-09-04 15:33:20"))
        self.assertFalse(question.is_own)
        self.assertNotIn(question.state, ("removed", "replied", "ignored"))
        identity = self.env["chatwoot.contact"].search(
            [("identity_type", "=", "mercadolivre"), ("value", "=", "42")]
        )
        self.assertEqual(identity.partner_id, question.partner_id)
        self.assertTrue(question.partner_id)

    def test_the_listing_title_is_the_caption_fetched_once(self):
        listing = {"id": ITEM_ID, "title": "Batom Matte Vermelho", "price": 39.9}
        listing.update(currency_id="BRL", permalink="https://produto.example/MLB3000000001")
        self.fake.script("GET", f"/items/{ITEM_ID}", [{"json": listing}])
        for question_id in ("51", "52"):
            self.fake.script(
                "GET", f"/questions/{question_id}", [{"json": self.fake.question(question_id, "?")}]
            )
            self.notify(self.notification(question_id, f"n-{question_id}"))
        self.process()
        posts = self.questions().post_id
        self.assertEqual(len(posts), 1, "both questions are on one listing")
        self.assertEqual(posts.caption, "Batom Matte Vermelho — BRL 39.9")
        self.assertEqual(posts.permalink, listing["permalink"])
        self.assertEqual(len(self.fake.requests_to("GET", f"/items/{ITEM_ID}")), 1)

    def test_redelivered_notification_is_stored_once(self):
        self.assertEqual(self.notify(self.notification()).json()["new"], 1)
        again = self.notify(self.notification())
        self.assertEqual((again.status_code, again.json()["new"]), (200, 0))
        self.assertEqual(len(self.events()), 1)

    def test_every_bad_notification_gets_its_4xx_never_a_500(self):
        self.assertEqual(self.notify(self.notification(), token="nope").status_code, 404)
        meta = self.notify(self.notification(), token=self.page.webhook_token)
        self.assertEqual(meta.status_code, 404, "a Meta account takes no marketplace notices")
        self.assertEqual(self.notify(raw=b'{"topic": "questions",').status_code, 400)
        self.assertEqual(self.notify(raw=b"[1, 2]").status_code, 400)
        self.assertEqual(self.notify({"topic": "questions"}).status_code, 400)
        bad_resource = self.notification(resource="/questions/abc")
        self.assertEqual(self.notify(bad_resource).status_code, 400)
        self.assertFalse(self.events(), "nothing stored for a refused notice")

    def test_other_topics_and_other_sellers_are_acknowledged_and_ignored(self):
        orders = self.notify({"resource": "/orders/2000001", "topic": "orders_v2", "user_id": 1})
        self.assertEqual((orders.status_code, orders.json()["status"]), (200, "ignored"))
        other = self.notify(self.notification(user_id=999))
        self.assertEqual((other.status_code, other.json()["status"]), (200, "ignored"))
        self.assertFalse(self.events())

    def test_question_answered_on_the_site_or_deleted_leaves_the_queue(self):
        self.fake.script(
            "GET", "/questions/11", [{"json": self.fake.question(11, "Tem M?")}]
        ).script(
            "GET",
            "/questions/12",
            [{"json": self.fake.question(12, "Aceita troca?", status="DELETED")}],
        )
        self.notify(self.notification(11, "n-11"))
        self.notify(self.notification(12, "n-12"))
        self.process()
        first, deleted = self.questions()
        self.assertEqual(deleted.state, "removed")
        self.fake.script(
            "GET",
            "/questions/11",
            [{"json": self.fake.question(11, "Tem M?", status="ANSWERED", answer="Temos sim!")}],
        )
        self.notify(self.notification(11, "n-11b"))
        self.process()
        self.assertEqual((first.state, first.reply_body), ("replied", "Temos sim!"))
        self.assertEqual(len(self.questions()), 2, "one row per question")


@tagged("post_install", "-at_install")
class TestQuestionPolling(MercadoLivreCase):
    def test_polling_stores_each_unanswered_question_once(self):
        page = {
            "total": 2,
            "limit": 50,
            "questions": [
                self.fake.question(21, "Qual o prazo para Curitiba?"),
                self.fake.question(22, "Tem garantia?", buyer=43),
            ],
        }
        self.fake.script("GET", "/questions/search", [{"json": page}])
        self.assertEqual(self.seller._poll_marketplace_questions(), 2)
        [search] = self.fake.requests_to("GET", "/questions/search")
        self.assertEqual(search.query["seller_id"], [SELLER_ID])
        self.assertEqual(search.query["status"], ["UNANSWERED"])
        self.assertEqual(self.seller._poll_marketplace_questions(), 0, "stored once")
        self.process()
        self.assertEqual(self.questions().mapped("external_id"), ["21", "22"])
        self.assertFalse(self.fake.requests_to("GET", "/questions/21"), "the poll had it all")
        self.assertTrue(self.seller.marketplace_polled_at)

    def test_cron_polls_every_seller_and_survives_one_failing(self):
        broken = self.env["chatwoot.social.account"].create(
            {
                "name": "Outra Loja ML",
                "platform": "mercadolivre",
                "external_id": "555",
                "client_id": "1",
                "client_secret": "x",
                "refresh_token": "TG-spent",
            }
        )
        # The other seller has no access token and its refresh token is refused.
        self.fake.script(
            "POST", "/oauth/token", [self.fake.error(400, "invalid_grant", "invalid_grant")]
        ).script(
            "GET",
            "/questions/search",
            [{"json": {"total": 1, "questions": [self.fake.question(31, "Tem P?")]}}],
        )
        self.env["chatwoot.social.account"]._cron_poll_marketplace_questions()
        self.assertEqual(self.events().mapped("item_key"), ["mercadolivre:poll:31"])
        self.assertFalse(self.env["chatwoot.social.event"].search([("account_id", "=", broken.id)]))
        [search] = self.fake.requests_to("GET", "/questions/search")
        self.assertEqual(search.query["seller_id"], [SELLER_ID])
        [refresh] = self.fake.requests_to("POST", "/oauth/token")
        self.assertEqual(refresh.form["refresh_token"], "TG-spent")


@tagged("post_install", "-at_install")
class TestTokens(MercadoLivreCase):
    def test_expired_token_is_refreshed_once_and_the_call_retried(self):
        self.fake.script(
            "GET",
            f"/questions/{QUESTION_ID}",
            [self.fake.expired(), {"json": self.fake.question(QUESTION_ID, "Oi?")}],
        ).script("POST", "/oauth/token", [self.fake.tokens("APP_USR-2", "TG-2")])
        self.notify(self.notification())
        self.process()
        self.assertEqual(self.events().state, "done")
        calls = [(r.method, r.path) for r in self.fake.requests if r.path != f"/items/{ITEM_ID}"]
        self.assertEqual(
            calls,
            [
                ("GET", f"/questions/{QUESTION_ID}"),
                ("POST", "/oauth/token"),
                ("GET", f"/questions/{QUESTION_ID}"),
            ],
        )
        refresh = self.fake.requests[1].form
        self.assertEqual(
            refresh,
            {
                "grant_type": "refresh_token",
                "client_id": "5500112233",
                "client_secret": "ml-client-secret",
                "refresh_token": "TG-1",
            },
        )
        self.assertIsNone(self.bearer(self.fake.requests[1]), "no bearer on the token call")
        self.assertEqual(self.bearer(self.fake.requests[2]), "Bearer APP_USR-2")
        account = self.seller.sudo()
        self.assertEqual((account.access_token, account.refresh_token), ("APP_USR-2", "TG-2"))
        self.assertGreater(account.token_expires_at, fields.Datetime.now() + timedelta(hours=5))
        self.assertEqual(self.questions().body, "Oi?")

    def test_a_token_refused_twice_is_not_refreshed_again(self):
        self.fake.script("GET", f"/questions/{QUESTION_ID}", [self.fake.expired()]).script(
            "POST", "/oauth/token", [self.fake.tokens("APP_USR-2", "TG-2")]
        )
        self.notify(self.notification())
        self.process()
        self.assertEqual(len(self.fake.requests_to("POST", "/oauth/token")), 1)
        self.assertEqual(len(self.fake.requests_to("GET", f"/questions/{QUESTION_ID}")), 2)
        event = self.events()
        self.assertEqual((event.state, event.attempts), ("new", 1), "retried later by the drain")
        self.assertIn("invalid access token", event.error)

    def test_token_about_to_expire_is_refreshed_before_the_call(self):
        self.seller.sudo().token_expires_at = fields.Datetime.now() + timedelta(minutes=1)
        self.fake.script("POST", "/oauth/token", [self.fake.tokens("APP_USR-3", "TG-3")]).script(
            "GET", "/questions/search", [{"json": {"total": 0, "questions": []}}]
        )
        self.seller._poll_marketplace_questions()
        self.assertEqual(
            [r.path for r in self.fake.requests], ["/oauth/token", "/questions/search"]
        )
        self.assertEqual(self.bearer(self.fake.requests[1]), "Bearer APP_USR-3")

    def test_refused_refresh_token_tells_the_managers(self):
        self.seller.sudo().token_expires_at = fields.Datetime.now() - timedelta(minutes=1)
        self.fake.script(
            "POST", "/oauth/token", [self.fake.error(400, "invalid_grant", "invalid_grant")]
        )
        # Plain try: Odoo's assertRaises would roll the notice back with its savepoint.
        try:
            self.seller._poll_marketplace_questions()
        except UserError as error:
            self.assertIn("refused the refresh token", str(error))
        else:
            self.fail("a refused refresh token stops the call")
        self.assertFalse(self.fake.requests_to("GET", "/questions/search"))
        self.assertIn("connect the application again", self.seller.last_error)
        self.assertEqual(self.seller.sudo().refresh_token, "TG-1")


@tagged("post_install", "-at_install")
class TestAnswers(MercadoLivreCase):
    def question(self, reply):
        self.fake.script(
            "GET", f"/questions/{QUESTION_ID}", [{"json": self.fake.question(QUESTION_ID, "Oi?")}]
        )
        self.notify(self.notification())
        self.process()
        question = self.questions()
        question.reply_body = reply
        return question

    def test_answer_is_posted_without_contact_details(self):
        question = self.question(
            "Olá! Temos sim, no azul e no preto. Dúvidas? (11) 98765-4321 ou vendas@loja.com.br"
        )
        self.fake.script("POST", "/answers", [{"json": {"id": int(QUESTION_ID)}}])
        reply_id = question._publish_reply_mercadolivre()
        [post] = self.fake.requests_to("POST", "/answers")
        self.assertEqual(
            post.json,
            {
                "question_id": int(QUESTION_ID),
                "text": "Olá! Temos sim, no azul e no preto. Dúvidas? ou",
            },
        )
        self.assertEqual(self.bearer(post), "Bearer APP_USR-1")
        self.assertEqual(question.reply_body, post.json["text"], "the comment keeps what went out")
        self.assertTrue(reply_id)

    def test_answer_with_nothing_publishable_left_is_refused(self):
        question = self.question("(11) 98765-4321 https://wa.me/5511987654321 vendas@loja.com")
        with self.assertRaises(UserError):
            question._publish_reply_mercadolivre()
        self.assertFalse(self.fake.requests_to("POST", "/answers"))

    def test_expired_token_on_answer_is_refreshed_and_the_answer_posted_once(self):
        question = self.question("Temos sim!")
        self.fake.script(
            "POST", "/answers", [self.fake.expired(), {"json": {"id": int(QUESTION_ID)}}]
        ).script("POST", "/oauth/token", [self.fake.tokens("APP_USR-2", "TG-2")])
        question._publish_reply_mercadolivre()
        answers = self.fake.requests_to("POST", "/answers")
        self.assertEqual(
            [self.bearer(r) for r in answers], ["Bearer APP_USR-1", "Bearer APP_USR-2"]
        )
        self.assertEqual(self.seller.sudo().refresh_token, "TG-2")

    def test_throttled_answer_raises_the_publishing_jobs_throttling_error(self):
        question = self.question("Temos sim!")
        self.fake.script(
            "POST",
            "/answers",
            [{"status": 429, "headers": {"Retry-After": "30"}, "json": {"message": "slow"}}],
        )
        with self.assertRaises(GraphThrottled) as caught:
            question._publish_reply_mercadolivre()
        self.assertEqual(caught.exception.retry_after, 30)

    def test_questions_cannot_be_hidden(self):
        question = self.question("Temos sim!")
        with self.assertRaises(UserError):
            question._hide_on_platform_mercadolivre()


@tagged("post_install", "-at_install")
class TestSellerButtons(MercadoLivreCase):
    def test_test_connection_names_the_seller(self):
        self.fake.script(
            "GET", "/users/me", [{"json": {"id": int(SELLER_ID), "nickname": "LOJABELA"}}]
        )
        action = self.seller.with_user(self.manager).action_test_marketplace_connection()
        self.assertIn("LOJABELA", action["params"]["message"])

    def test_test_connection_refuses_another_sellers_token(self):
        self.fake.script("GET", "/users/me", [{"json": {"id": 777, "nickname": "OUTRA"}}])
        with self.assertRaises(UserError):
            self.seller.with_user(self.manager).action_test_marketplace_connection()

    def test_fetch_now_is_for_managers(self):
        self.fake.script(
            "GET",
            "/questions/search",
            [{"json": {"total": 1, "questions": [self.fake.question(41, "Tem G?")]}}],
        )
        with self.assertRaises(AccessError):
            self.seller.with_user(self.marketer).action_fetch_marketplace_questions()
        action = self.seller.with_user(self.manager).action_fetch_marketplace_questions()
        self.assertIn("1", action["params"]["message"])
        self.assertEqual(len(self.events()), 1)
