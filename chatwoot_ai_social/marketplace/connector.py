# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The marketplace connector interface, its errors and the plain data it exchanges.

A connector talks to one marketplace's HTTP API with plain ``requests``: one request per
call, no hidden retries (the queue job owns the retry policy), redirects refused so the
token never travels to another host. Errors say precisely what happened:

* :class:`MarketplaceAuthError`: the access token expired or was revoked (HTTP 401/403), or a
  refresh token was refused (``invalid_grant``): refresh once, or a person must reconnect;
* :class:`MarketplaceThrottled`: HTTP 429, with ``retry_after`` seconds;
* :class:`MarketplaceUnavailable`: 5xx answers, timeouts, connection errors;
* :class:`MarketplaceError`: anything else (a 404, a refused answer).

Another marketplace is one subclass implementing the four calls, registered by platform::

    @register
    class OtherConnector(MarketplaceConnector):
        platform = "other"
        def refresh_token(self, refresh_token): ...
        def fetch_question(self, question_id): ...
        def fetch_open_questions(self, seller_id): ...
        def post_answer(self, question_id, text): ...
        def whoami(self): ...
        @classmethod
        def parse_notification(cls, payload): ...

>>> classify(404, {"message": "Question not found", "error": "not_found"}, {}).__class__.__name__
'MarketplaceError'
>>> classify(401, {"message": "invalid access token"}, {}).__class__.__name__
'MarketplaceAuthError'
>>> classify(429, None, {"Retry-After": "7"}).retry_after
7
"""

from dataclasses import dataclass

import requests

DEFAULT_TIMEOUT = 10
DEFAULT_THROTTLE_WAIT = 60
MAX_MESSAGE_LENGTH = 300


class MarketplaceError(Exception):
    """A marketplace call failed: ``message``, ``http_status`` and the API's ``code``."""

    def __init__(self, message, http_status=None, code=None):
        super().__init__(message)
        self.message = message
        self.http_status = http_status
        self.code = code

    def __str__(self):
        status = f" (HTTP {self.http_status})" if self.http_status else ""
        return f"{self.message}{status}"


class MarketplaceAuthError(MarketplaceError):
    """The token expired, was revoked, or a refresh token was refused."""


class MarketplaceThrottled(MarketplaceError):
    """Too many requests: try again after ``retry_after`` seconds."""

    def __init__(self, message, retry_after=DEFAULT_THROTTLE_WAIT, **kwargs):
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class MarketplaceUnavailable(MarketplaceError):
    """No usable answer (5xx, timeout, connection error); the call may or may not have run."""


class NotificationError(ValueError):
    """A notification the marketplace would never send: malformed, or missing what it needs."""


@dataclass(frozen=True)
class Tokens:
    """What a token refresh answers; ``refresh_token`` replaces the one used (single-use)."""

    access_token: str
    refresh_token: str
    expires_in: int
    user_id: str = ""


@dataclass(frozen=True)
class Question:
    """A buyer's question on a listing, as the comment queue stores it.

    ``state`` is ``open`` (waits for an answer), ``answered`` (answered, here or on the
    marketplace's site) or ``closed`` (deleted, banned, closed unanswered).
    """

    external_id: str
    item_id: str
    text: str
    author_id: str
    author_name: str
    created_at: int
    state: str
    answer_text: str = ""
    seller_id: str = ""


def classify(http_status, body, headers):
    """The :class:`MarketplaceError` for an error answer (``body`` is decoded JSON or None)."""
    body = body if isinstance(body, dict) else {}
    code = str(body.get("error") or "") or None
    message = str(body.get("message") or body.get("error") or f"HTTP {http_status}")
    message = message[:MAX_MESSAGE_LENGTH]
    kwargs = {"http_status": http_status, "code": code}
    if http_status == 429:
        try:
            wait = int(float((headers or {}).get("Retry-After") or DEFAULT_THROTTLE_WAIT))
        except ValueError:
            wait = DEFAULT_THROTTLE_WAIT
        return MarketplaceThrottled(message, retry_after=wait, **kwargs)
    if http_status in (401, 403) or code == "invalid_grant":
        return MarketplaceAuthError(message, **kwargs)
    if http_status >= 500:
        return MarketplaceUnavailable(message, **kwargs)
    return MarketplaceError(message, **kwargs)


