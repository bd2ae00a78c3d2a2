# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One person across channels: social identities on ``chatwoot.contact`` and the merge
suggestions a manager accepts (Odoo's partner merge) or rejects."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SocialCase


@tagged("post_install", "-at_install")
class TestSocialIdentities(SocialCase):
    def identities(self, partner):
        return {
            (identity.identity_type, identity.value, identity.social_account_id)
            for identity in self.env["chatwoot.contact"].search([("partner_id", "=", partner.id)])
        }

    def test_instagram_author_is_known_by_igsid_and_username(self):
        Contact = self.env["chatwoot.contact"]
        partner = Contact._match_social_author(self.instagram, "17850001", "bia.rocha")
        self.assertEqual(
            self.identities(partner),
            {
                ("instagram", "17850001", self.instagram),
                ("instagram_username", "bia.rocha", self.instagram),
            },
        )
        self.assertEqual(partner.name, "bia.rocha")
        identity = Contact.search([("partner_id", "=", partner.id)], limit=1)
        self.assertEqual(identity.company_id, self.instagram.company_id)
        self.assertFalse(identity.account_id, "a social identity needs no Chatwoot account")
        # The same IGSID again is the same person, whatever name it shows now.
        self.assertEqual(Contact._match_social_author(self.instagram, "17850001", "Bia"), partner)

    def test_facebook_and_mercadolivre_authors_get_their_kinds(self):
        Contact = self.env["chatwoot.contact"]
        ml = self.env["chatwoot.social.account"].create(
            {"name": "Loja Bela ML", "platform": "mercadolivre", "external_id": "123456789"}
        )
        fb_partner = Contact._match_social_author(self.page, "6011223344", "Caio Lima")
        ml_partner = Contact._match_social_author(ml, "98765", "CAIOLIMA22")
        self.assertEqual(self.identities(fb_partner), {("facebook", "6011223344", self.page)})
        self.assertEqual(self.identities(ml_partner), {("mercadolivre", "98765", ml)})
        self.assertNotEqual(fb_partner, ml_partner, "different channels are never merged silently")

    def test_identity_kinds_cover_every_channel(self):
        kinds = dict(self.env["chatwoot.contact"]._fields["identity_type"].selection)
        for kind in (
            "chatwoot",
            "email",
            "phone",
            "whatsapp",
            "bsuid",
            "facebook",
            "instagram",
            "instagram_username",
            "mercadolivre",
        ):
            self.assertIn(kind, kinds)


@tagged("post_install", "-at_install")
class TestMergeSuggestions(SocialCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Suggestion = cls.env["chatwoot.identity.suggestion"]
        Partner = cls.env["res.partner"]
        cls.first = Partner.create(
            {"name": "Paula Reis", "phone": "+55 31 98888-1234", "city": "Belo Horizonte"}
        )
        cls.second = Partner.create({"name": "Paula R.", "phone": "+55 (31) 98888.1234"})

    def pair(self, first, second):
        return self.Suggestion.search(
            [
                ("partner_id", "in", (first | second).ids),
                ("duplicate_id", "in", (first | second).ids),
            ]
        )

    def test_same_phone_is_suggested_with_its_evidence_and_score(self):
        self.Suggestion._cron_suggest_merges()
        suggestion = self.pair(self.first, self.second)
        self.assertEqual(len(suggestion), 1)
        self.assertEqual(suggestion.evidence, "phone")
        self.assertEqual(suggestion.evidence_value, "+5531988881234")
        self.assertEqual(suggestion.score, 0.9)
        self.assertEqual(suggestion.state, "pending")
        self.assertEqual(suggestion.partner_id, self.first, "the older partner is kept")
        # The job runs every night: the pair stays one suggestion.
        self.Suggestion._cron_suggest_merges()
        self.assertEqual(len(self.pair(self.first, self.second)), 1)

    def test_same_email_and_same_name_and_city_are_evidence(self):
        Partner = self.env["res.partner"]
        by_mail = Partner.create({"name": "Tati", "email": "Tati.Gomes@Example.com"})
        by_mail_2 = Partner.create({"name": "Tatiana Gomes", "email": "tati.gomes@example.com"})
        by_name = Partner.create({"name": "Otávio Nunes", "city": "Recife"})
        by_name_2 = Partner.create({"name": " otávio nunes ", "city": "RECIFE"})
        homonym = Partner.create({"name": "Otávio Nunes", "city": "Natal"})
        self.Suggestion._cron_suggest_merges()
        self.assertEqual(self.pair(by_mail, by_mail_2).evidence, "email")
        name_city = self.pair(by_name, by_name_2)
        self.assertEqual((name_city.evidence, name_city.score), ("name_city", 0.6))
        self.assertFalse(self.pair(by_name, homonym), "same name in another city is no evidence")

    def test_more_evidence_raises_the_score(self):
        suggestion = self.Suggestion._suggest(self.first, self.second, "name_city", "paula, bh")
        self.assertEqual(suggestion.score, 0.6)
        again = self.Suggestion._suggest(self.second, self.first, "bsuid_moved", "BR.1")
        self.assertEqual(again, suggestion, "(a, b) and (b, a) are one suggestion")
        self.assertEqual(suggestion.score, 0.92)
        self.assertEqual(len(suggestion.evidence_note.splitlines()), 2)

    def test_contacts_of_one_company_and_users_are_not_suggested(self):
        Partner = self.env["res.partner"]
        company = Partner.create({"name": "Loja X", "is_company": True, "phone": "+5541933330000"})
        employee = Partner.create(
            {"name": "Ana da Loja X", "parent_id": company.id, "phone": "+5541933330000"}
        )
        colleague = Partner.create(
            {"name": "Bruno da Loja X", "parent_id": company.id, "email": "loja@x.example"}
        )
        boss = Partner.create(
            {"name": "Carla da Loja X", "parent_id": company.id, "email": "loja@x.example"}
        )
        user_twin = Partner.create({"name": "Manager Twin", "email": self.manager.email})
        self.Suggestion._cron_suggest_merges()
        self.assertFalse(self.pair(company, employee))
        self.assertFalse(self.pair(colleague, boss))
        self.assertFalse(self.pair(user_twin, self.manager.partner_id))

    def test_rejected_pair_is_not_suggested_again(self):
        self.Suggestion._cron_suggest_merges()
        suggestion = self.pair(self.first, self.second)
        suggestion.with_user(self.manager).action_reject()
        self.assertEqual((suggestion.state, suggestion.decided_by_id), ("rejected", self.manager))
        self.Suggestion._cron_suggest_merges()
        self.assertEqual(self.pair(self.first, self.second), suggestion)
        self.assertEqual(suggestion.state, "rejected")
        self.assertTrue(self.first.exists() and self.second.exists())

    def test_accepting_merges_the_partners_and_their_identities(self):
        Contact = self.env["chatwoot.contact"]
        Contact._remember_social(self.instagram, self.second, "instagram", "1785555", "paula")
        Contact._remember_social(self.whatsapp, self.first, "bsuid", "BR.5531", "Paula")
        suggestion = self.Suggestion._suggest(self.first, self.second, "phone", "+5531988881234")
        other = self.env["res.partner"].create({"name": "Paula Reis", "city": "Belo Horizonte"})
        chained = self.Suggestion._suggest(self.second, other, "name_city", "paula reis, bh")
        suggestion.with_user(self.manager).action_accept()
        self.assertEqual(suggestion.state, "accepted")
        self.assertEqual(suggestion.decided_by_id, self.manager)
        self.assertFalse(self.second.exists(), "Odoo's merge removed the duplicate")
        self.assertEqual(suggestion.duplicate_name, "Paula R.")
        kinds = set(Contact.search([("partner_id", "=", self.first.id)]).mapped("identity_type"))
        self.assertEqual(kinds, {"instagram", "bsuid"})
        self.assertEqual(
            {chained.partner_id, chained.duplicate_id}, {self.first, other}, "still to decide"
        )

    def test_only_managers_decide(self):
        suggestion = self.Suggestion._suggest(self.first, self.second, "phone", "+5531988881234")
        with self.assertRaises(AccessError):
            suggestion.with_user(self.marketer).action_accept()
        with self.assertRaises(AccessError):
            suggestion.with_user(self.marketer).action_reject()
        self.assertEqual(suggestion.state, "pending")
        self.assertTrue(self.second.exists())
        self.assertTrue(suggestion.with_user(self.marketer).read(["score"]), "marketers read")
