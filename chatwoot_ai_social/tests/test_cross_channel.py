# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One person across channels: the analytics timeline gains social comments and WhatsApp
messages, and the AI agent knows on WhatsApp what the person asked on Instagram."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SocialCase


@tagged("post_install", "-at_install")
class TestCrossChannel(SocialCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.question = cls.env["chatwoot.social.comment"].create(
            {
                "account_id": cls.instagram.id,
                "external_id": "17900000000000001",
                "body": "Esse batom vermelho tem em tom mais escuro? 💄",
                "author_external_id": "17850009",
                "author_name": "ana.souza",
                "partner_id": cls.customer.id,
                "created_at": "2025-09-01 10:00:00",
            }
        )
        cls.stranger = cls.env["res.partner"].create({"name": "Outra Pessoa"})
        cls.env["chatwoot.social.comment"].create(
            {
                "account_id": cls.page.id,
                "external_id": "555_1",
                "body": "Comentário de outra pessoa",
                "partner_id": cls.stranger.id,
                "created_at": "2025-09-01 11:00:00",
            }
        )
        cls.message = cls.env["chatwoot.social.message"]._ingest_whatsapp(
            cls.whatsapp,
            {
                "wamid": "wamid.CROSS1",
                "wa_id": "5511987654321",
                "name": "Ana",
                "timestamp": 1756724400,  # 2025-09-01 11:00 UTC
                "message_type": "text",
                "body": "Oi, vi no Instagram o batom",
            },
        )

    def test_whatsapp_message_joins_the_customer_by_number(self):
        self.assertEqual(self.message.partner_id, self.customer)

    def test_timeline_shows_comments_and_whatsapp_messages_next_to_conversations(self):
        rows = self.env["chatwoot.customer.timeline"].search(
            [("partner_id", "=", self.customer.commercial_partner_id.id)]
        )
        by_kind = {row.kind: row for row in rows}
        self.assertLessEqual({"conversation", "social_comment", "whatsapp_message"}, set(by_kind))
        comment_row = by_kind["social_comment"]
        self.assertEqual(
            (comment_row.res_model, comment_row.res_id),
            ("chatwoot.social.comment", self.question.id),
        )
        self.assertIn("batom vermelho", comment_row.name)
        self.assertTrue(comment_row.name.startswith("instagram"))
        message_row = by_kind["whatsapp_message"]
        self.assertEqual(message_row.res_id, self.message.id)
        self.assertEqual(str(message_row.date), "2025-09-01 11:00:00")
        self.assertEqual(len(set(rows.ids)), len(rows), "ids stay unique across sources")

    def test_timeline_is_assembled_from_each_addons_sources(self):
        Timeline = self.env["chatwoot.customer.timeline"]
        slots = [slot for slot, _query in Timeline._timeline_sources()]
        self.assertLessEqual({0, 1, 2, 3}, set(slots), "analytics 0-1, social 2-3")
        self.assertEqual(len(slots), len(set(slots)))
        kinds = dict(Timeline._fields["kind"].selection)
        self.assertLessEqual(
            {"order", "conversation", "social_comment", "whatsapp_message"}, set(kinds)
        )
        # The view is the union of every source: one branch per contributed SELECT.
        self.env.cr.execute("SELECT pg_get_viewdef('chatwoot_customer_timeline'::regclass)")
        definition = self.env.cr.fetchone()[0]
        self.assertEqual(definition.count("UNION ALL") + 1, len(slots))

    def test_agent_on_whatsapp_knows_the_instagram_question(self):
        tools = self.env["chatwoot.context"]._agent_tools(self.conversation)
        channels = tools.customer_profile()["other_channels"]
        self.assertEqual(
            [(event["channel"], event["kind"]) for event in channels],
            [("whatsapp", "message"), ("instagram", "comment")],
            "newest first",
        )
        self.assertIn("batom vermelho tem em tom mais escuro", channels[1]["text"])
        self.assertEqual(channels[1]["date"], "2025-09-01 10:00")

    def test_the_agent_bot_reads_only_the_served_customers_channels(self):
        bot = self.env.ref("chatwoot_ai_base.user_chatwoot_ai_bot")
        served = {"chatwoot_customer_id": self.customer.commercial_partner_id.id}
        context = self.env["chatwoot.context"].with_user(bot).with_context(**served)
        tools = context._agent_tools(self.conversation.with_user(bot).with_context(**served))
        texts = [event["text"] for event in tools.customer_profile()["other_channels"]]
        self.assertEqual(len(texts), 2)
        self.assertNotIn("Comentário de outra pessoa", texts)
        Partner = self.env["res.partner"].with_user(bot).with_context(**served)
        with self.assertRaises(AccessError):
            Partner._chatwoot_social_history(self.stranger.with_user(bot))
