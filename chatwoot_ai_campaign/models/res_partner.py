# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    chatwoot_campaign_weekly_cap = fields.Integer(
        string="Campaign Messages per Week",
        help="This person's own limit; 0 follows the company's default.",
    )
    chatwoot_muted_topic_ids = fields.Many2many(
        "chatwoot.campaign.topic",
        "chatwoot_campaign_topic_partner_rel",
        "partner_id",
        "topic_id",
        string="Muted Topics",
        help="Campaigns about these topics skip this person.",
    )
    chatwoot_consent_ids = fields.One2many("chatwoot.consent", "partner_id", string="Consents")
