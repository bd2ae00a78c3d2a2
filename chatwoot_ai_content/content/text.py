# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Small text helpers of the content crew."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text):
    """Lower case without accents, punctuation turned into single spaces.

    >>> fold("Maquiagem / Batons Líquidos!")
    'maquiagem batons liquidos'
    """
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", plain).strip()


def hashtag(text):
    """A hashtag (without ``#``) for ``text``: words glued, no accents nor punctuation.

    >>> hashtag("Batom Matte Vermelho"), hashtag("Loja da Ana!"), hashtag("  ")
    ('batommattevermelho', 'lojadaana', '')
    """
    return fold(text).replace(" ", "")


def capitalise(text):
    """``text`` with its first letter in upper case (the rest kept).

    >>> capitalise("cor options: Nude")
    'Cor options: Nude'
    """
    return text[:1].upper() + text[1:]


def join_words(values, conjunction):
    """``values`` joined the way prose lists them.

    >>> join_words(["P", "M", "G"], "e"), join_words(["Nude"], "y")
    ('P, M e G', 'Nude')
    """
    values = [v for v in values if v]
    if len(values) <= 1:
        return "".join(values)
    return f"{', '.join(values[:-1])} {conjunction} {values[-1]}"


def truncate(text, limit, ellipsis=True):
    """``text`` cut to at most ``limit`` characters at a sentence, else a word, boundary.

    >>> truncate("Uma frase. Outra frase longa demais.", 16)
    'Uma frase.'
    >>> truncate("palavras muito compridas aqui", 18)
    'palavras muito…'
    >>> truncate("curto", 10)
    'curto'
    """
    text = (text or "").strip()
    if limit is None or len(text) <= limit:
        return text
    head = text[:limit]
    cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? "), head.rfind("\n"))
    if cut >= limit // 2:
        return head[: cut + 1].strip()
    room = head[: limit - 1] if ellipsis else head
    words = room.rsplit(" ", 1)[0].rstrip(",;:-| ")
    return f"{words}…" if ellipsis else words
