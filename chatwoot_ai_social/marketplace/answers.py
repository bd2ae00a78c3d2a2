# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Public answers without contact details, as marketplaces demand.

Mercado Livre refuses (and may penalise) answers that carry phone numbers, e-mail addresses,
links or social-media handles, and accepts at most 2,000 characters. :func:`clean_answer`
strips them from a draft; :func:`answer_problems` says what is still wrong with a text.

>>> clean_answer("Temos sim! Chama no zap (11) 98765-4321 ou vendas@loja.com.br 😊")
'Temos sim! Chama no zap ou 😊'
>>> clean_answer("Veja em https://loja.example.com/p/1 ou www.loja.com.br, e no @lojabela.")
'Veja em ou, e no.'
>>> clean_answer("O kit custa R$ 1.299,90 e mede 30x40 cm; pedido 2025 chega em 3 dias.")
'O kit custa R$ 1.299,90 e mede 30x40 cm; pedido 2025 chega em 3 dias.'
>>> answer_problems("Liga 11 3456-7890")
['phone']
>>> answer_problems("  ")
['empty']
>>> len(clean_answer("palavra " * 400)) <= MAX_ANSWER_LENGTH
True
"""

import re

MAX_ANSWER_LENGTH = 2000
#: ``(kind, pattern)`` in the order they are looked for: e-mails before handles and links.
CONTACT_PATTERNS = [
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)),
    ("link", re.compile(r"\b(?:https?://|www\.)\S+?(?=[,.;:!?)]*(?:\s|$))", re.IGNORECASE)),
    (
        "link",
        re.compile(
            r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|shop|store|site|online|link|me|ly|io|app)"
            r"(?:\.br)?\b(?:/\S*?(?=[,.;:!?)]*(?:\s|$)))?",
            re.IGNORECASE,
        ),
    ),
    ("handle", re.compile(r"(?<![\w.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])")),
    # Eight or more digits with the separators people type: (11) 98765-4321, +55 11 ..., 0800.
    ("phone", re.compile(r"(?<![\w,.])\+?\(?\d(?:[\s().-]{0,2}\d){7,14}(?![\w,])")),
]


def find_contact_details(text):
    """``[(kind, matched text)]`` of every contact detail in ``text``, in order found."""
    found = []
    remaining = text or ""
    for kind, pattern in CONTACT_PATTERNS:
        for match in pattern.finditer(remaining):
            found.append((kind, match.group(0)))
        remaining = pattern.sub(" ", remaining)
    return found


def _tidy(text):
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" +([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r" *\n *", "\n", text)
    return text.strip()


def _shorten(text, limit=MAX_ANSWER_LENGTH):
    """At most ``limit`` characters, cut after a sentence or a word, never inside one."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    sentence = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if sentence > limit // 2:
        return cut[: sentence + 1]
    return cut[: cut.rfind(" ")].rstrip(" ,;:") + "…"


def clean_answer(text):
    """``text`` without contact details, tidied, within :data:`MAX_ANSWER_LENGTH`."""
    cleaned = text or ""
    for _kind, pattern in CONTACT_PATTERNS:
        cleaned = pattern.sub(" ", cleaned)
    return _shorten(_tidy(cleaned))


def answer_problems(text):
    """What forbids publishing ``text`` as is: ``empty``, ``too_long`` and contact kinds."""
    if not (text or "").strip():
        return ["empty"]
    problems = []
    if len(text) > MAX_ANSWER_LENGTH:
        problems.append("too_long")
    for kind, _match in find_contact_details(text):
        if kind not in problems:
            problems.append(kind)
    return problems
