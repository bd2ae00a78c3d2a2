# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets

from odoo import api, fields, models

WEBHOOK_ROUTE = "/chatwoot_ai/webhook/"
MANAGER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_manager"


def _new_webhook_token():
    # 32 random bytes: the token alone authenticates accounts without a secret.
    return secrets.token_urlsafe(32)


class ChatwootAccount(models.Model):
    _name = "chatwoot.account"
    _description = "Chatwoot Account"
    _inherit = ["mail.thread"]
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    base_url = fields.Char(
        string="Chatwoot URL",
        required=True,
        default="https://app.chatwoot.com",
        tracking=True,
        help="Root URL of the Chatwoot installation, e.g. https://chat.example.com",
    )
    chatwoot_account_id = fields.Integer(
        string="Chatwoot Account ID",
        required=True,
        help="The number in Chatwoot's URLs: /app/accounts/<id>/...",
    )
    api_access_token = fields.Char(
        string="API Access Token",
        groups=MANAGER_GROUP,
        copy=False,
        help="Access token of a Chatwoot agent or bot (Profile settings → Access token).",
    )
    webhook_token = fields.Char(
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: _new_webhook_token(),
        help="Unguessable part of the webhook URL that identifies this account.",
    )
    webhook_secret = fields.Char(
        groups=MANAGER_GROUP,
        copy=False,
        help="Chatwoot's webhook signing secret. When set, every delivery must carry a "
        "valid X-Chatwoot-Signature.",
    )
    webhook_url = fields.Char(
        string="Webhook URL",
        compute="_compute_webhook_url",
        help="Paste this URL in Chatwoot → Settings → Integrations → Webhooks.",
    )
    bot_enabled = fields.Boolean(
        string="AI Agent Enabled",
        help="Let the AI agent answer customers of this account's inboxes.",
    )
    inbox_ids = fields.One2many("chatwoot.inbox", "account_id", string="Inboxes")
    conversation_count = fields.Integer(compute="_compute_conversation_count")

    _webhook_token_uniq = models.Constraint(
        "UNIQUE(webhook_token)", "The webhook token must be unique."
    )
    _chatwoot_account_uniq = models.Constraint(
        "UNIQUE(company_id, base_url, chatwoot_account_id)",
        "This Chatwoot account is already configured for this company.",
    )

    @api.depends("webhook_token")
    def _compute_webhook_url(self):
        base = self.env["res.config.settings"]._chatwoot_ai_public_base_url()
        for account in self:
            account.webhook_url = f"{base}{WEBHOOK_ROUTE}{account.webhook_token}"

    def _compute_conversation_count(self):
        counts = dict(
            self.env["chatwoot.conversation"]._read_group(
                [("account_id", "in", self.ids)], ["account_id"], ["__count"]
            )
        )
        for account in self:
            account.conversation_count = counts.get(account, 0)

    def action_regenerate_webhook_token(self):
        """Invalidate the current webhook URL, e.g. after it leaked."""
        self.ensure_one()
        self.check_access("write")
        self.webhook_token = _new_webhook_token()
        self.message_post(body=self.env._("Webhook token regenerated."))
        return True

    def action_view_conversations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "chatwoot_ai_base.chatwoot_conversation_action"
        )
        action["domain"] = [("account_id", "=", self.id)]
        action["context"] = {"default_account_id": self.id}
        return action
