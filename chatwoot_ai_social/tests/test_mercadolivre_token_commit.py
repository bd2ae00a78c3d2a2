# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Mercado Livre's refresh tokens are single-use: the new one must survive whatever fails
after the refresh. Real connections and real commits, so a rollback is a real rollback."""

from contextlib import contextmanager
from urllib.parse import urlsplit

from odoo import SUPERUSER_ID, api, sql_db
from odoo.tests import BaseCase, tagged
from odoo.tests import common as odoo_test_common
from odoo.tools import config

from ..marketplace import MarketplaceUnavailable
from .fake_mercadolivre import SELLER_ID, FakeMercadoLivre

BASE_URL_PARAM = "chatwoot_ai_social.mercadolivre_base_url"


@tagged("post_install", "-at_install")
class TestRefreshTokenIsCommittedFirst(BaseCase):
    """Not a TransactionCase: the job's transaction and the token's must be two real ones."""

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        if urlsplit(r.url).hostname == odoo_test_common.HOST:
            return odoo_test_common._super_send(s, r, **kw)
        return super()._request_handler(s, r, **kw)

    def setUp(self):
        super().setUp()
        name = config["db_name"]
        self.dbname = name[0] if isinstance(name, list) else name
        self.fake = FakeMercadoLivre().start()
        self.addCleanup(self.fake.stop)
        with self.env_cursor() as env:
            params = env["ir.config_parameter"]
            self.previous_url = params.get_param(BASE_URL_PARAM)
            params.set_param(BASE_URL_PARAM, self.fake.url)
            self.account_id = (
                env["chatwoot.social.account"]
                .create(
                    {
                        "name": "Token Commit ML",
                        "platform": "mercadolivre",
                        "external_id": SELLER_ID,
                        "client_id": "55",
                        "client_secret": "secret",
                        "refresh_token": "TG-1",
                        "access_token": "APP_USR-1",
                    }
                )
                .id
            )
        self.addCleanup(self.cleanup)

    @contextmanager
    def env_cursor(self):
        cr = sql_db.db_connect(self.dbname).cursor()
        try:
            yield api.Environment(cr, SUPERUSER_ID, {})
            cr.commit()
        finally:
            cr.close()

    def cleanup(self):
        with self.env_cursor() as env:
            env["chatwoot.social.account"].browse(self.account_id).unlink()
            env["ir.config_parameter"].set_param(BASE_URL_PARAM, self.previous_url or False)

    def test_new_refresh_token_survives_a_rolled_back_job(self):
        self.fake.script(
            "GET",
            "/questions/77",
            [self.fake.expired(), {"status": 503, "json": {"message": "down"}}],
        ).script("POST", "/oauth/token", [self.fake.tokens("APP_USR-2", "TG-2")])
        job_cr = sql_db.db_connect(self.dbname).cursor()
        try:
            env = api.Environment(job_cr, SUPERUSER_ID, {})
            account = env["chatwoot.social.account"].browse(self.account_id)
            with self.assertRaises(MarketplaceUnavailable):
                account._marketplace_call(lambda connector: connector.fetch_question(77))
            job_cr.rollback()  # the job fails: everything it wrote is gone
        finally:
            job_cr.close()
        with self.env_cursor() as env:
            account = env["chatwoot.social.account"].browse(self.account_id)
            self.assertEqual((account.refresh_token, account.access_token), ("TG-2", "APP_USR-2"))
            self.assertTrue(account.token_expires_at)
        bearers = [
            r.headers.get("authorization") for r in self.fake.requests_to("GET", "/questions/77")
        ]
        self.assertEqual(bearers, ["Bearer APP_USR-1", "Bearer APP_USR-2"])
