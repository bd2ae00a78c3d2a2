# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The offline writer and the validator, on plain facts (no database)."""

import doctest
import re

from odoo.tests import BaseCase

from odoo.addons.chatwoot_ai_base.ai.language import detect_language

from ..content import briefs, crew, facts, text, validators, writer
from ..content.constants import KINDS, LIMITS
from ..content.palette import brand_palette
from .content_fixtures import CREAMY, MATTE, OFFER, VOICE, WRITER

LANGUAGES = ("pt", "es", "en")
PRICES = {"pt": "R$ 59,90", "es": "R$ 59,90", "en": "R$59.90"}


def _briefs():
    return [briefs.build_brief(f, brand_palette(["#C2185B"])) for f in briefs.FORMATS]


class TestOfflineWriter(BaseCase):
    def compose(self, kind, product=MATTE, language="pt"):
        return WRITER.compose(kind, product, VOICE, language, _briefs())

    def test_every_kind_and_language_is_valid_within_limits(self):
        for language in LANGUAGES:
            for kind in KINDS:
                with self.subTest(language=language, kind=kind):
                    body = self.compose(kind, language=language)
                    self.assertTrue(body.strip())
                    if LIMITS.get(kind):
                        self.assertLessEqual(len(body), LIMITS[kind])
                    issues = validators.validate(
                        kind, body, MATTE, VOICE, extra_numbers=_brief_numbers()
                    )
                    self.assertEqual(issues, [], body)

    def test_name_and_real_price_appear_in_selling_texts(self):
        for language in LANGUAGES:
            for kind in ("long_description", "instagram_caption", "facebook_post", "email_body"):
                body = self.compose(kind, language=language)
                self.assertIn("Batom Matte Vermelho", body)
                self.assertIn(PRICES[language], body, (kind, language))

    def test_two_products_of_one_category_get_different_text(self):
        for kind in KINDS:
            first = self.compose(kind)
            second = self.compose(kind, CREAMY)
            self.assertNotEqual(first, second)
            # not just the name swapped
            swapped = first.replace(MATTE.name, CREAMY.name)
            self.assertNotEqual(swapped, second, kind)

    def test_each_language_reads_as_that_language_not_word_for_word(self):
        product_text = MATTE.source_text()
        for kind in ("long_description", "facebook_post", "instagram_caption", "email_body"):
            own_lines = {}
            for language in LANGUAGES:
                body = self.compose(kind, language=language)
                # The lines the writer wrote itself (not copied from the product's data).
                lines = [
                    line
                    for line in body.splitlines()
                    if line.strip()
                    and line.strip("• .") not in product_text
                    and not line.startswith("#")
                ]
                own_lines[language] = set(lines)
                self.assertEqual(detect_language(" ".join(lines), default="xx"), language, kind)
            self.assertFalse(own_lines["pt"] & own_lines["es"], kind)
            self.assertFalse(own_lines["pt"] & own_lines["en"], kind)

    def test_whatsapp_uses_the_first_name_template_variable(self):
        for language in LANGUAGES:
            self.assertIn("{{1}}", self.compose("whatsapp_broadcast", language=language))

    def test_instagram_hashtags_come_from_the_product(self):
        body = self.compose("instagram_caption")
        tags = re.findall(r"#(\w+)", body)
        self.assertIn("batom", tags)
        self.assertIn("nude", tags)
        self.assertLessEqual(len(tags), 30)

    def test_bullets_are_three_to_five(self):
        for product in (MATTE, CREAMY, OFFER):
            lines = self.compose("bullets", product).splitlines()
            self.assertTrue(3 <= len(lines) <= 5, lines)
            self.assertTrue(all(line.startswith("• ") for line in lines))

    def test_promotion_states_old_and_new_prices_and_the_discount(self):
        for language, old, new in (
            ("pt", "R$ 79,90", "R$ 59,90"),
            ("es", "R$ 79,90", "R$ 59,90"),
            ("en", "R$79.90", "R$59.90"),
        ):
            body = self.compose("facebook_post", OFFER, language)
            self.assertIn(old, body)
            self.assertIn(new, body)
            self.assertIn("25%", body)
            self.assertIn("Black Friday", body)
            self.assertEqual(validators.validate("facebook_post", body, OFFER, VOICE), [])

    def test_seo_title_and_subject_stay_short_with_a_long_name(self):
        long_name = facts.ProductFacts(key="9", name="Kit " + "Maquiagem Completa " * 6, price=10)
        for kind in ("seo_title", "email_subject", "meta_description", "short_description"):
            self.assertLessEqual(len(WRITER.compose(kind, long_name, VOICE, "pt")), LIMITS[kind])

    def test_image_brief_gives_each_format_and_its_safe_zone(self):
        body = self.compose("image_brief", language="en")
        for size in ("1080×1080", "1080×1350", "1080×1920", "1200×628"):
            self.assertIn(size, body)
        self.assertIn("250px top", body)
        self.assertIn("Text in #FFFFFF", body)


def _brief_numbers():
    numbers = []
    for brief in _briefs():
        numbers += [brief["width"], brief["height"], *brief["safe_zone"].values()]
    return numbers


class TestValidator(BaseCase):
    def codes(self, kind, body, product=MATTE):
        return [issue.code for issue in validators.validate(kind, body, product, VOICE)]

    def test_invented_number_price_and_size_are_caught(self):
        self.assertEqual(self.codes("short_description", "Dura 12 horas."), ["invented_number"])
        self.assertEqual(self.codes("short_description", "Só R$ 39,90!"), ["invented_number"])
        self.assertEqual(self.codes("short_description", "Tamanho XL"), ["invented_claim"])

    def test_real_numbers_in_any_local_format_pass(self):
        self.assertEqual(self.codes("short_description", "Por R$ 59,90 ou $59.90."), [])
        self.assertEqual(self.codes("short_description", "Frete grátis acima de 199."), [])

    def test_invented_ingredient_is_caught_and_a_real_one_passes(self):
        self.assertEqual(self.codes("long_description", "Com colágeno."), ["invented_claim"])
        self.assertEqual(self.codes("long_description", "Com manteiga de karité."), [])

    def test_avoided_word_and_length_and_hashtags(self):
        self.assertEqual(self.codes("short_description", "Batom barato!"), ["avoided_word"])
        self.assertEqual(self.codes("seo_title", "Batom " * 20), ["too_long"])
        self.assertEqual(
            self.codes("instagram_caption", "Lindo #batom #viagem"), ["irrelevant_hashtag"]
        )
        many = " ".join(f"#batom{'a' * i}" for i in range(31))
        self.assertIn("too_many_hashtags", self.codes("instagram_caption", many))

    def test_template_variables_and_urls_are_not_numbers(self):
        body = "Olá, {{1}}! Veja https://loja.example.com/p/123"
        self.assertEqual(self.codes("whatsapp_broadcast", body), [])


class TestCrew(BaseCase):
    def test_offline_crew_returns_valid_pieces_with_token_estimates(self):
        content_crew = crew.ContentCrew(WRITER, VOICE)
        result = content_crew.compose("short_description", MATTE, "es")
        self.assertEqual(result.issues, [])
        self.assertEqual(result.attempts, 1)
        self.assertGreater(result.tokens_in, 0)
        self.assertIn("Batom Matte Vermelho", result.prompt)

    def test_doctests(self):
        for module in (text, validators, facts, writer, briefs):
            result = doctest.testmod(module)
            self.assertEqual(result.failed, 0, module.__name__)
