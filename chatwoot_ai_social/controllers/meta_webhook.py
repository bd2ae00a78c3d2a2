# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from functools import partial

from odoo import SUPERUSER_ID, http
from odoo.http import request
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.chatwoot.payloads import PayloadError as BodyError
from odoo.addons.chatwoot_ai_base.chatwoot.payloads import decode_object
from odoo.addons.chatwoot_ai_base.controllers.fast_lane import (
    WebhookRejected,
    answer_on_request,
    read_body,
    register,
)
from odoo.addons.chatwoot_ai_base.models.chatwoot_webhook_credentials_mixin import (
    webhook_credentials,
)

from ..meta.payloads import PayloadError, check_delivery, split_items
from ..meta.signature import SIGNATURE_HEADER, verify_challenge, verify_signature
from ..models.chatwoot_social_account import META_WEBHOOK_ROUTE, WEBHOOK_CREDENTIALS
from ..models.chatwoot_social_event import insert_items, schedule_drains

#: What the webhooks read of an account: ``(id, app_secret, verify_token, external_id,
#: platform)``.
CREDENTIALS = WEBHOOK_CREDENTIALS


def receive_meta(cr, token, httprequest):
    """Authenticate and store every item of a Meta delivery: ``(status, body, after)``, on
    Odoo's route or the base addon's fast lane."""
    found = webhook_credentials(cr, *CREDENTIALS, token)
    if not found:
        raise WebhookRejected(404, "unknown webhook")
    account_id, secret, _verify, external_id, _platform = found
    raw = read_body(httprequest=httprequest)
    ok, reason = verify_signature(secret, raw, httprequest.headers.get(SIGNATURE_HEADER))
    if not ok:
        raise WebhookRejected(401, reason)
    try:
        items = split_items(check_delivery(decode_object(raw)))
    except (BodyError, PayloadError) as error:
        raise WebhookRejected(400, str(error)) from None
    routes = _routes(cr, account_id, external_id, {item["target_id"] for item in items})
    rows = [
        (
            routes.get(item["target_id"], account_id),
            item["kind"],
            item["key"],
            json.dumps(item, ensure_ascii=False),
        )
        for item in items
    ]
    return stored_answer(cr, rows, {"status": "stored", "items": len(rows)})


def stored_answer(cr, rows, body):
    """Store ``rows`` (see ``insert_items``): 200 with ``body`` and the new rows' count, and
    the drains to queue (the ORM part, for the first delivery of a burst only)."""
    stored = insert_items(cr, rows)
    waking = [row for row in stored if not row[2]]
    new = sum(count for _account_id, count, _waiting in stored)
    return 200, {**body, "new": new}, partial(schedule_drains, stored=waking) if waking else None


def _routes(cr, account_id, external_id, targets):
    """{Page / IG / phone-number id: account id}: one app's webhook may serve several
    accounts of the company; items for another id go to that account."""
    targets.discard("")
    if not targets or targets == {external_id}:
        return {}
    cr.execute(
        SQL(
            """
            SELECT other.external_id, other.id
              FROM chatwoot_social_account other
              JOIN chatwoot_social_account this ON this.id = %s
             WHERE other.active AND other.company_id = this.company_id
               AND other.platform IN ('facebook', 'instagram', 'whatsapp')
               AND other.external_id = ANY(%s)
            """,
            account_id,
            list(targets),
        )
    )
    return dict(cr.fetchall())


META_LANE = register(META_WEBHOOK_ROUTE, "chatwoot.social.event", receive_meta, "Meta webhook")


class MetaWebhookController(http.Controller):
    """Meta's webhook: the subscription handshake, then signed deliveries stored at once
    (served by the base addon's fast lane first; this route serves what it leaves to Odoo)."""

    @http.route(
        f"{META_WEBHOOK_ROUTE}<string:token>",
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
        f"{META_WEBHOOK_ROUTE}<string:token>",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def meta_webhook(self, token, **_kwargs):
        return answer_on_request(META_LANE, token)
