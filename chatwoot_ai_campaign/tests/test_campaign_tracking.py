# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time

from odoo.tests import tagged

from .common import CampaignCase


@tagged("post_install", "-at_install")
class TestCampaignTracking(CampaignCase):
    def sent_campaign(self, channel="whatsapp_cloud", **values):
        campaign = self.launch(self.make_campaign(channel, **values))
        self.dispatch(campaign)
        return campaign

    def recipient_of(self, campaign, person):
        return campaign.recipient_ids.filtered(lambda r: r.partner_id == person)

    def test_whatsapp_statuses_from_the_social_store_move_the_funnel(self):
        campaign = self.sent_campaign()
        first, second = (self.recipient_of(campaign, p) for p in self.people[:2])
        Status = self.env["chatwoot.social.message.status"]
        now = int(time.time())
        Status._store_status(
            self.whatsapp,
            {"wamid": first.external_message_id, "status": "read", "timestamp": now},
        )
        Status._store_status(
            self.whatsapp,
            {"wamid": second.external_message_id, "status": "delivered", "timestamp": now},
        )
        self.env["chatwoot.campaign.recipient"]._cron_track_statuses()
        self.assertEqual((first.state, second.state), ("read", "delivered"))
        self.assertEqual(campaign.delivered_count, 2)
        self.assertEqual(campaign.read_count, 1)

    def test_chatwoot_message_updated_status_moves_the_recipient(self):
        campaign = self.sent_campaign("chatwoot")
        recipient = self.recipient_of(campaign, self.people[0])
        message = self.env["chatwoot.message"].create(
            {
                "account_id": self.account.id,
                "conversation_id": self.conversation.id,
                "chatwoot_message_id": int(recipient.external_message_id),
                "content": "Oi Cliente!",
                "message_type": "outgoing",
                "status": "sent",
            }
        )
        message.write({"status": "delivered"})
        self.assertEqual(recipient.state, "delivered")
        message.write({"status": "read"})
        message.write({"status": "delivered"})  # a late, older status changes nothing
        self.assertEqual(recipient.state, "read")

    def test_confirmed_order_converts_and_is_credited_to_the_utm(self):
        campaign = self.sent_campaign()
        person = self.people[2]
        product = self.env["product.product"].create({"name": "Batom", "list_price": 50.0})
        order = self.env["sale.order"].create(
            {"partner_id": person.id, "order_line": [(0, 0, {"product_id": product.id})]}
        )
        order.action_confirm()
        recipient = self.recipient_of(campaign, person)
        self.assertEqual(recipient.state, "converted")
        self.assertEqual(recipient.sale_order_id, order)
        self.assertEqual(recipient.revenue, order.amount_total)
        self.assertEqual(order.campaign_id, campaign.utm_campaign_id)
        self.assertEqual(campaign.revenue, order.amount_total)
        funnel = self.env["chatwoot.campaign.funnel"].search([("campaign_id", "=", campaign.id)])
        by_stage = {}
        for row in funnel:
            by_stage[row.stage] = by_stage.get(row.stage, 0) + row.recipient_count
        self.assertEqual(
            by_stage,
            {"queued": 6, "sent": 6, "delivered": 1, "read": 1, "replied": 1, "converted": 1},
        )

    def test_sends_and_replies_are_on_the_customer_timeline(self):
        campaign = self.sent_campaign()
        person = self.people[0]
        self.env["chatwoot.campaign.optout"]._record_reply(person, None)
        timeline = self.env["chatwoot.customer.timeline"].search(
            [("contact_id", "=", person.id), ("kind", "in", ("campaign_send", "campaign_reply"))]
        )
        self.assertEqual(sorted(timeline.mapped("kind")), ["campaign_reply", "campaign_send"])
        self.assertEqual(set(timeline.mapped("name")), {campaign.name})

    def test_bandit_sends_the_better_variant_once_it_knows(self):
        history = self.env["res.partner"].create(
            [{"name": f"Histórico {i}", "phone": f"+55219{i:08d}"} for i in range(40)]
        )
        campaign = self.make_campaign(
            exploration=0.0,
            explore_until=0,
            variant_ids=[
                (0, 0, {"name": "A", "message": "Oi {first_name}"}),
                (0, 0, {"name": "B", "message": "Olá {first_name}, {coupon}"}),
            ],
        )
        variant_a, variant_b = campaign.variant_ids
        Recipient = self.env["chatwoot.campaign.recipient"]
        for index, partner in enumerate(history):
            variant = variant_a if index < 20 else variant_b
            replied = (index < 20 and index < 1) or (index >= 20 and index < 36)
            Recipient.create(
                {
                    "campaign_id": campaign.id,
                    "partner_id": partner.id,
                    "variant_id": variant.id,
                    "state": "replied" if replied else "sent",
                    "idempotency_key": f"history-{partner.id}",
                }
            )
        self.assertAlmostEqual(variant_b.posterior_mean, 17 / 22, places=4)
        self.assertLess(variant_a.interval_high, variant_b.interval_low)
        self.launch(campaign)
        self.dispatch(campaign)
        new = campaign.recipient_ids.filtered(lambda r: r.partner_id in self.people)
        self.assertEqual(new.variant_id, variant_b)
        parameters = self.fake.sent("whatsapp")[0]["template"]["components"][0]["parameters"]
        self.assertEqual([p["text"] for p in parameters], ["Cliente", "BEMVINDA"])
        self.assertAlmostEqual(variant_b.send_share, 26 / 46, places=3)
