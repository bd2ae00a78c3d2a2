# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The campaign dispatch engine in plain Python (no Odoo): planning, throttling, load
balancing, variant optimisation, placeholders and opt-out keywords."""
