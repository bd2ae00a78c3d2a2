# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure helpers of the catalog and knowledge search: query normalisation and ranking.

No ``odoo`` import: the models run the SQL, this package decides what to ask and how the
components of a score add up.
"""

from .plan import query_plan
from .ranking import WEIGHTS, score_detail, tsquery_text
from .text import (
    GLOSSARY,
    close_glossary_word,
    expand_terms,
    normalize,
    query_terms,
    transpositions,
)

__all__ = [
    "GLOSSARY",
    "WEIGHTS",
    "close_glossary_word",
    "expand_terms",
    "normalize",
    "query_plan",
    "query_terms",
    "score_detail",
    "transpositions",
    "tsquery_text",
]
