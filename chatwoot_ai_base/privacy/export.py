# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The personal-data export document (LGPD art. 18, GDPR art. 15 and 20).

>>> from datetime import datetime
>>> doc = build_document(datetime(2026, 1, 2, 3, 4, 5), [{"id": 7}], {"identities": []})
>>> doc["export"]["generated_at"], doc["subjects"], doc["identities"]
('2026-01-02T03:04:05Z', [{'id': 7}], [])
>>> parse_json_or_text('{"a": 1}'), parse_json_or_text("not json")
({'a': 1}, 'not json')
"""

import json

LEGAL_BASIS = "LGPD (Lei 13.709/2018) art. 18, II (access) and V (portability); GDPR art. 15 and 20"
FORMAT_VERSION = 1


def build_document(generated_at, subjects, sections):
    """The export: a header, the people it is about, then one list per kind of data."""
    document = {
        "export": {
            "generated_at": generated_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "legal_basis": LEGAL_BASIS,
            "format_version": FORMAT_VERSION,
            "producer": "ChatwootAI",
        },
        "subjects": subjects,
    }
    document.update(sections)
    return document


def dumps(document):
    """JSON text; dates and anything else not JSON-native become strings."""
    return json.dumps(document, default=str, ensure_ascii=False, indent=2)


def parse_json_or_text(text):
    """A stored raw body as data when it is JSON, as the text otherwise."""
    if not text:
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text
