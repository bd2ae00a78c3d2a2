# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import SUPERUSER_ID, http
from odoo.http import request
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.chatwoot.payloads import PayloadError as BodyError
from odoo.addons.chatwoot_ai_base.chatwoot.payloads import decode_object
from odoo.addons.chatwoot_ai_base.controllers.webhook import (
    WebhookRejected,
    answer_webhook,
    read_body,
)

from ..meta.payloads import PayloadError, check_delivery, split_items
from ..meta.signature import SIGNATURE_HEADER, verify_challenge, verify_signature


class MetaWebhookController(http.Controller):
    """Meta's webhook: the subscription handshake, then signed deliveries stored at once."""

    @http.route(
        "/chatwoot_ai/meta/webhook/<string:token>",
        type="http",
        auth="none",
        methods=["GET"],
        csrf=False,
        save_session=False,
    )
    def meta_webhook_verify(self, token, **params):
        env = request.env(user=SUPERUSER_ID)
        account, _secret, verify_token, *_ = env["chatwoot.social.account"]._find_by_webhook_token(
            token
        )
        if not account:
            return request.make_response("unknown webhook", status=404)
        challenge = verify_challenge(request.httprequest.args, verify_token)
        if challenge is None:
            return request.make_response("verification failed", status=403)
        return request.make_response(challenge, headers=[("Content-Type", "text/plain")])

    @http.route(
        "/chatwoot_ai/meta/webhook/<string:token>",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def meta_webhook(self, token, **_kwargs):
        return answer_webhook(lambda: self._receive(token), "Meta webhook")

    def _receive(self, token):
        env = request.env(user=SUPERUSER_ID)
        account, secret, _verify, external_id, _platform = env[
            "chatwoot.social.account"
        ]._find_by_webhook_token(token)
        if not account:
            raise WebhookRejected(404, "unknown webhook")
        raw = read_body()
        ok, reason = verify_signature(
            secret, raw, request.httprequest.headers.get(SIGNATURE_HEADER)
        )
        if not ok:
            raise WebhookRejected(401, reason)
        try:
            items = split_items(check_delivery(decode_object(raw)))
        except (BodyError, PayloadError) as error:
            raise WebhookRejected(400, str(error)) from None
        routes = self._routes(env, account, external_id, {item["target_id"] for item in items})
        rows = [
            (
                routes.get(item["target_id"], account.id),
                item["kind"],
                item["key"],
                json.dumps(item, ensure_ascii=False),
            )
            for item in items
        ]
        stored = env["chatwoot.social.event"]._store_items(rows)
        return 200, {"status": "stored", "items": len(rows), "new": stored}

    def _routes(self, env, account, external_id, targets):
        """{Page / IG / phone-number id: account id}: one app's webhook may serve several
        accounts of the company; items for another id go to that account."""
        targets.discard("")
        if not targets or targets == {external_id}:
            return {}
        rows = env.execute_query(
            SQL(
                """
                SELECT other.external_id, other.id
                  FROM chatwoot_social_account other
                  JOIN chatwoot_social_account this ON this.id = %s
                 WHERE other.active AND other.company_id = this.company_id
                   AND other.platform IN ('facebook', 'instagram', 'whatsapp')
                   AND other.external_id = ANY(%s)
                """,
                account.id,
                list(targets),
            )
        )
        return dict(rows)
