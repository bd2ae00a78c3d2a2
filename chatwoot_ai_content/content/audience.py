# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The language of an audience: what most customers of a segment read.

Each customer counts once. What they wrote is the strongest sign: the language detected in
their messages and comments, when there are any, wins over the language set on their
contact (often the shop's default, never changed); a customer with neither does not vote.
The audience's language is the one most customers vote for; a tie goes to the brand's
default when it is among the tied, else to the first language in ``LANGUAGES`` order.

    >>> dominant_language([("es_AR", {}), ("pt_BR", {"es": 3}), ("pt_BR", {})], "pt")
    'es'
    >>> dominant_language([("en_US", {}), ("pt_BR", {})], "pt")
    'pt'
    >>> dominant_language([], "en") is None
    True
"""

from collections import Counter

from .constants import LANGUAGES, writer_language


def customer_language(partner_lang, detected):
    """ "pt" / "es" / "en" for one customer, or None.

    ``detected`` maps a writer language to how many of the customer's messages were
    detected in it.

    >>> customer_language("pt_BR", {"es": 2, "pt": 1}), customer_language("es_419", {})
    ('es', 'es')
    >>> customer_language("fr_FR", {}) is None
    True
    """
    votes = {lang: count for lang, count in (detected or {}).items() if lang in LANGUAGES}
    if votes:
        return max(LANGUAGES, key=lambda lang: (votes.get(lang, 0), -LANGUAGES.index(lang)))
    return writer_language(partner_lang, None)


def dominant_language(customers, default=None):
    """The writer language most ``customers`` read, or None for an audience without one.

    ``customers`` is an iterable of ``(partner_lang, {detected language: count})``.
    """
    votes = Counter(
        lang
        for lang in (customer_language(partner, detected) for partner, detected in customers)
        if lang
    )
    if not votes:
        return None
    best = max(votes.values())
    tied = [lang for lang in LANGUAGES if votes[lang] == best]
    return default if default in tied else tied[0]
