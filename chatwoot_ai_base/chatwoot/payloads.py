"""Parse Chatwoot webhook deliveries into plain dictionaries the models store.

Chatwoot's payloads have quirks (see the suite's Chatwoot reference):

* message events are the message with the conversation embedded; conversation events are the
  conversation itself at the top level, without an ``account`` key;
* ``message_type`` is a string at the top level but an integer inside ``conversation.messages``;
* ``conversation.id`` is the per-account display id, not a database id;
* times are ISO-8601 strings at the top level and Unix seconds (sometimes fractional) inside.
"""

import hashlib
import json
from datetime import UTC, datetime

MESSAGE_EVENTS = ("message_created", "message_updated")
CONVERSATION_EVENTS = (
    "conversation_created",
    "conversation_status_changed",
    "conversation_updated",
    "conversation_opened",
    "conversation_resolved",
)
CONTACT_EVENTS = ("contact_created", "contact_updated")
SUPPORTED_EVENTS = MESSAGE_EVENTS + CONVERSATION_EVENTS + CONTACT_EVENTS
#: Events whose object changes over time: their dedupe key carries the version.
UPDATE_EVENTS = (
    "message_updated",
    "conversation_status_changed",
    "conversation_updated",
    "conversation_opened",
    "conversation_resolved",
    "contact_updated",
)
#: Legacy events carry the status in their name.
LEGACY_STATUS = {"conversation_opened": "open", "conversation_resolved": "resolved"}
MESSAGE_TYPE_BY_NUMBER = {0: "incoming", 1: "outgoing", 2: "activity", 3: "template"}
SENDER_TYPE_BY_NAME = {
    "contact": "contact",
    "user": "user",
    "agentbot": "agent_bot",
    "agent_bot": "agent_bot",
    "captain::assistant": "captain_assistant",
}


#: The largest value of PostgreSQL's ``integer``, the type of every Chatwoot id column here.
INT32_MAX = 2_147_483_647


class PayloadError(ValueError):
    """The delivery cannot be used: malformed JSON or a field its event needs is missing."""


def decode_object(body):
    """The JSON object in a raw webhook body (UTF-8 bytes); ``PayloadError`` otherwise.

    Shared by every webhook of the suite (Chatwoot, Meta): decode once, never re-serialise.
    """
    try:
        payload = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise PayloadError("the body is not UTF-8") from None
    except ValueError as error:
        raise PayloadError(f"malformed JSON: {error}") from None
    if not isinstance(payload, dict):
        raise PayloadError("the body must be a JSON object")
    return payload


def parse_body(body):
    """Decode a raw delivery (UTF-8 bytes, as Chatwoot sends) into a dict with an ``event``."""
    payload = decode_object(body)
    event = payload.get("event")
    if not isinstance(event, str) or not event:
        raise PayloadError("missing 'event'")
    return payload


