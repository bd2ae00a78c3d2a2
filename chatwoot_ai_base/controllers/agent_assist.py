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
    ``X-ChatwootAI-Token`` header. No session or cookie is involved.

    The model is never called inside the request (``chatwoot.assist``): GET answers the latest
    draft (200), or 202 ``drafting`` while a job writes one (queued by the first GET of a
    conversation without any); POST queues a fresh draft and answers 202. Both answer 429 with
    ``Retry-After`` once the conversation had its drafts for the hour, and GET answers 503 when
    the last draft failed and there is none to show.
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
            "rate_limited": env._("Too many suggestions for this conversation: try again later."),
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
        assist = env["chatwoot.assist"]
        if request.httprequest.method == "POST":
            return self._queued(*assist._queue_draft(conversation))
        if assist._drafting(conversation):
            return self._queued("drafting", 0)
        run = assist._latest_run(conversation)
        if conversation.ai_suggested_reply:
            return request.make_json_response(
                {
                    "conversation": conversation.display_id,
                    "suggested_reply": conversation.ai_suggested_reply,
                    "language": run.language or None,
                    "intent": run.intent or None,
                    "run_id": run.id or None,
                }
            )
        if run.state == "failed":
            body = {"error": "no suggestion", "reason": run.handoff_reason or "llm_error"}
            return request.make_json_response(body, status=503)
        return self._queued(*assist._queue_draft(conversation))

    def _queued(self, status, retry_after):
        if status == "rate_limited":
            return request.make_json_response(
                {"error": "rate_limited", "retry_after": retry_after},
                status=429,
                headers=[("Retry-After", str(retry_after))],
            )
        return request.make_json_response({"status": "drafting"}, status=202)

    def _authenticate(self, env, token):
        """The active account whose agent-assist token is ``token``, compared in constant time."""
        account = env["chatwoot.account"]._find_by_assist_token(token)
        if not account or not hmac.compare_digest(account.assist_token.encode(), token.encode()):
            return None
        return account
