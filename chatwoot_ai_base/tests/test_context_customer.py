# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the agent may tell a customer about themselves: their own orders and profile."""

from odoo import Command
from odoo.tests import tagged

from .common import ChatwootAICase


@tagged("post_install", "-at_install")
class TestContextCustomer(ChatwootAICase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.firm = Partner.create(
            {
                "name": "Salão Zefira Ltda",
                "is_company": True,
                "city": "Campinas",
                "country_id": cls.env.ref("base.br").id,
            }
        )
        cls.contact = Partner.create(
            {"name": "Carla Zefira", "parent_id": cls.firm.id, "lang": "en_US"}
        )
        cls.stranger = Partner.create({"name": "Bruno Estranho"})
        cls.product = cls.env["product.product"].create(
            {"name": "Máscara Zefira", "list_price": 50.0, "type": "consu"}
        )
        cls.firm_order = cls.order(cls.firm, qty=2, confirm=True)
        cls.contact_quote = cls.order(cls.contact, qty=1)
        cls.contact_quote.state = "sent"
        cls.draft = cls.order(cls.contact, qty=3)
        cls.cancelled = cls.order(cls.contact, qty=4)
        cls.cancelled.state = "cancel"
        cls.stranger_order = cls.order(cls.stranger, qty=5, confirm=True)
        cls.Context = cls.env["chatwoot.context"]

    @classmethod
    def order(cls, partner, qty, confirm=False):
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create({"product_id": cls.product.id, "product_uom_qty": qty})
                ],
            }
        )
        if confirm:
            order.action_confirm()
        return order

    def test_only_the_commercial_entitys_own_orders(self):
        orders = self.Context._customer_orders(self.contact, limit=10)
        names = {order["name"] for order in orders}
        self.assertEqual(names, {self.firm_order.name, self.contact_quote.name})
        self.assertEqual(
            {o["name"] for o in self.Context._customer_orders(self.stranger)},
            {self.stranger_order.name},
        )
        self.assertEqual(self.Context._customer_orders(None), [])

    def test_order_summary_has_state_delivery_status_and_lines(self):
        orders = {o["name"]: o for o in self.Context._customer_orders(self.firm, limit=10)}
        confirmed = orders[self.firm_order.name]
        self.assertEqual(confirmed["state"], "sale")
        self.assertEqual(confirmed["lines"], [{"product": "Máscara Zefira", "quantity": 2.0}])
        self.assertAlmostEqual(confirmed["amount_total"], self.firm_order.amount_total)
        self.assertEqual(confirmed["currency"], self.firm_order.currency_id.name)
        self.assertEqual(confirmed["date"], self.firm_order.date_order.date().isoformat())
        if "delivery_status" in self.firm_order._fields:
            self.assertEqual(confirmed["delivery_status"], self.firm_order.delivery_status)
        else:
            self.assertEqual(confirmed["delivery_status"], "pending")
            self.firm_order.order_line.qty_delivered = 2
            again = self.Context._customer_orders(self.firm, limit=10)
            delivered = next(o for o in again if o["name"] == self.firm_order.name)
            self.assertEqual(delivered["delivery_status"], "full")
        self.assertEqual(orders[self.contact_quote.name]["delivery_status"], "")

    def test_context_customer_is_used_without_an_explicit_partner(self):
        context = self.Context.with_context(chatwoot_customer_id=self.stranger.id)
        self.assertEqual(
            [o["name"] for o in context._customer_orders(None)], [self.stranger_order.name]
        )

    def test_customer_profile(self):
        conversation = self.env["chatwoot.conversation"].create(
            {
                "account_id": self.account.id,
                "inbox_id": self.inbox.id,
                "display_id": 7001,
                "partner_id": self.contact.id,
                "status": "pending",
            }
        )
        Message = self.env["chatwoot.message"]
        for number, (kind, private, text) in enumerate(
            [
                ("incoming", False, "Oi, meu pedido atrasou"),
                ("outgoing", True, "nota interna"),
                ("outgoing", False, "Vou verificar!"),
            ]
        ):
            Message.create(
                {
                    "account_id": self.account.id,
                    "conversation_id": conversation.id,
                    "chatwoot_message_id": 9100 + number,
                    "content": text,
                    "message_type": kind,
                    "private": private,
                }
            )
        profile = self.Context._customer_profile(self.contact, conversation)
        self.assertEqual(profile["name"], "Carla Zefira")
        self.assertEqual(profile["language"], "en")
        self.assertEqual(profile["city"], "Campinas")  # the contact inherits the firm's address
        self.assertEqual(profile["country"], self.env.ref("base.br").name)
        self.assertEqual(profile["favourite_categories"], [self.product.categ_id.name])
        self.assertEqual(
            profile["open_conversations"],
            [
                {
                    "display_id": 7001,
                    "status": "pending",
                    "current": True,
                    "summary": "customer: Oi, meu pedido atrasou / agent: Vou verificar!",
                }
            ],
        )
        self.assertEqual(self.Context._customer_profile(self.stranger)["open_conversations"], [])

    def test_agent_tools_are_bound_to_the_conversation_customer(self):
        conversation = self.env["chatwoot.conversation"].create(
            {
                "account_id": self.account.id,
                "inbox_id": self.inbox.id,
                "display_id": 7002,
                "partner_id": self.contact.id,
            }
        )
        tools = self.Context._agent_tools(conversation)
        self.assertEqual(
            {order["name"] for order in tools.customer_orders(10)},
            {self.firm_order.name, self.contact_quote.name},
        )
        self.assertEqual(tools.customer_profile()["name"], "Carla Zefira")
        found = tools.search_products("mascara zefira", 3)
        self.assertEqual(found[0]["id"], self.product.product_tmpl_id.id)
        self.env["chatwoot.knowledge"].create(
            {"name": "Troca zefirana", "category": "returns", "content": "7 dias para trocar."}
        )
        self.assertEqual(tools.search_knowledge("troca zefirana", 1)[0]["title"], "Troca zefirana")

    def test_agent_tools_work_as_the_bot_user(self):
        bot = self.env.ref("chatwoot_ai_base.user_chatwoot_ai_bot")
        conversation = self.env["chatwoot.conversation"].create(
            {
                "account_id": self.account.id,
                "inbox_id": self.inbox.id,
                "display_id": 7003,
                "partner_id": self.contact.id,
            }
        )
        served = {"chatwoot_customer_id": self.firm.id}
        context = self.Context.with_user(bot).with_context(**served)
        tools = context._agent_tools(conversation.with_user(bot).with_context(**served))
        self.assertEqual(
            {order["name"] for order in tools.customer_orders(10)},
            {self.firm_order.name, self.contact_quote.name},
        )
        self.assertEqual(tools.customer_profile()["open_conversations"][0]["display_id"], 7003)
        self.assertEqual(tools.search_products("mascara zefira", 1)[0]["name"], "Máscara Zefira")
        self.assertIsInstance(tools.search_knowledge("frete", 3), list)
