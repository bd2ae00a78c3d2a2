# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Opt-out keywords through the real Chatwoot webhook and the WhatsApp inbound store."""

import time
from datetime import datetime, timedelta

from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.tests.bot_fixtures import BotFlowCase
from odoo.addons.queue_job.job import Job

from .common import PHONE_NUMBER_ID, CampaignCase

CAMPAIGN_CHANNEL = "root.chatwoot.campaign"


def run_campaign_jobs(env):
    """Perform the pending jobs of the campaign channel, as the runner would."""
    performed = []
    for record in env["queue.job"].search(
        [
            ("channel", "=", CAMPAIGN_CHANNEL),
            ("state", "=", "pending"),
            ("method_name", "=", "_job_confirm_opt_out"),
        ],
        order="id",
    ):
        job = Job.load(env, record.uuid)
        job.perform()
        job.set_done(result=job.result)
        job.store()
        performed.append(job.result)
    env.invalidate_all()
    return performed


@tagged("post_install", "-at_install")
class TestStopThroughChatwoot(BotFlowCase):
    def setUp(self):
        super().setUp()
        self.campaign = self.env["chatwoot.campaign"].create(
            {
                "name": "Promo",
                "channel": "chatwoot",
                "account_id": self.account.id,
                "message": "Oi {first_name}",
                "state": "running",
                "sender_ids": [(0, 0, {"name": "Loja", "inbox_id": self.inbox.id})],
            }
        )
        self.queued = self.env["chatwoot.campaign.recipient"].create(
            {
                "campaign_id": self.campaign.id,
                "partner_id": self.customer.id,
                "state": "queued",
                "scheduled_at": datetime.now() + timedelta(hours=1),
                "idempotency_key": f"k-{self.customer.id}",
            }
        )

    def assert_opted_out(self, keyword, confirmation):
        consent = self.env["chatwoot.consent"].search(
            [("partner_id", "=", self.customer.id), ("channel", "=", "chatwoot")], limit=1
        )
        self.assertEqual(
            (consent.status, consent.source, consent.proof),
            ("opted_out", "chat_keyword", keyword),
        )
        self.assertTrue(consent.proof_message_id)
        self.assertEqual(self.queued.state, "cancelled")
        # The AI agent leaves the keyword to the campaigns: no run, no reply yet.
        self.assertFalse(self.runs())
        self.assertFalse(self.public_replies())
        run_campaign_jobs(self.env)
        replies = self.public_replies()
        self.assertEqual(len(replies), 1)
        self.assertIn(confirmation, replies[0]["content"])

    def test_sair_in_portuguese(self):
        self.say(800_001, "SAIR")
        self.assert_opted_out("SAIR", "não receberá")

    def test_baja_in_spanish_with_accents_and_case(self):
        self.say(800_002, "Quiero darme de BAJA")
        self.assert_opted_out("Quiero darme de BAJA", "ya no recibirás")

    def test_stop_in_english(self):
        self.say(800_003, "stop please")
        self.assert_opted_out("stop please", "no longer")

    def test_a_sentence_with_a_keyword_is_answered_by_the_agent(self):
        self.say(800_004, "quero cancelar o pedido porque atrasou muito")
        self.assertFalse(
            self.env["chatwoot.consent"].search([("partner_id", "=", self.customer.id)])
        )
        self.assertEqual(self.queued.state, "queued")
        self.assertTrue(self.runs())


@tagged("post_install", "-at_install")
class TestStopThroughWhatsApp(CampaignCase):
    def test_whatsapp_parar_opts_out_and_confirms_on_whatsapp(self):
        person = self.people[0]
        campaign = self.launch(self.make_campaign(window_start=9.0, window_end=9.01))
        queued = campaign.recipient_ids.filtered(lambda r: r.partner_id == person)
        self.assertEqual(queued.state, "queued")
        message = self.env["chatwoot.social.message"]._ingest_whatsapp(
            self.whatsapp,
            {
                "wamid": "wamid.IN1",
                "wa_id": "5511900000001",
                "body": "Parar!!",
                "timestamp": int(time.time()),
                "name": person.name,
            },
        )
        self.assertEqual(message.partner_id, person)
        current = self.env["chatwoot.consent"]._current_statuses(person.ids, "whatsapp")
        self.assertEqual(current, {person.id: "opted_out"})
        self.assertEqual(queued.state, "cancelled")
        # Others keep their place in the queue.
        self.assertEqual(campaign.recipient_ids.mapped("state").count("queued"), 5)
        run_campaign_jobs(self.env)
        confirmation = self.fake.sent("whatsapp")[-1]
        self.assertEqual((confirmation["to"], confirmation["type"]), ("5511900000001", "text"))
        self.assertIn("não receberá", confirmation["text"]["body"])
        self.assertEqual(confirmation["phone_number_id"], PHONE_NUMBER_ID)

    def test_an_inbound_message_within_the_window_is_a_reply(self):
        campaign = self.launch(self.make_campaign())
        self.dispatch(campaign)
        self.env["chatwoot.social.message"]._ingest_whatsapp(
            self.whatsapp,
            {
                "wamid": "wamid.IN2",
                "wa_id": "5511900000002",
                "body": "Quero!",
                "timestamp": int(time.time()) + 5,
            },
        )
        replied = campaign.recipient_ids.filtered(lambda r: r.state == "replied")
        self.assertEqual(replied.partner_id, self.people[1])
        self.assertTrue(replied.replied_at)
        self.assertEqual(campaign.replied_count, 1)
