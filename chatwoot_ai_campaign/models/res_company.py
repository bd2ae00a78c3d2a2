# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..dispatch.constants import EMAIL_REGIMES


class ResCompany(models.Model):
    _inherit = "res.company"

    chatwoot_campaign_weekly_cap = fields.Integer(
        string="Campaign Messages per Week",
        default=3,
        help="Most campaign messages a person gets in 7 days, unless their own preference "
        "says otherwise; 0 means no limit. Transactional messages do not count.",
    )
    chatwoot_campaign_email_regime = fields.Selection(
        EMAIL_REGIMES,
        string="E-mail Consent",
        default="opt_out",
        required=True,
        help="Opt-in: e-mail only people who said yes. Opt-out: everyone who did not say no.",
    )
    chatwoot_campaign_approval = fields.Boolean(
        string="Campaigns Need Approval",
        help="Only ChatwootAI Managers may launch campaigns.",
    )
