# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Variants written by the content addon's crew (offline provider), when it is installed:
neither addon depends on the other, the campaign calls the content crew's writer."""

import unittest

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..dispatch.placeholders import placeholders_in, render, unknown_placeholders
from .common import CampaignCase


@tagged("post_install", "-at_install")
class TestCampaignVariantsWrittenByAI(CampaignCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "chatwoot.content.crew" not in cls.env:
            raise unittest.SkipTest("the content addon writes the variants: not installed")

    def write_variants(self, campaign, count=3):
        campaign.ai_variant_count = count
        campaign.with_user(self.marketer).action_write_variants()
        return campaign.variant_ids

    def test_three_different_variants_with_valid_placeholders_and_their_ai_runs(self):
        campaign = self.make_campaign(ai_offer="10% em tudo", template_language="pt_BR")
        variants = self.write_variants(campaign)
        self.assertEqual(variants.mapped("name"), ["A", "B", "C"])
        texts = variants.mapped("message")
        self.assertEqual(len(set(texts)), 3, texts)
        for text in texts:
            self.assertEqual(unknown_placeholders(text), [], text)
            self.assertIn("{first_name}", text)
            self.assertIn("{coupon}", text)  # the campaign has a coupon
            self.assertIn("10% em tudo", text)
            self.assertIn("Promo", text)
        runs = variants.ai_run_id
        self.assertEqual(len(runs), 3)
        self.assertEqual(set(runs.mapped("provider")), {"offline"})
        self.assertEqual(set(runs.mapped("kind")), {"content"})
        self.assertEqual(runs.mapped("output"), texts)
        self.assertEqual(set(runs.mapped("company_id")), {campaign.company_id})

    def test_without_a_coupon_no_coupon_placeholder_and_spanish_on_request(self):
        campaign = self.make_campaign(
            coupon=False, ai_offer="envío gratis", template_language="es_419"
        )
        variants = self.write_variants(campaign, count=2)
        self.assertEqual(len(variants), 2)
        for text in variants.mapped("message"):
            self.assertNotIn("coupon", placeholders_in(text))
            self.assertIn("envío gratis", text)
        self.assertTrue(
            any(
                word in " ".join(variants.mapped("message")) for word in ("¡Hola", "¿ya", "Gracias")
            )
        )

    def test_written_variants_render_for_each_person_and_add_to_the_existing_ones(self):
        campaign = self.make_campaign(ai_offer="frete grátis")
        campaign.variant_ids = [(0, 0, {"name": "A", "message": "Oi {first_name}!"})]
        variants = self.write_variants(campaign, count=2)
        self.assertEqual(variants.mapped("name"), ["A", "B", "C"])
        message = self.env["chatwoot.campaign.message"]
        values = message._values(campaign, self.people[0])
        rendered = [render(message._text(campaign, v), values) for v in variants[1:]]
        for text in rendered:
            self.assertIn("Cliente", text)
            self.assertNotIn("{", text)

    def test_only_drafts_get_new_variants(self):
        campaign = self.launch(self.make_campaign())
        with self.assertRaises(UserError):
            campaign.action_write_variants()
