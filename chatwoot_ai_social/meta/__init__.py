# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Meta platform (Facebook Pages, Instagram, WhatsApp Cloud API) in plain Python.

No ``odoo`` import: the signature check, the webhook payload parser and the Graph API
client are unit-tested on their own and used by the models through plain data.
"""
