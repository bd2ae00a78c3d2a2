# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure tests of the AI package's text layer: language detection, prices, doctests."""

import doctest
import subprocess
import sys
from pathlib import Path

from odoo.tests import BaseCase

from ..ai import (
    _crewai,
    answers,
    context,
    formatting,
    hub,
    intents,
    language,
    settings,
    templates,
    text,
)
from ..ai import agent as agent_module
from ..ai.formatting import currency_symbol, format_price
from ..ai.language import detect_language
from ..search import text as search_text

# Short chat messages as customers write them: typos, missing accents, 2 to 8 words.
SAMPLES = {
    "pt": [
        "quanto custa o batom?",
        "vocês tem esse em estoque?",
        "obrigado!",
        "oi, tudo bem?",
        "cadê meu pedido",
        "qual o prazo de entrega?",
        "vcs fazem troca?",
        "nao chegou ainda",
        "bom dia",
        "quero comprar dois",
        "tem na cor vermelha?",
        "qual o valor do frete",
        "meu pedido veio errado",
        "posso parcelar no cartão?",
        "aceitam pix?",
        "muito obrigada pela ajuda",
        "já foi enviado?",
        "vocês entregam em Recife?",
        "qual o horário da loja",
        "preciso de ajuda com minha compra",
        "esse produto é bom?",
        "não gostei do produto",
        "quero falar com uma pessoa",
        "boa noite, vocês estão abertos?",
        "tem tamanho M?",
        "valeu, até mais",
        "qual o código de rastreio",
        "ainda tem desse?",
        "gostaria de trocar o tamanho",
        "a entrega demora quanto tempo?",
        "o que vocês recomendam pra pele oleosa",
        "tô esperando até hoje",
    ],
    "es": [
        "¿cuánto cuesta el labial?",
        "¿tienen este en stock?",
        "muchas gracias",
        "hola, ¿qué tal?",
        "¿dónde está mi pedido?",
        "¿cuál es el plazo de entrega?",
        "¿hacen cambios?",
        "todavía no llegó",
        "buenos días",
        "quiero comprar dos",
        "¿lo tienen en rojo?",
        "¿cuánto sale el envío?",
        "mi pedido llegó mal",
        "¿puedo pagar en cuotas?",
        "¿aceptan tarjeta?",
        "gracias por la ayuda",
        "¿ya fue enviado?",
        "¿hacen envíos a Córdoba?",
        "¿cuál es el horario de la tienda?",
        "necesito ayuda con mi compra",
        "¿este producto es bueno?",
        "no me gustó el producto",
        "quiero hablar con una persona",
        "buenas noches, ¿están abiertos?",
        "¿tienen talla M?",
        "vale, hasta luego",
        "¿cuál es el código de seguimiento?",
        "¿todavía hay de esos?",
        "quisiera cambiar la talla",
        "¿cuánto tarda la entrega?",
        "¿qué me recomiendan para piel grasa?",
        "sigo esperando hasta hoy",
    ],
    "en": [
        "how much is the lipstick?",
        "do you have this in stock?",
        "thanks!",
        "hi, how are you?",
        "where is my order?",
        "what is the delivery time?",
        "do you do exchanges?",
        "it still hasn't arrived",
        "good morning",
        "i want to buy two",
        "do you have it in red?",
        "how much is shipping?",
        "my order arrived wrong",
        "can i pay in installments?",
        "do you accept cards?",
        "thank you for the help",
        "has it shipped yet?",
        "do you ship to Texas?",
        "what are your store hours?",
        "i need help with my purchase",
        "is this product good?",
        "i didn't like the product",
        "i want to talk to a person",
        "good evening, are you open?",
        "do you have size M?",
        "ok, see you later",
        "what's the tracking code?",
        "do you still have these?",
        "i would like to change the size",
        "how long does delivery take?",
        "what do you recommend for oily skin",
        "still waiting for it today",
    ],
}
# Short texts are hard: the floor leaves room for a few misses, never for a broken detector.
ACCURACY_FLOOR = 0.9


class TestDoctests(BaseCase):
    def test_doctests(self):
        modules = (
            answers,
            context,
            formatting,
            hub,
            intents,
            language,
            settings,
            templates,
            text,
            agent_module,
            _crewai,
        )
        for module in modules:
            result = doctest.testmod(module)
            self.assertGreater(result.attempted, 0, module.__name__)
            self.assertEqual(result.failed, 0, module.__name__)


