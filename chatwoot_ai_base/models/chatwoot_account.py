# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
import secrets
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.queue_job.exception import RetryableJobError

from ..chatwoot.client import (
    ChatwootAuthError,
    ChatwootClient,
    ChatwootError,
    ChatwootNotFound,
    ChatwootRateLimited,
    ChatwootUnavailable,
)
from ..chatwoot.constants import CHANNEL_TYPES
from ..chatwoot.drain import drain_pause

WEBHOOK_ROUTE = "/chatwoot_ai/webhook/"
#: What the webhook reads of an account besides its id (``webhook_credentials``).
WEBHOOK_CREDENTIALS = ("chatwoot_account", ("webhook_secret",))
ASSIST_ROUTE = "/chatwoot_ai/assist/"
JOB_CHANNEL = "root.chatwoot"
DRAIN_DELAY_PARAM = "chatwoot_ai.drain_delay_seconds"
DRAIN_DELAY_DEFAULT = 1
#: Share of one worker's time the drain may take while deliveries keep arriving.
DRAIN_BUSY_SHARE_PARAM = "chatwoot_ai.drain_busy_share"
DRAIN_BUSY_SHARE_DEFAULT = 0.25
#: First key of the advisory lock that serialises the drains of one account.
DRAIN_LOCK_NAMESPACE = 7_400_001
MANAGER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_manager"


def drain_identity(account_id, paced=False):
    """The queue_job identity key of an account's drain (its paced variant with ``paced``)."""
    identity = f"chatwoot_drain:{account_id}"
    return f"{identity}:paced" if paced else identity


def _new_webhook_token():
    # 32 random bytes: the token alone authenticates accounts without a secret.
    return secrets.token_urlsafe(32)


