# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The agent bot end to end: signed webhook → drain → bot job → reply POST to Chatwoot."""

import threading
from datetime import UTC, datetime

from odoo import SUPERUSER_ID, api
from odoo.tests import tagged

from odoo.addons.queue_job.job import Job

from .bot_fixtures import DISPLAY_ID, TOKEN, BotFlowCase
from .fake_chatwoot import FakeChatwoot


@tagged("post_install", "-at_install")
class TestBotLoop(BotFlowCase):
    def test_signed_webhook_leads_to_one_reply_post(self):
        self.say(1001, "Quanto custa o batom vermelho matte?")
        replies = self.replies()
        self.assertEqual(len(replies), 1)
        body, headers = replies[0]
        self.assertEqual(headers["api_access_token"], TOKEN)
        self.assertEqual(body["message_type"], "outgoing")
        self.assertFalse(body["private"])
        self.assertIn(self.price(59.90), body["content"])
        run = self.runs()
        self.assertEqual(run.state, "done")
        self.assertEqual(run.output, body["content"])
        self.assertEqual(run.input_text, "Quanto custa o batom vermelho matte?")
        self.assertEqual(run.partner_id, self.customer)
        self.assertEqual(run.provider, "offline")
        self.assertEqual(run.reply_message_id, 900_001)
        self.assertTrue(run.context_snapshot)

    def test_burst_of_three_messages_gets_one_reply(self):
        for message_id, text in (
            (1101, "Oi"),
            (1102, "tudo bem?"),
            (1103, "quanto custa o batom vermelho?"),
        ):
            self.post_delivery(self.delivery(message_id, text))
        self.run_jobs()
        self.assertEqual(len(self.public_replies()), 1)
        run = self.runs()
        self.assertEqual(len(run), 1)
        self.assertEqual(len(run.trigger_message_ids), 3)
        self.assertEqual(run.last_message_id, 1103)

    def test_next_message_is_answered_after_the_first_reply(self):
        self.say(1201, "Quanto custa o batom vermelho?")
        self.say(1202, "Quanto custa o sérum de vitamina C?")
        replies = self.public_replies()
        self.assertEqual(len(replies), 2)
        self.assertIn(self.price(129.00), replies[1]["content"])
        self.assertEqual(self.runs().mapped("last_message_id"), [1201, 1202])


