# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hmac

from odoo import SUPERUSER_ID, http
from odoo.http import request

TOKEN_HEADER = "X-ChatwootAI-Token"


class AgentAssistController(http.Controller):
    """The suggested reply of a conversation, for a Chatwoot dashboard app.

    The account's webhook token authenticates the caller, in the path or in the
    ``X-ChatwootAI-Token`` header. GET answers the latest draft (drafting one when there
    is none); POST always drafts a fresh one. No session or cookie is involved.
    """

    @http.route(
        [
            "/chatwoot_ai/assist/<string:token>/conversations/<int:display_id>",
            "/chatwoot_ai/assist/conversations/<int:display_id>",
        ],
        type="http",
        auth="none",
        methods=["GET", "POST"],
        csrf=False,
        save_session=False,
        cors="*",
    )
    def suggested_reply(self, display_id, token=None, **_kwargs):
        env = request.env(user=SUPERUSER_ID)
        token = token or request.httprequest.headers.get(TOKEN_HEADER) or ""
        account = self._authenticate(env, token)
        if not account:
            return request.make_json_response({"error": "unauthorized"}, status=401)
        conversation = env["chatwoot.conversation"].search(
            [("account_id", "=", account.id), ("display_id", "=", display_id)], limit=1
        )
        if not conversation:
            return request.make_json_response({"error": "unknown conversation"}, status=404)
        fresh = request.httprequest.method == "POST" or not conversation.ai_suggested_reply
        run = env["chatwoot.ai.run"]
        if fresh:
            run = env["chatwoot.bot"]._suggest_reply(conversation)
            if run.state != "done":
                body = {"error": "no suggestion", "reason": run.handoff_reason or "llm_error"}
                return request.make_json_response(body, status=503)
            conversation.ai_suggested_reply = run.suggested_reply
        return request.make_json_response(
            {
                "conversation": conversation.display_id,
                "suggested_reply": conversation.ai_suggested_reply,
                "language": run.language or None,
                "intent": run.intent or None,
                "run_id": run.id or None,
            }
        )

    def _authenticate(self, env, token):
        """The active account whose webhook token is ``token``, compared in constant time."""
        if not token:
            return None
        account, _secret = env["chatwoot.account"]._find_by_webhook_token(token)
        if not account or not hmac.compare_digest(account.webhook_token.encode(), token.encode()):
            return None
        return account
