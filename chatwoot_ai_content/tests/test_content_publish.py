# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Publishing to Facebook and Instagram against the local fake Graph API."""

from urllib.parse import parse_qs, urlsplit

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.chatwoot_ai_social.tests.common import IG_ID, PAGE_ID, SocialCase
from odoo.addons.queue_job.job import Job

from .common import CONTENT_CHANNEL, ContentHttpCase

POST_ID = f"{PAGE_ID}_555"


def graph_time(value):
    return value.strftime("%Y-%m-%dT%H:%M:%S+0000")


@tagged("post_install", "-at_install")
class TestPublish(ContentHttpCase, SocialCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.page | cls.instagram).company_id = cls.company
        cls.env["ir.config_parameter"].set_param(
            "chatwoot_ai.public_base_url", "https://odoo.example.com"
        )
        cls.env["ir.config_parameter"].set_param("chatwoot_ai_content.instagram_poll_seconds", "0")
        pieces = cls.Piece.generate(cls.matte, ["facebook_post", "instagram_caption"], "pt_BR")
        pieces.with_user(cls.manager).action_approve()
        cls.fb_piece = pieces.filtered(lambda p: p.kind == "facebook_post")
        cls.ig_piece = pieces - cls.fb_piece

    def setUp(self):
        super().setUp()
        self.start_fake_graph()

    def new_post(self, piece, account, **values):
        return self.env["chatwoot.content.post"].create(
            {
                "name": "Batom",
                "company_id": self.company.id,
                "piece_ids": [(6, 0, piece.ids)],
                "account_id": account.id,
                "image_source": "none",
                "scheduled_at": fields.Datetime.now(),
                **values,
            }
        )

    def run_one_job(self):
        record = self.env["queue.job"].search(
            [("channel", "=", CONTENT_CHANNEL), ("state", "=", "pending")], order="id", limit=1
        )
        self.assertTrue(record, "a publishing job is queued")
        job = Job.load(self.env, record.uuid)
        job.perform()
        job.set_done(result=job.result)
        job.store()
        self.env.invalidate_all()
        return job

    def script_recent(self, path, items=()):
        self.fake.script("GET", self.graph_path(path), [{"json": {"data": list(items)}}])

    def test_facebook_text_post_is_published_once_by_the_cron(self):
        post = self.new_post(self.fb_piece, self.page, link_url="https://loja.example.com/p")
        self.assertEqual(self.fb_piece.state, "scheduled")
        self.script_recent(f"{PAGE_ID}/published_posts")
        self.fake.script("POST", self.graph_path(f"{PAGE_ID}/feed"), [{"json": {"id": POST_ID}}])
        self.fake.script(
            "GET",
            self.graph_path(POST_ID),
            [{"json": {"permalink_url": "https://facebook.com/p/555"}}],
        )
        self.assertEqual(self.env["chatwoot.content.post"]._cron_publish_due(), 1)
        self.run_one_job()
        self.assertEqual(post.state, "published")
        self.assertEqual(post.external_id, POST_ID)
        self.assertEqual(post.permalink, "https://facebook.com/p/555")
        self.assertEqual(self.fb_piece.state, "published")
        sent = self.fake.requests_to("POST", self.graph_path(f"{PAGE_ID}/feed"))
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent[0].form["message"], self.fb_piece.body)
        # The link is tracked: the short URL of a link.tracker to the product page.
        self.assertEqual(sent[0].form["link"], post.tracked_url)
        self.assertEqual(post.link_tracker_id.url, "https://loja.example.com/p")
        self.assertEqual(sent[0].headers["authorization"], "Bearer page-token")

    def test_facebook_photo_uses_the_public_tokenised_image_url(self):
        post = self.new_post(self.fb_piece, self.page, image_source="product")
        self.script_recent(f"{PAGE_ID}/published_posts")
        self.fake.script(
            "POST",
            self.graph_path(f"{PAGE_ID}/photos"),
            [{"json": {"id": "777", "post_id": POST_ID}}],
        )
        post.action_publish_now()
        self.run_one_job()
        self.assertEqual(post.external_id, POST_ID)
        url = self.fake.requests_to("POST", self.graph_path(f"{PAGE_ID}/photos"))[0].form["url"]
        self.assertEqual(
            url, f"https://odoo.example.com/chatwoot_ai/content/image/{post.image_token}"
        )
        response = self.url_open(f"/chatwoot_ai/content/image/{post.image_token}")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("image/"))
        self.assertEqual(self.url_open("/chatwoot_ai/content/image/wrong").status_code, 404)

    def test_facebook_photo_caption_carries_the_tracked_link(self):
        campaign = self.env["utm.campaign"].create({"name": "Dia das Mães"})
        post = self.new_post(
            self.fb_piece,
            self.page,
            image_source="product",
            link_url="https://loja.example.com/batom",
            campaign_id=campaign.id,
        )
        self.script_recent(f"{PAGE_ID}/published_posts")
        self.fake.script(
            "POST",
            self.graph_path(f"{PAGE_ID}/photos"),
            [{"json": {"id": "778", "post_id": POST_ID}}],
        )
        post.action_publish_now()
        self.run_one_job()
        self.assertEqual((post.state, post.external_id), ("published", POST_ID))
        (sent,) = self.fake.requests_to("POST", self.graph_path(f"{PAGE_ID}/photos"))
        self.assertNotIn("link", sent.form)  # /photos takes no link: the caption carries it
        tracker = post.link_tracker_id
        self.assertEqual(sent.form["message"], f"{self.fb_piece.body}\n\n🔗 {tracker.short_url}")
        self.assertEqual(tracker.url, "https://loja.example.com/batom")
        self.assertEqual(
            (tracker.campaign_id, tracker.medium_id, tracker.source_id),
            (campaign, self.env.ref("utm.utm_medium_facebook"), post.source_id),
        )
        self.assertTrue(post.source_id)
        # The short URL redirects to the product page with the UTM of the post.
        code = tracker.short_url.rsplit("/", 1)[-1]
        response = self.url_open(f"/r/{code}", allow_redirects=False)
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response.headers["Location"], tracker.redirected_url)
        utm = parse_qs(urlsplit(tracker.redirected_url).query)
        self.assertEqual(utm["utm_campaign"], [campaign.name])
        self.assertEqual(utm["utm_source"], [post.source_id.name])
        self.assertEqual(utm["utm_medium"], ["Facebook"])

    def test_retried_facebook_photo_found_by_its_caption_is_not_posted_again(self):
        post = self.new_post(
            self.fb_piece, self.page, image_source="product", link_url="https://loja.example.com/b"
        )
        caption = post._published_text()
        self.assertTrue(caption.endswith(post.tracked_url))
        self.script_recent(
            f"{PAGE_ID}/published_posts",
            [{"id": POST_ID, "message": caption, "created_time": graph_time(post.scheduled_at)}],
        )
        post.action_publish_now()
        self.run_one_job()
        self.assertEqual((post.state, post.external_id), ("published", POST_ID))
        self.assertFalse(self.fake.requests_to("POST", self.graph_path(f"{PAGE_ID}/photos")))

    def test_instagram_container_is_polled_until_finished_then_published(self):
        post = self.new_post(self.ig_piece, self.instagram, image_source="product")
        self.script_recent(f"{IG_ID}/media")
        self.fake.script("POST", self.graph_path(f"{IG_ID}/media"), [{"json": {"id": "C1"}}])
        self.fake.script(
            "GET",
            self.graph_path("C1"),
            [{"json": {"status_code": "IN_PROGRESS"}}, {"json": {"status_code": "FINISHED"}}],
        )
        self.fake.script(
            "POST", self.graph_path(f"{IG_ID}/media_publish"), [{"json": {"id": "M1"}}]
        )
        self.fake.script(
            "GET", self.graph_path("M1"), [{"json": {"permalink": "https://instagram.com/p/M1"}}]
        )
        post.action_publish_now()
        self.run_one_job()
        self.assertEqual((post.state, post.external_id), ("published", "M1"))
        self.assertEqual(post.permalink, "https://instagram.com/p/M1")
        self.assertEqual(len(self.fake.requests_to("GET", self.graph_path("C1"))), 2)
        created = self.fake.requests_to("POST", self.graph_path(f"{IG_ID}/media"))
        self.assertIn("/chatwoot_ai/content/image/", created[0].form["image_url"])
        self.assertEqual(created[0].form["caption"], self.ig_piece.body)
        published = self.fake.requests_to("POST", self.graph_path(f"{IG_ID}/media_publish"))
        self.assertEqual([r.form["creation_id"] for r in published], ["C1"])

    def test_slow_container_is_polled_again_later_without_a_second_container(self):
        post = self.new_post(self.ig_piece, self.instagram, image_source="product")
        self.script_recent(f"{IG_ID}/media")
        self.fake.script("POST", self.graph_path(f"{IG_ID}/media"), [{"json": {"id": "C2"}}])
        self.fake.script("GET", self.graph_path("C2"), [{"json": {"status_code": "IN_PROGRESS"}}])
        post.action_publish_now()
        self.run_one_job()
        self.assertEqual((post.state, post.container_id), ("publishing", "C2"))
        self.fake.script("GET", self.graph_path("C2"), [{"json": {"status_code": "FINISHED"}}])
        self.fake.script(
            "POST", self.graph_path(f"{IG_ID}/media_publish"), [{"json": {"id": "M2"}}]
        )
        self.run_one_job()
        self.assertEqual((post.state, post.external_id), ("published", "M2"))
        self.assertEqual(len(self.fake.requests_to("POST", self.graph_path(f"{IG_ID}/media"))), 1)

    def test_throttled_post_is_retried_later(self):
        post = self.new_post(self.fb_piece, self.page)
        self.script_recent(f"{PAGE_ID}/published_posts")
        feed = self.graph_path(f"{PAGE_ID}/feed")
        self.fake.set_usage(app=40)
        self.fake.script(
            "POST",
            feed,
            [self.fake.error(4, "Application request limit reached"), {"json": {"id": POST_ID}}],
        )
        post.action_publish_now()
        self.run_one_job()
        self.assertEqual(post.state, "publishing")
        self.assertIn("request limit", post.error)
        self.assertEqual(self.page.graph_usage, 40.0)
        retry = self.env["queue.job"].search(
            [("channel", "=", CONTENT_CHANNEL), ("state", "=", "pending")]
        )
        self.assertEqual(len(retry), 1)
        self.assertTrue(retry.eta)
        self.run_one_job()
        self.assertEqual((post.state, post.external_id), ("published", POST_ID))
        self.assertEqual(len(self.fake.requests_to("POST", feed)), 2)

    def test_high_usage_pauses_before_calling(self):
        post = self.new_post(self.fb_piece, self.page)
        self.page.write({"graph_usage": 100.0, "graph_usage_at": fields.Datetime.now()})
        post.action_publish_now()
        self.run_one_job()
        self.assertEqual(post.state, "publishing")
        self.assertFalse(self.fake.requests)

    def test_expired_token_fails_the_post_and_tells_the_managers(self):
        post = self.new_post(self.fb_piece, self.page)
        self.script_recent(f"{PAGE_ID}/published_posts")
        self.fake.script(
            "POST",
            self.graph_path(f"{PAGE_ID}/feed"),
            [self.fake.error(190, "Error validating access token: Session has expired", 401)],
        )
        post.action_publish_now()
        self.run_one_job()
        self.assertEqual(post.state, "failed")
        self.assertIn("expired", post.error)
        self.assertIn("expired", self.page.last_error)
        self.assertFalse(
            self.env["queue.job"].search(
                [("channel", "=", CONTENT_CHANNEL), ("state", "=", "pending")]
            )
        )

    def test_lost_answer_is_not_posted_twice_on_retry(self):
        post = self.new_post(self.fb_piece, self.page)
        feed = self.graph_path(f"{PAGE_ID}/feed")
        self.script_recent(f"{PAGE_ID}/published_posts")
        # The POST reaches Meta, but the answer is a 502: the outcome is unknown.
        self.fake.script("POST", feed, [{"status": 502, "body": b"Bad Gateway"}])
        post.action_publish_now()
        self.run_one_job()
        self.assertEqual(post.state, "publishing")
        # Meta did publish it: the retry finds it instead of posting again.
        self.script_recent(
            f"{PAGE_ID}/published_posts",
            [
                {
                    "id": POST_ID,
                    "message": self.fb_piece.body,
                    "created_time": graph_time(fields.Datetime.now()),
                }
            ],
        )
        self.run_one_job()
        self.assertEqual((post.state, post.external_id), ("published", POST_ID))
        self.assertEqual(len(self.fake.requests_to("POST", feed)), 1)

    def test_job_retried_after_publishing_does_not_post_again(self):
        post = self.new_post(self.fb_piece, self.page)
        feed = self.graph_path(f"{PAGE_ID}/feed")
        self.script_recent(f"{PAGE_ID}/published_posts")
        self.fake.script("POST", feed, [{"json": {"id": POST_ID}}])
        post.action_publish_now()
        job = self.run_one_job()
        self.assertEqual(post.state, "published")
        # The runner lost track and runs the same job again.
        Job.load(self.env, job.uuid).perform()
        self.assertEqual(len(self.fake.requests_to("POST", feed)), 1)
        self.assertEqual(post.external_id, POST_ID)

    def test_cancelled_post_gives_its_piece_back_to_approved(self):
        post = self.new_post(self.fb_piece, self.page)
        self.assertEqual(self.fb_piece.state, "scheduled")
        post.action_cancel()
        self.assertEqual((post.state, self.fb_piece.state), ("cancelled", "approved"))

    def test_only_approved_pieces_are_scheduled(self):
        draft = self.Piece.generate(self.creamy, ["facebook_post"], "pt_BR")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.new_post(draft, self.page)

    def publish_instagram_post(self, media_id, **values):
        post = self.new_post(self.ig_piece, self.instagram, image_source="product", **values)
        self.script_recent(f"{IG_ID}/media")
        self.fake.script("POST", self.graph_path(f"{IG_ID}/media"), [{"json": {"id": "C9"}}])
        self.fake.script("GET", self.graph_path("C9"), [{"json": {"status_code": "FINISHED"}}])
        self.fake.script(
            "POST", self.graph_path(f"{IG_ID}/media_publish"), [{"json": {"id": media_id}}]
        )
        self.fake.script("GET", self.graph_path(media_id), [{"json": {"permalink": "https://i/p"}}])
        post.action_publish_now()
        self.run_one_job()
        self.assertEqual((post.state, post.external_id), ("published", media_id))
        return post

    def test_instagram_caption_ends_with_the_tracked_short_url(self):
        post = self.publish_instagram_post("M7", link_url="https://loja.example.com/batom")
        caption = self.fake.requests_to("POST", self.graph_path(f"{IG_ID}/media"))[0].form[
            "caption"
        ]
        self.assertTrue(post.tracked_url)
        self.assertTrue(caption.startswith(self.ig_piece.body))
        self.assertTrue(caption.endswith(post.tracked_url), caption)
        tracker = post.link_tracker_id
        self.assertEqual(tracker.url, "https://loja.example.com/batom")
        self.assertEqual(
            tracker.medium_id, self.env.ref("chatwoot_ai_content.utm_medium_instagram")
        )
        self.assertEqual(tracker.source_id, post.source_id)
        utm = parse_qs(urlsplit(tracker.redirected_url).query)
        self.assertEqual(utm["utm_source"], [post.source_id.name])
        self.assertEqual(utm["utm_medium"], ["Instagram"])
        # The short URL in the caption leads to the product page with the post's UTM.
        code = tracker.short_url.rsplit("/", 1)[-1]
        response = self.url_open(f"/r/{code}", allow_redirects=False)
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response.headers["Location"], tracker.redirected_url)

    def test_published_post_is_on_the_timeline_of_who_commented_or_bought_through_it(self):
        post = self.publish_instagram_post("M8", link_url="https://loja.example.com/batom")
        Partner = self.env["res.partner"]
        commenter, buyer, stranger = Partner.create(
            [{"name": "Quem comentou"}, {"name": "Quem comprou"}, {"name": "Sem relação"}]
        )
        self.env["chatwoot.social.comment"].create(
            [
                {
                    "account_id": self.instagram.id,
                    "external_id": f"c{index}",
                    "body": "Amei!",
                    "post_external_id": post_id,
                    "partner_id": partner.id,
                }
                for index, (post_id, partner) in enumerate(
                    [("M8", commenter), ("M8", commenter), ("OTHER", stranger)]
                )
            ]
        )
        variant = self.matte.product_variant_ids[:1]
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "source_id": source.id,
                    "order_line": [(0, 0, {"product_id": variant.id, "product_uom_qty": 1})],
                }
                for partner, source in [
                    (buyer, post.source_id),
                    (stranger, self.env["utm.source"].create({"name": "Outra"})),
                ]
            ]
        )
        orders.action_confirm()
        self.env.flush_all()
        rows = self.env["chatwoot.customer.timeline"].search(
            [("kind", "=", "content_post"), ("res_id", "=", post.id)]
        )
        self.assertEqual(rows.partner_id, commenter | buyer)
        self.assertEqual(len(rows), 2, "one row per customer, however many comments")
        self.assertEqual(set(rows.mapped("res_model")), {"chatwoot.content.post"})
        self.assertEqual(rows.filtered(lambda r: r.partner_id == buyer).sale_order_id, orders[0])
        self.assertEqual(rows[0].date, post.published_at)
        self.assertFalse(
            self.env["chatwoot.customer.timeline"].search(
                [("kind", "=", "content_post"), ("partner_id", "=", stranger.id)]
            )
        )