@tagged("post_install", "-at_install")
class TestBotLoopProtection(BotFlowCase):
    def test_outgoing_private_and_own_echo_are_not_answered(self):
        self.say(1301, "Quanto custa o batom vermelho?")
        self.assertEqual(len(self.public_replies()), 1)
        agent = {"id": 3, "name": "Loja", "type": "user"}
        # Chatwoot echoes the bot's own reply (same id as the POST answered), an agent's
        # answer, a private note and an activity: none of them is answered.
        self.say(900_001, "59,90", message_type="outgoing", sender=agent)
        self.say(1302, "Resposta do atendente", message_type="outgoing", sender=agent)
        self.say(1303, "nota interna: cliente VIP", private=True, sender=agent)
        self.say(1304, "Conversation was reopened", message_type="activity", sender={})
        self.assertEqual(len(self.public_replies()), 1)
        self.assertEqual(len(self.runs()), 1)

    def test_bot_sender_on_an_incoming_message_is_not_answered(self):
        bot = {"id": 9, "name": "Outro bot", "type": "agent_bot"}
        self.say(1311, "Quanto custa o batom vermelho?", sender=bot)
        self.assertFalse(self.replies())

    def test_reply_cap_per_hour_hands_off(self):
        self.env["ir.config_parameter"].set_param("chatwoot_ai.bot_max_replies_per_hour", 2)
        self.say(1321, "Quanto custa o batom vermelho?")
        self.say(1322, "Quanto custa o sérum de vitamina C?")
        self.say(1323, "Quanto custa o batom vermelho?")
        self.assertEqual(self.runs().mapped("state"), ["done", "done", "handoff"])
        self.assertEqual(self.runs()[-1].handoff_reason, "reply_cap")
        self.assertEqual(len(self.private_notes()), 1)

    def test_disabled_account_opted_out_inbox_and_assigned_conversation_are_left_alone(self):
        self.account.bot_enabled = False
        self.say(1331, "Quanto custa o batom vermelho?")
        self.account.bot_enabled = True
        self.inbox.bot_opt_out = True
        self.say(1332, "Quanto custa o batom vermelho?")
        self.inbox.bot_opt_out = False
        assignee = {"id": 3, "name": "Carla", "type": "user"}
        self.say(1333, "Quanto custa o batom vermelho?", assignee=assignee)
        self.assertFalse(self.replies())
        self.assertFalse(self.runs())

    def test_messages_people_answered_are_not_answered_when_the_bot_takes_over(self):
        carla = {"id": 3, "name": "Carla", "type": "user"}
        self.say(1351, "Quanto custa o batom vermelho?", assignee=carla)
        self.say(1352, "Custa 59,90", message_type="outgoing", sender=carla, assignee=carla)
        # Carla gives the conversation back to the bot (pending).
        self.say(1353, "Quanto custa o sérum de vitamina C?", status="pending", assignee=carla)
        replies = self.public_replies()
        self.assertEqual(len(replies), 1)
        self.assertIn(self.price(129.00), replies[0]["content"])
        self.assertEqual(self.runs().trigger_message_ids.mapped("chatwoot_message_id"), [1353])

    def test_pending_conversation_with_assignee_is_bot_handled(self):
        assignee = {"id": 3, "name": "Carla", "type": "user"}
        self.say(1341, "Quanto custa o batom vermelho?", status="pending", assignee=assignee)
        self.assertEqual(len(self.public_replies()), 1)


@tagged("post_install", "-at_install")
class TestBotHandoff(BotFlowCase):
    def assert_handed_off(self, reason):
        run = self.runs()[-1]
        self.assertEqual(run.state, "handoff")
        self.assertEqual(run.handoff_reason, reason)
        toggles = self.fake.requests_to(
            "POST", self.conversation_path(DISPLAY_ID, "/toggle_status")
        )
        self.assertEqual([request.json for request in toggles], [{"status": "open"}])
        notes = self.private_notes()
        self.assertEqual(len(notes), 1)
        self.assertIn(run.summary or run.input_text, notes[0]["content"])
        labels = self.fake.requests_to("POST", self.conversation_path(DISPLAY_ID, "/labels"))
        self.assertEqual(labels[-1].json, {"labels": ["ai-handoff"]})
        conversation = self.conversation()
        self.assertEqual(conversation.status, "open")
        self.assertIn("ai-handoff", conversation.labels)
        return run

    def test_human_request_hands_off(self):
        self.say(1401, "Quero falar com um atendente humano, por favor")
        self.assert_handed_off("human_request")

    def test_negative_complaint_hands_off(self):
        self.say(1402, "Estou muito insatisfeita, o produto chegou quebrado. Péssimo atendimento!")
        self.assert_handed_off("complaint")

    def test_unknown_question_hands_off_for_low_confidence(self):
        self.say(1403, "Vocês consertam geladeira?")
        self.assert_handed_off("low_confidence")

    def test_forbidden_topic_hands_off(self):
        Profile = self.env["chatwoot.business.profile"]
        profile = Profile.search([("company_id", "=", self.company.id)]) or Profile.create(
            {"company_id": self.company.id}
        )
        profile.forbidden_topics = "diagnóstico médico"
        self.say(1404, "Vocês podem me dar um diagnóstico médico da minha alergia?")
        self.assert_handed_off("forbidden_topic")

    def test_handed_off_conversation_is_not_answered_again(self):
        self.say(1405, "Quero falar com um atendente humano, por favor")
        self.say(1406, "Alô?")
        self.assertEqual(len(self.runs()), 1)
        self.assertEqual(len(self.private_notes()), 1)

    def test_spent_budget_hands_off_without_calling_the_model(self):
        self.company.chatwoot_ai_token_budget = 100
        self.env["chatwoot.ai.run"].create(
            {
                "account_id": self.account.id,
                "conversation_id": self.env["chatwoot.conversation"]
                .create({"account_id": self.account.id, "display_id": 9_999})
                .id,
                "state": "done",
                "tokens_in": 80,
                "tokens_out": 40,
            }
        )
        self.assertTrue(self.company.chatwoot_ai_budget_spent)
        self.assertIn("120", self.company.chatwoot_ai_budget_notice)
        self.assertEqual(self.account.bot_budget_notice, self.company.chatwoot_ai_budget_notice)
        self.say(1407, "Quanto custa o batom vermelho?")
        run = self.assert_handed_off("budget")
        self.assertEqual((run.tokens_in, run.tokens_out), (0, 0))
        self.assertEqual(run.input_text, "Quanto custa o batom vermelho?")

    def test_outside_bot_hours_says_when_and_hands_off_once(self):
        self.inbox.write(
            {
                "bot_always_on": False,
                "bot_days": "all",
                "bot_tz": "UTC",
                # A one-minute window a few hours away from now is closed now.
                **self._closed_window(),
            }
        )
        self.say(1408, "Quanto custa o batom vermelho?")
        run = self.assert_handed_off("out_of_hours")
        public = self.public_replies()
        self.assertEqual(len(public), 1)
        self.assertEqual(public[0]["content"], run.output)
        self.say(1409, "Alguém aí?")
        self.assertEqual(len(self.public_replies()), 1)

    def _closed_window(self):
        hour = (datetime.now(UTC).hour + 6) % 24
        return {"bot_hour_from": float(hour), "bot_hour_to": hour + 0.5}


