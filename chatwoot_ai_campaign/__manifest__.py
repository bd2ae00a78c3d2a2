# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "ChatwootAI Campaigns",
    "summary": "Consent-checked, rate-limited campaigns over customer segments",
    "version": "19.0.1.0.0",
    "category": "Marketing",
    "website": "https://github.com/chatwoot-ai/chatwoot-ai-odoo",
    "author": "ChatwootAI",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["chatwoot_ai_analytics", "chatwoot_ai_social"],
    "external_dependencies": {"python": ["requests", "phonenumbers"]},
    "data": [
        "security/ir.model.access.csv",
        "security/chatwoot_ai_campaign_rules.xml",
        "data/queue_job_channel_data.xml",
        "data/ir_cron_data.xml",
        "data/spreadsheet_dashboard_data.xml",
        "wizards/chatwoot_campaign_test_views.xml",
        "views/chatwoot_campaign_views.xml",
        "views/chatwoot_campaign_recipient_views.xml",
        "views/chatwoot_campaign_funnel_views.xml",
        "views/chatwoot_consent_views.xml",
        "views/chatwoot_campaign_topic_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/chatwoot_ai_campaign_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "chatwoot_ai_campaign/static/tests/tours/*.js",
        ],
    },
    "demo": [],
}
