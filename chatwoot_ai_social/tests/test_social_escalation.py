# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Escalation to people: a Chatwoot conversation (a local fake Chatwoot) or an activity."""

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.tests.fake_chatwoot import FakeChatwoot

from .common import PAGE_ID, POST_ID, SocialCase

API = "/api/v1/accounts/1"


@tagged("post_install", "-at_install")
class TestEscalation(SocialCase):
    def setUp(self):
        super().setUp()
        self.chatwoot = FakeChatwoot().start()
        self.addCleanup(self.chatwoot.stop)
        self.account.base_url = self.chatwoot.url
        self.comment = self.env["chatwoot.social.comment"].create(
            {"account_id": self.page.id, "external_id": f"{PAGE_ID}_77", "body": "Não chegou!",
             "author_name": "Ana Souza", "author_external_id": "4242", "state": "drafted",
             "comment_type": "complaint", "post_external_id": POST_ID,
             "reply_body": "Sentimos muito, chama no privado?",
             "sla_due": fields.Datetime.now() + timedelta(hours=1)}
        )  # fmt: skip

    def test_escalation_opens_a_chatwoot_conversation_with_comment_link_and_draft(self):
        self.page.write({"escalation_mode": "chatwoot", "escalation_inbox_id": self.inbox.id})
        self.chatwoot.script("GET", f"{API}/contacts/search", [{"json": {"payload": []}}])
        self.chatwoot.script(
            "POST", f"{API}/contacts", [{"json": {"payload": {"contact": {"id": 555}}}}]
        )
        self.chatwoot.script("POST", f"{API}/conversations", [{"json": {"id": 3210}}])
        self.comment.action_escalate()
        self.assertEqual(self.comment.state, "escalated")
        self.run_jobs()
        [contact] = self.chatwoot.requests_to("POST", f"{API}/contacts")
        self.assertEqual(contact.json["identifier"], "facebook:4242")
        [opened] = self.chatwoot.requests_to("POST", f"{API}/conversations")
        self.assertEqual((opened.json["inbox_id"], opened.json["contact_id"]), (10, 555))
        message = opened.json["message"]["content"]
        for part in ("Não chegou!", "Sentimos muito, chama no privado?", self.comment.permalink):
            self.assertIn(part, message)
        self.assertTrue(opened.json["custom_attributes"]["sla_due"])
        self.assertEqual(self.comment.escalation_conversation_id.display_id, 3210)
        self.assertFalse(self.comment.activity_ids)

    def test_a_refused_chatwoot_escalation_falls_back_to_an_activity(self):
        self.page.write({"escalation_mode": "chatwoot", "escalation_inbox_id": self.inbox.id})
        self.chatwoot.script("GET", f"{API}/contacts/search", [{"json": {"payload": []}}])
        self.chatwoot.script("POST", f"{API}/contacts", [{"status": 422, "json": {"error": "x"}}])
        self.comment.action_escalate()
        self.run_jobs()
        self.assertEqual(len(self.comment.activity_ids), 1)
        self.assertFalse(self.comment.escalation_conversation_id)

    def test_activity_for_the_team_member_with_the_sla_and_the_overdue_filter(self):
        self.page.write({"escalation_mode": "activity", "escalation_user_id": self.marketer.id})
        self.comment.action_escalate()
        [activity] = self.comment.activity_ids
        self.assertEqual(activity.user_id, self.marketer)
        self.assertEqual(activity.date_deadline, self.comment.sla_due.date())
        Comment = self.env["chatwoot.social.comment"]
        self.assertNotIn(self.comment, Comment.search([("is_overdue", "=", True)]))
        self.comment.sla_due = fields.Datetime.now() - timedelta(minutes=1)
        self.assertIn(self.comment, Comment.search([("is_overdue", "=", True)]))
        self.assertTrue(self.comment.is_overdue)
        self.comment.action_ignore()
        self.assertNotIn(self.comment, Comment.search([("is_overdue", "=", True)]))
