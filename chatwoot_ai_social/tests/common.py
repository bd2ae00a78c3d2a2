# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the social addon: one account per platform pointed at a local fake Graph API."""

import json
from urllib.parse import urlsplit

from odoo.tests import HttpCase
from odoo.tests import common as odoo_test_common

from odoo.addons.chatwoot_ai_base.tests.common import ChatwootAICase

from ..meta.signature import sign

APP_SECRET = "meta-app-secret"
PAGE_ID = "1000000001"
IG_ID = "17841400000000001"
PHONE_NUMBER_ID = "106540352242922"


class SocialCase(ChatwootAICase):
    """Accounts for Facebook, Instagram and WhatsApp; ``self.fake`` is the fake Graph API."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["chatwoot.social.account"]
        common = {"app_secret": APP_SECRET, "access_token": "page-token"}
        cls.page = Account.create(
            {"name": "Loja Bela FB", "platform": "facebook", "external_id": PAGE_ID, **common}
        )
        cls.instagram = Account.create(
            {"name": "Loja Bela IG", "platform": "instagram", "external_id": IG_ID, **common}
        )
        cls.whatsapp = Account.create(
            {
                "name": "Loja Bela WhatsApp",
                "platform": "whatsapp",
                "external_id": PHONE_NUMBER_ID,
                **common,
            }
        )
        cls.env["ir.config_parameter"].set_param("chatwoot_ai_social.drain_delay_seconds", "0")

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        # Requests to the local fakes go out for real; everything else stays blocked.
        if urlsplit(r.url).hostname == odoo_test_common.HOST:
            return odoo_test_common._super_send(s, r, **kw)
        return super()._request_handler(s, r, **kw)

    def start_fake_graph(self):
        from .fake_graph import FakeGraph

        self.fake = FakeGraph().start()
        self.addCleanup(self.fake.stop)
        self.env["ir.config_parameter"].set_param(
            "chatwoot_ai_social.graph_base_url", self.fake.url
        )
        return self.fake

    def graph_path(self, path):
        version = self.env["ir.config_parameter"].get_param(
            "chatwoot_ai_social.graph_api_version", "v25.0"
        )
        return f"/{version}/{path}"


class SocialHttpCase(HttpCase, SocialCase):
    """Deliveries posted to the real controllers over HTTP."""

    def post_delivery(self, account, payload, secret=APP_SECRET, raw=None, headers=None):
        """POST a signed delivery; ``raw`` is sent byte for byte when given."""
        body = raw if raw is not None else json.dumps(payload).encode()
        send_headers = {"Content-Type": "application/json"}
        if secret:
            send_headers["X-Hub-Signature-256"] = sign(secret, body)
        send_headers.update(headers or {})
        return self.url_open(
            f"/chatwoot_ai/meta/webhook/{account.webhook_token}",
            data=body,
            headers=send_headers,
            timeout=60,
        )
