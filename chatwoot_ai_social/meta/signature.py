# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""``X-Hub-Signature-256``: HMAC-SHA256 of the raw body with the App Secret.

Meta signs the bytes it sends (JSON with ``\\u``-escaped non-ASCII characters); hashing a
re-serialised or decoded body gives another signature, so the check runs on the raw bytes.

>>> body = b'{"object":"page","entry":[{"changes":[{"value":{"message":"\\\\u00e9"}}]}]}'
>>> header = sign("app-secret", body)
>>> header.startswith("sha256=")
True
>>> verify_signature("app-secret", body, header)
(True, '')
>>> verify_signature("app-secret", body.replace(b"\\\\u00e9", "é".encode()), header)
(False, 'bad signature')
>>> verify_signature("app-secret", body, None)
(False, 'missing X-Hub-Signature-256')
"""

import hashlib
import hmac

SIGNATURE_HEADER = "X-Hub-Signature-256"
SIGNATURE_PREFIX = "sha256="


def sign(app_secret, body):
    """The ``X-Hub-Signature-256`` value Meta sends for ``body`` (bytes)."""
    digest = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return SIGNATURE_PREFIX + digest


def verify_signature(app_secret, body, header):
    """``(ok, reason)`` for a delivery; constant-time comparison over the raw bytes."""
    if not header:
        return False, f"missing {SIGNATURE_HEADER}"
    if not app_secret:
        return False, "no app secret configured"
    header = header.strip()
    if not header.lower().startswith(SIGNATURE_PREFIX):
        return False, "malformed signature"
    expected = sign(app_secret, body)
    # Meta sends lower-case hex; a client that upper-cases it still signed the same bytes.
    received = SIGNATURE_PREFIX + header[len(SIGNATURE_PREFIX) :].lower()
    if not hmac.compare_digest(expected.encode(), received.encode()):
        return False, "bad signature"
    return True, ""


def verify_challenge(params, verify_token):
    """The ``hub.challenge`` to echo for a subscription handshake, or ``None`` to refuse.

    >>> params = {"hub.mode": "subscribe", "hub.verify_token": "t", "hub.challenge": "42"}
    >>> verify_challenge(params, "t")
    '42'
    >>> verify_challenge(params, "x")
    """
    if not verify_token or params.get("hub.mode") != "subscribe":
        return None
    token = params.get("hub.verify_token") or ""
    if not hmac.compare_digest(token.encode(), verify_token.encode()):
        return None
    challenge = params.get("hub.challenge")
    return challenge if challenge else None
