# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from odoo.addons.chatwoot_ai_base.models.chatwoot_bot import is_customer_message

WHATSAPP_INBOX = "Channel::Whatsapp"
#: Chatwoot message status -> recipient funnel state.
STATUS_STATES = {"delivered": "delivered", "read": "read"}


class ChatwootMessage(models.Model):
    """The mirror feeds campaigns: opt-out keywords, replies and delivery statuses."""

    _inherit = "chatwoot.message"

    @api.model_create_multi
    def create(self, vals_list):
        messages = super().create(vals_list)
        optout = self.env["chatwoot.campaign.optout"].sudo()
        for message in messages.filtered(is_customer_message):
            channel = (
                "whatsapp"
                if message.conversation_id.inbox_id.channel_type == WHATSAPP_INBOX
                else "chatwoot"
            )
            optout._process_inbound(
                message.partner_id,
                channel,
                message.content,
                message.chatwoot_message_id,
                message.created_at,
                ("_job_confirm_opt_out", message.sudo()),
            )
        messages._track_campaign_statuses()
        return messages

    def write(self, vals):
        result = super().write(vals)
        if "status" in vals:
            self._track_campaign_statuses()
        return result

    def _track_campaign_statuses(self):
        """``message_updated`` statuses move the campaign recipients of these messages."""
        outgoing = self.filtered(
            lambda m: m.message_type in ("outgoing", "template") and m.status in STATUS_STATES
        )
        if not outgoing:
            return
        Recipient = self.env["chatwoot.campaign.recipient"].sudo()
        for status in set(outgoing.mapped("status")):
            ids = [str(m.chatwoot_message_id) for m in outgoing if m.status == status]
            recipients = Recipient.search(
                [("external_message_id", "in", ids), ("campaign_id.channel", "=", "chatwoot")]
            )
            Recipient._advance(recipients.ids, STATUS_STATES[status])

    def _job_confirm_opt_out(self, text):
        """Queue job: answer an opt-out keyword in its conversation."""
        self.ensure_one()
        with self.account_id._chatwoot_client() as client:
            answer = client.send_message(
                self.conversation_id.display_id,
                text,
                echo_id=f"cw-optout-{self.account_id.id}-{self.chatwoot_message_id}",
            )
        return f"confirmation posted as message {answer.get('id')}"
