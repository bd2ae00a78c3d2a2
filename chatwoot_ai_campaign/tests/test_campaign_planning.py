# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import CampaignCase


@tagged("post_install", "-at_install")
class TestCampaignModel(CampaignCase):
    def test_utm_campaign_is_created_when_missing(self):
        campaign = self.make_campaign()
        self.assertEqual(campaign.utm_campaign_id.name, "Promo")

    def test_unknown_placeholder_is_refused_at_save(self):
        with self.assertRaisesRegex(ValidationError, r"\{prazo\}"):
            self.make_campaign(message="Oi {first_name}, até {prazo}")
        campaign = self.make_campaign()
        with self.assertRaises(ValidationError):
            campaign.variant_ids = [(0, 0, {"name": "B", "message": "Olá {apelido}"})]

    def test_audience_keys_and_domain_are_validated(self):
        with self.assertRaises(ValidationError):
            self.make_campaign(segment_keys="champions, vips")
        with self.assertRaises(ValidationError):
            self.make_campaign(audience_domain="[('no_such_field', '=', 1)]")

    def test_live_count_and_preview_follow_the_filters(self):
        campaign = self.make_campaign()
        self.assertEqual(campaign.audience_count, 6)
        self.assertEqual(campaign.audience_preview_ids, self.people)
        campaign.audience_domain = f"[('id', 'in', {self.people[:2].ids})]"
        self.assertEqual(campaign.audience_count, 2)

    def test_segment_filter_reads_the_customer_insight(self):
        insight = self.env["chatwoot.customer.insight"].create(
            {
                "company_id": self.env.company.id,
                "partner_id": self.people[0].id,
                "rfm_segment": "champions",
                "stage": "loyal",
                "churn_risk": "low",
                "cluster": 2,
            }
        )
        self.assertTrue(insight)
        campaign = self.make_campaign(segment_keys="champions", clusters="2")
        self.assertEqual(campaign.audience_preview_ids, self.people[0])
        campaign.churn_risks = "high"
        self.assertEqual(campaign.audience_count, 0)

    def test_launch_needs_a_manager_when_the_company_requires_approval(self):
        self.env.company.chatwoot_campaign_approval = True
        campaign = self.make_campaign()
        with self.assertRaises(AccessError):
            campaign.with_user(self.marketer).action_launch()
        self.launch(campaign, self.manager)
        self.assertEqual(campaign.state, "running")

    def test_agents_cannot_create_campaigns_and_other_companies_are_hidden(self):
        with self.assertRaises(AccessError):
            self.env["chatwoot.campaign"].with_user(self.agent).create({"name": "x"})
        other = self.env["res.company"].create({"name": "Outra Loja"})
        foreign = self.env["chatwoot.campaign"].create(
            {"name": "Alheia", "company_id": other.id, "channel": "email"}
        )
        visible = self.env["chatwoot.campaign"].with_user(self.marketer).search([])
        self.assertNotIn(foreign, visible)

    def test_consent_history_is_kept_and_the_latest_counts(self):
        person = self.people[0]
        Consent = self.env["chatwoot.consent"]
        Consent._record(person, "whatsapp", "opted_out", "manual", proof="pediu por telefone")
        self.assertEqual(
            Consent._current_statuses(person.ids, "whatsapp"), {person.id: "opted_out"}
        )
        self.assertEqual(
            len(person.chatwoot_consent_ids.filtered(lambda c: c.channel == "whatsapp")), 2
        )
        with self.assertRaises(UserError):
            person.chatwoot_consent_ids[:1].write({"status": "opted_in"})


