# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""LGPD: a person's social data is exported and erased with the rest of their data."""

from odoo.tests import tagged

from .common import SocialCase


@tagged("post_install", "-at_install")
class TestSocialPersonalData(SocialCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.env["res.partner"].create({"name": "Lara Dias", "phone": "+5511944443333"})
        cls.other = cls.env["res.partner"].create({"name": "Lara D.", "phone": "+5511944443333"})
        cls.message = cls.env["chatwoot.social.message"]._ingest_whatsapp(
            cls.whatsapp,
            {
                "wamid": "wamid.LGPD1",
                "wa_id": "5511944443333",
                "user_id": "BR.LGPD",
                "name": "Lara",
                "timestamp": 1757000000,
                "body": "Quero cancelar minha compra",
            },
        )
        cls.comment = cls.env["chatwoot.social.comment"].create(
            {
                "account_id": cls.instagram.id,
                "external_id": "17900000000000077",
                "body": "Meu CPF é 123.456.789-00, cadê meu pedido?",
                "partner_id": cls.person.id,
            }
        )
        cls.stranger = cls.env["res.partner"].create({"name": "Bia Nunes"})
        cls.mention = cls.env["chatwoot.social.comment"].create(
            {
                "account_id": cls.instagram.id,
                "external_id": "17900000000000078",
                "body": "Lara Dias me indicou, o zap dela é +55 11 94444-3333",
                "partner_id": cls.stranger.id,
            }
        )
        cls.delivery = cls.env["chatwoot.social.event"].create(
            {
                "account_id": cls.whatsapp.id,
                "kind": "wa_message",
                "item_key": "whatsapp:wamid.LGPD1",
                "payload": '{"contacts": [{"wa_id": "5511944443333", '
                '"profile": {"name": "Lara Dias"}}], "text": "Quero cancelar minha compra"}',
                "state": "done",
            }
        )
        cls.suggestion = cls.env["chatwoot.identity.suggestion"]._suggest(
            cls.person, cls.other, "phone", "+5511944443333"
        )
        cls.PersonalData = cls.env["chatwoot.personal.data"].with_user(cls.manager)

    def test_export_holds_the_social_data(self):
        self.assertEqual(self.message.partner_id, self.person)
        document = self.PersonalData._export_partner(self.person)
        self.assertEqual(
            [row["body"] for row in document["whatsapp_messages"]], ["Quero cancelar minha compra"]
        )
        self.assertIn("cadê meu pedido", document["social_comments"][0]["body"])
        self.assertEqual(len(document["merge_suggestions"]), 1)
        self.assertIn("BR.LGPD", [row["value"] for row in document["identities"]])

    def test_erasure_removes_the_social_data(self):
        counts, _chatwoot, mentions = self.PersonalData._erase_partner(self.person)
        self.assertFalse(self.message.exists())
        self.assertFalse(self.comment.exists())
        self.assertFalse(self.suggestion.exists())
        self.assertEqual(counts["chatwoot.social.message"], 1)
        self.assertEqual(counts["chatwoot.social.comment"], 1)
        self.assertFalse(
            self.env["chatwoot.contact"].search([("value", "=", "BR.LGPD")]),
            "the channel identities go too",
        )
        self.assertTrue(self.other.exists(), "the other customer is not touched")

    def test_erasure_scrubs_the_person_from_other_social_texts(self):
        _counts, _chatwoot, mentions = self.PersonalData._erase_partner(self.person)
        self.assertTrue(self.mention.exists(), "someone else's comment stays")
        self.assertNotIn("Lara Dias", self.mention.body)
        self.assertNotIn("94444-3333", self.mention.body)
        self.assertIn("me indicou", self.mention.body)
        self.assertNotIn("5511944443333", self.delivery.payload)
        self.assertNotIn("Lara Dias", self.delivery.payload)
        self.assertGreaterEqual(mentions["chatwoot.social.comment"], 1)
        self.assertGreaterEqual(mentions["chatwoot.social.event"], 1)
