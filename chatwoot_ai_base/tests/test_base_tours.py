# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A Manager and a support agent in a real browser (headless Chromium), on the demo shop."""

from odoo.tests import tagged

from .tour_case import ChatwootAITourCase


@tagged("post_install", "-at_install")
class TestBaseJourneys(ChatwootAITourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        (cls.agent | cls.manager).write({"company_id": company.id, "company_ids": company.ids})

    def test_manager_creates_an_account_and_sees_its_webhook_url(self):
        self.journey(
            "/odoo/action-chatwoot_ai_base.chatwoot_account_action",
            "chatwoot_ai_base_account_webhook",
            login=self.manager.login,
            screenshot="manager_account_webhook_url",
        )
        account = self.env["chatwoot.account"].search([("name", "=", "Loja Bela Atendimento")])
        self.assertEqual(len(account), 1)
        self.assertEqual(account.create_uid, self.manager)
        self.assertEqual(
            (account.base_url, account.chatwoot_account_id), ("https://chat.lojabela.com.br", 12)
        )
        self.assertTrue(
            account.webhook_url.endswith(f"/chatwoot_ai/webhook/{account.webhook_token}")
        )

    def test_agent_opens_the_chat_thread_and_gets_a_suggested_reply(self):
        conversations = self.env["chatwoot.conversation"].search(
            [("company_id", "=", self.env.company.id)], order="id desc"
        )

        def last_question(conversation):
            incoming = conversation.message_ids.filtered(lambda m: m.message_type == "incoming")
            return (incoming.sorted("chatwoot_message_id")[-1:].content or "").endswith("?")

        # A conversation people handle whose customer's last word is a question.
        human = conversations.filtered(lambda c: not c.ai_bot_handled)
        conversation = human.filtered(last_question)[:1]
        self.assertTrue(conversation, "the demo shop has a human-handled question")
        self.assertFalse(conversation.ai_suggested_reply)
        self.journey(
            f"/odoo/action-chatwoot_ai_base.chatwoot_conversation_action/{conversation.id}",
            "chatwoot_ai_base_suggest_reply",
            login=self.agent.login,
            screenshot="agent_suggested_reply",
        )
        self.assertTrue(conversation.ai_suggested_reply)
        run = self.env["chatwoot.ai.run"].search(
            [("conversation_id", "=", conversation.id), ("kind", "=", "suggest")]
        )
        self.assertEqual(run.state, "done")
        self.assertEqual(run.suggested_reply, conversation.ai_suggested_reply)

    def test_manager_erases_a_person(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Tour Erasure Person",
                "email": "erase.me@example.com",
                "phone": "+5511987659999",
                "company_id": self.env.company.id,
            }
        )
        account = self.env["chatwoot.account"].search([("company_id", "=", self.env.company.id)])
        conversation = self.env["chatwoot.conversation"].create(
            {
                "account_id": account[:1].id,
                "display_id": 990001,
                "partner_id": partner.id,
                "status": "open",
            }
        )
        self.env["chatwoot.message"].create(
            {
                "account_id": account[:1].id,
                "conversation_id": conversation.id,
                "partner_id": partner.id,
                "chatwoot_message_id": 990001,
                "message_type": "incoming",
                "sender_type": "contact",
                "content": "Quero que apaguem meus dados, sou erase.me@example.com",
            }
        )
        self.journey(
            "/odoo/action-chatwoot_ai_base.chatwoot_erasure_request_action",
            "chatwoot_ai_base_erasure",
            login=self.manager.login,
            screenshot="manager_erasure_done",
        )
        request = self.env["chatwoot.erasure.request"].search([("partner_ref_id", "=", partner.id)])
        self.assertEqual(request.state, "done")
        self.assertEqual(request.executed_by_id, self.manager)
        self.assertEqual(request.note, "ticket 2026-0042")
        self.assertGreater(request.total_count, 0)
        self.assertFalse(conversation.exists(), "the person's conversation is gone")
        self.assertNotEqual(partner.name, "Tour Erasure Person")
        self.assertFalse(partner.email)
