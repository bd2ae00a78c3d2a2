# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hmac
import json

from odoo import SUPERUSER_ID, http
from odoo.http import request
from odoo.tools.misc import file_open

TOKEN_HEADER = "X-ChatwootAI-Token"
PAGE_PATH = "chatwoot_ai_base/static/src/assist/assist.html"
PAGE_LANGUAGES = {"pt": "pt_BR", "es": "es_ES"}


class AgentAssistController(http.Controller):
    """The suggested reply of a conversation, for a Chatwoot dashboard app.

    The account's agent-assist token (not the webhook token: agents see this URL, and it
    must not let them post webhook events) authenticates the caller, in the path or in the
    ``X-ChatwootAI-Token`` header. GET answers the latest draft (drafting one when there
    is none); POST always drafts a fresh one. No session or cookie is involved.
    """

    @http.route(
        "/chatwoot_ai/assist/<string:token>",
        type="http",
        auth="none",
        methods=["GET"],
        save_session=False,
    )
    def dashboard_app(self, token, **_kwargs):
        """The page to register in Chatwoot as a Dashboard App."""
        env = request.env(user=SUPERUSER_ID, context={"lang": self._page_language()})
        if not self._authenticate(env, token):
            return request.make_response("Unauthorized", status=401)
        labels = {
            "title": env._("Suggested reply"),
            "refresh": env._("New suggestion"),
            "copy": env._("Copy"),
            "waiting": env._("Open a conversation to see a suggestion."),
            "loading": env._("Drafting a reply…"),
            "failed": env._("No suggestion could be drafted."),
        }
        with file_open(PAGE_PATH) as page:
            html = page.read().replace("__LABELS__", json.dumps(labels))
        return request.make_response(
            html,
            headers=[
                ("Content-Type", "text/html; charset=utf-8"),
                ("Cache-Control", "no-store"),
                ("Referrer-Policy", "no-referrer"),
            ],
        )

    def _page_language(self):
        """Odoo language code for the agent's browser language (English when not pt or es)."""
        accepted = request.httprequest.accept_languages.best or "en"
        return PAGE_LANGUAGES.get(accepted[:2].lower(), "en_US")

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
        """The active account whose agent-assist token is ``token``, compared in constant time."""
        account = env["chatwoot.account"]._find_by_assist_token(token)
        if not account or not hmac.compare_digest(account.assist_token.encode(), token.encode()):
            return None
        return account
