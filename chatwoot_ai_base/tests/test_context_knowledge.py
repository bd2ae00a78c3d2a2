# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Business knowledge and the business profile the agent is given, per company."""

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ChatwootAICase


@tagged("post_install", "-at_install")
class TestContextKnowledge(ChatwootAICase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Loja Vizinha"})
        Knowledge = cls.env["chatwoot.knowledge"]
        cls.shipping = Knowledge.create(
            {
                "name": "Frete zefirano e prazos",
                "category": "shipping",
                "keywords": "entrega correios sedex",
                "content": "Entregamos em 2 a 4 dias úteis no Sudeste.",
            }
        )
        cls.payment = Knowledge.create(
            {
                "name": "Pagamento zefirano",
                "category": "payment",
                "keywords": "pix cartão parcelar boleto",
                "content": "Pix com 5% de desconto ou cartão em até 6x.",
            }
        )
        cls.other_shipping = Knowledge.create(
            {
                "name": "Frete zefirano para Portugal",
                "category": "shipping",
                "keywords": "entrega",
                "content": "Enviamos para Portugal em 15 dias.",
                "company_id": cls.other_company.id,
            }
        )
        cls.Context = cls.env["chatwoot.context"]

    def titles(self, query, company=None, limit=3):
        hits = self.Context._search_knowledge(query, company or self.company, limit=limit)
        return [hit["title"] for hit in hits]

    def test_a_word_resembling_a_title_is_not_an_answer(self):
        # "Alô" shares trigrams with "Halo" (score 0.075 by similarity alone): similar, but not
        # the subject, so it must not come back as the shop's answer to a greeting.
        self.env["chatwoot.knowledge"].create(
            {"name": "Halo zefirano", "category": "faq", "content": "Um brilho suave."}
        )
        self.assertNotIn("Halo zefirano", self.titles("Alô?", limit=10))
        self.assertEqual(self.titles("o halo zefirano")[0], "Halo zefirano")

    def test_finds_the_entry_by_keyword_title_and_content(self):
        hits = self.Context._search_knowledge("Qual o prazo de entrega zefirano?", self.company)
        self.assertEqual(hits[0]["title"], "Frete zefirano e prazos")
        self.assertEqual(hits[0]["category"], "shipping")
        self.assertIn("2 a 4 dias", hits[0]["content"])
        self.assertGreater(hits[0]["score"], 0)
        self.assertEqual(self.titles("posso parcelar no cartao zefirano?")[0], "Pagamento zefirano")

    def test_spanish_and_english_questions_find_portuguese_entries(self):
        self.assertEqual(
            self.titles("How long does shipping take? zefirano")[0], "Frete zefirano e prazos"
        )
        self.assertEqual(self.titles("¿Puedo pagar con tarjeta? zefirano")[0], "Pagamento zefirano")

    def test_typo_in_the_title_still_matches(self):
        self.assertIn("Pagamento zefirano", self.titles("pagamentto zefirano"))

    def test_knowledge_is_isolated_per_company(self):
        self.assertNotIn("Frete zefirano para Portugal", self.titles("frete zefirano", limit=10))
        titles = self.titles("frete zefirano", company=self.other_company, limit=10)
        self.assertEqual(titles, ["Frete zefirano para Portugal"])
        visible = self.env["chatwoot.knowledge"].with_user(self.agent).search([])
        self.assertIn(self.shipping, visible)
        self.assertNotIn(self.other_shipping, visible)

    def test_agents_read_and_managers_edit(self):
        with self.assertRaises(AccessError):
            self.shipping.with_user(self.agent).write({"content": "Grátis sempre"})
        self.shipping.with_user(self.manager).write({"keywords": "entrega frete"})
        with self.assertRaises(AccessError):
            self.shipping.with_user(self.employee).read(["content"])

    def test_cached_results_follow_writes(self):
        self.assertEqual(self.titles("garantia"), [])
        entry = self.env["chatwoot.knowledge"].create(
            {"name": "Garantia dos produtos", "category": "faq", "content": "Um ano de garantia."}
        )
        self.assertEqual(self.titles("garantia"), ["Garantia dos produtos"])
        entry.content = "Dois anos de garantia."
        hits = self.Context._search_knowledge("garantia", self.company)
        self.assertEqual(hits[0]["content"], "Dois anos de garantia.")
        hits[0]["content"] = "changed by a caller"  # callers get copies, not the cache
        hits = self.Context._search_knowledge("garantia", self.company)
        self.assertEqual(hits[0]["content"], "Dois anos de garantia.")
        entry.active = False
        self.assertEqual(self.titles("garantia"), [])


@tagged("post_install", "-at_install")
class TestContextBusinessProfile(ChatwootAICase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Loja Sem Perfil"})
        cls.Profile = cls.env["chatwoot.business.profile"]

    def test_default_profile_without_a_record(self):
        profile = self.Profile._profile_for(self.company)
        self.assertEqual(profile.company_name, "Loja Sem Perfil")
        self.assertEqual(profile.segment, "retail")
        self.assertEqual(profile.forbidden_topics, ())
        self.assertEqual(profile.currency, self.company.currency_id.name)

    def test_profile_record_is_used_and_cache_follows_writes(self):
        self.assertEqual(self.Profile._profile_for(self.company).segment, "retail")
        record = self.Profile.create(
            {
                "company_id": self.company.id,
                "segment": "cosmetics",
                "tone": "simpática",
                "forbidden_topics": "diagnóstico médico\n\n  política  \n",
                "escalation_rules": "procon\nreclame aqui",
                "default_language": "es",
                "human_hours": "seg-sex 9h-18h",
            }
        )
        profile = self.Profile._profile_for(self.company)
        self.assertEqual(profile.segment, "cosmetics")
        self.assertEqual(profile.forbidden_topics, ("diagnóstico médico", "política"))
        self.assertEqual(profile.escalation_rules, ("procon", "reclame aqui"))
        self.assertEqual(profile.default_language, "es")
        record.segment = "health"
        self.assertEqual(self.Profile._profile_for(self.company).segment, "health")

    def test_one_profile_per_company(self):
        self.Profile.create({"company_id": self.company.id})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self.Profile.create({"company_id": self.company.id})
