# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

PUBLIC_URL_PARAM = "chatwoot_ai.public_base_url"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    chatwoot_ai_public_base_url = fields.Char(
        string="Public Odoo URL for Chatwoot",
        config_parameter=PUBLIC_URL_PARAM,
        help="The URL at which Chatwoot reaches this Odoo (e.g. http://odoo:8069 inside "
        "docker compose). Empty means the database's web.base.url.",
    )
    chatwoot_ai_account_count = fields.Integer(
        string="Connected Accounts", compute="_compute_chatwoot_ai_account_count"
    )

    def _compute_chatwoot_ai_account_count(self):
        count = self.env["chatwoot.account"].search_count([])
        for settings in self:
            settings.chatwoot_ai_account_count = count

    @api.model
    def _chatwoot_ai_public_base_url(self):
        """The base URL to build webhook URLs with, without a trailing slash."""
        params = self.env["ir.config_parameter"].sudo()
        url = params.get_param(PUBLIC_URL_PARAM) or params.get_param("web.base.url") or ""
        return url.rstrip("/")
