# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The language model as the intent classifier's optional fallback, on a real registry.

A local scripted HTTP server (``FakeChatwoot``) plays an OpenAI-compatible provider at
``/v1/chat/completions``; the requests go through crewai's real client.
"""

from odoo.tests import Form, tagged

from odoo.addons.chatwoot_ai_base.tests.fake_chatwoot import FakeChatwoot
from odoo.addons.chatwoot_ai_base.tests.test_ai_remote_llm import completion

from ..stats.intent import DEFAULT_MIN_CONFIDENCE, IntentModel
from .test_conversation_analytics import ConversationAnalyticsCase

COMPLETIONS = "/v1/chat/completions"
# Texts the classifier is unsure about (checked in setUpClass) and one it is sure about.
UNCERTAIN = ("hmm", "Sobre aquilo que falei")
CERTAIN = "Onde está meu pedido? Já faz dez dias"


@tagged("post_install", "-at_install")
class TestIntentLLMFallback(ConversationAnalyticsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A company of its own: the database's other messages never reach this fake model.
        cls.shop = cls.env["res.company"].create({"name": "Loja Intents"})
        cls.shop_account = cls.env["chatwoot.account"].create(
            {
                "name": "Loja Intents",
                "company_id": cls.shop.id,
                "base_url": "https://chat.example.com",
                "chatwoot_account_id": 77,
                "api_access_token": "token-intents",
            }
        )
        cls.shop_inbox = cls.env["chatwoot.inbox"].create(
            {
                "account_id": cls.shop_account.id,
                "chatwoot_inbox_id": 77,
                "name": "WhatsApp Intents",
                "channel_type": "Channel::Whatsapp",
            }
        )
        cls.chat = cls.new_conversation(7701, account=cls.shop_account, inbox=cls.shop_inbox)
        cls.classifier = dict(
            zip(
                UNCERTAIN + (CERTAIN,),
                IntentModel.default().predict(UNCERTAIN + (CERTAIN,)),
                strict=True,
            )
        )

    def setUp(self):
        super().setUp()
        for text in UNCERTAIN:
            self.assertLess(self.classifier[text][1], DEFAULT_MIN_CONFIDENCE, text)
            self.assertNotEqual(self.classifier[text][0], "exchange_return", text)
        self.assertGreater(self.classifier[CERTAIN][1], DEFAULT_MIN_CONFIDENCE)
        self.llm = FakeChatwoot().start()
        self.addCleanup(self.llm.stop)
        self.llm.script("POST", COMPLETIONS, [completion("Troca", 120, 3)])
        self.shop.write(
            {
                "chatwoot_ai_llm_provider": "openai",
                "chatwoot_ai_llm_base_url": f"{self.llm.url}/v1",
                "chatwoot_ai_llm_model": "gpt-4o-mini",
                "chatwoot_ai_llm_api_key": "sk-test",
                "chatwoot_ai_llm_timeout": 2.0,
                "chatwoot_ai_intent_llm_fallback": True,
            }
        )
        self.messages = self.add_messages(
            self.chat,
            [(n, "incoming", "contact", text) for n, text in enumerate(UNCERTAIN + (CERTAIN,))],
        )

    def classify(self):
        self.env["chatwoot.message"]._analytics_classify(since=self.messages[0].create_date)
        return {message.content: message.intent for message in self.messages}

    def intent_runs(self):
        return self.env["chatwoot.ai.run"].search(
            [("company_id", "=", self.shop.id), ("kind", "=", "intent")]
        )

    def asked(self):
        return [
            request.json["messages"][0]["content"]
            for request in self.llm.requests_to("POST", COMPLETIONS)
        ]

    def test_uncertain_messages_get_the_model_label(self):
        intents = self.classify()
        self.assertEqual(intents[UNCERTAIN[0]], "exchange_return")
        self.assertEqual(intents[UNCERTAIN[1]], "exchange_return")
        self.assertEqual(intents[CERTAIN], self.classifier[CERTAIN][0])
        # Only the uncertain texts were asked, each inside the prompt.
        asked = self.asked()
        self.assertEqual(len(asked), 2)
        self.assertTrue(all(f"<<<\n{text}\n>>>" in "".join(asked) for text in UNCERTAIN))
        # Each question is a run whose tokens count against the monthly budget.
        runs = self.intent_runs()
        self.assertEqual(len(runs), 2)
        self.assertEqual(set(runs.mapped("state")), {"done"})
        self.assertEqual(set(runs.mapped("output")), {"Troca"})
        self.assertEqual(sorted(runs.mapped("input_text")), sorted(UNCERTAIN))
        self.assertEqual(runs.trigger_message_ids, self.messages[:2])
        self.shop.invalidate_recordset(["chatwoot_ai_tokens_this_month"])
        self.assertEqual(self.shop.chatwoot_ai_tokens_this_month, 2 * 123)

    def assert_classifier_labels(self, intents):
        for text in UNCERTAIN + (CERTAIN,):
            self.assertEqual(intents[text], self.classifier[text][0], text)

    def test_disabled_option_keeps_the_classifier_label(self):
        self.shop.chatwoot_ai_intent_llm_fallback = False
        self.assert_classifier_labels(self.classify())
        self.assertEqual(self.llm.requests, [])
        self.assertFalse(self.intent_runs())

    def test_offline_provider_is_never_asked(self):
        self.shop.chatwoot_ai_llm_provider = "offline"
        self.assert_classifier_labels(self.classify())
        self.assertEqual(self.llm.requests, [])
        self.assertFalse(self.intent_runs())

    def test_call_cap_is_respected(self):
        self.shop.chatwoot_ai_intent_llm_max_calls = 1
        intents = self.classify()
        (prompt,) = self.asked()
        asked = next(text for text in UNCERTAIN if f"<<<\n{text}\n>>>" in prompt)
        (not_asked,) = set(UNCERTAIN) - {asked}
        self.assertEqual(intents[asked], "exchange_return")
        self.assertEqual(intents[not_asked], self.classifier[not_asked][0])
        self.assertEqual(len(self.intent_runs()), 1)

    def test_server_error_keeps_the_classifier_label_and_the_refresh_completes(self):
        self.llm.script("POST", COMPLETIONS, [{"status": 500, "json": {"error": {"message": "x"}}}])
        with self.assertLogs(
            "odoo.addons.chatwoot_ai_analytics.models.chatwoot_ai_run", "WARNING"
        ) as logs:
            self.assert_classifier_labels(self.classify())
        self.assertIn("language model failed", logs.output[0])
        # One failing question stops the run's questions (the SDK retries inside it).
        prompts = set(self.asked())
        self.assertEqual(len(prompts), 1)
        run = self.intent_runs()
        self.assertEqual((len(run), run.state), (1, "failed"))
        self.assertIn("500", run.error)
        # Every message is classified: the next incremental run has nothing left to do.
        self.assertEqual(
            self.env["chatwoot.message"]._analytics_classify(since=self.messages[0].create_date), 0
        )

    def test_spent_budget_asks_nothing(self):
        self.shop.chatwoot_ai_token_budget = 100
        self.env["chatwoot.ai.run"].create(
            {
                "account_id": self.shop_account.id,
                "conversation_id": self.chat.id,
                "kind": "reply",
                "state": "done",
                "tokens_in": 90,
                "tokens_out": 10,
            }
        )
        self.assertTrue(self.shop.chatwoot_ai_budget_spent)
        self.assert_classifier_labels(self.classify())
        self.assertEqual(self.llm.requests, [])

    def test_budget_left_stops_the_questions(self):
        # 100 tokens left: the first question is asked and costs 123, the second is not.
        self.shop.chatwoot_ai_token_budget = 100
        self.classify()
        self.assertEqual(len(self.asked()), 1)
        self.assertEqual(len(self.intent_runs()), 1)

    def test_settings_form_sets_the_option(self):
        settings = Form(self.env["res.config.settings"])
        settings.chatwoot_ai_intent_llm_fallback = True
        settings.chatwoot_ai_intent_llm_max_calls = 5
        settings.save().execute()
        company = self.env.company
        self.assertTrue(company.chatwoot_ai_intent_llm_fallback)
        self.assertEqual(company.chatwoot_ai_intent_llm_max_calls, 5)
