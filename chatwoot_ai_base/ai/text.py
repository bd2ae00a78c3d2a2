# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Text normalisation shared by the language detector, the hub and the offline LLM.

Customers write "nao", "não" and "NÃO" for the same word, so every keyword match runs on
lower-case text without accents and with punctuation turned into spaces.

    >>> normalise("Não   chegou, AINDA!")
    'nao chegou ainda'
    >>> tokens("nao chegou ainda")
    ['nao', 'chegou', 'ainda']
"""

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9']+")


def normalise(text):
    """Lower case, accents stripped, anything but letters, digits and ' turned into one space."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", plain).strip()


def tokens(plain):
    """The words of an already normalised text."""
    return plain.split()


def contains_phrase(plain, phrase):
    """Whether normalised ``plain`` contains the normalised ``phrase`` as whole words.

    >>> contains_phrase("quero falar com um atendente", "falar com")
    True
    >>> contains_phrase("falaram comigo", "falar com")
    False
    """
    needle = normalise(phrase)
    return bool(needle) and f" {needle} " in f" {plain} "
