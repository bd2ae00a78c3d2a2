# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

#: How much of the other channels the crews read: the latest events, each text shortened.
CROSS_CHANNEL_EVENTS = 8
CROSS_CHANNEL_CHARS = 200


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _chatwoot_social_history(self, partner):
        """What the person said lately on the social channels, newest first.

        ``[{"channel", "kind", "date", "text", "answered"}]`` over the comments and questions
        (Facebook, Instagram, Mercado Livre) and the WhatsApp messages of ``partner``'s
        commercial entity, read as the current user (the AI agent sees only the customer it
        serves). The crews use it so that a question asked on Instagram is known when the
        same person writes on WhatsApp.
        """
        if not partner:
            return []
        commercial = partner.commercial_partner_id
        comments = self.env["chatwoot.social.comment"].search(
            [
                ("partner_id.commercial_partner_id", "=", commercial.id),
                ("is_own", "=", False),
                ("state", "!=", "removed"),
            ],
            order="created_at desc, id desc",
            limit=CROSS_CHANNEL_EVENTS,
        )
        messages = self.env["chatwoot.social.message"].search(
            [("partner_id.commercial_partner_id", "=", commercial.id)],
            order="timestamp desc, id desc",
            limit=CROSS_CHANNEL_EVENTS,
        )
        events = [
            {
                "channel": comment.platform,
                "kind": comment.source,
                "date": comment.created_at,
                "text": " ".join((comment.body or "").split())[:CROSS_CHANNEL_CHARS],
                "answered": comment.state == "replied",
            }
            for comment in comments
        ] + [
            {
                "channel": "whatsapp",
                "kind": "message",
                "date": message.timestamp,
                "text": " ".join((message.body or "").split())[:CROSS_CHANNEL_CHARS],
                "answered": False,
            }
            for message in messages
        ]
        events = [event for event in events if event["date"]]
        events.sort(key=lambda event: event["date"], reverse=True)
        return [
            dict(event, date=event["date"].isoformat(sep=" ", timespec="minutes"))
            for event in events[:CROSS_CHANNEL_EVENTS]
        ]

    @api.model
    def _chatwoot_cross_channel_context(self, partner):
        """What the crews know of ``partner`` across channels, as a plain dict.

        The base addon's customer context (name, language, city, favourite categories, open
        Chatwoot conversations) plus the count of confirmed orders; the identity work of this
        addon extends it with what the person said on the other channels.
        """
        context = self.env["chatwoot.context"]._customer_profile(partner)
        commercial = partner.commercial_partner_id
        context["orders_count"] = (
            self.env["sale.order"].search_count(
                [
                    ("partner_id.commercial_partner_id", "=", commercial.id),
                    ("state", "=", "sale"),
                ]
            )
            if commercial
            else 0
        )
        return context