@tagged("post_install", "-at_install")
class TestAgentAssist(BotFlowCase):
    def assist_url(self, token=None, display_id=DISPLAY_ID):
        token = token or self.account.assist_token
        return f"/chatwoot_ai/assist/{token}/conversations/{display_id}"

    def test_endpoint_drafts_a_reply_for_a_human_handled_conversation(self):
        assignee = {"id": 3, "name": "Carla", "type": "user"}
        self.say(1501, "Quanto custa o batom vermelho?", assignee=assignee)
        self.assertFalse(self.replies())
        # No model call inside the request: the first GET queues a draft job and says so.
        response = self.url_open(self.assist_url())
        self.assertEqual((response.status_code, response.json()), (202, {"status": "drafting"}))
        self.assertFalse(self.runs())
        self.assertEqual(self.url_open(self.assist_url()).status_code, 202)
        self.assertEqual(self.run_jobs(), 1)  # one job, however often the page polled
        response = self.url_open(self.assist_url())
        self.assertEqual(response.status_code, 200)
        data = response.json()
        self.assertEqual(data["conversation"], DISPLAY_ID)
        self.assertIn(self.price(59.90), data["suggested_reply"])
        self.assertEqual(self.conversation().ai_suggested_reply, data["suggested_reply"])
        run = self.runs()
        self.assertEqual((run.kind, run.state, data["run_id"]), ("suggest", "done", run.id))
        # Nothing is posted to the customer.
        self.assertFalse(self.replies())

    def test_get_only_reads_an_existing_draft(self):
        assignee = {"id": 3, "name": "Carla", "type": "user"}
        self.say(1506, "Quanto custa o batom vermelho?", assignee=assignee)
        self.url_open(self.assist_url())
        self.run_jobs()
        for _poll in range(3):
            self.assertEqual(self.url_open(self.assist_url()).status_code, 200)
        self.assertEqual(self.run_jobs(), 0)
        self.assertEqual(len(self.runs()), 1)

    def test_post_queues_a_fresh_draft_that_get_returns_when_ready(self):
        assignee = {"id": 3, "name": "Carla", "type": "user"}
        self.say(1507, "Quanto custa o batom vermelho?", assignee=assignee)
        self.url_open(self.assist_url())
        self.run_jobs()
        first = self.url_open(self.assist_url()).json()["run_id"]
        self.say(1508, "E o sérum de vitamina C?", assignee=assignee)
        response = self.url_open(self.assist_url(), method="POST")
        self.assertEqual((response.status_code, response.json()), (202, {"status": "drafting"}))
        # While the job waits, GET says "drafting" rather than the stale draft.
        self.assertEqual(self.url_open(self.assist_url()).status_code, 202)
        self.assertEqual(self.run_jobs(), 1)
        data = self.url_open(self.assist_url()).json()
        self.assertNotEqual(data["run_id"], first)
        self.assertIn(self.price(129.00), data["suggested_reply"])

    def test_drafts_are_rate_limited_per_conversation(self):
        self.env["ir.config_parameter"].set_param("chatwoot_ai.assist_max_drafts_per_hour", 2)
        assignee = {"id": 3, "name": "Carla", "type": "user"}
        self.say(1509, "Quanto custa o batom vermelho?", assignee=assignee)
        for _draft in range(2):
            self.assertEqual(self.url_open(self.assist_url(), method="POST").status_code, 202)
            self.run_jobs()
        refused = self.url_open(self.assist_url(), method="POST")
        self.assertEqual(refused.status_code, 429)
        self.assertEqual(refused.json()["error"], "rate_limited")
        self.assertTrue(0 < int(refused.headers["Retry-After"]) <= 3600)
        self.assertEqual(self.run_jobs(), 0)
        self.assertEqual(len(self.runs()), 2)
        # The draft already written is still there for the agent.
        self.assertEqual(self.url_open(self.assist_url()).status_code, 200)

    def test_a_failed_draft_is_reported_not_retried_by_get(self):
        assignee = {"id": 3, "name": "Carla", "type": "user"}
        self.say(1510, "Quanto custa o batom vermelho?", assignee=assignee)
        # A remote model that answers 500: the draft job fails.
        llm = FakeChatwoot().start()
        self.addCleanup(llm.stop)
        llm.script("POST", "/v1/chat/completions", [{"status": 500, "json": {"error": {}}}])
        self.company.write(
            {
                "chatwoot_ai_llm_provider": "openai",
                "chatwoot_ai_llm_base_url": f"{llm.url}/v1",
                "chatwoot_ai_llm_model": "gpt-4o-mini",
                "chatwoot_ai_llm_api_key": "sk-test",
                "chatwoot_ai_llm_timeout": 1.0,
            }
        )
        self.assertEqual(self.url_open(self.assist_url()).status_code, 202)
        self.run_jobs()
        self.assertEqual(self.runs().state, "failed")
        response = self.url_open(self.assist_url())
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["reason"], "llm_error")
        self.assertEqual(self.run_jobs(), 0)

    def test_endpoint_accepts_the_token_in_a_header(self):
        assignee = {"id": 3, "name": "Carla", "type": "user"}
        self.say(1502, "Quanto custa o batom vermelho?", assignee=assignee)
        url = f"/chatwoot_ai/assist/conversations/{DISPLAY_ID}"
        headers = {"X-ChatwootAI-Token": self.account.assist_token}
        self.assertEqual(self.url_open(url, headers=headers).status_code, 202)
        self.run_jobs()
        response = self.url_open(url, headers=headers)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.price(59.90), response.json()["suggested_reply"])

    def test_dashboard_page_polls_until_the_draft_is_ready(self):
        """The page in Chromium: opening a conversation shows "drafting", then the draft the
        job wrote; *New suggestion* queues another and shows it once written."""
        assignee = {"id": 3, "name": "Carla", "type": "user"}
        self.say(1511, "Quanto custa o batom vermelho?", assignee=assignee)
        code = """
            (async () => {
                const $ = (id) => document.getElementById(id);
                const until = async (ok, what) => {
                    for (let i = 0; i < 200; i++) {
                        if (ok()) { return; }
                        await new Promise((resolve) => setTimeout(resolve, 100));
                    }
                    throw new Error("timed out waiting for " + what);
                };
                const context = {event: "appContext", data: {conversation: {id: __DISPLAY_ID__}}};
                window.postMessage(JSON.stringify(context), "*");
                await until(() => $("reply").textContent.includes("59,90"), "the first draft");
                const first = document.body.dataset.runId;
                $("refresh").click();
                await until(() => document.body.dataset.runId
                    && document.body.dataset.runId !== first, "a fresh draft");
                if (!$("reply").textContent.includes("59,90")) {
                    throw new Error("fresh draft: " + $("reply").textContent);
                }
                console.log("test successful");
            })();
        """.replace("__DISPLAY_ID__", str(DISPLAY_ID))
        stop = threading.Event()
        runner = threading.Thread(target=self._job_runner, args=(stop,), daemon=True)
        runner.start()
        try:
            self.browser_js(f"/chatwoot_ai/assist/{self.account.assist_token}", code, timeout=60)
        finally:
            stop.set()
            runner.join(timeout=10)
        self.env.invalidate_all()
        self.assertEqual(self.runs().mapped("kind"), ["suggest", "suggest"])
        self.assertFalse(self.replies())

    def _job_runner(self, stop):
        """The job runner while the browser polls: draft jobs run through the test cursor,
        serialised with the page's requests, as a real runner's would run beside them."""
        while not stop.is_set():
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                for record in env["queue.job"].search(
                    [("func_string", "=like", "chatwoot.assist()%"), ("state", "=", "pending")]
                ):
                    job = Job.load(env, record.uuid)
                    job.perform()
                    job.set_done(result=job.result)
                    job.store()
            stop.wait(0.3)

    def test_endpoint_refuses_bad_tokens_and_unknown_conversations(self):
        self.assertEqual(self.url_open(self.assist_url(token="nope")).status_code, 401)
        bare = self.url_open(f"/chatwoot_ai/assist/conversations/{DISPLAY_ID}")
        self.assertEqual(bare.status_code, 401)
        self.assertEqual(bare.json(), {"error": "unauthorized"})
        missing = self.url_open(self.assist_url(display_id=424242))
        self.assertEqual(missing.status_code, 404)

    def test_webhook_token_does_not_open_the_assist_endpoint(self):
        # Agents see the dashboard app's URL; it must not double as the webhook credential,
        # and the webhook URL must not give access to the drafts.
        self.assertNotEqual(self.account.assist_token, self.account.webhook_token)
        leaked = self.assist_url(token=self.account.webhook_token)
        self.assertEqual(self.url_open(leaked).status_code, 401)

    def test_dashboard_app_page_is_served_in_the_agent_language(self):
        page = self.url_open(
            f"/chatwoot_ai/assist/{self.account.assist_token}",
            headers={"Accept-Language": "pt-BR,pt;q=0.9"},
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("chatwoot-dashboard-app:fetch-info", page.text)
        self.assertIn("Resposta sugerida", page.text)
        self.assertEqual(self.url_open("/chatwoot_ai/assist/nope").status_code, 401)

    def test_regenerating_the_assist_token_revokes_the_old_url(self):
        old_url = self.assist_url()
        self.account.action_regenerate_assist_token()
        self.assertEqual(self.url_open(old_url).status_code, 401)

    def test_suggest_reply_is_offered_on_conversations_people_handle(self):
        self.say(1504, "Quanto custa o batom vermelho?")
        self.assertTrue(self.conversation().ai_bot_handled)
        assignee = {"id": 3, "name": "Carla", "type": "user"}
        self.say(1505, "Alguém aí?", assignee=assignee)
        self.assertFalse(self.conversation().ai_bot_handled)

    def test_suggest_reply_button_stores_the_draft(self):
        assignee = {"id": 3, "name": "Carla", "type": "user"}
        self.say(1503, "Quanto custa o sérum de vitamina C?", assignee=assignee)
        conversation = self.conversation()
        conversation.action_suggest_reply()
        self.assertIn(self.price(129.00), conversation.ai_suggested_reply)
        self.assertFalse(self.replies())
