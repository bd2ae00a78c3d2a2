# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.models.chatwoot_account import _new_webhook_token
from odoo.addons.queue_job.exception import RetryableJobError

from ..meta.graph import DEFAULT_BASE_URL, DEFAULT_VERSION, GraphClient, GraphError

PLATFORMS = [
    ("facebook", "Facebook Page"),
    ("instagram", "Instagram"),
    ("whatsapp", "WhatsApp"),
    ("mercadolivre", "Mercado Livre"),
]
META_PLATFORMS = ("facebook", "instagram", "whatsapp")
REPLY_MODES = [
    ("draft", "Drafts only"),
    ("approval", "Drafts wait for approval"),
    ("auto", "Publish low-risk replies"),
]
ESCALATION_MODES = [
    ("activity", "Odoo activity"),
    ("chatwoot", "Chatwoot conversation"),
]
GRAPH_BASE_URL_PARAM = "chatwoot_ai_social.graph_base_url"
GRAPH_VERSION_PARAM = "chatwoot_ai_social.graph_api_version"
MERCADOLIVRE_BASE_URL_PARAM = "chatwoot_ai_social.mercadolivre_base_url"
MERCADOLIVRE_DEFAULT_BASE_URL = "https://api.mercadolibre.com"
META_WEBHOOK_ROUTE = "/chatwoot_ai/meta/webhook/"
#: What the webhooks read of an account besides its id: ``(app_secret, verify_token,
#: external_id, platform)`` (``webhook_credentials``).
WEBHOOK_CREDENTIALS = (
    "chatwoot_social_account",
    ("app_secret", "verify_token", "external_id", "platform"),
)
MERCADOLIVRE_NOTIFY_ROUTE = "/chatwoot_ai/mercadolivre/notify/"
JOB_CHANNEL = "root.chatwoot.social"
#: First key of the advisory lock that serialises the drains of one social account.
DRAIN_LOCK_NAMESPACE = 7_400_009
DRAIN_DELAY_PARAM = "chatwoot_ai_social.drain_delay_seconds"
#: identity_key of an account's drain job is this prefix and the account id.
DRAIN_IDENTITY_PREFIX = "social_drain:"
MANAGER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_manager"


