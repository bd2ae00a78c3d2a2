# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Triage, the social-media crew's drafts and the reply policy, through the real jobs."""

from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.ai import format_price

from ..social.replies import reveals_private
from .common import PAGE_ID, POST_ID, SocialCase, delivery, fb_change

CAPTION = "Lançamento: Batom Vermelho Matte, acabamento aveludado 💄"


class SocialShopCase(SocialCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write({"chatwoot_ai_llm_provider": "offline", "chatwoot_ai_token_budget": 0})
        cls.lipstick = cls.env["product.product"].create(
            {
                "name": "Batom Vermelho Matte",
                "list_price": 59.90,
                "sale_ok": True,
                "type": "consu",
                "description_sale": "Batom vermelho de longa duração, acabamento matte.",
            }
        )
        cls.env["chatwoot.knowledge"].create(
            {
                "name": "Entrega",
                "category": "shipping",
                "content": "Entregamos em todo o Brasil em até 7 dias úteis; frete grátis acima "
                "de R$ 199.",
                "keywords": "entrega frete prazo entregam",
                "company_id": cls.company.id,
            }
        )
        cls.page.write({"reply_mode": "approval", "sla_hours": 4, "urgent_sla_hours": 1})

    def setUp(self):
        super().setUp()
        self.start_fake_graph()
        self.fake.script(
            "GET",
            self.graph_path(POST_ID),
            [
                {
                    "json": {
                        "id": POST_ID,
                        "message": CAPTION,
                        "permalink_url": "https://fb.com/p/555",
                    }
                }
            ],
        )

    def comment_on_page(self, number, message, author=("4242", "Ana Souza")):
        external_id = f"{PAGE_ID}_{number}"
        self.deliver(
            self.page,
            delivery("page", PAGE_ID, fb_change(external_id, message=message, author=author)),
        )
        return self.comment(external_id)

    def price(self, amount, language="pt"):
        return format_price(amount, self.company.currency_id.name, language)


@tagged("post_install", "-at_install")
class TestTriage(SocialShopCase):
    def test_types_priorities_languages_and_sla(self):
        cases = [
            ("Péssimo atendimento, meu pedido nunca chegou!", "complaint", "3", "pt", 1),
            ("Quero comprar, manda o link!", "purchase_intent", "2", "pt", 4),
            ("¿Cuánto cuesta el labial rojo?", "question", "1", "es", 4),
            ("How much is the red lipstick?", "question", "1", "en", 4),
            ("Amei! Lindo demais 😍", "praise", "0", "pt", None),
            ("GANHE SEGUIDORES GRÁTIS bit.ly/x", "spam", "0", None, None),
        ]
        for number, (text, kind, priority, language, hours) in enumerate(cases, start=1):
            comment = self.comment_on_page(number, text)
            self.assertEqual((comment.comment_type, comment.priority), (kind, priority), text)
            if language:
                self.assertEqual(comment.language, language, text)
            due = comment.created_at + timedelta(hours=hours) if hours else False
            self.assertEqual(comment.sla_due, due, text)
        complaint = self.comment(f"{PAGE_ID}_1")
        self.assertEqual((complaint.sentiment, complaint.intent), ("negative", "complaint"))
        self.assertLess(complaint.sentiment_score, 0)
        # The inbox's order: complaints first, then purchase intent, then questions.
        inbox = self.env["chatwoot.social.comment"].search(
            [("account_id", "=", self.page.id), ("comment_type", "!=", "spam")]
        )
        self.assertEqual(inbox[0], complaint)
        self.assertEqual(inbox[1].comment_type, "purchase_intent")


@tagged("post_install", "-at_install")
class TestSocialCrew(SocialShopCase):
    def test_question_under_a_post_is_answered_from_the_caption_and_catalog(self):
        comment = self.comment_on_page(1, "Quanto custa?")
        self.assertEqual(comment.state, "drafted")
        self.assertIn("Batom Vermelho Matte", comment.reply_body)
        self.assertIn(self.price(59.90), comment.reply_body)
        self.assertTrue(comment.draft_grounded)
        self.assertEqual(comment.draft_source, "catalog")
        self.assertGreater(comment.confidence, 0.5)
        self.assertEqual(comment.post_id.caption, CAPTION)
        run = comment.ai_run_id
        self.assertRecordValues(
            run,
            [{"kind": "social", "social_comment_id": comment.id, "state": "done",
              "company_id": self.company.id, "output": comment.reply_body}],
        )  # fmt: skip
        self.assertGreater(run.tokens_in, 0)
        # The caption is fetched once per post, then read from the cache.
        self.comment_on_page(2, "E esse batom tem em estoque?")
        self.assertEqual(len(self.fake.requests_to("GET", self.graph_path(POST_ID))), 1)

    def test_policy_question_is_answered_from_the_knowledge_base(self):
        comment = self.comment_on_page(3, "Vocês entregam em Curitiba? Qual o prazo?")
        self.assertEqual(comment.draft_source, "knowledge")
        self.assertIn("7 dias úteis", comment.reply_body)

    def test_order_questions_invite_to_a_private_channel_and_never_show_the_order(self):
        customer = self.env["res.partner"].create({"name": "Carla Dias"})
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [(0, 0, {"product_id": self.lipstick.id, "product_uom_qty": 1})],
            }
        )
        order.action_confirm()
        self.env["chatwoot.contact"]._remember_social(
            self.page, customer, "facebook", "7777", "Carla Dias"
        )
        comment = self.comment_on_page(
            4, "Cadê meu pedido? Comprei semana passada", ("7777", "Carla Dias")
        )
        self.assertEqual(comment.partner_id, customer)
        self.assertNotIn(order.name, comment.reply_body)
        self.assertFalse(reveals_private(comment.reply_body))
        self.assertIn("privado", comment.reply_body)
        self.assertIn("Carla", comment.reply_body)
        self.assertFalse(comment.draft_grounded)
        self.assertNotEqual(comment.state, "replied")

    def test_the_reply_speaks_the_language_of_the_comment(self):
        spanish = self.comment_on_page(7, "¿Cuánto cuesta el labial rojo?", ("99", "Lucía"))
        english = self.comment_on_page(8, "So beautiful, I love it!", ("98", "Kate"))
        self.assertEqual((spanish.language, english.language), ("es", "en"))
        self.assertIn("cuesta", spanish.reply_body)
        self.assertIn(self.price(59.90, "es"), spanish.reply_body)
        self.assertIn("Thank you", english.reply_body)

    def test_praise_is_thanked_without_a_model_call(self):
        comment = self.comment_on_page(5, "Amei! Lindo demais 😍", ("88", "Bia Lima"))
        self.assertEqual(comment.draft_source, "praise")
        self.assertIn("Bia", comment.reply_body)
        self.assertEqual(comment.ai_run_id.tokens_in, 0)

    def test_without_budget_the_crew_is_not_called(self):
        self.company.chatwoot_ai_token_budget = 1
        self.env["chatwoot.ai.run"].create(
            {
                "account_id": self.account.id,
                "conversation_id": self.conversation.id,
                "tokens_in": 5,
                "tokens_out": 5,
            }
        )
        self.env.invalidate_all()
        self.assertTrue(self.company.chatwoot_ai_budget_spent)
        comment = self.comment_on_page(6, "Quanto custa o batom vermelho?")
        self.assertEqual(comment.draft_source, "private")
        self.assertEqual(comment.ai_run_id.tokens_in, 0)


