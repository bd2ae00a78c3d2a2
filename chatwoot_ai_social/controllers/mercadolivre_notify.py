# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging

from odoo import SUPERUSER_ID, http
from odoo.http import request
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY

from ..marketplace import CONNECTORS, NotificationError, connector_class
from .meta_webhook import WebhookRejected, read_body

_logger = logging.getLogger(__name__)


class MarketplaceNotifyController(http.Controller):
    """Marketplace notifications (Mercado Livre): stored at once, fetched later in a job.

    Mercado Livre expects an answer within 500 ms and retries otherwise, so the request only
    checks the token, parses the notification and stores one row; the drain job fetches the
    question. 200 stored, duplicate or another topic; 400 malformed; 404 unknown token;
    413 too large; never 500.
    """

    @http.route(
        "/chatwoot_ai/mercadolivre/notify/<string:token>",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def mercadolivre_notify(self, token, **_kwargs):
        try:
            status, body = self._receive(token, "mercadolivre")
        except WebhookRejected as rejection:
            status, body = rejection.status, {"error": rejection.reason}
        except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
            raise  # Odoo replays the request: a redelivery becomes a duplicate.
        except Exception:
            _logger.exception("Marketplace notification could not be stored")
            request.env.cr.rollback()
            status, body = 503, {"error": "temporarily unavailable, retry later"}
        return request.make_json_response(body, status=status)

    def _receive(self, token, platform):
        env = request.env(user=SUPERUSER_ID)
        account, _secret, _verify = env["chatwoot.social.account"]._find_by_webhook_token(token)
        if not account or account.platform != platform or platform not in CONNECTORS:
            raise WebhookRejected(404, "unknown notification URL")
        raw = read_body()
        try:
            payload = json.loads(raw.decode("utf-8"))
            notification = connector_class(platform).parse_notification(payload)
        except (UnicodeDecodeError, ValueError) as error:
            # NotificationError is a ValueError, like json's decode errors.
            reason = str(error) if isinstance(error, NotificationError) else "malformed JSON"
            raise WebhookRejected(400, reason) from None
        if notification is None:
            return 200, {"status": "ignored", "reason": "topic not used"}
        if notification["user_id"] and notification["user_id"] != account.external_id:
            return 200, {"status": "ignored", "reason": "another seller"}
        item = {"source": "notification", **notification, "notification": payload}
        stored = env["chatwoot.social.event"]._store_items(
            [(account.id, "question", notification["key"], json.dumps(item, ensure_ascii=False))]
        )
        return 200, {"status": "stored", "new": stored}
