# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The webhook fast lane: it serves the deliveries, answers exactly as Odoo's route does, and
leaves to Odoo what it must not serve."""

import json
import threading
from types import SimpleNamespace
from unittest.mock import patch

import psycopg2
import requests
from psycopg2.extensions import TRANSACTION_STATUS_IDLE
from werkzeug.test import EnvironBuilder

from odoo.tests import tagged
from odoo.tools import SQL, config, mute_logger

from ..controllers import fast_lane
from ..controllers.fast_lane import LANE_HEADER, LANES, read_body
from ..controllers.webhook import receive_chatwoot
from ..models.chatwoot_account import WEBHOOK_CREDENTIALS, WEBHOOK_ROUTE
from ..models.chatwoot_webhook_credentials_mixin import (
    REMEMBERED_CREDENTIALS,
    RememberedCredentials,
)
from ..models.chatwoot_webhook_event import StaleCredentials, insert_delivery
from .common import CommittedAccountCase
from .test_chatwoot_webhook import WebhookCase, fixture

LANE_LOGGER = "odoo.addons.chatwoot_ai_base.controllers.fast_lane"


def fast_lane_off():
    """The Odoo config file's off switch, as ``chatwoot_ai_webhook_fast_lane = False``."""
    return patch.dict(config.options, {fast_lane.FAST_LANE_OPTION: "False"})


