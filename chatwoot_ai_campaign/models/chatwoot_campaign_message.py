# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.tools import SQL

from ..dispatch.channels import Delivery
from ..dispatch.placeholders import first_name, placeholders_in, render

#: WhatsApp's customer-service window: free-form messages only within 24 h of the last
#: message the person sent.
SESSION_HOURS = 24


class ChatwootCampaignMessage(models.AbstractModel):
    """What one person receives: the variant's text with their placeholders filled in."""

    _name = "chatwoot.campaign.message"
    _description = "Campaign Message Renderer"

    @api.model
    def _values(self, campaign, partner, names=None):
        """Placeholder values of ``partner``; the order history is read only when one of
        ``names`` (default: all) needs it."""
        commercial = partner.commercial_partner_id.id or partner.id
        names = set(names if names is not None else ("last_product", "favourite_category"))
        last = category = None
        if "last_product" in names:
            last = self.env.execute_query(
                SQL(
                    """
                    SELECT pt.name FROM sale_order_line l
                      JOIN sale_order o ON o.id = l.order_id
                      JOIN product_product pp ON pp.id = l.product_id
                      JOIN product_template pt ON pt.id = pp.product_tmpl_id
                      JOIN res_partner rp ON rp.id = o.partner_id
                     WHERE rp.commercial_partner_id = %s AND o.state = 'sale'
                  ORDER BY o.date_order DESC, l.id DESC LIMIT 1
                    """,
                    commercial,
                )
            )
        if "favourite_category" in names:
            category = self.env.execute_query(
                SQL(
                    """
                    SELECT pc.name FROM sale_order_line l
                      JOIN sale_order o ON o.id = l.order_id
                      JOIN product_product pp ON pp.id = l.product_id
                      JOIN product_template pt ON pt.id = pp.product_tmpl_id
                      JOIN product_category pc ON pc.id = pt.categ_id
                      JOIN res_partner rp ON rp.id = o.partner_id
                     WHERE rp.commercial_partner_id = %s AND o.state = 'sale'
                  GROUP BY pc.name ORDER BY SUM(l.product_uom_qty) DESC, pc.name LIMIT 1
                    """,
                    commercial,
                )
            )
        lang = partner.lang or self.env.lang or "en_US"

        def text(value):
            return value.get(lang) or value.get("en_US") or next(iter(value.values()), "")

        return {
            "first_name": first_name(partner.name),
            "name": partner.name or "",
            "last_product": text(last[0][0]) if last else "",
            "favourite_category": category[0][0] if category else "",
            "coupon": campaign.coupon or "",
            "company": campaign.company_id.name,
        }

    @api.model
    def _text(self, campaign, variant):
        return (variant.message if variant else campaign.message) or ""

    @api.model
    def _template(self, campaign, variant, values):
        """The WhatsApp template with the message's placeholders as its body parameters."""
        name = (variant.template_name if variant else False) or campaign.template_name
        if not name:
            return {}
        names = placeholders_in(self._text(campaign, variant))
        return {
            "name": name,
            "language": campaign.template_language or "pt_BR",
            "params": [values.get(key, "") for key in names],
        }

    @api.model
    def _conversation(self, partner, inbox_id):
        """``(display_id, in_session)`` of the person's latest conversation in the inbox."""
        conversation = self.env["chatwoot.conversation"].search(
            [("partner_id", "=", partner.id), ("inbox_id", "=", inbox_id)],
            order="id desc",
            limit=1,
        )
        if not conversation:
            return 0, False
        last_incoming = self.env["chatwoot.message"].search(
            [("conversation_id", "=", conversation.id), ("message_type", "=", "incoming")],
            order="created_at desc",
            limit=1,
        )
        since = fields.Datetime.now() - timedelta(hours=SESSION_HOURS)
        return conversation.display_id, bool(last_incoming and last_incoming.created_at >= since)

    @api.model
    def _delivery(self, recipient, route, partner=None):
        """The plain :class:`Delivery` of a claimed recipient (or a test to ``partner``)."""
        campaign = recipient.campaign_id
        partner = partner or recipient.partner_id
        variant = recipient.variant_id
        values = self._values(campaign, partner, placeholders_in(self._text(campaign, variant)))
        conversation_id, in_session = recipient.chatwoot_conversation_id, False
        if campaign.channel == "chatwoot":
            known, in_session = self._conversation(partner, route["inbox"])
            conversation_id = conversation_id or known
        return {
            "delivery": Delivery(
                recipient_id=recipient.id,
                idempotency_key=recipient.idempotency_key,
                address=recipient.address,
                name=partner.name or "",
                text=render(self._text(campaign, variant), values),
                template=self._template(campaign, variant, values),
                inbox_id=route.get("inbox_id") or 0,
                whatsapp_inbox=route.get("whatsapp_inbox", False),
                conversation_id=conversation_id or 0,
                in_session=in_session,
                phone_number_id=route.get("phone_number_id") or "",
            )
        }

    @api.model
    def _send_email(self, recipient, partner=None, sender=None):
        """Queue one ``mail.mail`` (Odoo's queue, bounces and blacklist apply); for a real
        recipient it is marked sent in the same transaction."""
        campaign = recipient.campaign_id
        partner = partner or recipient.partner_id
        sender = sender or recipient.sender_id
        text = self._text(campaign, recipient.variant_id)
        values = self._values(campaign, partner, placeholders_in(text))
        body = render(text, values)
        mail = self.env["mail.mail"].create(
            {
                "subject": campaign.name,
                "body_html": Markup("<p>%s</p>")
                % Markup("<br/>").join(escape(line) for line in body.splitlines()),
                "email_to": recipient.address or partner.email,
                "email_from": sender.email_from or campaign.company_id.email or False,
                "mail_server_id": sender.mail_server_id.id or False,
                "auto_delete": False,
                "model": "chatwoot.campaign",
                "res_id": campaign.id,
            }
        )
        if recipient.id:
            recipient.write(
                {
                    "state": "sent",
                    "sent_at": fields.Datetime.now(),
                    "mail_id": mail.id,
                    "external_message_id": mail.message_id,
                    "error": False,
                }
            )
        return mail