class TestDetectLanguage(BaseCase):
    def test_each_language_is_detected_above_the_floor(self):
        for expected, samples in SAMPLES.items():
            self.assertGreaterEqual(len(samples), 30)
            # The default is another language, so a text without cues counts as a miss.
            default = "en" if expected != "en" else "pt"
            misses = [s for s in samples if detect_language(s, default=default) != expected]
            accuracy = 1 - len(misses) / len(samples)
            self.assertGreaterEqual(accuracy, ACCURACY_FLOOR, f"{expected}: {misses}")

    def test_letters_only_one_language_uses_decide(self):
        self.assertEqual(detect_language("ação", default="en"), "pt")
        self.assertEqual(detect_language("¿y?", default="pt"), "es")
        self.assertEqual(detect_language("mañana", default="pt"), "es")

    def test_no_cue_returns_the_default(self):
        for default in ("pt", "es", "en"):
            self.assertEqual(detect_language("S00012", default=default), default)
            self.assertEqual(detect_language("", default=default), default)
        self.assertEqual(detect_language("👍", default="xx"), "pt")


class TestFormatPrice(BaseCase):
    def test_brazilian_reais(self):
        self.assertEqual(format_price(59.9), "R$ 59,90")
        self.assertEqual(format_price(1234.56, "BRL", "pt"), "R$ 1.234,56")
        self.assertEqual(format_price(1234567.891, "BRL", "pt"), "R$ 1.234.567,89")
        self.assertEqual(format_price(0, "BRL", "pt"), "R$ 0,00")
        self.assertEqual(format_price(-5.5, "BRL", "pt"), "-R$ 5,50")

    def test_rounding_is_half_up_not_binary(self):
        # 2.675 is 2.67499999... as a float; prices must still round like on paper.
        self.assertEqual(format_price(2.675, "BRL", "pt"), "R$ 2,68")
        self.assertEqual(format_price(0.125, "USD", "en"), "$0.13")

    def test_english(self):
        self.assertEqual(format_price(1234.56, "USD", "en"), "$1,234.56")
        self.assertEqual(format_price(59.9, "BRL", "en"), "R$59.90")
        self.assertEqual(format_price(10, "EUR", "en"), "€10.00")
        self.assertEqual(format_price(-3, "USD", "en"), "-$3.00")

    def test_spanish_per_currency(self):
        self.assertEqual(format_price(1234.56, "EUR", "es"), "1.234,56 €")
        self.assertEqual(format_price(1234.5, "ARS", "es"), "$ 1.234,50")
        self.assertEqual(format_price(1234.56, "MXN", "es"), "$1,234.56")
        self.assertEqual(format_price(15990, "CLP", "es"), "$ 15.990")
        self.assertEqual(format_price(45990.4, "COP", "es"), "$ 45.990")
        self.assertEqual(format_price(99.9, "PEN", "es"), "S/ 99,90")
        self.assertEqual(format_price(99.9, "UYU", "es"), "$U 99,90")
        self.assertEqual(format_price(20, "USD", "es"), "US$ 20,00")

    def test_symbols_and_missing_amounts(self):
        for code in ("BRL", "USD", "EUR", "ARS", "MXN", "CLP", "COP", "PEN", "UYU"):
            self.assertNotEqual(currency_symbol(code), code)
        self.assertEqual(currency_symbol("usd", "pt"), "US$")
        self.assertEqual(format_price(None), "")
        self.assertEqual(format_price(False), "")
        self.assertEqual(format_price(5, "XYZ", "pt"), "XYZ 5,00")


class TestOneNormaliser(BaseCase):
    def test_search_terms_are_the_shared_normaliser_without_apostrophes(self):
        for sample in SAMPLES["pt"] + ["Proteção SOLAR, FPS-50!", "I don't know", "Ñandú — ª º"]:
            with self.subTest(sample=sample):
                self.assertEqual(search_text.normalize(sample), text.normalise(sample, keep=""))
                self.assertEqual(
                    text.normalise(sample).replace("'", " ").split(),
                    search_text.normalize(sample).split(),
                )


class TestCrewaiPreload(BaseCase):
    def test_preload_imports_crewai_and_starts_no_thread(self):
        # In a fresh interpreter, as the prefork master before it forks: a thread left running
        # there would be missing (with its locks held) in every worker.
        code = (
            "import sys, threading; sys.path.insert(0, sys.argv[1]); from ai import _crewai; "
            "_crewai.preload(); from ai import offline_llm; "
            "print(sorted(m for m in ('crewai', 'ai.offline_llm') if m in sys.modules), "
            "[t.name for t in threading.enumerate()])"
        )
        addon = str(Path(_crewai.__file__).resolve().parent.parent)
        result = subprocess.run(
            [sys.executable, "-c", code, addon],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        self.assertEqual(result.stdout.strip(), "['ai.offline_llm', 'crewai'] ['MainThread']")
