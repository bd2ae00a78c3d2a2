# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Graph API client: plain ``requests``, no Odoo, one request per call, no hidden retries.

Every call goes to ``<base_url>/<version>/<path>`` with ``Authorization: Bearer <token>``;
redirects are refused (``requests`` would replay the token to another host). The caller (a
queue job) owns the retry policy, so this client only reports precisely what happened:

* :class:`GraphThrottled` for the throttling codes (4, 17, 32, 613, 80001-80007, 130429,
  131056) and HTTP 429, with ``retry_after`` in seconds;
* :class:`GraphAuthError` for an expired or invalid token (190, 102) and missing permissions
  (10, 200-299): retrying cannot help, a person must act;
* :class:`GraphUnavailable` for 5xx answers, timeouts and connection errors;
* :class:`GraphError` for everything else.

``last_usage`` is the highest percentage found in the ``X-App-Usage`` and
``X-Business-Use-Case-Usage`` headers of the last answer; :func:`usage_wait` says how long to
pause before the next call.

>>> usage_from_headers({"X-App-Usage": '{"call_count": 12, "total_cputime": 80, "total_time": 3}'})
(80.0, None)
>>> usage_from_headers({"X-Business-Use-Case-Usage":
...     '{"123": [{"type": "pages", "call_count": 100, "estimated_time_to_regain_access": 7}]}'})
(100.0, 7)
>>> usage_wait(50), usage_wait(90), usage_wait(100), usage_wait(100, regain_minutes=7)
(0, 18, 300, 420)
"""

import json
import logging

import requests

_logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://graph.facebook.com"
DEFAULT_VERSION = "v25.0"
#: Throttling codes (reference §5.9): the request was refused, retrying later is safe.
THROTTLING_CODES = frozenset({4, 17, 32, 613, 80001, 80002, 80004, 80006, 80007, 130429, 131056})
#: Token expired or invalid, or a permission is missing: a person must act.
AUTH_CODES = frozenset({102, 190, 10})
PERMISSION_CODE_RANGE = range(200, 300)
#: Seconds to wait by default when Meta gives no estimate.
THROTTLE_WAIT = {130429: 5, 131056: 6}
DEFAULT_THROTTLE_WAIT = 60
#: Usage (%) from which calls slow down, and the longest pause before reaching 100 %.
SLOW_DOWN_AT = 75.0
SLOW_DOWN_MAX_WAIT = 30
FULL_USAGE_WAIT = 300
MAX_MESSAGE_LENGTH = 300
USAGE_HEADERS = ("X-App-Usage", "X-Business-Use-Case-Usage", "X-Page-Usage")


class GraphError(Exception):
    """A Graph API call failed: ``code``, ``subcode``, ``message`` and ``http_status``."""

    def __init__(self, message, code=None, subcode=None, http_status=None, fbtrace_id=None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.subcode = subcode
        self.http_status = http_status
        self.fbtrace_id = fbtrace_id

    def __str__(self):
        code = f" (code {self.code}" + (f", subcode {self.subcode})" if self.subcode else ")")
        return f"{self.message}{code if self.code is not None else ''}"

    def to_dict(self):
        return {
            "type": type(self).__name__,
            "code": self.code,
            "subcode": self.subcode,
            "http_status": self.http_status,
            "message": self.message,
        }


class GraphThrottled(GraphError):
    """Meta refused the call for rate limiting; try again after ``retry_after`` seconds."""

    def __init__(self, message, retry_after=DEFAULT_THROTTLE_WAIT, **kwargs):
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class GraphAuthError(GraphError):
    """The token expired or lacks a permission: retrying will not help."""


class GraphUnavailable(GraphError):
    """No usable answer (5xx, timeout, connection error); the call may or may not have run."""


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def usage_from_headers(headers):
    """``(max usage %, minutes to regain access or None)`` from a response's usage headers."""
    highest, regain = 0.0, None
    for name in USAGE_HEADERS:
        raw = headers.get(name)
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        blocks = []
        if isinstance(data, dict) and any(isinstance(v, list) for v in data.values()):
            for value in data.values():  # BUC: {business id: [{type, call_count, ...}]}
                blocks.extend(block for block in value or () if isinstance(block, dict))
        elif isinstance(data, dict):
            blocks.append(data)
        for block in blocks:
            for key in ("call_count", "total_cputime", "total_time"):
                number = _number(block.get(key))
                if number is not None:
                    highest = max(highest, number)
            minutes = _number(block.get("estimated_time_to_regain_access"))
            if minutes:
                regain = max(regain or 0, int(minutes))
    return highest, regain


