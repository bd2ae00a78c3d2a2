# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.tests.common import ChatwootAICase

MODULE = "chatwoot_ai_campaign"


@tagged("post_install", "-at_install")
class TestCampaignSmoke(ChatwootAICase):
    def test_module_is_installed(self):
        module = self.env["ir.module.module"].search([("name", "=", MODULE)])
        self.assertEqual(module.state, "installed")

    def test_menu_is_for_marketers_and_managers_only(self):
        menus = self.menus_of(MODULE)
        entry = self.env.ref(f"{MODULE}.menu_utm_campaign_chatwoot")
        for user in (self.employee, self.agent):
            self.assertFalse(self.visible_menus(user, menus), user.login)
        for user in (self.marketer, self.manager):
            self.assertIn(entry, self.visible_menus(user, menus), user.login)

    def test_every_action_opens_for_marketers(self):
        menus = self.menus_of(MODULE)
        for user in (self.marketer, self.manager):
            self.assert_actions_open(user, self.visible_menus(user, menus))

    def test_user_interface_is_fully_translated_to_pt_br(self):
        self.assert_translations_complete(MODULE)
