# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Version history: every change of a piece's body keeps the previous one, restorable."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.chatwoot_ai_base.tests.common import MANAGER_GROUP

from .common import ContentCase

EDITED = "Batom Matte Vermelho | Loja da Ana"


@tagged("post_install", "-at_install")
class TestVersions(ContentCase):
    def setUp(self):
        super().setUp()
        self.piece = self.Piece.with_user(self.marketer).generate(
            self.matte, ["seo_title"], "pt_BR"
        )
        self.first = self.piece.body
        self.first_run = self.piece.ai_run_id

    def test_an_edit_keeps_the_previous_body_with_its_author_and_run(self):
        self.piece.with_user(self.manager).write({"body": EDITED})
        (version,) = self.piece.version_ids
        self.assertEqual(
            (version.body, version.reason, version.ai_run_id, version.author_id),
            (self.first, "edit", self.first_run, self.marketer),
        )
        self.assertEqual(version.create_uid, self.manager)
        self.assertTrue(version.create_date)
        self.assertEqual(self.piece.author_id, self.manager)  # who wrote the current text
        self.assertEqual(self.piece.version_count, 1)

    def test_writing_the_same_body_or_other_fields_keeps_no_version(self):
        self.piece.with_user(self.marketer).write({"body": self.first})
        self.piece.with_user(self.marketer).write({"campaign_id": False, "language": "es_419"})
        self.assertFalse(self.piece.version_ids)

    def test_restore_brings_a_body_back_and_keeps_the_replaced_one(self):
        self.piece.with_user(self.marketer).write({"body": EDITED})
        self.piece.with_user(self.marketer).action_regenerate()
        regenerated = self.piece.body
        self.assertNotEqual(self.piece.ai_run_id, self.first_run)
        self.piece.with_user(self.manager).action_approve()
        edited = self.piece.version_ids.filtered(lambda v: v.reason == "regenerate")
        self.assertEqual(edited.body, EDITED)
        edited.with_user(self.marketer).action_restore()
        self.assertEqual(self.piece.body, EDITED)
        self.assertEqual(self.piece.state, "draft")  # to be reviewed again
        self.assertEqual(self.piece.ai_run_id, self.first_run)
        self.assertFalse(self.piece.review_reason)
        self.piece.invalidate_recordset(["version_ids"])
        self.assertEqual(self.piece.version_ids.mapped("reason"), ["restore", "regenerate", "edit"])
        self.assertEqual(self.piece.version_ids[0].body, regenerated)
        self.assertEqual(self.piece.version_ids[0].create_uid, self.marketer)

    def test_restored_text_is_validated_again(self):
        self.piece.with_user(self.marketer).write({"body": "Batom 99 horas"})
        self.piece.with_user(self.marketer).write({"body": EDITED})
        invented = self.piece.version_ids.filtered(lambda v: v.body == "Batom 99 horas")
        invented.with_user(self.marketer).action_restore()
        self.assertEqual(self.piece.body, "Batom 99 horas")
        self.assertIn("invented_number: 99", self.piece.review_reason)

    def test_rights_on_versions(self):
        self.piece.with_user(self.marketer).write({"body": EDITED})
        version = self.piece.version_ids
        Version = self.env["chatwoot.content.piece.version"]
        # Users read the history; nobody edits it; only Managers delete it.
        self.assertEqual(Version.with_user(self.agent).search([("id", "=", version.id)]), version)
        with self.assertRaises(AccessError):
            version.with_user(self.agent).action_restore()
        for user in (self.agent, self.marketer, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                version.with_user(user).write({"body": "x"})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Version.with_user(user).create({"piece_id": self.piece.id, "body": "x"})
        with self.assertRaises(AccessError):
            version.with_user(self.marketer).unlink()
        version.with_user(self.manager).unlink()
        self.assertFalse(version.exists())

    def test_versions_of_another_company_are_not_readable(self):
        self.piece.with_user(self.marketer).write({"body": EDITED})
        other = self.env["res.company"].create({"name": "Outra Loja"})
        outsider = new_test_user(
            self.env,
            login="cw_outsider",
            groups=f"base.group_user,{MANAGER_GROUP}",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        env = self.env(user=outsider, context=dict(self.env.context, allowed_company_ids=other.ids))
        Version = env["chatwoot.content.piece.version"]
        self.assertFalse(Version.search([("piece_id", "=", self.piece.id)]))
        with self.assertRaises(AccessError):
            self.piece.version_ids.with_env(env).read(["body"])

    def test_a_published_piece_cannot_be_restored(self):
        self.piece.with_user(self.marketer).write({"body": EDITED})
        self.piece.state = "published"
        with self.assertRaises(UserError):
            self.piece.version_ids.with_user(self.marketer).action_restore()
