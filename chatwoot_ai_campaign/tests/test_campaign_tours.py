# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A marketer creates, previews, tests, launches, pauses and resumes a campaign in a real
browser (headless Chromium), against the local fake Chatwoot API."""

from urllib.parse import urlsplit

from odoo.tests import common as odoo_test_common
from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.tests.tour_case import ChatwootAITourCase

from .fake_campaign_api import FakeCampaignAPI


@tagged("post_install", "-at_install")
class TestCampaignJourney(ChatwootAITourCase):
    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        if urlsplit(r.url).hostname == odoo_test_common.HOST:
            return odoo_test_common._super_send(s, r, **kw)
        return super()._request_handler(s, r, **kw)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer.company_ids = cls.env.company
        cls.account = cls.env["chatwoot.account"].create(
            {
                "name": "Loja Tour",
                "base_url": "http://127.0.0.1:9",
                "chatwoot_account_id": 3,
                "api_access_token": "tour-token",
            }
        )
        cls.inbox = cls.env["chatwoot.inbox"].create(
            {
                "account_id": cls.account.id,
                "chatwoot_inbox_id": 31,
                "name": "Site Tour",
                "channel_type": "Channel::Api",
            }
        )
        cls.people = cls.env["res.partner"].create(
            [{"name": f"Tour Cliente {i}", "phone": f"+55119777700{i:02d}"} for i in range(1, 5)]
        )
        cls.env["chatwoot.consent"].create(
            [
                {"partner_id": p.id, "channel": "chatwoot", "status": "opted_in"}
                for p in cls.people[:3]
            ]
        )
        cls.env.company.chatwoot_campaign_email_regime = "opt_in"

    def setUp(self):
        super().setUp()
        self.fake = FakeCampaignAPI().start()
        self.addCleanup(self.fake.stop)
        self.account.base_url = self.fake.url

    def draft(self):
        return self.env["chatwoot.campaign"].create(
            {
                "name": "Tour Promo",
                "channel": "chatwoot",
                "account_id": self.account.id,
                "audience_domain": f"[('id', 'in', {self.people.ids})]",
                "message": "Oi {first_name}!",
                "window_start": 0,
                "window_end": 24,
                "quiet_weekdays": "",
                "sender_ids": [
                    (0, 0, {"name": "Site", "inbox_id": self.inbox.id, "rate_per_minute": 6000})
                ],
            }
        )

    def test_marketer_creates_a_campaign(self):
        self.journey(
            "/odoo/action-chatwoot_ai_campaign.chatwoot_campaign_action",
            "chatwoot_ai_campaign_create",
            login=self.marketer.login,
        )
        campaign = self.env["chatwoot.campaign"].search([("name", "=", "Tour Promo")])
        self.assertEqual(campaign.state, "draft")
        self.assertEqual(campaign.sender_ids.inbox_id, self.inbox)
        self.assertEqual(campaign.utm_campaign_id.name, "Tour Promo")

    def test_marketer_previews_tests_launches_pauses_and_resumes(self):
        campaign = self.draft()
        self.journey(
            f"/odoo/action-chatwoot_ai_campaign.chatwoot_campaign_action/{campaign.id}",
            "chatwoot_ai_campaign_launch",
            login=self.marketer.login,
            screenshot="marketer_campaign_launched",
        )
        self.assertEqual([m["content"] for m in self.fake.sent()], ["Oi Tour!"])
        self.assertEqual(campaign.state, "running")
        self.assertEqual(campaign.queued_count, 3)
        campaign._job_dispatch(max_seconds=5)
        self.env.invalidate_all()
        self.assertEqual(len(self.fake.sent()), 4)  # the test, then the three recipients
        self.assertEqual(self.fake.duplicates(), [])
        self.assertEqual(campaign.state, "done")

    def test_marketer_has_the_content_crew_write_variants(self):
        if "chatwoot.content.crew" not in self.env:
            self.skipTest("the content addon writes the variants: not installed")
        campaign = self.draft()
        self.journey(
            f"/odoo/action-chatwoot_ai_campaign.chatwoot_campaign_action/{campaign.id}",
            "chatwoot_ai_campaign_variants",
            login=self.marketer.login,
            screenshot="marketer_campaign_ai_variants",
        )
        self.assertEqual(len(campaign.variant_ids), 2)
        self.assertEqual(campaign.variant_ids.mapped("name"), ["A", "B"])
        self.assertTrue(all(v.ai_run_id.provider == "offline" for v in campaign.variant_ids))

    def test_funnel_recipients_consents_and_kanban_open(self):
        campaign = self.draft()
        campaign.action_launch()
        self.journey(
            "/odoo/action-chatwoot_ai_campaign.chatwoot_campaign_funnel_action",
            "chatwoot_ai_campaign_funnel",
            login=self.marketer.login,
        )
        for action in ("chatwoot_campaign_recipient_action", "chatwoot_consent_action"):
            self.journey(
                f"/odoo/action-chatwoot_ai_campaign.{action}",
                "chatwoot_ai_campaign_rows",
                login=self.marketer.login,
            )
        self.journey(
            "/odoo/action-chatwoot_ai_campaign.chatwoot_campaign_action",
            "chatwoot_ai_campaign_kanban",
            login=self.marketer.login,
        )
