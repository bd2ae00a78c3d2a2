# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import SQL

from ..dispatch.stopwords import confirmation, detect_stop

_logger = logging.getLogger(__name__)

JOB_CHANNEL = "root.chatwoot.campaign"
WHATSAPP_INBOX = "Channel::Whatsapp"


class ChatwootCampaignOptout(models.AbstractModel):
    """Inbound messages seen by campaigns: opt-out keywords and replies.

    Called by the Chatwoot message mirror and by the WhatsApp inbound store; a keyword
    opts the person out of that channel (the message is the proof), cancels their queued
    sends there and answers a short confirmation in their language, from a job.
    """

    _name = "chatwoot.campaign.optout"
    _description = "Campaign Opt-out and Reply Tracking"

    @api.model
    def _stop_match(self, text, partner):
        return detect_stop(text, default_language=(partner.lang or "pt_BR")[:2])

    @api.model
    def _process_inbound(self, partner, channel, text, proof_message_id, when, confirm):
        """Handle one inbound message of ``partner`` on consent ``channel``.

        ``confirm`` is ``(method_name, record)``: the job that answers the confirmation.
        Returns the opt-out match, or None.
        """
        if not partner:
            return None
        self._record_reply(partner, when)
        match = self._stop_match(text, partner)
        if not match:
            return None
        self.env["chatwoot.consent"]._record(
            partner,
            channel,
            "opted_out",
            "chat_keyword",
            proof=text,
            proof_message_id=str(proof_message_id or ""),
            date=when or fields.Datetime.now(),
        )
        self._cancel_queue(partner, channel)
        method, record = confirm
        getattr(
            record.with_user(SUPERUSER_ID).with_delay(
                channel=JOB_CHANNEL, description=f"Opt-out confirmation to {partner.name}"
            ),
            method,
        )(confirmation(match.language))
        return match

    @api.model
    def _cancel_queue(self, partner, channel):
        """Cancel the person's queued sends on campaigns that use the consent ``channel``."""
        recipients = (
            self.env["chatwoot.campaign.recipient"]
            .sudo()
            .search([("partner_id", "=", partner.id), ("state", "=", "queued")])
        )
        planner = self.env["chatwoot.campaign.planner"]
        cancelled = recipients.filtered(
            lambda r: planner._consent_channel(r.campaign_id) == channel
        )
        cancelled.write({"state": "cancelled", "error": "opted out"})
        return cancelled

    @api.model
    def _record_reply(self, partner, when):
        """Recipients of ``partner`` sent within their campaign's reply window become replied."""
        when = when or fields.Datetime.now()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT r.id FROM chatwoot_campaign_recipient r
                  JOIN chatwoot_campaign c ON c.id = r.campaign_id
                 WHERE r.partner_id = %s AND r.state IN ('sent', 'delivered', 'read')
                   AND r.sent_at <= %s
                   AND r.sent_at >= %s - make_interval(hours => c.reply_window_hours)
                """,
                partner.id,
                when,
                when,
            )
        )
        return self.env["chatwoot.campaign.recipient"]._advance(
            [row[0] for row in rows], "replied", when
        )
