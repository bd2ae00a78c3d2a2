# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure helpers of the catalog and knowledge search: query normalisation and ranking.

No ``odoo`` import: the models run the SQL, this package decides what to ask and how the
components of a score add up.
"""

from .ranking import WEIGHTS, score_detail, tsquery_text
from .text import expand_terms, normalize, query_terms

__all__ = ["WEIGHTS", "expand_terms", "normalize", "query_terms", "score_detail", "tsquery_text"]