@tagged("post_install", "-at_install")
class TestReplyPolicy(SocialShopCase):
    def setUp(self):
        super().setUp()
        self.page.write({"reply_mode": "auto", "auto_min_confidence": 0.6, "hide_spam": True})

    def script_reply(self, number, reply_id):
        self.fake.script(
            "POST",
            self.graph_path(f"{PAGE_ID}_{number}/comments"),
            [{"json": {"id": reply_id}}],
        )

    def test_auto_mode_publishes_praise_and_answered_questions(self):
        self.script_reply(1, f"{PAGE_ID}_1_r")
        self.script_reply(2, f"{PAGE_ID}_2_r")
        praise = self.comment_on_page(1, "Amei! Lindo demais 😍")
        question = self.comment_on_page(2, "Quanto custa o batom vermelho?")
        for comment, reply_id in ((praise, f"{PAGE_ID}_1_r"), (question, f"{PAGE_ID}_2_r")):
            self.assertRecordValues(
                comment, [{"state": "replied", "reply_external_id": reply_id, "auto_replied": True}]
            )
            self.assertTrue(comment.replied_at)
        [sent] = self.fake.requests_to("POST", self.graph_path(f"{PAGE_ID}_2/comments"))
        self.assertEqual(sent.form["message"], question.reply_body)
        self.assertEqual(sent.headers["authorization"], "Bearer page-token")

    def test_below_the_threshold_the_draft_waits_for_approval(self):
        self.page.auto_min_confidence = 1.0
        comment = self.comment_on_page(3, "Quanto custa o batom vermelho?")
        self.assertEqual(comment.state, "drafted")
        self.assertFalse(self.fake.requests_to("POST", self.graph_path(f"{PAGE_ID}_3/comments")))

    def test_purchase_intent_and_private_answers_wait_for_approval(self):
        comment = self.comment_on_page(4, "Quero comprar, manda o link!")
        self.assertEqual(comment.state, "drafted")

    def test_draft_mode_never_publishes(self):
        self.page.reply_mode = "draft"
        comment = self.comment_on_page(5, "Amei! Lindo demais 😍")
        self.assertEqual(comment.state, "drafted")
        self.assertFalse(comment.reply_external_id)

    def test_complaints_are_never_answered_but_escalated(self):
        comment = self.comment_on_page(6, "Péssimo atendimento, meu pedido nunca chegou!")
        self.assertEqual(comment.state, "escalated")
        self.assertFalse(comment.reply_external_id)
        self.assertTrue(comment.reply_body, "a draft for the person who answers")
        [activity] = comment.activity_ids
        self.assertEqual(activity.date_deadline, comment.sla_due.date())
        self.assertIn("Péssimo atendimento", activity.note)

    def test_spam_is_hidden_when_configured_and_ignored_otherwise(self):
        self.fake.script("POST", self.graph_path(f"{PAGE_ID}_7"), [{"json": {"success": True}}])
        hidden = self.comment_on_page(7, "GANHE SEGUIDORES GRÁTIS bit.ly/x")
        self.assertRecordValues(hidden, [{"state": "hidden", "hidden_on_platform": True}])
        [call] = self.fake.requests_to("POST", self.graph_path(f"{PAGE_ID}_7"))
        self.assertEqual(call.form["is_hidden"], "true")
        self.page.hide_spam = False
        ignored = self.comment_on_page(8, "GANHE SEGUIDORES GRÁTIS bit.ly/y")
        self.assertEqual(ignored.state, "ignored")
        self.assertFalse(ignored.reply_body)
