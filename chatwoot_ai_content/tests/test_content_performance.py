# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Post metrics from the Graph insights, what works, and UTM attribution end to end."""

import doctest
import json
from datetime import timedelta

from odoo import fields
from odoo.tests import BaseCase, tagged
from odoo.tools.convert import convert_file

from odoo.addons.chatwoot_ai_social.tests.common import IG_ID, PAGE_ID, SocialCase

from ..content import metrics, publisher
from .common import ContentHttpCase

POST_ID = f"{PAGE_ID}_901"


class TestPureDoctests(BaseCase):
    def test_publisher_and_metrics_doctests(self):
        for module in (publisher, metrics):
            self.assertEqual(doctest.testmod(module).failed, 0, module.__name__)


@tagged("post_install", "-at_install")
class TestPerformance(ContentHttpCase, SocialCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.page | cls.instagram).company_id = cls.company
        cls.campaign = cls.env["utm.campaign"].create(
            {"name": "Black Friday Batom", "content_cost": 100.0}
        )
        piece = cls.Piece.generate(cls.matte, ["facebook_post"], "pt_BR")
        piece.with_user(cls.manager).action_approve()
        cls.post = cls.env["chatwoot.content.post"].create(
            {
                "name": "BF Batom",
                "company_id": cls.company.id,
                "piece_ids": [(6, 0, piece.ids)],
                "account_id": cls.page.id,
                "image_source": "none",
                "campaign_id": cls.campaign.id,
                "link_url": "https://loja.example.com/shop/batom",
            }
        )

    def setUp(self):
        super().setUp()
        self.start_fake_graph()

    def publish_facebook_post(self):
        self.fake.script(
            "GET", self.graph_path(f"{PAGE_ID}/published_posts"), [{"json": {"data": []}}]
        )
        self.fake.script("POST", self.graph_path(f"{PAGE_ID}/feed"), [{"json": {"id": POST_ID}}])
        self.post.action_publish_now()
        self.post._job_publish()
        self.assertEqual(self.post.state, "published")

    def test_facebook_metrics_are_kept_per_day(self):
        self.publish_facebook_post()
        self.fake.script(
            "GET",
            self.graph_path(POST_ID),
            [
                {
                    "json": {
                        "reactions": {"summary": {"total_count": 30}},
                        "comments": {"summary": {"total_count": 5}},
                        "shares": {"count": 5},
                    }
                }
            ],
        )
        self.fake.script(
            "GET",
            self.graph_path(f"{POST_ID}/insights"),
            [
                {
                    "json": {
                        "data": [
                            {"name": "post_impressions_unique", "values": [{"value": 800}]},
                            {"name": "post_impressions", "values": [{"value": 1000}]},
                        ]
                    }
                }
            ],
        )
        Metric = self.env["chatwoot.content.post.metric"]
        self.assertEqual(Metric._cron_fetch_metrics(), 1)
        Metric._job_fetch_metrics(self.post.ids)
        Metric._job_fetch_metrics(self.post.ids)  # twice the same day: one row, updated
        row = self.post.metric_ids
        self.assertEqual(len(row), 1)
        self.assertEqual((row.reactions, row.comments, row.shares), (30, 5, 5))
        self.assertEqual((row.reach, row.impressions, row.interactions), (800, 1000, 40))
        self.assertAlmostEqual(row.engagement_rate, 0.05)
        asked = self.fake.requests_to("GET", self.graph_path(f"{POST_ID}/insights"))[0]
        self.assertIn("post_impressions_unique", asked.query["metric"][0])

    def test_instagram_metrics_come_from_media_insights(self):
        post = self.post.copy({"account_id": self.instagram.id, "image_source": "product"})
        post.write(
            {"state": "published", "external_id": "M9", "published_at": fields.Datetime.now()}
        )
        self.fake.script(
            "GET",
            self.graph_path("M9/insights"),
            [
                {
                    "json": {
                        "data": [
                            {"name": "reach", "values": [{"value": 200}]},
                            {"name": "likes", "values": [{"value": 18}]},
                            {"name": "saved", "values": [{"value": 2}]},
                        ]
                    }
                }
            ],
        )
        self.env["chatwoot.content.post.metric"]._job_fetch_metrics(post.ids)
        self.assertEqual((post.metric_ids.reach, post.metric_ids.interactions), (200, 20))
        self.assertEqual(self.fake.requests_to("GET", self.graph_path(f"{IG_ID}/media")), [])

    def test_what_works_reports_n_and_a_confidence_interval(self):
        Post = self.env["chatwoot.content.post"]
        Metric = self.env["chatwoot.content.post.metric"]
        start = fields.Datetime.now() - timedelta(days=20)
        for number in range(12):
            post = Post.create(
                {
                    "name": f"Post {number}",
                    "company_id": self.company.id,
                    "account_id": (self.page if number % 2 else self.instagram).id,
                    "image_source": "product",
                    "message": "Batom novo #batom" if number % 3 else "Batom",
                }
            )
            post.write(
                {
                    "state": "published",
                    "external_id": f"X{number}",
                    "published_at": start + timedelta(days=number),
                }
            )
            Metric.create({"post_id": post.id, "reactions": 10 + number, "reach": 1000})
        Insight = self.env["chatwoot.content.insight"].with_user(self.marketer)
        Insight.action_refresh()
        cells = Insight.search([("company_id", "=", self.company.id)])
        channel = cells.filtered(lambda c: c.dimension == "channel")
        self.assertEqual(sorted(channel.mapped("feature")), ["facebook", "instagram"])
        self.assertEqual(sum(channel.mapped("posts")), 12)
        for cell in cells:
            self.assertLessEqual(cell.ci_low, cell.rate)
            self.assertGreaterEqual(cell.ci_high, cell.rate)
        self.assertFalse(any(channel.mapped("reliable")), "six posts per channel are too few")
        hashtags = cells.filtered(lambda c: c.dimension == "hashtags")
        self.assertEqual(sorted(hashtags.mapped("feature")), ["0", "1-5"])

    def test_utm_attribution_from_tracked_link_to_campaign_revenue(self):
        self.publish_facebook_post()
        sent = self.fake.requests_to("POST", self.graph_path(f"{PAGE_ID}/feed"))[0].form
        link = self.post.link_tracker_id
        self.assertEqual(sent["link"], link.short_url)
        self.assertEqual(
            (link.campaign_id, link.source_id, link.medium_id),
            (self.campaign, self.post.source_id, self.env.ref("utm.utm_medium_facebook")),
        )
        # A customer clicks the link in the post...
        response = self.url_open(f"/r/{link.code}", allow_redirects=False)
        self.assertIn(response.status_code, (301, 302, 303))
        self.assertIn("utm_campaign", response.headers["Location"])
        self.assertEqual(link.count, 1)
        # ... and buys with the campaign's UTM (what the shop stores on the order).
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "company_id": self.company.id,
                "campaign_id": self.campaign.id,
                "source_id": self.post.source_id.id,
                "medium_id": self.env.ref("utm.utm_medium_facebook").id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": self.matte.product_variant_ids[0].id,
                            "product_uom_qty": 5,
                            "price_unit": 59.9,
                            "tax_ids": [(5,)],
                        },
                    )
                ],
            }
        )
        order.action_confirm()
        self.env.flush_all()
        row = self.env["chatwoot.content.conversion.report"].search(
            [("campaign_id", "=", self.campaign.id)]
        )
        self.assertEqual(len(row), 1)
        self.assertEqual((row.post_id, row.clicks, row.orders), (self.post, 1, 1))
        self.assertAlmostEqual(row.revenue, 299.5)
        self.assertAlmostEqual(row.roi, 199.5)
        self.campaign.invalidate_recordset()
        self.assertEqual(self.campaign.content_orders, 1)
        self.assertAlmostEqual(self.campaign.content_conversion, 100.0)
        self.assertAlmostEqual(self.campaign.content_roi, 199.5)

    def test_overview_dashboard_has_the_content_sheet(self):
        dashboard = self.env.ref("chatwoot_ai_analytics.spreadsheet_dashboard_chatwoot_ai_overview")
        workbook = json.loads(dashboard.spreadsheet_data)
        sheet = next(s for s in workbook["sheets"] if s["id"] == "chatwoot-content")
        models = {f["data"]["metaData"]["resModel"] for f in sheet["figures"]}
        self.assertEqual(models, {"chatwoot.content.conversion.report"})
        self.assertFalse(self.env["chatwoot.content.conversion.report"]._add_overview_sheet())

    def test_updating_analytics_keeps_the_content_sheet(self):
        """An update of analytics reloads the shipped workbook; the Content sheet comes back."""
        convert_file(
            self.env,
            "chatwoot_ai_analytics",
            "data/spreadsheet_dashboard_data.xml",
            idref={},
            mode="update",
        )
        dashboard = self.env.ref("chatwoot_ai_analytics.spreadsheet_dashboard_chatwoot_ai_overview")
        sheet_ids = [sheet["id"] for sheet in json.loads(dashboard.spreadsheet_data)["sheets"]]
        self.assertIn("chatwoot-content", sheet_ids)
        self.assertEqual(len(sheet_ids), len(set(sheet_ids)))
