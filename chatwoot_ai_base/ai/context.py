# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The machine-readable context block carried inside a crew task's description.

A remote LLM reads it as plain JSON; the offline LLM parses it back to render its answer
from the same facts, so both providers answer from exactly what the tools returned.

    >>> block = context_block({"intent": "product", "products": []})
    >>> parse_context("Task...\\n" + block + "\\nmore")["intent"]
    'product'
    >>> parse_context("no block here") is None
    True
"""

import json
import re

BEGIN = "<<<CHATWOOT_CONTEXT_JSON"
END = "CHATWOOT_CONTEXT_JSON>>>"
_BLOCK = re.compile(re.escape(BEGIN) + r"\s*(.*?)\s*" + re.escape(END), re.DOTALL)


def context_block(context):
    """``context`` as sorted, compact-ish JSON between the markers (stable byte for byte)."""
    body = json.dumps(context, ensure_ascii=False, sort_keys=True, default=str)
    return f"{BEGIN}\n{body}\n{END}"


def parse_context(text):
    """The dict of the last context block in ``text``; None when there is none or it is broken."""
    matches = _BLOCK.findall(text or "")
    if not matches:
        return None
    try:
        value = json.loads(matches[-1])
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
