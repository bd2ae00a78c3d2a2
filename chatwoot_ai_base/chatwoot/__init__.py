"""Pure Chatwoot domain helpers: constants, payload parsing, signatures, API client.

Nothing in this package imports Odoo, so it can be unit-tested in milliseconds.
"""
