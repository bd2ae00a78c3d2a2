# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""SQL plumbing shared by the analytics models: bulk writes through COPY, numeric reads."""
