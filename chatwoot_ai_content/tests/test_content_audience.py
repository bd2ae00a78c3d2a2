# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The language follows the audience: the dominant language of an analytics segment."""

import doctest

from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, tagged

from ..content import audience
from .common import ContentCase


class TestDominantLanguage(BaseCase):
    def test_doctests(self):
        self.assertEqual(doctest.testmod(audience).failed, 0)

    def test_what_customers_wrote_outweighs_their_contact_language(self):
        customers = [("pt_BR", {"es": 1}), ("pt_BR", {"es": 4, "pt": 1}), ("pt_BR", {})]
        self.assertEqual(audience.dominant_language(customers, "pt"), "es")

    def test_each_customer_counts_once_whatever_they_wrote(self):
        customers = [("en_US", {"en": 40}), ("es_AR", {}), ("es_419", {})]
        self.assertEqual(audience.dominant_language(customers, "pt"), "es")

    def test_a_tie_goes_to_the_brand_default(self):
        customers = [("en_US", {}), ("es_419", {})]
        self.assertEqual(audience.dominant_language(customers, "es"), "es")
        self.assertEqual(audience.dominant_language(customers, "pt"), "es")  # LANGUAGES order
        self.assertIsNone(audience.dominant_language([("fr_FR", {})], "pt"))


@tagged("post_install", "-at_install")
class TestAudienceLanguage(ContentCase):
    """A shop whose champions mostly read Spanish, and whose lost customers read Portuguese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("es_419", "es_AR", "pt_BR"):
            cls.env["res.lang"]._activate_lang(code)
        Partner = cls.env["res.partner"]
        population = [
            # (name, contact language, segment, cluster, comments)
            ("Lucía", "es_AR", "champions", 1, []),
            ("Mateo", "es_419", "champions", 1, []),
            ("Valentina", "es_419", "champions", 2, []),
            # Her contact says Portuguese (the shop's default), but she writes in Spanish.
            ("Camila", "pt_BR", "champions", 2, ["¿Cuánto cuesta el labial? Gracias"]),
            ("Ana", "pt_BR", "champions", 3, []),
            ("John", "en_US", "champions", 3, []),
            ("Beatriz", "pt_BR", "lost", 3, ["Quanto custa o batom? Obrigada"]),
            ("Carlos", "pt_BR", "lost", 3, []),
            ("Pedro", "es_AR", "lost", 1, []),
        ]
        cls.account = cls.env["chatwoot.social.account"].create(
            {
                "name": "Loja da Ana IG",
                "platform": "instagram",
                "external_id": "1789000000",
                "access_token": "ig-token",
                "company_id": cls.company.id,
            }
        )
        comments = []
        for name, lang, segment, cluster, texts in population:
            partner = Partner.create({"name": name, "lang": lang})
            cls.env["chatwoot.customer.insight"].sudo().create(
                {
                    "company_id": cls.company.id,
                    "partner_id": partner.id,
                    "rfm_segment": segment,
                    "cluster": cluster,
                }
            )
            comments += [
                {
                    "account_id": cls.account.id,
                    "external_id": f"{name}-{index}",
                    "body": body,
                    "partner_id": partner.id,
                    "language": "es" if "¿" in body else "pt",
                }
                for index, body in enumerate(texts)
            ]
        cls.env["chatwoot.social.comment"].sudo().create(comments)
        cls.Crew = cls.env["chatwoot.content.crew"]

    def test_segment_language_is_what_most_of_its_customers_read(self):
        # Champions: 3 Spanish contacts + Camila, who writes Spanish = 4 of 6.
        self.assertEqual(self.Crew._audience_language(self.company, "champions"), "es_419")
        self.assertEqual(self.Crew._audience_language(self.company, "lost"), "pt_BR")
        self.assertEqual(self.Crew._audience_language(self.company, clusters=[1]), "es_419")
        self.assertEqual(self.Crew._audience_language(self.company, "lost", [3]), "pt_BR")
        self.assertIsNone(self.Crew._audience_language(self.company, "hibernating"))

    def test_generate_for_a_segment_writes_in_its_language(self):
        pieces = self.Piece.with_user(self.marketer).generate(
            self.matte, ["facebook_post", "short_description"], segment="champions"
        )
        self.assertEqual(set(pieces.mapped("language")), {"es_419"})
        self.assertEqual(set(pieces.ai_run_id.mapped("language")), {"es"})
        post = pieces.filtered(lambda p: p.kind == "facebook_post")
        spanish = self.Piece.generate(self.matte, ["facebook_post"], "es_419")
        self.assertEqual(post.body, spanish.body)
        self.assertIn("R$ 59,90", post.body)
        self.assertFalse(pieces.filtered("review_reason"))

    def test_explicit_language_wins_and_no_segment_keeps_the_brand_voice(self):
        english = self.Piece.generate(self.matte, ["seo_title"], "en_US", segment="champions")
        self.assertEqual(english.language, "en_US")
        # The contract's positional form is unchanged: the brand voice's language.
        default = self.Piece.generate(self.matte, ["seo_title"])
        self.assertEqual(default.language, "pt_BR")
        # An empty segment has no language: the brand voice's too.
        self.voice.default_language = "en_US"
        empty = self.Piece.generate(self.matte, ["seo_title"], segment="hibernating")
        self.assertEqual(empty.language, "en_US")

    def test_other_company_customers_do_not_count(self):
        other = self.env["res.company"].create({"name": "Outra Loja"})
        self.assertIsNone(self.Crew._audience_language(other, "champions"))

    def test_batch_for_a_segment_shows_and_uses_its_language(self):
        kinds = self.env["chatwoot.content.kind"].search([("code", "=", "instagram_caption")])
        batch = (
            self.env["chatwoot.content.batch"]
            .with_user(self.marketer)
            .create(
                {
                    "name": "Campeões",
                    "product_ids": [(6, 0, (self.matte | self.creamy).ids)],
                    "kind_ids": [(6, 0, kinds.ids)],
                    "target_segment": "champions",
                }
            )
        )
        self.assertEqual(batch.audience_language, "es_419")
        batch.action_start()
        self.run_content_jobs()
        self.assertEqual(batch.state, "done")
        self.assertEqual(len(batch.piece_ids), 2)
        self.assertEqual(set(batch.piece_ids.mapped("language")), {"es_419"})
        batch.target_clusters = "3"
        self.assertEqual(batch.audience_language, "pt_BR")  # Ana and John: the brand breaks the tie
        with self.assertRaises(ValidationError):
            batch.target_clusters = "3, dois"
