# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.chatwoot import client as chatwoot_errors
from odoo.addons.chatwoot_ai_social.meta import graph as graph_errors

from ..dispatch import channels
from ..dispatch.batch import LEASE_SECONDS
from ..dispatch.constants import SENDER_STATES, WHATSAPP_TIERS

LEASE_PARAM = "chatwoot_ai_campaign.lease_seconds"
WHATSAPP_INBOX = "Channel::Whatsapp"


class ChatwootCampaignSender(models.Model):
    """A way out for a campaign's messages: a Chatwoot inbox, a WhatsApp number or a mail
    server, with its own pace (rate per minute), daily cap and health."""

    _name = "chatwoot.campaign.sender"
    _description = "Campaign Sender"
    _order = "campaign_id, id"

    campaign_id = fields.Many2one(
        "chatwoot.campaign", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    channel = fields.Selection(related="campaign_id.channel")
    name = fields.Char(required=True)
    inbox_id = fields.Many2one("chatwoot.inbox", string="Chatwoot Inbox")
    social_account_id = fields.Many2one(
        "chatwoot.social.account",
        string="WhatsApp Number",
        domain="[('platform', '=', 'whatsapp')]",
        help="The WhatsApp Cloud API phone number id that sends.",
    )
    mail_server_id = fields.Many2one("ir.mail_server", string="Mail Server")
    email_from = fields.Char(string="From")
    rate_per_minute = fields.Float(default=60.0, required=True)
    burst = fields.Float(help="Sends that may go at once after a pause; 1 paces them evenly.")
    daily_cap = fields.Integer(help="Most sends per day; 0 means no cap.")
    whatsapp_tier = fields.Selection(
        WHATSAPP_TIERS,
        string="Messaging Tier",
        default="0",
        help="WhatsApp's limit of unique people per rolling 24 h for the business portfolio.",
    )
    state = fields.Selection(SENDER_STATES, required=True, default="healthy", copy=False)
    failure_count = fields.Integer(readonly=True, copy=False)
    unhealthy_until = fields.Datetime(readonly=True, copy=False)
    last_error = fields.Text(readonly=True, copy=False)
    sent_count = fields.Integer(string="Sent", compute="_compute_sent_count")
    # The batch sending through this sender now (a killed worker's lease simply expires).
    dispatch_token = fields.Char(readonly=True, copy=False, groups="base.group_system")
    dispatch_lease_until = fields.Datetime(readonly=True, copy=False, groups="base.group_system")

    _rate_positive = models.Constraint(
        "CHECK(rate_per_minute > 0)", "The rate per minute must be positive."
    )

    @api.constrains("inbox_id", "social_account_id", "mail_server_id", "campaign_id")
    def _check_route(self):
        for sender in self:
            channel = sender.campaign_id.channel
            if channel == "chatwoot" and not sender.inbox_id:
                raise ValidationError(self.env._("A Chatwoot sender needs an inbox."))
            if channel == "whatsapp_cloud" and not sender.social_account_id:
                raise ValidationError(self.env._("A WhatsApp sender needs a WhatsApp number."))

    def _compute_sent_count(self):
        rows = self.env["chatwoot.campaign.recipient"]._read_group(
            [("sender_id", "in", self.ids), ("sent_at", "!=", False)], ["sender_id"], ["__count"]
        )
        counts = {sender.id: count for sender, count in rows}
        for sender in self:
            sender.sent_count = counts.get(sender.id, 0)

    def _route(self):
        """How the sender reaches people: an API client (used outside any transaction), with
        its keep-alive session for the whole batch."""
        self.ensure_one()
        if self.channel == "chatwoot":
            return {
                "client": self.campaign_id.account_id._chatwoot_client(max_attempts=1),
                "inbox_id": self.inbox_id.chatwoot_inbox_id,
                "inbox": self.inbox_id.id,
                "whatsapp_inbox": self.inbox_id.channel_type == WHATSAPP_INBOX,
            }
        if self.channel == "whatsapp_cloud":
            return {
                "client": self.social_account_id._graph_client(),
                "phone_number_id": self.social_account_id.external_id,
            }
        return {}

    @api.model
    def _deliver(self, channel, route, delivery, on_conversation=None):
        """Send ``delivery`` on ``channel`` through a sender's ``route`` (see :meth:`_route`):
        a ``SendResult``. No database access, so no transaction is open while it waits on
        the network. Chatwoot calls ``on_conversation(id)`` with the conversation before
        the message is posted in it."""
        if channel == "whatsapp_cloud":
            return channels.send_whatsapp(route["client"], delivery, graph_errors)
        return channels.send_chatwoot(
            route["client"], delivery, chatwoot_errors, on_conversation=on_conversation
        )

    # ------------------------------------------------------------------ dispatch lease
    @api.model
    def _lease_seconds(self):
        params = self.env["ir.config_parameter"].sudo()
        return int(params.get_param(LEASE_PARAM, LEASE_SECONDS))

    @api.model
    def _take_leases(self, campaign_id, sender_ids, token):
        """Lease the campaign's ``sender_ids`` (all when None) that no live batch holds to the
        batch ``token``: ``(sender ids leased, when the others' leases end)``."""
        now = fields.Datetime.now()
        wanted = SQL("TRUE") if sender_ids is None else SQL("id = ANY(%s)", list(sender_ids))
        rows = self.env.execute_query(
            SQL(
                "UPDATE chatwoot_campaign_sender SET dispatch_token = %s, "
                "dispatch_lease_until = %s WHERE campaign_id = %s AND %s "
                "AND (dispatch_lease_until IS NULL OR dispatch_lease_until < %s) RETURNING id",
                token,
                now + timedelta(seconds=self._lease_seconds()),
                campaign_id,
                wanted,
                now,
            )
        )
        if rows:
            return sorted(row[0] for row in rows), None
        rows = self.env.execute_query(
            SQL(
                "SELECT MIN(dispatch_lease_until) FROM chatwoot_campaign_sender "
                "WHERE campaign_id = %s AND %s",
                campaign_id,
                wanted,
            )
        )
        return [], rows[0][0] if rows else None

    @api.model
    def _renew_leases(self, sender_ids, token, lease):
        self.env.execute_query(
            SQL(
                "UPDATE chatwoot_campaign_sender SET dispatch_lease_until = %s "
                "WHERE id = ANY(%s) AND dispatch_token = %s",
                fields.Datetime.now() + timedelta(seconds=lease),
                sender_ids,
                token,
            )
        )

    @api.model
    def _release_leases(self, sender_ids, token):
        self.env.execute_query(
            SQL(
                "UPDATE chatwoot_campaign_sender SET dispatch_lease_until = NULL, "
                "dispatch_token = NULL WHERE id = ANY(%s) AND dispatch_token = %s",
                sender_ids,
                token,
            )
        )

    @api.model
    def _record_health(self, slots):
        """Write what a batch learnt of its senders' health (``SenderSlot`` of the balancer:
        a cool-down in epoch seconds)."""
        for slot in slots:
            sender = self.browse(slot.sender_id)
            if slot.healthy:
                sender.write({"state": "healthy", "unhealthy_until": False})
            else:
                until = fields.Datetime.now() + timedelta(
                    seconds=max(0.0, slot.unhealthy_until - time.time())
                )
                sender.write(
                    {"state": "unhealthy", "unhealthy_until": until, "last_error": slot.last_error}
                )
