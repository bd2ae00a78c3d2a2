# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Mercado Livre: OAuth refresh, questions by id or by search, answers, notifications.

The base URL is given by the caller (a setting), never hard-coded here:

* ``POST /oauth/token`` with ``grant_type=refresh_token``: the answer carries a **new**
  refresh token; the one sent is spent (single-use);
* ``GET /questions/{id}`` and ``GET /questions/search?seller_id=…&status=UNANSWERED``;
* ``GET /items/{id}``: the listing's title and price, the crew's "caption";
* ``POST /answers`` with ``question_id`` and ``text`` (at most 2,000 characters, no contact
  details: see :mod:`.answers`);
* notifications ``{"resource": "/questions/123", "topic": "questions", "user_id": …}``.

>>> MercadoLivreConnector.parse_notification({"_id": "n1", "resource": "/questions/5036111111",
...     "user_id": 123, "topic": "questions", "attempts": 1})
{'key': 'ml:questions:n1', 'question_id': '5036111111', 'user_id': '123'}
>>> orders = {"resource": "/orders/1", "topic": "orders_v2"}
>>> MercadoLivreConnector.parse_notification(orders) is None
True
>>> question = parse_question({"id": 11, "item_id": "MLB123", "seller_id": 9,
...     "status": "UNANSWERED", "text": "Tem azul?", "from": {"id": 42},
...     "date_created": "2025-09-04T11:33:20.000-04:00", "answer": None})
>>> question.state, question.created_at, question.author_id
('open', 1757000000, '42')
"""

import re
from datetime import datetime

from .answers import clean_answer
from .connector import (
    MarketplaceConnector,
    MarketplaceError,
    NotificationError,
    Question,
    Tokens,
    register,
)

QUESTION_TOPICS = ("questions",)
QUESTION_RESOURCE = re.compile(r"^/?questions/(\d+)/?$")
#: Mercado Livre's question statuses and what they mean for the comment queue.
STATES = {
    "UNANSWERED": "open",
    "UNDER_REVIEW": "open",
    "ANSWERED": "answered",
    "CLOSED_UNANSWERED": "closed",
    "BANNED": "closed",
    "DELETED": "closed",
    "DISABLED": "closed",
}
PAGE_SIZE = 50
#: A safety net, not an export: at most this many pages of open questions per poll.
MAX_PAGES = 20
API_VERSION = "4"


def _unix(stamp):
    if not stamp:
        return 0
    try:
        return int(datetime.fromisoformat(str(stamp).replace("Z", "+00:00")).timestamp())
    except ValueError:
        return 0


def parse_question(data):
    """The :class:`Question` of a ``/questions`` answer (API version 4 shape)."""
    if not isinstance(data, dict) or not data.get("id"):
        raise MarketplaceError("a question without an id")
    author = data.get("from") or {}
    answer = data.get("answer") or {}
    return Question(
        external_id=str(data["id"]),
        item_id=str(data.get("item_id") or ""),
        text=data.get("text") or "",
        author_id=str(author.get("id") or ""),
        author_name=str(author.get("nickname") or ""),
        created_at=_unix(data.get("date_created")),
        state=STATES.get(str(data.get("status") or "").upper(), "open"),
        answer_text=(answer.get("text") if isinstance(answer, dict) else "") or "",
        seller_id=str(data.get("seller_id") or ""),
    )


@register
class MercadoLivreConnector(MarketplaceConnector):
    """Mercado Livre's API (``api.mercadolibre.com`` in production, a setting here)."""

    platform = "mercadolivre"

    def refresh_token(self, refresh_token):
        if not (self.client_id and self.client_secret and refresh_token):
            raise MarketplaceError("the client id, client secret and refresh token are needed")
        body = self.request(
            "POST",
            "/oauth/token",
            data={
                "grant_type": "refresh_token",
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "refresh_token": refresh_token,
            },
            authenticated=False,
        )
        if not body.get("access_token") or not body.get("refresh_token"):
            raise MarketplaceError("the token answer has no access or refresh token")
        self.access_token = body["access_token"]
        return Tokens(
            access_token=body["access_token"],
            refresh_token=body["refresh_token"],
            expires_in=int(body.get("expires_in") or 0),
            user_id=str(body.get("user_id") or ""),
        )

    def fetch_question(self, question_id):
        data = self.request(
            "GET", f"/questions/{int(question_id)}", params={"api_version": API_VERSION}
        )
        return parse_question(data)

    def fetch_open_questions(self, seller_id):
        questions, offset = [], 0
        for _page in range(MAX_PAGES):
            data = self.request(
                "GET",
                "/questions/search",
                params={
                    "seller_id": seller_id,
                    "status": "UNANSWERED",
                    "api_version": API_VERSION,
                    "sort_fields": "date_created",
                    "sort_types": "ASC",
                    "limit": PAGE_SIZE,
                    "offset": offset,
                },
            )
            page = data.get("questions") or [] if isinstance(data, dict) else []
            questions.extend(parse_question(row) for row in page)
            offset += len(page)
            if not page or offset >= int(data.get("total") or 0):
                break
        return questions

    def post_answer(self, question_id, text):
        return self.request(
            "POST", "/answers", json={"question_id": int(question_id), "text": text}
        )

    def fetch_listing(self, item_id):
        data = self.request("GET", f"/items/{item_id}")
        return {
            "title": data.get("title") or "",
            "permalink": data.get("permalink") or "",
            "price": data.get("price"),
            "currency": data.get("currency_id") or "",
        }

    def whoami(self):
        data = self.request("GET", "/users/me")
        return {"id": str(data.get("id") or ""), "name": data.get("nickname") or ""}

    @classmethod
    def parse_notification(cls, payload):
        if not isinstance(payload, dict):
            raise NotificationError("the notification must be a JSON object")
        topic, resource = payload.get("topic"), payload.get("resource")
        if not isinstance(topic, str) or not isinstance(resource, str):
            raise NotificationError("the notification has no topic or resource")
        if topic not in QUESTION_TOPICS:
            return None
        match = QUESTION_RESOURCE.match(resource.strip())
        if not match:
            raise NotificationError(f"not a question resource: {resource[:80]!r}")
        question_id = match.group(1)
        notification_id = payload.get("_id") or f"{question_id}:{payload.get('sent') or ''}"
        return {
            "key": f"ml:questions:{notification_id}",
            "question_id": question_id,
            "user_id": str(payload.get("user_id") or ""),
        }

    def clean_answer(self, text):
        return clean_answer(text)
