# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Chatwoot Application API client: plain ``requests``, no Odoo.

Every call goes to ``<base_url>/api/v1/accounts/<account_id>/...`` with the
``api_access_token`` header, a 5 s connect and 30 s read timeout, and redirects
refused (``requests`` would replay the token header to whatever host a redirect names,
and turn a redirected POST into a GET).

Retry policy
------------
A request is *replay-safe* when sending it twice leaves Chatwoot as sending it once:

* every GET;
* POSTs that set a state to a given value: ``toggle_status`` with an explicit status,
  the full label list, custom attributes with ``merge: true``;
* a message POST that carries an ``echo_id`` (the issue's idempotency marker).

What is retried, at most ``max_attempts`` requests in all:

* **429**, for every method: Chatwoot's rack-attack refuses the request before any
  controller runs, so nothing was applied.
* **Connection errors raised before the request was sent**, for every method: urllib3
  raises ``NewConnectionError`` / ``NameResolutionError`` / ``ConnectTimeoutError``
  (``requests.ConnectTimeout``) only while opening the TCP connection, before a byte
  of the request is written. Other connection errors (``Connection aborted``, a reset,
  ``RemoteDisconnected``, TLS errors) can happen after the body went out, so they
  count as "maybe applied".
* **5xx, read timeouts and "maybe applied" connection errors**, for replay-safe
  requests only. A POST that is not replay-safe (a message without ``echo_id``, a new
  contact or conversation) is sent once and fails with ``retryable=False``: the
  caller must check Chatwoot before sending it again.

Chatwoot keeps ``echo_id`` in memory only (``attr_accessor``) and echoes it on the
ActionCable event of the new message; it neither stores it nor refuses a second POST
with the same value. Passing ``echo_id`` therefore says "a repeated message is
acceptable or recognisable to me": a retry after a 5xx or read timeout that hid a
successful create can still show the customer the message twice.

Back-off: ``Retry-After`` (delta-seconds or HTTP-date) when the answer has one, else
the ``backoff`` steps (1, 2, 4 s by default, the last step repeating). A
``Retry-After`` above ``max_retry_after`` (120 s) is not slept on: the error is raised
at once with ``retry_after`` set, so a job can be postponed instead of blocking a worker.

Errors
------
``ChatwootError`` and its subclasses carry ``status``, ``method``, ``path``, ``code``,
``message``, ``retry_after`` and ``retryable`` (safe to send the same call again
later); ``to_dict()`` gives them to job logs. No message, log line or ``to_dict()``
contains the access token or query strings (contact searches hold phone numbers).
"""

import email.utils
import logging
import time
from datetime import timezone

import requests
from urllib3.exceptions import ConnectTimeoutError

from .constants import CONVERSATION_STATUSES

_logger = logging.getLogger(__name__)

API_PATH = "/api/v1/accounts/{account_id}"
#: (connect, read) seconds, as the issue asks.
TIMEOUT = (5, 30)
MAX_ATTEMPTS = 4
BACKOFF = (1, 2, 4)
#: Longest ``Retry-After`` slept on; longer waits are reported to the caller.
MAX_RETRY_AFTER = 120
#: Longest Chatwoot error text kept in an exception; a proxy can answer with a page.
MAX_MESSAGE_LENGTH = 300
REDACTED = "***"
STATUSES = tuple(status for status, _label in CONVERSATION_STATUSES)


class ChatwootError(Exception):
    """A Chatwoot call failed; the attributes say how, for the UI and for job logs."""

    default_code = "error"

    def __init__(
        self,
        message,
        *,
        status=None,
        method=None,
        path=None,
        code=None,
        retry_after=None,
        retryable=False,
    ):
        super().__init__(message)
        self.message = message
        self.status = status
        self.method = method
        self.path = path
        self.code = code or self.default_code
        self.retry_after = retry_after
        self.retryable = retryable

    def __str__(self):
        where = f"{self.method} {self.path}: " if self.method else ""
        status = f"HTTP {self.status}: " if self.status else ""
        return f"{where}{status}{self.message}"

    def to_dict(self):
        """Plain, JSON-serialisable description, e.g. for a job's result or a run log."""
        return {
            "type": type(self).__name__,
            "status": self.status,
            "method": self.method,
            "path": self.path,
            "code": self.code,
            "message": self.message,
            "retry_after": self.retry_after,
            "retryable": self.retryable,
        }


class ChatwootAuthError(ChatwootError):
    """401 or 403: the token is wrong, revoked, or lacks the right (bot vs user token)."""

    default_code = "unauthorized"


class ChatwootNotFound(ChatwootError):
    """404: unknown account, conversation or contact (or a wrong base URL)."""

    default_code = "not_found"


class ChatwootRateLimited(ChatwootError):
    """429 after every attempt, or a ``Retry-After`` too long to wait for."""

    default_code = "rate_limited"


class ChatwootUnavailable(ChatwootError):
    """5xx, timeout or connection failure."""

    default_code = "unavailable"


class ChatwootRequestError(ChatwootError):
    """Any other refusal (4xx, redirect, bad URL, non-JSON answer): fix the request."""

    default_code = "bad_request"


def parse_retry_after(value, now):
    """Seconds to wait from a ``Retry-After`` header, or None when absent or unreadable.

    >>> parse_retry_after("2", now=0)
    2.0
    >>> parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470)
    10.0
    >>> parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490)
    0.0
    >>> parse_retry_after("soon", now=0) is None
    True
    """
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        # RFC 9110: an HTTP-date is always GMT.
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - now)


