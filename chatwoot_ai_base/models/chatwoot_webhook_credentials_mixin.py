# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading

from odoo import api, models, tools
from odoo.tools import SQL


class RememberedCredentials:
    """The webhook credentials a worker read last, by database, table and token.

    Nothing here is trusted on its own: a delivery authenticated with remembered credentials
    is stored by a statement that also checks, in the same snapshot, that the account is
    still active with exactly those credentials (see ``insert_delivery``), and any other
    answer (401, 400, credentials changed) is only given after reading them afresh. It saves
    the credentials' own query on the hot path: one round trip of the four a delivery costs.
    Unknown tokens are never remembered, and the memory is bounded.
    """

    def __init__(self, size=512):
        self.size = size
        self._entries = {}
        self._lock = threading.Lock()

    def get(self, dbname, table, token):
        return self._entries.get((dbname, table, token))

    def remember(self, dbname, table, token, credentials):
        with self._lock:
            if len(self._entries) >= self.size:
                self._entries.clear()  # rare: more live webhooks than a worker serves
            self._entries[dbname, table, token] = tuple(credentials)

    def forget(self, dbname, table, token):
        with self._lock:
            self._entries.pop((dbname, table, token), None)


#: Every worker's memory of webhook credentials (see :class:`RememberedCredentials`).
REMEMBERED_CREDENTIALS = RememberedCredentials()


def webhook_credentials(cr, table, columns, token):
    """``(id, *columns)`` of the active row of ``table`` whose webhook token is ``token``, or
    None: one indexed query (the token is unique), read afresh at each call. The webhooks'
    hot path (Odoo's routes and the fast lane) calls it; ``_webhook_credentials`` caches it.
    """
    if not token:
        return None
    cr.execute(
        SQL(
            "SELECT id, %s FROM %s WHERE webhook_token = %s AND active",
            SQL(", ").join(map(SQL.identifier, columns)),
            SQL.identifier(table),
            token,
        )
    )
    row = cr.fetchone()
    return tuple(row) if row else None


class ChatwootWebhookCredentialsMixin(models.AbstractModel):
    """Accounts a webhook finds by the unguessable token of its URL, with the secrets that
    authenticate its deliveries.

    The webhooks' POST read the credentials afresh with :func:`webhook_credentials` (one
    indexed query on the same cursor as the insert: nothing to go stale in a worker). The
    other callers (Meta's subscription handshake) use ``_find_by_webhook_token``, cached per
    worker: creating or deleting an account, or changing its token, ``active`` or one of
    ``_webhook_credential_columns``, clears the cache in every worker (Odoo's registry
    signalling), so a regenerated token or a new secret applies at once. Used by base's
    Chatwoot accounts and social's Meta accounts.
    """

    _name = "chatwoot.webhook.credentials.mixin"
    _inherit = ["chatwoot.ormcache.mixin"]
    _description = "Webhook Credentials Cache"

    #: The columns ``_webhook_credentials`` returns after the id (secrets, verify token).
    _webhook_credential_columns = ()

    @api.model
    def _find_by_webhook_token(self, token):
        """``(account, *credential columns)`` of the active account whose webhook token is
        ``token`` (base: ``(account, webhook_secret)``; social: ``(account, app_secret,
        verify_token)``), or as many Nones."""
        found = self._webhook_credentials(token) if token else None
        if not found:
            return (None,) * (1 + len(self._webhook_credential_columns))
        return (self.browse(found[0]), *found[1:])

    @api.model
    @tools.ormcache("token")
    def _webhook_credentials(self, token):
        """``(id, *credential columns)`` of the active account whose webhook token is
        ``token``, or None."""
        return webhook_credentials(
            self.env.cr, self._table, self._webhook_credential_columns, token
        )

    @api.model
    def _ormcache_depends_on(self, vals):
        return bool({"webhook_token", "active", *self._webhook_credential_columns} & set(vals))