def usage_wait(usage, regain_minutes=None):
    """Seconds to wait before the next call at ``usage`` percent.

    Nothing below 75 %, then a pause growing to 30 s at 99 %, and at 100 % Meta's own
    estimate (``estimated_time_to_regain_access``) or five minutes.
    """
    if regain_minutes:
        return int(regain_minutes) * 60
    if usage is None or usage < SLOW_DOWN_AT:
        return 0
    if usage >= 100:
        return FULL_USAGE_WAIT
    share = (usage - SLOW_DOWN_AT) / (100 - SLOW_DOWN_AT)
    return max(1, round(SLOW_DOWN_MAX_WAIT * share))


def classify_error(http_status, body, headers=None, regain_minutes=None):
    """The :class:`GraphError` for an error answer (``body`` is the decoded JSON or None)."""
    error = (body or {}).get("error") if isinstance(body, dict) else None
    error = error if isinstance(error, dict) else {}
    code = error.get("code")
    code = int(code) if isinstance(code, int | str) and str(code).isdigit() else None
    subcode = error.get("error_subcode")
    message = str(error.get("message") or f"HTTP {http_status}")[:MAX_MESSAGE_LENGTH]
    kwargs = {
        "code": code,
        "subcode": subcode,
        "http_status": http_status,
        "fbtrace_id": error.get("fbtrace_id"),
    }
    if code in THROTTLING_CODES or http_status == 429:
        wait = THROTTLE_WAIT.get(code, DEFAULT_THROTTLE_WAIT)
        if regain_minutes:
            wait = int(regain_minutes) * 60
        retry_after = _number((headers or {}).get("Retry-After"))
        if retry_after:
            wait = int(retry_after)
        return GraphThrottled(message, retry_after=wait, **kwargs)
    if code in AUTH_CODES or (code is not None and code in PERMISSION_CODE_RANGE):
        return GraphAuthError(message, **kwargs)
    if http_status >= 500 and code is None:
        return GraphUnavailable(message, **kwargs)
    return GraphError(message, **kwargs)


class GraphClient:
    """Calls ``<base_url>/<version>/<path>`` with the account's access token.

    ``session`` lets callers share a keep-alive ``requests.Session``.
    """

    def __init__(self, base_url, version, access_token, timeout=10, session=None):
        self.base_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
        self.version = (version or DEFAULT_VERSION).strip("/")
        self.access_token = access_token
        self.timeout = timeout
        self.session = session if session is not None else requests.Session()
        self.last_usage = 0.0
        self.last_regain_minutes = None

    def __repr__(self):
        return f"<GraphClient {self.base_url}/{self.version}>"

    def url(self, path):
        return f"{self.base_url}/{self.version}/{path.lstrip('/')}"

    def get(self, path, params=None):
        """``GET`` a node or edge; the decoded JSON answer."""
        return self._request("GET", path, params=params)

    def post(self, path, data=None, files=None):
        """``POST`` form fields (or a JSON body when ``data`` is nested); the decoded answer."""
        return self._request("POST", path, data=data, files=files)

    def delete(self, path):
        return self._request("DELETE", path)

    def _request(self, method, path, params=None, data=None, files=None):
        kwargs = {"params": params, "timeout": self.timeout, "allow_redirects": False}
        if data is not None and not files and _nested(data):
            kwargs["json"] = data  # WhatsApp message envelopes are JSON objects
        else:
            kwargs["data"], kwargs["files"] = data, files
        headers = {"Authorization": f"Bearer {self.access_token}"}
        try:
            response = self.session.request(method, self.url(path), headers=headers, **kwargs)
        except requests.exceptions.ConnectTimeout as error:
            raise GraphUnavailable(f"connection timed out: {type(error).__name__}") from None
        except requests.exceptions.RequestException as error:
            # The token never appears: requests' messages carry the URL, not the headers.
            raise GraphUnavailable(f"no answer from Graph API: {type(error).__name__}") from None
        self.last_usage, self.last_regain_minutes = usage_from_headers(response.headers)
        try:
            body = response.json() if response.content else {}
        except ValueError:
            body = None
        if response.status_code >= 300 or (isinstance(body, dict) and "error" in body):
            raise classify_error(
                response.status_code, body, response.headers, self.last_regain_minutes
            )
        if not isinstance(body, dict):
            raise GraphError("the answer is not a JSON object", http_status=response.status_code)
        return body


def _nested(data):
    return isinstance(data, dict) and any(isinstance(v, dict | list) for v in data.values())
