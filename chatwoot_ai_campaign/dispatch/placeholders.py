# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""``{placeholder}`` fields of campaign messages: found, validated and rendered.

>>> unknown_placeholders("Oi {first_name}, use {coupon} até {prazo}!")
['prazo']
>>> render("Oi {first_name}, use {coupon}!", {"first_name": "Ana", "coupon": "BEMVINDA"})
'Oi Ana, use BEMVINDA!'
>>> render("Oi {first_name}!", {})
'Oi !'
>>> render('JSON {"a": 1} stays', {})
'JSON {"a": 1} stays'
"""

import re

from .constants import PLACEHOLDERS

PLACEHOLDER_RE = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def placeholders_in(text):
    """Placeholder names in ``text``, in order of first use."""
    return list(dict.fromkeys(PLACEHOLDER_RE.findall(text or "")))


def unknown_placeholders(text, known=PLACEHOLDERS):
    return [name for name in placeholders_in(text) if name not in known]


def render(text, values, known=PLACEHOLDERS):
    """``text`` with each known placeholder replaced by its value ("" when missing)."""

    def replace(match):
        name = match.group(1)
        if name not in known:
            return match.group(0)
        value = values.get(name)
        return "" if value in (None, False) else str(value)

    return PLACEHOLDER_RE.sub(replace, text or "")


def first_name(name):
    """The capitalised first word of ``name``.

    >>> first_name("  ana  souza ")
    'Ana'
    """
    parts = (name or "").split()
    return parts[0].capitalize() if parts else ""
