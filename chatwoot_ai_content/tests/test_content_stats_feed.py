# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The "what works" statistics and the catalog feed rows, on plain data."""

import csv
import doctest
import io
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

from odoo.tests import BaseCase

from ..content import feed, stats


class TestWhatWorks(BaseCase):
    def _posts(self):
        start = datetime(2026, 11, 2, 10)  # a Monday
        posts = []
        for i in range(20):  # instagram: 5 % rate, varied
            posts.append(
                {
                    "channel": "instagram",
                    "interactions": 40 + (i % 5) * 5,
                    "reach": 1000,
                    "text": "Novidade ✨ #batom #nude",
                    "published": start + timedelta(days=i),
                    "tone": "friendly",
                }
            )
        for i in range(3):  # facebook: three posts only
            posts.append(
                {
                    "channel": "facebook",
                    "interactions": 90,
                    "reach": 1000,
                    "text": "Post longo " * 40,
                    "published": start + timedelta(days=i, hours=9),
                }
            )
        posts.append({"channel": "facebook", "interactions": 5, "reach": 0, "text": "x"})
        return posts

    def test_cells_count_posts_and_mark_small_ones_unreliable(self):
        cells = {(c.dimension, c.value): c for c in stats.what_works(self._posts())}
        instagram, facebook = cells[("channel", "instagram")], cells[("channel", "facebook")]
        self.assertEqual(instagram.posts, 20)
        self.assertTrue(instagram.reliable)
        self.assertEqual(facebook.posts, 3)  # the post without reach is left out
        self.assertFalse(facebook.reliable)
        self.assertAlmostEqual(instagram.rate, 0.05, places=4)
        self.assertLess(instagram.ci_low, instagram.rate)
        self.assertGreater(instagram.ci_high, instagram.rate)
        # three identical posts: narrow interval but still flagged
        self.assertAlmostEqual(facebook.rate, 0.09)

    def test_dimensions_cover_length_hashtags_emoji_and_time(self):
        cells = {(c.dimension, c.value): c for c in stats.what_works(self._posts())}
        self.assertEqual(cells[("hashtags", "1-5")].posts, 20)
        self.assertEqual(cells[("emoji", "yes")].posts, 20)
        self.assertEqual(cells[("length", "long")].posts, 3)
        self.assertEqual(cells[("hour", "morning")].posts, 20)
        self.assertEqual(cells[("hour", "evening")].posts, 3)
        self.assertEqual(cells[("tone", "friendly")].posts, 20)

    def test_interval_widens_with_fewer_posts(self):
        few = stats.mean_interval([0.02, 0.08, 0.05])
        many = stats.mean_interval([0.02, 0.08, 0.05] * 10)
        self.assertGreater(few[1][1] - few[1][0], many[1][1] - many[1][0])

    def test_doctests(self):
        self.assertEqual(doctest.testmod(stats).failed, 0)


def _row(**values):
    row = {
        "variant_id": 11,
        "template_id": 5,
        "default_code": "",
        "name": "Vestido <b>Floral</b>",
        "variant_values": "",
        "description": "<p>Leve &amp; fresco</p>",
        "price": 129.9,
        "sale_price": 129.9,
        "currency": "BRL",
        "category": "All / Moda / Vestidos",
        "brand": "Loja",
        "variant_count": 1,
        "in_stock": True,
    }
    row.update(values)
    return row


class TestFeedRows(BaseCase):
    def test_meta_column_rules(self):
        row = feed.feed_row(_row(), "https://shop.example.com/", "https://img/5")
        self.assertEqual(row["price"], "129.90 BRL")
        self.assertEqual(row["sale_price"], "")
        self.assertEqual(row["title"], "Vestido Floral")
        self.assertEqual(row["description"], "Leve & fresco")
        self.assertEqual(row["condition"], "new")
        self.assertEqual(row["link"], "https://shop.example.com/shop/vestido-b-floral-b-5")
        self.assertEqual(row["item_group_id"], "")
        self.assertEqual(row["product_type"], "All > Moda > Vestidos")

    def test_limits_stock_discount_and_stable_ids(self):
        row = feed.feed_row(
            _row(
                name="V" * 300,
                description="d" * 20000,
                sale_price=99.9,
                in_stock=False,
                default_code="VF-01",
                variant_count=3,
                variant_values="M, Azul",
            ),
            "https://s",
            "https://i",
        )
        self.assertLessEqual(len(row["title"]), 200)
        self.assertLessEqual(len(row["description"]), 9999)
        self.assertEqual(row["sale_price"], "99.90 BRL")
        self.assertEqual(row["availability"], "out of stock")
        self.assertEqual(row["id"], "VF-01")
        self.assertEqual(row["item_group_id"], "odoo-tmpl-5")

    def test_csv_and_rss_render_the_same_rows(self):
        rows = [feed.feed_row(_row(variant_id=i), "https://s", f"https://i/{i}") for i in (1, 2)]
        parsed = list(csv.DictReader(io.StringIO(feed.to_csv(rows))))
        self.assertEqual([r["id"] for r in parsed], ["odoo-1", "odoo-2"])
        self.assertEqual(tuple(parsed[0]), feed.COLUMNS)
        root = ET.fromstring(feed.to_rss(rows, "Loja", "https://s"))
        items = root.findall("channel/item")
        self.assertEqual(len(items), 2)
        ns = {"g": feed.G_NAMESPACE}
        self.assertEqual(items[1].find("g:id", ns).text, "odoo-2")
        self.assertEqual(items[0].find("g:price", ns).text, "129.90 BRL")
        self.assertIsNone(items[0].find("g:sale_price", ns))

    def test_doctests(self):
        self.assertEqual(doctest.testmod(feed).failed, 0)
