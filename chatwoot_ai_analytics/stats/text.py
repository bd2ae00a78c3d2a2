# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Text normalisation shared by the sentiment, intent and topic models (pt-BR, es, en).

Chat messages are short, informal and full of slang, so every model sees the same cleaned form:

* lowercase and without accents (``"Não"`` -> ``"nao"``), so typed-without-accent text matches;
* emojis and emoticons become the tokens ``emopos`` / ``emoneg``, laughter (``kkkk``, ``hahaha``,
  ``jajaja``) becomes ``risos``, letters repeated three times or more collapse (``muitooo``);
* common chat abbreviations are expanded (``vcs`` -> ``voces``, ``pq`` -> ``porque``,
  ``td`` -> ``tudo``, ``n`` -> ``nao``, ``don't`` -> ``do not``);
* negation scope: the words after a negator, up to three and never across punctuation or a
  "but", are prefixed ``neg_`` (``"nao gostei"`` -> ``"nao neg_gostei"``), so a classifier and
  the lexicon see "gostei" and "não gostei" as different features.

Everything works on one joined string per batch (``str.translate`` and ``re.sub`` run in C), so
300k messages normalise in about a second; per-text Python work is limited to :func:`analyze`.

>>> normalize("Não gostei, mas o atendimento de vcs foi ÓTIMOOO!! 😍")
'nao neg_gostei , mas o atendimento de voces foi otimo ! ! emopos'
>>> normalize("Não é ruim")
'nao neg_e neg_ruim'
>>> analyze("nao neg_gostei do produto")[:5]
['nao', 'neg_gostei', 'do', 'produto', 'nao neg_gostei']
"""

import re
import unicodedata

import numpy as np
from sklearn.feature_extraction import FeatureHasher

NEGATION_PREFIX = "neg_"
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
_PUNCTUATION = frozenset("!?.,;:")

POSITIVE_EMOJIS = "😍😊🙂😀😃😄😁😆🥰❤💕💖💗💙💜🧡💚👍👏🙏😘🤩✨🥳💯🤗😻🌟⭐😉🎉👌💪☺"
NEGATIVE_EMOJIS = "😡😠🤬😤😞😢😭😔☹🙁👎💔😒😩😫🤦😕😖😣😓😰😱🙄😑😬"

# Abbreviations seen in Brazilian / LatAm / English chat, expanded to the dictionary word so the
# lexicon and the classifiers see one spelling. Only unambiguous short forms are listed.
SLANG = {
    "vc": "voce",
    "vcs": "voces",
    "voce": "voce",
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
    "to": None,  # "tô" (pt) vs "to" (en): left alone on purpose
    "eh": "e",
    "entrgea": "entrega",
    "entregaram": "entregaram",
    "cade": "cade",
    "aki": "aqui",
    "aq": "aqui",
    "kd": "cade",
    "tmb": "tambien",
    "bn": "bien",
    "x": None,
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
    "ok": "ok",
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
SLANG = {key: value for key, value in SLANG.items() if value and value != key}

_EMOTICONS = (
    (re.compile(r"(?::|;|=)-?(?:\)|d\b|p\b|\]|\*)|<3|\^\^|\^_\^"), " emopos "),
    (re.compile(r"(?::|=)-?(?:\(|/(?!/)|\[)|:'\("), " emoneg "),
)
# The lookahead on the first letter makes the scan skip most positions without trying the
# alternation: this and the tries below keep a 300k-message batch around a second.
_LAUGHTER = re.compile(
    r"\b(?=[khrjl])(?:k{3,}|(?:ha){2,}h?|(?:he){2,}|(?:hi){2,}|(?:rs){2,}|(?:ja){2,}|(?:je){2,}|lol|lmao)\b"
)
_REPEATS = re.compile(r"([a-z])\1{2,}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_REPEATED_PUNCT = re.compile(r"([!?.])(?: \1)+")
_SPACES = re.compile(r"[ ]{2,}")


def _trie_pattern(words):
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


_SLANG_RE = re.compile(r"\b(" + _trie_pattern(SLANG) + r")\b")
_NEGATION_RE = re.compile(
    r"\b(" + _trie_pattern(NEGATORS) + r")\b"
    r"((?: (?!(?:" + "|".join(_SCOPE_BREAKERS) + r")\b)[a-z0-9_]+){1," + str(_NEGATION_SCOPE) + "})"
)


def _accent_translation():
    """``str.translate`` table from accented Latin letters to their ASCII base (``ç`` -> ``c``)."""
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        if base and base != char:
            table[code] = base.lower()
    return table


ACCENT_TRANSLATION = _accent_translation()


def _build_translation():
    """Accents to ASCII, known emojis to sentiment tokens and punctuation spacing, in one table."""
    table = dict(ACCENT_TRANSLATION)
    for char in POSITIVE_EMOJIS:
        table[ord(char)] = " emopos "
    for char in NEGATIVE_EMOJIS:
        table[ord(char)] = " emoneg "
    # Curly quotes (phones type them) count as the ASCII apostrophe for "don't".
    table.update({0x2019: "'", 0x2018: "'", 0xFE0F: "", 0x200D: "", 0xA0: " ", 0x2026: " . "})
    # ASCII: punctuation that carries meaning becomes a token, everything else but letters,
    # digits, "_" and the apostrophe becomes a space (done here rather than by a slower regex).
    for code in range(0x80):
        char = chr(code)
        if char in _PUNCTUATION:
            table[code] = " " + char + " "
        elif not (char.isalnum() or char in "_'\n"):
            table[code] = " "
    return table


_TRANSLATION = _build_translation()


def _mark_negation(match):
    words = match.group(2).split(" ")
    return match.group(1) + " ".join(NEGATION_PREFIX + word if word else word for word in words)


def normalize_many(texts):
    """Normalise a batch of texts (see the module docstring); returns a list of strings."""
    blob = "\n".join((text or "").replace("\n", " ").replace("\r", " ") for text in texts)
    blob = blob.lower()
    for pattern, token in _EMOTICONS:
        blob = pattern.sub(token, blob)
    blob = blob.translate(_TRANSLATION)
    blob = blob.replace("can't", "can not").replace("won't", "will not").replace("n't", " not")
    blob = blob.replace("'", "")
    blob = _NON_ASCII.sub(" ", blob)
    blob = _LAUGHTER.sub(" risos ", blob)
    blob = _REPEATS.sub(r"\1", blob)
    blob = _SPACES.sub(" ", blob)
    blob = _REPEATED_PUNCT.sub(r"\1 \1", blob)
    blob = _SLANG_RE.sub(lambda match: SLANG[match.group(1)], blob)
    blob = _NEGATION_RE.sub(_mark_negation, blob)
    return [line.strip() for line in blob.split("\n")]


def normalize(text):
    """Normalise one text; prefer :func:`normalize_many` for batches."""
    return normalize_many([text])[0]


_STEM_LENGTH = 5


def analyze(normalized):
    """Features of one normalised text: words, word bigrams and 5-letter stems of long words.

    Punctuation breaks bigrams; only ``?`` and ``!`` are kept as features (questions are rarely
    emotional, exclamations often are). Stems (``"gost~"``) let the
    models generalise over inflections and typos that a fixed vocabulary would miss
    (``gostei``/``gostou``, ``atrasado``/``atrasou``); negated words keep their prefix in the stem.
    """
    tokens = normalized.split()
    features = [token for token in tokens if token not in _PUNCTUATION or token in "?!"]
    features.extend(
        left + " " + right
        for left, right in zip(tokens, tokens[1:], strict=False)
        if left not in _PUNCTUATION and right not in _PUNCTUATION
    )
    features.extend(_stem(token) for token in tokens if len(token) > _STEM_LENGTH + 1)
    return features


def _stem(token):
    if token.startswith(NEGATION_PREFIX):
        return token[: len(NEGATION_PREFIX) + _STEM_LENGTH] + "~"
    return token[:_STEM_LENGTH] + "~"


def words(normalized):
    """Plain words of a normalised text, without punctuation, negation marks or emoji tokens."""
    return [
        token[len(NEGATION_PREFIX) :] if token.startswith(NEGATION_PREFIX) else token
        for token in normalized.split()
        if token not in _PUNCTUATION and token not in ("emopos", "emoneg", "risos")
    ]


# Hashed features: no vocabulary to keep in memory or to fit, the transform runs in Cython, and
# the sentiment and intent models share one matrix per batch (see :func:`featurize`).
HASH_FEATURES = 2**20
_HASHER = FeatureHasher(n_features=HASH_FEATURES, input_type="string", alternate_sign=False)
_last_batch = {"texts": None, "normalized": None, "matrix": None}


def feature_indexes(features):
    """Columns of features (as produced by :func:`analyze`) in :func:`featurize` matrices."""
    if not features:
        return np.zeros(0, dtype=np.int64)
    return _HASHER.transform([feature] for feature in features).tocsr().indices.astype(np.int64)


def featurize(texts):
    """Normalised texts and their hashed feature-count matrix (CSR, ``len(texts)`` rows).

    Chat traffic repeats itself ("ok", "obrigado", "bom dia"), so each distinct text is analysed
    once. The last batch is memoised: the Odoo side scores sentiment and then intent over the
    same list of messages, and the second model gets the matrix without recomputing it.
    """
    texts = list(texts)
    if _last_batch["texts"] is not None and _last_batch["texts"] == texts:
        return _last_batch["normalized"], _last_batch["matrix"]
    position = {}
    inverse = [position.setdefault(text or "", len(position)) for text in texts]
    unique_normalized = normalize_many(list(position))
    matrix = _HASHER.transform(analyze(text) for text in unique_normalized).tocsr()
    if len(position) < len(texts):
        matrix = matrix[inverse]
        normalized = [unique_normalized[index] for index in inverse]
    else:
        normalized = unique_normalized
    _last_batch.update(texts=texts, normalized=normalized, matrix=matrix)
    return normalized, matrix
