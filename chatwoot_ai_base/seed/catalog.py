# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shop's catalog: categories, attributes, ~200 product templates and their variants.

The catalog does not depend on the seed: every scale and seed shares the same products, so
a database can hold several seeded shops without duplicating the catalog. Money is in
integer cents and every price is a multiple of 10 cents (see :mod:`.seasons`).
"""

import itertools
import random
from dataclasses import dataclass, field

#: Category key -> (display name, default-code prefix).
CATEGORIES = {
    "cosmeticos": ("Cosméticos", "COS"),
    "maquiagem": ("Maquiagem", "MAQ"),
    "cabelos": ("Cabelos", "CAB"),
    "perfumaria": ("Perfumaria", "PER"),
    "moda_feminina": ("Moda Feminina", "MFE"),
    "moda_masculina": ("Moda Masculina", "MMA"),
    "calcados": ("Calçados", "CAL"),
    "acessorios": ("Acessórios", "ACE"),
}
ROOT_CATEGORY = "Loja Bela"

COLOR, SIZE, VOLUME = "Cor", "Tamanho", "Volume"
ATTRIBUTES = (COLOR, SIZE, VOLUME)

LIP = ("Vermelho Paixão", "Nude Rosado", "Rosa Chá", "Vinho", "Coral", "Malva")
SKIN = ("Clara 10", "Clara 20", "Média 30", "Média 40", "Morena 50", "Negra 60")
EYE = ("Preto", "Marrom", "Azul Noite")
FASHION = ("Preto", "Branco", "Azul Marinho", "Bege", "Verde Oliva", "Terracota", "Rosa")
SIZES = ("P", "M", "G", "GG")
WOMEN_SHOES = ("34", "35", "36", "37", "38", "39")
MEN_SHOES = ("38", "39", "40", "41", "42", "43")

BEAUTY_BRANDS = ("Bela Pele", "Aurora", "Flor de Lis", "Tropicália", "Maré Alta")
HAIR_BRANDS = ("Aurora", "Tropicália", "Maré Alta", "Flor de Lis")
PERFUME_BRANDS = ("Essência Bela", "Ateliê Jasmim", "Maison Caju")
FASHION_BRANDS = ("Lume", "Brisa", "Casa Ipê", "Vento Sul")
#: Brands are priced differently; factors keep the catalog from looking templated.
BRAND_PRICE_FACTOR = {
    "Bela Pele": 1.0,
    "Aurora": 1.15,
    "Flor de Lis": 0.9,
    "Tropicália": 0.85,
    "Maré Alta": 1.3,
    "Essência Bela": 1.0,
    "Ateliê Jasmim": 1.35,
    "Maison Caju": 1.15,
    "Lume": 1.0,
    "Brisa": 0.9,
    "Casa Ipê": 1.2,
    "Vento Sul": 1.05,
}


@dataclass(frozen=True)
class Kind:
    """A kind of product ("Batom Matte"), made by one or more brands.

    ``options`` maps an attribute to its values; ``extras`` gives the price added by a value
    (bigger bottles cost more). ``replenish_days`` marks consumables that customers buy again;
    ``goes_with`` lists kinds bought together with this one.
    """

    key: str
    category: str
    name: str
    price: int
    options: tuple = ()
    extras: tuple = ()
    replenish_days: int = 0
    goes_with: tuple = ()
    audience: str = ""
    brands: tuple = BEAUTY_BRANDS


def _k(key, category, name, price, options=(), extras=(), days=0, goes=(), **kw):
    return Kind(key, category, name, price, tuple(options), tuple(extras), days, tuple(goes), **kw)


def _vol(*values_and_extras):
    """Volume option and its price extras from ("250 ml", 0, "500 ml", 2000, ...)."""
    values = values_and_extras[0::2]
    extras = tuple(
        (VOLUME, v, e) for v, e in zip(values, values_and_extras[1::2], strict=True) if e
    )
    return (VOLUME, values), extras


# fmt: off
def _kinds():
    """The shop's assortment; prices in cents."""
    hair = {"brands": HAIR_BRANDS}
    perfume = {"brands": PERFUME_BRANDS}
    fem = {"brands": FASHION_BRANDS[:3], "audience": "f"}
    masc = {"brands": ("Vento Sul", "Lume"), "audience": "m"}
    acc = {"brands": ("Casa Ipê", "Brisa", "Lume")}
    vol_hair, extra_hair = _vol("250 ml", 0, "500 ml", 2000, "1 L", 5000)
    vol_body, extra_body = _vol("200 ml", 0, "400 ml", 2000)
    vol_perfume, extra_perfume = _vol("30 ml", 0, "50 ml", 6000, "100 ml", 14000)
    vol_cream, extra_cream = _vol("300 ml", 0, "1 L", 4000)
    vol_sun, extra_sun = _vol("120 ml", 0, "200 ml", 3000)
    return [
        # Maquiagem
        _k("batom_matte", "maquiagem", "Batom Matte", 3990, [(COLOR, LIP[:5])], days=90,
           goes=("lapis_boca", "gloss")),
        _k("batom_cremoso", "maquiagem", "Batom Cremoso", 3490, [(COLOR, LIP[1:])], days=90,
           goes=("lapis_boca",)),
        _k("gloss", "maquiagem", "Gloss Labial", 2990, [(COLOR, ("Cristal", "Rosa Chá", "Nude"))],
           goes=("batom_matte",)),
        _k("lapis_boca", "maquiagem", "Lápis de Boca", 2490, [(COLOR, LIP[:4])],
           goes=("batom_matte", "batom_cremoso")),
        _k("base", "maquiagem", "Base Líquida HD", 8990, [(COLOR, SKIN)], days=75,
           goes=("corretivo", "po_compacto", "primer", "esponja")),
        _k("corretivo", "maquiagem", "Corretivo Líquido", 4990, [(COLOR, SKIN[:4])], days=90,
           goes=("base", "po_solto")),
        _k("po_compacto", "maquiagem", "Pó Compacto", 5990, [(COLOR, SKIN[1:5])], days=120,
           goes=("base",)),
        _k("po_solto", "maquiagem", "Pó Solto Translúcido", 6990, goes=("corretivo", "fixador")),
        _k("primer", "maquiagem", "Primer Facial", 6490, goes=("base", "fixador")),
        _k("fixador", "maquiagem", "Bruma Fixadora", 5490, goes=("primer", "po_solto")),
        _k("mascara_cilios", "maquiagem", "Máscara de Cílios Volume", 4990, [(COLOR, EYE[:2])],
           days=90, goes=("delineador", "lapis_olho")),
        _k("delineador", "maquiagem", "Delineador Líquido", 3990, [(COLOR, EYE[:2])],
           goes=("mascara_cilios",)),
        _k("lapis_olho", "maquiagem", "Lápis de Olho", 2290, [(COLOR, EYE)],
           goes=("mascara_cilios",)),
        _k("paleta", "maquiagem", "Paleta de Sombras", 12990,
           [(COLOR, ("Nude", "Sunset", "Esfumado"))], goes=("pinceis", "primer")),
        _k("blush", "maquiagem", "Blush Compacto", 4490,
           [(COLOR, ("Pêssego", "Rosa", "Terracota"))],
           goes=("iluminador",)),
        _k("iluminador", "maquiagem", "Iluminador", 5490, [(COLOR, ("Champagne", "Dourado"))],
           goes=("blush",)),
        _k("pinceis", "maquiagem", "Kit de Pincéis", 9990, goes=("paleta", "esponja")),
        _k("esponja", "maquiagem", "Esponja de Maquiagem", 1990, days=60, goes=("base",)),
        _k("agua_micelar", "maquiagem", "Água Micelar", 3990, [(VOLUME, ("200 ml", "400 ml"))],
           [(VOLUME, "400 ml", 2000)], days=45, goes=("sabonete_facial",)),
        # Cosméticos (skincare e corpo)
        _k("hidratante_facial", "cosmeticos", "Hidratante Facial FPS 30", 6990, days=45,
           goes=("serum_vitc", "sabonete_facial")),
        _k("serum_vitc", "cosmeticos", "Sérum Vitamina C 10%", 11990, days=60,
           goes=("hidratante_facial", "protetor_solar")),
        _k("serum_hialuronico", "cosmeticos", "Sérum Ácido Hialurônico", 10990, days=60,
           goes=("hidratante_facial",)),
        _k("protetor_solar", "cosmeticos", "Protetor Solar Facial FPS 50", 7990,
           [(COLOR, ("Sem cor", "Com cor"))], days=40, goes=("serum_vitc",)),
        _k("sabonete_facial", "cosmeticos", "Gel de Limpeza Facial", 4490, days=45,
           goes=("tonico", "hidratante_facial")),
        _k("tonico", "cosmeticos", "Tônico Facial", 4990, days=60, goes=("sabonete_facial",)),
        _k("mascara_facial", "cosmeticos", "Máscara Facial de Argila", 3990, days=60),
        _k("creme_olhos", "cosmeticos", "Creme para Área dos Olhos", 8990, days=75),
        _k("hidratante_corporal", "cosmeticos", "Hidratante Corporal", 4990, [vol_body],
           extra_body, days=40, goes=("oleo_corporal", "esfoliante")),
        _k("oleo_corporal", "cosmeticos", "Óleo Corporal", 5990, days=60,
           goes=("hidratante_corporal",)),
        _k("esfoliante", "cosmeticos", "Esfoliante Corporal", 4490, days=60,
           goes=("hidratante_corporal",)),
        _k("sabonete_liquido", "cosmeticos", "Sabonete Líquido", 2990,
           [(VOLUME, ("250 ml", "500 ml"))], [(VOLUME, "500 ml", 1500)], days=30),
        _k("desodorante", "cosmeticos", "Desodorante Roll-on", 1990, days=30),
        _k("creme_maos", "cosmeticos", "Creme para Mãos", 2490, days=45),
        _k("protetor_corporal", "cosmeticos", "Protetor Solar Corporal FPS 50", 6990, [vol_sun],
           extra_sun, days=45, goes=("protetor_solar",)),
        _k("protetor_labial", "cosmeticos", "Protetor Labial", 1490, days=60),
        # Cabelos
        _k("shampoo", "cabelos", "Shampoo Hidratação", 3990, [vol_hair], extra_hair, days=35,
           goes=("condicionador", "mascara_capilar"), **hair),
        _k("condicionador", "cabelos", "Condicionador Hidratação", 4290, [vol_hair], extra_hair,
           days=35, goes=("shampoo", "leave_in"), **hair),
        _k("shampoo_cachos", "cabelos", "Shampoo Cachos Definidos", 4490, [vol_hair], extra_hair,
           days=35, goes=("creme_pentear", "gelatina"), **hair),
        _k("creme_pentear", "cabelos", "Creme de Pentear", 3490, [vol_cream], extra_cream,
           days=40, goes=("shampoo_cachos",), **hair),
        _k("mascara_capilar", "cabelos", "Máscara de Tratamento Capilar", 5990,
           [(VOLUME, ("250 ml", "500 ml"))], [(VOLUME, "500 ml", 3000)], days=60,
           goes=("shampoo", "oleo_capilar"), **hair),
        _k("oleo_capilar", "cabelos", "Óleo Reparador de Pontas", 4990, days=75,
           goes=("mascara_capilar",), **hair),
        _k("leave_in", "cabelos", "Leave-in Termoprotetor", 4490, days=60,
           goes=("prancha", "condicionador"), **hair),
        _k("tonalizante", "cabelos", "Tonalizante", 2990,
           [(COLOR, ("Castanho", "Ruivo", "Loiro Mel", "Preto"))], days=45, **hair),
        _k("shampoo_seco", "cabelos", "Shampoo a Seco", 3990, days=45, **hair),
        _k("gelatina", "cabelos", "Gelatina Modeladora", 2990, days=45,
           goes=("creme_pentear",), **hair),
        _k("escova", "cabelos", "Escova Raquete", 4990, goes=("leave_in",), **hair),
        _k("prancha", "cabelos", "Prancha Alisadora Cerâmica", 19990, goes=("leave_in",),
           brands=("Aurora", "Maré Alta")),
        # Perfumaria: one template per fragrance
        *[
            _k(f"edp_{i}", "perfumaria", f"Eau de Parfum {name}", 14990, [vol_perfume],
               extra_perfume, goes=(f"splash_{i}" if i < 5 else "desodorante_perfumado",
               "hidratante_corporal"), audience=aud,
               brands=(PERFUME_BRANDS[i % 3],))
            for i, (name, aud) in enumerate([
                ("Flor de Laranjeira", "f"), ("Jasmim Noturno", "f"), ("Baunilha & Âmbar", "f"),
                ("Rosa Imperial", "f"), ("Cítrico Brisa", ""), ("Madeira Nobre", "m"),
                ("Vetiver Urbano", "m"), ("Oceano", "m"), ("Couro & Especiarias", "m"),
            ])
        ],
        *[
            _k(f"splash_{i}", "perfumaria", f"Body Splash {name}", 4990, days=45,
               goes=(f"edp_{i}",), audience="f", brands=(PERFUME_BRANDS[i % 3],))
            for i, name in enumerate(
                ["Flor de Laranjeira", "Jasmim Noturno", "Baunilha & Âmbar", "Rosa Imperial",
                 "Cítrico Brisa"]
            )
        ],
        _k("kit_presente", "perfumaria", "Kit Presente Perfume + Hidratante", 22990, **perfume),
        _k("desodorante_perfumado", "perfumaria", "Desodorante Perfumado", 3490, days=30,
           **perfume),
        # Moda Feminina
        _k("vestido_midi", "moda_feminina", "Vestido Midi Estampado", 19990,
           [(COLOR, FASHION[:3]), (SIZE, SIZES)], goes=("sandalia_salto", "brinco_argola"), **fem),
        _k("vestido_linho", "moda_feminina", "Vestido Curto de Linho", 17990,
           [(COLOR, ("Bege", "Terracota")), (SIZE, SIZES)], goes=("rasteirinha",), **fem),
        _k("blusa_viscose", "moda_feminina", "Blusa de Viscose", 8990,
           [(COLOR, FASHION[1:4]), (SIZE, SIZES)], goes=("calca_wide",), **fem),
        _k("cropped", "moda_feminina", "Cropped Canelado", 5990,
           [(COLOR, ("Preto", "Branco", "Rosa")), (SIZE, SIZES[:3])], goes=("short_jeans",), **fem),
        _k("saia_plissada", "moda_feminina", "Saia Midi Plissada", 13990,
           [(COLOR, ("Preto", "Verde Oliva")), (SIZE, SIZES)], goes=("blusa_viscose",), **fem),
        _k("calca_wide", "moda_feminina", "Calça Jeans Wide Leg", 21990,
           [(SIZE, ("36", "38", "40", "42", "44"))], goes=("blusa_viscose", "tenis_f"), **fem),
        _k("short_jeans", "moda_feminina", "Short Jeans", 11990, [(SIZE, ("36", "38", "40", "42"))],
           goes=("cropped",), **fem),
        _k("macacao", "moda_feminina", "Macacão Pantalona", 23990,
           [(COLOR, ("Preto", "Terracota")), (SIZE, SIZES)], **fem),
        _k("biquini", "moda_feminina", "Biquíni Cortininha", 12990,
           [(COLOR, ("Preto", "Rosa", "Verde Oliva")), (SIZE, SIZES[:3])],
           goes=("bolsa_palha", "protetor_corporal"), **fem),
        _k("blazer", "moda_feminina", "Blazer de Alfaiataria", 28990,
           [(COLOR, ("Preto", "Bege")), (SIZE, SIZES)], goes=("calca_wide",), **fem),
        _k("cardiga", "moda_feminina", "Cardigã de Tricô", 15990,
           [(COLOR, ("Bege", "Rosa")), (SIZE, SIZES[:3])], **fem),
        _k("tshirt_f", "moda_feminina", "T-shirt Básica de Algodão", 5990,
           [(COLOR, FASHION[:3]), (SIZE, SIZES)], goes=("calca_wide",), **fem),
        # Moda Masculina
        _k("camiseta_m", "moda_masculina", "Camiseta Básica Algodão Pima", 7990,
           [(COLOR, FASHION[:3]), (SIZE, SIZES)], goes=("bermuda",), **masc),
        _k("polo", "moda_masculina", "Camisa Polo Piquet", 12990,
           [(COLOR, ("Azul Marinho", "Branco", "Verde Oliva")), (SIZE, SIZES)],
           goes=("calca_chino",), **masc),
        _k("camisa_linho", "moda_masculina", "Camisa de Linho", 19990,
           [(COLOR, ("Branco", "Bege")), (SIZE, SIZES)], goes=("bermuda", "tenis_m"), **masc),
        _k("bermuda", "moda_masculina", "Bermuda de Sarja", 12990,
           [(COLOR, ("Bege", "Azul Marinho")), (SIZE, ("38", "40", "42", "44"))],
           goes=("camiseta_m",), **masc),
        _k("calca_slim", "moda_masculina", "Calça Jeans Slim", 22990,
           [(SIZE, ("38", "40", "42", "44", "46"))], goes=("camiseta_m", "cinto"), **masc),
        _k("calca_chino", "moda_masculina", "Calça Chino", 19990,
           [(COLOR, ("Bege", "Azul Marinho")), (SIZE, ("38", "40", "42", "44"))],
           goes=("polo",), **masc),
        _k("moletom", "moda_masculina", "Moletom Canguru", 21990,
           [(COLOR, ("Preto", "Verde Oliva")), (SIZE, SIZES)], **masc),
        _k("sunga", "moda_masculina", "Sunga Estampada", 6990, [(SIZE, SIZES[:3])], **masc),
        _k("jaqueta_jeans", "moda_masculina", "Jaqueta Jeans", 27990, [(SIZE, SIZES)], **masc),
        # Calçados
        _k("rasteirinha", "calcados", "Rasteirinha de Tiras", 7990,
           [(COLOR, ("Dourado", "Preto")), (SIZE, WOMEN_SHOES)], goes=("vestido_linho",), **fem),
        _k("sandalia_salto", "calcados", "Sandália Salto Bloco", 18990,
           [(COLOR, ("Preto", "Nude")), (SIZE, WOMEN_SHOES)], goes=("vestido_midi",), **fem),
        _k("tenis_f", "calcados", "Tênis Casual Feminino", 24990, [(SIZE, WOMEN_SHOES)],
           goes=("calca_wide",), **fem),
        _k("sapatilha", "calcados", "Sapatilha Bico Fino", 12990,
           [(COLOR, ("Preto", "Nude")), (SIZE, WOMEN_SHOES)], **fem),
        _k("tenis_m", "calcados", "Tênis Casual Masculino", 27990, [(SIZE, MEN_SHOES)],
           goes=("calca_slim",), **masc),
        _k("chinelo", "calcados", "Chinelo Slide", 5990, [(SIZE, ("35", "37", "39", "41", "43"))],
           brands=("Lume", "Vento Sul")),
        _k("bota", "calcados", "Bota Cano Curto", 29990, [(SIZE, WOMEN_SHOES)], **fem),
        # Acessórios
        _k("bolsa_tiracolo", "acessorios", "Bolsa Tiracolo", 18990,
           [(COLOR, ("Preto", "Caramelo", "Off-white"))], goes=("carteira",), audience="f",
           brands=acc["brands"]),
        _k("bolsa_palha", "acessorios", "Bolsa de Palha", 14990, goes=("biquini", "oculos_gatinho"),
           audience="f", brands=acc["brands"]),
        _k("carteira", "acessorios", "Carteira de Couro", 11990, [(COLOR, ("Preto", "Caramelo"))],
           **acc),
        _k("oculos_gatinho", "acessorios", "Óculos de Sol Gatinho", 16990,
           [(COLOR, ("Preto", "Tartaruga"))], audience="f", brands=acc["brands"]),
        _k("oculos_aviador", "acessorios", "Óculos de Sol Aviador", 17990,
           [(COLOR, ("Dourado", "Prata"))], audience="m", brands=acc["brands"]),
        _k("brinco_argola", "acessorios", "Brinco Argola Dourada", 4990,
           [(SIZE, ("Pequena", "Média", "Grande"))], goes=("colar",), audience="f",
           brands=acc["brands"]),
        _k("colar", "acessorios", "Colar Ponto de Luz", 6990, goes=("brinco_argola",),
           audience="f", brands=acc["brands"]),
        _k("pulseira", "acessorios", "Pulseira de Berloques", 5990, audience="f",
           brands=acc["brands"]),
        _k("relogio", "acessorios", "Relógio Minimalista", 24990, [(COLOR, ("Dourado", "Prata"))],
           **acc),
        _k("cinto", "acessorios", "Cinto de Couro", 8990, [(SIZE, ("P", "M", "G"))],
           goes=("calca_slim",), **acc),
        _k("lenco", "acessorios", "Lenço de Seda Estampado", 7990, audience="f",
           brands=acc["brands"]),
        _k("necessaire", "acessorios", "Nécessaire Matelassê", 6990, goes=("pinceis",),
           audience="f", brands=acc["brands"]),
        _k("presilhas", "acessorios", "Kit de Presilhas de Cabelo", 2990, audience="f",
           brands=acc["brands"]),
        _k("bone", "acessorios", "Boné Aba Curva", 7990, [(COLOR, ("Preto", "Bege"))], **acc),
    ]
