# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Review and approval rights, and Apply to Product with its diff."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ContentCase


@tagged("post_install", "-at_install")
class TestReview(ContentCase):
    def setUp(self):
        super().setUp()
        self.piece = self.Piece.with_user(self.marketer).generate(
            self.matte, ["short_description"], "pt_BR"
        )

    def test_marketer_submits_and_only_a_manager_approves_when_required(self):
        self.piece.with_user(self.marketer).action_submit()
        self.assertEqual(self.piece.state, "review")
        with self.assertRaises(AccessError):
            self.piece.with_user(self.marketer).action_approve()
        self.assertEqual(self.piece.state, "review")
        self.piece.with_user(self.manager).action_approve()
        self.assertEqual(self.piece.state, "approved")
        self.assertEqual(self.piece.approved_by_id, self.manager)

    def test_marketer_approves_when_the_company_does_not_require_approval(self):
        self.voice.require_approval = False
        self.piece.with_user(self.marketer).action_submit()
        self.piece.with_user(self.marketer).action_approve()
        self.assertEqual(self.piece.state, "approved")
        self.assertEqual(self.piece.approved_by_id, self.marketer)

    def test_agent_reads_but_cannot_submit_edit_or_approve(self):
        as_agent = self.piece.with_user(self.agent)
        self.assertEqual(as_agent.body, self.piece.body)
        for action in (as_agent.action_submit, as_agent.action_approve):
            with self.assertRaises(AccessError):
                action()
        with self.assertRaises(AccessError):
            as_agent.write({"body": "outro texto"})
        self.assertEqual(self.piece.state, "draft")

    def test_submitting_an_edited_piece_records_the_validator_reason(self):
        self.piece.with_user(self.marketer).write({"body": "Batom que dura 24 horas!"})
        self.piece.with_user(self.marketer).action_submit()
        self.assertEqual(self.piece.review_reason, "invented_number: 24")

    def test_apply_to_product_shows_the_diff_and_records_who_applied(self):
        old = self.matte.description_sale
        with self.assertRaises(UserError):
            self.piece.with_user(self.marketer).action_apply_to_product()
        self.piece.with_user(self.manager).action_approve()
        action = self.piece.with_user(self.marketer).action_apply_to_product()
        wizard = self.env[action["res_model"]].with_user(self.marketer).browse(action["res_id"])
        self.assertEqual(wizard.target_field, "description_sale")
        self.assertEqual(wizard.old_value, old)
        self.assertEqual(wizard.new_value, self.piece.body)
        self.assertIn("table", wizard.diff)
        self.assertIn("Karit", wizard.diff.replace("karit", "Karit"))
        self.assertEqual(self.matte.description_sale, old, "nothing written before Apply")
        wizard.action_apply()
        # The piece is in Portuguese: the product's Portuguese text changes.
        self.assertEqual(self.matte.with_context(lang="pt_BR").description_sale, self.piece.body)
        self.assertEqual(self.piece.applied_by_id, self.marketer)
        self.assertTrue(self.piece.applied_date)
        self.assertIn(self.marketer.name, self.matte.message_ids[0].body)

    def test_seo_title_has_no_target_without_the_website_shop(self):
        piece = self.Piece.generate(self.matte, ["seo_title"], "pt_BR")
        piece.with_user(self.manager).action_approve()
        action = piece.with_user(self.marketer).action_apply_to_product()
        wizard = self.env[action["res_model"]].browse(action["res_id"])
        if "website_meta_title" in self.matte._fields:
            self.skipTest("website_sale is installed: the SEO title has a field")
        with self.assertRaises(UserError):
            wizard.with_user(self.marketer).action_apply()
