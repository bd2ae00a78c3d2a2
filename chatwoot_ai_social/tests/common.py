# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the social addon: one account per platform pointed at a local fake Graph API."""

import json
from urllib.parse import urlsplit

from odoo import fields
from odoo.tests import HttpCase
from odoo.tests import common as odoo_test_common

from odoo.addons.chatwoot_ai_base.controllers.fast_lane import LANE_HEADER
from odoo.addons.chatwoot_ai_base.tests.common import ChatwootAICase, perform_jobs

from ..meta.payloads import check_delivery, split_items
from ..meta.signature import sign

APP_SECRET = "meta-app-secret"
PAGE_ID = "1000000001"
IG_ID = "17841400000000001"
PHONE_NUMBER_ID = "106540352242922"
POST_ID = f"{PAGE_ID}_555"
MEDIA_ID = "17900000000000555"
NOW = 1_790_000_000


def fb_change(comment_id, verb="add", message=None, author=("4242", "Ana Souza"), **extra):
    """A Page ``feed`` change about a comment, as Meta sends it."""
    value = {
        "from": {"id": author[0], "name": author[1]} if author else None,
        "post_id": extra.pop("post_id", POST_ID),
        "comment_id": comment_id,
        "parent_id": extra.pop("parent_id", POST_ID),
        "item": "comment",
        "verb": verb,
        "created_time": extra.pop("created_time", NOW),
        "message": message,
        **extra,
    }
    return {"field": "feed", "value": {k: v for k, v in value.items() if v is not None}}


def ig_change(comment_id, text, username="ana.souza", user_id="17841499", **extra):
    """An Instagram ``comments`` (or ``live_comments``) change."""
    value = {
        "from": {"id": user_id, "username": username},
        "media": {"id": extra.pop("media_id", MEDIA_ID), "media_product_type": "FEED"},
        "id": comment_id,
        "text": text,
        **extra,
    }
    return {"field": extra.pop("field", "comments"), "value": value}


def delivery(obj, entry_id, *changes, time=NOW):
    """A delivery of one entry with ``changes`` (``object`` is page or instagram)."""
    return {"object": obj, "entry": [{"id": entry_id, "time": time, "changes": list(changes)}]}


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

    def store(self, account, payload):
        """Store a delivery as the controller does (split into items), without HTTP."""
        raw = json.dumps(payload).encode()
        items = split_items(check_delivery(json.loads(raw)))
        rows = [(account.id, item["kind"], item["key"], json.dumps(item)) for item in items]
        return self.env["chatwoot.social.event"]._store_items(rows)

    def deliver(self, account, payload, jobs=True):
        """Store a delivery and run the jobs it starts (drain, triage, publish...)."""
        self.store(account, payload)
        if jobs:
            self.run_jobs()

    def comment(self, external_id, account=None):
        account = account or self.page
        return self.env["chatwoot.social.comment"].search(
            [("account_id", "=", account.id), ("external_id", "=", external_id)]
        )

    def social_jobs(self, due_only=True):
        domain = [("channel", "=", "root.chatwoot.social"), ("state", "=", "pending")]
        if due_only:
            domain += ["|", ("eta", "=", False), ("eta", "<=", fields.Datetime.now())]
        return self.env["queue.job"].search(domain, order="id")

    def run_jobs(self, rounds=10):
        """Perform the due jobs of the social channel, as the job runner would."""
        return perform_jobs(self.env, self.social_jobs, rounds)

    def run_delayed_jobs(self):
        """Make the waiting jobs due now (a retry's eta), then run them."""
        self.social_jobs(due_only=False).write({"eta": False})
        return self.run_jobs()

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
        response = self.url_open(
            f"/chatwoot_ai/meta/webhook/{account.webhook_token}",
            data=body,
            headers=send_headers,
            timeout=60,
        )
        # The base addon's fast lane serves Meta's deliveries.
        self.assertEqual(response.headers.get(LANE_HEADER), "fast", response.text)
        return response
