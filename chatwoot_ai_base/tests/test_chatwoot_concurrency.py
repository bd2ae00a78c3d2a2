# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Concurrent redeliveries through two real database connections store exactly one row."""

import threading
from contextlib import closing

from odoo import sql_db
from odoo.service.model import retrying
from odoo.tests import tagged

from .common import CommittedAccountCase


@tagged("post_install", "-at_install")
class TestConcurrentDeliveries(CommittedAccountCase):
    """Each connection must commit for the other to see it."""

    chatwoot_account_number = 99

    def deliver(self, barrier, results, index, hold):
        with closing(sql_db.db_connect(self.dbname).cursor()) as cr:
            env = self.new_env(cr)
            account = env["chatwoot.account"].browse(self.account_id)
            barrier.wait()

            def store():
                results[index] = env["chatwoot.webhook.event"]._store_delivery(
                    account,
                    "message_created",
                    "message_created:4242",
                    '{"event":"message_created"}',
                )
                hold.wait(0.5 if index == 0 else 0)  # keep the first transaction open a moment

            # What Odoo's HTTP layer does around every request: a serialization failure
            # (repeatable read sees the other insert only after it commits) replays it.
            retrying(store, env)

    def test_two_connections_store_the_same_delivery_once(self):
        barrier, hold = threading.Barrier(2), threading.Event()
        results = [None, None]
        threads = [
            threading.Thread(target=self.deliver, args=(barrier, results, i, hold))
            for i in range(2)
        ]
        with self.registries_unlocked():
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(30)
        stored = [result for result in results if result]
        self.assertEqual(len(stored), 1, results)
        with self.env_cursor() as env:
            count = env["chatwoot.webhook.event"].search_count(
                [("account_id", "=", self.account_id), ("dedupe_key", "=", "message_created:4242")]
            )
            jobs = env["queue.job"].search(
                [("func_string", "like", f"chatwoot.account({self.account_id},)._job_drain_events")]
            )
            jobs_seen = [(job.state, job.identity_key) for job in jobs]
        self.assertEqual(count, 1)
        self.assertEqual(len(jobs_seen), 1, f"one processing job for one delivery: {jobs_seen}")
