# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A marketer's journey through the social inbox in a real browser (headless Chromium)."""

import base64
import json
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.chatwoot_ai_analytics.dashboard import spreadsheet
from odoo.addons.chatwoot_ai_base.tests.tour_case import ChatwootAITourCase

from .common import PAGE_ID, SocialCase


@tagged("post_install", "-at_install")
class TestSocialJourney(ChatwootAITourCase, SocialCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer.company_ids = cls.env.company
        Comment = cls.env["chatwoot.social.comment"]
        common = {"account_id": cls.page.id, "state": "drafted", "comment_type": "question"}
        cls.question = Comment.create(
            {**common, "external_id": f"{PAGE_ID}_t1", "body": "Quanto custa o batom?",
             "author_name": "Ana", "reply_body": "Custa R$ 59,90."}
        )  # fmt: skip
        cls.praise = Comment.create(
            {**common, "external_id": f"{PAGE_ID}_t2", "body": "Amei a cor!",
             "author_name": "Bia", "comment_type": "praise", "reply_body": "Obrigado!"}
        )  # fmt: skip
        cls.complaint = Comment.create(
            {**common, "external_id": f"{PAGE_ID}_t3", "body": "Meu pedido nunca chegou",
             "author_name": "Caio", "comment_type": "complaint", "state": "escalated",
             "sentiment": "negative", "priority": "3",
             "sla_due": fields.Datetime.now() - timedelta(hours=1)}
        )  # fmt: skip

    def setUp(self):
        super().setUp()
        self.start_fake_graph()

    def test_marketer_edits_approves_and_the_reply_is_published(self):
        path = self.graph_path(f"{PAGE_ID}_t1/comments")
        self.fake.script("POST", path, [{"json": {"id": f"{PAGE_ID}_t1_r"}}])
        self.journey(
            "/odoo/action-chatwoot_ai_social.chatwoot_social_comment_action",
            "chatwoot_ai_social_approve",
            login=self.marketer.login,
            screenshot="social_comment_form",
        )
        self.assertEqual(self.question.state, "approved")
        self.run_jobs()
        self.assertRecordValues(
            self.question, [{"state": "replied", "reply_external_id": f"{PAGE_ID}_t1_r"}]
        )
        [call] = self.fake.requests_to("POST", path)
        self.assertEqual(call.form["message"], "Custa R$ 59,90 e está em estoque!")

    def test_inbox_kanban_and_overdue_filter(self):
        self.journey(
            "/odoo/action-chatwoot_ai_social.chatwoot_social_comment_action",
            "chatwoot_ai_social_inbox_views",
            login=self.marketer.login,
            screenshot="social_inbox_kanban",
        )

    def test_bulk_approve_from_the_list(self):
        self.complaint.reply_body = "Sentimos muito, chama no privado?"
        self.journey(
            "/odoo/action-chatwoot_ai_social.chatwoot_social_comment_action",
            "chatwoot_ai_social_bulk_approve",
            login=self.marketer.login,
        )
        comments = self.question | self.praise | self.complaint
        self.assertEqual(set(comments.mapped("state")), {"approved"})

    def test_social_analysis_graph_and_pivot(self):
        self.question.write({"state": "replied", "response_minutes": 12.0})
        self.journey(
            "/odoo/action-chatwoot_ai_social.chatwoot_social_comment_action_analysis",
            "chatwoot_ai_social_analysis",
            login=self.marketer.login,
            screenshot="social_analysis",
        )

    def test_overview_dashboard_has_a_valid_social_sheet(self):
        dashboard = self.env.ref("chatwoot_ai_analytics.spreadsheet_dashboard_chatwoot_ai_overview")
        workbook = json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))
        [sheet] = [sheet for sheet in workbook["sheets"] if sheet["id"] == "social"]
        self.assertEqual(len(sheet["figures"]), 4)
        self.assertEqual(spreadsheet.check_workbook(workbook), [])
        self.assertFalse(self.env["spreadsheet.dashboard"]._chatwoot_ai_add_social_sheet())
