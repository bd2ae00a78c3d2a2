# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Publishing and hiding through the Graph API (a local fake): retries, usage, errors, once."""

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PAGE_ID, SocialCase

FB_COMMENT = f"{PAGE_ID}_901"
IG_COMMENT = "18000000000901"


@tagged("post_install", "-at_install")
class TestPublishing(SocialCase):
    def setUp(self):
        super().setUp()
        self.start_fake_graph()
        Comment = self.env["chatwoot.social.comment"]
        self.fb = Comment.create(
            {"account_id": self.page.id, "external_id": FB_COMMENT, "body": "Tem no M?",
             "author_name": "Ana", "state": "drafted", "reply_body": "Temos sim! 😊"}
        )  # fmt: skip
        self.ig = Comment.create(
            {"account_id": self.instagram.id, "external_id": IG_COMMENT, "body": "Preço?",
             "author_name": "bia", "state": "drafted", "reply_body": "R$ 59,90 ✨"}
        )  # fmt: skip
        self.fb_reply_path = self.graph_path(f"{FB_COMMENT}/comments")
        self.ig_reply_path = self.graph_path(f"{IG_COMMENT}/replies")

    def publish(self, comment):
        comment.action_approve()
        self.run_jobs()

    def test_facebook_reply_and_instagram_reply_endpoints(self):
        self.fake.script("POST", self.fb_reply_path, [{"json": {"id": f"{FB_COMMENT}_r"}}])
        self.fake.script("POST", self.ig_reply_path, [{"json": {"id": "18000000000999"}}])
        self.publish(self.fb | self.ig)
        self.assertRecordValues(
            self.fb | self.ig,
            [
                {
                    "state": "replied",
                    "reply_external_id": f"{FB_COMMENT}_r",
                    "publish_error": False,
                },
                {"state": "replied", "reply_external_id": "18000000000999", "publish_error": False},
            ],
        )
        [fb_call] = self.fake.requests_to("POST", self.fb_reply_path)
        [ig_call] = self.fake.requests_to("POST", self.ig_reply_path)
        self.assertEqual(fb_call.form["message"], "Temos sim! 😊")
        self.assertEqual(ig_call.form["message"], "R$ 59,90 ✨")
        self.assertGreaterEqual(self.fb.response_minutes, 0)

    def test_hide_on_facebook_and_instagram(self):
        self.fake.script("POST", self.graph_path(FB_COMMENT), [{"json": {"success": True}}])
        self.fake.script("POST", self.graph_path(IG_COMMENT), [{"json": {"success": True}}])
        (self.fb | self.ig).action_hide()
        self.run_jobs()
        self.assertEqual((self.fb | self.ig).mapped("state"), ["hidden", "hidden"])
        [fb_call] = self.fake.requests_to("POST", self.graph_path(FB_COMMENT))
        [ig_call] = self.fake.requests_to("POST", self.graph_path(IG_COMMENT))
        self.assertEqual(fb_call.form, {"is_hidden": "true"})
        self.assertEqual(ig_call.form, {"hide": "true"})

    def test_each_throttling_code_backs_off_and_retries(self):
        for code in (4, 17, 32, 613, 80007, 130429):
            with self.subTest(code=code):
                comment = self.fb.copy({"external_id": f"{PAGE_ID}_{code}", "state": "drafted",
                                        "reply_body": f"Resposta {code}"})  # fmt: skip
                path = self.graph_path(f"{comment.external_id}/comments")
                self.fake.script(
                    "POST",
                    path,
                    [self.fake.error(code, "Rate limited"), {"json": {"id": f"r{code}"}}],
                )
                self.publish(comment)
                self.assertEqual(comment.state, "approved")
                self.assertEqual(comment.publish_attempts, 1)
                self.assertGreater(comment.next_attempt_at, fields.Datetime.now())
                self.assertIn(str(code), comment.publish_error)
                self.assertEqual(
                    len(self.fake.requests_to("POST", path)), 1, "waits before retrying"
                )
                self.run_delayed_jobs()
                self.assertRecordValues(
                    comment, [{"state": "replied", "reply_external_id": f"r{code}"}]
                )
                self.assertEqual(len(self.fake.requests_to("POST", path)), 2)

    def test_usage_near_the_limit_makes_the_next_job_wait(self):
        self.fake.set_usage(business=100, regain_minutes=7)
        self.fake.script("POST", self.fb_reply_path, [{"json": {"id": "r1"}}])
        self.fake.script("POST", self.ig_reply_path, [{"json": {"id": "r2"}}])
        self.publish(self.fb)
        self.assertEqual(self.page.graph_usage, 100.0)
        self.ig.account_id = self.page  # the same app and page: its usage applies
        self.ig.write({"external_id": f"{PAGE_ID}_902", "state": "drafted"})
        self.publish(self.ig)
        self.assertEqual(self.ig.state, "approved")
        self.assertGreater(self.ig.next_attempt_at, fields.Datetime.now())
        self.assertFalse(self.fake.requests_to("POST", self.graph_path(f"{PAGE_ID}_902/comments")))
        # Once the reading is older than Meta's window, calls go out again.
        self.page.graph_usage_at = fields.Datetime.now().replace(year=2020)
        self.fake.script(
            "POST", self.graph_path(f"{PAGE_ID}_902/comments"), [{"json": {"id": "r3"}}]
        )
        self.run_delayed_jobs()
        self.assertEqual(self.ig.reply_external_id, "r3")

    def test_expired_token_and_missing_permission_stop_with_a_notice_to_managers(self):
        for code, word in ((190, "expired"), (200, "permission"), (10, "permission")):
            with self.subTest(code=code):
                comment = self.fb.copy({"external_id": f"{PAGE_ID}_e{code}", "state": "drafted",
                                        "reply_body": "Oi"})  # fmt: skip
                path = self.graph_path(f"{comment.external_id}/comments")
                self.fake.script("POST", path, [self.fake.error(code, f"Token {word}", status=400)])
                self.publish(comment)
                self.assertEqual(comment.state, "drafted", "back in the approval queue")
                self.assertIn(f"code {code}", comment.publish_error)
                self.assertFalse(self.social_jobs(due_only=False), "no retry")
                notice = self.page.message_ids[0]
                self.assertIn(f"code {code}", notice.body)
                self.assertIn(self.manager.partner_id, notice.partner_ids)
                self.assertIn(f"code {code}", self.page.last_error)

    def test_a_reply_is_never_published_twice(self):
        # The POST goes through but the answer is lost (connection dropped): the retry looks
        # for the reply first and adopts it instead of posting a second one.
        self.fake.script("POST", self.fb_reply_path, [{"drop": True}])
        self.fake.script(
            "GET",
            self.fb_reply_path,
            [{"json": {"data": [
                {"id": "other", "message": "Temos sim! 😊", "from": {"id": "4242"}},
                {"id": f"{FB_COMMENT}_mine", "message": "Temos sim! 😊", "from": {"id": PAGE_ID}},
            ]}}],
        )  # fmt: skip
        self.publish(self.fb)
        self.assertTrue(self.fb.publish_uncertain)
        self.assertEqual(self.fb.state, "approved")
        self.run_delayed_jobs()
        self.assertRecordValues(
            self.fb, [{"state": "replied", "reply_external_id": f"{FB_COMMENT}_mine"}]
        )
        self.assertEqual(len(self.fake.requests_to("POST", self.fb_reply_path)), 1)
        # A job run again after the reply was recorded posts nothing either.
        self.fb._job_publish()
        self.assertEqual(len(self.fake.requests_to("POST", self.fb_reply_path)), 1)

    def test_retries_end_with_a_clear_error(self):
        self.fake.script(
            "POST", self.fb_reply_path, [self.fake.error(4, "Application request limit")]
        )
        self.publish(self.fb)
        for _attempt in range(8):
            self.run_delayed_jobs()
        self.assertEqual(self.fb.state, "drafted")
        self.assertIn("Application request limit", self.fb.publish_error)
        self.assertEqual(len(self.fake.requests_to("POST", self.fb_reply_path)), 6)

    def test_approve_needs_a_reply_text(self):
        self.fb.reply_body = False
        with self.assertRaises(UserError):
            self.fb.action_approve()
        self.assertEqual(self.fb.state, "drafted")
