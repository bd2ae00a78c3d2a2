# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo seed loaded through COPY is consistent and valid for the ORM.

The seed is loaded with seed 7 (the addon's demo data uses 42), so the tests work on a
database with or without demo data.
"""

import random

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from ..ai import format_price
from ..seed import SCALES
from ..seed.generator import ref_prefix

SEED = 7
SAMPLE = 50


@tagged("post_install", "-at_install")
class TestSeedLoad(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loaded = cls.env["chatwoot.demo.seed"]._seed("small", SEED)
        prefix = ref_prefix("small", SEED)
        cls.partners = cls.env["res.partner"].search([("ref", "=like", f"{prefix}-%")])
        cls.orders = cls.env["sale.order"].search([("partner_id", "in", cls.partners.ids)])
        cls.lines = cls.orders.order_line
        cls.account = cls.env["chatwoot.account"].search(
            [("name", "=", f"Loja Bela (demo small, seed {SEED})")]
        )
        cls.conversations = cls.env["chatwoot.conversation"].search(
            [("account_id", "=", cls.account.id)]
        )
        cls.messages = cls.conversations.message_ids

    def _rows(self, query):
        self.env.flush_all()
        self.env.cr.execute(query)
        return self.env.cr.fetchall()

    def _sample(self, records, *cases):
        """A random sample, plus a few records of each ``cases`` filter (the rarer rows)."""
        ids = sorted(records.ids)
        sample = set(random.Random(SEED).sample(ids, min(SAMPLE, len(ids))))
        for case in cases:
            sample.update(records.filtered(case)[:3].ids)
        return records.browse(sorted(sample))

    # -- what was loaded ------------------------------------------------------------------------

    def test_counts_match_the_small_scale(self):
        scale = SCALES["small"]
        self.assertEqual(len(self.partners), scale.customers)
        self.assertAlmostEqual(len(self.lines), scale.order_lines, delta=scale.order_lines // 100)
        self.assertAlmostEqual(len(self.messages), scale.messages, delta=scale.messages // 100)
        self.assertEqual(len(self.account.inbox_ids), 5)
        self.assertEqual(set(self.orders.mapped("state")), {"sale", "cancel", "draft"})
        self.assertGreater(len(self.conversations), 100)

    def test_rerun_is_a_noop(self):
        counts = (len(self.partners), len(self.orders), len(self.messages))
        self.assertEqual(self.env["chatwoot.demo.seed"]._seed("small", SEED), {})
        partners = self.env["res.partner"].search([("id", "in", self.partners.ids)])
        self.assertEqual(
            counts,
            (
                len(partners),
                self.env["sale.order"].search_count([("partner_id", "in", partners.ids)]),
                self.env["chatwoot.message"].search_count([("account_id", "=", self.account.id)]),
            ),
        )

    # -- internal consistency -------------------------------------------------------------------

    def test_order_totals_equal_line_sums(self):
        wrong = self._rows(
            SQL(
                """
                SELECT o.id
                  FROM sale_order o
             LEFT JOIN (SELECT order_id, SUM(price_subtotal) AS untaxed, SUM(price_total) AS total
                          FROM sale_order_line GROUP BY order_id) l ON l.order_id = o.id
                 WHERE o.id = ANY(%s)
                   AND (l.order_id IS NULL OR o.amount_untaxed <> l.untaxed
                        OR o.amount_total <> l.total OR o.amount_tax <> 0)
                """,
                self.orders.ids,
            )
        )
        self.assertEqual(wrong, [])
        self.assertGreater(sum(self.orders.mapped("amount_total")), 0)

    def test_every_message_belongs_to_a_conversation_of_its_partner(self):
        wrong = self._rows(
            SQL(
                """
                SELECT m.id
                  FROM chatwoot_message m
                  JOIN chatwoot_conversation c ON c.id = m.conversation_id
                 WHERE m.account_id = %s
                   AND (m.partner_id IS DISTINCT FROM c.partner_id
                        OR m.account_id <> c.account_id
                        OR m.created_at < c.created_at)
                """,
                self.account.id,
            )
        )
        self.assertEqual(wrong, [])
        incoming = self.messages.filtered(lambda m: m.message_type == "incoming")
        self.assertTrue(incoming)
        self.assertEqual(incoming.partner_id, incoming.conversation_id.partner_id)

    def test_conversation_timeline_follows_its_messages(self):
        wrong = self._rows(
            SQL(
                """
                SELECT c.id
                  FROM chatwoot_conversation c
                  JOIN LATERAL (
                        SELECT MIN(created_at) AS first_at, MAX(created_at) AS last_at,
                               MIN(created_at) FILTER (WHERE message_type = 'outgoing'
                                                         AND NOT COALESCE(private, FALSE))
                                   AS reply_at
                          FROM chatwoot_message WHERE conversation_id = c.id) m ON TRUE
                 WHERE c.account_id = %s
                   AND (c.created_at IS DISTINCT FROM m.first_at
                        OR c.last_activity_at IS DISTINCT FROM m.last_at
                        OR c.first_reply_at IS DISTINCT FROM m.reply_at
                        OR (c.status = 'resolved') <> (c.resolved_at IS NOT NULL))
                """,
                self.account.id,
            )
        )
        self.assertEqual(wrong, [])

    def test_promotional_orders_carry_their_campaign(self):
        discounted = self.lines.filtered("discount").order_id
        self.assertTrue(discounted)
        self.assertFalse(discounted.filtered(lambda o: not o.campaign_id))
        self.assertFalse(self.orders.filtered("campaign_id") - discounted)
        self.assertTrue(discounted.source_id and discounted.medium_id)

    def test_chatwoot_ids_are_unique_per_account(self):
        duplicates = self._rows(
            SQL(
                """
                SELECT chatwoot_message_id FROM chatwoot_message WHERE account_id = %s
                 GROUP BY chatwoot_message_id HAVING COUNT(*) > 1
                """,
                self.account.id,
            )
        )
        self.assertEqual(duplicates, [])
        self.assertEqual(len(set(self.conversations.mapped("display_id"))), len(self.conversations))

    # -- valid for the ORM ----------------------------------------------------------------------

    def _assert_orm_recomputes_the_same(self, records, skip=()):
        """Recompute every stored computed field of ``records`` and compare with the stored
        values: the seed must have written what the ORM computes."""
        names = [
            name
            for name, field in records._fields.items()
            if field.store and field.compute and name not in skip
        ]
        self.assertTrue(names)
        self.env.invalidate_all()
        before = {row["id"]: row for row in records.read(names)}
        for name in names:
            self.env.add_to_compute(records._fields[name], records)
        self.env.flush_all()
        self.env.invalidate_all()
        after = {row["id"]: row for row in records.read(names)}
        differences = []
        for record_id, old in before.items():
            for name in names:
                new = after[record_id][name]
                same = (
                    abs(old[name] - new) < 1e-6
                    if isinstance(new, float) and isinstance(old[name], float)
                    else old[name] == new
                )
                if not same:
                    differences.append((records._name, record_id, name, old[name], new))
        self.assertEqual(differences[:10], [])

    def test_stored_computed_fields_are_what_the_orm_computes(self):
        brazil = self.env.ref("base.br")
        partners = self._sample(
            self.partners, lambda p: p.country_id != brazil, lambda p: not p.customer_rank
        )
        self._assert_orm_recomputes_the_same(partners)
        # validity_date is "today + validity days" at creation: the seed dates it from the
        # order's own date, a recomputation today cannot agree.
        orders = self._sample(
            self.orders,
            lambda o: o.state == "draft",
            lambda o: o.state == "cancel",
            lambda o: o.campaign_id,
            lambda o: o.partner_id.country_id != brazil,
        )
        self._assert_orm_recomputes_the_same(orders, skip=("validity_date",))
        lines = self._sample(
            self.lines, lambda line: line.discount, lambda line: line.product_uom_qty > 1
        )
        self._assert_orm_recomputes_the_same(lines)
        conversations = self._sample(
            self.conversations, lambda c: c.status != "resolved", lambda c: not c.first_reply_at
        )
        self._assert_orm_recomputes_the_same(conversations)
        self._assert_orm_recomputes_the_same(self._sample(self.messages))

    def test_orm_check_would_catch_a_wrong_total(self):
        order = self.orders.filtered(lambda o: o.state == "sale")[:1]
        self.env.cr.execute(
            SQL("UPDATE sale_order SET amount_total = amount_total + 1 WHERE id = %s", order.id)
        )
        with self.assertRaises(AssertionError):
            self._assert_orm_recomputes_the_same(order)

    def test_seeded_order_can_be_invoiced(self):
        order = self.orders.filtered(lambda o: o.state == "sale" and o.order_line)[:1]
        invoice = order._create_invoices()
        self.assertEqual(invoice.amount_untaxed, order.amount_untaxed)
        self.assertEqual(order.invoice_status, "invoiced")

    def test_draft_quotation_can_be_confirmed(self):
        draft = self.orders.filtered(lambda o: o.state == "draft")[:1]
        self.assertTrue(draft)
        draft.action_confirm()
        self.assertEqual(draft.state, "sale")
        self.assertEqual(set(draft.order_line.mapped("invoice_status")), {"to invoice"})

    def test_sequences_continue_after_the_seed(self):
        partner = self.env["res.partner"].create({"name": "After the seed"})
        self.assertGreater(partner.id, max(self.partners.ids))
        order = self.env["sale.order"].create({"partner_id": partner.id})
        self.assertNotIn(order.name, self.orders.mapped("name"))
        self.assertGreater(order.id, max(self.orders.ids))


@tagged("post_install", "-at_install")
class TestDemoShopInReais(TransactionCase):
    """A new user's demo shop counts in R$, even though account's demo posted in dollars."""

    def setUp(self):
        super().setUp()
        if not self.env["ir.module.module"].search([("name", "=", "base")]).demo:
            self.skipTest("the demo shop is loaded with demo data only")
        self.brl = self.env.ref("base.BRL")
        self.company = self.env.ref("base.main_company")

    def test_the_demo_company_is_in_reais(self):
        self.assertEqual(self.company.currency_id, self.brl)
        self.assertEqual(self.company.currency_id.symbol, "R$")

    def test_its_demo_books_were_relabelled_not_left_in_dollars(self):
        items = self.env["account.move.line"].search([("company_id", "=", self.company.id)])
        self.assertTrue(items, "account's demo data posted journal items")
        self.assertEqual(items.company_currency_id, self.brl)
        self.assertEqual(self.env.ref("sale.sale_order_1").currency_id, self.brl)
        self.assertEqual(self.env.ref("sale.sale_order_1").company_id, self.company)

    def test_the_agent_quotes_prices_in_reais(self):
        results = self.env["chatwoot.context"]._search_products("vestido", limit=1)
        self.assertTrue(results)
        self.assertEqual(results[0]["currency"], "BRL")
        price = format_price(results[0]["price"], results[0]["currency"], "pt_BR")
        self.assertTrue(price.startswith("R$ "), price)

    def test_the_demo_orders_of_brazilian_customers_are_in_reais(self):
        orders = self.env["sale.order"].search(
            [("company_id", "=", self.company.id), ("partner_id.lang", "=", "pt_BR")]
        )
        self.assertTrue(orders)
        self.assertEqual(orders.currency_id, self.brl)
