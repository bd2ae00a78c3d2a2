# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "ChatwootAI Social",
    "summary": "Facebook, Instagram and WhatsApp comments and messages answered by AI",
    "version": "19.0.1.0.0",
    "category": "Marketing",
    "website": "https://github.com/chatwoot-ai/chatwoot-ai-odoo",
    "author": "ChatwootAI",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["chatwoot_ai_base"],
    "data": [
        "security/ir.model.access.csv",
        "views/chatwoot_ai_social_menus.xml",
    ],
    "demo": [],
}