# fmt: on


@dataclass(frozen=True)
class Variant:
    """One sellable product (``product.product``)."""

    code: str
    template: str
    values: tuple
    price: int
    cost: int


@dataclass(frozen=True)
class Template:
    """One product template and the variants its attribute lines generate."""

    code: str
    name: str
    kind: str
    category: str
    brand: str
    price: int
    cost: int
    options: tuple
    extras: tuple
    replenish_days: int
    goes_with: tuple
    audience: str
    variants: tuple = field(default=())


@dataclass(frozen=True)
class Catalog:
    templates: tuple
    variants: dict
    by_kind: dict
    by_category: dict

    @property
    def attribute_values(self):
        """Attribute name -> values in first-use order (the ORM creates them in this order)."""
        values = {name: [] for name in ATTRIBUTES}
        for template in self.templates:
            for attribute, options in template.options:
                for value in options:
                    if value not in values[attribute]:
                        values[attribute].append(value)
        return values


def snap_price(cents):
    """Round to a shop-like price ending in ,90 (always a multiple of 10 cents)."""
    return max(990, int(round(cents / 1000.0)) * 1000 - 10)


def _variants_of(code, price, cost_ratio, options, extras):
    extra_by_value = {(attribute, value): cents for attribute, value, cents in extras}
    axes = [[(attribute, value) for value in values] for attribute, values in options]
    variants = []
    for index, combination in enumerate(itertools.product(*axes), start=1):
        variant_price = price + sum(extra_by_value.get(pair, 0) for pair in combination)
        variants.append(
            Variant(
                code=f"{code}-{index:02d}" if options else code,
                template=code,
                values=tuple(combination),
                price=variant_price,
                cost=int(round(variant_price * cost_ratio)),
            )
        )
    return tuple(variants)