def merge_labels(current, labels):
    """``current`` followed by the new ``labels``, without duplicates, order kept.

    >>> merge_labels(["vip"], ["ai-handoff", "vip", "ai-handoff"])
    ['vip', 'ai-handoff']
    """
    merged = list(dict.fromkeys(current or []))
    merged += [label for label in dict.fromkeys(labels) if label not in merged]
    return merged


def _error_text(response):
    """Chatwoot's own explanation from an error body, or the HTTP reason phrase."""
    try:
        body = response.json()
    except ValueError:
        body = None
    text = None
    if isinstance(body, dict):
        text = body.get("message") or body.get("error") or body.get("errors")
    if isinstance(text, list | tuple):
        text = "; ".join(str(item) for item in text)
    elif isinstance(text, dict):
        text = "; ".join(f"{key}: {value}" for key, value in text.items())
    text = str(text or response.reason or "no explanation")
    return text[:MAX_MESSAGE_LENGTH]


def _sent_before_failing(exc):
    """Whether the request may have reached Chatwoot before ``exc`` was raised.

    urllib3 raises ``ConnectTimeoutError`` and its subclasses ``NewConnectionError``
    (refused, unreachable) and ``NameResolutionError`` from ``_new_conn`` only, before the
    request is written; requests wraps them in ``ConnectTimeout`` or, via ``MaxRetryError``,
    in ``ConnectionError``. Everything else may have happened after the body was sent.
    """
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return False
    if isinstance(exc, requests.exceptions.SSLError | requests.exceptions.ProxyError):
        return True
    if not isinstance(exc, requests.exceptions.ConnectionError):
        return True
    cause = exc.args[0] if exc.args else None
    return not isinstance(getattr(cause, "reason", None), ConnectTimeoutError)


def _transport_reason(exc):
    """Short human description of a transport failure, without URL or query string."""
    cause = exc.args[0] if exc.args else exc
    cause = getattr(cause, "reason", cause)
    text = str(cause)
    if text.startswith("<"):
        # urllib3 prefixes the text with the connection object's repr.
        text = text.split(">: ", 1)[-1]
    return f"{type(cause).__name__}: {text}"[:MAX_MESSAGE_LENGTH]


