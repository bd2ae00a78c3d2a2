# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "ChatwootAI Analytics",
    "summary": "Customer, conversation and product analytics for ChatwootAI",
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
        "security/chatwoot_ai_analytics_rules.xml",
        "data/ir_cron_data.xml",
        "views/chatwoot_customer_insight_views.xml",
        "views/res_partner_views.xml",
        "views/chatwoot_message_views.xml",
        "views/chatwoot_topic_views.xml",
        "views/chatwoot_service_report_views.xml",
        "views/chatwoot_product_analytics_views.xml",
        "views/product_template_views.xml",
        "report/chatwoot_service_report.xml",
        "views/chatwoot_ai_analytics_menus.xml",
    ],
    "demo": [],
}
