# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the agent bot's tests: a shop, a customer with orders, a fake Chatwoot,
signed webhook deliveries into the real Odoo, and the job runner played by the test."""

import copy
import json
import time
from datetime import UTC, datetime
from pathlib import Path

from odoo.tests import HttpCase

from odoo.addons.queue_job.job import Job

from ..ai import format_price
from ..chatwoot.signature import sign
from .common import LocalRequestsMixin
from .fake_chatwoot import FakeChatwoot

FIXTURE = (
    Path(__file__).parent / "fixtures" / "chatwoot" / "cw4141_message_created_incoming_api.json"
)
SECRET = "bot-s3cr3t"
TOKEN = "bot-api-token"
CHATWOOT_ACCOUNT = 7
CHATWOOT_INBOX = 70
DISPLAY_ID = 301
JOB_CHANNELS = ("root.chatwoot", "root.chatwoot.ai")


class BotFlowCase(LocalRequestsMixin, HttpCase):
    """Signed deliveries go through the real controller; jobs run when the test says so."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        params = cls.env["ir.config_parameter"]
        params.set_param("chatwoot_ai.drain_delay_seconds", 0)
        params.set_param("chatwoot_ai.bot_debounce_seconds", 0)
        cls.company = cls.env.company
        cls.company.write(
            {
                "chatwoot_ai_llm_provider": "offline",
                "chatwoot_ai_token_budget": 0,
            }
        )
        cls.account = cls.env["chatwoot.account"].create(
            {
                "name": "Loja Bot",
                "base_url": "http://127.0.0.1:9",
                "chatwoot_account_id": CHATWOOT_ACCOUNT,
                "api_access_token": TOKEN,
                "webhook_secret": SECRET,
                "bot_enabled": True,
            }
        )
        cls.inbox = cls.env["chatwoot.inbox"].create(
            {
                "account_id": cls.account.id,
                "chatwoot_inbox_id": CHATWOOT_INBOX,
                "name": "WhatsApp Loja",
                "channel_type": "Channel::Api",
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Ana Souza", "email": "ana.bot@example.com", "lang": "pt_BR"}
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Bruno Lima", "email": "bruno.bot@example.com"}
        )
        cls._create_catalog()

    @classmethod
    def _create_catalog(cls):
        Product = cls.env["product.product"]
        cls.lipstick = Product.create(
            {
                "name": "Batom Vermelho Matte",
                "list_price": 59.90,
                "sale_ok": True,
                "type": "consu",
                "description_sale": "Batom vermelho de longa duração, acabamento matte.",
            }
        )
        cls.serum = Product.create(
            {
                "name": "Sérum Facial Vitamina C",
                "list_price": 129.00,
                "sale_ok": True,
                "type": "consu",
                "description_sale": "Sérum antioxidante com vitamina C.",
            }
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "order_line": [(0, 0, {"product_id": cls.lipstick.id, "product_uom_qty": 2})],
            }
        )
        cls.order.action_confirm()
        cls.other_order = cls.env["sale.order"].create(
            {
                "partner_id": cls.other_customer.id,
                "order_line": [(0, 0, {"product_id": cls.serum.id, "product_uom_qty": 1})],
            }
        )

    def setUp(self):
        super().setUp()
        self.fake = FakeChatwoot().start()
        self.addCleanup(self.fake.stop)
        self.account.base_url = self.fake.url
        self.script_chatwoot(DISPLAY_ID)

    def price(self, amount, language="pt"):
        """A price as the agent writes it, in the company's currency."""
        return format_price(amount, self.company.currency_id.name, language)

    # ------------------------------------------------------------------ fake Chatwoot
    def conversation_path(self, display_id, tail=""):
        return f"/api/v1/accounts/{CHATWOOT_ACCOUNT}/conversations/{display_id}{tail}"

    def script_chatwoot(self, display_id, message_id=900_001):
        self.fake.script(
            "POST",
            self.conversation_path(display_id, "/messages"),
            [{"json": {"id": message_id, "message_type": 1, "content": "ok"}}],
        )
        self.fake.script(
            "POST",
            self.conversation_path(display_id, "/toggle_status"),
            [{"json": {"payload": {"success": True, "current_status": "open"}}}],
        )
        self.fake.script(
            "GET", self.conversation_path(display_id, "/labels"), [{"json": {"payload": []}}]
        )
        self.fake.script(
            "POST",
            self.conversation_path(display_id, "/labels"),
            [{"json": {"payload": ["ai-handoff"]}}],
        )

    def replies(self, display_id=DISPLAY_ID):
        """The message POSTs the fake received: (body, headers)."""
        return [
            (request.json, request.headers)
            for request in self.fake.requests_to(
                "POST", self.conversation_path(display_id, "/messages")
            )
        ]

    def public_replies(self, display_id=DISPLAY_ID):
        return [body for body, _headers in self.replies(display_id) if not body["private"]]

    def private_notes(self, display_id=DISPLAY_ID):
        return [body for body, _headers in self.replies(display_id) if body["private"]]

    # ------------------------------------------------------------------ deliveries
    def delivery(
        self,
        message_id,
        content,
        display_id=DISPLAY_ID,
        message_type="incoming",
        private=False,
        sender=None,
        status="open",
        assignee=None,
        customer=None,
    ):
        """A Chatwoot ``message_created`` body built from a captured delivery."""
        customer = customer or self.customer
        payload = copy.deepcopy(json.loads(FIXTURE.read_bytes()))
        contact = {
            "id": 5000 + customer.id,
            "name": customer.name,
            "email": customer.email,
            "phone_number": None,
            "type": "contact",
        }
        payload.update(
            id=message_id,
            content=content,
            message_type=message_type,
            private=private,
            created_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            sender=sender or contact,
        )
        payload["account"]["id"] = CHATWOOT_ACCOUNT
        conversation = payload["conversation"]
        conversation.update(id=display_id, inbox_id=CHATWOOT_INBOX, status=status, messages=[])
        conversation["updated_at"] = time.time()
        conversation["meta"]["sender"] = contact
        conversation["meta"]["assignee"] = assignee
        return json.dumps(payload).encode()

    def post_delivery(self, body):
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "X-Chatwoot-Timestamp": timestamp,
            "X-Chatwoot-Signature": sign(SECRET, timestamp, body),
        }
        url = f"/chatwoot_ai/webhook/{self.account.webhook_token}"
        response = self.url_open(url, data=body, headers=headers, timeout=60)
        self.assertEqual(response.status_code, 200, response.text)
        return response

    def say(self, message_id, content, **kwargs):
        """The customer writes: a signed delivery, then every job it leads to."""
        self.post_delivery(self.delivery(message_id, content, **kwargs))
        return self.run_jobs()

    # ------------------------------------------------------------------ job runner
    def run_jobs(self):
        """Perform the pending jobs of the Chatwoot channels, as the runner would.

        The eta is ignored: a retry scheduled after back-off runs at once, tests never wait.
        """
        performed = 0
        for _round in range(20):
            records = self.env["queue.job"].search(
                [
                    ("channel", "in", JOB_CHANNELS),
                    ("state", "=", "pending"),
                    "|",
                    "|",
                    ("func_string", "like", f"chatwoot.account({self.account.id},)."),
                    ("func_string", "=like", "chatwoot.bot()%"),
                    ("func_string", "=like", "chatwoot.assist()%"),
                ],
                order="id",
            )
            if not records:
                break
            for record in records:
                job = Job.load(self.env, record.uuid)
                job.perform()
                job.set_done(result=job.result)
                job.store()
                performed += 1
            self.env.invalidate_all()
        return performed

    def conversation(self, display_id=DISPLAY_ID):
        return self.env["chatwoot.conversation"].search(
            [("account_id", "=", self.account.id), ("display_id", "=", display_id)]
        )

    def runs(self, display_id=DISPLAY_ID):
        return self.env["chatwoot.ai.run"].search(
            [("conversation_id", "=", self.conversation(display_id).id)], order="id"
        )
