# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The pure ``dashboard/spreadsheet.py``: the Odoo 19 chart format and one sheet per addon."""

import copy
import doctest
import json
from pathlib import Path

from odoo.tests import BaseCase

from ..dashboard import spreadsheet

SHIPPED = Path(__file__).parents[1] / "data/files/chatwoot_ai_overview_dashboard.json"


class TestOverviewWorkbook(BaseCase):
    def test_module_examples_hold(self):
        result = doctest.testmod(spreadsheet)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def setUp(self):
        super().setUp()
        self.workbook = json.loads(SHIPPED.read_text(encoding="utf-8"))

    def test_shipped_workbook_is_in_odoo_19_format(self):
        self.assertEqual(self.workbook["version"], spreadsheet.VERSION)
        self.assertEqual(spreadsheet.check_workbook(self.workbook), [])
        figures = [f for sheet in self.workbook["sheets"] for f in sheet["figures"]]
        self.assertEqual(len(figures), 5)
        for figure in figures:
            self.assertEqual(figure["data"]["chartId"], figure["id"])
            self.assertIn(figure["data"]["type"], spreadsheet.CHART_TYPES.values())

    def test_chart_without_chart_id_is_reported(self):
        broken = copy.deepcopy(self.workbook)
        del broken["sheets"][0]["figures"][2]["data"]["chartId"]
        problems = spreadsheet.check_workbook(broken)
        self.assertEqual(problems, ["chart figure 'customers-by-stage' has no matching chartId"])

    def test_formula_naming_a_missing_pivot_is_reported(self):
        broken = copy.deepcopy(self.workbook)
        broken["sheets"][0]["cells"]["A70"] = "=PIVOT(99)"
        self.assertEqual(
            spreadsheet.check_workbook(broken), ["cell customers!A70 names unknown pivot 99"]
        )

    def test_an_addon_sheet_gets_the_next_pivot_ids_and_keeps_the_others(self):
        sheet = spreadsheet.new_sheet("campaigns", "Campaigns")
        sheet["cells"]["A2"] = "=PIVOT({pivot:orders})"
        sheet["figures"].append(
            spreadsheet.chart("campaign-orders", "By campaign", "sale.order", ["campaign_id"])
        )
        before = copy.deepcopy(self.workbook)
        orders = spreadsheet.pivot("sale.order", "Orders", ["campaign_id"])
        ids = spreadsheet.add_sheet(self.workbook, sheet, {"orders": orders})
        self.assertEqual(ids, {"orders": str(before["pivotNextId"])})
        self.assertEqual(self.workbook["sheets"][:-1], before["sheets"])
        self.assertEqual(self.workbook["sheets"][-1]["cells"]["A2"], f"=PIVOT({ids['orders']})")
        self.assertEqual(spreadsheet.check_workbook(self.workbook), [])

    def test_a_figure_id_in_use_is_refused(self):
        sheet = spreadsheet.new_sheet("social", "Social")
        sheet["figures"].append(
            spreadsheet.chart("customers-by-segment", "Again", "res.partner", ["country_id"])
        )
        with self.assertRaises(ValueError):
            spreadsheet.add_sheet(self.workbook, sheet)
