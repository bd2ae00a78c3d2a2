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
    "depends": ["chatwoot_ai_analytics"],
    "external_dependencies": {"python": ["requests", "crewai"]},
    "data": [
        "security/ir.model.access.csv",
        "security/chatwoot_ai_social_rules.xml",
        "security/chatwoot_ai_social_bot_rules.xml",
        "data/queue_job_channel_data.xml",
        "data/chatwoot_identity_suggestion_cron.xml",
        "data/chatwoot_marketplace_cron.xml",
        "views/chatwoot_social_account_views.xml",
        "views/chatwoot_social_comment_views.xml",
        "views/chatwoot_ai_social_menus.xml",
        "views/chatwoot_identity_suggestion_views.xml",
        "views/chatwoot_social_account_marketplace_views.xml",
        "views/chatwoot_contact_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["chatwoot_ai_social/static/tests/tours/*.js"],
    },
    "demo": [],
}
