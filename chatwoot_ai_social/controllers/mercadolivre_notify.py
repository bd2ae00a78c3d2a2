# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import SUPERUSER_ID, http
from odoo.http import request

from odoo.addons.chatwoot_ai_base.controllers.webhook import (
    WebhookRejected,
    answer_webhook,
    read_body,
)

from ..marketplace import CONNECTORS, NotificationError, connector_class


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
        return answer_webhook(
            lambda: self._receive(token, "mercadolivre"), "Marketplace notification"
        )

    def _receive(self, token, platform):
        env = request.env(user=SUPERUSER_ID)
        account, _secret, _verify, external_id, account_platform = env[
            "chatwoot.social.account"
        ]._find_by_webhook_token(token)
        if not account or account_platform != platform or platform not in CONNECTORS:
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
        if notification["user_id"] and notification["user_id"] != external_id:
            return 200, {"status": "ignored", "reason": "another seller"}
        item = {"source": "notification", **notification, "notification": payload}
        stored = env["chatwoot.social.event"]._store_items(
            [(account.id, "question", notification["key"], json.dumps(item, ensure_ascii=False))]
        )
        return 200, {"status": "stored", "new": stored}
