# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tell Portuguese, Spanish and English apart in short chat messages.

Chat texts are two to ten words, often without accents, so statistical n-gram models
trained on prose do badly. This scorer adds weights for three kinds of cue:

* letters only one language uses (``ã õ ç`` for Portuguese, ``ñ ¿ ¡`` for Spanish);
* endings typical of one language (``-ção`` / ``-ción``, ``-mente`` is shared and ignored);
* small function and chat words, written without accents because customers skip them.

    >>> detect_language("quanto custa o batom?")
    'pt'
    >>> detect_language("¿cuánto cuesta el labial?")
    'es'
    >>> detect_language("how much is the lipstick")
    'en'
    >>> detect_language("ok", default="es")
    'es'
"""

import re

from .text import normalise, tokens

LANGUAGES = ("pt", "es", "en")

# Words that (almost) only one of the three languages uses, in normalised form (no accents,
# lower case). Weight 1 each; the phrases below weigh more.
WORDS = {
    "pt": """
        voce voces vc vcs obrigado obrigada obg brigado nao sim tem tenho temos quanto quanta
        custa custam preco precos meu minha meus minhas seu sua seus suas esse essa isso este
        esta aquilo um uma uns umas do da dos das no na nos nas ao aos pelo pela com sem mas
        tambem ja ainda entao muito muita pouco bom boa oi ola tchau ate logo agora hoje amanha
        ontem quando onde porque porquê pra pro para ele ela eles elas gostaria queria quero
        posso pode podem consigo preciso estou esta estao foi chegou chega encomenda pedido
        entrega frete troca devolucao pagamento parcelar cartao boleto pix ate obrigadao
        vcs gente aqui ai la coisa qual quais ficou fiquei nenhum nenhuma dinheiro trocar
        atendente alguem falar voces estoque disponivel comprar produto produtos favor
        meio cor tamanho mais menos bem legal blz beleza valeu vou vai vamos seria fazer faz
        loja horario funciona prazo rastreio rastreamento codigo enviado enviar recebi receber
    """,
    "es": """
        usted ustedes gracias muchas si tiene tienen tengo tenemos cuanto cuanta cuesta cuestan
        precio precios mi mis su sus ese esa eso este esta esto uno una unos unas del el los
        las al con sin pero tambien ya todavia entonces muy mucho mucha poco bueno buena hola
        adios hasta luego ahora hoy manana ayer cuando donde porque por para ella ellos ellas
        quisiera queria quiero puedo puede pueden necesito estoy estan fue llego llega pedido
        orden entrega envio cambio devolucion pago cuotas tarjeta efectivo hay aqui alli cosa
        cual cuales ningun ninguna dinero cambiar agente alguien hablar disponible comprar
        producto productos favor color talla mas menos bien vale voy va vamos seria hacer hace
        tienda horario abren plazo seguimiento codigo enviado enviar recibi recibir nada
        buenos buenas dias tardes noches senor senora vos podrias podria quieres usar
    """,
    "en": """
        you your yours thanks thank please yes no have has do does how much many price prices
        cost costs my mine our the an this that these those is are was were it its of to in
        on at for with without but also already still then very really hi hello hey bye now
        today tomorrow yesterday when where why because can could would want wanted need i im
        me we they he she order delivery shipping ship shipped return refund exchange payment
        pay card cash there here thing which any none money talk speak someone agent human
        available buy product products size color colour more less good great will
        going store hours open track tracking code sent send received receive what whats
        arrived arrive get got be been just if not dont cant didnt wont doesnt and or
    """,
}
# Words common to two languages (e.g. "no", "con", "para", "quando") are dropped from both
# below, so only their distinctive vocabulary scores.
PHRASES = {
    "pt": (
        "quanto custa",
        "bom dia",
        "boa tarde",
        "boa noite",
        "meu pedido",
        "por favor me",
        "tudo bem",
        "muito obrigado",
        "voce tem",
        "vcs tem",
        "o que",
        "nao chegou",
    ),
    "es": (
        "cuanto cuesta",
        "buenos dias",
        "buenas tardes",
        "buenas noches",
        "mi pedido",
        "muchas gracias",
        "por favor",
        "usted tiene",
        "lo que",
        "no llego",
        "que tal",
    ),
    "en": (
        "how much",
        "thank you",
        "good morning",
        "my order",
        "do you",
        "in stock",
        "what is",
        "i want",
        "i need",
        "can i",
        "is it",
    ),
}
PHRASE_WEIGHT = 2.5
LETTERS = {
    "pt": (("ã", 3.0), ("õ", 3.0), ("ç", 2.5), ("ê", 1.5), ("ô", 1.5), ("à", 1.0)),
    "es": (("ñ", 3.0), ("¿", 3.0), ("¡", 3.0)),
    "en": (),
}
SUFFIXES = {
    "pt": ((re.compile(r"(?:cao|coes|oes|inho|inha|agem)\b"), 1.5),),
    "es": ((re.compile(r"(?:cion|ciones|ito|ita|dad)\b"), 1.5),),
    "en": (
        (re.compile(r"(?:ing|tion|ness|ly)\b"), 1.0),
        (re.compile(r"\b\w+'(?:s|t|m|re|ll|ve|d)\b"), 2.0),
    ),
}


def _distinct_words():
    """Per language, its listed words that the other two do not list."""
    sets = {lang: set(text.split()) for lang, text in WORDS.items()}
    distinct = {}
    for lang, words in sets.items():
        others = set().union(*(s for other, s in sets.items() if other != lang))
        distinct[lang] = frozenset(words - others)
    return distinct


DISTINCT_WORDS = _distinct_words()


def language_scores(text):
    """Scores per language for ``text`` (higher is more likely); all zero without cues.

    >>> language_scores("obrigado!")["pt"] > 0
    True
    """
    raw = (text or "").lower()
    plain = normalise(text)
    words = tokens(plain)
    scores = dict.fromkeys(LANGUAGES, 0.0)
    for lang in LANGUAGES:
        scores[lang] += sum(1.0 for word in words if word in DISTINCT_WORDS[lang])
        padded = f" {plain} "
        scores[lang] += PHRASE_WEIGHT * sum(1 for p in PHRASES[lang] if f" {p} " in padded)
        scores[lang] += sum(weight * raw.count(letter) for letter, weight in LETTERS[lang])
        scores[lang] += sum(
            weight * len(pattern.findall(plain if lang != "en" else raw))
            for pattern, weight in SUFFIXES[lang]
        )
    return scores


def detect_language(text, default="pt"):
    """The most likely of ``pt`` / ``es`` / ``en`` for ``text``; ``default`` when no cue wins.

    A tie between the two best scores also returns ``default`` when it is one of them
    (the shop's language is the better guess), else the first of them in ``LANGUAGES``.
    """
    scores = language_scores(text)
    ranked = sorted(LANGUAGES, key=lambda lang: -scores[lang])
    best, second = ranked[0], ranked[1]
    if scores[best] <= 0:
        return default if default in LANGUAGES else LANGUAGES[0]
    if scores[best] == scores[second] and default in (best, second):
        return default
    return best
