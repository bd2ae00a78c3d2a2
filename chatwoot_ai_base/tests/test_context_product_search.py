# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The agent's catalog search: full text in three languages, typos, accents, index sync."""

from odoo import Command
from odoo.tests import tagged

from ..models.product_template import COLUMNS
from .common import ChatwootAICase


@tagged("post_install", "-at_install")
class TestContextProductSearch(ChatwootAICase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["product.category"].create({"name": "Zefiraskin Maquiagem"})
        cls.color = cls.env["product.attribute"].create(
            {"name": "Cor Zefira", "create_variant": "always"}
        )
        cls.red, cls.nude = cls.env["product.attribute.value"].create(
            [
                {"attribute_id": cls.color.id, "name": "Vermelho Paixão"},
                {"attribute_id": cls.color.id, "name": "Nude Rosado"},
            ]
        )
        Template = cls.env["product.template"]
        cls.lipstick = Template.create(
            {
                "name": "Batom Matte Zefira",
                "list_price": 39.9,
                "sale_ok": True,
                "categ_id": cls.category.id,
                "description_sale": "Acabamento aveludado de longa duração.",
                "attribute_line_ids": [
                    Command.create(
                        {
                            "attribute_id": cls.color.id,
                            "value_ids": [Command.set([cls.red.id, cls.nude.id])],
                        }
                    )
                ],
            }
        )
        cls.sunscreen = Template.create(
            {
                "name": "Fluido Zefira FPS 50",
                "list_price": 89.9,
                "description_sale": "Proteção UVA e UVB com toque seco, sem perfume.",
            }
        )
        cls.cream = Template.create({"name": "Zefira Hydrating Face Cream", "list_price": 59.9})
        cls.archived = Template.create({"name": "Batom Matte Zefira Antigo", "active": False})
        cls.internal = Template.create({"name": "Batom Matte Zefira Amostra", "sale_ok": False})
        cls.Context = cls.env["chatwoot.context"]

    def found(self, query, limit=10, **kwargs):
        return [row["id"] for row in self.Context._search_products(query, limit=limit, **kwargs)]

    def test_finds_by_name(self):
        results = self.Context._search_products("batom matte zefira", limit=3)
        self.assertEqual(results[0]["id"], self.lipstick.id)
        self.assertEqual(results[0]["name"], "Batom Matte Zefira")
        self.assertEqual(results[0]["score_detail"]["query"]["mode"], "all_terms")

    def test_finds_by_description_attribute_and_category(self):
        self.assertIn(self.sunscreen.id, self.found("toque seco zefira"))
        self.assertIn(self.lipstick.id, self.found("zefira vermelho paixão"))
        self.assertIn(self.lipstick.id, self.found("zefiraskin"))

    def test_typo_is_corrected_from_the_catalog_vocabulary(self):
        results = self.Context._search_products("batom zefira vermlho", limit=3)
        self.assertEqual(results[0]["id"], self.lipstick.id)
        query = results[0]["score_detail"]["query"]
        self.assertIn("vermelho", query["corrections"]["vermlho"])
        # Swapped letters, which trigrams miss on short words, and a misspelt English word.
        self.assertEqual(self.found("btaom zefira", limit=1), [self.lipstick.id])
        self.assertIn(self.lipstick.id, self.found("lipstik zefira", limit=3))

    def test_accents_do_not_matter(self):
        for query in ("proteção zefira", "protecao zefira", "proteçao zefira", "PROTEÇÃO ZEFIRA"):
            self.assertEqual(self.found(query, limit=1), [self.sunscreen.id], query)

    def test_spanish_and_english_queries(self):
        self.assertIn(self.lipstick.id, self.found("labial rojo zefira"))
        self.assertIn(self.lipstick.id, self.found("red lipstick zefira"))
        # English text is stemmed by the english configuration: "creams" finds "Cream".
        self.assertEqual(self.found("zefira hydrating creams", limit=1), [self.cream.id])

    def test_inactive_and_not_saleable_products_are_excluded(self):
        found = self.found("batom matte zefira", limit=50)
        self.assertIn(self.lipstick.id, found)
        self.assertNotIn(self.archived.id, found)
        self.assertNotIn(self.internal.id, found)
        self.lipstick.sale_ok = False
        self.assertNotIn(self.lipstick.id, self.found("batom matte zefira", limit=50))

    def test_partner_pricelist_price_is_used(self):
        pricelist = self.env["product.pricelist"].create(
            {
                "name": "VIP Zefira",
                "currency_id": self.env.company.currency_id.id,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "1_product",
                            "product_tmpl_id": self.lipstick.id,
                            "compute_price": "fixed",
                            "fixed_price": 19.9,
                        }
                    )
                ],
            }
        )
        vip = self.env["res.partner"].create(
            {"name": "Cliente VIP", "property_product_pricelist": pricelist.id}
        )
        regular = self.env["res.partner"].create({"name": "Cliente Comum"})
        for partner, price in ((vip, 19.9), (regular, 39.9), (None, 39.9)):
            result = self.Context._search_products("batom matte zefira", partner=partner, limit=1)
            self.assertAlmostEqual(result[0]["price"], price, places=2)
            self.assertEqual(result[0]["currency"], self.env.company.currency_id.name)

    def test_result_shape_and_explained_score(self):
        result = self.Context._search_products("batom matte zefira", limit=1)[0]
        self.assertEqual(result["category"], "Zefiraskin Maquiagem")
        self.assertEqual(result["attributes"], "Cor Zefira: Vermelho Paixão, Nude Rosado")
        self.assertEqual(result["related"], [])
        stock = "qty_available" in self.env["product.product"]._fields
        self.assertEqual(result["in_stock"] is None, not stock or not self.lipstick.is_storable)
        detail = result["score_detail"]
        points = sum(
            detail[name]["points"]
            for name in ("fts", "coverage", "name_similarity", "word_similarity", "name_match")
        )
        self.assertAlmostEqual(points, result["score"], places=3)
        self.assertEqual(detail["name_match"]["value"], 1.0)
        self.assertGreater(detail["fts"]["value"], 0)

    def test_every_matching_mode_ranks_with_every_component(self):
        # Each mode re-ranks its best full-text rows by trigram similarity of the name and
        # of the whole document (the words of the description count too).
        short = self.env["product.template"].create({"name": "Qix Vop", "list_price": 5.0})
        cases = {  # query: (limit, mode, a product found)
            "batom matte zefira": (1, "all_terms_in_name", self.lipstick),
            "toque seco zefira": (3, "all_terms", self.sunscreen),
            "zefira hydrating uvb": (3, "any_term", self.sunscreen),
            # Words too short to correct, in no document: the names trigram-similar.
            "qi vo": (3, "name_similarity", short),
        }
        for query, (limit, mode, template) in cases.items():
            with self.subTest(query=query):
                result = self.Context._search_products(query, limit=limit)
                self.assertEqual(result[0]["score_detail"]["query"]["mode"], mode)
                self.assertIn(template.id, [row["id"] for row in result])
                detail = next(r for r in result if r["id"] == template.id)["score_detail"]
                self.assertGreater(detail["word_similarity"]["value"], 0)
                self.assertGreater(detail["name_similarity"]["value"], 0)

    def test_attributes_text_is_what_the_orm_reads(self):
        """One query gives what reading the lines through the ORM gives: lines by sequence,
        values by attribute and sequence, archived values left out, names translated."""
        self.env["res.lang"]._activate_lang("pt_BR")
        size = self.env["product.attribute"].create({"name": "Size Zefira", "sequence": 1})
        small, large, old = self.env["product.attribute.value"].create(
            [
                {"attribute_id": size.id, "name": "Small", "sequence": 2},
                {"attribute_id": size.id, "name": "Large", "sequence": 1},
                {"attribute_id": size.id, "name": "Old", "sequence": 3},
            ]
        )
        size.with_context(lang="pt_BR").name = "Tamanho Zefira"
        large.with_context(lang="pt_BR").name = "Grande"
        self.lipstick.attribute_line_ids = [
            Command.create(
                {
                    "attribute_id": size.id,
                    "sequence": 1,
                    "value_ids": [Command.set([small.id, large.id, old.id])],
                }
            )
        ]
        old.active = False
        self.lipstick.attribute_line_ids.filtered(lambda line: line.attribute_id == self.color)[
            0
        ].sequence = 5
        self.env.invalidate_all()
        for lang, expected in (
            ("en_US", "Size Zefira: Large, Small; Cor Zefira: Vermelho Paixão, Nude Rosado"),
            ("pt_BR", "Tamanho Zefira: Grande, Small; Cor Zefira: Vermelho Paixão, Nude Rosado"),
        ):
            Context = self.Context.with_context(lang=lang)
            template = self.lipstick.with_context(lang=lang)
            orm = "; ".join(
                f"{line.attribute_id.name}: {', '.join(line.value_ids.mapped('name'))}"
                for line in template.attribute_line_ids
            )
            labels = Context._catalog_labels([self.lipstick.id, self.cream.id])
            self.assertEqual(orm, expected)
            self.assertEqual(labels[self.lipstick.id], ("Zefiraskin Maquiagem", expected))
            self.assertEqual(labels[self.cream.id][1], "")

    def test_rename_updates_the_index(self):
        self.lipstick.name = "Gloss Quíntuplo Zefira"
        self.assertIn(self.lipstick.id, self.found("gloss quintuplo"))
        self.assertNotIn(self.lipstick.id, self.found("batom matte", limit=50))
        # Through the variant (a related field) too.
        self.lipstick.product_variant_ids[0].name = "Lápis Labial Zefira"
        self.assertEqual(self.found("lapis labial zefira", limit=1), [self.lipstick.id])

    def test_create_attribute_and_category_writes_update_the_index(self):
        new = self.env["product.template"].create({"name": "Esmalte Cintilante Zefira"})
        self.assertEqual(self.found("esmalte cintilante", limit=1), [new.id])
        self.red.name = "Carmim Profundo"
        self.assertIn(self.lipstick.id, self.found("carmim profundo"))
        self.category.name = "Beleza Quasarina"
        self.assertIn(self.lipstick.id, self.found("quasarina"))

    def test_index_is_refreshed_before_commit(self):
        self.cream.description_sale = "Textura leve de rápida absorção"
        self.env.cr.precommit.run()  # what a commit runs
        self.env.cr.execute(
            "SELECT description_text FROM chatwoot_product_search WHERE product_tmpl_id = %s",
            [self.cream.id],
        )
        self.assertEqual(self.env.cr.fetchone()[0], "Textura leve de rápida absorção")

    def test_products_of_another_company_are_not_offered(self):
        other = self.env["res.company"].create({"name": "Outra Loja Zefira"})
        self.lipstick.company_id = other
        self.assertNotIn(self.lipstick.id, self.found("batom matte zefira"))
        self.assertIn(self.lipstick.id, self.found("batom matte zefira", company=other))

    def test_nonsense_and_empty_queries_find_nothing(self):
        self.assertEqual(self.Context._search_products("qwxz plorf", limit=3), [])
        self.assertEqual(self.Context._search_products("   ", limit=3), [])

    def test_full_rebuild_indexes_every_template(self):
        Template = self.env["product.template"].with_context(active_test=False)
        self.assertEqual(Template._chatwoot_search_rebuild(), Template.search_count([]))
        self.assertEqual(self.found("batom matte zefira", limit=1), [self.lipstick.id])
        self.assertIn(self.lipstick.id, self.found("zefira vermlho"))  # vocabulary rebuilt too

    def test_rebuild_leaves_no_pending_gin_entries(self):
        # A refresh queues the new index entries in the GIN pending lists, which every
        # search reads through; a rebuild merges them into the indexes before it returns.
        Template = self.env["product.template"]
        Template._chatwoot_search_refresh((self.lipstick | self.sunscreen).ids)
        self.assertGreater(Template._chatwoot_search_merge_pending(), 0)
        Template._chatwoot_search_rebuild()
        self.assertEqual(Template._chatwoot_search_merge_pending(), 0)
        self.assertEqual(self.found("batom matte zefira", limit=1), [self.lipstick.id])

    def test_module_update_recreates_a_table_of_an_earlier_version(self):
        Template = self.env["product.template"]
        # The first version: no sellable/company/name-words columns.
        self.env.cr.execute(
            "ALTER TABLE chatwoot_product_search"
            " DROP COLUMN tsv_name, DROP COLUMN sellable, DROP COLUMN company_id"
        )
        Template.init()
        self.assertEqual(Template._chatwoot_search_layout(), list(COLUMNS))
        self.assertEqual(self.found("batom matte zefira", limit=1), [self.lipstick.id])
        self.assertNotIn(self.archived.id, self.found("batom matte zefira", limit=50))
        # Every column, the filters after the raw texts (columns added by ALTER TABLE).
        self.env.cr.execute(
            "ALTER TABLE chatwoot_product_search DROP COLUMN sellable,"
            " ADD COLUMN sellable boolean NOT NULL DEFAULT false"
        )
        self.assertNotEqual(Template._chatwoot_search_layout(), list(COLUMNS))
        Template.init()
        self.assertEqual(Template._chatwoot_search_layout(), list(COLUMNS))
        self.assertEqual(self.found("batom matte zefira", limit=1), [self.lipstick.id])
        self.assertNotIn(self.internal.id, self.found("batom matte zefira", limit=50))
