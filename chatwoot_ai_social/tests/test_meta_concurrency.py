# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Concurrent redeliveries of a Meta batch through real connections store each item once."""

import json
import threading
from contextlib import closing

from odoo import sql_db
from odoo.service.model import retrying
from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.tests.common import CommittingCase

from ..meta.payloads import check_delivery, split_items
from .common import delivery, fb_change

PAGE = "1999000001"


@tagged("post_install", "-at_install")
class TestConcurrentMetaDeliveries(CommittingCase):
    """Each connection must commit for the others to see it."""

    def setUp(self):
        super().setUp()
        with self.env_cursor() as env:
            account = env["chatwoot.social.account"].create(
                {"name": "Concurrency", "platform": "facebook", "external_id": PAGE}
            )
            self.account_id = account.id
        self.addCleanup(self.remove_account)
        payload = delivery(
            "page",
            PAGE,
            *(fb_change(f"{PAGE}_{n}", message=f"Comentário {n} 😍") for n in range(10)),
        )
        items = split_items(check_delivery(payload))
        self.rows = [(self.account_id, i["kind"], i["key"], json.dumps(i)) for i in items]

    def jobs(self, env):
        return env["queue.job"].search(
            [("func_string", "like", f"chatwoot.social.account({self.account_id},).")]
        )

    def remove_account(self):
        with self.env_cursor() as env:
            self.jobs(env).unlink()
            env["chatwoot.social.account"].browse(self.account_id).unlink()

    def deliver(self, barrier, results, index):
        with closing(sql_db.db_connect(self.dbname).cursor()) as cr:
            env = self.new_env(cr)
            barrier.wait()

            def store():
                results[index] = env["chatwoot.social.event"]._store_items(self.rows)

            # What Odoo's HTTP layer does around every request: a serialization failure
            # replays it, and the replay finds the rows the other connection committed.
            retrying(store, env)

    def test_four_connections_store_a_redelivered_batch_once(self):
        barrier, results = threading.Barrier(4), [None] * 4
        threads = [
            threading.Thread(target=self.deliver, args=(barrier, results, i)) for i in range(4)
        ]
        with self.registries_unlocked():
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
        self.assertEqual(sum(results), 10, results)
        with self.env_cursor() as env:
            events = env["chatwoot.social.event"].search([("account_id", "=", self.account_id)])
            keys = events.mapped("item_key")
            drains = self.jobs(env).filtered(lambda job: "_job_drain_events" in job.func_string)
            drain_count = len(drains)
        self.assertEqual(len(keys), 10)
        self.assertEqual(len(set(keys)), 10)
        self.assertGreaterEqual(drain_count, 1)
