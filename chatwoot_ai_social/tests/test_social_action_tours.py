# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every button of the social screens clicked in a real browser (headless Chromium).

Hide, Escalate, Ignore and Publish on the comment form, the bulk actions of the inbox
list, the Social Account buttons and the merge suggestions' remaining buttons; the
outcome is checked in the database, at the fake Graph API and at the fake Chatwoot.
"""

from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.tests.fake_chatwoot import FakeChatwoot
from odoo.addons.chatwoot_ai_base.tests.tour_case import ChatwootAITourCase

from .common import IG_ID, PAGE_ID, SocialCase

INBOX = "/odoo/action-chatwoot_ai_social.chatwoot_social_comment_action"
CHATWOOT_API = "/api/v1/accounts/1"


@tagged("post_install", "-at_install")
class TestSocialButtons(ChatwootAITourCase, SocialCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.marketer | cls.manager).company_ids = cls.env.company

    def setUp(self):
        super().setUp()
        self.start_fake_graph()

    def make_comments(self, *bodies, **values):
        """One drafted Facebook comment per body, with a drafted reply."""
        return self.env["chatwoot.social.comment"].create(
            [
                {
                    "account_id": self.page.id,
                    "external_id": f"{PAGE_ID}_b{index}",
                    "body": body,
                    "author_name": f"Autor {index}",
                    "author_external_id": f"90{index}",
                    "state": "drafted",
                    "comment_type": "question",
                    "reply_body": "Obrigado pelo contato!",
                    **values,
                }
                for index, body in enumerate(bodies)
            ]
        )

    def test_form_hide_escalate_and_ignore(self):
        spam, angry, idle = self.make_comments(
            "Compre seguidores baratos", "Quero falar com o gerente", "Só passando"
        )
        chatwoot = FakeChatwoot().start()
        self.addCleanup(chatwoot.stop)
        self.account.base_url = chatwoot.url
        self.page.write({"escalation_mode": "chatwoot", "escalation_inbox_id": self.inbox.id})
        chatwoot.script("GET", f"{CHATWOOT_API}/contacts/search", [{"json": {"payload": []}}])
        chatwoot.script(
            "POST", f"{CHATWOOT_API}/contacts", [{"json": {"payload": {"contact": {"id": 555}}}}]
        )
        chatwoot.script("POST", f"{CHATWOOT_API}/conversations", [{"json": {"id": 3210}}])
        hide_path = self.graph_path(spam.external_id)
        self.fake.script("POST", hide_path, [{"json": {"success": True}}])
        self.journey(
            f"{INBOX}/{spam.id}",
            "chatwoot_ai_social_form_hide_escalate_ignore",
            login=self.marketer.login,
        )
        self.assertEqual((angry.state, idle.state), ("escalated", "ignored"))
        self.run_jobs()
        self.assertEqual(spam.state, "hidden")
        self.assertTrue(spam.hidden_on_platform)
        [hide_call] = self.fake.requests_to("POST", hide_path)
        self.assertEqual(hide_call.form, {"is_hidden": "true"})
        [opened] = chatwoot.requests_to("POST", f"{CHATWOOT_API}/conversations")
        self.assertIn("Quero falar com o gerente", opened.json["message"]["content"])
        self.assertEqual(angry.escalation_conversation_id.display_id, 3210)
        self.assertEqual(idle.state, "ignored", "the jobs leave an ignored comment alone")

    def test_publish_again_after_an_error(self):
        comment = self.make_comments(
            "Tem em outra cor?", publish_error="Temporary Graph outage", publish_attempts=3
        )
        reply_path = self.graph_path(f"{comment.external_id}/comments")
        self.fake.script("POST", reply_path, [{"json": {"id": f"{comment.external_id}_r"}}])
        self.journey(
            f"{INBOX}/{comment.id}",
            "chatwoot_ai_social_publish_retry",
            login=self.marketer.login,
            screenshot="social_publish_retry",
        )
        self.assertRecordValues(
            comment, [{"state": "approved", "publish_error": False, "publish_attempts": 0}]
        )
        self.run_jobs()
        self.assertRecordValues(
            comment, [{"state": "replied", "reply_external_id": f"{comment.external_id}_r"}]
        )
        [call] = self.fake.requests_to("POST", reply_path)
        self.assertEqual(call.form["message"], "Obrigado pelo contato!")

    def test_bulk_escalate_opens_an_activity_per_comment(self):
        self.page.write({"escalation_mode": "activity", "escalation_user_id": self.marketer.id})
        one, two, three = self.make_comments("Bulk um", "Bulk dois", "Bulk tres")
        self.journey(INBOX, "chatwoot_ai_social_bulk_escalate", login=self.marketer.login)
        self.assertEqual((one | two).mapped("state"), ["escalated", "escalated"])
        self.assertEqual(three.state, "drafted", "not selected")
        for comment in one | two:
            [activity] = comment.activity_ids
            self.assertEqual(activity.user_id, self.marketer)
        self.assertFalse(three.activity_ids)

    def test_bulk_ignore(self):
        one, two, three = self.make_comments("Bulk um", "Bulk dois", "Bulk tres")
        self.journey(INBOX, "chatwoot_ai_social_bulk_ignore", login=self.marketer.login)
        self.assertEqual((one | two | three).mapped("state"), ["ignored", "ignored", "drafted"])

    def test_bulk_hide_calls_the_graph_api_for_each(self):
        one = self.make_comments("Bulk um")
        two = self.env["chatwoot.social.comment"].create(
            {"account_id": self.instagram.id, "external_id": "17900000000000777",
             "body": "Bulk dois", "author_name": "bia", "state": "new"}
        )  # fmt: skip
        fb_path, ig_path = self.graph_path(one.external_id), self.graph_path(two.external_id)
        self.fake.script("POST", fb_path, [{"json": {"success": True}}])
        self.fake.script("POST", ig_path, [{"json": {"success": True}}])
        self.journey(INBOX, "chatwoot_ai_social_bulk_hide", login=self.marketer.login)
        self.run_jobs()
        self.assertEqual((one | two).mapped("state"), ["hidden", "hidden"])
        [fb_call] = self.fake.requests_to("POST", fb_path)
        [ig_call] = self.fake.requests_to("POST", ig_path)
        self.assertEqual((fb_call.form, ig_call.form), ({"is_hidden": "true"}, {"hide": "true"}))

    def test_account_regenerates_its_callback_url_and_lists_its_comments(self):
        self.make_comments("Comentário da conta")
        self.env["chatwoot.social.comment"].create(
            {"account_id": self.instagram.id, "external_id": f"{IG_ID}_x",
             "body": "Outra conta", "state": "drafted"}
        )  # fmt: skip
        old_token = self.page.webhook_token
        self.journey(
            f"/odoo/action-chatwoot_ai_social.chatwoot_social_account_action/{self.page.id}",
            "chatwoot_ai_social_account_buttons",
            login=self.manager.login,
            screenshot="social_account_form",
        )
        self.assertTrue(self.page.webhook_token)
        self.assertNotEqual(self.page.webhook_token, old_token)
        self.assertNotIn(old_token, self.page.callback_url)

    def test_manager_accepts_from_the_list_and_rejects_from_the_form(self):
        Partner = self.env["res.partner"]
        Suggestion = self.env["chatwoot.identity.suggestion"]
        duda, duda_2, enzo, enzo_2 = Partner.create(
            [
                {"name": "Duda Tour", "email": "duda@example.com"},
                {"name": "Duda Tour Duplicada", "email": "duda@example.com"},
                {"name": "Enzo Tour", "city": "Natal"},
                {"name": "Enzo Tour Duplicado"},
            ]
        )
        accepted = Suggestion._suggest(duda, duda_2, "email", "duda@example.com")
        rejected = Suggestion._suggest(enzo, enzo_2, "name_city", "enzo tour, natal")
        self.journey(
            "/odoo/action-chatwoot_ai_social.chatwoot_identity_suggestion_action",
            "chatwoot_ai_social_suggestion_list_accept_form_reject",
            login=self.manager.login,
        )
        self.assertRecordValues(accepted | rejected, [{"state": "accepted"}, {"state": "rejected"}])
        self.assertFalse(duda_2.exists(), "merged into the kept customer")
        self.assertTrue(enzo_2.exists())
        self.assertEqual(rejected.decided_by_id, self.manager)
