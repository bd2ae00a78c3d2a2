# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import logging
import time

from werkzeug.exceptions import RequestEntityTooLarge

from odoo import SUPERUSER_ID, http
from odoo.http import request
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY

from ..chatwoot.payloads import (
    SUPPORTED_EVENTS,
    PayloadError,
    check_storable,
    dedupe_key,
    parse_body,
)
from ..chatwoot.signature import verify_signature

_logger = logging.getLogger(__name__)

#: Chatwoot bodies are a few kB; anything this big is not a Chatwoot delivery.
MAX_BODY_BYTES = 10 * 1024 * 1024


class WebhookRejected(Exception):
    def __init__(self, status, reason):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def read_body(limit=MAX_BODY_BYTES):
    """The request's raw body, read before anything parses it; 413 above ``limit`` bytes.

    Shared by the suite's webhooks (Chatwoot here, Meta and Mercado Livre in the social addon).
    """
    length = request.httprequest.content_length
    if length is not None and length > limit:
        raise WebhookRejected(413, "body over 10 MB")
    request.httprequest.max_content_length = limit
    try:
        raw = request.httprequest.get_data()
    except RequestEntityTooLarge:
        raise WebhookRejected(413, "body over 10 MB") from None
    if len(raw) > limit:  # a chunked body has no length to check up front
        raise WebhookRejected(413, "body over 10 MB")
    return raw


def answer_webhook(receive, what):
    """Run ``receive()`` (it returns ``(status, body)``) and answer it as JSON, never 500.

    The guard every webhook of the suite shares (Chatwoot here, Meta and Mercado Livre in
    the social addon): a ``WebhookRejected`` is its 4xx; a concurrency error propagates, so
    that Odoo rolls back and replays the request (a redelivery then finds its row: a
    duplicate); anything else is logged and answered 503, which the sender retries.
    """
    try:
        status, body = receive()
    except WebhookRejected as rejection:
        status, body = rejection.status, {"error": rejection.reason}
    except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
        raise
    except Exception:
        _logger.exception("%s could not be stored", what)
        request.env.cr.rollback()
        status, body = 503, {"error": "temporarily unavailable, retry later"}
    return request.make_json_response(body, status=status)


class ChatwootWebhookController(http.Controller):
    """Receive Chatwoot deliveries: authenticate, store, enqueue, answer — nothing slow."""

    @http.route(
        "/chatwoot_ai/webhook/<string:token>",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def chatwoot_webhook(self, token, **_kwargs):
        return answer_webhook(lambda: self._receive(token), "Chatwoot webhook")

    def _receive(self, token):
        env = request.env(user=SUPERUSER_ID)
        account, secret = env["chatwoot.account"]._find_by_webhook_token(token)
        if not account:
            raise WebhookRejected(404, "unknown webhook")
        raw = read_body()
        self._authenticate(secret, raw)
        try:
            payload = parse_body(raw)
        except PayloadError as error:
            raise WebhookRejected(400, str(error)) from None
        delivery_id = request.httprequest.headers.get("X-Chatwoot-Delivery")
        events = env["chatwoot.webhook.event"]
        text = raw.decode()  # parse_body proved it UTF-8
        if payload["event"] not in SUPPORTED_EVENTS:
            key = f"{payload['event']}:{hashlib.sha256(raw).hexdigest()[:32]}"
            events._store_delivery(account, payload["event"], key, text, delivery_id, "ignored")
            return 202, {"status": "ignored"}
        try:
            check_storable(payload)
            key = dedupe_key(payload, raw)
        except PayloadError as error:
            raise WebhookRejected(400, str(error)) from None
        stored = events._store_delivery(account, payload["event"], key, text, delivery_id)
        return 200, {"status": "stored" if stored else "duplicate"}

    def _authenticate(self, secret, raw):
        if not secret:
            return  # Chatwoot before 4.11: the unguessable token is the credential.
        headers = request.httprequest.headers
        ok, reason = verify_signature(
            secret,
            headers.get("X-Chatwoot-Timestamp"),
            raw,
            headers.get("X-Chatwoot-Signature"),
            now=int(time.time()),
        )
        if not ok:
            raise WebhookRejected(401, reason)
