# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The account's "Test Connection" button against a local fake Chatwoot."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import FakeChatwootCase

TOKEN = "cw-token-odoo-5e1d"
INBOXES_PATH = "/api/v1/accounts/1/inboxes"


def inbox(chatwoot_id, name, channel_type):
    """One inbox as Chatwoot's ``GET /inboxes`` lists it (trimmed to a realistic subset)."""
    return {
        "id": chatwoot_id,
        "avatar_url": "",
        "channel_id": chatwoot_id * 10,
        "name": name,
        "channel_type": channel_type,
        "greeting_enabled": False,
        "working_hours_enabled": False,
        "enable_auto_assignment": True,
        "webhook_url": None,
        "phone_number": "+5511999990000" if channel_type == "Channel::Whatsapp" else None,
    }


@tagged("post_install", "-at_install")
class TestAccountConnection(FakeChatwootCase):
    def setUp(self):
        super().setUp()
        self.cw_account = self.env["chatwoot.account"].create(
            {
                "name": "Loja Fake",
                "base_url": self.fake.url,
                "chatwoot_account_id": 1,
                "api_access_token": TOKEN,
            }
        )

    def account_as(self, user):
        return self.cw_account.with_user(user)

    def synced_inboxes(self):
        return self.env["chatwoot.inbox"].search(
            [("account_id", "=", self.cw_account.id)], order="chatwoot_inbox_id"
        )

    def test_button_creates_the_listed_inboxes(self):
        payload = [
            inbox(1, "WhatsApp Loja", "Channel::Whatsapp"),
            inbox(2, "Site", "Channel::WebWidget"),
            inbox(3, "Voz", "Channel::Voice"),
        ]
        self.fake.script("GET", INBOXES_PATH, [{"json": {"payload": payload}}])

        action = self.account_as(self.manager).action_test_connection()

        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("3", action["params"]["message"])
        self.assertEqual(
            [(i.chatwoot_inbox_id, i.name, i.channel_type) for i in self.synced_inboxes()],
            [
                (1, "WhatsApp Loja", "Channel::Whatsapp"),
                (2, "Site", "Channel::WebWidget"),
                (3, "Voz", "Channel::Api"),  # a channel the selection does not know yet
            ],
        )
        (request,) = self.fake.requests
        self.assertEqual(request.headers["api_access_token"], TOKEN)

    def test_second_call_updates_names_without_duplicates(self):
        first = [inbox(1, "WhatsApp Loja", "Channel::Whatsapp")]
        second = [inbox(1, "WhatsApp Loja Bela", "Channel::Whatsapp"), inbox(4, "E-mail", "x")]
        self.fake.script(
            "GET", INBOXES_PATH, [{"json": {"payload": first}}, {"json": {"payload": second}}]
        )
        account = self.account_as(self.manager)

        account.action_test_connection()
        created = self.synced_inboxes()
        account.action_test_connection()

        inboxes = self.synced_inboxes()
        self.assertEqual(inboxes.mapped("chatwoot_inbox_id"), [1, 4])
        self.assertEqual(inboxes[0], created)
        self.assertEqual(inboxes.mapped("name"), ["WhatsApp Loja Bela", "E-mail"])

    def test_button_archives_nothing(self):
        self.env["chatwoot.inbox"].create(
            {"account_id": self.cw_account.id, "chatwoot_inbox_id": 9, "name": "Antiga"}
        )
        self.fake.script("GET", INBOXES_PATH, [{"json": {"payload": [inbox(1, "Site", "x")]}}])

        self.account_as(self.manager).action_test_connection()

        self.assertEqual(self.synced_inboxes().mapped("chatwoot_inbox_id"), [1, 9])

    def test_refused_token_gives_user_error_without_the_token(self):
        body = {"error": "Invalid Access Token"}
        self.fake.script("GET", INBOXES_PATH, [{"status": 401, "json": body}])

        with self.assertRaises(UserError) as caught:
            self.account_as(self.manager).action_test_connection()

        message = str(caught.exception)
        self.assertIn("401", message)
        self.assertIn("Invalid Access Token", message)
        self.assertNotIn(TOKEN, message)
        self.assertFalse(self.synced_inboxes())

    def test_rate_limit_gives_user_error_with_the_wait(self):
        answer = {"status": 429, "headers": {"Retry-After": "600"}}
        self.fake.script("GET", INBOXES_PATH, [answer])

        with self.assertRaisesRegex(UserError, "retry in 600 s"):
            self.account_as(self.manager).action_test_connection()

        self.assertEqual(len(self.fake.requests), 1)  # 600 s is too long to wait on a click

    def test_unreachable_chatwoot_names_the_url(self):
        url = self.fake.url
        self.fake.stop()

        with self.assertRaisesRegex(UserError, f"unreachable at {url}"):
            self.account_as(self.manager).action_test_connection()

    def test_missing_token_asks_for_it(self):
        self.cw_account.api_access_token = False

        with self.assertRaisesRegex(UserError, "Set the API access token first"):
            self.account_as(self.manager).action_test_connection()

        self.assertEqual(self.fake.requests, [])

    def test_non_manager_cannot_test_the_connection(self):
        self.fake.script("GET", INBOXES_PATH, [{"json": {"payload": [inbox(1, "Site", "x")]}}])

        for user in (self.agent, self.marketer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.account_as(user).action_test_connection()

        self.assertEqual(self.fake.requests, [])
        self.assertFalse(self.synced_inboxes())
