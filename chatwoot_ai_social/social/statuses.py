# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""WhatsApp delivery statuses arrive unordered: the most advanced one wins, ``failed`` above all.

>>> most_advanced([("delivered", 2), ("sent", 1), ("read", 3)])
('read', 3)
>>> most_advanced([("read", 5), ("failed", 4)])
('failed', 4)
>>> most_advanced([])
"""

STATUSES = [
    ("sent", "Sent"),
    ("delivered", "Delivered"),
    ("read", "Read"),
    ("failed", "Failed"),
]
RANK = {"sent": 1, "delivered": 2, "read": 3, "failed": 4}


def most_advanced(rows):
    """The ``(status, *rest)`` row of highest rank; ties keep the first seen."""
    best = None
    for row in rows:
        if row[0] in RANK and (best is None or RANK[row[0]] > RANK[best[0]]):
            best = row
    return best
