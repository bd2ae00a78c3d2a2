# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import time
from functools import partial

from odoo import http

from ..chatwoot.payloads import (
    SUPPORTED_EVENTS,
    PayloadError,
    check_storable,
    dedupe_key,
    parse_body,
)
from ..chatwoot.signature import verify_signature
from ..models.chatwoot_account import WEBHOOK_CREDENTIALS, WEBHOOK_ROUTE
from ..models.chatwoot_webhook_credentials_mixin import (
    REMEMBERED_CREDENTIALS,
    webhook_credentials,
)
from ..models.chatwoot_webhook_event import StaleCredentials, insert_delivery
from .fast_lane import (  # noqa: F401  (answer_webhook, read_body: the social addon's imports)
    WebhookRejected,
    answer_on_request,
    answer_webhook,
    read_body,
    register,
)


def receive_chatwoot(cr, token, httprequest):
    """Authenticate, store, answer: ``(status, body, after)`` for a Chatwoot delivery, on
    Odoo's route or the fast lane (see ``fast_lane.register``). Nothing slow: the drain job
    mirrors the delivery later.

    The account's credentials come from the worker's memory when it has them: the INSERT
    then checks them itself (``insert_delivery(credentials=…)``), which saves a query on
    every delivery. Any answer but a stored delivery (401, 400, changed credentials) is
    given only after reading them afresh in this transaction, so a revoked token or a new
    secret applies from the next delivery on, exactly as without the memory.
    """
    key = (cr.dbname, WEBHOOK_CREDENTIALS[0], token)
    remembered = REMEMBERED_CREDENTIALS.get(*key)
    if remembered is not None:
        try:
            return _receive(cr, httprequest, remembered, (token, *remembered[1:]))
        except (WebhookRejected, StaleCredentials):
            REMEMBERED_CREDENTIALS.forget(*key)  # answer only what fresh credentials say
    found = webhook_credentials(cr, *WEBHOOK_CREDENTIALS, token)
    if not found:
        raise WebhookRejected(404, "unknown webhook")
    REMEMBERED_CREDENTIALS.remember(*key, found)
    return _receive(cr, httprequest, found)


def _receive(cr, httprequest, found, remembered=None):
    """``receive_chatwoot`` with the account's ``(id, secret)``; ``remembered``: the
    credentials the INSERT must check, when ``found`` comes from the worker's memory."""
    account_id, secret = found
    raw = read_body(httprequest=httprequest)
    _authenticate(secret, raw, httprequest.headers)
    try:
        payload = parse_body(raw)
    except PayloadError as error:
        raise WebhookRejected(400, str(error)) from None
    delivery_id = httprequest.headers.get("X-Chatwoot-Delivery")
    text = raw.decode()  # parse_body proved it UTF-8
    store = partial(insert_delivery, cr, account_id, payload["event"], credentials=remembered)
    if payload["event"] not in SUPPORTED_EVENTS:
        key = f"{payload['event']}:{hashlib.sha256(raw).hexdigest()[:32]}"
        store(key, text, delivery_id, "ignored")
        return 202, {"status": "ignored"}, None
    try:
        check_storable(payload)
        key = dedupe_key(payload, raw)
    except PayloadError as error:
        raise WebhookRejected(400, str(error)) from None
    stored = store(key, text, delivery_id)
    if not stored:
        return 200, {"status": "duplicate"}, None
    _event_id, drain_waiting = stored
    if drain_waiting:
        return 200, {"status": "stored"}, None
    # The first delivery of a burst: the only one that needs the ORM, to queue the drain.
    return 200, {"status": "stored"}, partial(_schedule_drain, account_id)


def _schedule_drain(account_id, env):
    env["chatwoot.account"].browse(account_id)._schedule_drain(checked=True)


def _authenticate(secret, raw, headers):
    if not secret:
        return  # Chatwoot before 4.11: the unguessable token is the credential.
    ok, reason = verify_signature(
        secret,
        headers.get("X-Chatwoot-Timestamp"),
        raw,
        headers.get("X-Chatwoot-Signature"),
        now=int(time.time()),
    )
    if not ok:
        raise WebhookRejected(401, reason)


CHATWOOT_LANE = register(
    WEBHOOK_ROUTE, "chatwoot.webhook.event", receive_chatwoot, "Chatwoot webhook"
)


class ChatwootWebhookController(http.Controller):
    """Receive Chatwoot deliveries: authenticate, store, enqueue, answer — nothing slow.

    The fast lane (``fast_lane.py``) serves them first; this route serves what it leaves to
    Odoo, with the same ``receive_chatwoot``.
    """

    @http.route(
        f"{WEBHOOK_ROUTE}<string:token>",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def chatwoot_webhook(self, token, **_kwargs):
        return answer_on_request(CHATWOOT_LANE, token)
