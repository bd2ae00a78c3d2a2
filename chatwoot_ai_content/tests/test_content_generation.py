# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""generate(): pieces written from the product's data, logged as AI runs, in batches."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..content.constants import KINDS, LIMITS
from .common import ContentCase

PRICES = {"pt_BR": "R$ 59,90", "es_419": "R$ 59,90", "en_US": "R$59.90"}


@tagged("post_install", "-at_install")
class TestGenerate(ContentCase):
    def test_every_kind_and_language_names_the_product_and_its_price(self):
        for language, price in PRICES.items():
            pieces = self.Piece.with_user(self.marketer).generate(self.matte, KINDS, language)
            self.assertEqual(sorted(pieces.mapped("kind")), sorted(KINDS))
            for piece in pieces:
                with self.subTest(language=language, kind=piece.kind):
                    self.assertEqual(piece.state, "draft")
                    self.assertEqual(piece.language, language)
                    self.assertEqual(piece.author_id, self.marketer)
                    if LIMITS.get(piece.kind):
                        self.assertLessEqual(len(piece.body), LIMITS[piece.kind])
                    self.assertFalse(piece.review_reason, piece.body)
                    self.assertEqual(piece.ai_run_id.kind, "content")
                    self.assertEqual(piece.ai_run_id.product_tmpl_id, self.matte)
                    self.assertEqual(piece.ai_run_id.company_id, self.company)
                    self.assertEqual(piece.ai_run_id.provider, "offline")
                    self.assertEqual(piece.ai_run_id.output, piece.body)
            selling = pieces.filtered(lambda p: p.kind in ("long_description", "facebook_post"))
            for piece in selling:
                self.assertIn("Batom Matte Vermelho", piece.body)
                self.assertIn(price, piece.body)

    def test_default_language_is_the_brand_voice(self):
        self.voice.default_language = "es_419"
        piece = self.Piece.with_user(self.marketer).generate(self.matte, ["facebook_post"])
        self.assertEqual(piece.language, "es_419")
        self.assertEqual(piece.ai_run_id.language, "es")

    def test_two_products_of_one_category_get_different_text(self):
        first = self.Piece.generate(self.matte, ["instagram_caption"], "pt_BR")
        second = self.Piece.generate(self.creamy, ["instagram_caption"], "pt_BR")
        self.assertNotEqual(
            first.body.replace("Batom Matte Vermelho", "X"),
            second.body.replace("Batom Cremoso Rosa", "X"),
        )

    def test_promotion_states_the_real_old_and_new_prices(self):
        campaign = self.env["utm.campaign"].create({"name": "Black Friday"})
        pieces = self.Piece.generate(
            self.matte,
            ["facebook_post", "email_subject"],
            "pt_BR",
            promotion={"discount": 20, "campaign_id": campaign.id},
        )
        post = pieces.filtered(lambda p: p.kind == "facebook_post")
        self.assertIn("R$ 59,90", post.body)  # old price
        self.assertIn("R$ 47,92", post.body)  # 20 % off
        self.assertTrue(post.is_promotion)
        self.assertEqual(post.campaign_id, campaign)
        self.assertFalse(pieces.filtered("review_reason"))

    def test_pricelist_promotion_uses_the_pricelist_price(self):
        pricelist = self.env["product.pricelist"].create(
            {
                "name": "Promo",
                "currency_id": self.env.ref("base.BRL").id,
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
        post = self.Piece.generate(
            self.matte, ["facebook_post"], "pt_BR", promotion={"pricelist_id": pricelist.id}
        )
        self.assertIn("R$ 53,91", post.body)
        self.assertIn("R$ 59,90", post.body)

    def test_invented_number_or_avoided_word_is_flagged_with_the_reason(self):
        self.matte.description_sale = "Batom barato que dura muito."
        piece = self.Piece.generate(self.matte, ["long_description"], "pt_BR")
        self.assertIn("avoided_word: barato", piece.review_reason)
        self.assertIn("avoided_word", piece.ai_run_id.error)
        piece.write({"body": "Batom Matte Vermelho: dura 12 horas por R$ 59,90."})
        issues = self.env["chatwoot.content.crew"]._validate_piece(piece)
        self.assertEqual(issues, ["invented_number: 12"])

    def test_image_brief_palette_comes_from_the_image_else_the_brand(self):
        with_image = self.Piece.generate(self.matte, ["image_brief"], "pt_BR")
        self.assertEqual(len(with_image.brief_data), 4)
        self.assertEqual(
            {b["format"] for b in with_image.brief_data}, {"feed", "portrait", "story", "link"}
        )
        self.assertTrue(with_image.palette.startswith("#C8102E"), with_image.palette)
        self.assertIn("1080×1920", with_image.body)
        without = self.Piece.generate(self.creamy, ["image_brief"], "pt_BR")
        self.assertTrue(without.palette.startswith("#C2185B, #222222"), without.palette)
        self.assertFalse(with_image.review_reason or without.review_reason)

    def test_agent_cannot_write_content(self):
        with self.assertRaises(AccessError):
            self.Piece.with_user(self.agent).generate(self.matte, ["seo_title"])
        with self.assertRaises(AccessError):
            self.Piece.with_user(self.agent).create(
                {"product_tmpl_id": self.matte.id, "kind": "seo_title", "body": "x"}
            )

    def test_edit_and_regeneration_keep_the_previous_body(self):
        piece = self.Piece.with_user(self.marketer).generate(self.matte, ["seo_title"], "pt_BR")
        first = piece.body
        piece.with_user(self.marketer).write({"body": "Batom Matte Vermelho | Loja da Ana"})
        piece.with_user(self.marketer).action_regenerate()
        self.assertEqual(piece.body, first)
        piece.invalidate_recordset(["version_ids"])
        self.assertEqual(piece.version_ids.mapped("reason"), ["regenerate", "edit"])
        self.assertEqual(
            piece.version_ids.mapped("body"), ["Batom Matte Vermelho | Loja da Ana", first]
        )
        self.assertEqual(
            len(self.env["chatwoot.ai.run"].search([("product_tmpl_id", "=", self.matte.id)])), 2
        )


@tagged("post_install", "-at_install")
class TestBatch(ContentCase):
    def test_batch_runs_in_chunk_jobs_counts_progress_and_skips_a_failing_product(self):
        gone = self.env["product.template"].create(
            {"name": "Apagado", "list_price": 10, "company_id": self.company.id}
        )
        kinds = self.env["chatwoot.content.kind"].search(
            [("code", "in", ("short_description", "instagram_caption"))]
        )
        batch = (
            self.env["chatwoot.content.batch"]
            .with_user(self.marketer)
            .with_context(default_product_ids=[self.matte.id, gone.id, self.creamy.id])
            .create({"name": "Lançamento", "kind_ids": [(6, 0, kinds.ids)], "chunk_size": 2})
        )
        batch.action_start()
        jobs = self.env["queue.job"].search([("channel", "=", "root.chatwoot.content")])
        self.assertEqual(len(jobs), 2)
        self.assertEqual(batch.state, "running")
        self.assertEqual(batch.progress_label, "0 / 3")
        gone.unlink()
        self.assertEqual(self.run_content_jobs(), 2)
        self.assertEqual(batch.state, "done")
        self.assertEqual((batch.done_count, batch.failed_count), (2, 1))
        self.assertEqual(batch.progress_label, "3 / 3")
        self.assertEqual(len(batch.piece_ids), 4)
        self.assertEqual(set(batch.piece_ids.product_tmpl_id.ids), {self.matte.id, self.creamy.id})
        self.assertIn("no longer exists", batch.failure_log)
        self.assertIn("2 products written, 1 failed; 4 pieces", batch.summary)

    def test_a_chunk_with_a_failing_product_is_written_product_by_product(self):
        other = self.env["res.company"].create({"name": "Outra Loja"})
        foreign = self.env["product.template"].create(
            {"name": "Batom de outra loja", "list_price": 10, "company_id": other.id}
        )
        kinds = self.env["chatwoot.content.kind"].search([("code", "=", "seo_title")])
        batch = self.env["chatwoot.content.batch"].create(
            {
                "name": "Misturado",
                "product_ids": [(6, 0, [self.matte.id, foreign.id, self.creamy.id])],
                "kind_ids": [(6, 0, kinds.ids)],
            }
        )
        # The marketer's job cannot read the other company's product: the chunk's single
        # generate fails, so each product is written on its own and only that one is lost.
        batch.with_user(self.marketer)._job_generate_chunk(batch.product_ids.ids)
        self.assertEqual((batch.done_count, batch.failed_count, batch.state), (2, 1, "done"))
        self.assertEqual(batch.piece_ids.product_tmpl_id, self.matte | self.creamy)
        self.assertIn(f"[{foreign.id}] Batom de outra loja", batch.failure_log)
