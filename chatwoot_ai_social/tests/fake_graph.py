# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A local stand-in for Meta's Graph API (and Mercado Livre's API): it records every request
and answers scripted responses, over real sockets.

Reusable by every addon that talks to Meta through ``chatwoot.social.account``::

    with FakeGraph() as fake:
        fake.set_usage(app=80)                                  # X-App-Usage on every answer
        fake.script("POST", "/v25.0/123/messages", [
            fake.error(130429, "Rate limit hit", status=400),  # throttled once
            {"json": {"messages": [{"id": "wamid.A"}]}},
        ])
        env["ir.config_parameter"].set_param("chatwoot_ai_social.graph_base_url", fake.url)
        ...
        assert fake.requests_to("POST", "/v25.0/123/messages")[0].json["to"] == "5511..."

Answers are dicts with ``status``, ``json``, ``body``, ``headers``, ``delay`` and ``drop``
as in :class:`FakeChatwoot`. An unscripted path answers Graph's "unsupported request" error
(code 100, HTTP 400). Form-encoded bodies are decoded into ``RecordedRequest.form``.
"""

import json
from urllib.parse import parse_qs

from odoo.addons.chatwoot_ai_base.tests.fake_chatwoot import FakeChatwoot, RecordedRequest

GRAPH_NOT_FOUND = {
    "status": 400,
    "json": {
        "error": {
            "message": "Unsupported request - method type or object does not exist",
            "type": "GraphMethodException",
            "code": 100,
            "error_subcode": 33,
            "fbtrace_id": "AbCdEf",
        }
    },
}


def form_of(request):
    """The decoded form fields (or JSON object) of a recorded request."""
    content_type = request.headers.get("content-type", "")
    if not request.body:
        return {}
    if "json" in content_type:
        return json.loads(request.body)
    return {key: values[-1] for key, values in parse_qs(request.body.decode()).items()}


RecordedRequest.form = property(form_of)


class FakeGraph(FakeChatwoot):
    """Threaded HTTP server on 127.0.0.1 answering like the Graph API."""

    not_found = GRAPH_NOT_FOUND

    def __init__(self):
        super().__init__()
        self.usage_headers = {}

    @staticmethod
    def error(code, message="error", status=400, subcode=None, headers=None):
        """A Graph error answer with ``code`` (and ``error_subcode``)."""
        error = {"message": message, "type": "OAuthException", "code": code}
        if subcode:
            error["error_subcode"] = subcode
        return {"status": status, "json": {"error": error}, "headers": headers or {}}

    def set_usage(self, app=None, business=None, regain_minutes=None, business_id="1234"):
        """Send ``X-App-Usage`` / ``X-Business-Use-Case-Usage`` at these percentages."""
        self.usage_headers = {}
        if app is not None:
            self.usage_headers["X-App-Usage"] = json.dumps(
                {"call_count": app, "total_cputime": 1, "total_time": 1}
            )
        if business is not None:
            block = {"type": "pages", "call_count": business, "total_cputime": 1, "total_time": 1}
            if regain_minutes is not None:
                block["estimated_time_to_regain_access"] = regain_minutes
            self.usage_headers["X-Business-Use-Case-Usage"] = json.dumps({business_id: [block]})
        return self

    def _next_answer(self, method, path):
        with self._lock:
            answers = self._answers.get((method, path))
            if not answers:
                answer = dict(self.not_found)
            else:
                answer = dict(answers.pop(0) if len(answers) > 1 else answers[0])
        if self.usage_headers:
            answer["headers"] = {**self.usage_headers, **(answer.get("headers") or {})}
        return answer
