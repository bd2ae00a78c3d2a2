# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How a product's score is made of its components, so that a ranking can be explained.

Every component is in [0, 1]; the score is their weighted sum. The SQL orders candidates by
the same sum, built from :data:`WEIGHTS`, so the order and the explanation cannot drift apart.

>>> detail = score_detail({"fts": 0.5, "name_similarity": 0.4, "word_similarity": 1.0,
...                         "name_match": 1.0, "coverage": 1.0})
>>> detail["score"]
0.78
>>> tsquery_text([("batom", ()), ("vermlho", ("vermelho",))])
'(batom) & (vermlho | vermelho)'
>>> tsquery_text([("batom", ()), ("vermlho", ("vermelho",))], operator="|")
'(batom) | (vermlho | vermelho)'
>>> tsquery_text([("tshirt", ("t-shirt",))], weight="A")
'(tshirt:A | t:A <-> shirt:A)'
"""

#: component -> weight. ``fts``: best ts_rank of the portuguese/spanish/english
#: configurations, scaled to [0, 1[ (rank / (rank + 1)); ``coverage``: share of the query's
#: terms the document contains; ``name_similarity``: trigram similarity between the query
#: and the name; ``word_similarity``: best trigram match of the query inside the document
#: (typos); ``name_match``: 1 when every term of the query is in the name.
WEIGHTS = {
    "fts": 0.2,
    "coverage": 0.3,
    "name_similarity": 0.2,
    "word_similarity": 0.1,
    "name_match": 0.2,
}


def score_detail(components):
    """The components, each with its weight and share, and the rounded total score."""
    detail = {}
    total = 0.0
    for name, weight in WEIGHTS.items():
        value = float(components.get(name) or 0.0)
        share = weight * value
        total += share
        detail[name] = {"value": round(value, 4), "weight": weight, "points": round(share, 4)}
    detail["score"] = round(total, 4)
    return detail


def tsquery_text(groups, operator="&", weight=""):
    """A ``to_tsquery`` text joining groups with ``operator``; alternatives inside a group.
    With ``weight`` ("A"), each word only matches lexemes of that weight (the name).

    ``groups`` are ``(term, alternatives)`` pairs of normalised words ([a-z0-9] only, which
    :func:`.text.normalize` guarantees), so the text needs no quoting. Multi-word
    alternatives ("t-shirt") become phrases.
    """
    parts = []
    for term, alternatives in groups:
        words = [term, *[alt for alt in alternatives if alt != term]]
        suffix = f":{weight}" if weight else ""
        options = [
            " <-> ".join(f"{part}{suffix}" for part in word.replace("-", " ").split())
            for word in words
        ]
        parts.append("(" + " | ".join(options) + ")")
    return f" {operator} ".join(parts)
