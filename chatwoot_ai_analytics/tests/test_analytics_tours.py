# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A marketer's journey through the analytics in a real browser (headless Chromium)."""

from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.tests.tour_case import ChatwootAITourCase


@tagged("post_install", "-at_install")
class TestMarketerJourney(ChatwootAITourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer.company_ids = cls.env.company
        cls.insight = cls.env["chatwoot.customer.insight"].search(
            [("company_id", "=", cls.env.company.id), ("rfm_segment", "!=", False)], limit=1
        )
        if not cls.insight:
            cls.env["chatwoot.customer.insight"].action_refresh()
            cls.insight = cls.env["chatwoot.customer.insight"].search(
                [("company_id", "=", cls.env.company.id), ("rfm_segment", "!=", False)], limit=1
            )

    def test_refresh_analytics_button_queues_the_refresh(self):
        jobs = self.env["queue.job"].search([("method_name", "=", "_job_refresh")])
        self.journey(
            "/odoo/action-chatwoot_ai_analytics.chatwoot_customer_insight_action",
            "chatwoot_ai_analytics_refresh",
            login=self.marketer.login,
        )
        queued = self.env["queue.job"].search([("method_name", "=", "_job_refresh")]) - jobs
        self.assertEqual(len(queued), 1)
        self.assertEqual(queued.kwargs["notify_uid"], self.marketer.id)

    def test_customer_insight_tab_shows_segment_and_risk(self):
        self.assertTrue(self.insight, "the demo shop has scored customers")
        self.journey(
            f"/odoo/res.partner/{self.insight.partner_id.id}",
            "chatwoot_ai_analytics_insight_tab",
            login=self.marketer.login,
            screenshot="marketer_insight_tab",
        )

    def test_conversation_analysis_graph_and_pivot_open(self):
        self.assertTrue(self.env["chatwoot.conversation"].search_count([]))
        self.journey(
            "/odoo/action-chatwoot_ai_analytics.chatwoot_conversation_action_analysis",
            "chatwoot_ai_analytics_graphs",
            login=self.marketer.login,
            screenshot="marketer_conversation_pivot",
        )

    def test_overview_dashboard_opens_without_error(self):
        self.journey(
            "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action",
            "chatwoot_ai_analytics_overview_dashboard",
            login=self.marketer.login,
            screenshot="marketer_overview_dashboard",
        )
