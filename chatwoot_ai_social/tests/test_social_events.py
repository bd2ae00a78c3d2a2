# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Stored webhook items that fail are retried with back-off, then kept as failed."""

import json
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tools import SQL

from .common import IG_ID, PAGE_ID, SocialCase, delivery, fb_change, ig_change


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

    def test_a_burst_queues_one_drain_per_account_in_the_insert(self):
        # The INSERT says whether a drain of each account already waits: the first delivery
        # of a burst queues it, the next ones (and a redelivery) queue nothing more.
        self.social_jobs(due_only=False).unlink()
        first = delivery("page", PAGE_ID, fb_change(f"{PAGE_ID}_31", message="Oi"))
        self.assertEqual(self.store(self.page, first), 1)
        self.assertEqual(self.store(self.page, first), 0, "a redelivery is stored once")
        second = delivery(
            "page",
            PAGE_ID,
            fb_change(f"{PAGE_ID}_32", message="Oi"),
            fb_change(f"{PAGE_ID}_33", message="Olá"),
        )
        self.assertEqual(self.store(self.page, second), 2)
        instagram = delivery("instagram", IG_ID, ig_change("91", "Oi"))
        self.assertEqual(self.store(self.instagram, instagram), 1)
        identities = self.social_jobs(due_only=False).mapped("identity_key")
        expected = [f"social_drain:{self.page.id}", f"social_drain:{self.instagram.id}"]
        self.assertEqual(sorted(identities), sorted(expected))
        self.run_delayed_jobs()
        self.assertTrue(self.comment(f"{PAGE_ID}_33"))
        self.assertTrue(self.comment("91", account=self.instagram))
        events = self.env["chatwoot.social.event"].search(
            [("account_id", "in", (self.page + self.instagram).ids)]
        )
        self.assertEqual(set(events.mapped("state")), {"done"})

    def test_the_async_commit_parameter_applies_to_social_items(self):
        self.env["ir.config_parameter"].set_param("chatwoot_ai.webhook_async_commit", "True")
        change = delivery("page", PAGE_ID, fb_change(f"{PAGE_ID}_41", message="Oi"))
        self.assertEqual(self.store(self.page, change), 1)
        self.assertEqual(self.env.execute_query(SQL("SHOW synchronous_commit"))[0][0], "off")
