# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..dispatch.constants import SENDER_STATES, WHATSAPP_TIERS


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
