# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "ChatwootAI Content",
    "summary": "AI content crew: product descriptions, promotions and a publishing calendar",
    "version": "19.0.1.0.0",
    "category": "Marketing",
    "website": "https://github.com/chatwoot-ai/chatwoot-ai-odoo",
    "author": "ChatwootAI",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["chatwoot_ai_social"],
    "external_dependencies": {"python": ["numpy", "Pillow"]},
    "data": [
        "security/ir.model.access.csv",
        "security/chatwoot_ai_content_rules.xml",
        "data/queue_job_channel_data.xml",
        "data/chatwoot_content_kind_data.xml",
        "data/ir_cron_data.xml",
        "views/chatwoot_content_piece_views.xml",
        "views/chatwoot_content_batch_views.xml",
        "views/chatwoot_brand_voice_views.xml",
        "views/chatwoot_catalog_feed_views.xml",
        "views/chatwoot_content_post_views.xml",
        "views/chatwoot_ai_content_menus.xml",
    ],
    "demo": [],
    "assets": {
        "web.assets_tests": ["chatwoot_ai_content/static/tests/tours/*.js"],
    },
}