def _integer_id(value, what):
    """``value`` as an id the suite can store: a whole number (or its digits) in 1..INT32_MAX."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise PayloadError(f"{what} is not an integer: {value!r}")
    try:
        number = int(value)
    except ValueError:
        raise PayloadError(f"{what} is not an integer: {value!r}") from None
    if not 1 <= number <= INT32_MAX:
        raise PayloadError(f"{what} {number} is out of range (1 to {INT32_MAX})")
    return number


def _required_id(mapping, key, what):
    value = mapping.get(key) if isinstance(mapping, dict) else None
    if value is None or (isinstance(value, str) and value.strip() == ""):
        raise PayloadError(f"missing {what}")
    return _integer_id(value, what)


def _optional_id(mapping, key, what):
    value = mapping.get(key) if isinstance(mapping, dict) else None
    if value is None or value == "":
        return None
    return _integer_id(value, what)


def object_id(payload):
    """The id of the object the event is about; raises PayloadError when absent."""
    event = payload["event"]
    if event in MESSAGE_EVENTS:
        _required_id(payload.get("conversation"), "id", "conversation.id")
        return _required_id(payload, "id", "message id")
    if event in CONVERSATION_EVENTS:
        return _required_id(payload, "id", "conversation id")
    return _required_id(payload, "id", "contact id")


def _conversation_ids(conversation, prefix):
    """The ids of a conversation (top level or embedded) that land in integer columns."""
    _optional_id(conversation, "inbox_id", f"{prefix}inbox_id")
    meta = conversation.get("meta") if isinstance(conversation.get("meta"), dict) else {}
    _optional_id(meta.get("sender"), "id", f"{prefix}meta.sender.id")


def check_storable(payload):
    """Raise PayloadError, naming the field, for an id the suite could not store or look up.

    Checked at the door (a 400), so that a delivery is never stored and then fails on every
    processing attempt: the object's id and every other Chatwoot id :func:`parse_message`,
    :func:`parse_conversation` and :func:`parse_contact` hand to an integer column or ``int()``
    (PostgreSQL's ``integer``: 1 to 2,147,483,647, as Chatwoot's own serial ids). Contact ids,
    stored as text, follow the same rule: they are Chatwoot serials too.
    """
    event = payload["event"]
    object_id(payload)
    if event in MESSAGE_EVENTS:
        _conversation_ids(payload["conversation"], "conversation.")
        _optional_id(payload.get("sender"), "id", "sender.id")
    elif event in CONVERSATION_EVENTS:
        _conversation_ids(payload, "")


def _version(payload, body):
    """What distinguishes two updates of the same object."""
    version = payload.get("updated_at")
    if version in (None, "") and payload["event"] in MESSAGE_EVENTS:
        version = next(
            (
                entry.get("updated_at")
                for entry in (payload.get("conversation") or {}).get("messages") or []
                if isinstance(entry, dict) and entry.get("id") == payload.get("id")
            ),
            None,
        )
    if version in (None, ""):
        # No version in the payload: identical bodies are the same delivery.
        return hashlib.sha256(body).hexdigest()[:32]
    return str(version)


def dedupe_key(payload, body):
    """Event + object id (+ version for update events): redeliveries share it."""
    event = payload["event"]
    key = f"{event}:{object_id(payload)}"
    if event in UPDATE_EVENTS:
        key = f"{key}:{_version(payload, body)}"
    return key


def to_datetime(value):
    """A naive UTC datetime from Unix seconds (int, float or digits) or ISO-8601, else None."""
    if value in (None, "", 0):
        return None
    try:
        if isinstance(value, int | float) or str(value).replace(".", "", 1).isdigit():
            moment = datetime.fromtimestamp(float(value), UTC)
        else:
            moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            if moment.tzinfo is not None:
                moment = moment.astimezone(UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return moment.replace(tzinfo=None, microsecond=0)


def _contact(sender):
    if not isinstance(sender, dict) or sender.get("id") in (None, ""):
        return None
    return {
        "id": int(sender["id"]),
        "name": (sender.get("name") or "").strip(),
        "email": (sender.get("email") or "").strip().lower() or None,
        "phone": (sender.get("phone_number") or "").strip() or None,
        "identifier": sender.get("identifier") or None,
    }


def _assignee_name(meta):
    assignee = meta.get("assignee")
    if isinstance(assignee, dict):
        return assignee.get("available_name") or assignee.get("name")
    return None


def parse_conversation(data, event=None):
    """Conversation fields from a conversation payload (top level or embedded)."""
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    contact_inbox = data.get("contact_inbox") if isinstance(data.get("contact_inbox"), dict) else {}
    labels = data.get("labels") if isinstance(data.get("labels"), list) else []
    status = LEGACY_STATUS.get(event) or data.get("status")
    return {
        "display_id": int(data["id"]),
        "inbox_id": data.get("inbox_id"),
        "channel_type": data.get("channel"),
        "status": status if status in ("open", "pending", "snoozed", "resolved") else None,
        "priority": data.get("priority") or "none",
        "labels": ",".join(str(label) for label in labels),
        "assignee_name": _assignee_name(meta),
        "created_at": to_datetime(data.get("created_at")),
        "first_reply_at": to_datetime(data.get("first_reply_created_at")),
        "last_activity_at": to_datetime(data.get("last_activity_at") or data.get("timestamp")),
        "updated_at": _float(data.get("updated_at")),
        "contact": _contact(meta.get("sender")),
        "source_id": contact_inbox.get("source_id"),
    }


def _float(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        moment = to_datetime(value)
        return moment.replace(tzinfo=UTC).timestamp() if moment else None


def _message_type(value):
    if isinstance(value, int) and not isinstance(value, bool):
        return MESSAGE_TYPE_BY_NUMBER.get(value, "incoming")
    return value if value in MESSAGE_TYPE_BY_NUMBER.values() else "incoming"


def _attachments(payload):
    attachments = payload.get("attachments")
    if not isinstance(attachments, list):
        return None
    return [
        {
            "url": item.get("data_url") or item.get("file_url"),
            "type": item.get("file_type"),
            "size": item.get("file_size"),
        }
        for item in attachments
        if isinstance(item, dict)
    ] or None


def parse_message(payload):
    """Message fields (with its conversation) from a message event."""
    sender = payload.get("sender") if isinstance(payload.get("sender"), dict) else {}
    message_type = _message_type(payload.get("message_type"))
    sender_type = (sender.get("type") or ("contact" if message_type == "incoming" else "")).lower()
    conversation = parse_conversation(payload["conversation"])
    contact = _contact(sender) if sender_type == "contact" else None
    return {
        "chatwoot_message_id": int(payload["id"]),
        "content": payload.get("content"),
        "message_type": message_type,
        "private": bool(payload.get("private")),
        "sender_type": SENDER_TYPE_BY_NAME.get(sender_type),
        "sender_name": sender.get("available_name") or sender.get("name"),
        "created_at": to_datetime(payload.get("created_at")),
        "status": payload.get("status")
        if payload.get("status") in ("sent", "delivered", "read", "failed")
        else "sent",
        "attachments": _attachments(payload),
        "conversation": conversation,
        "contact": contact or conversation["contact"],
        "account_id": (payload.get("account") or {}).get("id"),
    }


def parse_contact(payload):
    """Contact fields from a contact event."""
    return _contact(payload)
