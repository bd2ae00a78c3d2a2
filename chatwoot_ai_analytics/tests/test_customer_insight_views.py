# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What users see of the customer insights: partner form, PDF report, dashboard, refresh."""

import base64
import json

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools.misc import file_path

from ..dashboard import spreadsheet
from .test_customer_insight import USER_GROUP, InsightCase

MARKETER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_marketer"


@tagged("post_install", "-at_install")
class TestInsightViews(InsightCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ana = cls.customer("Ana Compradora")
        for days_ago in (2, 30, 60, 90):
            cls.order(cls.ana, days_ago, 120.0)
        cls.bia = cls.customer("Bia Sumida")
        cls.order(cls.bia, 500, 30.0)

    def test_partner_form_shows_the_insight_to_chatwoot_users_only(self):
        agent = new_test_user(self.env, login="form_agent", groups=f"base.group_user,{USER_GROUP}")
        employee = new_test_user(self.env, login="form_employee", groups="base.group_user")
        arch = self.env["res.partner"].with_user(agent).get_views([(False, "form")])
        self.assertIn("chatwoot_churn_reasons", arch["views"]["form"]["arch"])
        arch = self.env["res.partner"].with_user(employee).get_views([(False, "form")])
        self.assertNotIn("chatwoot_churn_reasons", arch["views"]["form"]["arch"])

    def test_customer_insights_report_renders_segments_and_customers(self):
        self.refresh()
        insights = self.Insight.search([("company_id", "=", self.company.id)])
        html, kind = self.env["ir.actions.report"]._render_qweb_html(
            "chatwoot_ai_analytics.report_customer_insights", insights.ids
        )
        self.assertEqual(kind, "html")
        html = html.decode()
        self.assertIn("Ana Compradora", html)
        self.assertIn("Bia Sumida", html)
        labels = dict(self.Insight._fields["rfm_segment"].selection)
        for segment in set(insights.mapped("rfm_segment")):
            self.assertIn(labels[segment], html)

    def test_overview_dashboard_loads_and_uses_existing_fields(self):
        dashboard = self.env.ref("chatwoot_ai_analytics.spreadsheet_dashboard_chatwoot_ai_overview")
        self.assertEqual(dashboard.name, "ChatwootAI Overview")
        data = json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))
        shipped = json.load(
            open(
                file_path("chatwoot_ai_analytics/data/files/chatwoot_ai_overview_dashboard.json"),
                encoding="utf-8",
            )
        )
        # The shipped sheets come first; other addons append theirs with add_sheet.
        self.assertEqual(data["sheets"][: len(shipped["sheets"])], shipped["sheets"])
        for pivot_id, definition in shipped["pivots"].items():
            self.assertEqual(data["pivots"][pivot_id], definition)
        self.assertTrue(data["pivots"])
        for pivot in data["pivots"].values():
            model = self.env[pivot["model"]]
            for row in pivot["rows"]:
                self.assertIn(row["fieldName"], model._fields)
            for measure in pivot["measures"]:
                self.assertTrue(
                    measure["fieldName"] == "__count" or measure["fieldName"] in model._fields
                )
        self.assertEqual(spreadsheet.check_workbook(data), [])
        charts = [figure["data"] for sheet in data["sheets"] for figure in sheet["figures"]]
        self.assertTrue(charts)
        for chart in charts:
            model = self.env[chart["metaData"]["resModel"]]
            for group_by in chart["metaData"]["groupBy"]:
                self.assertIn(group_by.split(":")[0], model._fields)
            # The chart's own query must run.
            model._read_group([], chart["metaData"]["groupBy"], ["__count"])

    def test_refresh_button_queues_a_job_and_action_refresh_refreshes(self):
        marketer = new_test_user(
            self.env,
            login="refresh_marketer",
            groups=f"base.group_user,{MARKETER_GROUP}",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        Insight = self.Insight.with_user(marketer)
        jobs_before = self.env["queue.job"].search_count([])
        action = Insight.action_refresh_queued()
        self.assertEqual(action["tag"], "display_notification")
        job = self.env["queue.job"].search([], order="id desc", limit=1)
        self.assertEqual(self.env["queue.job"].search_count([]), jobs_before + 1)
        self.assertEqual(job.method_name, "_job_refresh")
        agent = new_test_user(
            self.env, login="refresh_agent", groups=f"base.group_user,{USER_GROUP}"
        )
        with self.assertRaises(AccessError):
            self.Insight.with_user(agent).action_refresh()
        runs = Insight.action_refresh()
        self.assertEqual(runs.company_id, self.company)
        self.assertEqual(runs.state, "done")
        self.assertEqual(runs.progress, 100)
        self.assertEqual(
            Insight.search([("partner_id", "=", self.ana.id)]).company_id, self.company
        )

    def test_queued_refresh_tells_the_user_each_step_while_it_runs(self):
        marketer = new_test_user(
            self.env,
            login="progress_marketer",
            groups=f"base.group_user,{MARKETER_GROUP}",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        Insight = self.Insight.with_user(marketer)
        Insight.action_refresh_queued()
        job = self.env["queue.job"].search([], order="id desc", limit=1)
        self.assertEqual(job.kwargs["notify_uid"], marketer.id)
        # The notices go through their own cursor: here it must see the test's uncommitted data.
        with self.enter_registry_test_mode():
            Insight._job_refresh(job.args[0], **job.kwargs)
        channel = json.dumps(
            [self.env.cr.dbname, "res.partner", marketer.partner_id.id], separators=(",", ":")
        )
        notices = [
            json.loads(row.message)
            for row in self.env["bus.bus"].sudo().search([("channel", "=", channel)])
        ]
        messages = [
            notice["payload"]["message"]
            for notice in notices
            if notice["type"] == "simple_notification"
        ]
        progress = [message for message in messages if "%" in message]
        self.assertIn(f"{self.company.name}: 10% (reading orders and conversations)", progress)
        self.assertIn(f"{self.company.name}: 80% (saving the results)", progress)
        self.assertTrue(any(message.startswith("Analysing:") for message in messages))

    def test_timeline_lists_the_orders_and_conversations_of_the_company_customer(self):
        contact = self.customer("Comprador da Ana", parent_id=self.ana.id)
        account = self.chatwoot_account(78)
        conversation = self.env["chatwoot.conversation"].create(
            {"account_id": account.id, "display_id": 12, "partner_id": contact.id}
        )
        self.order(contact, 1, 10.0, state="cancel")
        action = contact.action_view_chatwoot_timeline()
        self.env.flush_all()
        events = self.env["chatwoot.customer.timeline"].search(action["domain"])
        self.assertEqual(events.mapped("kind").count("order"), 4)
        self.assertEqual(
            events.filtered(lambda e: e.kind == "conversation").conversation_id, conversation
        )
        self.assertEqual(set(events.sale_order_id.mapped("state")), {"sale"})