class MarketplaceConnector:
    """The interface every marketplace implements, and the HTTP plumbing they share."""

    #: The ``chatwoot.social.account`` platform this connector serves.
    platform = None

    def __init__(
        self,
        base_url,
        access_token=None,
        client_id=None,
        client_secret=None,
        timeout=DEFAULT_TIMEOUT,
        session=None,
    ):
        if not base_url:
            raise ValueError("a marketplace connector needs its base URL")
        self.base_url = base_url.rstrip("/")
        self.access_token = access_token
        self.client_id = client_id
        self.client_secret = client_secret
        self.timeout = timeout
        self.session = session if session is not None else requests.Session()

    def __repr__(self):
        return f"<{type(self).__name__} {self.base_url}>"

    # ------------------------------------------------------------------ the interface
    def refresh_token(self, refresh_token):
        """Exchange ``refresh_token`` for new :class:`Tokens`."""
        raise NotImplementedError

    def fetch_question(self, question_id):
        """The :class:`Question` of that id."""
        raise NotImplementedError

    def fetch_open_questions(self, seller_id):
        """Every :class:`Question` of the seller still waiting for an answer."""
        raise NotImplementedError

    def post_answer(self, question_id, text):
        """Answer the question publicly; the marketplace's answer (a dict)."""
        raise NotImplementedError

    def whoami(self):
        """``{"id", "name"}`` of the seller the token belongs to (a connection check)."""
        raise NotImplementedError

    def fetch_listing(self, item_id):
        """``{"title", "permalink", "price", "currency"}`` of a listing the questions are on:
        what the crew reads as the post's caption."""
        raise NotImplementedError

    @classmethod
    def parse_notification(cls, payload):
        """``{"key", "question_id", "user_id"}`` of a question notification, ``None`` for
        another topic; :class:`NotificationError` when the payload is malformed."""
        raise NotImplementedError

    def clean_answer(self, text):
        """The answer as the marketplace accepts it (see ``answers.clean_answer``)."""
        raise NotImplementedError

    # ------------------------------------------------------------------ HTTP
    def url(self, path):
        return f"{self.base_url}/{path.lstrip('/')}"

    def request(self, method, path, params=None, json=None, data=None, authenticated=True):
        """One call; the decoded JSON answer, or the :class:`MarketplaceError` it deserves."""
        headers = {"Accept": "application/json"}
        if authenticated:
            if not self.access_token:
                raise MarketplaceAuthError("no access token")
            headers["Authorization"] = f"Bearer {self.access_token}"
        try:
            response = self.session.request(
                method,
                self.url(path),
                params=params,
                json=json,
                data=data,
                headers=headers,
                timeout=self.timeout,
                allow_redirects=False,
            )
        except requests.exceptions.RequestException as error:
            # The token never appears: requests' messages carry the URL, not the headers.
            raise MarketplaceUnavailable(f"no answer: {type(error).__name__}") from None
        try:
            body = response.json() if response.content else {}
        except ValueError:
            body = None
        if response.status_code >= 300:
            raise classify(response.status_code, body, response.headers)
        if not isinstance(body, dict | list):
            raise MarketplaceError("the answer is not JSON", http_status=response.status_code)
        return body


#: ``{platform: connector class}``: what :func:`connector_class` chooses from.
CONNECTORS = {}


def register(cls):
    """Class decorator: make ``cls`` the connector of ``cls.platform``."""
    CONNECTORS[cls.platform] = cls
    return cls


def connector_class(platform):
    """The connector class of ``platform``; ``KeyError`` when no marketplace has that name."""
    return CONNECTORS[platform]
