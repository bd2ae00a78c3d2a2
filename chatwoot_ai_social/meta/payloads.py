# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Split Meta webhook deliveries into items and parse each item into plain dictionaries.

A delivery batches ``entry[]`` objects, each with ``changes[]`` (Pages feed, Instagram
comments, WhatsApp) or ``messaging[]`` (Messenger) items; a WhatsApp change carries several
``messages[]`` and ``statuses[]``. :func:`split_items` gives one item per thing to store, with
the key that makes a redelivery a duplicate; :func:`parse_item` turns a stored item into the
values the models write.

>>> raw = (b'{"object":"page","entry":[{"id":"10","time":1757000000,"changes":[{"field":"feed",'
...        b'"value":{"item":"comment","verb":"add","comment_id":"5_7","post_id":"10_5",'
...        b'"parent_id":"10_5","message":"Qual o pre\\\\u00e7o?","from":{"id":"99","name":"Ana"},'
...        b'"created_time":1757000000}}]}]}')
>>> [item] = split_items(check_delivery(json.loads(raw)))
>>> item["target_id"], item["kind"], item["key"][:9]
('10', 'comment', 'fb:5_7:ad')
>>> comment = parse_item(item)
>>> comment["body"], comment["parent_external_id"], comment["verb"]
('Qual o preço?', None, 'add')
"""

import hashlib
import json

OBJECTS = ("page", "instagram", "whatsapp_business_account")
COMMENT_FIELDS = {"feed": "facebook", "comments": "instagram", "live_comments": "instagram"}
#: Facebook spells the edit verb both ways (restfb #749).
VERBS = {
    "add": "add",
    "edited": "edited",
    "edit": "edited",
    "remove": "remove",
    "hide": "hide",
    "unhide": "unhide",
}
WA_STATUSES = ("sent", "delivered", "read", "failed")


class PayloadError(ValueError):
    """The delivery is not one Meta sends: an unknown ``object``, no entries."""


def check_delivery(payload):
    """``payload`` (the decoded JSON object Meta signed) when it is a delivery Meta sends:
    an ``object`` this suite handles and an ``entry`` list; ``PayloadError`` otherwise."""
    if payload.get("object") not in OBJECTS:
        raise PayloadError(f"unknown object {payload.get('object')!r}")
    if not isinstance(payload.get("entry"), list):
        raise PayloadError("the delivery has no entry list")
    return payload


def _digest(value):
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _item(obj, entry, field, value, target_id, kind, key):
    return {
        "object": obj,
        "entry_id": str(entry.get("id") or ""),
        "time": entry.get("time"),
        "field": field,
        "value": value,
        "target_id": str(target_id or entry.get("id") or ""),
        "kind": kind,
        "key": key,
    }


def split_items(payload):
    """One item per comment change, WhatsApp message, status or Messenger event.

    Each item is a dict with ``target_id`` (Page, Instagram account or phone-number id the
    item is for), ``kind`` (``comment``, ``wa_message``, ``wa_status``, ``messaging``,
    ``ignored``), ``key`` (stable over redeliveries) and what :func:`parse_item` reads.
    Entries and changes of unexpected shapes are skipped, never fatal.
    """
    obj = payload["object"]
    items = []
    for entry in payload["entry"]:
        if not isinstance(entry, dict):
            continue
        for change in entry.get("changes") or ():
            if isinstance(change, dict) and isinstance(change.get("value"), dict):
                items.extend(_change_items(obj, entry, change["field"], change["value"]))
        for event in entry.get("messaging") or ():
            if isinstance(event, dict):
                mid = (event.get("message") or {}).get("mid") or _digest(event)
                items.append(_item(obj, entry, "messaging", event, None, "messaging", f"m:{mid}"))
    return items


def _change_items(obj, entry, field, value):
    if obj == "whatsapp_business_account":
        return _whatsapp_items(obj, entry, field, value)
    platform = COMMENT_FIELDS.get(field)
    if platform == "facebook" and value.get("item") == "comment" and value.get("comment_id"):
        verb = VERBS.get(value.get("verb"), value.get("verb"))
        key = f"fb:{value['comment_id']}:{verb}:{_digest(value)}"
        return [_item(obj, entry, field, value, None, "comment", key)]
    if platform == "instagram" and value.get("id"):
        key = f"ig:{value['id']}:{_digest(value)}"
        return [_item(obj, entry, field, value, None, "comment", key)]
    return []


def _whatsapp_items(obj, entry, field, value):
    if field != "messages":
        return []
    metadata = value.get("metadata") or {}
    target = metadata.get("phone_number_id")
    context = {"metadata": metadata, "contacts": value.get("contacts") or []}
    items = []
    for message in value.get("messages") or ():
        if isinstance(message, dict) and message.get("id"):
            data = dict(context, message=message)
            key = f"wa:m:{message['id']}"
            items.append(_item(obj, entry, field, data, target, "wa_message", key))
    for status in value.get("statuses") or ():
        if isinstance(status, dict) and status.get("id") and status.get("status"):
            data = dict(context, status=status)
            key = f"wa:s:{status['id']}:{status['status']}:{_digest(status)}"
            items.append(_item(obj, entry, field, data, target, "wa_status", key))
    return items


def _int(value):
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def parse_item(item):
    """The plain values of one stored item (see :func:`split_items`), by ``kind``."""
    if item["kind"] == "comment":
        if item["field"] == "feed":
            return parse_facebook_comment(item)
        return parse_instagram_comment(item)
    if item["kind"] == "wa_message":
        return parse_whatsapp_message(item)
    if item["kind"] == "wa_status":
        return parse_whatsapp_status(item)
    return None


def parse_facebook_comment(item):
    value = item["value"]
    author = value.get("from") or {}
    post_id = value.get("post_id")
    parent = value.get("parent_id")
    return {
        "platform": "facebook",
        "external_id": str(value["comment_id"]),
        "verb": VERBS.get(value.get("verb"), "add"),
        "body": value.get("message"),
        "author_external_id": str(author["id"]) if author.get("id") else None,
        "author_name": author.get("name"),
        "post_external_id": post_id,
        # Top-level comments name the post as their parent.
        "parent_external_id": parent if parent and parent != post_id else None,
        "created_at": _int(value.get("created_time")),
        "event_time": _int(item.get("time")) or _int(value.get("created_time")),
    }


def parse_instagram_comment(item):
    value = item["value"]
    author = value.get("from") or {}
    media = value.get("media") or {}
    return {
        "platform": "instagram",
        "external_id": str(value["id"]),
        "verb": "add",
        "body": value.get("text"),
        "author_external_id": str(author["id"]) if author.get("id") else None,
        "author_name": author.get("username"),
        "post_external_id": media.get("id"),
        "parent_external_id": value.get("parent_id"),
        "created_at": _int(item.get("time")),
        "event_time": _int(item.get("time")),
        "live": item["field"] == "live_comments",
    }


def _contact_for(contacts, wa_id):
    for contact in contacts:
        if isinstance(contact, dict) and (not wa_id or contact.get("wa_id") == wa_id):
            return contact
    return contacts[0] if contacts and isinstance(contacts[0], dict) else {}


def parse_whatsapp_message(item):
    """An inbound message; ``wa_id`` may be missing when only the BSUID is known."""
    value = item["value"]
    message = value["message"]
    wa_id = message.get("from") if str(message.get("from") or "").isdigit() else None
    contact = _contact_for(value.get("contacts") or [], wa_id)
    wa_id = wa_id or contact.get("wa_id")
    kind = message.get("type") or "text"
    body = (message.get(kind) or {}).get("body") if kind == "text" else None
    if body is None and isinstance(message.get(kind), dict):
        body = message[kind].get("caption") or message[kind].get("text")
    return {
        "wamid": message["id"],
        "phone_number_id": (value.get("metadata") or {}).get("phone_number_id"),
        "wa_id": wa_id,
        "user_id": contact.get("user_id") or message.get("from_user_id"),
        "parent_user_id": contact.get("parent_user_id"),
        "name": (contact.get("profile") or {}).get("name"),
        "username": (contact.get("profile") or {}).get("username"),
        "timestamp": _int(message.get("timestamp")),
        "message_type": kind,
        "body": body,
    }


def parse_whatsapp_status(item):
    status = item["value"]["status"]
    errors = status.get("errors") or []
    error = errors[0] if errors and isinstance(errors[0], dict) else {}
    return {
        "wamid": status["id"],
        "status": status["status"] if status["status"] in WA_STATUSES else None,
        "timestamp": _int(status.get("timestamp")),
        "recipient_id": status.get("recipient_id"),
        "recipient_user_id": status.get("recipient_user_id"),
        "error_code": _int(error.get("code")),
        "error_title": error.get("title") or error.get("message"),
    }
