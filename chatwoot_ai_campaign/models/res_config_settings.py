# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    chatwoot_campaign_weekly_cap = fields.Integer(
        related="company_id.chatwoot_campaign_weekly_cap", readonly=False
    )
    chatwoot_campaign_email_regime = fields.Selection(
        related="company_id.chatwoot_campaign_email_regime", readonly=False
    )
    chatwoot_campaign_approval = fields.Boolean(
        related="company_id.chatwoot_campaign_approval", readonly=False
    )
