# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The webhook fast lane: it serves the deliveries, answers exactly as Odoo's route does, and
leaves to Odoo what it must not serve."""

import json
import threading
from unittest.mock import patch

import requests

from odoo.tests import tagged
from odoo.tools import config, mute_logger

from ..controllers import fast_lane
from ..controllers.fast_lane import LANE_HEADER, LANES, read_body
from ..controllers.webhook import receive_chatwoot
from ..models.chatwoot_account import WEBHOOK_ROUTE
from .common import CommittingCase
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
class TestFastLaneConcurrency(CommittingCase):
    """Concurrent redeliveries over real HTTP, committed for real: stored once."""

    def setUp(self):
        super().setUp()
        with self.env_cursor() as env:
            account = env["chatwoot.account"].create(
                {"name": "Fast lane", "chatwoot_account_id": 98, "base_url": "https://f.example"}
            )
            self.account_id, self.token = account.id, account.webhook_token
        self.addCleanup(self.remove_account)

    def remove_account(self):
        with self.env_cursor() as env:
            env["chatwoot.webhook.event"].search([("account_id", "=", self.account_id)]).unlink()
            env["queue.job"].search(
                [("func_string", "like", f"chatwoot.account({self.account_id},)._job_drain_events")]
            ).unlink()
            env["chatwoot.account"].browse(self.account_id).unlink()

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
            jobs = env["queue.job"].search(
                [("func_string", "like", f"chatwoot.account({self.account_id},)._job_drain_events")]
            )
            self.assertEqual(len(events), 1)
            self.assertEqual(len(jobs), 1)
