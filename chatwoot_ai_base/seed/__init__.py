# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Deterministic demo data for a Brazilian cosmetics and fashion shop, as plain rows.

Pure Python (no ``import odoo``): :func:`generator.generate` turns a scale, a seed and an
anchor date into customers, orders, campaigns and Chatwoot conversations. The Odoo model
``chatwoot.demo.seed`` loads those rows into the database.
"""

from .generator import SCALES, Scale, SeedData, generate
