# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The hub: which intent a customer message has, how negative it sounds, which crew answers.

It runs before any LLM call, on every message. Intents are the suite's vocabulary
(``intents.INTENTS``). Without a trained model it is deterministic keyword scoring on normalised
text (see ``text.normalise``): cheap, explainable and the same offline and online. With one (the
analytics addon's classifier, handed in by the bot model) the model's sure answers replace the
keyword rules', except for the intents the rules always decide (``RULE_INTENTS``).

    >>> classify("quanto custa o batom vermelho?").intent
    'price'
    >>> classify("¿dónde está mi pedido S00012?").intent
    'order_status'
    >>> classify("I want to talk to a human").intent
    'human_request'
    >>> route("complaint")
    'support'
    >>> sentiment("não gostei, péssimo atendimento") < 0
    True
"""

import re
from dataclasses import dataclass, field

from . import intents as vocabulary
from .language import detect_language
from .text import contains_phrase, normalise, tokens

# Keyword -> weight per intent of the suite's vocabulary (``intents.INTENTS``), normalised
# (no accents). Phrases weigh more than single words because they carry the intent on their own
# ("falar com atendente"), words only hint at it. "other" scores the shop's address and hours.
# fmt: off
KEYWORDS = {
    "human_request": {
        3.0: (
            "atendente", "atendimento humano", "falar com alguem", "falar com uma pessoa",
            "pessoa de verdade", "pessoa real", "humano", "falar com um humano", "agente humano",
            "hablar con alguien", "hablar con una persona", "persona real", "un humano", "asesor",
            "operador", "talk to a human", "talk to someone", "speak to someone", "real person",
            "human agent", "a human", "representative", "speak to a person", "talk to a person",
            "live agent", "operator", "falar com o gerente", "hablar con el gerente",
            "speak to the manager",
        ),
    },
    "complaint": {
        4.5: (
            "reclamacao", "registrar uma reclamacao", "queja", "reclamo", "complaint",
            "falta de respeito", "falta de respeto",
        ),
        2.5: (
            "reclamar", "quero reclamar", "quejarme", "complain",
            "nao chegou", "nunca chegou", "no llego", "nunca llego", "never arrived",
            "didn't arrive", "didnt arrive", "has not arrived", "hasn't arrived", "nao recebi",
            "no recibi", "never got", "didn't receive", "did not receive", "hasnt arrived",
            "not arrived", "ainda nao chegou", "todavia no llega", "aun no llega", "veio errado",
            "veio quebrado", "veio com defeito", "produto errado", "llego roto",
            "producto equivocado", "wrong item", "arrived broken", "arrived damaged", "estafa",
            "golpe", "scam", "fraude", "fraud", "procon",
        ),
        1.5: (
            "quebrada", "danificada", "rasgada", "amassada", "amassado", "vazando", "vazou",
            "defeituosa", "alergia", "rota", "fallado", "fallada", "alergico", "leaking", "leaked",
            "allergic", "allergy", "ate hoje nada", "defeito", "defeituoso", "quebrado", "quebrou",
            "danificado", "rasgado", "defectuoso", "roto", "danado", "broken", "damaged",
            "defective", "faulty", "atrasado", "atraso", "retraso", "late", "delayed",
            "cobrado duas vezes", "cobrado dos veces", "charged twice", "dinheiro de volta",
            "mi dinero", "my money back", "absurdo", "pessimo", "horrivel", "pesimo", "horrible",
            "terrible", "awful", "unacceptable", "inaceitavel", "inaceptable",
        ),
    },
    "order_status": {
        3.0: (
            "meu pedido", "minha encomenda", "minha compra", "status do pedido",
            "codigo de rastreio", "rastrear", "rastreio", "rastreamento", "quando chega",
            "ja foi enviado", "foi enviado", "mi pedido", "mi orden", "mi compra",
            "estado del pedido", "seguimiento", "cuando llega", "ya fue enviado", "my order",
            "order status", "tracking", "track my", "when will it arrive", "when does it arrive",
            "has it shipped", "been shipped", "where is my",
        ),
        1.5: (
            "pedido", "encomenda", "entrega", "enviado", "despachado", "chegar", "chega", "orden",
            "enviado", "llegar", "order", "delivery", "shipped", "arrive", "package", "pacote",
            "paquete",
        ),
    },
    "purchase": {
        3.0: (
            "pronta entrega", "tem em estoque", "voces tem", "vcs tem", "voce tem", "tienen",
            "hay stock", "en stock", "do you have", "do you sell", "in stock", "is it available",
            "esta disponivel", "esta disponible",
        ),
        1.5: (
            "estoque", "disponivel", "comprar", "produto", "tamanho", "cor", "stock", "disponible",
            "producto", "talla", "color", "available", "buy", "product", "size", "colour",
        ),
    },
    "price": {
        4.0: ("cupom", "cupon", "coupon"),
        3.0: (
            "forma de pagamento", "formas de pagamento", "parcelar", "parcelamento", "pix",
            "boleto", "pago", "formas de pago", "cuotas", "payment", "pay with", "installments",
        ),
        1.5: (
            "cartao", "tarjeta", "card", "promo", "promocao", "promocion", "discount", "desconto",
            "descuento",
        ),
    },
    "shipping": {
        4.0: ("transportadora", "correios", "transportista", "carrier", "plazo de entrega"),
        3.0: (
            "frete", "prazo de entrega", "envio gratis", "shipping", "free shipping", "envios",
            "hacen envios", "envian", "entregas", "fazem entrega", "do you ship", "delivery time",
            "delivery fee",
        ),
        1.5: ("entregam", "entregan", "deliver", "ship to", "envio"),
    },
    "exchange_return": {
        3.0: (
            "troca", "trocar", "devolucao", "devolver", "reembolso", "garantia", "devolucion",
            "cambio", "cambiar", "return", "returns", "refund", "exchange", "warranty", "trocas",
            "devolucoes", "devoluciones", "cambios", "reembolsos", "refunds", "exchanges",
        ),
        1.0: ("politica", "policy"),
    },
    "support": {
        3.0: (
            "esqueci a senha", "esqueci minha senha", "senha", "password", "contrasena",
            "como usar", "como uso", "modo de uso", "como se usa", "how to use", "how do i use",
        ),
        1.5: ("como funciona", "how does", "login", "cadastro", "mi cuenta", "my account"),
    },
    "compliment": {
        3.0: (
            "amei", "adorei", "parabens", "me encanto", "me encantaron", "loved it", "love it",
            "excelente atendimento", "otimo atendimento", "great service", "excellent service",
        ),
        1.0: ("obrigada", "obrigado", "gracias", "thank you", "thanks", "recomendo", "recomiendo"),
    },
    "other": {
        4.0: (
            "loja fisica", "tienda fisica", "physical store", "horario de atendimento",
            "horario de atencion", "opening hours",
        ),
        3.0: (
            "horario", "business hours", "endereco da loja", "direccion de la tienda",
            "store address",
        ),
        1.5: (
            "loja", "tienda", "store", "aberto", "abierto", "open", "funciona", "endereco",
            "direccion", "address",
        ),
    },
}
GREETINGS = (
    "oi", "ola", "bom dia", "boa tarde", "boa noite", "tudo bem", "hola", "buenos dias",
    "buenas tardes", "buenas noches", "que tal", "hello", "hi", "hey", "good morning",
    "good afternoon", "good evening",
)
# fmt: on
# Intents the keyword rules decide even when a trained model is given: a request for a person
# and an angry complaint hand the conversation to people, and a rule never misses them.
RULE_INTENTS = ("human_request",)
# A trained model's answer replaces the keyword rules' from this probability on.
MODEL_MIN_CONFIDENCE = 0.5
# Price words ask "how much"; of a product unless a policy term says what costs
# ("quanto custa o frete?" is about shipping).
# fmt: off
PRICE_CUES = {
    3.0: (
        "quanto custa", "quanto e", "qual o preco", "qual o valor", "quanto sai", "cuanto cuesta",
        "cuanto vale", "cuanto sale", "cual es el precio", "how much", "what is the price",
    ),
    1.5: (
        "preco", "precos", "valor", "custa", "precio", "cuesta", "price", "cost", "costs",
    ),
}
# fmt: on
# An order reference such as S00012 is an order-status question on its own.
ORDER_REF = re.compile(r"\b[a-z]{1,4}\d{3,}\b")
ORDER_REF_WEIGHT = 3.0

# Negative-sentiment lexicon (normalised) with weights; negators flip a word's polarity
# when they appear within NEGATION_WINDOW words before it, intensifiers scale it.
# fmt: off
NEGATIVE = {
    "pessimo": 2.0, "pessima": 2.0, "horrivel": 2.0, "absurdo": 1.5, "ridiculo": 1.5, "lixo": 2.0,
    "vergonha": 1.5, "raiva": 1.5, "decepcionado": 1.5, "decepcionada": 1.5, "decepcao": 1.5,
    "insatisfeito": 1.5, "insatisfeita": 1.5, "odiei": 2.0, "enganado": 2.0, "enganada": 2.0,
    "palhacada": 2.0, "descaso": 1.5, "inaceitavel": 2.0, "nunca mais": 1.5, "pesimo": 2.0,
    "pesima": 2.0, "horrible": 2.0, "basura": 2.0, "verguenza": 1.5, "enojado": 1.5,
    "enojada": 1.5, "furioso": 2.0, "furiosa": 2.0, "decepcionante": 1.5, "estafa": 2.0,
    "inaceptable": 2.0, "odio": 2.0, "terrible": 2.0, "awful": 2.0, "worst": 2.0,
    "horrible service": 2.0, "angry": 1.5, "furious": 2.0, "disappointed": 1.5,
    "disappointing": 1.5, "unacceptable": 2.0, "ridiculous": 1.5, "scam": 2.0, "hate": 2.0,
    "useless": 1.5, "garbage": 2.0, "never again": 1.5, "ruim": 1.0, "malo": 1.0, "mala": 1.0,
    "bad": 1.0, "golpe": 2.0, "fraude": 2.0, "fraud": 2.0, "procon": 2.0, "lawyer": 1.5,
    "falta de respeito": 2.0, "falta de respeto": 2.0, "ninguem resolve": 1.5,
    "nadie resuelve": 1.5, "nobody helps": 1.5, "ate agora nada": 1.0, "ate hoje nada": 1.0,
    "todavia nada": 1.0, "still nothing": 1.0, "advogado": 1.5, "abogado": 1.5,
}
# fmt: on
# fmt: off
POSITIVE = {
    "bom": 1.0, "boa": 0.5, "otimo": 1.5, "otima": 1.5, "excelente": 1.5, "gostei": 1.0,
    "adorei": 1.5, "amei": 1.5, "perfeito": 1.5, "obrigado": 0.5, "obrigada": 0.5, "bueno": 1.0,
    "buena": 0.5, "genial": 1.5, "encanto": 1.5, "perfecto": 1.5, "gracias": 0.5, "good": 1.0,
    "great": 1.5, "excellent": 1.5, "love": 1.5, "loved": 1.5, "perfect": 1.5, "thanks": 0.5,
    "satisfeito": 1.0, "satisfecho": 1.0, "happy": 1.0, "like": 0.5, "liked": 1.0, "legal": 0.5,
}
# fmt: on
# Negators per language: Portuguese "no" is "in the" ("reclamação no Procon"), not "no".
NEGATORS = {
    "pt": frozenset("nao nunca nem jamais sem".split()),
    "es": frozenset("no nunca ni jamas tampoco sin".split()),
    "en": frozenset(
        "no not never dont didnt doesnt isnt wasnt cant wont don't didn't doesn't isn't "
        "wasn't can't won't without".split()
    ),
}
# Emoji carry a lot of the mood in chat; they are scored on the raw text.
# fmt: off
NEGATIVE_EMOJI = {
    "😡": 2.0, "🤬": 2.0, "😠": 1.5, "😤": 1.5, "👎": 1.0,
    "😞": 0.75, "😢": 0.75, "😒": 0.75, "😩": 0.75, "😕": 0.5, "🙄": 0.75, "😭": 0.75,
}
# fmt: on
# fmt: off
INTENSIFIERS = {
    "muito": 1.5, "muita": 1.5, "super": 1.5, "demais": 1.5, "totalmente": 1.5,
    "extremamente": 2.0, "muy": 1.5, "demasiado": 1.5, "very": 1.5, "really": 1.5, "so": 1.3,
    "extremely": 2.0, "totally": 1.5, "absolutely": 1.5, "tao": 1.3, "tan": 1.3,
}
# fmt: on
NEGATION_WINDOW = 3
CLAUSE_BREAK = re.compile(r"[,.;:!?¿¡\n]+|\b(?:mas|pero|but)\b", re.IGNORECASE)
NEGATIVE_THRESHOLD = -1.5  # at or below: "negative" for hand-off ("não gostei" alone is not)


@dataclass(frozen=True)
class Classification:
    """What the hub decided for one batch of customer text."""

    intent: str
    confidence: float
    crew: str
    sentiment: float
    scores: dict = field(default_factory=dict)
    order_refs: tuple = ()
    greeting: bool = False
    source: str = "rules"

    @property
    def negative(self):
        return self.sentiment <= NEGATIVE_THRESHOLD


INTENTS = vocabulary.INTENTS


def route(intent):
    """The crew that answers ``intent``."""
    return vocabulary.crew(intent)


def intent_scores(plain):
    """Keyword score per intent for normalised text."""
    scores = dict.fromkeys(INTENTS, 0.0)
    for intent, weighted in KEYWORDS.items():
        for weight, phrases in weighted.items():
            scores[intent] += weight * sum(1 for p in phrases if contains_phrase(plain, p))
    price = sum(
        weight * sum(1 for p in phrases if contains_phrase(plain, p))
        for weight, phrases in PRICE_CUES.items()
    )
    # "quanto custa o frete?" is about shipping, "quanto custa o batom?" about a price.
    topic = max(("shipping", "exchange_return"), key=lambda i: scores[i])
    scores[topic if scores[topic] > 0 else "price"] += price
    refs = ORDER_REF.findall(plain)
    scores["order_status"] += ORDER_REF_WEIGHT * len(refs)
    return scores


def _lexicon_hits(words, lexicon):
    """(index of the last word, weight) for each lexicon entry in ``words`` (phrases too)."""
    hits = []
    for entry, weight in lexicon.items():
        parts = entry.split()
        size = len(parts)
        for i in range(len(words) - size + 1):
            if words[i : i + size] == parts:
                hits.append((i, weight))
    return hits


def _modifier(words, index, negators):
    """Polarity multiplier from the negators and intensifiers just before ``words[index]``."""
    factor = 1.0
    for word in words[max(0, index - NEGATION_WINDOW) : index]:
        if word in negators:
            factor = -factor
        factor *= INTENSIFIERS.get(word, 1.0)
    return factor


def sentiment(text, language=None):
    """A signed score: below zero negative, above zero positive, 0 neutral.

    Negation flips polarity ("não gostei" is negative, "not bad" is mildly positive),
    intensifiers scale it ("muito ruim"), and each "!" after a negative word adds weight.

    >>> sentiment("muito ruim") < sentiment("ruim") < 0
    True
    >>> sentiment("nao gostei") < 0 < sentiment("gostei")
    True
    """
    negators = NEGATORS[language if language in NEGATORS else detect_language(text)]
    score = -sum(weight * (text or "").count(emoji) for emoji, weight in NEGATIVE_EMOJI.items())
    # A negator reaches only into its own clause: in "não gostei, péssimo" the "não"
    # must not turn "péssimo" around.
    for clause in CLAUSE_BREAK.split(text or ""):
        words = tokens(normalise(clause))
        for index, weight in _lexicon_hits(words, NEGATIVE):
            score -= weight * _modifier(words, index, negators)
        for index, weight in _lexicon_hits(words, POSITIVE):
            score += weight * _modifier(words, index, negators)
    if score < 0:
        score -= 0.25 * min((text or "").count("!"), 4)
    return round(score, 3) + 0.0  # no "-0.0"


def _confidence(best, second):
    """0..1 from the winning score and its margin over the runner-up."""
    if best <= 0:
        return 0.3
    strength = min(best / 4.0, 1.0)
    margin = (best - second) / best
    return round(0.4 + 0.35 * strength + 0.25 * margin, 3)


def classify(text, language=None, model=None):
    """Intent, confidence, crew and sentiment for a customer's text.

    ``model(text)`` -> ``(intent, probability)`` is an optional trained classifier: its answer
    wins from ``MODEL_MIN_CONFIDENCE`` on, unless the rules found a request for a person or an
    angry complaint. A greeting alone is ``other`` with ``greeting`` set; with a real question
    ("oi, quanto custa?") the question wins.
    """
    plain = normalise(text)
    scores = intent_scores(plain)
    mood = sentiment(text, language)
    if mood <= NEGATIVE_THRESHOLD:
        # "Estou muito decepcionada" complains without naming it.
        scores["complaint"] += -mood
    if mood <= NEGATIVE_THRESHOLD and scores["complaint"] > 0:
        # An angry "my order never came" is a complaint first, whatever else it asks.
        scores["complaint"] += max(scores.values())
    ranked = sorted(INTENTS, key=lambda i: -scores[i])
    best = ranked[0]
    if scores[best] <= 0:
        best, confidence = "other", 0.3
    else:
        confidence = _confidence(scores[best], scores[ranked[1]])
    source = "rules"
    ruled = best in RULE_INTENTS or (best == "complaint" and mood <= NEGATIVE_THRESHOLD)
    if model is not None and plain and not ruled:
        predicted, probability = model(text)
        if predicted in INTENTS and probability >= MODEL_MIN_CONFIDENCE:
            best, confidence, source = predicted, round(float(probability), 3), "model"
    greeting = (
        best == "other"
        and scores["other"] <= 0
        and any(contains_phrase(plain, g) for g in GREETINGS)
    )
    if greeting and source == "rules":
        confidence = 0.9
    return Classification(
        intent=best,
        confidence=confidence,
        crew=route(best),
        sentiment=mood,
        scores=scores,
        order_refs=tuple(ref.upper() for ref in ORDER_REF.findall(plain)),
        greeting=greeting,
        source=source,
    )


def routing_accuracy(samples, model=None):
    """Share of ``(text, intent)`` samples the hub sends to the crew of their labelled intent.

    >>> routing_accuracy([("quanto custa o batom?", "price"), ("oi", "purchase")])
    0.5
    """
    samples = list(samples)
    if not samples:
        return 0.0
    hits = sum(classify(text, model=model).crew == route(intent) for text, intent in samples)
    return hits / len(samples)
