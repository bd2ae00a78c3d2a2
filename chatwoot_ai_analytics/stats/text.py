# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Text normalisation shared by the sentiment, intent and topic models (pt-BR, es, en).

It specialises the suite's normaliser (``chatwoot_ai_base/ai/text.py``: lower case, accents
folded by ``ascii_base``) for chat statistics over large batches. Chat messages are short,
informal and full of slang, so every model sees the same cleaned form:

* lowercase and without accents (``"Não"`` -> ``"nao"``), so typed-without-accent text matches;
* emojis and emoticons become the tokens ``emopos`` / ``emoneg``, laughter (``kkkk``, ``hahaha``,
  ``jajaja``) becomes ``risos``, letters repeated three times or more collapse (``muitooo``);
* common chat abbreviations are expanded (``vcs`` -> ``voces``, ``pq`` -> ``porque``,
  ``td`` -> ``tudo``, ``n`` -> ``nao``, ``don't`` -> ``do not``);
* negation scope: the words after a negator, up to three and never across punctuation or a
  "but", are prefixed ``NEG_`` (``"nao gostei"`` -> ``"nao NEG_gostei"``), so a classifier and
  the lexicon see "gostei" and "não gostei" as different features.

Everything works on one joined string per batch (``bytes.replace``, ``bytes.translate`` and
``re.sub`` run in C), so 300k messages normalise in a few seconds; :class:`FeatureSpace` turns
them into count matrices.

>>> normalize("Não gostei, mas o atendimento de vcs foi ÓTIMOOO!! 😍")
'nao NEG_gostei mas o atendimento de voces foi otimo ! ! emopos'
>>> normalize("Não é ruim")
'nao NEG_e NEG_ruim'
"""

import re
from itertools import repeat

import numpy as np
from scipy import sparse

from odoo.addons.chatwoot_ai_base.ai.text import ascii_base

NEGATION_PREFIX = "NEG_"
NEGATORS = frozenset(
    "nao nunca jamais nem nenhum nenhuma nada ninguem sem no ni tampoco ningun ninguna nadie sin "
    "not never nobody nothing without".split()
)
# Words that end a negation scope early: what follows "but" is not negated.
_SCOPE_BREAKERS = (
    "mas",
    "porem",
    "pero",
    "sino",
    "but",
    "however",
    "entretanto",
    "emopos",
    "emoneg",
)
INTENSIFIERS = frozenset(
    "muito muita muitos muitas super bem muy very mega hiper ultra bastante tao tan so too really "
    "extremely totalmente completamente absolutamente realmente incrivelmente mucho demasiado "
    "extremamente sumamente".split()
)
# "bom demais", "gostei muito", "me gustó mucho": the intensifier comes after the word it boosts.
POST_INTENSIFIERS = frozenset(["demais", "demasiado", "muito", "mucho", "bastante", "much"])
_NEGATION_SCOPE = 3
_PUNCTUATION_ORDER = "!?.,;:"
_PUNCTUATION = frozenset(_PUNCTUATION_ORDER)

POSITIVE_EMOJIS = "😍😊🙂😀😃😄😁😆🥰❤💕💖💗💙💜🧡💚👍👏🙏😘🤩✨🥳💯🤗😻🌟⭐😉🎉👌💪☺"
NEGATIVE_EMOJIS = "😡😠🤬😤😞😢😭😔☹🙁👎💔😒😩😫🤦😕😖😣😓😰😱🙄😑😬"

# Abbreviations seen in Brazilian / LatAm / English chat, expanded to the dictionary word so the
# lexicon and the classifiers see one spelling. Only unambiguous short forms are listed.
SLANG = {
    "vc": "voce",
    "vcs": "voces",
    "pq": "porque",
    "xq": "porque",
    "q": "que",
    "oq": "o que",
    "td": "tudo",
    "tds": "todos",
    "tb": "tambem",
    "tbm": "tambem",
    "n": "nao",
    "naum": "nao",
    "nn": "nao",
    "blz": "beleza",
    "obg": "obrigado",
    "obgd": "obrigado",
    "obgda": "obrigada",
    "brigado": "obrigado",
    "brigada": "obrigada",
    "vlw": "valeu",
    "msg": "mensagem",
    "hj": "hoje",
    "cmg": "comigo",
    "mt": "muito",
    "mto": "muito",
    "mta": "muita",
    "mtos": "muitos",
    "pfv": "por favor",
    "pfvr": "por favor",
    "pf": "por favor",
    "dps": "depois",
    "vdd": "verdade",
    "qdo": "quando",
    "qnd": "quando",
    "qnto": "quanto",
    "qto": "quanto",
    "ngm": "ninguem",
    "nd": "nada",
    "msm": "mesmo",
    "pra": "para",
    "pro": "para o",
    "ta": "esta",
    "tava": "estava",
    "eh": "e",
    "aki": "aqui",
    "aq": "aqui",
    "kd": "cade",
    "tmb": "tambien",
    "bn": "bien",
    "u": "you",
    "ur": "your",
    "thx": "thanks",
    "thnx": "thanks",
    "ty": "thank you",
    "pls": "please",
    "plz": "please",
    "im": "i am",
    "cant": "can not",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "wont": "will not",
    "isnt": "is not",
    "wasnt": "was not",
    "arent": "are not",
    "havent": "have not",
    # Greetings become one token: "boa" in "boa tarde" says nothing about the shop.
    "bom dia": "bomdia",
    "boa tarde": "boatarde",
    "boa noite": "boanoite",
    "buenos dias": "buenosdias",
    "buen dia": "buenosdias",
    "buenas tardes": "buenastardes",
    "buenas noches": "buenasnoches",
    "good morning": "goodmorning",
    "good afternoon": "goodafternoon",
    "good evening": "goodevening",
    "good night": "goodnight",
    "okay": "ok",
    "okey": "ok",
}

_EMOTICONS = (
    (re.compile(r"(?::|;|=)-?(?:\)|d\b|p\b|\]|\*)|<3|\^\^|\^_\^"), " emopos "),
    (re.compile(r"(?::|=)-?(?:\(|/(?!/)|\[)|:'\("), " emoneg "),
)
# The lookahead on the first letter makes the scan skip most positions without trying the
# alternation: this and the tries below keep each pass over 300k messages to a fraction of a
# second.
_LAUGHTER = re.compile(
    r"\b(?=[khrjl])(?:k{3,}|(?:ha){2,}h?|(?:he){2,}|(?:hi){2,}|(?:rs){2,}|(?:ja){2,}|(?:je){2,}|lol|lmao)\b"
)
_REPEATS = re.compile(r"([a-z])\1{2,}")
_SILENT_PUNCTUATION = re.compile(r"[.,;:]")
_REPEATED_PUNCT = re.compile(r"([!?.])(?: \1)+")
_SPACES = re.compile(r"[ ]{2,}")


def trie_pattern(words):
    """A regex alternation of ``words`` factored as a trie (``nao|nem`` -> ``n(?:ao|em)``).

    Python's regex engine tries alternatives one by one; sharing prefixes makes the scan of a
    large blob several times faster than a flat ``a|b|c`` alternation.
    """
    trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node_pattern(trie)


def _trie_node_pattern(node):
    branches = [
        re.escape(char) + _trie_node_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    optional = "" in node
    if len(branches) == 1 and not optional:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")


_SLANG_RE = re.compile(r"\b(" + trie_pattern(SLANG) + r")\b")
_NEGATION_RE = re.compile(
    r"\b(" + trie_pattern(NEGATORS) + r")\b"
    r"((?: (?!(?:" + "|".join(_SCOPE_BREAKERS) + r")\b)[a-z0-9_]+){1," + str(_NEGATION_SCOPE) + "})"
)


def _accent_translation():
    """``str.translate`` table from accented Latin letters to their ASCII base (``ç`` -> ``c``)."""
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = ascii_base(char)
        if base and base != char:
            table[code] = base.lower()
    return table


ACCENT_TRANSLATION = _accent_translation()


def _symbol_bytes():
    """UTF-8 bytes of emojis and typographic marks -> their replacement in normalised text."""
    table = {char.encode("utf-8"): b" emopos " for char in POSITIVE_EMOJIS}
    table.update({char.encode("utf-8"): b" emoneg " for char in NEGATIVE_EMOJIS})
    # Curly quotes count as the ASCII apostrophe for "don't"; joiners and variation selectors
    # (the invisible halves of "❤️") vanish.
    table.update({"\u2019".encode(): b"'", "\u2018".encode(): b"'", "\u2026".encode(): b" . "})
    table.update({"\u200d".encode(): b"", "\ufe0f".encode(): b""})
    return table


_SYMBOL_BYTES = _symbol_bytes()
# Emojis are 4-byte sequences (F0 ..), symbols and typographic punctuation 3-byte ones
# (E2/E3 ..: U+2000-U+3FFF), variation selectors EF B8 8x. One bytes regex finds them and the
# callback runs per symbol only; letters elsewhere (ligatures, full width) are left to NFKD.
_SYMBOLS = re.compile(rb"\xf0[\x80-\xbf]{3}|[\xe2\xe3][\x80-\xbf]{2}|\xef\xb8[\x80-\x8f]")


def _fold_to_ascii(blob):
    """Emojis to tokens, then accents and every other non-ASCII character away.

    Everything runs on the UTF-8 bytes of the whole batch: emojis through one bytes regex, the
    common accented letters through ``bytes.replace`` (C code); only lines still not ASCII after
    that go through NFKD, which splits "ŝ" into a base letter and a mark the ASCII encoding
    drops. A per-character ``str.translate`` table, or a regex over the 4-byte-per-character
    string an emoji makes of the batch, would cost seconds on 300k messages.
    """
    if blob.isascii():
        return blob
    data = _SYMBOLS.sub(lambda match: _SYMBOL_BYTES.get(match.group(), b" "), blob.encode("utf-8"))
    for accented, plain in _COMMON_ACCENTS:
        data = data.replace(accented, plain)
    if data.isascii():
        return data.decode("ascii")
    lines = data.split(b"\n")
    for number, line in enumerate(lines):
        if not line.isascii():
            lines[number] = ascii_base(line.decode("utf-8", "replace")).encode("ascii")
    return b"\n".join(lines).decode("ascii")


_COMMON_ACCENTS = tuple(
    (char.encode("utf-8"), ascii_base(char).encode("ascii"))
    for char in "áàâãäéèêëíìîïóòôõöúùûüçñºª"
) + (("¿".encode(), b" "), ("¡".encode(), b" "), ("\u00a0".encode(), b" "), ("´".encode(), b"'"))


def _byte_table():
    """``bytes.translate`` table: letters, digits, ``_``, ``'``, newline and punctuation kept."""
    keep = set(b"abcdefghijklmnopqrstuvwxyz0123456789_'\n") | set(_PUNCTUATION_ORDER.encode())
    return bytes(code if code in keep else ord(" ") for code in range(256))


_BYTE_TABLE = _byte_table()


def _mark_negation(match):
    words = match.group(2).split(" ")
    return match.group(1) + " ".join(NEGATION_PREFIX + word if word else word for word in words)


#: The last batch :func:`normalize_many` normalised and its result, swapped as one tuple (a
#: thread never reads one batch's texts with another's result).
_LAST_BATCH = ((), ())


def normalize_many(texts):
    """Normalise a batch of texts (see the module docstring); returns a list of strings.

    The last batch is remembered: the topic, sentiment and intent models of a refresh each
    normalise the same distinct texts of a batch of messages, one after the other, and the
    second and third get the first one's result.

    >>> normalize_many(["Não gostei!!"]) == normalize_many(["Não gostei!!"])
    True
    """
    global _LAST_BATCH  # noqa: PLW0603 - a one-entry memo
    texts = list(texts)
    if not texts:
        return []
    last_texts, last_result = _LAST_BATCH
    if len(last_texts) == len(texts) and last_texts == texts:
        return list(last_result)
    result = _normalize_batch(texts)
    _LAST_BATCH = (texts, result)
    return list(result)


def _normalize_batch(texts):
    blob = "\n".join((text or "").replace("\n", " ").replace("\r", " ") for text in texts)
    blob = _fold_to_ascii(blob.lower())
    for pattern, token in _EMOTICONS:
        blob = pattern.sub(token, blob)
    blob = blob.replace("can't", "can not").replace("won't", "will not").replace("n't", " not")
    blob = blob.encode("ascii").translate(_BYTE_TABLE, b"'").decode("ascii")
    for mark in _PUNCTUATION_ORDER:
        blob = blob.replace(mark, " " + mark + " ")
    blob = _LAUGHTER.sub(" risos ", blob)
    blob = _REPEATS.sub(r"\1", blob)
    blob = _SPACES.sub(" ", blob)
    blob = _REPEATED_PUNCT.sub(r"\1 \1", blob)
    blob = _SLANG_RE.sub(lambda match: SLANG[match.group(1)], blob)
    blob = _NEGATION_RE.sub(_mark_negation, blob)
    # Punctuation other than "?" and "!" has done its job (it ended negation scopes).
    blob = _SPACES.sub(" ", _SILENT_PUNCTUATION.sub(" ", blob))
    return [line.strip() for line in blob.split("\n")]


def normalize(text):
    """Normalise one text; prefer :func:`normalize_many` for batches."""
    return normalize_many([text])[0]


# Every token cut to its first five characters and marked "~", a negation mark kept
# ("gostei" -> "goste~", "gostou" -> "gosto~", "NEG_gostei" -> "NEG_goste~", "nao" -> "nao~"), so
# unseen inflections and typos still hit a known feature. Done with plain-string replacements
# only: a group reference ("\\1~") makes Python 3.11 expand a template in Python for each of the
# millions of tokens of a large batch.
_TAIL = re.compile(r"(?<=[a-z0-9_!?]{5})[a-z0-9_!?]+(?=~)")
_NEGATION_SIGN = "#"  # one character that normalised text never contains (see _BYTE_TABLE)


def _prefixes(joined):
    """``joined`` (space-separated tokens) with every token replaced by its marked prefix."""
    marked = joined.replace(NEGATION_PREFIX, _NEGATION_SIGN).replace(" ", "~ ") + "~"
    return _TAIL.sub("", marked).replace(_NEGATION_SIGN, NEGATION_PREFIX)


def analyze(normalized):
    """Features of one normalised text: its tokens, token bigrams and 5-character prefixes.

    >>> analyze("nao NEG_gostei do produto")[-4:]
    ['nao~', 'NEG_goste~', 'do~', 'produ~']
    """
    tokens = normalized.split()
    return (
        tokens
        + [" ".join(pair) for pair in zip(tokens, tokens[1:], strict=False)]
        + (_prefixes(" ".join(tokens)).split() if tokens else [])
    )


def words(normalized):
    """Plain words of a normalised text, without punctuation, negation marks or emoji tokens."""
    return [
        token[len(NEGATION_PREFIX) :] if token.startswith(NEGATION_PREFIX) else token
        for token in normalized.split()
        if token not in _PUNCTUATION and token not in ("emopos", "emoneg", "risos")
    ]


_COUNT_CHUNK = 50000


class FeatureSpace:
    """A fixed feature vocabulary and a fast batch transform into count matrices.

    Only features a model was trained on (plus the lexicon's) can carry a weight, so the space is
    the union of them and everything else is dropped. The per-text work is a handful of C-level
    calls (``split``, ``map`` over the dict, ``zip`` for bigrams): 300k messages take a couple
    of seconds where a Python loop per feature would take ten.
    """

    def __init__(self, features):
        # Columns start at 1 so that ``filter(None, map(dict.get, ...))`` drops unknown features
        # (None) in C, without a Python call per feature.
        self._index = {
            feature: column for column, feature in enumerate(sorted(set(features)), start=1)
        }
        self.size = len(self._index) + 1
        self._last = (None, None, None)

    @classmethod
    def from_texts(cls, texts, extra_features=()):
        features = set(extra_features)
        for normalized in normalize_many(texts):
            features.update(analyze(normalized))
        return cls(features)

    def columns(self, features):
        """Column of each feature (0 for a feature outside the space)."""
        return np.fromiter((self._index.get(feature, 0) for feature in features), dtype=np.int64)

    def transform(self, texts):
        """``(normalized texts, CSR count matrix)`` with one row per text.

        Chat traffic repeats itself ("ok", "obrigado", "bom dia"), so each distinct text is
        analysed once. The last batch is memoised: the Odoo side scores sentiment and then intent
        over the same list of messages, and the second model reuses the matrix.
        """
        texts = list(texts)
        if self._last[0] is not None and self._last[0] == texts:
            return self._last[1], self._last[2]
        position = {}
        inverse = [position.setdefault(text or "", len(position)) for text in texts]
        unique_normalized = normalize_many(list(position))
        # Counted in chunks: the token lists of a chunk are the peak memory, whatever the batch.
        chunks = [
            self._count_matrix(unique_normalized[start : start + _COUNT_CHUNK])
            for start in range(0, len(unique_normalized), _COUNT_CHUNK)
        ]
        matrix = (
            sparse.vstack(chunks, format="csr") if chunks else sparse.csr_matrix((0, self.size))
        )
        if len(position) < len(texts):
            matrix = matrix[inverse]
            normalized = [unique_normalized[index] for index in inverse]
        else:
            normalized = unique_normalized
        self._last = (texts, normalized, matrix)
        return normalized, matrix

    def _count_matrix(self, lines):
        """Counts of the batch's features, looked up over the whole batch at once.

        The lines are joined with a ``"\\n"`` token, split once, and every lookup is a
        ``map(dict.get, ...)`` over the full token list (C code, no Python call per feature);
        a running count of the separators gives each token its row. A bigram that spans two
        lines contains the separator, so it is never in the space and falls out with the rest.
        """
        tokens = " \n ".join(lines).split(" ")
        prefixes = _prefixes(" \n ".join(lines)).split(" ")
        count = len(tokens)
        rows = np.cumsum(np.fromiter(map("\n".__eq__, tokens), dtype=bool, count=count))
        column_of = self._index.get
        unigrams = np.fromiter(map(column_of, tokens, repeat(0)), dtype=np.int64, count=count)
        bigrams = np.fromiter(
            map(column_of, map(" ".join, zip(tokens, tokens[1:], strict=False)), repeat(0)),
            dtype=np.int64,
            count=count - 1,
        )
        prefix_columns = np.fromiter(
            map(column_of, prefixes, repeat(0)), dtype=np.int64, count=count
        )
        columns = np.concatenate([unigrams, bigrams, prefix_columns])
        row_of = np.concatenate([rows, rows[:-1], rows])
        known = columns != 0
        matrix = sparse.coo_matrix(
            (np.ones(int(known.sum())), (row_of[known], columns[known])),
            shape=(len(lines), self.size),
        ).tocsr()
        return matrix
