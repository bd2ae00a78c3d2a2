# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The agent bot's user reads the served customer's data and nobody else's."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ChatwootAICase


@tagged("post_install", "-at_install")
class TestBotUserRecordRules(ChatwootAICase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bot = cls.env.ref("chatwoot_ai_base.user_chatwoot_ai_bot")
        product = cls.env["product.product"].create({"name": "Batom", "list_price": 10})
        cls.other = cls.env["res.partner"].create({"name": "Bruno Lima"})
        cls.contact = cls.env["res.partner"].create(
            {"name": "Ana (entrega)", "parent_id": cls.customer.id, "type": "delivery"}
        )
        cls.orders = {
            partner: cls.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 1})],
                }
            )
            for partner in (cls.customer, cls.contact, cls.other)
        }
        cls.other_conversation = cls.env["chatwoot.conversation"].create(
            {"account_id": cls.account.id, "display_id": 102, "partner_id": cls.other.id}
        )

    def as_bot(self, customer=None):
        context = {"chatwoot_customer_id": customer.id} if customer is not None else {}
        return self.env(user=self.bot, context=context, su=False)

    def test_bot_sees_its_customers_orders_including_its_contacts(self):
        env = self.as_bot(self.customer)
        orders = env["sale.order"].search([])
        self.assertEqual(orders, self.orders[self.customer] | self.orders[self.contact])
        self.assertEqual(orders.order_line.order_id, orders)
        self.assertEqual(orders.mapped("name"), orders.sudo().mapped("name"))

    def test_bot_cannot_read_another_customers_order(self):
        env = self.as_bot(self.customer)
        other_order = env["sale.order"].browse(self.orders[self.other].id)
        with self.assertRaises(AccessError):
            other_order.read(["name", "amount_total"])
        with self.assertRaises(AccessError):
            env["res.partner"].browse(self.other.id).read(["name"])
        self.assertFalse(
            env["chatwoot.conversation"].search([("id", "=", self.other_conversation.id)])
        )
        self.assertEqual(env["chatwoot.conversation"].search([]), self.conversation)

    def test_without_a_customer_the_bot_reads_no_order(self):
        env = self.as_bot()
        self.assertFalse(env["sale.order"].search([]))
        self.assertFalse(env["sale.order.line"].search([]))
        self.assertFalse(env["chatwoot.message"].search([]))
        with self.assertRaises(AccessError):
            env["sale.order"].browse(self.orders[self.customer].id).read(["name"])

    def test_rule_domains_are_not_cached_across_customers(self):
        first = self.as_bot(self.customer)["sale.order"].search([])
        second = self.as_bot(self.other)["sale.order"].search([])
        self.assertEqual(second, self.orders[self.other])
        self.assertFalse(first & second)

    def test_bot_still_reads_products_and_its_company(self):
        env = self.as_bot(self.customer)
        self.assertTrue(env["product.product"].search([("name", "=", "Batom")]))
        self.assertTrue(env.company.partner_id.name)

    def test_bot_cannot_write(self):
        env = self.as_bot(self.customer)
        with self.assertRaises(AccessError):
            env["sale.order"].browse(self.orders[self.customer].id).write({"note": "x"})


@tagged("post_install", "-at_install")
class TestLLMSettingsSecurity(ChatwootAICase):
    def test_llm_api_key_is_readable_by_managers_only(self):
        company = self.env.company
        company.chatwoot_ai_llm_api_key = "sk-secret"
        bot = self.env.ref("chatwoot_ai_base.user_chatwoot_ai_bot")
        for user in (self.agent, self.marketer, bot):
            with self.assertRaises(AccessError, msg=user.login):
                company.with_user(user).read(["chatwoot_ai_llm_api_key"])
        self.assertEqual(company.with_user(self.manager).chatwoot_ai_llm_api_key, "sk-secret")
        # The job layer still builds the provider settings, whoever runs it.
        settings = company.with_user(self.agent)._chatwoot_ai_llm_settings()
        self.assertEqual(settings.api_key, "sk-secret")
