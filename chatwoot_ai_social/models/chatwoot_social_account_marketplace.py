# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import dataclasses
import json
import logging
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..marketplace import CONNECTORS, MarketplaceAuthError, MarketplaceError, connector_class
from .chatwoot_social_account import MERCADOLIVRE_BASE_URL_PARAM, MERCADOLIVRE_DEFAULT_BASE_URL

_logger = logging.getLogger(__name__)

#: A token this close to its expiry is refreshed before use.
TOKEN_MARGIN = timedelta(minutes=5)
#: The base URL setting of each marketplace and its production default.
BASE_URL_PARAMS = {"mercadolivre": (MERCADOLIVRE_BASE_URL_PARAM, MERCADOLIVRE_DEFAULT_BASE_URL)}


class ChatwootSocialAccount(models.Model):
    """Marketplace sellers (Mercado Livre): OAuth tokens, questions by polling, answers."""

    _inherit = "chatwoot.social.account"

    marketplace_polled_at = fields.Datetime(
        string="Questions Fetched At", readonly=True, copy=False
    )

    def _is_marketplace(self):
        return self.platform in CONNECTORS

    def _marketplace_connector(self):
        """A connector with this seller's credentials at the configured base URL."""
        self.ensure_one()
        if not self._is_marketplace():
            raise UserError(self.env._("%s is not a marketplace account.", self.display_name))
        param, default = BASE_URL_PARAMS[self.platform]
        base_url = self.env["ir.config_parameter"].sudo().get_param(param) or default
        account = self.sudo()
        return connector_class(self.platform)(
            base_url,
            access_token=account.access_token,
            client_id=account.client_id,
            client_secret=account.client_secret,
        )

    def _marketplace_call(self, call):
        """``call(connector)`` with a valid access token.

        A missing or expiring token is refreshed first; a token the marketplace refuses
        (HTTP 401/403) is refreshed once and the call retried once.
        """
        self.ensure_one()
        connector = self._marketplace_connector()
        expires = self.sudo().token_expires_at
        if not connector.access_token or (
            expires and expires <= fields.Datetime.now() + TOKEN_MARGIN
        ):
            self._refresh_marketplace_token(connector)
        try:
            return call(connector)
        except MarketplaceAuthError:
            self._refresh_marketplace_token(connector, refused=connector.access_token)
            return call(connector)

    def _refresh_marketplace_token(self, connector, refused=None):
        """Exchange the refresh token and **commit** the new pair before anything uses it.

        Mercado Livre's refresh tokens are single-use: the new one is written and committed in
        its own transaction, under a row lock, so that neither a later failure of the job nor a
        concurrent refresh can lose it. When another job refreshed while this one waited for the
        lock, its fresh token is used instead (``refused`` is the token that just failed).
        """
        self.ensure_one()
        try:
            return self._refresh_marketplace_token_committed(connector, refused)
        finally:
            self.invalidate_recordset(
                ["access_token", "refresh_token", "token_expires_at", "last_error"]
            )

    def _refresh_marketplace_token_committed(self, connector, refused):
        with self.env.registry.cursor() as cr:
            cr.execute(SQL("SET LOCAL lock_timeout = '15s'"))
            cr.execute(
                SQL(
                    "SELECT access_token, refresh_token, token_expires_at "
                    "FROM chatwoot_social_account WHERE id = %s FOR UPDATE",
                    self.id,
                )
            )
            access, refresh, expires = cr.fetchone()
            fresh = expires and expires > fields.Datetime.now() + TOKEN_MARGIN
            if access and access != (refused or connector.access_token) and fresh:
                connector.access_token = access
                return False
            own_env = api.Environment(cr, SUPERUSER_ID, {})
            account = own_env["chatwoot.social.account"].browse(self.id)
            try:
                tokens = connector.refresh_token(refresh)
            except MarketplaceAuthError as error:
                message = self.env._(
                    "Mercado Livre refused the refresh token of %(account)s (%(error)s): "
                    "connect the application again and paste a new refresh token.",
                    account=self.display_name,
                    error=error,
                )
                # Told in this committed transaction: the job's own rolls back with the error.
                account._notify_managers(message)
                cr.commit()
                raise UserError(message) from None
            account.write(
                {
                    "access_token": tokens.access_token,
                    "refresh_token": tokens.refresh_token,
                    "token_expires_at": fields.Datetime.now()
                    + timedelta(seconds=tokens.expires_in or 0),
                    "last_error": False,
                }
            )
        return True

    # ------------------------------------------------------------------ questions
    def _poll_marketplace_questions(self):
        """Store the seller's unanswered questions as webhook items; the new ones' count.

        The safety net behind notifications: an item per question, stored once, processed
        by the same drain job as a notified question.
        """
        self.ensure_one()
        questions = self._marketplace_call(
            lambda connector: connector.fetch_open_questions(self.external_id)
        )
        rows = [
            (
                self.id,
                "question",
                f"{self.platform}:poll:{question.external_id}",
                json.dumps(
                    {"source": "poll", "question": dataclasses.asdict(question)},
                    ensure_ascii=False,
                ),
            )
            for question in questions
        ]
        stored = self.env["chatwoot.social.event"].sudo()._store_items(rows)
        self.sudo().marketplace_polled_at = fields.Datetime.now()
        return stored

    @api.model
    def _cron_poll_marketplace_questions(self):
        """Every marketplace seller with credentials: fetch what notifications may have missed."""
        accounts = self.search([("platform", "in", list(CONNECTORS)), ("client_id", "!=", False)])
        for account in accounts:
            try:
                with self.env.cr.savepoint():
                    account._poll_marketplace_questions()
            except (MarketplaceError, UserError) as error:
                _logger.warning("Questions of %s not fetched: %s", account.display_name, error)

    # ------------------------------------------------------------------ buttons
    def _check_marketplace_manager(self):
        self.ensure_one()
        self.check_access("write")
        if not self._is_marketplace():
            raise UserError(self.env._("%s is not a marketplace account.", self.display_name))

    def action_test_marketplace_connection(self):
        """Refresh the token when needed and ask the marketplace whose token it is."""
        self._check_marketplace_manager()
        try:
            seller = self._marketplace_call(lambda connector: connector.whoami())
        except MarketplaceError as error:
            raise UserError(
                self.env._("%(account)s: %(error)s", account=self.display_name, error=error)
            ) from None
        if seller["id"] != self.external_id:
            raise UserError(
                self.env._(
                    "The token belongs to seller %(found)s (%(name)s), not to %(expected)s.",
                    found=seller["id"],
                    name=seller["name"],
                    expected=self.external_id,
                )
            )
        return self._marketplace_notification(
            self.env._("Connected as %s.", seller["name"] or seller["id"])
        )

    def action_fetch_marketplace_questions(self):
        """Fetch the unanswered questions now instead of waiting for the scheduled poll."""
        self._check_marketplace_manager()
        try:
            stored = self._poll_marketplace_questions()
        except MarketplaceError as error:
            raise UserError(
                self.env._("%(account)s: %(error)s", account=self.display_name, error=error)
            ) from None
        return self._marketplace_notification(
            self.env._("%s new question(s) queued for the social inbox.", stored)
        )

    def _marketplace_notification(self, message):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"type": "success", "message": message, "sticky": False},
        }
