# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ChatwootCampaignTopic(models.Model):
    """What a campaign is about (offers, news, restock…): people can mute topics."""

    _name = "chatwoot.campaign.topic"
    _description = "Campaign Topic"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("UNIQUE(name)", "This topic already exists.")