class ChatwootSocialAccount(models.Model):
    """A Facebook Page, Instagram professional account, WhatsApp number or Mercado Livre seller.

    Managers configure it (tokens and secrets are theirs only); marketers read it. Its
    ``webhook_token`` names it in the callback URL pasted into Meta's app dashboard.
    """

    _name = "chatwoot.social.account"
    _description = "Social Account"
    _inherit = ["mail.thread", "chatwoot.webhook.credentials.mixin"]
    _order = "platform, name, id"
    # external_id and platform too: the webhooks route and check by them without a query.
    _webhook_credential_columns = WEBHOOK_CREDENTIALS[1]

    name = fields.Char(required=True, tracking=True)
    platform = fields.Selection(PLATFORMS, required=True, default="facebook", tracking=True)
    external_id = fields.Char(
        string="External ID",
        required=True,
        tracking=True,
        help="Facebook Page id, Instagram professional account id, WhatsApp phone number id "
        "or Mercado Livre seller id.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    access_token = fields.Char(groups=MANAGER_GROUP, copy=False)
    app_secret = fields.Char(
        groups=MANAGER_GROUP, copy=False, help="Meta app secret: signs every webhook delivery."
    )
    verify_token = fields.Char(
        groups=MANAGER_GROUP,
        copy=False,
        default=lambda self: _new_webhook_token(),
        help="Paste it as the Verify Token in Meta's app dashboard.",
    )
    client_id = fields.Char(string="Client ID", groups=MANAGER_GROUP, copy=False)
    client_secret = fields.Char(groups=MANAGER_GROUP, copy=False)
    refresh_token = fields.Char(
        groups=MANAGER_GROUP, copy=False, help="Mercado Livre refresh tokens are single-use."
    )
    token_expires_at = fields.Datetime(readonly=True, copy=False)
    webhook_token = fields.Char(
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: _new_webhook_token(),
        help="Unguessable part of the callback URL that identifies this account.",
    )
    callback_url = fields.Char(string="Callback URL", compute="_compute_callback_url")
    reply_mode = fields.Selection(REPLY_MODES, required=True, default="approval", tracking=True)
    auto_min_confidence = fields.Float(
        string="Auto-reply Confidence",
        default=0.75,
        help="Low-risk replies are published without approval only above this confidence.",
    )
    hide_spam = fields.Boolean(
        string="Hide Spam and Offensive", default=True, help="Hide them on the platform."
    )
    sla_hours = fields.Float(string="Response SLA (hours)", default=4.0)
    urgent_sla_hours = fields.Float(
        string="Complaint SLA (hours)", default=1.0, help="For complaints and negative comments."
    )
    escalation_mode = fields.Selection(ESCALATION_MODES, default="activity", required=True)
    escalation_inbox_id = fields.Many2one(
        "chatwoot.inbox", string="Escalation Inbox", help="Chatwoot inbox escalations open in."
    )
    escalation_user_id = fields.Many2one(
        "res.users", string="Escalate To", help="Who gets the activity of an escalated comment."
    )
    graph_usage = fields.Float(string="API Usage (%)", readonly=True, copy=False)
    graph_usage_at = fields.Datetime(string="API Usage Read At", readonly=True, copy=False)
    last_error = fields.Text(readonly=True, copy=False)
    comment_ids = fields.One2many("chatwoot.social.comment", "account_id")
    comment_count = fields.Integer(compute="_compute_comment_count")

    _webhook_token_uniq = models.Constraint(
        "UNIQUE(webhook_token)", "The webhook token must be unique."
    )
    _external_uniq = models.Constraint(
        "UNIQUE(company_id, platform, external_id)",
        "This account is already configured for this company.",
    )
    _confidence_range = models.Constraint(
        "CHECK(auto_min_confidence >= 0 AND auto_min_confidence <= 1)",
        "The auto-reply confidence is between 0 and 1.",
    )

    @api.depends("webhook_token", "platform")
    def _compute_callback_url(self):
        base = self.env["res.config.settings"]._chatwoot_ai_public_base_url()
        for account in self:
            route = (
                MERCADOLIVRE_NOTIFY_ROUTE
                if account.platform == "mercadolivre"
                else META_WEBHOOK_ROUTE
            )
            account.callback_url = f"{base}{route}{account.webhook_token}"

    def _compute_comment_count(self):
        counts = dict(
            self.env["chatwoot.social.comment"]._read_group(
                [("account_id", "in", self.ids)], ["account_id"], ["__count"]
            )
        )
        for account in self:
            account.comment_count = counts.get(account, 0)

    def action_regenerate_webhook_token(self):
        """Invalidate the current callback URL, e.g. after it leaked."""
        self.ensure_one()
        self.check_access("write")
        self.webhook_token = _new_webhook_token()
        self.message_post(body=self.env._("Callback URL regenerated."))
        return True

    def action_view_comments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "chatwoot_ai_social.chatwoot_social_comment_action"
        )
        action["domain"] = [("account_id", "=", self.id)]
        action["context"] = {"default_account_id": self.id}
        return action

    # ------------------------------------------------------------------ Graph API
    @api.model
    def _graph_settings(self):
        params = self.env["ir.config_parameter"].sudo()
        return (
            params.get_param(GRAPH_BASE_URL_PARAM) or DEFAULT_BASE_URL,
            params.get_param(GRAPH_VERSION_PARAM) or DEFAULT_VERSION,
        )

    def _graph_client(self, **options):
        """A Graph API client with this account's token, at the configured base URL/version."""
        self.ensure_one()
        token = self.sudo().access_token
        if not token:
            raise UserError(self.env._("Set the access token of %s first.", self.display_name))
        base_url, version = self._graph_settings()
        return GraphClient(base_url, version, token, **options)

    def _record_usage(self, client):
        """Keep the usage Meta reported on the last call, for the next job's pacing."""
        self.sudo().write(
            {"graph_usage": client.last_usage, "graph_usage_at": fields.Datetime.now()}
        )

    def _whatsapp_send(self, payload):
        """Send a WhatsApp Cloud API message; the ``wamid`` Meta returns.

        ``payload`` is the message envelope (``to`` or a BSUID recipient, ``type``, ``text``
        or ``template``); ``messaging_product`` is added. Raises the ``GraphError`` family.
        """
        self.ensure_one()
        if self.platform != "whatsapp":
            raise UserError(self.env._("%s is not a WhatsApp number.", self.display_name))
        client = self._graph_client()
        try:
            answer = client.post(
                f"{self.external_id}/messages", data={"messaging_product": "whatsapp", **payload}
            )
        finally:
            self._record_usage(client)
        messages = answer.get("messages") or []
        if not messages or not messages[0].get("id"):
            raise GraphError("WhatsApp answered without a message id", http_status=200)
        return messages[0]["id"]

    def _notify_managers(self, message):
        """Tell the ChatwootAI managers something needs them (a token expired, a permission)."""
        self.ensure_one()
        managers = (
            self.env.ref(MANAGER_GROUP)
            .sudo()
            .user_ids.filtered(
                lambda user: not user.share and user.active and self.company_id in user.company_ids
            )
        )
        self.sudo().write({"last_error": message})
        self.sudo().message_post(
            body=message,
            partner_ids=managers.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )

    # ------------------------------------------------------------------ processing jobs
    def _schedule_drain(self, eta=None, force=False, checked=False):
        """Make sure a job processes this account's stored webhook items (see base's drain).

        ``checked``: the caller already found no drain waiting (``_store_items``).
        """
        self.ensure_one()
        identity = f"{DRAIN_IDENTITY_PREFIX}{self.id}"
        if eta or force:
            identity = f"{identity}:{eta or 'next'}"
        elif not checked and self.env.execute_query(
            SQL(
                "SELECT 1 FROM queue_job WHERE identity_key = %s "
                "AND state IN ('wait_dependencies', 'pending', 'enqueued') LIMIT 1",
                identity,
            )
        ):
            return False
        else:
            delay = int(self.env["ir.config_parameter"].sudo().get_param(DRAIN_DELAY_PARAM, 1))
            eta = fields.Datetime.now() + timedelta(seconds=delay) if delay > 0 else None
        self.with_user(SUPERUSER_ID).with_delay(
            channel=JOB_CHANNEL,
            eta=eta,
            description=f"Process social deliveries of {self.name}",
            identity_key=identity,
        )._job_drain_events()
        return True

    def _job_drain_events(self):
        """Queue job: process the account's waiting items, one drain per account at once."""
        self.ensure_one()
        locked = self.env.execute_query(
            SQL("SELECT pg_try_advisory_xact_lock(%s, %s)", DRAIN_LOCK_NAMESPACE, self.id)
        )[0][0]
        if not locked:
            raise RetryableJobError("another drain of this account is running", 2, True)
        count = self.env["chatwoot.social.event"]._drain(self)
        return f"{count} item(s) processed"
