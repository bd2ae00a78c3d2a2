# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Values in PostgreSQL's COPY text format: the one encoder of the suite's ``COPY`` writes
(base's demo-shop loader, analytics' bulk writes). Plain Python.

>>> [copy_text(v) for v in (None, True, 3, "a\\tb", {"k": 1})]
['\\\\N', 't', '3', 'a\\\\tb', '{"k": 1}']
>>> from datetime import date, datetime
>>> copy_text(date(2026, 1, 5)), copy_text(datetime(2026, 1, 5, 10, 30))
('2026-01-05', '2026-01-05 10:30:00')
"""

import json

#: Backslash escapes of the COPY text format (a tab or newline inside a value).
ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
NULL = "\\N"


def copy_text(value):
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return NULL
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, (dict, list)):
        return json.dumps(value).translate(ESCAPES)
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
    return str(value).translate(ESCAPES)
