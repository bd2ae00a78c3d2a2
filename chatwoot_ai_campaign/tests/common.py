# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the campaign addon: customers with consents, a Chatwoot account, a WhatsApp
number and senders, all pointed at the local stateful fake API (``self.fake``)."""

from urllib.parse import urlsplit

from odoo.tests import common as odoo_test_common
from odoo.tests.common import release_test_lock

from odoo.addons.chatwoot_ai_base.tests.common import ChatwootAICase

from .fake_campaign_api import FakeCampaignAPI

PHONE_NUMBER_ID = "106540352242999"
PHONE_NUMBER_ID_2 = "106540352242998"


class CampaignCase(ChatwootAICase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "America/Sao_Paulo"
        cls.env.company.chatwoot_campaign_weekly_cap = 3
        cls.api_inbox = cls.env["chatwoot.inbox"].create(
            {
                "account_id": cls.account.id,
                "chatwoot_inbox_id": 11,
                "name": "Site",
                "channel_type": "Channel::Api",
            }
        )
        Account = cls.env["chatwoot.social.account"]
        cls.whatsapp = Account.create(
            {
                "name": "Loja WhatsApp",
                "platform": "whatsapp",
                "external_id": PHONE_NUMBER_ID,
                "access_token": "wa-token",
            }
        )
        cls.whatsapp_2 = Account.create(
            {
                "name": "Loja WhatsApp 2",
                "platform": "whatsapp",
                "external_id": PHONE_NUMBER_ID_2,
                "access_token": "wa-token",
            }
        )
        Partner = cls.env["res.partner"]
        cls.people = Partner.create(
            [
                {
                    "name": f"Cliente {i:02d}",
                    "phone": f"+55119{i:08d}",
                    "email": f"c{i}@ex.com",
                    "tz": "America/Sao_Paulo",
                    "lang": "pt_BR",
                }
                for i in range(1, 7)
            ]
        )
        cls.env["chatwoot.consent"].create(
            [
                {"partner_id": p.id, "channel": channel, "status": "opted_in", "source": "form"}
                for p in cls.people
                for channel in ("whatsapp", "chatwoot", "email")
            ]
        )
        cls.audience = f"[('id', 'in', {cls.people.ids})]"

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        if urlsplit(r.url).hostname == odoo_test_common.HOST:
            return odoo_test_common._super_send(s, r, **kw)
        return super()._request_handler(s, r, **kw)

    def setUp(self):
        super().setUp()
        self.fake = FakeCampaignAPI().start()
        self.addCleanup(self.fake.stop)
        self.account.base_url = self.fake.url
        self.env["ir.config_parameter"].set_param(
            "chatwoot_ai_social.graph_base_url", self.fake.url
        )

    def make_campaign(self, channel="whatsapp_cloud", senders=None, **values):
        if senders is None:
            senders = {
                "whatsapp_cloud": [{"name": "WA", "social_account_id": self.whatsapp.id}],
                "chatwoot": [{"name": "Site", "inbox_id": self.api_inbox.id}],
                "email": [{"name": "Mail", "email_from": "loja@ex.com"}],
            }[channel]
        defaults = {
            "name": "Promo",
            "channel": channel,
            "account_id": self.account.id,
            "audience_domain": self.audience,
            "message": "Oi {first_name}! Use {coupon}.",
            "coupon": "BEMVINDA",
            "template_name": "promo_semana",
            "window_start": 0.0,
            "window_end": 24.0,
            "quiet_weekdays": "",
            "sender_ids": [(0, 0, {"rate_per_minute": 6000} | sender) for sender in senders],
        }
        defaults.update(values)
        return self.env["chatwoot.campaign"].with_user(self.marketer).create(defaults).sudo()

    def dispatch(self, campaign, max_seconds=5):
        """Run the dispatch job as the job runner would: fresh cursors (on the test's one),
        and the test lock released so the fake API's thread may write meanwhile."""
        with self.enter_registry_test_mode(), release_test_lock():
            result = campaign._job_dispatch(max_seconds=max_seconds)
        self.env.invalidate_all()
        return result

    def launch(self, campaign, user=None):
        campaign.with_user(user or self.marketer).action_launch()
        self.env.invalidate_all()
        return campaign

    def states(self, campaign):
        return {r.partner_id.name: r.state for r in campaign.recipient_ids}
