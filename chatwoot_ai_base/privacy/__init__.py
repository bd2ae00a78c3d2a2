# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Personal-data rules as plain computation: retention cut-offs and identity matching.

No ``import odoo`` here: the models pass plain values in and act on what comes back.
"""

from . import export, identities, retention
