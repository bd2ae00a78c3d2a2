# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Meta catalog feed over HTTP: columns, variants, discounts, cache and tokens."""

import csv
import io
import unittest

from lxml import etree

from odoo.tests import tagged

from ..content.feed import G_NAMESPACE
from .common import ContentHttpCase

META_COLUMNS = [
    "id", "title", "description", "availability", "condition", "price", "link",
    "image_link", "brand", "sale_price", "product_type", "item_group_id",
]  # fmt: skip


@tagged("post_install", "-at_install")
class TestCatalogFeed(ContentHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        nude = cls.matte.attribute_line_ids.product_template_value_ids.filtered(
            lambda v: v.name == "Nude"
        )
        nude.price_extra = 5.0
        cls.red_variant = cls.matte.product_variant_ids.filtered(
            lambda v: v.product_template_attribute_value_ids.name == "Vermelho"
        )
        cls.red_variant.default_code = "BATOM-VERM"
        cls.env["product.template"].create(
            [
                {"name": "Serviço interno", "sale_ok": False, "company_id": cls.company.id},
                {"name": "Arquivado", "active": False, "company_id": cls.company.id},
                {
                    "name": "B" * 250,
                    "company_id": cls.company.id,
                    "list_price": 10,
                    "description_sale": "<p>Linha <b>um</b></p>",
                },
            ]
        )
        cls.feed = cls.env["chatwoot.catalog.feed"].create(
            {
                "name": "Meta",
                "company_id": cls.company.id,
                "base_url": "https://loja.example.com",
            }
        )

    def get_feed(self, fmt="csv", token=None):
        return self.url_open(f"/chatwoot_ai/catalog/{token or self.feed.access_token}.{fmt}")

    def rows(self):
        response = self.get_feed()
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("text/csv"))
        reader = csv.DictReader(io.StringIO(response.text))
        self.assertEqual(reader.fieldnames, META_COLUMNS)
        return {row["id"]: row for row in reader}

    def test_rows_follow_meta_rules_with_variants(self):
        rows = self.rows()
        red = rows["BATOM-VERM"]
        nude_id = f"odoo-{(self.matte.product_variant_ids - self.red_variant).id}"
        nude = rows[nude_id]
        self.assertEqual(red["title"], "Batom Matte Vermelho - Vermelho")
        self.assertEqual(red["price"], "59.90 BRL")
        self.assertEqual(nude["price"], "64.90 BRL")  # the variant's extra price
        self.assertEqual((red["availability"], red["condition"]), ("in stock", "new"))
        self.assertEqual(red["item_group_id"], f"odoo-tmpl-{self.matte.id}")
        self.assertEqual(red["item_group_id"], nude["item_group_id"])
        self.assertEqual(red["brand"], "Loja da Ana")
        self.assertEqual(red["product_type"], "Batons")
        self.assertEqual(red["sale_price"], "")
        self.assertTrue(red["link"].startswith("https://loja.example.com/shop/"))
        self.assertIn(f"/chatwoot_ai/catalog/{self.feed.access_token}/image/", red["image_link"])
        creamy = rows[f"odoo-{self.creamy.product_variant_id.id}"]
        self.assertEqual(creamy["item_group_id"], "")
        self.assertEqual(creamy["image_link"], "")  # no image
        long_name = next(r for r in rows.values() if r["title"].startswith("BBB"))
        self.assertEqual(len(long_name["title"]), 200)
        self.assertEqual(long_name["description"], "Linha um")
        self.assertNotIn("Serviço interno", str(rows))
        self.assertNotIn("Arquivado", str(rows))
        self.assertEqual(self.feed.row_count, len(rows))

    def test_image_link_is_public_with_the_token_only(self):
        link = self.rows()["BATOM-VERM"]["image_link"]
        path = link[link.index("/chatwoot_ai/") :]
        response = self.url_open(path)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("image/"))
        wrong = path.replace(self.feed.access_token, "x" * 43)
        self.assertEqual(self.url_open(wrong).status_code, 404)

    def test_pricelist_discount_gives_a_sale_price(self):
        self.feed.pricelist_id = self.env["product.pricelist"].create(
            {
                "name": "Promo",
                "currency_id": self.env.ref("base.BRL").id,
                "company_id": self.company.id,
                "item_ids": [
                    (
                        0,
                        0,
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "percent_price": 10,
                        },
                    )
                ],
            }
        )
        red = self.rows()["BATOM-VERM"]
        self.assertEqual((red["price"], red["sale_price"]), ("59.90 BRL", "53.91 BRL"))

    def test_xml_is_rss_with_the_g_namespace(self):
        response = self.get_feed("xml")
        self.assertEqual(response.status_code, 200)
        root = etree.fromstring(response.content)
        self.assertEqual(root.tag, "rss")
        items = root.findall("channel/item")
        ids = [item.findtext(f"{{{G_NAMESPACE}}}id") for item in items]
        self.assertIn("BATOM-VERM", ids)
        red = items[ids.index("BATOM-VERM")]
        self.assertEqual(red.findtext(f"{{{G_NAMESPACE}}}price"), "59.90 BRL")

    def test_unknown_or_inactive_token_and_unknown_format_are_404(self):
        self.assertEqual(self.get_feed(token="nope").status_code, 404)
        self.assertEqual(self.get_feed(fmt="json").status_code, 404)
        token = self.feed.access_token
        self.feed.active = False
        self.assertEqual(self.get_feed(token=token).status_code, 404)

    def test_cached_until_a_product_or_price_changes(self):
        first = self.get_feed().text
        generated = self.feed.cached_at
        self.feed.invalidate_recordset()
        self.assertEqual(self.get_feed().text, first)
        self.feed.invalidate_recordset()
        self.assertEqual(self.feed.cached_at, generated, "the second answer came from the cache")
        self.creamy.list_price = 45.0
        self.assertIn("45.00 BRL", self.get_feed().text)
        self.creamy.sale_ok = False
        self.assertNotIn("Batom Cremoso Rosa", self.get_feed().text)

    def test_token_is_unguessable_and_regenerated(self):
        other = self.feed.copy({"name": "Outro"})
        self.assertGreaterEqual(len(self.feed.access_token), 40)
        self.assertNotEqual(other.access_token, self.feed.access_token)
        old = self.feed.access_token
        self.feed.action_regenerate_token()
        self.assertEqual(self.get_feed(token=old).status_code, 404)
        self.assertEqual(self.get_feed().status_code, 200)


