# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The webhook end to end: real HTTP requests into a real Odoo, real jobs, real rows."""

import json
import time
from datetime import timedelta
from pathlib import Path

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL

from odoo.addons.queue_job.job import Job

from ..chatwoot.signature import sign
from ..controllers.fast_lane import LANE_HEADER

FIXTURES = Path(__file__).parent / "fixtures" / "chatwoot"


def fixture(name):
    return (FIXTURES / name).read_bytes()


class WebhookCase(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account = cls.env["chatwoot.account"].create(
            {
                "name": "Loja Webhook",
                "base_url": "https://chat.example.com",
                "chatwoot_account_id": 4,
            }
        )
        cls.url = f"/chatwoot_ai/webhook/{cls.account.webhook_token}"
        # Process bursts at once: these tests play the job runner themselves.
        cls.env["ir.config_parameter"].set_param("chatwoot_ai.drain_delay_seconds", 0)

    def post(self, body, headers=None, url=None, lane="fast"):
        """POST a delivery; by default check that the fast lane answered it."""
        headers = {"Content-Type": "application/json", **(headers or {})}
        response = self.url_open(url or self.url, data=body, headers=headers, timeout=60)
        if lane:
            self.assertEqual(response.headers.get(LANE_HEADER), lane, response.text)
        return response

    def signed_headers(self, body, secret="s3cr3t", timestamp=None):
        timestamp = str(timestamp or int(time.time()))
        return {
            "X-Chatwoot-Timestamp": timestamp,
            "X-Chatwoot-Signature": sign(secret, timestamp, body),
        }

    def events(self):
        return self.env["chatwoot.webhook.event"].search([("account_id", "=", self.account.id)])

    def account_jobs(self):
        """The processing jobs of this test's account (demo data may have others)."""
        return self.env["queue.job"].search(
            [
                ("channel", "=", "root.chatwoot"),
                ("func_string", "like", f"chatwoot.account({self.account.id},)."),
            ]
        )

    def due_jobs(self):
        return self.env["queue.job"].search(
            [
                ("id", "in", self.account_jobs().ids),
                ("state", "=", "pending"),
                "|",
                ("eta", "=", False),
                ("eta", "<=", fields.Datetime.now()),
            ],
            order="id",
        )

    def run_pending_jobs(self):
        """Perform the due jobs of the Chatwoot channel, as the job runner would."""
        performed = 0
        while True:
            records = self.due_jobs()
            if not records:
                return performed
            for record in records:
                job = Job.load(self.env, record.uuid)
                job.perform()
                job.set_done(result=job.result)
                job.store()
                performed += 1
            self.env.invalidate_all()


@tagged("post_install", "-at_install")
class TestWebhookAnswers(WebhookCase):
    def test_unknown_token_is_404(self):
        response = self.post(b'{"event":"message_created"}', url="/chatwoot_ai/webhook/nope")
        self.assertEqual(response.status_code, 404)

    def test_malformed_json_is_400_and_stores_nothing(self):
        for body in (b"{not json", b"[]", b'"text"', b"{}", b'{"event": 3}', b"\xff\xfe"):
            response = self.post(body)
            self.assertEqual(response.status_code, 400, body)
            self.assertIn("error", response.json())
        self.assertFalse(self.events())

    def test_payload_missing_what_its_event_needs_is_400(self):
        bodies = [
            {"event": "message_created", "id": 5},
            {"event": "message_created", "id": 5, "conversation": {}},
            {"event": "message_created", "conversation": {"id": 1}},
            {"event": "conversation_created"},
            {"event": "contact_updated", "id": "abc"},
        ]
        for body in bodies:
            response = self.post(json.dumps(body).encode())
            self.assertEqual(response.status_code, 400, body)
        self.assertFalse(self.events())

    def test_ids_the_suite_cannot_store_are_400_naming_the_field(self):
        message = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        chat = message["conversation"]
        cases = [
            ({"id": 10**12}, "message id 1000000000000 is out of range"),
            ({"id": -5}, "message id -5 is out of range"),
            ({"id": 7.5}, "message id is not an integer"),
            ({"conversation": {**chat, "id": 2**31}}, "conversation.id 2147483648 is out of range"),
            ({"conversation": {**chat, "inbox_id": "x"}}, "conversation.inbox_id is not an"),
            ({"sender": {**message["sender"], "id": 2**31}}, "sender.id"),
        ]
        for change, error in cases:
            response = self.post(json.dumps({**message, **change}).encode())
            self.assertEqual(response.status_code, 400, change)
            self.assertIn(error, response.json()["error"])
        conversation = json.loads(fixture("cw4141_conversation_created_api.json"))
        response = self.post(json.dumps({**conversation, "inbox_id": 2**40}).encode())
        self.assertEqual(response.status_code, 400)
        self.assertIn("inbox_id 1099511627776 is out of range", response.json()["error"])
        self.assertFalse(self.events(), "nothing stored, nothing left to fail")

    def test_the_largest_ids_are_stored_and_mirrored(self):
        payload = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        payload["id"] = 2**31 - 1
        payload["conversation"] = dict(payload["conversation"], id=2**31 - 1, inbox_id=2**31 - 1)
        self.assertEqual(self.post(json.dumps(payload).encode()).status_code, 200)
        self.run_pending_jobs()
        self.assertEqual(self.events().state, "done")
        message = self.env["chatwoot.message"].search(
            [("account_id", "=", self.account.id), ("chatwoot_message_id", "=", 2**31 - 1)]
        )
        self.assertEqual(message.conversation_id.display_id, 2**31 - 1)
        self.assertEqual(message.conversation_id.inbox_id.chatwoot_inbox_id, 2**31 - 1)

    def test_unused_event_is_stored_as_ignored_with_202(self):
        body = b'{"event":"conversation_typing_on","conversation":{"id":1}}'
        response = self.post(body)
        self.assertEqual(response.status_code, 202)
        self.assertEqual(self.events().state, "ignored")
        self.assertEqual(self.events().payload, body.decode())

    def test_body_over_10_mb_is_413(self):
        body = b'{"event":"message_created","content":"' + b"a" * (10 * 1024 * 1024) + b'"}'
        response = self.post(body)
        self.assertEqual(response.status_code, 413)
        self.assertFalse(self.events())

    def test_get_is_not_allowed(self):
        response = self.url_open(self.url)
        self.assertEqual(response.status_code, 405)

    def test_duplicate_delivery_stores_one_event_and_answers_200(self):
        body = fixture("cw4141_message_created_incoming_api.json")
        first, second = self.post(body), self.post(body)
        self.assertEqual((first.status_code, second.status_code), (200, 200))
        self.assertEqual(first.json()["status"], "stored")
        self.assertEqual(second.json()["status"], "duplicate")
        self.assertEqual(len(self.events()), 1)
        self.assertEqual(len(self.account_jobs()), 1)

    def test_a_burst_queues_one_drain_job(self):
        template = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        for message_id in (91, 92, 93):
            body = json.dumps(dict(template, id=message_id)).encode()
            self.assertEqual(self.post(body).json()["status"], "stored")
        self.assertEqual(len(self.events()), 3)
        self.assertEqual(len(self.account_jobs()), 1)

    def test_regenerated_or_archived_token_stops_at_once(self):
        # The credentials are cached per worker: a change must clear the cache.
        body = fixture("cw4141_message_created_incoming_api.json")
        self.assertEqual(self.post(body).status_code, 200)
        old_url = self.url
        self.account.action_regenerate_webhook_token()
        new_url = f"/chatwoot_ai/webhook/{self.account.webhook_token}"
        self.assertEqual(self.post(body, url=old_url).status_code, 404)
        self.assertEqual(self.post(body, url=new_url).status_code, 200)
        self.account.active = False
        self.assertEqual(self.post(body, url=new_url).status_code, 404)

    def test_a_new_secret_applies_at_once(self):
        body = fixture("cw4141_message_created_incoming_api.json")
        self.assertEqual(self.post(body).status_code, 200)
        self.account.webhook_secret = "n3w-s3cr3t"
        self.assertEqual(self.post(body).status_code, 401)
        signed = self.signed_headers(body, secret="n3w-s3cr3t")
        self.assertEqual(self.post(body, signed).status_code, 200)


@tagged("post_install", "-at_install")
class TestWebhookSignature(WebhookCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account.webhook_secret = "s3cr3t"

    def test_valid_signature_is_stored(self):
        body = fixture("docs_message_created_webwidget.json")
        response = self.post(body, self.signed_headers(body))
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(len(self.events()), 1)

    def test_missing_bad_or_stale_signature_is_401(self):
        body = fixture("docs_message_created_webwidget.json")
        cases = {
            "missing": {},
            "wrong secret": self.signed_headers(body, secret="other"),
            "stale": self.signed_headers(body, timestamp=int(time.time()) - 301),
            "future": self.signed_headers(body, timestamp=int(time.time()) + 90),
            "body only": {
                "X-Chatwoot-Timestamp": str(int(time.time())),
                "X-Chatwoot-Signature": sign("s3cr3t", "", body).replace("=", "=0", 1),
            },
        }
        for case, headers in cases.items():
            response = self.post(body, headers)
            self.assertEqual(response.status_code, 401, case)
        self.assertFalse(self.events())

    def test_signature_covers_the_raw_bytes(self):
        body = fixture("docs_message_created_webwidget.json")
        headers = self.signed_headers(body)
        reformatted = json.dumps(json.loads(body)).encode()
        self.assertEqual(self.post(reformatted, headers).status_code, 401)


@tagged("post_install", "-at_install")
class TestWebhookMirror(WebhookCase):
    def test_every_fixture_is_stored_and_processed(self):
        names = sorted(p.name for p in FIXTURES.glob("*.json"))
        for name in names:
            response = self.post(fixture(name))
            self.assertEqual(response.status_code, 200, name)
        self.assertEqual(self.run_pending_jobs(), 1, "one drain job for the burst")
        self.assertEqual(len(self.events()), len(names))
        self.assertEqual(set(self.events().mapped("state")), {"done"})
        conversations = self.env["chatwoot.conversation"].search(
            [("account_id", "=", self.account.id)]
        )
        self.assertEqual(sorted(conversations.mapped("display_id")), [1, 10])
        api = conversations.filtered(lambda c: c.display_id == 1)
        self.assertEqual(api.status, "resolved", "status_changed arrived after created")
        self.assertEqual(api.channel_type, "Channel::Api")
        self.assertEqual(api.partner_id.email, "contact@example.com")
        self.assertEqual(api.partner_id.phone, "+6591234567")
        message = api.message_ids.filtered(lambda m: m.chatwoot_message_id == 1)
        self.assertEqual(message.content, "hi i am interested in the property")
        self.assertEqual(message.message_type, "incoming")
        self.assertEqual(message.partner_id, api.partner_id)
        widget = conversations - api
        self.assertEqual(widget.channel_type, "Channel::WebWidget")
        self.assertEqual(widget.message_ids.content, "hi")

    def test_content_is_stored_byte_exact(self):
        text = "Oi! Quero o batom “Rubi” 💄 — ¿tienen envío a Montevideo? 你好\n\tok"
        payload = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        payload.update(id=777, content=text)
        self.assertEqual(
            self.post(json.dumps(payload, ensure_ascii=False).encode()).status_code, 200
        )
        self.run_pending_jobs()
        message = self.env["chatwoot.message"].search(
            [("account_id", "=", self.account.id), ("chatwoot_message_id", "=", 777)]
        )
        self.assertEqual(message.content, text)

    def test_message_before_its_conversation_event(self):
        status = json.loads(fixture("cw4141_conversation_status_changed_api.json"))
        created = json.loads(fixture("cw4141_conversation_created_api.json"))
        message = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        # Newest first: the resolved state must survive the older events that follow it.
        for payload in (status, message, created):
            self.assertEqual(self.post(json.dumps(payload).encode()).status_code, 200)
        self.run_pending_jobs()
        conversation = self.env["chatwoot.conversation"].search(
            [("account_id", "=", self.account.id), ("display_id", "=", 1)]
        )
        self.assertEqual(len(conversation), 1)
        self.assertEqual(conversation.status, "resolved")
        self.assertEqual(len(conversation.message_ids), 1)

    def test_partner_matched_by_phone(self):
        existing = self.env["res.partner"].create(
            {"name": "Cliente Antigo", "phone": "+65 9123 4567", "email": "other@example.com"}
        )
        self.post(fixture("cw4141_message_created_incoming_api.json"))
        self.run_pending_jobs()
        conversation = self.env["chatwoot.conversation"].search(
            [("account_id", "=", self.account.id)]
        )
        self.assertEqual(conversation.partner_id, existing)
        identities = self.env["chatwoot.contact"].search([("partner_id", "=", existing.id)])
        self.assertEqual(
            set(identities.mapped("identity_type")),
            {"chatwoot", "phone", "email"},
            "the new e-mail is remembered as an identity, the partner's own is not overwritten",
        )
        self.assertEqual(existing.email, "other@example.com")

    def test_partner_matched_by_email(self):
        existing = self.env["res.partner"].create({"name": "Roost", "email": "Contact@Example.com"})
        payload = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        payload["sender"]["phone_number"] = None
        payload["conversation"]["meta"]["sender"]["phone_number"] = None
        self.post(json.dumps(payload).encode())
        self.run_pending_jobs()
        conversation = self.env["chatwoot.conversation"].search(
            [("account_id", "=", self.account.id)]
        )
        self.assertEqual(conversation.partner_id, existing)

    def test_whatsapp_source_id_carries_the_phone(self):
        existing = self.env["res.partner"].create({"name": "Maria", "phone": "+55 11 98765-4321"})
        payload = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        payload["conversation"]["channel"] = "Channel::Whatsapp"
        payload["conversation"]["contact_inbox"]["source_id"] = "5511987654321"
        for sender in (payload["sender"], payload["conversation"]["meta"]["sender"]):
            sender.update(phone_number=None, email=None)
        self.post(json.dumps(payload).encode())
        self.run_pending_jobs()
        conversation = self.env["chatwoot.conversation"].search(
            [("account_id", "=", self.account.id)]
        )
        self.assertEqual(conversation.partner_id, existing)
        whatsapp = self.env["chatwoot.contact"].search(
            [("partner_id", "=", existing.id), ("identity_type", "=", "whatsapp")]
        )
        self.assertEqual(whatsapp.value, "+5511987654321")

    def test_known_contact_id_wins_and_nobody_is_merged(self):
        self.post(fixture("cw4141_message_created_incoming_api.json"))
        self.run_pending_jobs()
        first = self.env["chatwoot.conversation"].search([("account_id", "=", self.account.id)])
        partners_before = self.env["res.partner"].search_count([])
        other = self.env["res.partner"].create({"name": "Homônimo", "email": "x@example.com"})
        payload = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        payload.update(id=2)
        payload["conversation"]["id"] = 2
        payload["sender"]["email"] = "x@example.com"
        self.post(json.dumps(payload).encode())
        self.run_pending_jobs()
        second = self.env["chatwoot.conversation"].search(
            [("account_id", "=", self.account.id), ("display_id", "=", 2)]
        )
        self.assertEqual(second.partner_id, first.partner_id, "Chatwoot contact 1 is known")
        self.assertTrue(other.exists())
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before + 1)

    def test_unknown_contact_creates_a_partner(self):
        payload = json.loads(fixture("docs_message_created_webwidget.json"))
        self.post(json.dumps(payload).encode())
        self.run_pending_jobs()
        conversation = self.env["chatwoot.conversation"].search(
            [("account_id", "=", self.account.id)]
        )
        self.assertEqual(conversation.partner_id.name, payload["sender"]["name"])

    def test_failed_processing_is_retried_with_back_off_then_kept_failed(self):
        payload = {"event": "message_created", "id": 9, "conversation": {"id": "x1"}}
        # The conversation id is not a number: the delivery was accepted, processing fails,
        # and the delivery must stay visible, never dropped.
        events = self.env["chatwoot.webhook.event"]
        events._store_delivery(
            self.account, "message_created", "message_created:9", json.dumps(payload)
        )
        event = self.events()
        past = fields.Datetime.subtract(fields.Datetime.now(), seconds=1)
        waits = []
        for attempt in range(1, 6):
            self.assertTrue(self.run_pending_jobs(), f"attempt {attempt} ran")
            self.assertEqual(event.attempts, attempt)
            if attempt < 5:
                self.assertEqual(event.state, "new")
                waits.append((event.next_attempt_at - fields.Datetime.now()).total_seconds())
                retry = self.account_jobs().filtered(lambda job: job.state == "pending")
                self.assertEqual(len(retry), 1, "one retry is queued")
                self.assertEqual(retry.eta, event.next_attempt_at)
                self.assertFalse(self.due_jobs(), "and it waits for its time")
                # Let the back-off elapse.
                event.next_attempt_at = past
                retry.eta = past
        self.assertEqual(event.state, "failed")
        self.assertIn("ValueError", event.error)
        self.assertEqual([round(w, -1) for w in waits], [10, 60, 300, 1800])
        self.assertFalse(self.account_jobs().filtered(lambda job: job.state == "pending"))
        event.action_retry()
        self.assertEqual((event.state, event.attempts), ("new", 0))
        self.run_pending_jobs()
        self.assertEqual(event.attempts, 1, "retried from a fresh count")

    def test_one_job_serves_a_burst_in_arrival_order(self):
        message = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        for message_id in range(1, 6):
            payload = dict(message, id=message_id, content=f"mensagem {message_id}")
            self.assertEqual(self.post(json.dumps(payload).encode()).status_code, 200)
        self.assertEqual(len(self.due_jobs()), 1)
        self.assertEqual(self.run_pending_jobs(), 1)
        conversation = self.env["chatwoot.conversation"].search(
            [("account_id", "=", self.account.id)]
        )
        self.assertEqual(
            conversation.message_ids.sorted("id").mapped("content"),
            [f"mensagem {n}" for n in range(1, 6)],
        )
        self.assertFalse(self.due_jobs(), "nothing left to run")

    def test_a_faulty_delivery_in_a_burst_does_not_hold_back_the_others(self):
        message = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        self.assertEqual(
            self.post(json.dumps(dict(message, id=1, content="primeira")).encode()).status_code, 200
        )
        # Unusable (the inbox id is no number): the door refuses such a delivery today, but one
        # stored before it did (or failing for any other reason) must not hold the burst back.
        faulty = dict(message, id=2, conversation=dict(message["conversation"], id=2, inbox_id="x"))
        self.env["chatwoot.webhook.event"]._store_delivery(
            self.account, "message_created", "message_created:2", json.dumps(faulty)
        )
        self.assertEqual(
            self.post(json.dumps(dict(message, id=3, content="terceira")).encode()).status_code, 200
        )
        self.run_pending_jobs()
        by_key = {event.dedupe_key: event for event in self.events()}
        self.assertEqual(by_key["message_created:1"].state, "done")
        self.assertEqual(by_key["message_created:3"].state, "done")
        faulty = by_key["message_created:2"]
        self.assertEqual((faulty.state, faulty.attempts), ("new", 1))
        self.assertTrue(faulty.next_attempt_at)
        contents = self.env["chatwoot.message"].search([("account_id", "=", self.account.id)])
        self.assertEqual(sorted(contents.mapped("content")), ["primeira", "terceira"])

    def test_by_default_a_burst_waits_a_second_for_its_drain(self):
        self.env["ir.config_parameter"].set_param("chatwoot_ai.drain_delay_seconds", 1)
        before = fields.Datetime.now()
        self.post(fixture("cw4141_message_created_incoming_api.json"))
        job = self.account_jobs()
        self.assertEqual(len(job), 1)
        # Not due when queued (the clock's next second may come before this check does).
        self.assertGreaterEqual(job.eta, before + timedelta(seconds=1), "the drain waits")

    def test_a_drain_under_load_paces_the_next_one(self):
        # Deliveries kept arriving while a drain ran: the next drain waits so that the
        # drain takes at most a quarter of a worker (3 s of work, 9 s of pause).
        template = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        self.post(json.dumps(dict(template, id=71)).encode())
        self.assertEqual(self.run_pending_jobs(), 1)
        before = fields.Datetime.now()
        self.assertEqual(self.account._schedule_paced_drain(3.0), 9.0)
        paced = self.account_jobs().filtered(lambda job: job.state == "pending")
        self.assertEqual(paced.identity_key, f"chatwoot_drain:{self.account.id}:paced")
        self.assertGreaterEqual(paced.eta, before + timedelta(seconds=9))
        # Deliveries during the pause are stored and answered, and queue no other drain.
        for message_id in (72, 73):
            answer = self.post(json.dumps(dict(template, id=message_id)).encode())
            self.assertEqual(answer.json()["status"], "stored")
        self.assertEqual(len(self.account_jobs().filtered(lambda job: job.state == "pending")), 1)
        # A drain queued before the pause (or a retry) leaves the work to the paced one.
        self.assertEqual(self.account._job_drain_events(), "left to the paced drain")
        self.assertEqual(set(self.events().mapped("state")), {"done", "new"})
        # The paced drain, when its time comes, takes everything that arrived.
        paced.eta = fields.Datetime.now()
        self.assertEqual(self.run_pending_jobs(), 1)
        self.assertEqual(set(self.events().mapped("state")), {"done"})
        self.assertEqual(len(self.events()), 3)

    def test_the_drain_sees_deliveries_stored_after_it_started(self):
        events = self.env["chatwoot.webhook.event"]
        self.post(fixture("cw4141_message_created_incoming_api.json"))
        newest = events._newest_waiting_id(self.account)
        self.assertTrue(newest)
        self.assertFalse(events._arrived_since(self.account, newest))
        template = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        self.post(json.dumps(dict(template, id=4242)).encode())
        self.assertTrue(events._arrived_since(self.account, newest))

    def test_a_drain_share_of_one_never_waits_more_than_a_second(self):
        self.env["ir.config_parameter"].set_param("chatwoot_ai.drain_busy_share", "1")
        self.assertEqual(self.account._schedule_paced_drain(5.0), 1.0)

    def test_commit_is_synchronous_unless_asked(self):
        # By default the answer waits for PostgreSQL's flush; the parameter trades that
        # for speed (the row is committed and visible either way).
        events = self.env["chatwoot.webhook.event"]
        events._store_delivery(self.account, "message_created", "message_created:501", "{}")
        self.assertEqual(self.env.execute_query(SQL("SHOW synchronous_commit"))[0][0], "on")
        self.env["ir.config_parameter"].set_param("chatwoot_ai.webhook_async_commit", "True")
        events._store_delivery(self.account, "message_created", "message_created:502", "{}")
        self.assertEqual(self.env.execute_query(SQL("SHOW synchronous_commit"))[0][0], "off")
        self.assertEqual(len(self.events()), 2)
