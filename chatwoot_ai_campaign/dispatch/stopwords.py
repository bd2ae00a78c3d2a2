# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Opt-out keywords: "SAIR", "PARAR", "STOP", "BAJA", "CANCELAR", "DESCADASTRAR".

A message opts out when it is the keyword alone or nearly (a few polite words around
it), in any case and with or without accents; a sentence that merely contains the word
does not ("não quero cancelar meu pedido" is about an order).

>>> detect_stop("SAIR").keyword, detect_stop("Parar!!").language
('sair', 'pt')
>>> detect_stop("  stop please ").language
'en'
>>> detect_stop("Quiero darme de BAJA").language
'es'
>>> detect_stop("descadastrár 🙏").keyword
'descadastrar'
>>> detect_stop("não quero cancelar meu pedido, só trocar o endereço") is None
True
>>> detect_stop("Cancelar", default_language="es").language
'es'
"""

import re
import unicodedata
from dataclasses import dataclass

#: Keyword -> the language it says most about ("cancelar" is pt and es alike).
KEYWORDS = {
    "sair": "pt",
    "parar": "pt",
    "descadastrar": "pt",
    "cancelar": None,
    "stop": "en",
    "unsubscribe": "en",
    "baja": "es",
}
#: Words that may surround the keyword, and the language they hint at.
FILLERS = {
    "pt": {
        "por",
        "favor",
        "pfv",
        "pf",
        "quero",
        "eu",
        "me",
        "da",
        "lista",
        "obrigado",
        "obrigada",
        "pode",
        "agora",
        "ja",
        "sim",
        "de",
        "mensagens",
        "receber",
    },
    "es": {
        "por",
        "favor",
        "quiero",
        "darme",
        "de",
        "dar",
        "me",
        "la",
        "lista",
        "gracias",
        "ya",
        "mensajes",
        "si",
        "dame",
    },
    "en": {
        "please",
        "me",
        "i",
        "want",
        "to",
        "now",
        "thanks",
        "thank",
        "you",
        "messages",
        "all",
        "pls",
    },
}
ALL_FILLERS = set().union(*FILLERS.values())
MAX_WORDS = 5

CONFIRMATIONS = {
    "pt": "Pronto, você não receberá mais nossas mensagens por este canal. "
    "Se mudar de ideia, é só nos avisar.",
    "es": "Listo, ya no recibirás nuestros mensajes por este canal. "
    "Si cambias de opinión, avísanos.",
    "en": "Done, you will no longer receive our messages on this channel. "
    "If you change your mind, just let us know.",
}


@dataclass(frozen=True)
class StopMatch:
    keyword: str
    language: str


def normalise(text):
    """Lower case, accents and punctuation removed, words separated by one space.

    >>> normalise("  DESCADASTRÁR!!! 🙏 ")
    'descadastrar'
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[a-z0-9]+", plain.casefold()))


def detect_stop(text, default_language="pt"):
    """The :class:`StopMatch` of an opt-out message, or None."""
    words = normalise(text).split()
    if not words or len(words) > MAX_WORDS:
        return None
    keywords = [word for word in words if word in KEYWORDS]
    if not keywords:
        return None
    others = [word for word in words if word not in KEYWORDS]
    if any(word not in ALL_FILLERS for word in others):
        return None
    keyword = keywords[0]
    language = KEYWORDS[keyword]
    hints = {lang: sum(word in fillers for word in others) for lang, fillers in FILLERS.items()}
    best = max(hints, key=lambda lang: (hints[lang], lang == default_language))
    if hints[best] and (language is None or hints[best] > hints.get(language, 0)):
        language = best
    return StopMatch(keyword, language or default_language)


def confirmation(language):
    """The short confirmation sent back, in pt, es or en (pt for anything else)."""
    return CONFIRMATIONS.get((language or "pt")[:2], CONFIRMATIONS["pt"])
