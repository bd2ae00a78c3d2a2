# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""SQL builders of the models: statements composed with ``odoo.tools.SQL``, no ORM, no cursor;
the models run them."""
