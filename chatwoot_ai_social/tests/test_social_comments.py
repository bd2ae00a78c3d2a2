# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Comment events into ``chatwoot.social.comment``: verbs, own comments, order of arrival."""

from datetime import datetime

from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import (
    IG_ID,
    MEDIA_ID,
    NOW,
    PAGE_ID,
    POST_ID,
    SocialCase,
    delivery,
    fb_change,
    ig_change,
)


@tagged("post_install", "-at_install")
class TestCommentIngestion(SocialCase):
    def feed(self, *changes, time=NOW):
        """Store a Page delivery and drain it (triage jobs are left waiting)."""
        self.store(self.page, delivery("page", PAGE_ID, *changes, time=time))
        self.page._job_drain_events()

    def triage_jobs(self, comment):
        return self.social_jobs(due_only=False).filtered(
            lambda job: job.func_string.startswith(f"chatwoot.social.comment({comment.id},)")
            and "_job_triage" in job.func_string
        )

    def test_facebook_comment_is_stored_with_its_author_post_and_time(self):
        self.feed(fb_change(f"{PAGE_ID}_1", message="Qual o preço? 😍 ñ ação"))
        comment = self.comment(f"{PAGE_ID}_1")
        self.assertRecordValues(
            comment,
            [
                {
                    "body": "Qual o preço? 😍 ñ ação",
                    "author_external_id": "4242",
                    "author_name": "Ana Souza",
                    "post_external_id": POST_ID,
                    "parent_external_id": False,
                    "platform": "facebook",
                    "is_own": False,
                    "state": "new",
                    "created_at": datetime(2026, 9, 21, 14, 13, 20),  # NOW, UTC
                }
            ],
        )
        self.assertEqual(comment.post_id.external_id, POST_ID)
        self.assertEqual(comment.partner_id.name, "Ana Souza")
        self.assertEqual(len(self.triage_jobs(comment)), 1)

    def test_a_reply_points_at_its_parent_comment(self):
        self.feed(fb_change(f"{PAGE_ID}_1", message="Tem em azul?"))
        self.feed(
            fb_change(f"{PAGE_ID}_2", message="Também quero saber", parent_id=f"{PAGE_ID}_1"),
            time=NOW + 5,
        )
        child = self.comment(f"{PAGE_ID}_2")
        self.assertEqual(child.parent_id, self.comment(f"{PAGE_ID}_1"))

    def test_own_comments_are_stored_but_never_triaged(self):
        self.feed(fb_change(f"{PAGE_ID}_3", message="Obrigada!", author=(PAGE_ID, "Loja Bela")))
        own = self.comment(f"{PAGE_ID}_3")
        self.assertRecordValues(own, [{"is_own": True, "state": "ignored"}])
        self.assertFalse(own.partner_id)
        self.assertFalse(self.triage_jobs(own))

    def test_an_edit_updates_the_body_and_triages_again(self):
        self.feed(fb_change(f"{PAGE_ID}_4", message="Tem no P?"))
        comment = self.comment(f"{PAGE_ID}_4")
        comment.write({"state": "drafted", "comment_type": "question", "reply_body": "Temos!"})
        self.feed(fb_change(f"{PAGE_ID}_4", verb="edited", message="Tem no M?"), time=NOW + 60)
        self.assertRecordValues(
            comment,
            [{"body": "Tem no M?", "state": "new", "comment_type": False, "reply_body": False}],
        )
        self.assertEqual(len(self.triage_jobs(comment)), 2)

    def test_a_removal_cancels_the_pending_reply(self):
        self.start_fake_graph()
        self.feed(fb_change(f"{PAGE_ID}_5", message="Quanto custa?"))
        comment = self.comment(f"{PAGE_ID}_5")
        comment.write({"reply_body": "R$ 10", "comment_type": "question"})
        comment.action_approve()
        self.feed(fb_change(f"{PAGE_ID}_5", verb="remove", author=None), time=NOW + 30)
        self.assertEqual(comment.state, "removed")
        self.run_jobs()
        self.assertEqual(comment.state, "removed")
        self.assertFalse(comment.reply_external_id)
        self.assertFalse(self.fake.requests)

    def test_events_out_of_order_never_regress_the_state(self):
        cid = f"{PAGE_ID}_6"
        # The edit overtakes the add it edits: the older text never wins.
        self.feed(fb_change(cid, verb="edited", message="versão nova"), time=NOW + 20)
        self.feed(fb_change(cid, message="versão velha"), time=NOW)
        self.assertEqual(self.comment(cid).body, "versão nova")
        # A removal is final: a late add or edit does not bring the comment back.
        self.feed(fb_change(cid, verb="remove", author=None), time=NOW + 40)
        self.feed(fb_change(cid, verb="edited", message="de volta?"), time=NOW + 30)
        self.assertRecordValues(self.comment(cid), [{"state": "removed", "body": "versão nova"}])
        # A hide is not undone by an older edit.
        self.feed(fb_change(f"{PAGE_ID}_7", message="compre seguidores"), time=NOW)
        self.feed(fb_change(f"{PAGE_ID}_7", verb="hide", author=None), time=NOW + 50)
        self.feed(fb_change(f"{PAGE_ID}_7", verb="edited", message="x"), time=NOW + 10)
        self.assertEqual(self.comment(f"{PAGE_ID}_7").state, "hidden")

    def test_instagram_comments_and_live_comments(self):
        payload = delivery(
            "instagram",
            IG_ID,
            ig_change("18001", "Qual o tom? 💄", username="bia.makeup", user_id="901"),
            ig_change("18002", "Amei a live", field="live_comments", parent_id="18001"),
        )
        self.store(self.instagram, payload)
        self.instagram._job_drain_events()
        first = self.comment("18001", self.instagram)
        self.assertRecordValues(
            first,
            [
                {
                    "body": "Qual o tom? 💄",
                    "author_external_id": "901",
                    "author_name": "bia.makeup",
                    "post_external_id": MEDIA_ID,
                    "platform": "instagram",
                    "state": "new",
                }
            ],
        )
        self.assertEqual(self.comment("18002", self.instagram).parent_id, first)

    def test_external_id_is_unique_per_account(self):
        self.feed(fb_change(f"{PAGE_ID}_8", message="Oi"))
        comment = self.comment(f"{PAGE_ID}_8")
        # The same id on another account is another comment...
        self.env["chatwoot.social.comment"].create(
            {"account_id": self.instagram.id, "external_id": comment.external_id, "body": "Oi"}
        )
        # ...on the same account it is refused by the database.
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env["chatwoot.social.comment"].create(
                {"account_id": self.page.id, "external_id": comment.external_id, "body": "Oi"}
            )
