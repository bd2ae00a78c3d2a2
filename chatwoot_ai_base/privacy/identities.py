# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Find a person in raw data: webhook payloads and queued jobs.

A person is described by *needles*: their e-mails, phone numbers (as digits), Chatwoot
contact ids and opaque tokens (WhatsApp BSUIDs, contact identifiers). Matching is structural
where it can be: a contact id only counts where Chatwoot puts a contact id (``contact_id``,
the ``id`` of a contact object, ``sender_id`` of a contact's message), because bare numbers
are everywhere in a payload. E-mails match anywhere (they are specific enough); phone numbers
match string values that look like a phone number and have the same digits.

>>> needles = build_needles(emails=["Ana@Example.com"], phones=["+55 11 98765-4321"],
...                         contact_ids=[7])
>>> payload_mentions({"event": "contact_updated", "id": 7, "name": "A"}, needles)
True
>>> payload_mentions({"event": "contact_updated", "id": 8, "email": "ANA@example.com"}, needles)
True
>>> payload_mentions({"event": "message_created", "id": 7, "content": "hi"}, needles)
False
>>> payload_mentions({"conversation": {"contact_inbox": {"contact_id": 7}}}, needles)
True
>>> payload_mentions({"content": "call me at +5511987654321"}, needles)
False
>>> payload_mentions({"source_id": "5511987654321"}, needles)
True
"""

import json
import re
from dataclasses import dataclass

#: Strings that can be a phone number: digits, spaces, + ( ) . -
PHONE_LIKE = re.compile(r"^\+?[\d\s().-]+$")
#: Fewer digits than this is not a phone number (order numbers, years, ids).
MIN_PHONE_DIGITS = 8
#: Keys under which Chatwoot nests a contact object.
CONTACT_KEYS = ("contact",)
RECORDSET_TYPE = "odoo_recordset"


@dataclass(frozen=True)
class Needles:
    """What identifies one person (or a few: a person and their addresses)."""

    emails: frozenset = frozenset()
    phones: frozenset = frozenset()
    contact_ids: frozenset = frozenset()
    tokens: frozenset = frozenset()

    def __bool__(self):
        return bool(self.emails or self.phones or self.contact_ids or self.tokens)


def normalize_email(value):
    """Lower-case, trimmed e-mail, or None when ``value`` is not one.

    >>> normalize_email("  Ana@Example.COM ")
    'ana@example.com'
    >>> normalize_email("not-an-email") is None
    True
    """
    if not isinstance(value, str):
        return None
    value = value.strip().lower()
    if "@" not in value or " " in value or len(value) < 3:
        return None
    return value


def phone_digits(value):
    """The digits of a phone-like string with enough digits, else None.

    >>> phone_digits("+55 (11) 98765-4321")
    '5511987654321'
    >>> phone_digits("2026") is None
    True
    >>> phone_digits("order 123456789") is None
    True
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not PHONE_LIKE.match(value.strip()):
        return None
    digits = re.sub(r"\D", "", value)
    return digits if len(digits) >= MIN_PHONE_DIGITS else None


def _as_int(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def build_needles(emails=(), phones=(), contact_ids=(), tokens=()):
    """Normalised needles; values that cannot identify anyone are dropped."""
    return Needles(
        emails=frozenset(filter(None, map(normalize_email, emails))),
        phones=frozenset(filter(None, map(phone_digits, phones))),
        contact_ids=frozenset(filter(lambda v: v is not None, map(_as_int, contact_ids))),
        tokens=frozenset(str(token).strip() for token in tokens if token and str(token).strip()),
    )


# ---------------------------------------------------------------------- strings
def string_mentions(value, needles):
    """A single string value: contains an e-mail, is the phone, or is a token."""
    lowered = value.lower()
    if any(email in lowered for email in needles.emails):
        return True
    if phone_digits(value) in needles.phones:
        return True
    return value.strip() in needles.tokens


def text_mentions(text, needles):
    """Free text (an error message, a non-JSON body): e-mails, bounded phones, tokens."""
    if not text:
        return False
    if string_mentions(text, needles):
        return True
    for digits in needles.phones:
        if re.search(rf"(?<!\d){digits}(?!\d)", re.sub(r"[\s().-]", "", text)):
            return True
    return any(token in text for token in needles.tokens)


# ---------------------------------------------------------------------- payloads
def _is_contact_object(node, path, parent):
    key = path[-1] if path else None
    if key in CONTACT_KEYS:
        return True
    if key != "sender":
        return False
    if path[-2:] == ("meta", "sender"):
        return True
    sender_type = node.get("type") or (parent or {}).get("sender_type")
    if sender_type:
        return str(sender_type).lower() == "contact"
    # Chatwoot leaves out the type of a top-level sender: incoming means the customer.
    return (parent or {}).get("message_type") in ("incoming", 0)


def _contact_matches(contact, needles):
    if _as_int(contact.get("id")) in needles.contact_ids:
        return True
    if normalize_email(contact.get("email")) in needles.emails:
        return True
    if phone_digits(contact.get("phone_number") or contact.get("phone")) in needles.phones:
        return True
    identifier = contact.get("identifier")
    return isinstance(identifier, str) and identifier.strip() in needles.tokens


def _references_contact_id(node, needles):
    if _as_int(node.get("contact_id")) in needles.contact_ids:
        return True
    return (
        str(node.get("sender_type") or "").lower() == "contact"
        and _as_int(node.get("sender_id")) in needles.contact_ids
    )


def _node_mentions(node, needles, path=(), parent=None):
    if isinstance(node, dict):
        if _is_contact_object(node, path, parent) and _contact_matches(node, needles):
            return True
        if _references_contact_id(node, needles):
            return True
        return any(
            _node_mentions(value, needles, (*path, str(key)), node) for key, value in node.items()
        )
    if isinstance(node, list):
        return any(_node_mentions(item, needles, path, parent) for item in node)
    if isinstance(node, str):
        return string_mentions(node, needles)
    return False


def payload_mentions(payload, needles):
    """Whether a webhook payload (dict or raw JSON text) is about the person."""
    if not needles:
        return False
    if isinstance(payload, bytes | str):
        try:
            payload = json.loads(payload)
        except ValueError:
            text = payload.decode(errors="replace") if isinstance(payload, bytes) else payload
            return text_mentions(text, needles)
    if isinstance(payload, dict):
        event = str(payload.get("event") or "")
        if event.startswith("contact_") and _contact_matches(payload, needles):
            return True
    return _node_mentions(payload, needles)


# ---------------------------------------------------------------------- SQL prefilters
def _escape_like(value):
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_patterns(needles):
    """ILIKE patterns that every raw text mentioning the person matches (a prefilter:
    matches are confirmed with :func:`payload_mentions`).

    >>> like_patterns(build_needles(emails=["a_b@x.io"], phones=["+5511987654321"]))
    ['%a\\\\_b@x.io%', '%5511987654321%']
    """
    values = sorted(needles.emails) + sorted(needles.phones) + sorted(needles.tokens)
    return [f"%{_escape_like(value)}%" for value in values]


def contact_id_regex(needles):
    """A PostgreSQL regular expression for JSON keys that may carry the contact ids.

    >>> contact_id_regex(build_needles(contact_ids=[12, 7]))
    '"(id|contact_id|sender_id)"\\\\s*:\\\\s*"?(7|12)"?([^0-9]|$)'
    >>> contact_id_regex(build_needles()) is None
    True
    """
    if not needles.contact_ids:
        return None
    ids = "|".join(str(contact_id) for contact_id in sorted(needles.contact_ids))
    return rf'"(id|contact_id|sender_id)"\s*:\s*"?({ids})"?([^0-9]|$)'


# ---------------------------------------------------------------------- queued jobs
def _recordset_hits(value, refs):
    if not isinstance(value, dict) or value.get("_type") != RECORDSET_TYPE:
        return False
    ids = value.get("ids") or []
    return bool(set(ids) & set(refs.get(value.get("model"), ())))


def _json_mentions(node, refs, needles):
    if _recordset_hits(node, refs):
        return True
    if isinstance(node, dict):
        return any(_json_mentions(value, refs, needles) for value in node.values())
    if isinstance(node, list | tuple):
        return any(_json_mentions(item, refs, needles) for item in node)
    if isinstance(node, str):
        return string_mentions(node, needles)
    return False


def job_mentions(job, refs, needles):
    """Whether a stored queue job is about the person.

    ``job`` holds the raw columns: ``records``, ``args``, ``kwargs`` (decoded JSON) and
    ``texts`` (description, function string, exception, result). ``refs`` maps a model name
    to the ids of that person's records. A job is theirs when it runs on their records, takes
    their records as arguments, or carries their e-mail, phone or tokens.

    >>> refs = {"chatwoot.webhook.event": {5}}
    >>> job = {"records": {"_type": "odoo_recordset", "model": "chatwoot.webhook.event",
    ...                    "ids": [5]}, "args": [], "kwargs": {}, "texts": []}
    >>> job_mentions(job, refs, build_needles())
    True
    >>> job["records"]["ids"] = [6]
    >>> job_mentions(job, refs, build_needles())
    False
    >>> job_mentions({**job, "args": ["ana@example.com"]}, refs,
    ...              build_needles(emails=["ana@example.com"]))
    True
    """
    if _recordset_hits(job.get("records"), refs):
        return True
    if _json_mentions(job.get("args"), refs, needles):
        return True
    if _json_mentions(job.get("kwargs"), refs, needles):
        return True
    return any(text_mentions(text, needles) for text in job.get("texts") or () if text)
