# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""With stock, as most shops run it: quantities on hand and deliveries from real stock moves.

These tests need ``sale_stock`` (`make test STOCK=1` installs it beside the five addons) and
are skipped without it; the suite's own addons never depend on stock.
"""

import unittest

from odoo import Command
from odoo.tests import tagged

from .common import ChatwootAICase


@tagged("post_install", "-at_install")
class TestStockAnswers(ChatwootAICase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "delivery_status" not in cls.env["sale.order"]._fields:
            raise unittest.SkipTest("needs sale_stock: make test STOCK=1")
        Product = cls.env["product.product"]
        cls.stocked = Product.create(
            {"name": "Batom Zefira Rubi", "list_price": 59.9, "is_storable": True}
        )
        cls.sold_out = Product.create(
            {"name": "Batom Zefira Jade", "list_price": 49.9, "is_storable": True}
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.stock_location = warehouse.lot_stock_id
        cls.env["stock.quant"]._update_available_quantity(cls.stocked, cls.stock_location, 7)
        cls.Context = cls.env["chatwoot.context"]

    def found(self, query):
        return {row["name"]: row for row in self.Context._search_products(query, limit=5)}

    def test_stock_product_search_reports_quantity_on_hand(self):
        rows = self.found("batom zefira")
        self.assertEqual(rows["Batom Zefira Rubi"]["qty_available"], 7)
        self.assertIs(rows["Batom Zefira Rubi"]["in_stock"], True)
        self.assertEqual(rows["Batom Zefira Jade"]["qty_available"], 0)
        self.assertIs(rows["Batom Zefira Jade"]["in_stock"], False)

    def suggestion(self, content):
        conversation = self.env["chatwoot.conversation"].create(
            {
                "account_id": self.account.id,
                "inbox_id": self.inbox.id,
                "display_id": 7700 + len(content),
                "partner_id": self.customer.id,
                "status": "open",
            }
        )
        self.env["chatwoot.message"].create(
            {
                "account_id": self.account.id,
                "conversation_id": conversation.id,
                "partner_id": self.customer.id,
                "chatwoot_message_id": 77000 + len(content),
                "message_type": "incoming",
                "sender_type": "contact",
                "content": content,
            }
        )
        run = self.env["chatwoot.bot"]._suggest_reply(conversation)
        self.assertEqual(run.state, "done", run.error)
        return run.suggested_reply

    def test_stock_agent_says_how_many_units_are_on_hand(self):
        reply = self.suggestion("Quanto custa o Batom Zefira Rubi?")
        self.assertIn("O Batom Zefira Rubi custa R$ 59,90 e está em estoque (7 unidades).", reply)

    def test_stock_agent_says_when_a_product_is_sold_out(self):
        reply = self.suggestion("Quanto custa o Batom Zefira Jade?")
        self.assertIn("O Batom Zefira Jade custa R$ 49,90 e está sem estoque no momento.", reply)

    def test_stock_delivery_status_follows_the_real_picking(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create({"product_id": self.stocked.id, "product_uom_qty": 2})
                ],
            }
        )
        order.action_confirm()
        picking = order.picking_ids
        self.assertEqual(len(picking), 1, "confirming a stored product creates a delivery")

        def status():
            orders = self.Context._customer_orders(self.customer, limit=20)
            return next(row for row in orders if row["name"] == order.name)["delivery_status"]

        self.assertEqual(status(), "pending")
        picking.move_ids.quantity = 2
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(status(), "full")
        self.assertEqual(self.stocked.qty_available, 5, "the delivery left the stock")