@tagged("post_install", "-at_install")
class TestFastLane(WebhookCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account.webhook_secret = "s3cr3t"

    def replace_chatwoot_lane(self, receive):
        """Serve the Chatwoot prefix with ``receive`` in the fast lane for this test (Odoo's
        route keeps the real one)."""
        real = LANES[WEBHOOK_ROUTE]
        self.addCleanup(LANES.__setitem__, WEBHOOK_ROUTE, real)
        LANES[WEBHOOK_ROUTE] = real._replace(receive=receive)

    def answers(self, lane):
        """Status and body of each kind of answer, through ``lane``."""
        body = fixture("docs_message_created_webwidget.json")
        signed = self.signed_headers(body)
        huge = b'{"event":"message_created","content":"' + b"a" * (10 * 1024 * 1024) + b'"}'
        bad_id = json.dumps(dict(json.loads(body), id=2**31)).encode()
        typing = b'{"event":"conversation_typing_on","conversation":{"id":7}}'
        cases = {
            "stored": (body, signed, self.url),
            "duplicate": (body, signed, self.url),
            "unknown token": (body, signed, "/chatwoot_ai/webhook/nope"),
            "bad signature": (body, self.signed_headers(body, secret="other"), self.url),
            "malformed": (b"{not json", self.signed_headers(b"{not json"), self.url),
            "unstorable id": (bad_id, self.signed_headers(bad_id), self.url),
            "ignored event": (typing, self.signed_headers(typing), self.url),
            "too large": (huge, self.signed_headers(huge), self.url),
        }
        seen = {}
        for case, (data, headers, url) in cases.items():
            response = self.post(data, headers, url=url, lane=lane)
            seen[case] = (response.status_code, response.json())
        return seen

    def test_both_lanes_answer_every_case_alike(self):
        fast = self.answers("fast")
        self.assertEqual(
            {case: status for case, (status, _body) in fast.items()},
            {
                "stored": 200,
                "duplicate": 200,
                "unknown token": 404,
                "bad signature": 401,
                "malformed": 400,
                "unstorable id": 400,
                "ignored event": 202,
                "too large": 413,
            },
        )
        self.assertEqual(fast["stored"][1], {"status": "stored"})
        self.assertEqual(fast["duplicate"][1], {"status": "duplicate"})
        self.assertIn("out of range", fast["unstorable id"][1]["error"])
        self.env["chatwoot.webhook.event"].search([("account_id", "=", self.account.id)]).unlink()
        with fast_lane_off():
            odoo = self.answers("odoo")
        self.assertEqual(odoo, fast)
        self.assertEqual(len(self.events()), 2)  # one delivery and one ignored event

    def test_the_fast_lane_queues_one_drain_per_burst_and_the_drain_mirrors(self):
        template = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        for message_id in (301, 302, 303):
            body = json.dumps(dict(template, id=message_id)).encode()
            self.assertEqual(self.post(body, self.signed_headers(body)).status_code, 200)
        self.assertEqual(len(self.account_jobs()), 1)
        self.assertEqual(self.run_pending_jobs(), 1)
        self.assertEqual(set(self.events().mapped("state")), {"done"})
        messages = self.env["chatwoot.message"].search(
            [("conversation_id.account_id", "=", self.account.id)]
        )
        self.assertEqual(sorted(messages.mapped("chatwoot_message_id")), [301, 302, 303])

    def test_the_database_header_is_honoured(self):
        body = fixture("docs_message_created_webwidget.json")
        headers = {**self.signed_headers(body), "X-Odoo-Database": self.env.cr.dbname}
        self.assertEqual(self.post(body, headers).json(), {"status": "stored"})

    def test_another_database_is_left_to_odoo(self):
        body = fixture("docs_message_created_webwidget.json")
        headers = {**self.signed_headers(body), "X-Odoo-Database": "fl_no_such_database"}
        response = self.post(body, headers, lane=None)
        # Odoo's db_filter refuses it too: no database, no route.
        self.assertEqual(response.status_code, 404)
        self.assertIsNone(response.headers.get(LANE_HEADER))
        self.assertFalse(self.events())

    def test_a_database_whose_registry_is_not_loaded_is_left_to_odoo(self):
        self.assertIsNone(fast_lane._loaded_registry("fl_no_such_database"))
        self.assertIs(fast_lane._loaded_registry(self.env.cr.dbname), self.registry)

    def test_a_browser_session_is_left_to_odoo(self):
        body = fixture("docs_message_created_webwidget.json")
        response = self.url_open(
            self.url,
            data=body,
            headers=self.signed_headers(body),
            cookies={"session_id": "x" * 84},
            timeout=60,
        )
        self.assertEqual(response.headers.get(LANE_HEADER), "odoo")
        self.assertEqual(response.json(), {"status": "stored"})

    def test_a_lane_whose_addon_is_not_installed_is_left_to_odoo(self):
        calls = []
        prefix = "/chatwoot_ai/test_lane/"
        self.addCleanup(LANES.pop, prefix)
        fast_lane.register(prefix, "chatwoot.not.installed", calls.append, "Test lane")
        response = self.post(b"{}", url=f"{prefix}token", lane=None)
        self.assertEqual(response.status_code, 404)  # Odoo has no such route
        self.assertIsNone(response.headers.get(LANE_HEADER))
        self.assertEqual(calls, [])

    def test_a_stale_registry_leaves_the_delivery_and_its_body_to_odoo(self):
        def stale(cr, token, httprequest):
            read_body(httprequest=httprequest)
            # What a worker's loaded registry meets after another process uninstalled or
            # upgraded the addon: Odoo's route reloads the registry.
            cr.execute("SELECT 1 FROM chatwoot_ai_table_dropped_meanwhile")

        self.replace_chatwoot_lane(stale)
        body = fixture("docs_message_created_webwidget.json")
        with mute_logger("odoo.sql_db"):
            response = self.post(body, self.signed_headers(body), lane="odoo")
        self.assertEqual(response.json(), {"status": "stored"})
        self.assertEqual(self.events().payload, body.decode())

    def test_an_unexpected_error_rolls_back_and_answers_503(self):
        def failing(cr, token, httprequest):
            receive_chatwoot(cr, token, httprequest)  # stores the delivery, then:
            raise RuntimeError("disk on fire")

        self.replace_chatwoot_lane(failing)
        body = fixture("docs_message_created_webwidget.json")
        with mute_logger(LANE_LOGGER):
            response = self.post(body, self.signed_headers(body))
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json(), {"error": "temporarily unavailable, retry later"})
        self.assertFalse(self.events())

    def test_the_off_switch_leaves_deliveries_to_odoo(self):
        body = fixture("docs_message_created_webwidget.json")
        with fast_lane_off():
            self.assertFalse(fast_lane.enabled())
            first = self.post(body, self.signed_headers(body), lane="odoo")
        second = self.post(body, self.signed_headers(body), lane="fast")
        self.assertEqual(
            (first.json(), second.json()), ({"status": "stored"}, {"status": "duplicate"})
        )
        self.assertEqual(len(self.events()), 1)

    def test_get_and_other_methods_stay_with_odoo(self):
        response = self.url_open(self.url, timeout=60)
        self.assertEqual(response.status_code, 405)
        self.assertIsNone(response.headers.get(LANE_HEADER))


