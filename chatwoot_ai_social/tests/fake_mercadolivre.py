# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A local stand-in for Mercado Livre's API: it records every request and answers scripted
responses over real sockets (see :class:`FakeChatwoot` for the answer format)::

    with FakeMercadoLivre() as fake:
        fake.script("POST", "/oauth/token", [fake.tokens("APP_USR-2", "TG-2")])
        fake.script("GET", "/questions/11", [fake.expired(), fake.question(11, "Tem azul?")])

An unscripted path answers Mercado Livre's 404 (``{"error": "not_found", ...}``).
"""

from odoo.addons.chatwoot_ai_base.tests.fake_chatwoot import FakeChatwoot

from . import fake_graph  # noqa: F401 — gives RecordedRequest its decoded ``form``

SELLER_ID = "123456789"
ITEM_ID = "MLB3000000001"
ML_NOT_FOUND = {
    "status": 404,
    "json": {"message": "Resource not found", "error": "not_found", "status": 404, "cause": []},
}


class FakeMercadoLivre(FakeChatwoot):
    """Threaded HTTP server on 127.0.0.1 answering like ``api.mercadolibre.com``."""

    @staticmethod
    def tokens(access, refresh, expires_in=21600, user_id=SELLER_ID):
        return {
            "json": {
                "access_token": access,
                "token_type": "Bearer",
                "expires_in": expires_in,
                "scope": "offline_access read write",
                "user_id": int(user_id),
                "refresh_token": refresh,
            }
        }

    @staticmethod
    def error(status, error, message):
        return {
            "status": status,
            "json": {"message": message, "error": error, "status": status, "cause": []},
        }

    @classmethod
    def expired(cls):
        return cls.error(401, "unauthorized", "invalid access token")

    @staticmethod
    def question(question_id, text, status="UNANSWERED", buyer=42, answer=None, item=ITEM_ID):
        return {
            "id": int(question_id),
            "seller_id": int(SELLER_ID),
            "item_id": item,
            "status": status,
            "text": text,
            "date_created": "2025-09-04T11:33:20.000-04:00",
            "hold": False,
            "deleted_from_listing": False,
            "from": {"id": buyer, "answered_questions": 3},
            "answer": {"text": answer, "status": "ACTIVE", "date_created": "2025-09-04T12:00:00"}
            if answer
            else None,
        }

    def _next_answer(self, method, path):
        with self._lock:
            answers = self._answers.get((method, path))
            if not answers:
                return ML_NOT_FOUND
            return answers.pop(0) if len(answers) > 1 else answers[0]
