# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Replace an erased person's name, e-mails and phone numbers inside other people's texts.

An erasure deletes the person's own messages; what others wrote about them stays ("call Maria
at +55 11 98765-4321", an AI run's summary, a colleague's delivery payload). Those mentions
are replaced by ``[erased]`` and counted.

* E-mails and phone numbers match anywhere: a phone in any notation whose digits are the
  person's (the number with or without its country code, at least eight digits).
* The full name matches anywhere, without regard to case or accents.
* A first or last name alone is everyone's ("Maria"): it is replaced only in a text that
  also holds one of the above, where it is sure to be this person.

>>> person = Person.build(names=["Maria Conceição"], emails=["maria@example.com"],
...                       phones=["+55 11 98765-4321"])
>>> scrub_text("Ligar para Maria no (11) 98765-4321", person)
('Ligar para [erased] no [erased]', 2)
>>> scrub_text("MARIA CONCEICAO pediu troca; maria@Example.com", person)
('[erased] pediu troca; [erased]', 2)
>>> scrub_text("A Maria da outra loja ligou", person)
('A Maria da outra loja ligou', 0)
>>> scrub_text("Pedido 123 do cliente 11 98765 4321", person)
('Pedido 123 do cliente [erased]', 1)
>>> scrub_json({"content": "Maria: 5511987654321", "n": 3}, person)
({'content': '[erased]: [erased]', 'n': 3}, 2)
"""

import re
import unicodedata
from dataclasses import dataclass

from .identities import MIN_PHONE_DIGITS, normalize_email, phone_digits

REPLACEMENT = "[erased]"
#: A run of a phone number in free text: digits with the separators people type.
PHONE_RUN = re.compile(r"[+(]?\d[\d\s().-]{6,}\d")
#: Name parts shorter than this are not searched alone ("da", "de", "Li").
MIN_NAME_PART = 3


def _fold_char(char):
    """One character without accent, lower case; the same length, so positions carry over."""
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", char.lower()) if not unicodedata.combining(c)
    )
    return folded if len(folded) == 1 else char.lower()


def fold(text):
    """``text`` lower case and without accents, character for character.

    >>> fold("Conceição")
    'conceicao'
    """
    return "".join(map(_fold_char, text))


@dataclass(frozen=True)
class Person:
    """What identifies the erased person in free text."""

    full_names: tuple = ()
    name_parts: tuple = ()
    emails: frozenset = frozenset()
    phones: frozenset = frozenset()

    @classmethod
    def build(cls, names=(), emails=(), phones=()):
        full_names, parts = set(), set()
        for name in names:
            words = fold(name or "").split()
            if len(words) >= 2:
                full_names.add(" ".join(words))
            parts.update(word for word in words if len(word) >= MIN_NAME_PART)
        return cls(
            full_names=tuple(sorted(full_names, key=len, reverse=True)),
            name_parts=tuple(sorted(parts, key=len, reverse=True)),
            emails=frozenset(filter(None, map(normalize_email, emails))),
            phones=frozenset(filter(None, map(phone_digits, phones))),
        )

    def __bool__(self):
        return bool(self.full_names or self.emails or self.phones)

    def search_terms(self):
        """Lower-case substrings a text must contain to possibly mention the person (for a
        database pre-filter): e-mails, full names, and the last eight digits of each phone."""
        return {
            "texts": sorted(self.emails | set(self.full_names)),
            "digits": sorted({phone[-MIN_PHONE_DIGITS:] for phone in self.phones}),
        }


def _same_phone(digits, phones):
    if len(digits) < MIN_PHONE_DIGITS:
        return False
    return any(
        digits == phone or phone.endswith(digits) or digits.endswith(phone) for phone in phones
    )


def _phone_span(match, person):
    """The span of the person's phone in a phone-like run, as a list of at most one: the
    whole run, or its tail after a space ("pedido 123 11 98765-4321")."""
    run = match.group()
    starts = [0] + [m.end() for m in re.finditer(r"\s+", run)]
    for start in starts:
        if _same_phone(re.sub(r"\D", "", run[start:]), person.phones):
            return [(match.start() + start, match.end())]
    return []


def _replace_spans(text, spans):
    """``text`` with each (start, end) span replaced, overlapping spans merged."""
    result, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        result.append(text[last:start])
        result.append(REPLACEMENT)
        last = end
    result.append(text[last:])
    return "".join(result)


def _word_spans(folded, phrase):
    return [match.span() for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded)]


def scrub_text(text, person):
    """``(text with the person's mentions replaced, number of mentions replaced)``."""
    if not text or not person:
        return text, 0
    folded = fold(text)
    spans = []
    for email in person.emails:
        spans += [m.span() for m in re.finditer(re.escape(email), folded)]
    if person.phones:
        spans += [span for match in PHONE_RUN.finditer(text) for span in _phone_span(match, person)]
    for name in person.full_names:
        spans += _word_spans(folded, name)
    if spans:
        # Sure it is this person: the first and last names alone go too.
        for part in person.name_parts:
            spans += _word_spans(folded, part)
    if not spans:
        return text, 0
    merged = _merge(spans)
    return _replace_spans(text, merged), len(merged)


def _merge(spans):
    merged = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def scrub_json(value, person):
    """``(value with every string scrubbed, mentions replaced)`` for parsed JSON."""
    if isinstance(value, str):
        return scrub_text(value, person)
    if isinstance(value, list):
        total, items = 0, []
        for item in value:
            item, count = scrub_json(item, person)
            items.append(item)
            total += count
        return items, total
    if isinstance(value, dict):
        total, items = 0, {}
        for key, item in value.items():
            item, count = scrub_json(item, person)
            items[key] = item
            total += count
        return items, total
    return value, 0
