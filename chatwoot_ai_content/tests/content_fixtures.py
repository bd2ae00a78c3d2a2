# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plain product facts shared by the pure tests of the content crew."""

from odoo.addons.chatwoot_ai_base.ai.formatting import format_price

from ..content.facts import BrandVoice, ProductFacts, Promotion
from ..content.writer import OfflineWriter

WRITER = OfflineWriter(format_price)
VOICE = BrandVoice(avoid_words=("barato",))
MATTE = ProductFacts(
    key="7",
    name="Batom Matte Vermelho",
    category="Batons",
    description="Acabamento matte que não transfere. Fórmula com manteiga de karité.",
    attributes=(("Cor", ("Vermelho", "Nude")),),
    price=59.9,
    company="Loja da Ana",
    knowledge=("Frete grátis acima de R$ 199,00",),
    link="https://loja.example.com/shop/batom-7",
)
CREAMY = ProductFacts(
    key="8",
    name="Batom Cremoso Rosa",
    category="Batons",
    description="Textura cremosa e confortável.",
    attributes=(("Cor", ("Rosa",)),),
    price=49.9,
    company="Loja da Ana",
)
OFFER = ProductFacts(
    key="7",
    name="Batom Matte Vermelho",
    category="Batons",
    price=59.9,
    company="Loja da Ana",
    promotion=Promotion(old_price=79.9, new_price=59.9, campaign="Black Friday"),
)
