# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How one webhook event changes a stored comment: plain data in, the values to write out.

Meta delivers ``add``, ``edited``, ``remove`` and ``hide`` events in any order (a retry can
bring an old ``add`` after the ``edited``). The rules make the outcome independent of order:

* ``removed`` is final: nothing brings a removed comment back, a pending reply is cancelled;
* the body only moves forward in time: an older event never overwrites a newer text;
* an edit of a comment not answered yet puts it back to triage (a new draft);
* the account's own comments are stored with ``is_own`` and never triaged or answered.

>>> event = {"verb": "add", "body": "Oi", "event_time": 10, "author_external_id": "1"}
>>> values, retriage = plan_comment_update(None, event, own_ids={"99"})
>>> values["state"], values["is_own"], retriage
('new', False, True)
>>> removed = {"state": "removed", "body": "Oi", "last_event_time": 12, "author_external_id": "1"}
>>> plan_comment_update(removed, dict(event, verb="edited", body="Olá", event_time=11), set())
({}, False)
"""

STATES = [
    ("new", "New"),
    ("drafted", "Drafted"),
    ("approved", "Approved"),
    ("replied", "Replied"),
    ("escalated", "Escalated"),
    ("hidden", "Hidden"),
    ("ignored", "Ignored"),
    ("removed", "Removed"),
]
#: States in which a reply has not gone out yet: an edit re-triages, a removal cancels.
PENDING_STATES = ("new", "drafted", "approved")
FIELDS_FROM_EVENT = (
    "author_external_id",
    "author_name",
    "post_external_id",
    "parent_external_id",
)


def _newer(event, existing):
    last = existing.get("last_event_time") or 0
    return (event.get("event_time") or 0) >= last


def plan_comment_update(existing, event, own_ids):
    """``(values, retriage)`` for ``event`` on the ``existing`` comment (a dict, or None).

    ``values`` are the fields to write (empty when nothing changes); ``retriage`` says the
    comment must be classified and drafted again.
    """
    verb = event.get("verb") or "add"
    is_own = bool(event.get("author_external_id")) and event["author_external_id"] in own_ids
    if existing is None:
        values = {key: event.get(key) for key in FIELDS_FROM_EVENT if event.get(key)}
        values.update(
            body=event.get("body") or "",
            is_own=is_own,
            last_event_time=event.get("event_time") or 0,
            state=_first_state(verb, is_own),
        )
        return values, values["state"] == "new"
    state = existing.get("state")
    # Fill what an earlier, poorer event left empty (a remove carries no author).
    values = {
        key: event[key] for key in FIELDS_FROM_EVENT if event.get(key) and not existing.get(key)
    }
    if is_own and not existing.get("is_own"):
        values["is_own"] = True
    if state == "removed":
        if event.get("body") and not existing.get("body"):
            values["body"] = event["body"]
        return values, False
    retriage = False
    newer = _newer(event, existing)
    if verb == "remove":
        values["state"] = "removed"
    elif verb == "hide":
        if state != "hidden" and newer:
            values["state"] = "hidden"
    elif verb == "unhide":
        if state == "hidden" and newer:
            values["state"] = "replied" if existing.get("reply_external_id") else "new"
            retriage = values["state"] == "new" and not existing.get("is_own")
    elif event.get("body") is not None and event["body"] != existing.get("body"):
        if newer or not existing.get("body"):
            values["body"] = event["body"]
            if state in PENDING_STATES and not (existing.get("is_own") or is_own):
                values["state"] = "new"
                retriage = True
    if newer and values:
        values["last_event_time"] = event.get("event_time") or existing.get("last_event_time")
    return values, retriage


def _first_state(verb, is_own):
    if verb == "remove":
        return "removed"
    if is_own:
        return "ignored"
    if verb == "hide":
        return "hidden"
    return "new"
