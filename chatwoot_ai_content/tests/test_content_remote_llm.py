# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The content crew over a remote, OpenAI-compatible provider: a local fake server speaking
the chat-completions protocol, reached through crewai's real client."""

import json

from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.tests.fake_chatwoot import FakeChatwoot
from odoo.addons.chatwoot_ai_base.tests.test_ai_remote_llm import PATH, completion

from .common import ContentCase

TITLE = "Batom Matte Vermelho com acabamento matte | Loja da Ana"


@tagged("post_install", "-at_install")
class TestRemoteContentCrew(ContentCase):
    def setUp(self):
        super().setUp()
        self.llm = FakeChatwoot().start()
        self.addCleanup(self.llm.stop)
        self.company.sudo().write(
            {
                "chatwoot_ai_llm_provider": "openai",
                "chatwoot_ai_llm_base_url": f"{self.llm.url}/v1",
                "chatwoot_ai_llm_model": "gpt-4o-mini",
                "chatwoot_ai_llm_api_key": "sk-content",
                "chatwoot_ai_llm_timeout": 2.0,
            }
        )

    def prompts(self):
        return [
            json.dumps(request.json["messages"], ensure_ascii=False)
            for request in self.llm.requests_to("POST", PATH)
        ]

    def test_pieces_are_written_by_the_configured_provider(self):
        self.llm.script("POST", PATH, [completion(TITLE, prompt_tokens=410, completion_tokens=21)])
        piece = self.Piece.with_user(self.marketer).generate(self.matte, ["seo_title"], "pt_BR")
        (request,) = self.llm.requests_to("POST", PATH)
        self.assertEqual(request.headers["authorization"], "Bearer sk-content")
        self.assertEqual(request.json["model"], "gpt-4o-mini")
        (prompt,) = self.prompts()
        self.assertIn("Batom Matte Vermelho", prompt)  # the product's facts
        self.assertIn("R$ 59,90", prompt)  # its real price, written the local way
        self.assertIn("barato", prompt)  # the brand's words to avoid
        self.assertEqual(piece.body, TITLE)
        self.assertFalse(piece.review_reason)
        run = piece.ai_run_id
        self.assertEqual((run.provider, run.model, run.state), ("openai", "gpt-4o-mini", "done"))
        self.assertEqual((run.tokens_in, run.tokens_out, run.attempts), (410, 21, 1))
        self.assertEqual(run.output, TITLE)

    def test_an_answer_with_an_invented_fact_is_asked_again_with_the_reason(self):
        self.llm.script(
            "POST",
            PATH,
            [completion("Batom Matte Vermelho que dura 24 horas | Loja da Ana"), completion(TITLE)],
        )
        piece = self.Piece.with_user(self.marketer).generate(self.matte, ["seo_title"], "pt_BR")
        first, second = self.prompts()
        self.assertNotIn("invented_number: 24", first)
        self.assertIn("invented_number: 24", second)
        self.assertEqual(piece.body, TITLE)
        self.assertFalse(piece.review_reason)
        self.assertEqual(piece.ai_run_id.attempts, 2)

    def test_a_failing_provider_leaves_an_offline_draft_for_review_with_the_reason(self):
        self.llm.script("POST", PATH, [{"status": 500, "json": {"error": {"message": "down"}}}])
        with self.assertNoLogs(level="ERROR"):
            pieces = self.Piece.with_user(self.marketer).generate(
                self.matte, ["seo_title", "facebook_post"], "pt_BR"
            )
        self.assertEqual(len(pieces), 2)
        self.assertTrue(self.llm.requests_to("POST", PATH))
        for piece in pieces:
            with self.subTest(kind=piece.kind):
                self.assertEqual(piece.state, "draft")
                self.assertIn("provider_failed", piece.review_reason)
                self.assertIn("500", piece.review_reason)
                self.assertIn("Batom Matte Vermelho", piece.body)  # the offline writer's
                run = piece.ai_run_id
                self.assertEqual((run.provider, run.state), ("openai", "failed"))
                self.assertIn("provider_failed", run.error)
        self.company.sudo().chatwoot_ai_llm_provider = "offline"
        written_offline = self.Piece.generate(self.matte, ["seo_title"], "pt_BR")
        self.assertEqual(
            pieces.filtered(lambda p: p.kind == "seo_title").body, written_offline.body
        )

    def test_a_provider_without_a_model_asks_nothing_and_flags_the_pieces(self):
        self.company.sudo().chatwoot_ai_llm_model = False
        piece = self.Piece.with_user(self.marketer).generate(self.matte, ["seo_title"], "pt_BR")
        self.assertEqual(self.llm.requests, [])
        self.assertIn("provider_failed: No model configured", piece.review_reason)
        self.assertEqual(piece.ai_run_id.state, "failed")

    def test_campaign_variants_come_from_the_provider_and_fall_back_offline_when_it_fails(self):
        brief = {"campaign": "Dia das Mães", "goal": "reply", "placeholders": ["first_name"]}
        Crew = self.env["chatwoot.content.crew"]
        self.llm.script(
            "POST",
            PATH,
            [
                completion("Oi {first_name}! Presente de Dia das Mães com a Loja da Ana."),
                {"status": 500, "json": {"error": {"message": "down"}}},
            ],
        )
        remote, failed = Crew._write_message_variants(self.company, brief, 2, "pt_BR")
        self.assertEqual(
            remote["message"], "Oi {first_name}! Presente de Dia das Mães com a Loja da Ana."
        )
        self.assertEqual(self.env["chatwoot.ai.run"].browse(remote["ai_run_id"]).state, "done")
        self.assertIn("provider_failed", failed["issues"][0])
        self.assertIn("{first_name}", failed["message"])  # the offline text of its angle
        self.assertNotEqual(failed["message"], remote["message"])
        run = self.env["chatwoot.ai.run"].browse(failed["ai_run_id"])
        self.assertEqual((run.provider, run.state), ("openai", "failed"))
        self.assertIn("provider_failed", run.error)
