# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MANAGER_GROUP, MARKETER_GROUP, USER_GROUP, ChatwootAICase


@tagged("post_install", "-at_install")
class TestBaseSmoke(ChatwootAICase):
    def test_module_is_installed_as_application(self):
        module = self.env["ir.module.module"].search([("name", "=", "chatwoot_ai_base")])
        self.assertEqual(module.state, "installed")
        self.assertTrue(module.application)

    def test_privilege_has_three_nested_groups_and_admin_is_manager(self):
        user, marketer, manager = (
            self.env.ref(g) for g in (USER_GROUP, MARKETER_GROUP, MANAGER_GROUP)
        )
        self.assertEqual(user.privilege_id.name, "ChatwootAI")
        self.assertEqual(
            (user | marketer | manager).privilege_id,
            self.env.ref("chatwoot_ai_base.privilege_chatwoot_ai"),
        )
        self.assertIn(user, marketer.implied_ids)
        self.assertIn(marketer, manager.implied_ids)
        self.assertTrue(self.env.ref("base.user_admin").has_group(MANAGER_GROUP))
        self.assertTrue(self.marketer.has_group(USER_GROUP))
        self.assertFalse(self.marketer.has_group(MANAGER_GROUP))

    def test_top_menu_has_every_area_for_a_manager(self):
        root = self.env.ref("chatwoot_ai_base.menu_chatwoot_ai_root")
        visible = self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids()
        names = set(root.child_id.filtered(lambda m: m.id in visible).mapped("name"))
        self.assertEqual(
            names, {"Conversations", "Analytics", "Content", "Social", "Campaigns", "Configuration"}
        )

    def test_menus_follow_the_groups(self):
        menus = self.menus_of("chatwoot_ai_base")
        configuration = self.env.ref("chatwoot_ai_base.menu_chatwoot_ai_configuration")
        conversations = self.env.ref("chatwoot_ai_base.menu_chatwoot_conversation")
        self.assertFalse(self.visible_menus(self.employee, menus), "no level, no ChatwootAI menu")
        for user in (self.agent, self.marketer):
            visible = self.visible_menus(user, menus)
            self.assertIn(conversations, visible)
            self.assertNotIn(configuration, visible)
        # General Settings stay Odoo administrators' (res.config.settings needs base.group_system).
        settings = self.env.ref("chatwoot_ai_base.menu_chatwoot_ai_settings")
        self.assertEqual(self.visible_menus(self.manager, menus), menus - settings)
        admin = self.env.ref("base.user_admin")
        self.assertEqual(self.visible_menus(admin, menus), menus)

    def test_every_action_opens_for_the_groups_that_see_it(self):
        menus = self.menus_of("chatwoot_ai_base")
        for user in (self.agent, self.marketer, self.manager):
            self.assert_actions_open(user, self.visible_menus(user, menus))

    def test_agent_reads_conversations_but_changes_nothing(self):
        conversation = self.conversation.with_user(self.agent)
        self.assertEqual(conversation.message_ids.content, "Olá! Vocês têm o batom vermelho? 💄")
        with self.assertRaises(AccessError):
            conversation.write({"status": "resolved"})
        with self.assertRaises(AccessError):
            self.env["chatwoot.account"].with_user(self.marketer).create(
                {"name": "X", "chatwoot_account_id": 2}
            )

    def test_employee_without_level_sees_no_conversation(self):
        with self.assertRaises(AccessError):
            self.env["chatwoot.conversation"].with_user(self.employee).search([])

    def test_secrets_are_readable_by_managers_only(self):
        for user in (self.agent, self.marketer):
            account = self.account.with_user(user)
            self.assertEqual(account.name, "Loja Teste")
            with self.assertRaises(AccessError):
                account.read(["api_access_token"])
            with self.assertRaises(AccessError):
                account.read(["webhook_secret"])
        account = self.account.with_user(self.manager)
        self.assertEqual(account.api_access_token, "token-xyz")
        self.assertEqual(account.webhook_secret, "s3cr3t")

    def test_records_stay_in_their_company(self):
        other = self.env["res.company"].create({"name": "Outra Loja"})
        foreign = self.env["chatwoot.account"].create(
            {"name": "Outra", "chatwoot_account_id": 9, "company_id": other.id}
        )
        accounts = self.env["chatwoot.account"].with_user(self.manager).search([])
        self.assertIn(self.account, accounts)
        self.assertNotIn(foreign, accounts)

    def test_webhook_url_uses_public_url_and_token_can_be_regenerated(self):
        self.env["ir.config_parameter"].set_param(
            "chatwoot_ai.public_base_url", "http://odoo:8069/"
        )
        self.account.invalidate_recordset(["webhook_url"])
        token = self.account.webhook_token
        self.assertGreaterEqual(len(token), 40)
        self.assertEqual(self.account.webhook_url, f"http://odoo:8069/chatwoot_ai/webhook/{token}")
        self.account.with_user(self.manager).action_regenerate_webhook_token()
        self.assertNotEqual(self.account.webhook_token, token)
        with self.assertRaises(AccessError):
            self.account.with_user(self.marketer).action_regenerate_webhook_token()

    def test_partner_counts_its_conversations(self):
        self.assertEqual(self.customer.chatwoot_conversation_count, 1)
        action = self.customer.action_view_chatwoot_conversations()
        self.assertEqual(
            self.env["chatwoot.conversation"].search(action["domain"]), self.conversation
        )

    def test_service_times_are_derived_from_timestamps(self):
        self.conversation.write(
            {
                "created_at": "2026-03-01 10:00:00",
                "first_reply_at": "2026-03-01 10:07:30",
                "resolved_at": "2026-03-01 12:00:00",
            }
        )
        self.assertEqual(self.conversation.first_response_seconds, 450)
        self.assertEqual(self.conversation.resolution_seconds, 7200)

    def test_user_interface_is_fully_translated_to_pt_br(self):
        self.assert_translations_complete("chatwoot_ai_base")

    def test_thread_shows_the_chat_with_content_escaped(self):
        self.env["chatwoot.message"].create(
            {
                "account_id": self.account.id,
                "conversation_id": self.conversation.id,
                "chatwoot_message_id": 5002,
                "message_type": "outgoing",
                "sender_name": "Bia (loja)",
                "content": "<script>alert('x')</script> Temos sim!",
            }
        )
        html = str(self.conversation.thread_html)
        self.assertIn("Olá! Vocês têm o batom vermelho? 💄", html)
        self.assertIn("&lt;script&gt;", html)
        self.assertNotIn("<script>", html)
        self.assertIn("justify-content-end", html, "the shop's reply sits on the right")
