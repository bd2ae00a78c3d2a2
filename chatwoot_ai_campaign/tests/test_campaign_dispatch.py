# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import PHONE_NUMBER_ID, PHONE_NUMBER_ID_2, CampaignCase


@tagged("post_install", "-at_install")
class TestCampaignDispatch(CampaignCase):
    def test_whatsapp_templates_go_out_once_with_the_provider_id(self):
        campaign = self.launch(self.make_campaign())
        self.dispatch(campaign)
        sent = self.fake.sent("whatsapp")
        self.assertEqual(len(sent), 6)
        self.assertEqual(self.fake.duplicates(), [])
        first = next(m for m in sent if m["to"] == "5511900000001")
        self.assertEqual(first["template"]["name"], "promo_semana")
        self.assertEqual(
            [p["text"] for p in first["template"]["components"][0]["parameters"]],
            ["Cliente", "BEMVINDA"],
        )
        self.assertEqual(set(campaign.recipient_ids.mapped("state")), {"sent"})
        self.assertEqual(
            sorted(campaign.recipient_ids.mapped("external_message_id")),
            sorted(m["id"] for m in sent),
        )
        self.assertEqual(campaign.state, "done")
        self.assertEqual(campaign.sent_count, 6)

    def test_chatwoot_channel_opens_a_conversation_and_posts_the_message(self):
        campaign = self.launch(self.make_campaign("chatwoot"))
        self.dispatch(campaign)
        posted = self.fake.sent("chatwoot")
        self.assertEqual(len(posted), 6)
        self.assertEqual(len(self.fake.contacts), 6)
        self.assertIn("Oi Cliente! Use BEMVINDA.", {m["content"] for m in posted})
        recipient = campaign.recipient_ids[0]
        self.assertTrue(recipient.chatwoot_conversation_id)
        self.assertEqual(recipient.state, "sent")
        self.assertIsNone(posted[0]["template_params"])  # not a WhatsApp inbox

    def test_whatsapp_inbox_outside_the_window_sends_the_template(self):
        person = self.people[0]
        campaign = self.launch(
            self.make_campaign(
                "chatwoot",
                audience_domain=f"[('id', '=', {person.id})]",
                senders=[{"name": "WA", "inbox_id": self.inbox.id}],
            )
        )
        self.dispatch(campaign)
        posted = self.fake.sent("chatwoot")
        self.assertEqual(posted[0]["template_params"]["name"], "promo_semana")
        self.assertEqual(
            posted[0]["template_params"]["processed_params"], {"1": "Cliente", "2": "BEMVINDA"}
        )

    def test_email_goes_through_the_mail_queue(self):
        campaign = self.launch(self.make_campaign("email"))
        self.dispatch(campaign)
        recipient = campaign.recipient_ids.filtered(lambda r: r.partner_id == self.people[0])
        self.assertEqual(recipient.state, "sent")
        self.assertEqual(recipient.mail_id.email_to, "c1@ex.com")
        self.assertIn("Oi Cliente! Use BEMVINDA.", recipient.mail_id.body_html)
        recipient.mail_id.write({"state": "sent"})
        self.assertEqual(recipient.state, "delivered")

    def test_least_loaded_sender_and_a_throttled_one_is_drained(self):
        campaign = self.make_campaign(
            senders=[
                {"name": "WA 1", "social_account_id": self.whatsapp.id},
                {"name": "WA 2", "social_account_id": self.whatsapp_2.id},
            ]
        )
        self.launch(campaign)
        self.fake.fail("whatsapp", PHONE_NUMBER_ID_2, [{"status": 400, "code": 130429}])
        self.dispatch(campaign)
        by_number = {}
        for message in self.fake.sent("whatsapp"):
            by_number[message["phone_number_id"]] = by_number.get(message["phone_number_id"], 0) + 1
        # The throttled number got one try, then was drained: the other sent the rest.
        self.assertEqual(by_number, {PHONE_NUMBER_ID: 6})
        second = campaign.sender_ids.filtered(lambda s: s.social_account_id == self.whatsapp_2)
        self.assertEqual(second.state, "unhealthy")
        self.assertTrue(second.unhealthy_until)
        self.assertEqual(set(campaign.recipient_ids.mapped("state")), {"sent"})

    def test_healthy_senders_share_the_load(self):
        fast = {"rate_per_minute": 60000}
        campaign = self.make_campaign(
            senders=[
                {"name": "WA 1", "social_account_id": self.whatsapp.id, **fast},
                {"name": "WA 2", "social_account_id": self.whatsapp_2.id, **fast},
            ]
        )
        self.launch(campaign)
        self.dispatch(campaign)
        numbers = [m["phone_number_id"] for m in self.fake.sent("whatsapp")]
        self.assertEqual(numbers.count(PHONE_NUMBER_ID), 3)
        self.assertEqual(numbers.count(PHONE_NUMBER_ID_2), 3)

    def test_daily_cap_holds_the_rest_for_tomorrow(self):
        campaign = self.launch(
            self.make_campaign(
                senders=[{"name": "WA", "social_account_id": self.whatsapp.id, "daily_cap": 4}]
            )
        )
        self.dispatch(campaign)
        self.assertEqual(len(self.fake.sent("whatsapp")), 4)
        self.assertEqual(campaign.recipient_ids.mapped("state").count("queued"), 2)
        self.assertEqual(campaign.state, "running")

    def test_pause_mid_batch_stops_between_two_sends_and_resume_finishes(self):
        campaign = self.launch(self.make_campaign())

        def pause_after_second(message):
            if len(self.fake.sent()) == 2:
                with self.env.registry.cursor() as cr:
                    cr.execute(
                        "UPDATE chatwoot_campaign SET state = 'paused' WHERE id = %s", [campaign.id]
                    )

        self.fake.on_message = pause_after_second
        self.dispatch(campaign)
        self.assertEqual(len(self.fake.sent()), 2)
        self.assertEqual(campaign.state, "paused")
        self.assertEqual(campaign.recipient_ids.mapped("state").count("queued"), 4)
        self.fake.on_message = None
        campaign.action_resume()
        self.dispatch(campaign)
        self.assertEqual(len(self.fake.sent()), 6)
        self.assertEqual(self.fake.duplicates(), [])
        self.assertEqual(campaign.state, "done")

    def test_cancel_mid_batch_cancels_the_queue(self):
        campaign = self.launch(self.make_campaign())

        def cancel_after_first(message):
            if len(self.fake.sent()) == 1:
                with self.env.registry.cursor() as cr:
                    env = campaign.env(cr=cr)
                    env["chatwoot.campaign"].browse(campaign.id).action_cancel()

        self.fake.on_message = cancel_after_first
        self.dispatch(campaign)
        self.assertEqual(len(self.fake.sent()), 1)
        self.assertEqual(campaign.state, "cancelled")
        self.assertEqual(sorted(set(campaign.recipient_ids.mapped("state"))), ["cancelled", "sent"])

    def test_claimed_but_unconfirmed_recipients_are_checked_not_resent(self):
        campaign = self.launch(self.make_campaign("chatwoot"))
        first, second, third = campaign.recipient_ids[:3]
        # A worker died after posting ``first`` and before confirming it; ``second`` had its
        # conversation but no message; ``third`` was claimed before any call.
        conversation = self.fake.chatwoot("POST", "/conversations", {}, {"inbox_id": 11})[1]["id"]
        self.fake.chatwoot(
            "POST",
            f"/conversations/{conversation}/messages",
            {},
            {"content": "x", "content_attributes": {"campaign_key": first.idempotency_key}},
        )
        other = self.fake.chatwoot("POST", "/conversations", {}, {"inbox_id": 11})[1]["id"]
        first.write({"state": "sending", "chatwoot_conversation_id": conversation, "attempts": 1})
        second.write({"state": "sending", "chatwoot_conversation_id": other, "attempts": 1})
        third.write({"state": "sending", "attempts": 1})
        self.dispatch(campaign)
        self.assertEqual(self.fake.duplicates(), [])
        self.assertEqual(len(self.fake.sent("chatwoot")), 6)
        self.assertEqual(first.state, "sent")
        self.assertEqual(first.external_message_id, str(self.fake.sent()[0]["id"]))
        self.assertEqual(set(campaign.recipient_ids.mapped("state")), {"sent"})

    def test_unconfirmed_whatsapp_send_without_a_status_is_an_unknown_outcome(self):
        campaign = self.launch(self.make_campaign())
        orphan = campaign.recipient_ids[0]
        orphan.write({"state": "sending", "attempts": 1})
        self.dispatch(campaign)
        self.assertEqual(orphan.state, "failed")
        self.assertEqual(orphan.error, "unknown outcome")
        self.assertNotIn(orphan.address.lstrip("+"), [m["to"] for m in self.fake.sent()])
        self.assertEqual(len(self.fake.sent()), 5)

    def test_failures_auto_pause_and_tell_the_owner(self):
        campaign = self.launch(self.make_campaign(autopause_window=4, max_failure_rate=0.5))
        self.fake.fail("whatsapp", PHONE_NUMBER_ID, [{"status": 400, "code": 131026}] * 6)
        self.dispatch(campaign)
        self.assertEqual(campaign.state, "paused")
        self.assertIn("failure rate", campaign.pause_reason)
        notice = campaign.message_ids.filtered(lambda m: "paused automatically" in (m.body or ""))
        self.assertIn(campaign.user_id.partner_id, notice.partner_ids)

    def test_consent_withdrawn_after_planning_is_checked_right_before_the_send(self):
        campaign = self.launch(self.make_campaign())
        person = self.people[0]
        self.env["chatwoot.consent"]._record(person, "whatsapp", "opted_out", "manual")
        self.dispatch(campaign)
        recipient = campaign.recipient_ids.filtered(lambda r: r.partner_id == person)
        self.assertEqual((recipient.state, recipient.skip_reason), ("skipped", "opted_out"))
        self.assertEqual(len(self.fake.sent()), 5)
