# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Turn what a customer typed into search terms.

>>> normalize("  Proteção SOLAR, FPS-50! ")
'protecao solar fps 50'
>>> query_terms("Vocês têm batom vermelho?")
['batom', 'vermelho']
>>> expand_terms(["red", "lipstick"])
[('red', ('vermelho',)), ('lipstick', ('batom',))]
>>> transpositions("tneis")
['nteis', 'tenis', 'tnies', 'tnesi']
>>> close_glossary_word("snglasses")
'sunglasses'
"""

import difflib

from ..ai.text import normalise

#: Words that carry no product meaning in a customer's message (pt, es, en), unaccented.
STOPWORDS = frozenset(
    """
    a o as os um uma uns umas de da do das dos e em no na nos nas para pra pro por com sem
    que qual quais quanto quanta quantos quantas como onde quando se me mim meu minha voce
    voces tem ter tenho tens ha esta estao sao ser eu ele ela eles elas isso isto esse essa
    aquele oi ola bom boa dia tarde noite obrigado obrigada por favor pf quero queria
    gostaria preciso procuro procurando algum alguma custa custo preco precos valor vende
    vendem vcs vc ai la sim nao mais menos muito pouco tb tambem ou
    funciona funcionam gente moca moco
    el la los las un una unos unas del al y en con sin que cual cuales cuanto cuesta
    precio tienen tiene tengo quiero quisiera busco necesito hola gracias usted ustedes es
    son hay mi su por favor para
    the an and or of to in on for with without do does have has you your is are i me my
    want need looking any some how much price cost sell hello hi thanks please it this
    that what which
    """.split()
)

#: Customer words in Spanish or English that the shop's pt-BR catalog says another way.
#: Spanish and English product text is indexed as such too; this bridges the common case of
#: a catalog written only in Portuguese.
GLOSSARY = {
    # es
    "labial": ("batom", "labial"),
    "pintalabios": ("batom",),
    "rojo": ("vermelho",),
    "roja": ("vermelho",),
    "rosado": ("rosa", "rosado"),
    "negro": ("preto",),
    "negra": ("preto",),
    "blanco": ("branco",),
    "azul": ("azul",),
    "verde": ("verde",),
    "crema": ("creme",),
    "hidratante": ("hidratante",),
    "protector": ("protetor",),
    "bloqueador": ("protetor",),
    "champu": ("shampoo",),
    "acondicionador": ("condicionador",),
    "perfume": ("perfume",),
    "vestido": ("vestido",),
    "falda": ("saia",),
    "pantalon": ("calca",),
    "pantalones": ("calca",),
    "camisa": ("camisa",),
    "camiseta": ("camiseta", "t-shirt"),
    "zapatillas": ("tenis",),
    "zapatos": ("sapatilha", "tenis"),
    "sandalia": ("sandalia",),
    "sandalias": ("sandalia",),
    "bolso": ("bolsa",),
    "cartera": ("carteira", "bolsa"),
    "gafas": ("oculos",),
    "anteojos": ("oculos",),
    "reloj": ("relogio",),
    "cinturon": ("cinto",),
    "collar": ("colar",),
    "pendientes": ("brinco",),
    "aretes": ("brinco",),
    "pulsera": ("pulseira",),
    "cabello": ("cabelo", "capilar"),
    "pelo": ("cabelo", "capilar"),
    "rostro": ("facial",),
    "cara": ("facial",),
    "ojos": ("olhos", "olho"),
    "pestanas": ("cilios",),
    "maquillaje": ("maquiagem",),
    "aceite": ("oleo",),
    "jabon": ("sabonete",),
    "gorra": ("bone",),
    "envio": ("envio", "frete", "entrega"),
    "envios": ("envio", "frete", "entrega"),
    "entregan": ("entrega",),
    "demora": ("prazo",),
    "plazo": ("prazo",),
    "devolucion": ("devolucao", "troca"),
    "devolver": ("devolver", "troca"),
    "cambio": ("troca",),
    "cambiar": ("trocar", "troca"),
    "reembolso": ("reembolso",),
    "pago": ("pagamento",),
    "pagar": ("pagamento", "pagar"),
    "tarjeta": ("cartao",),
    "cuotas": ("parcelar", "parcelas"),
    "horario": ("horario",),
    "abren": ("horario", "aberto"),
    "atencion": ("atendimento",),
    "pedido": ("pedido",),
    "regalo": ("presente",),
    # en
    "lipstick": ("batom",),
    "gloss": ("gloss",),
    "red": ("vermelho",),
    "pink": ("rosa",),
    "black": ("preto",),
    "white": ("branco",),
    "blue": ("azul",),
    "green": ("verde",),
    "cream": ("creme",),
    "moisturizer": ("hidratante",),
    "moisturiser": ("hidratante",),
    "sunscreen": ("protetor", "solar"),
    "sunblock": ("protetor", "solar"),
    "sun": ("solar",),
    "conditioner": ("condicionador",),
    "dress": ("vestido",),
    "skirt": ("saia",),
    "pants": ("calca",),
    "trousers": ("calca",),
    "jeans": ("jeans",),
    "shirt": ("camisa", "camiseta"),
    "tshirt": ("camiseta", "t-shirt"),
    "sneakers": ("tenis",),
    "shoes": ("sapatilha", "tenis"),
    "sandals": ("sandalia",),
    "bag": ("bolsa",),
    "handbag": ("bolsa",),
    "wallet": ("carteira",),
    "sunglasses": ("oculos",),
    "glasses": ("oculos",),
    "watch": ("relogio",),
    "belt": ("cinto",),
    "necklace": ("colar",),
    "earrings": ("brinco",),
    "bracelet": ("pulseira",),
    "hair": ("cabelo", "capilar"),
    "face": ("facial",),
    "eyes": ("olhos",),
    "mascara": ("mascara", "cilios"),
    "makeup": ("maquiagem",),
    "oil": ("oleo",),
    "soap": ("sabonete",),
    "cap": ("bone",),
    "brush": ("pincel", "escova"),
    "shipping": ("frete", "entrega", "envio"),
    "ship": ("frete", "envio"),
    "delivery": ("entrega", "prazo"),
    "deliver": ("entrega",),
    "arrive": ("chega", "prazo"),
    "return": ("devolucao", "troca"),
    "returns": ("devolucao", "troca"),
    "exchange": ("troca",),
    "refund": ("reembolso",),
    "payment": ("pagamento",),
    "pay": ("pagamento", "pagar"),
    "card": ("cartao",),
    "installments": ("parcelar", "parcelas"),
    "hours": ("horario",),
    "open": ("horario", "aberto"),
    "order": ("pedido",),
    "track": ("rastreio", "rastrear"),
    "tracking": ("rastreio",),
    "gift": ("presente",),
}


def normalize(text):
    """Lower case, no accents, words (letters and digits only) separated by single spaces: the
    shared normaliser (``ai/text.py``) without the apostrophe the hub keeps."""
    return normalise(text, keep="")


def query_terms(text, limit=8):
    """The meaningful words of ``text`` (normalised, no stopwords, no duplicates), in order.

    Single characters are dropped, except digits ("fps 50" keeps "50"). At most ``limit``
    words: a customer pasting a paragraph should not build a 100-term query.
    """
    terms = []
    for word in normalize(text).split():
        if word in STOPWORDS or (len(word) < 2 and not word.isdigit()) or word in terms:
            continue
        terms.append(word)
    return terms[:limit]


def expand_terms(terms):
    """Each term with the catalog words it may mean in Portuguese (its glossary entry)."""
    return [(term, GLOSSARY.get(term, ())) for term in terms]


def transpositions(term):
    """The words one swap of neighbour letters away: what a thumb typing fast does, and
    what trigrams miss on short words ("tneis" shares almost no trigram with "tenis")."""
    return [
        term[:i] + term[i + 1] + term[i] + term[i + 2 :]
        for i in range(len(term) - 1)
        if term[i] != term[i + 1]
    ]


def close_glossary_word(term, cutoff=0.85):
    """The glossary word ``term`` is a typo of ("snglasses" -> "sunglasses"), or None."""
    if len(term) < 4:
        return None
    matches = difflib.get_close_matches(term, GLOSSARY, n=1, cutoff=cutoff)
    return matches[0] if matches else None
