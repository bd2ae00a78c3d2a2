"""Chatwoot webhook signatures (Chatwoot >= 4.11.2).

Chatwoot signs ``timestamp + "." + raw_body`` with HMAC-SHA256 and sends
``X-Chatwoot-Timestamp`` and ``X-Chatwoot-Signature: sha256=<hex>``.

>>> body = b'{"event":"message_created","id":1}'
>>> header = sign("s3cret", "1700000000", body)
>>> verify_signature("s3cret", "1700000000", body, header, now=1700000100)
(True, '')
>>> verify_signature("s3cret", "1700000000", body, header, now=1700000400)
(False, 'stale timestamp')
>>> verify_signature("other", "1700000000", body, header, now=1700000100)
(False, 'bad signature')
"""

import hashlib
import hmac

#: Oldest accepted delivery, in seconds: Chatwoot retries for a few minutes at most.
MAX_AGE_SECONDS = 300
#: Tolerated clock skew for timestamps from the future.
MAX_SKEW_SECONDS = 30
SIGNATURE_PREFIX = "sha256="


def sign(secret, timestamp, body):
    """The ``X-Chatwoot-Signature`` value Chatwoot sends for ``body`` at ``timestamp``."""
    message = str(timestamp).encode() + b"." + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return SIGNATURE_PREFIX + digest


def verify_signature(secret, timestamp, body, signature, now):
    """Check a delivery; return ``(ok, reason)`` where reason explains a refusal.

    ``now`` is injected (Unix seconds) so the check is testable against fixed vectors.
    The comparison runs in constant time over the raw bytes, before any JSON parsing.
    """
    if not timestamp or not signature:
        return False, "missing signature headers"
    timestamp = timestamp.strip()
    if not timestamp.isdigit():
        return False, "malformed timestamp"
    age = now - int(timestamp)
    if age > MAX_AGE_SECONDS:
        return False, "stale timestamp"
    if age < -MAX_SKEW_SECONDS:
        return False, "timestamp in the future"
    expected = sign(secret, timestamp, body)
    if not hmac.compare_digest(expected.encode(), signature.strip().encode()):
        return False, "bad signature"
    return True, ""