def build_catalog():
    """The catalog, always the same (its own fixed random stream picks brands and costs)."""
    rng = random.Random("loja-bela-catalog-v1")
    templates = []
    counters = dict.fromkeys(CATEGORIES, 0)
    for kind in _kinds():
        n_brands = min(len(kind.brands), rng.choices((1, 2, 3), (0.3, 0.45, 0.25))[0])
        for brand in sorted(rng.sample(kind.brands, n_brands), key=kind.brands.index):
            counters[kind.category] += 1
            prefix = CATEGORIES[kind.category][1]
            code = f"LB-{prefix}-{counters[kind.category]:03d}"
            price = snap_price(kind.price * BRAND_PRICE_FACTOR[brand])
            cost_ratio = rng.uniform(0.32, 0.55)
            name = f"{kind.name} {brand}"
            templates.append(
                Template(
                    code=code,
                    name=name,
                    kind=kind.key,
                    category=kind.category,
                    brand=brand,
                    price=price,
                    cost=int(round(price * cost_ratio)),
                    options=kind.options,
                    extras=kind.extras,
                    replenish_days=kind.replenish_days,
                    goes_with=kind.goes_with,
                    audience=kind.audience,
                    variants=_variants_of(code, price, cost_ratio, kind.options, kind.extras),
                )
            )
    variants = {v.code: v for t in templates for v in t.variants}
    by_kind, by_category = {}, {}
    for template in templates:
        by_kind.setdefault(template.kind, []).append(template)
        by_category.setdefault(template.category, []).append(template)
    return Catalog(tuple(templates), variants, by_kind, by_category)
