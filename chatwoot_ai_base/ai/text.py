# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The suite's one text normaliser: the hub, the language detector, the offline LLM, product
search (``search/text.py``) and the analytics text models (``stats/text.py``) all build on it.

Customers write "nao", "não" and "NÃO" for the same word, so every keyword match runs on
lower-case text without accents and with punctuation turned into spaces. Each user specialises
only what differs: which characters besides letters and digits survive (``keep``: the hub keeps
"'" for "don't", search keeps nothing, an LLM label keeps "_"), and the analytics batch path,
which folds 300k messages at once with the same ``ascii_base`` per character.

    >>> normalise("Não   chegou, AINDA!")
    'nao chegou ainda'
    >>> normalise("FPS-50, don't", keep="")
    'fps 50 don t'
    >>> tokens("nao chegou ainda")
    ['nao', 'chegou', 'ainda']
    >>> fold("Ação Ñandú"), ascii_base("ç"), ascii_base("€")
    ('acao nandu', 'c', '')
"""

import re
import unicodedata
from functools import lru_cache


def fold(text):
    """Lower case, accents stripped (other characters kept)."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def ascii_base(text):
    """The ASCII that ``text`` decomposes into: accents dropped, and any character without an
    ASCII base (emoji, symbols) dropped too ("ç" -> "c", "º" -> "o", "€" -> "")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=8)
def _non_word(keep):
    return re.compile(f"[^a-z0-9{re.escape(keep)}]+")


def normalise(text, keep="'"):
    """Lower case, accents stripped, anything but letters, digits and ``keep`` turned into one
    space."""
    return _non_word(keep).sub(" ", fold(text)).strip()


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