@tagged("post_install", "-at_install")
class TestRememberedCredentials(WebhookCase):
    """A worker remembers an account's webhook credentials to save their query on each
    delivery; the INSERT checks them, and nothing but a stored delivery is answered from
    memory."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account.webhook_secret = "s3cr3t"

    def setUp(self):
        super().setUp()
        self.key = (self.env.cr.dbname, WEBHOOK_CREDENTIALS[0], self.account.webhook_token)
        REMEMBERED_CREDENTIALS.forget(*self.key)
        self.addCleanup(REMEMBERED_CREDENTIALS.forget, *self.key)

    def delivery(self, message_id):
        template = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        return json.dumps(dict(template, id=message_id)).encode()

    def deliver(self, message_id, secret="s3cr3t"):
        """POST a signed delivery through the fast lane; its status code."""
        body = self.delivery(message_id)
        return self.post(body, self.signed_headers(body, secret)).status_code

    def receive(self, body):
        """``receive_chatwoot`` on the test's cursor: its answer and the queries it ran."""
        request = EnvironBuilder(
            method="POST",
            path=self.url,
            data=body,
            headers={"Content-Type": "application/json", **self.signed_headers(body)},
        ).get_request()
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        status, answer, _after = receive_chatwoot(self.env.cr, self.account.webhook_token, request)
        return status, answer, self.env.cr.sql_log_count - before

    def change_behind_the_memory(self, column, value):
        """Change the account in SQL, as another worker's transaction would."""
        self.env.cr.execute(
            SQL(
                "UPDATE chatwoot_account SET %s = %s WHERE id = %s",
                SQL.identifier(column),
                value,
                self.account.id,
            )
        )

    def stored_message_ids(self):
        return sorted(self.events().mapped(lambda event: json.loads(event.payload)["id"]))

    def test_a_remembered_account_costs_one_query_less(self):
        first = self.receive(self.delivery(401))
        self.assertEqual(REMEMBERED_CREDENTIALS.get(*self.key), (self.account.id, "s3cr3t"))
        second = self.receive(self.delivery(402))
        self.assertEqual(first[:2], (200, {"status": "stored"}))
        self.assertEqual(second[:2], (200, {"status": "stored"}))
        self.assertEqual(second[2], first[2] - 1)
        self.assertEqual(self.stored_message_ids(), [401, 402])

    def test_a_secret_changed_behind_the_memory_is_refused_by_the_insert(self):
        self.assertEqual(self.deliver(411), 200)
        self.change_behind_the_memory("webhook_secret", "n3w-s3cr3t")
        self.assertEqual(self.deliver(412), 401)
        # Answered on the credentials read afresh, which the worker now remembers.
        self.assertEqual(REMEMBERED_CREDENTIALS.get(*self.key), (self.account.id, "n3w-s3cr3t"))
        self.assertEqual(self.deliver(413, "n3w-s3cr3t"), 200)
        self.assertEqual(self.stored_message_ids(), [411, 413])

    def test_an_archived_or_retokened_account_behind_the_memory_answers_404(self):
        self.assertEqual(self.deliver(421), 200)
        self.change_behind_the_memory("active", False)
        self.assertEqual(self.deliver(422), 404)
        self.change_behind_the_memory("active", True)
        self.assertEqual(self.deliver(422), 200)
        self.change_behind_the_memory("webhook_token", "another-token")
        self.assertEqual(self.deliver(423), 404)
        self.assertEqual(self.stored_message_ids(), [421, 422])

    def test_a_bad_delivery_is_judged_on_fresh_credentials(self):
        self.assertEqual(self.deliver(431), 200)
        # Archived behind the memory: a malformed body is no longer this account's 400.
        self.change_behind_the_memory("active", False)
        response = self.post(b"{not json", self.signed_headers(b"{not json"))
        self.assertEqual(response.status_code, 404)

    def test_the_insert_refuses_credentials_the_account_no_longer_has(self):
        token = self.account.webhook_token
        self.env.flush_all()
        with self.assertRaises(StaleCredentials):
            insert_delivery(
                self.env.cr,
                self.account.id,
                "message_created",
                "k1",
                "{}",
                credentials=(token, "not-the-secret"),
            )
        self.assertFalse(self.events())
        stored = insert_delivery(
            self.env.cr,
            self.account.id,
            "message_created",
            "k1",
            "{}",
            credentials=(token, "s3cr3t"),
        )
        self.assertTrue(stored)
        self.assertEqual(len(self.events()), 1)

    def test_unknown_tokens_are_not_remembered_and_the_memory_is_bounded(self):
        body = self.delivery(441)
        response = self.post(body, self.signed_headers(body), url=f"{WEBHOOK_ROUTE}nope")
        self.assertEqual(response.status_code, 404)
        self.assertIsNone(REMEMBERED_CREDENTIALS.get(self.key[0], self.key[1], "nope"))
        memory = RememberedCredentials(size=2)
        for token in ("a", "b", "c"):
            memory.remember("db", "chatwoot_account", token, (1, "s"))
        self.assertIsNone(memory.get("db", "chatwoot_account", "a"))
        self.assertEqual(memory.get("db", "chatwoot_account", "c"), (1, "s"))