@tagged("post_install", "-at_install")
class TestCatalogFeedStock(ContentHttpCase):
    """With stock (`make test STOCK=1`): availability follows the quantity on hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "is_storable" not in cls.env["product.template"]._fields:
            raise unittest.SkipTest("needs stock: make test STOCK=1")
        Product = cls.env["product.product"]
        cls.stocked, cls.sold_out = Product.create(
            [
                {"name": "Gloss Zefira Rubi", "list_price": 39.9, "is_storable": True},
                {"name": "Gloss Zefira Jade", "list_price": 39.9, "is_storable": True},
            ]
        )
        (cls.stocked | cls.sold_out).company_id = cls.company
        cls.location = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.env["stock.quant"]._update_available_quantity(cls.stocked, cls.location, 4)
        cls.feed = cls.env["chatwoot.catalog.feed"].create(
            {"name": "Meta", "company_id": cls.company.id, "base_url": "https://loja.example.com"}
        )

    def availability(self):
        response = self.url_open(f"/chatwoot_ai/catalog/{self.feed.access_token}.csv")
        self.assertEqual(response.status_code, 200)
        rows = {row["id"]: row for row in csv.DictReader(io.StringIO(response.text))}
        return tuple(
            rows[f"odoo-{product.id}"]["availability"] for product in (self.stocked, self.sold_out)
        )

    def test_stock_availability_follows_the_quantity_on_hand(self):
        self.assertEqual(self.availability(), ("in stock", "out of stock"))
        # A receipt refreshes the cached feed: the sold-out product is back in stock.
        self.env["stock.quant"]._update_available_quantity(self.sold_out, self.location, 2)
        self.env.flush_all()
        self.assertEqual(self.availability(), ("in stock", "in stock"))
