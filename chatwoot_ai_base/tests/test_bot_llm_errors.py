# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A remote model that fails: the bot tries again, then hands off, and loses nothing."""

from odoo.tests import tagged

from .bot_fixtures import DISPLAY_ID, BotFlowCase
from .fake_chatwoot import FakeChatwoot

COMPLETIONS = "/v1/chat/completions"
QUESTION = "Quanto custa o batom vermelho?"


@tagged("post_install", "-at_install")
class TestBotLLMErrors(BotFlowCase):
    def setUp(self):
        super().setUp()
        # The same scripted HTTP server plays an OpenAI-compatible provider.
        self.llm = FakeChatwoot().start()
        self.addCleanup(self.llm.stop)
        self.company.write(
            {
                "chatwoot_ai_llm_provider": "openai",
                "chatwoot_ai_llm_base_url": f"{self.llm.url}/v1",
                "chatwoot_ai_llm_model": "gpt-4o-mini",
                "chatwoot_ai_llm_api_key": "sk-test",
                "chatwoot_ai_llm_timeout": 1.0,
            }
        )

    def assert_handed_off_after_retries(self):
        run = self.runs()
        self.assertEqual(len(run), 1)
        self.assertEqual(run.attempts, 3)
        self.assertEqual((run.state, run.handoff_reason), ("handoff", "llm_error"))
        self.assertTrue(run.error)
        # Nothing lost: the customer's words stay on the run and reach the people.
        self.assertEqual(run.input_text, QUESTION)
        self.assertEqual(run.trigger_message_ids.mapped("chatwoot_message_id"), [1601])
        notes = self.private_notes()
        self.assertEqual(len(notes), 1)
        self.assertIn(QUESTION, notes[0]["content"])
        toggles = self.fake.requests_to(
            "POST", self.conversation_path(DISPLAY_ID, "/toggle_status")
        )
        self.assertEqual(len(toggles), 1)
        # At least one model call per try.
        self.assertGreaterEqual(len(self.llm.requests_to("POST", COMPLETIONS)), 3)
        return run

    def test_server_errors_are_retried_then_handed_off(self):
        self.llm.script(
            "POST", COMPLETIONS, [{"status": 500, "json": {"error": {"message": "boom"}}}]
        )
        self.say(1601, QUESTION)
        self.assert_handed_off_after_retries()

    def test_timeouts_are_retried_then_handed_off(self):
        self.llm.script("POST", COMPLETIONS, [{"delay": 3, "json": {}}])
        self.say(1601, QUESTION)
        self.assert_handed_off_after_retries()

    def test_unreachable_provider_is_retried_then_handed_off(self):
        self.llm.stop()
        self.say(1601, QUESTION)
        run = self.runs()
        self.assertEqual((run.state, run.handoff_reason, run.attempts), ("handoff", "llm_error", 3))
        self.assertEqual(run.input_text, QUESTION)