@tagged("post_install", "-at_install")
class TestFastLaneConcurrency(CommittedAccountCase):
    """Concurrent redeliveries over real HTTP, committed for real: stored once."""

    def test_concurrent_redeliveries_through_the_fast_lane_are_stored_once(self):
        body = fixture("cw4141_message_created_incoming_api.json")
        url = f"http://127.0.0.1:{config['http_port']}{WEBHOOK_ROUTE}{self.token}"
        barrier, answers = threading.Barrier(6), []

        def deliver():
            barrier.wait()
            response = requests.post(url, data=body, timeout=60)
            answers.append(
                (response.status_code, response.headers.get(LANE_HEADER), response.json()["status"])
            )

        threads = [threading.Thread(target=deliver) for _ in range(6)]
        with self.registries_unlocked(), mute_logger(LANE_LOGGER):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
        self.assertEqual(
            sorted(answers), [(200, "fast", "duplicate")] * 5 + [(200, "fast", "stored")]
        )
        with self.env_cursor() as env:
            events = env["chatwoot.webhook.event"].search([("account_id", "=", self.account_id)])
            jobs = self.drain_jobs(env)
            self.assertEqual(len(events), 1)
            self.assertEqual(len(jobs), 1)


@tagged("post_install", "-at_install")
class TestKeptCursor(CommittedAccountCase):
    """A prefork worker keeps its cursor from one delivery to the next, and replaces it when
    its connection died meanwhile. Committed for real: the kept cursor is a real one."""

    def setUp(self):
        super().setUp()
        self.addCleanup(fast_lane.close_kept_cursors)

    def deliver(self, message_id):
        """A delivery as a prefork worker serves it: its answer and the kept connection's
        backend."""
        template = json.loads(fixture("cw4141_message_created_incoming_api.json"))
        body = json.dumps(dict(template, id=message_id)).encode()
        request = EnvironBuilder(
            method="POST",
            path=f"{WEBHOOK_ROUTE}{self.token}",
            data=body,
            headers={"Content-Type": "application/json"},
        ).get_request()
        lane = LANES[WEBHOOK_ROUTE]
        answer = fast_lane._deliver(lane, self.registry_object, self.token, request, keep=True)
        kept = fast_lane.kept_cursor(self.dbname)
        self.assertEqual(kept._cnx.info.transaction_status, TRANSACTION_STATUS_IDLE)
        return answer, kept._cnx.info.backend_pid

    def stored_message_ids(self):
        with self.env_cursor() as env:
            events = env["chatwoot.webhook.event"].search([("account_id", "=", self.account_id)])
            return sorted(json.loads(event.payload)["id"] for event in events)

    def test_a_prefork_worker_keeps_one_connection_between_deliveries(self):
        delivered = [self.deliver(message_id) for message_id in (501, 502, 503)]
        answers = [answer for answer, _backend in delivered]
        backends = {backend for _answer, backend in delivered}
        self.assertEqual(answers, [(200, {"status": "stored"})] * 3)
        self.assertEqual(len(backends), 1)
        # Committed: another connection sees them, and the first one queued the drain.
        self.assertEqual(self.stored_message_ids(), [501, 502, 503])
        with self.env_cursor() as env:
            jobs = self.drain_jobs(env)
            self.assertEqual(len(jobs), 1)

    def test_a_kept_connection_closed_meanwhile_is_replaced_before_the_delivery(self):
        _answer, first_backend = self.deliver(511)
        with self.env_cursor() as env:
            env.cr.execute("SELECT pg_terminate_backend(%s, 5000)", [first_backend])
        with self.assertLogs(LANE_LOGGER, "WARNING") as logs:
            answer, second_backend = self.deliver(512)
        self.assertIn("kept database connection was closed by the server", logs.output[0])
        self.assertEqual(answer, (200, {"status": "stored"}))
        self.assertNotEqual(second_backend, first_backend)
        self.assertEqual(self.stored_message_ids(), [511, 512])

    def test_a_connection_lost_during_a_delivery_is_replayed_once_on_a_new_one(self):
        self.deliver(515)
        real = LANES[WEBHOOK_ROUTE]
        self.addCleanup(LANES.__setitem__, WEBHOOK_ROUTE, real)
        backends = []

        def dies_once(cr, token, httprequest):
            backends.append(cr._cnx.info.backend_pid)
            if len(backends) == 1:  # the connection ends in the middle of the delivery
                cr.execute("SELECT pg_terminate_backend(pg_backend_pid())")
            return real.receive(cr, token, httprequest)

        LANES[WEBHOOK_ROUTE] = real._replace(receive=dies_once)
        with (
            self.assertLogs(LANE_LOGGER, "WARNING") as logs,
            mute_logger("odoo.sql_db"),
        ):
            answer, backend = self.deliver(516)
        self.assertIn("delivery replayed on a new connection", logs.output[0])
        self.assertEqual(answer, (200, {"status": "stored"}))
        self.assertEqual(len(backends), 2)
        self.assertNotEqual(backends[0], backends[1])
        self.assertEqual(backend, backends[1])
        self.assertEqual(self.stored_message_ids(), [515, 516])

    def test_a_connection_lost_on_a_new_cursor_is_not_replayed(self):
        real = LANES[WEBHOOK_ROUTE]
        self.addCleanup(LANES.__setitem__, WEBHOOK_ROUTE, real)
        calls = []

        def dies(cr, token, httprequest):
            calls.append(cr.kept)
            cr.execute("SELECT pg_terminate_backend(pg_backend_pid())")

        LANES[WEBHOOK_ROUTE] = real._replace(receive=dies)
        with self.assertRaises(psycopg2.Error), mute_logger("odoo.sql_db", LANE_LOGGER):
            self.deliver(517)
        self.assertEqual(calls, [False])  # one try: the database itself is in trouble
        self.assertIsNone(fast_lane.kept_cursor(self.dbname))
        self.assertEqual(self.stored_message_ids(), [])

    def test_an_error_inside_drops_the_kept_cursor(self):
        self.deliver(521)
        with self.assertRaises(RuntimeError):  # noqa: PT027
            with fast_lane.lane_cursor(self.registry_object, keep=True) as cr:
                self.assertTrue(cr.kept)
                raise RuntimeError("boom")
        self.assertTrue(cr.closed)
        self.assertIsNone(fast_lane.kept_cursor(self.dbname))

    def test_a_worker_keeps_one_connection_whatever_the_databases(self):
        self.deliver(541)
        first = fast_lane.kept_cursor(self.dbname)
        other_database = SimpleNamespace(db_name="postgres")  # all lane_cursor reads of it
        with fast_lane.lane_cursor(other_database, keep=True) as cr:
            self.assertFalse(cr.kept)
            cr.execute("SELECT current_database()")
            self.assertEqual(cr.fetchone(), ("postgres",))
        self.assertTrue(first.closed)
        self.assertIsNone(fast_lane.kept_cursor(self.dbname))
        self.assertIs(fast_lane.kept_cursor("postgres"), cr)
        self.assertEqual(len(fast_lane.KEPT_CURSORS), 1)

    def test_kept_cursors_belong_to_their_thread_and_the_test_server_keeps_none(self):
        self.deliver(531)
        seen = []

        def look():
            seen.append((fast_lane.keeps_cursor(), fast_lane.kept_cursor(self.dbname)))

        thread = threading.Thread(target=look)
        thread.start()
        thread.join()
        # The threaded server (HttpCase's too) borrows a cursor per request; no other
        # thread ever sees this one's kept cursor.
        self.assertEqual(seen, [(False, None)])
        self.assertIsNotNone(fast_lane.kept_cursor(self.dbname))
