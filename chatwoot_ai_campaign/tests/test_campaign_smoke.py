# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast
import base64
import json

from odoo.tests import tagged
from odoo.tools.convert import convert_file
from odoo.tools.misc import file_path

from odoo.addons.chatwoot_ai_analytics.dashboard import spreadsheet
from odoo.addons.chatwoot_ai_base.tests.common import AddonSmokeMixin, ChatwootAICase


@tagged("post_install", "-at_install")
class TestCampaignSmoke(AddonSmokeMixin, ChatwootAICase):
    module = "chatwoot_ai_campaign"
    entry_menu = "menu_chatwoot_campaign"

    def test_module_graph_campaigns_send_through_social_and_read_analytics(self):
        with open(file_path("chatwoot_ai_campaign/__manifest__.py"), encoding="utf-8") as f:
            manifest = ast.literal_eval(f.read())
        self.assertEqual(set(manifest["depends"]), {"chatwoot_ai_analytics", "chatwoot_ai_social"})
        installed = self.env["ir.module.module"].search([("name", "=", self.module)])
        self.assertEqual(
            set(installed.dependencies_id.mapped("name")),
            {"chatwoot_ai_analytics", "chatwoot_ai_social"},
        )

    def test_overview_dashboard_has_the_campaigns_sheet(self):
        dashboard = self.env.ref("chatwoot_ai_analytics.spreadsheet_dashboard_chatwoot_ai_overview")
        data = json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))
        self.assertEqual(spreadsheet.check_workbook(data), [])
        sheet = next(sheet for sheet in data["sheets"] if sheet["id"] == "campaigns")
        funnel = self.env["chatwoot.campaign.funnel"]
        for figure in sheet["figures"]:
            meta = figure["data"]["metaData"]
            self.assertEqual(meta["resModel"], "chatwoot.campaign.funnel")
            funnel._read_group([], meta["groupBy"], [f"{meta['measure']}:sum"])
        pivot_id = sheet["cells"]["A19"].split('"')[1]
        self.assertEqual(data["pivots"][pivot_id]["model"], "chatwoot.campaign.funnel")

    def test_updating_analytics_keeps_the_other_addons_sheets(self):
        """``-u chatwoot_ai_analytics`` reloads the shipped workbook; the other sheets come back."""
        convert_file(
            self.env,
            "chatwoot_ai_analytics",
            "data/spreadsheet_dashboard_data.xml",
            idref={},
            mode="update",
        )
        dashboard = self.env.ref("chatwoot_ai_analytics.spreadsheet_dashboard_chatwoot_ai_overview")
        data = json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))
        sheet_ids = [sheet["id"] for sheet in data["sheets"]]
        self.assertIn("social", sheet_ids)
        self.assertIn("campaigns", sheet_ids)
        self.assertEqual(len(sheet_ids), len(set(sheet_ids)))
        self.assertEqual(spreadsheet.check_workbook(data), [])
