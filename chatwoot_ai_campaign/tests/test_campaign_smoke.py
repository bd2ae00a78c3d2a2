# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.tests.common import AddonSmokeMixin, ChatwootAICase


@tagged("post_install", "-at_install")
class TestCampaignSmoke(AddonSmokeMixin, ChatwootAICase):
    module = "chatwoot_ai_campaign"
    entry_menu = "menu_utm_campaign_chatwoot"