@tagged("post_install", "-at_install")
class TestCampaignPlanning(CampaignCase):
    def test_consent_blacklist_caps_and_topics_are_skipped_with_their_reason(self):
        p1, p2, p3, p4, p5, p6 = self.people
        Consent = self.env["chatwoot.consent"]
        Consent._record(p2, "whatsapp", "opted_out", "chat_keyword", proof="SAIR")
        self.env["phone.blacklist"].sudo().add(p3.phone_sanitized)
        p4.chatwoot_campaign_weekly_cap = 1
        earlier = self.make_campaign(name="Antes")
        self.env["chatwoot.campaign.recipient"].create(
            {
                "campaign_id": earlier.id,
                "partner_id": p4.id,
                "state": "sent",
                "sent_at": datetime.now(),
                "idempotency_key": "earlier-p4",
            }
        )
        topic = self.env["chatwoot.campaign.topic"].create({"name": "Novidades"})
        p5.chatwoot_muted_topic_ids = topic
        p6.phone = False
        campaign = self.launch(self.make_campaign(topic_id=topic.id))
        recipients = {r.partner_id: r for r in campaign.recipient_ids}
        self.assertEqual(recipients[p1].state, "queued")
        self.assertEqual(
            {p: recipients[p].skip_reason for p in (p2, p3, p4, p5, p6)},
            {
                p2: "opted_out",
                p3: "blacklisted",
                p4: "frequency_cap",
                p5: "opted_out",
                p6: "no_address",
            },
        )
        self.assertEqual(campaign.skipped_count, 5)
        self.assertIn("Blacklisted: 1", campaign.skip_summary)

    def test_whatsapp_needs_an_explicit_opt_in_but_email_follows_the_regime(self):
        stranger = self.env["res.partner"].create(
            {"name": "Sem Consentimento", "phone": "+5511955554444", "email": "s@ex.com"}
        )
        audience = f"[('id', '=', {stranger.id})]"
        wa = self.launch(self.make_campaign(audience_domain=audience))
        self.assertEqual(wa.recipient_ids.skip_reason, "no_consent")
        mail = self.launch(self.make_campaign("email", audience_domain=audience, name="Mail"))
        self.assertEqual(mail.recipient_ids.state, "queued")
        self.env.company.chatwoot_campaign_email_regime = "opt_in"
        strict = self.launch(self.make_campaign("email", audience_domain=audience, name="Strict"))
        self.assertEqual(strict.recipient_ids.skip_reason, "no_consent")
        self.env["mail.blacklist"].sudo()._add("c1@ex.com")
        blocked = self.launch(self.make_campaign("email", name="Blocked"))
        self.assertEqual(
            blocked.recipient_ids.filtered(lambda r: r.partner_id == self.people[0]).skip_reason,
            "blacklisted",
        )

    def test_a_whatsapp_inbox_checks_the_whatsapp_consent(self):
        person = self.people[0]
        self.env["chatwoot.consent"]._record(person, "whatsapp", "opted_out", "manual")
        audience = f"[('id', '=', {person.id})]"
        through_whatsapp = self.launch(
            self.make_campaign(
                "chatwoot",
                audience_domain=audience,
                senders=[{"name": "WA", "inbox_id": self.inbox.id}],
            )
        )
        self.assertEqual(through_whatsapp.recipient_ids.skip_reason, "opted_out")
        through_site = self.launch(
            self.make_campaign("chatwoot", audience_domain=audience, name="S")
        )
        self.assertEqual(through_site.recipient_ids.state, "queued")

    @freeze_time("2026-01-05 10:00:00")  # a Monday, 07:00 in São Paulo
    def test_local_send_times_from_time_zone_or_phone_and_quiet_days(self):
        no_tz = self.env["res.partner"].create(
            {"name": "Cuiabano", "phone": "+55 65 99999-8888", "tz": False}
        )
        lisbon = self.env["res.partner"].create(
            {"name": "Lisboeta", "phone": "+351912345678", "tz": "Europe/Lisbon"}
        )
        self.env["chatwoot.consent"].create(
            [
                {"partner_id": p.id, "channel": "whatsapp", "status": "opted_in"}
                for p in no_tz | lisbon
            ]
        )
        campaign = self.launch(
            self.make_campaign(
                audience_domain=f"[('id', 'in', {(no_tz | lisbon).ids})]",
                window_start=9.0,
                window_end=20.0,
                start_at=datetime(2026, 1, 5, 10, 0),
            )
        )
        times = {r.partner_id: r for r in campaign.recipient_ids}
        self.assertEqual(times[no_tz].tz, "America/Cuiaba")
        self.assertEqual(times[no_tz].scheduled_at, datetime(2026, 1, 5, 13, 0))  # 09:00 Cuiabá
        self.assertEqual(times[lisbon].scheduled_at, datetime(2026, 1, 5, 10, 0))  # 10:00 Lisbon
        quiet = self.launch(
            self.make_campaign(
                name="Quiet Monday",
                audience_domain=f"[('id', '=', {no_tz.id})]",
                window_start=9.0,
                window_end=20.0,
                quiet_weekdays="0",
                start_at=datetime(2026, 1, 5, 10, 0),
            )
        )
        self.assertEqual(quiet.recipient_ids.scheduled_at, datetime(2026, 1, 6, 13, 0))

    @freeze_time("2026-01-05 10:00:00")
    def test_send_time_follows_the_hours_people_read_and_reply(self):
        person, newcomer = self.people[:2]
        earlier = self.make_campaign(name="Antes")
        Recipient = self.env["chatwoot.campaign.recipient"]
        extra = self.env["res.partner"].create(
            [{"name": f"Leitor {i}", "phone": f"+55119888800{i:02d}"} for i in range(4)]
        )
        # 16:00 in São Paulo (19:00 UTC) is when ``person`` and the others read.
        for partner in person | extra:
            Recipient.create(
                {
                    "campaign_id": earlier.id,
                    "partner_id": partner.id,
                    "state": "read",
                    "read_at": datetime(2026, 1, 2, 19, 0),
                    "idempotency_key": f"r-{partner.id}",
                }
            )
        for day in range(3, 7):
            other = self.make_campaign(name=f"Dia {day}")
            Recipient.create(
                {
                    "campaign_id": other.id,
                    "partner_id": person.id,
                    "state": "replied",
                    "replied_at": datetime(2026, 1, day, 19, 0),
                    "idempotency_key": f"d{day}",
                }
            )
        campaign = self.launch(
            self.make_campaign(
                audience_domain=f"[('id', 'in', {(person | newcomer | extra).ids})]",
                window_start=9.0,
                window_end=20.0,
                optimise_send_time=True,
                start_at=datetime(2026, 1, 5, 10, 0),
            )
        )
        times = {r.partner_id: r.scheduled_at for r in campaign.recipient_ids}
        self.assertEqual(times[person], datetime(2026, 1, 5, 19, 0))  # their own 16:00
        # Too little history: the campaign's best hour overall, 16:00 too.
        self.assertEqual(times[newcomer].hour, 19)
