# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A marketer's and a manager's journeys through the content studio in headless Chromium."""

from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.tests.tour_case import ChatwootAITourCase

from .common import CONTENT_CHANNEL, png


@tagged("post_install", "-at_install")
class TestContentJourneys(ChatwootAITourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        for user in (cls.marketer, cls.manager):
            user.company_ids = company
        cls.product = cls.env["product.template"].create(
            {
                "name": "Batom Tour",
                "list_price": 39.9,
                "description_sale": "Batom de teste.",
                "image_1920": png([((200, 16, 46), 1.0)]),
            }
        )
        cls.other = cls.env["product.template"].create({"name": "Gloss Tour", "list_price": 29.9})
        cls.page = cls.env["chatwoot.social.account"].create(
            {
                "name": "Loja Bela FB",
                "platform": "facebook",
                "external_id": "1000000001",
                "access_token": "page-token",
                "company_id": company.id,
            }
        )
        Piece = cls.env["chatwoot.content.piece"]
        cls.piece = Piece.generate(cls.product, ["short_description"], "pt_BR")
        cls.fb_piece = Piece.generate(cls.product, ["facebook_post"], "pt_BR")
        cls.fb_piece.with_user(cls.manager).action_approve()

    def action_url(self, action, record=None):
        url = f"/odoo/action-chatwoot_ai_content.{action}"
        return f"{url}/{record.id}" if record else url

    def test_marketer_starts_a_batch_from_the_products(self):
        kinds = self.env["chatwoot.content.kind"].search([("code", "=", "seo_title")])
        batch = self.env["chatwoot.content.batch"].create(
            {
                "name": "Tour",
                "product_ids": [(6, 0, (self.product | self.other).ids)],
                "kind_ids": [(6, 0, kinds.ids)],
            }
        )
        self.journey(
            self.action_url("chatwoot_content_batch_action", batch),
            "chatwoot_ai_content_batch",
            login=self.marketer.login,
            screenshot="content_batch",
        )
        self.assertEqual(batch.state, "running")
        self.assertTrue(self.env["queue.job"].search([("channel", "=", CONTENT_CHANNEL)]))

    def test_manager_reviews_approves_and_applies_a_piece(self):
        self.journey(
            self.action_url("chatwoot_content_piece_action", self.piece),
            "chatwoot_ai_content_review",
            login=self.manager.login,
            screenshot="content_review",
        )
        self.assertEqual(self.piece.applied_by_id, self.manager)
        self.assertEqual(self.product.with_context(lang="pt_BR").description_sale, self.piece.body)

    def test_marketer_restores_a_previous_version(self):
        crew_text = self.piece.body
        self.piece.with_user(self.marketer).write({"body": "Texto editado pela equipe"})
        self.journey(
            self.action_url("chatwoot_content_piece_action", self.piece),
            "chatwoot_ai_content_restore_version",
            login=self.marketer.login,
            screenshot="content_restore_version",
        )
        self.piece.invalidate_recordset(["body", "version_ids"])
        self.assertEqual(self.piece.body, crew_text)
        self.assertEqual(self.piece.version_ids.mapped("reason"), ["restore", "edit"])
        self.assertEqual(self.piece.version_ids[0].body, "Texto editado pela equipe")
        self.assertEqual(self.piece.version_ids[0].create_uid, self.marketer)

    def test_marketer_schedules_an_approved_post(self):
        self.journey(
            self.action_url("chatwoot_content_piece_action", self.fb_piece),
            "chatwoot_ai_content_schedule",
            login=self.marketer.login,
            screenshot="content_schedule",
        )
        post = self.env["chatwoot.content.post"].search([("piece_ids", "in", self.fb_piece.ids)])
        self.assertEqual(post.state, "publishing")
        self.assertEqual(post.account_id, self.page)

    def test_calendar_pieces_and_settings_screens_open(self):
        self.env["chatwoot.content.post"].create(
            {
                "name": "Post do tour",
                "piece_ids": [(6, 0, self.fb_piece.ids)],
                "account_id": self.page.id,
                "image_source": "none",
            }
        )
        self.journey(
            self.action_url("chatwoot_content_post_action"),
            "chatwoot_ai_content_calendar",
            login=self.marketer.login,
            screenshot="content_calendar",
        )
        self.journey(
            self.action_url("chatwoot_content_piece_action"),
            "chatwoot_ai_content_pieces",
            login=self.marketer.login,
        )
        feed = self.env["chatwoot.catalog.feed"].create({"name": "Meta"})
        for action, record in (
            ("chatwoot_catalog_feed_action", None),
            ("chatwoot_catalog_feed_action", feed),
            ("chatwoot_brand_voice_action", None),
            ("chatwoot_content_batch_action", None),
        ):
            self.journey(
                self.action_url(action, record),
                "chatwoot_ai_content_view_opens",
                login=self.marketer.login,
            )

    def test_reports_and_campaign_planning_open(self):
        campaign = self.env["utm.campaign"].create({"name": "Tour", "content_cost": 50.0})
        post = self.env["chatwoot.content.post"].create(
            {
                "name": "Post medido",
                "piece_ids": [(6, 0, self.fb_piece.ids)],
                "account_id": self.page.id,
                "image_source": "none",
                "campaign_id": campaign.id,
                "link_url": "https://loja.example.com/p",
            }
        )
        post.write({"state": "published", "external_id": "1_1", "published_at": post.scheduled_at})
        self.env["chatwoot.content.post.metric"].create(
            {"post_id": post.id, "reactions": 12, "reach": 300}
        )
        post._ensure_tracked_link()
        self.env["link.tracker.click"].create({"link_id": post.link_tracker_id.id})
        self.env["chatwoot.content.insight"].with_user(self.marketer).action_refresh()
        self.journey(
            self.action_url("chatwoot_content_insight_action"),
            "chatwoot_ai_content_what_works",
            login=self.marketer.login,
            screenshot="content_what_works",
        )
        self.journey(
            self.action_url("chatwoot_content_conversion_report_action"),
            "chatwoot_ai_content_conversions",
            login=self.marketer.login,
            screenshot="content_conversions",
        )
        self.journey(
            self.action_url("chatwoot_content_post_metric_action"),
            "chatwoot_ai_content_view_opens",
            login=self.marketer.login,
        )
        self.journey(
            self.action_url("utm_campaign_action_content", campaign),
            "chatwoot_ai_content_campaign",
            login=self.marketer.login,
            screenshot="content_campaign",
        )
