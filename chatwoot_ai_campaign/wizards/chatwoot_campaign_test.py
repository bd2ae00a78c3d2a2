# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid

from odoo import fields, models
from odoo.exceptions import UserError


class ChatwootCampaignTest(models.TransientModel):
    """Send the campaign's message to one chosen person now, e.g. yourself."""

    _name = "chatwoot.campaign.test"
    _description = "Campaign Test Send"

    campaign_id = fields.Many2one("chatwoot.campaign", required=True, ondelete="cascade")
    partner_id = fields.Many2one("res.partner", string="Send To", required=True)
    result = fields.Char(readonly=True)

    def action_send(self):
        self.ensure_one()
        campaign = self.campaign_id
        campaign.check_access("write")
        sender = campaign.sender_ids[:1]
        if not sender:
            raise UserError(self.env._("Add at least one sender."))
        partner = self.partner_id
        address = (
            partner.email_normalized
            if campaign.channel == "email"
            else partner.phone_sanitized
            or (partner.email_normalized if campaign.channel == "chatwoot" else False)
        )
        if not address:
            raise UserError(self.env._("%s has no address for this channel.", partner.name))
        recipient = self.env["chatwoot.campaign.recipient"].new(
            {
                "campaign_id": campaign.id,
                "partner_id": partner.id,
                "sender_id": sender.id,
                "variant_id": campaign.variant_ids[:1].id,
                "address": address,
                "idempotency_key": f"cw-campaign-test-{uuid.uuid4().hex}",
            }
        )
        message = self.env["chatwoot.campaign.message"].sudo()
        if campaign.channel == "email":
            message._send_email(recipient, partner, sender)
            self.result = self.env._("Test e-mail queued.")
            return self._reopen()
        route = sender.sudo()._route()
        delivery = message._delivery(recipient, route, partner)["delivery"]
        delivery.recipient_id = 0
        result = sender._deliver(campaign.channel, route, delivery)
        if not result.ok:
            raise UserError(self.env._("The test was not sent: %s", result.error))
        self.result = self.env._("Test sent (message %s).", result.external_id)
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
