# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The content crew, pure Python: facts, the offline writer, validators, palettes, briefs,
the "what works" statistics and the catalog feed rows.

Nothing here imports Odoo; the models pass plain data in and store what comes back.
"""

from .constants import CHANNEL_OF_KIND, KINDS, LIMITS
from .facts import BrandVoice, ProductFacts, Promotion