class ChatwootAccount(models.Model):
    _name = "chatwoot.account"
    _description = "Chatwoot Account"
    _inherit = ["mail.thread", "chatwoot.webhook.credentials.mixin"]
    _order = "name, id"
    _webhook_credential_columns = WEBHOOK_CREDENTIALS[1]

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
    assist_token = fields.Char(
        required=True,
        readonly=True,
        copy=False,
        groups=MANAGER_GROUP,
        default=lambda self: _new_webhook_token(),
        help="Unguessable part of the agent-assist URL. It is separate from the webhook token "
        "so that agents who see the dashboard app's URL cannot post webhook events.",
    )
    assist_url = fields.Char(
        string="Agent Assist URL",
        compute="_compute_assist_url",
        groups=MANAGER_GROUP,
        help="Add this URL in Chatwoot → Settings → Integrations → Dashboard Apps: agents "
        "then see the AI's suggested reply next to each conversation.",
    )
    bot_enabled = fields.Boolean(
        string="AI Agent Enabled",
        help="Let the AI agent answer customers of this account's inboxes.",
    )
    bot_budget_notice = fields.Char(
        related="company_id.chatwoot_ai_budget_notice", string="AI Budget Notice"
    )
    inbox_ids = fields.One2many("chatwoot.inbox", "account_id", string="Inboxes")
    conversation_count = fields.Integer(compute="_compute_conversation_count")

    _webhook_token_uniq = models.Constraint(
        "UNIQUE(webhook_token)", "The webhook token must be unique."
    )
    _assist_token_uniq = models.Constraint(
        "UNIQUE(assist_token)", "The agent-assist token must be unique."
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

    @api.depends("assist_token")
    def _compute_assist_url(self):
        base = self.env["res.config.settings"]._chatwoot_ai_public_base_url()
        for account in self:
            account.assist_url = f"{base}{ASSIST_ROUTE}{account.assist_token}"

    def _init_column(self, column_name):
        if column_name != "assist_token":
            return super()._init_column(column_name)
        # Odoo would give every existing row the same default, which the UNIQUE constraint
        # refuses: each account already in the database gets its own token.
        self.env.cr.execute(SQL("SELECT id FROM chatwoot_account WHERE assist_token IS NULL"))
        for (account_id,) in self.env.cr.fetchall():
            self.env.cr.execute(
                SQL(
                    "UPDATE chatwoot_account SET assist_token = %s WHERE id = %s",
                    _new_webhook_token(),
                    account_id,
                )
            )

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

    def action_regenerate_assist_token(self):
        """Invalidate the current agent-assist URL, e.g. after an agent left."""
        self.ensure_one()
        self.check_access("write")
        self.sudo().assist_token = _new_webhook_token()
        self.message_post(body=self.env._("Agent assist token regenerated."))
        return True

    def _find_by_assist_token(self, token):
        """The active account whose agent-assist token is ``token``, or an empty recordset."""
        if not token:
            return self.browse()
        rows = self.env.execute_query(
            SQL("SELECT id FROM chatwoot_account WHERE assist_token = %s AND active", token)
        )
        return self.browse(rows[0][0] if rows else ())

    def action_view_conversations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "chatwoot_ai_base.chatwoot_conversation_action"
        )
        action["domain"] = [("account_id", "=", self.id)]
        action["context"] = {"default_account_id": self.id}
        return action

    # Chatwoot API ---------------------------------------------------------------

    def _chatwoot_client(self, **options):
        """An API client for this account; ``options`` tune it (see ``ChatwootClient``)."""
        self.ensure_one()
        # The token field is Manager-only; callers (jobs, the agent bot) run as other users.
        token = self.sudo().api_access_token
        if not token:
            raise UserError(self.env._("Set the API access token first."))
        return ChatwootClient(self.base_url, self.chatwoot_account_id, token, **options)

    def action_test_connection(self):
        """List the account's inboxes through the API and mirror them as ``chatwoot.inbox``."""
        self.ensure_one()
        if not (self.env.su or self.env.user.has_group(MANAGER_GROUP)):
            raise AccessError(self.env._("Only ChatwootAI managers can test the connection."))
        self.check_access("write")
        # A person waits on the button: one quick retry, and no long Retry-After sleeps.
        with self._chatwoot_client(max_attempts=2, max_retry_after=5) as client:
            try:
                inboxes = client.list_inboxes()
            except ChatwootError as error:
                raise self._chatwoot_user_error(error) from error
        count = self._sync_inboxes(inboxes)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": self.env._("Connected: %(count)s inbox(es) synchronised", count=count),
                "type": "success",
                # Reload the form so the Inboxes tab shows what was synchronised.
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _sync_inboxes(self, inboxes):
        """Create or update the inboxes Chatwoot listed; returns how many. Archives nothing."""
        self.ensure_one()
        known = self.env["chatwoot.inbox"].with_context(active_test=False)
        existing = {
            inbox.chatwoot_inbox_id: inbox for inbox in known.search([("account_id", "=", self.id)])
        }
        seen, to_create = set(), []
        for data in inboxes:
            chatwoot_inbox_id = data.get("id")
            if not isinstance(chatwoot_inbox_id, int) or chatwoot_inbox_id in seen:
                continue
            seen.add(chatwoot_inbox_id)
            values = self._inbox_values(data)
            inbox = existing.get(chatwoot_inbox_id)
            if inbox:
                changed = {key: value for key, value in values.items() if inbox[key] != value}
                if changed:
                    inbox.write(changed)
            else:
                to_create.append(
                    {**values, "account_id": self.id, "chatwoot_inbox_id": chatwoot_inbox_id}
                )
        known.create(to_create)
        return len(seen)

    def _inbox_values(self, data):
        """``chatwoot.inbox`` values from one inbox of Chatwoot's ``GET /inboxes``."""
        channel_type = data.get("channel_type")
        if channel_type not in dict(CHANNEL_TYPES):
            # New Chatwoot channels (Line, Voice...) appear before this selection knows them.
            channel_type = "Channel::Api"
        name = data.get("name") or self.env._("Inbox %s", data["id"])
        return {"name": name, "channel_type": channel_type}

    def _chatwoot_user_error(self, error):
        """The ``UserError`` telling a person what to fix for a client ``error``."""
        account, url, reason = self.chatwoot_account_id, self.base_url, error.message
        if isinstance(error, ChatwootAuthError) and error.status == 403:
            message = self.env._(
                "Chatwoot refused this access token for account %(account)s (403): use the "
                "token of an administrator of that account (bot tokens cannot list inboxes). "
                "Chatwoot said: %(reason)s",
                account=account,
                reason=reason,
            )
        elif isinstance(error, ChatwootAuthError):
            message = self.env._(
                "Chatwoot refused the access token (401): check the token. "
                "Chatwoot said: %(reason)s",
                reason=reason,
            )
        elif isinstance(error, ChatwootNotFound):
            message = self.env._(
                "Chatwoot at %(url)s has no account %(account)s (404): check the Chatwoot URL "
                "and account ID.",
                url=url,
                account=account,
            )
        elif isinstance(error, ChatwootRateLimited):
            message = self.env._(
                "Chatwoot is rate limiting requests: retry in %(seconds)s s.",
                seconds=math.ceil(error.retry_after or 1),
            )
        elif isinstance(error, ChatwootUnavailable):
            message = self.env._(
                "Chatwoot is unreachable at %(url)s: %(reason)s", url=url, reason=reason
            )
        else:
            message = self.env._("Chatwoot rejected the request: %(reason)s", reason=reason)
        return UserError(message)

    # ------------------------------------------------------------------ processing jobs
    def _drain_identity(self, paced=False):
        return drain_identity(self.id, paced)

    def _schedule_drain(self, eta=None, force=False, checked=False):
        """Make sure a job will process this account's waiting deliveries.

        A burst of deliveries shares one queued job: while a drain job of the account is
        waiting to run, a new delivery only costs one indexed read, and no shared row is
        written (a flag row would make concurrent requests conflict under Odoo's
        repeatable-read isolation). A retry after back-off (``eta``) or a continuation
        (``force``) is queued regardless, deduplicated by queue_job's identity key.
        ``checked``: the caller already found no drain waiting (``_store_delivery``).
        """
        self.ensure_one()
        identity = self._drain_identity()
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
            eta = self._drain_debounce_eta()
        self.with_user(SUPERUSER_ID).with_delay(
            channel=JOB_CHANNEL,
            eta=eta,
            description=f"Process Chatwoot deliveries of {self.name}",
            identity_key=identity,
        )._job_drain_events()
        return True

    @api.model
    def _drain_debounce_eta(self):
        """When a new burst's drain runs: a short wait lets one job take the whole burst
        (fewer job runs under load, and quick messages of one customer processed together).
        ``chatwoot_ai.drain_delay_seconds`` tunes it; 0 processes at once."""
        delay = int(
            self.env["ir.config_parameter"].sudo().get_param(DRAIN_DELAY_PARAM, DRAIN_DELAY_DEFAULT)
        )
        return fields.Datetime.now() + timedelta(seconds=delay) if delay > 0 else None

    def _schedule_paced_drain(self, duration):
        """The next drain after a pause, when deliveries kept arriving during one that took
        ``duration`` seconds: the drain then takes at most ``chatwoot_ai.drain_busy_share``
        (0.25) of one worker's time, and the webhook keeps the rest.

        While the paced drain waits, deliveries queue no other drain (``_store_delivery``
        counts it as waiting) and drains queued earlier step aside; it takes all that
        arrived when it runs.
        """
        self.ensure_one()
        share = float(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(DRAIN_BUSY_SHARE_PARAM, DRAIN_BUSY_SHARE_DEFAULT)
        )
        pause = drain_pause(duration, share)
        self.with_user(SUPERUSER_ID).with_delay(
            channel=JOB_CHANNEL,
            eta=fields.Datetime.now() + timedelta(seconds=pause),
            description=f"Process Chatwoot deliveries of {self.name} (paced)",
            identity_key=self._drain_identity(paced=True),
        )._job_drain_events(paced=True)
        return pause

    def _paced_drain_waiting(self):
        return bool(
            self.env.execute_query(
                SQL(
                    "SELECT 1 FROM queue_job WHERE identity_key = %s "
                    "AND state IN ('wait_dependencies', 'pending', 'enqueued') LIMIT 1",
                    self._drain_identity(paced=True),
                )
            )
        )

    def _job_drain_events(self, paced=False):
        """Queue job: process the account's waiting deliveries, one drain per account at once.

        Two drains of one account would race on the same conversations; the second waits
        (its postponement does not count as a failed try) until the first is done. A drain
        queued while a paced one waits leaves the work to it.
        """
        self.ensure_one()
        if not paced and self._paced_drain_waiting():
            return "left to the paced drain"
        locked = self.env.execute_query(
            SQL("SELECT pg_try_advisory_xact_lock(%s, %s)", DRAIN_LOCK_NAMESPACE, self.id)
        )[0][0]
        if not locked:
            raise RetryableJobError("another drain of this account is running", 2, True)
        count = self.env["chatwoot.webhook.event"]._drain(self)
        return f"{count} delivery(ies) processed"
