# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Evidence that two partners are one person, and how much it weighs.

>>> score(["phone"])
0.9
>>> score(["name_city", "bsuid_moved"])
0.92
>>> ordered_pair(7, 3)
(3, 7)
"""

EVIDENCE = [
    ("phone", "Same phone"),
    ("email", "Same e-mail"),
    ("name_city", "Same name and city"),
    ("bsuid_moved", "WhatsApp BSUID moved to another number"),
]
WEIGHTS = {"phone": 0.9, "email": 0.9, "name_city": 0.6, "bsuid_moved": 0.8}


def score(evidence):
    """Combined confidence (0..1) of independent pieces of evidence."""
    remaining = 1.0
    for kind in set(evidence):
        remaining *= 1 - WEIGHTS.get(kind, 0.0)
    return round(1 - remaining, 2)


def ordered_pair(first_id, second_id):
    """The pair in one order, so that (a, b) and (b, a) are one suggestion."""
    return (first_id, second_id) if first_id < second_id else (second_id, first_id)
