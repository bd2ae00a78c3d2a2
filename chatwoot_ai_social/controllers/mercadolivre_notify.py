# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import http

from odoo.addons.chatwoot_ai_base.controllers.fast_lane import (
    WebhookRejected,
    answer_on_request,
    read_body,
    register,
)
from odoo.addons.chatwoot_ai_base.models.chatwoot_webhook_credentials_mixin import (
    webhook_credentials,
)

from ..marketplace import CONNECTORS, NotificationError, connector_class
from ..models.chatwoot_social_account import MERCADOLIVRE_NOTIFY_ROUTE
from .meta_webhook import CREDENTIALS, stored_answer


def receive_mercadolivre(cr, token, httprequest, platform="mercadolivre"):
    """Check the token, parse the notification, store one row: ``(status, body, after)``, on
    Odoo's route or the base addon's fast lane."""
    found = webhook_credentials(cr, *CREDENTIALS, token)
    account_id, _secret, _verify, external_id, account_platform = found or (None,) * 5
    if not account_id or account_platform != platform or platform not in CONNECTORS:
        raise WebhookRejected(404, "unknown notification URL")
    raw = read_body(httprequest=httprequest)
    try:
        payload = json.loads(raw.decode("utf-8"))
        notification = connector_class(platform).parse_notification(payload)
    except (UnicodeDecodeError, ValueError) as error:
        # NotificationError is a ValueError, like json's decode errors.
        reason = str(error) if isinstance(error, NotificationError) else "malformed JSON"
        raise WebhookRejected(400, reason) from None
    if notification is None:
        return 200, {"status": "ignored", "reason": "topic not used"}, None
    if notification["user_id"] and notification["user_id"] != external_id:
        return 200, {"status": "ignored", "reason": "another seller"}, None
    item = {"source": "notification", **notification, "notification": payload}
    row = (account_id, "question", notification["key"], json.dumps(item, ensure_ascii=False))
    return stored_answer(cr, [row], {"status": "stored"})


MERCADOLIVRE_LANE = register(
    MERCADOLIVRE_NOTIFY_ROUTE,
    "chatwoot.social.event",
    receive_mercadolivre,
    "Marketplace notification",
)


class MarketplaceNotifyController(http.Controller):
    """Marketplace notifications (Mercado Livre): stored at once, fetched later in a job.

    Mercado Livre expects an answer within 500 ms and retries otherwise, so the request only
    checks the token, parses the notification and stores one row; the drain job fetches the
    question. 200 stored, duplicate or another topic; 400 malformed; 404 unknown token;
    413 too large; never 500. Served by the base addon's fast lane first; this route serves
    what it leaves to Odoo.
    """

    @http.route(
        f"{MERCADOLIVRE_NOTIFY_ROUTE}<string:token>",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def mercadolivre_notify(self, token, **_kwargs):
        return answer_on_request(MERCADOLIVRE_LANE, token)
