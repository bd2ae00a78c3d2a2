# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Stored webhook items that fail are retried with back-off, then kept as failed."""

import json
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import PAGE_ID, SocialCase, delivery, fb_change


@tagged("post_install", "-at_install")
class TestSocialEvents(SocialCase):
    def broken_item(self):
        item = {"object": "page", "field": "feed", "kind": "comment", "value": {}, "time": 1}
        self.env["chatwoot.social.event"]._store_items(
            [(self.page.id, "comment", "fb:broken", json.dumps(item))]
        )
        return self.env["chatwoot.social.event"].search([("item_key", "=", "fb:broken")])

    def test_a_failing_item_is_retried_then_failed_and_retried_by_hand(self):
        event = self.broken_item()
        self.store(self.page, delivery("page", PAGE_ID, fb_change(f"{PAGE_ID}_1", message="Oi")))
        self.page._job_drain_events()
        self.assertEqual(event.state, "new")
        self.assertEqual(event.attempts, 1)
        self.assertIn("KeyError", event.error)
        self.assertGreater(event.next_attempt_at, fields.Datetime.now())
        # The item after it was not held back by the failure.
        self.assertTrue(self.comment(f"{PAGE_ID}_1"))
        for _attempt in range(4):
            event.next_attempt_at = fields.Datetime.now() - timedelta(seconds=1)
            self.page._job_drain_events()
        self.assertEqual((event.state, event.attempts), ("failed", 5))
        event.action_retry()
        self.assertEqual((event.state, event.attempts), ("new", 0))

    def test_items_left_waiting_are_drained_by_the_cron(self):
        self.store(self.page, delivery("page", PAGE_ID, fb_change(f"{PAGE_ID}_2", message="Oi")))
        self.social_jobs(due_only=False).unlink()  # as if the job had been lost
        event = self.env["chatwoot.social.event"].search([("account_id", "=", self.page.id)])
        event.received_at = fields.Datetime.now() - timedelta(minutes=5)
        self.env["chatwoot.social.event"]._cron_drain_stuck_events()
        self.run_jobs()
        self.assertEqual(event.state, "done")
        self.assertTrue(self.comment(f"{PAGE_ID}_2"))