class ChatwootClient:
    """One Chatwoot account seen through its Application API.

    ``sleep`` and ``clock`` are injected so tests neither wait nor depend on the time;
    ``session`` lets callers share a keep-alive ``requests.Session``.
    """

    def __init__(
        self,
        base_url,
        account_id,
        api_access_token,
        session=None,
        sleep=time.sleep,
        max_attempts=MAX_ATTEMPTS,
        backoff=BACKOFF,
        timeout=TIMEOUT,
        max_retry_after=MAX_RETRY_AFTER,
        clock=time.time,
    ):
        self.base_url = (base_url or "").rstrip("/")
        self.account_id = int(account_id)
        self._token = api_access_token
        self._own_session = session is None
        self.session = session if session is not None else requests.Session()
        self.sleep = sleep
        self.max_attempts = max(1, int(max_attempts))
        self.backoff = tuple(backoff) or BACKOFF
        self.timeout = timeout
        self.max_retry_after = max_retry_after
        self.clock = clock

    def __repr__(self):
        return f"ChatwootClient({self.base_url!r}, account_id={self.account_id})"

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        """Close the keep-alive connections, unless the session was lent to us."""
        if self._own_session:
            self.session.close()

    # Inboxes ------------------------------------------------------------------

    def list_inboxes(self):
        """The account's inboxes: dicts with at least ``id``, ``name``, ``channel_type``."""
        return self._request("GET", "/inboxes").get("payload") or []

    # Conversations ------------------------------------------------------------

    def get_conversation(self, conversation_id):
        """One conversation by its display id (the number in Chatwoot's URLs)."""
        return self._request("GET", f"/conversations/{int(conversation_id)}")

    def list_conversations(
        self, status="open", assignee_type="all", inbox_id=None, labels=None, query=None, page=1
    ):
        """One page of conversations: ``{"meta": {...}, "payload": [...]}``."""
        params = {"status": status, "assignee_type": assignee_type, "page": page}
        if inbox_id:
            params["inbox_id"] = inbox_id
        if labels:
            params["labels[]"] = list(labels)
        if query:
            params["q"] = query
        return self._request("GET", "/conversations", params=params).get("data") or {}

    def search_conversations(self, query, page=1, status="all"):
        """Conversations whose messages contain ``query`` (any status by default)."""
        data = self.list_conversations(status=status, query=query, page=page)
        return data.get("payload") or []

    def create_conversation(
        self,
        inbox_id,
        contact_id=None,
        source_id=None,
        message=None,
        status=None,
        assignee_id=None,
        team_id=None,
        custom_attributes=None,
    ):
        """Open a conversation; sent once (a repeat would open a second one)."""
        body = {"inbox_id": inbox_id}
        optional = {
            "contact_id": contact_id,
            "source_id": source_id,
            "status": status,
            "assignee_id": assignee_id,
            "team_id": team_id,
            "custom_attributes": custom_attributes,
        }
        body.update({key: value for key, value in optional.items() if value is not None})
        if message:
            body["message"] = {"content": message}
        return self._request("POST", "/conversations", body=body)

    def toggle_status(self, conversation_id, status, snoozed_until=None):
        """Set the status (``open`` hands the conversation to humans); returns the payload."""
        if status not in STATUSES:
            raise ValueError(f"Unknown conversation status {status!r}; expected one of {STATUSES}")
        body = {"status": status}
        if snoozed_until is not None:
            body["snoozed_until"] = int(snoozed_until)
        path = f"/conversations/{int(conversation_id)}/toggle_status"
        # Setting a given status twice changes nothing the second time: replay-safe.
        answer = self._request("POST", path, body=body, replay_safe=True)
        return answer.get("payload", answer)

    def list_labels(self, conversation_id):
        """The conversation's labels."""
        path = f"/conversations/{int(conversation_id)}/labels"
        return self._request("GET", path).get("payload") or []

    def add_labels(self, conversation_id, labels):
        """Add ``labels`` to those already there; returns the conversation's labels.

        Chatwoot's POST replaces the whole list, so the current labels are read first
        and the union is sent. Nothing is posted when every label is already there. Two
        writers adding at the same instant can still lose one label: Chatwoot has no
        atomic "add".
        """
        current = self.list_labels(conversation_id)
        merged = merge_labels(current, labels)
        if merged == current:
            return current
        path = f"/conversations/{int(conversation_id)}/labels"
        answer = self._request("POST", path, body={"labels": merged}, replay_safe=True)
        return answer.get("payload", merged)

    def set_custom_attributes(self, conversation_id, attributes):
        """Merge ``attributes`` into the conversation's custom attributes.

        ``merge: true`` keeps the keys other tools wrote; without it Chatwoot replaces the
        whole hash. Chatwoot releases older than the ``merge`` flag ignore it.
        """
        path = f"/conversations/{int(conversation_id)}/custom_attributes"
        body = {"custom_attributes": dict(attributes), "merge": True}
        return self._request("POST", path, body=body, replay_safe=True)

    # Messages -----------------------------------------------------------------

    def send_message(
        self,
        conversation_id,
        content,
        private=False,
        message_type="outgoing",
        echo_id=None,
        content_attributes=None,
        template_params=None,
    ):
        """Post a reply (or a private note); returns the created message.

        ``template_params`` (``name``, ``category``, ``language``, ``processed_params``)
        sends an approved WhatsApp template, as a WhatsApp inbox needs outside the 24 h
        customer-service window.

        Without ``echo_id`` the POST is never repeated after a 5xx or a timeout; see the
        module docstring for what ``echo_id`` does and does not guarantee.
        """
        body = {"content": content, "message_type": message_type, "private": bool(private)}
        if echo_id:
            body["echo_id"] = str(echo_id)
        if content_attributes:
            body["content_attributes"] = content_attributes
        if template_params:
            body["template_params"] = template_params
        path = f"/conversations/{int(conversation_id)}/messages"
        return self._request("POST", path, body=body, replay_safe=bool(echo_id))

    def list_messages(self, conversation_id, after=None):
        """The conversation's messages: the latest 20, or up to 100 after message ``after``."""
        params = {"after": int(after)} if after else None
        path = f"/conversations/{int(conversation_id)}/messages"
        return self._request("GET", path, params=params).get("payload") or []

    # Contacts -----------------------------------------------------------------

    def search_contacts(self, query, page=1):
        """Contacts whose name, identifier, e-mail or phone match ``query`` (15 a page).

        Needs a user access token: bot tokens cannot reach the contacts endpoints.
        """
        params = {"q": query, "page": page}
        return self._request("GET", "/contacts/search", params=params).get("payload") or []

    def create_contact(
        self,
        name=None,
        email=None,
        phone_number=None,
        identifier=None,
        inbox_id=None,
        custom_attributes=None,
        additional_attributes=None,
    ):
        """Create a contact (``phone_number`` in E.164); returns the new contact.

        Sent once: a repeat would create a second contact or fail on the unique e-mail.
        """
        fields = {
            "name": name,
            "email": email,
            "phone_number": phone_number,
            "identifier": identifier,
            "inbox_id": inbox_id,
            "custom_attributes": custom_attributes,
            "additional_attributes": additional_attributes,
        }
        body = {key: value for key, value in fields.items() if value is not None}
        payload = self._request("POST", "/contacts", body=body).get("payload") or {}
        # Chatwoot answers {"payload": {"contact": {...}, "contact_inbox": {...}}}.
        return payload.get("contact", payload)

    def delete_contact(self, contact_id):
        """Delete a contact (LGPD/GDPR erasure); a contact already gone counts as deleted.

        DELETE is idempotent, so it follows the retry policy of reads.
        """
        try:
            self._request("DELETE", f"/contacts/{int(contact_id)}", replay_safe=True)
        except ChatwootNotFound:
            pass
        return True

    # Transport ----------------------------------------------------------------

    def _request(self, method, path, params=None, body=None, replay_safe=None):
        """Send one API call with the retry policy of the module docstring; returns JSON."""
        if replay_safe is None:
            replay_safe = method in ("GET", "HEAD")
        full_path = API_PATH.format(account_id=self.account_id) + path
        attempt = 1
        while True:
            outcome = self._attempt(method, full_path, params, body, replay_safe)
            if not isinstance(outcome, ChatwootError):
                return outcome
            error = outcome
            wait = self._retry_wait(error, attempt)
            if wait is None:
                raise error
            _logger.warning(
                "Chatwoot %s %s failed (%s, attempt %d/%d); retrying in %.1f s",
                method,
                full_path,
                error.code if error.status is None else error.status,
                attempt,
                self.max_attempts,
                wait,
            )
            self.sleep(wait)
            attempt += 1

    def _attempt(self, method, path, params, body, replay_safe):
        """One HTTP exchange: the decoded JSON answer, or the ChatwootError it amounts to."""
        try:
            response = self.session.request(
                method,
                self.base_url + path,
                params=params,
                json=body,
                headers=self._headers(),
                timeout=self.timeout,
                allow_redirects=False,
            )
        except requests.exceptions.RequestException as exc:
            return self._transport_error(exc, method, path, replay_safe)
        if response.status_code < 300:
            return self._decode(response, method, path)
        return self._http_error(response, method, path, replay_safe)

    def _headers(self):
        return {
            "api_access_token": self._token or "",
            "Accept": "application/json",
            "User-Agent": "ChatwootAI-Odoo",
        }

    def _retry_wait(self, error, attempt):
        """Seconds to sleep before the next attempt, or None to raise ``error`` now."""
        step = self.backoff[min(attempt - 1, len(self.backoff) - 1)]
        if isinstance(error, ChatwootRateLimited) and error.retry_after is None:
            # A job postponing the call needs a delay even when Chatwoot gave none.
            error.retry_after = step
        if not error.retryable or attempt >= self.max_attempts:
            return None
        wait = step if error.retry_after is None else error.retry_after
        if self.max_retry_after is not None and wait > self.max_retry_after:
            error.message += (
                f" (Chatwoot asks to wait {wait:.0f} s, more than the {self.max_retry_after} s"
                " this client waits)"
            )
            return None
        return wait

    def _decode(self, response, method, path):
        if not response.content:
            return {}
        try:
            return response.json()
        except ValueError:
            raise self._error(
                ChatwootRequestError,
                "Chatwoot answered with something that is not JSON: is the Chatwoot URL right?",
                status=response.status_code,
                method=method,
                path=path,
                code="invalid_response",
            ) from None

    def _http_error(self, response, method, path, replay_safe):
        status = response.status_code
        context = {"status": status, "method": method, "path": path}
        text = _error_text(response)
        retry_after = parse_retry_after(response.headers.get("Retry-After"), self.clock())
        if status in (401, 403):
            code = "unauthorized" if status == 401 else "forbidden"
            return self._error(ChatwootAuthError, text, code=code, **context)
        if status == 404:
            return self._error(ChatwootNotFound, text, **context)
        if status == 429:
            return self._error(
                ChatwootRateLimited, text, retry_after=retry_after, retryable=True, **context
            )
        if status >= 500:
            if not replay_safe:
                text += "; not repeated because Chatwoot may have applied it"
            return self._error(
                ChatwootUnavailable,
                text,
                code="server_error",
                retry_after=retry_after,
                retryable=replay_safe,
                **context,
            )
        if status < 400:
            location = response.headers.get("Location", "?").split("?", 1)[0]
            text = f"Chatwoot redirected to {location}: use that address as the Chatwoot URL"
            return self._error(ChatwootRequestError, text, code="redirect", **context)
        return self._error(ChatwootRequestError, text, code=f"http_{status}", **context)

    def _transport_error(self, exc, method, path, replay_safe):
        context = {"method": method, "path": path}
        invalid_url = (
            requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema,
            requests.exceptions.InvalidURL,
        )
        if isinstance(exc, invalid_url):
            text = f"invalid Chatwoot URL {self.base_url!r}"
            return self._error(ChatwootRequestError, text, code="invalid_url", **context)
        sent = _sent_before_failing(exc)
        connect, read = self.timeout if isinstance(self.timeout, tuple) else (self.timeout,) * 2
        if isinstance(exc, requests.exceptions.ReadTimeout):
            code, text = "timeout", f"no answer within {read} s"
        elif isinstance(exc, requests.exceptions.ConnectTimeout):
            code, text = "timeout", f"no connection within {connect} s"
        else:
            code, text = "connection_error", _transport_reason(exc)
        if sent and not replay_safe:
            text += "; not repeated because Chatwoot may have applied it"
        return self._error(
            ChatwootUnavailable, text, code=code, retryable=replay_safe or not sent, **context
        )

    def _error(self, error_class, message, **attributes):
        """Build ``error_class``, making sure the token never travels in its message."""
        if self._token:
            message = message.replace(self._token, REDACTED)
        return error_class(message, **attributes)
