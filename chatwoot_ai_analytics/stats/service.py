# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Service efficiency with Chatwoot's metric definitions, from mirrored conversations and messages.

Definitions (Chatwoot reports v2 and its ``reporting_events``; calendar time, in seconds):

* **First response time**: from the first incoming customer message to the first reply of a
  human agent. Bot and assistant replies do not stop the clock; private notes and activity
  messages are ignored.
* **Reply time**: every later human reply, measured from the first customer message it answers
  (the first incoming message since the previous human reply). The first response is not a
  reply time, as in Chatwoot.
* **Resolution time**: from conversation creation to its (first) resolution; a reopen does not
  restart that clock. **Resolutions** count resolved conversations.
* **Bot conversations** got at least one reply from a bot (``agent_bot``) or Captain
  (``captain_assistant``). A bot conversation is a **bot resolution** when it was resolved
  without any human reply and a **hand-off** when a human replied. Rates are over the bot
  conversations.
* **CSAT**: share of survey ratings of 4 or 5 on the 1..5 scale (Chatwoot's satisfaction score),
  with the response count and the mean rating.

Medians and 90th percentiles are reported next to the means because response times are very
skewed (a few overnight waits dominate the mean).

Rows expected (tuples, as the Odoo side reads them with SQL):

* ``conversations``: ``(conversation_id, created_at, resolved_at, inbox, channel, agent)`` plus
  an optional 7th item ``csat_rating`` (1..5 or None). ``resolved_at`` is None when unresolved;
  ``inbox``/``channel``/``agent`` are any group keys (ids or names, None allowed).
* ``messages``: ``(conversation_id, created_at, message_type, sender_type, private)`` plus an
  optional 6th item ``agent`` (who sent it, the key ``agent`` groups replies by) with
  ``message_type`` in ``incoming``/``outgoing``/``activity``/``template`` (or Chatwoot's 0..3)
  and ``sender_type`` in ``contact``/``user``/``agent_bot``/``captain_assistant`` (Chatwoot's
  ``Contact``/``User``/``AgentBot``/``Captain::Assistant`` are accepted too). Messages of
  unknown conversations are ignored.

Grouped metrics count each event where and when Chatwoot's ``reporting_events`` do: a first
response or a reply in the period it was sent and for the agent who sent it (the message's
``agent``, else the conversation's), a resolution in the period it happened (for the
conversation's agent), a conversation in the period it was opened. One conversation that runs
from March into April, answered by two agents, counts in both months and for both agents.

Times are ``datetime`` objects (naive UTC, as Odoo stores them) or Unix seconds. With
``business_hours`` (a :class:`BusinessHours`) every duration counts working time only, like
Chatwoot's ``value_in_business_hours``; holidays are not modelled.
"""

from dataclasses import dataclass

import numpy as np

GROUP_FIELDS = ("inbox", "channel", "agent", "period")
PERIODS = ("day", "week", "month", "year")
_MESSAGE_TYPES = {"incoming": 0, "outgoing": 1, "activity": 2, "template": 3}
_SENDER_TYPES = {
    "contact": "contact",
    "user": "user",
    "agent_bot": "agent_bot",
    "agentbot": "agent_bot",
    "captain_assistant": "captain_assistant",
    "captain::assistant": "captain_assistant",
}
_BOT_SENDERS = ("agent_bot", "captain_assistant")
_SATISFIED_RATING = 4
_SECONDS_PER_DAY = 86400
_SECONDS_PER_HOUR = 3600
# 1970-01-01 (day 0) was a Thursday: weekday index 3 with Monday = 0.
_EPOCH_WEEKDAY = 3


@dataclass(frozen=True)
class BusinessHours:
    """Working hours: ``open_hour`` to ``close_hour`` local time on ``weekdays`` (0 = Monday).

    ``utc_offset_hours`` turns the UTC timestamps into local time (-3 for Brasília). Durations
    are differences of :meth:`clock`, the working seconds elapsed since a fixed origin, so a
    message at 17:00 answered at 10:00 the next working day waits 2 working hours.

    >>> hours = BusinessHours(open_hour=9, close_hour=18)
    >>> monday_17h, tuesday_10h = 4 * 86400 + 17 * 3600, 5 * 86400 + 10 * 3600
    >>> float(hours.elapsed(monday_17h, tuesday_10h)) / 3600
    2.0
    """

    open_hour: float = 9.0
    close_hour: float = 18.0
    weekdays: tuple = (0, 1, 2, 3, 4)
    utc_offset_hours: float = 0.0

    def clock(self, seconds):
        """Working seconds from a fixed Monday 00:00 to each instant (NaN stays NaN)."""
        seconds = np.asarray(seconds, dtype=float)
        local = seconds + self.utc_offset_hours * _SECONDS_PER_HOUR
        day = np.floor(np.nan_to_num(local) / _SECONDS_PER_DAY)
        since_monday = day + _EPOCH_WEEKDAY
        week, weekday = np.divmod(since_monday, 7)
        weekday = weekday.astype(np.int64)
        open_seconds = self.open_hour * _SECONDS_PER_HOUR
        day_length = max(self.close_hour - self.open_hour, 0.0) * _SECONDS_PER_HOUR
        lengths = np.array([day_length if d in self.weekdays else 0.0 for d in range(7)])
        before_weekday = np.r_[0.0, np.cumsum(lengths)[:-1]]
        into_day = np.nan_to_num(local) - day * _SECONDS_PER_DAY - open_seconds
        today = np.clip(into_day, 0.0, lengths[weekday])
        clock = week * lengths.sum() + before_weekday[weekday] + today
        return np.where(np.isnan(seconds), np.nan, clock)

    def elapsed(self, start_seconds, end_seconds):
        """Working seconds between two instants (arrays or scalars)."""
        return self.clock(end_seconds) - self.clock(start_seconds)


def _seconds(values):
    """Unix seconds of datetimes or numbers; None becomes NaN."""
    values = list(values)
    missing = np.array([value is None for value in values], dtype=bool)
    present = [value for value in values if value is not None]
    result = np.full(len(values), np.nan)
    if not present:
        return result
    if all(isinstance(value, (int, float, np.integer, np.floating)) for value in present):
        result[~missing] = np.asarray(present, dtype=float)
    else:
        result[~missing] = np.array(present, dtype="datetime64[us]").astype(np.int64) / 1e6
    return result


def _period_keys(seconds, period):
    if period not in PERIODS:
        raise ValueError(f"period must be one of {PERIODS}")
    instants = np.asarray(np.nan_to_num(seconds), dtype=np.int64).astype("datetime64[s]")
    days = instants.astype("datetime64[D]")
    if period == "week":
        # ISO weeks start on Monday; 1970-01-01 was a Thursday (day 0 -> weekday index 3).
        day_numbers = days.astype(np.int64)
        days = (day_numbers - (day_numbers + 3) % 7).astype("datetime64[D]")
    unit = {"day": "D", "week": "D", "month": "M", "year": "Y"}[period]
    keys = days.astype(f"datetime64[{unit}]").astype(str)
    return np.where(np.isnan(seconds), None, keys.astype(object))


def _sender(value):
    return _SENDER_TYPES.get(str(value).lower(), str(value).lower()) if value else ""


def _message_arrays(messages, conversation_index):
    kept = [row for row in messages if row[0] in conversation_index]
    if not kept:
        empty = np.zeros(0, dtype=bool)
        agents = np.zeros(0, dtype=object)
        return np.zeros(0, dtype=np.int64), np.zeros(0), empty, empty, empty, empty, agents
    conversation_ids, times, types, senders, private = (
        [row[column] for row in kept] for column in range(5)
    )
    agents = np.array([row[5] if len(row) > 5 else None for row in kept], dtype=object)
    codes = np.array([conversation_index[key] for key in conversation_ids], dtype=np.int64)
    seconds = _seconds(times)
    type_codes = np.array(
        [_MESSAGE_TYPES.get(value, value) if isinstance(value, str) else value for value in types]
    )
    senders = np.array([_sender(value) for value in senders])
    public = ~np.array([bool(value) for value in private])
    order = np.lexsort((np.arange(len(codes)), seconds, codes))
    incoming = (type_codes == 0) & public
    outgoing = (type_codes == 1) & public
    human = outgoing & (senders == "user")
    bot = outgoing & np.isin(senders, _BOT_SENDERS)
    return (
        codes[order],
        seconds[order],
        incoming[order],
        outgoing[order],
        human[order],
        bot[order],
        agents[order],
    )


def _response_delays(codes, seconds, incoming, human):
    """Per human reply: conversation code, delay since the message it answers, first flag and
    the reply's position in the message arrays."""
    if not len(codes):
        empty = np.zeros(0, dtype=np.int64)
        return empty, np.zeros(0), np.zeros(0, dtype=bool), empty
    # A segment runs from just after a human reply (or the conversation start) to the next one.
    starts = np.r_[True, (codes[1:] != codes[:-1]) | human[:-1]]
    segment = np.cumsum(starts) - 1
    first_incoming = np.full(segment[-1] + 1, np.inf)
    np.minimum.at(first_incoming, segment[incoming], seconds[incoming])
    replies = np.flatnonzero(human)
    delays = seconds[replies] - first_incoming[segment[replies]]
    answered = np.isfinite(delays)
    replies, delays = replies[answered], delays[answered]
    reply_codes = codes[replies]
    # Replies are in time order within a conversation: the first one answering anything is the
    # first response.
    _unique, first_positions = np.unique(reply_codes, return_index=True)
    is_first = np.zeros(len(replies), dtype=bool)
    is_first[first_positions] = True
    return reply_codes, delays, is_first, replies


def conversation_facts(conversations, messages, business_hours=None):
    """Per-conversation service facts, aligned with ``conversations`` (see the module rows).

    Returns a dict of arrays: ``first_response_seconds`` and ``resolution_seconds`` (NaN when
    none), ``incoming``/``outgoing`` message counts, the booleans ``resolved``,
    ``bot_handled``, ``human_replied``, ``bot_resolved``, ``handoff``, ``csat`` (NaN without
    rating), plus ``reply_conversation``/``reply_seconds`` (one entry per reply time).
    Durations count working time only when ``business_hours`` is given.
    """
    conversations = list(conversations)
    count = len(conversations)
    index = {row[0]: position for position, row in enumerate(conversations)}
    created = _seconds([row[1] for row in conversations])
    resolved_at = _seconds([row[2] for row in conversations])
    csat = _seconds([row[6] if len(row) > 6 else None for row in conversations])
    codes, seconds, incoming, outgoing, human, bot, agents = _message_arrays(messages, index)
    sent_at = seconds  # calendar time of each message, what periods are keyed on
    if business_hours is not None:
        # The working clock never runs backwards, so the earliest message of a segment still has
        # the earliest clock value and every delay becomes a difference of clocks.
        seconds = business_hours.clock(seconds)
        start, end = business_hours.clock(created), business_hours.clock(resolved_at)
    else:
        start, end = created, resolved_at
    reply_codes, delays, is_first, positions = _response_delays(codes, seconds, incoming, human)
    assignees = [row[5] if len(row) > 5 else None for row in conversations]
    reply_agents = np.array(
        [
            agent if agent not in (None, "", False) else assignees[code]
            for agent, code in zip(agents[positions].tolist(), reply_codes.tolist(), strict=True)
        ],
        dtype=object,
    )
    first_response_at = np.full(count, np.nan)
    first_response_at[reply_codes[is_first]] = sent_at[positions[is_first]]
    first_response_agent = np.array(assignees, dtype=object)
    first_response_agent[reply_codes[is_first]] = reply_agents[is_first]

    first_response = np.full(count, np.nan)
    first_response[reply_codes[is_first]] = delays[is_first]
    resolved = ~np.isnan(resolved_at)
    bot_handled = np.bincount(codes[bot], minlength=count) > 0
    human_replied = np.bincount(codes[human], minlength=count) > 0
    return {
        "first_response_seconds": first_response,
        "resolution_seconds": np.where(resolved, end - start, np.nan),
        "incoming": np.bincount(codes[incoming], minlength=count),
        "outgoing": np.bincount(codes[outgoing], minlength=count),
        "resolved": resolved,
        "bot_handled": bot_handled,
        "human_replied": human_replied,
        "bot_resolved": resolved & bot_handled & ~human_replied,
        "handoff": bot_handled & human_replied,
        "csat": csat,
        "created_seconds": created,
        "resolved_seconds": resolved_at,
        "first_response_at": first_response_at,
        "first_response_agent": first_response_agent,
        "reply_conversation": reply_codes[~is_first],
        "reply_seconds": delays[~is_first],
        "reply_at": sent_at[positions[~is_first]],
        "reply_agent": reply_agents[~is_first],
    }


def _stat(values, function):
    values = values[~np.isnan(values)]
    return float(function(values)) if len(values) else None


def _rate(part, whole):
    return float(part / whole) if whole else None


def _summarise(facts, members, reply_members, first_members=None, resolved_members=None):
    """Metrics of the conversations in ``members``; first responses, replies and resolutions
    of the events in their own masks (by default the same conversations')."""
    first_members = members if first_members is None else first_members
    resolved_members = members if resolved_members is None else resolved_members
    first_response = facts["first_response_seconds"][first_members]
    resolution = facts["resolution_seconds"][resolved_members]
    replies = facts["reply_seconds"][reply_members]
    csat = facts["csat"][members]
    csat = csat[~np.isnan(csat)]
    bot_conversations = int(facts["bot_handled"][members].sum())
    bot_resolutions = int(facts["bot_resolved"][members].sum())
    handoffs = int(facts["handoff"][members].sum())
    return {
        "conversations": int(members.sum()),
        "incoming_messages": int(facts["incoming"][members].sum()),
        "outgoing_messages": int(facts["outgoing"][members].sum()),
        "first_responses": int((~np.isnan(first_response)).sum()),
        "first_response_avg": _stat(first_response, np.mean),
        "first_response_median": _stat(first_response, np.median),
        "first_response_p90": _stat(first_response, lambda v: np.percentile(v, 90)),
        "replies": int(len(replies)),
        "reply_time_avg": _stat(replies, np.mean),
        "reply_time_median": _stat(replies, np.median),
        "resolutions": int(facts["resolved"][resolved_members].sum()),
        "resolution_avg": _stat(resolution, np.mean),
        "resolution_median": _stat(resolution, np.median),
        "bot_conversations": bot_conversations,
        "bot_resolutions": bot_resolutions,
        "bot_resolution_rate": _rate(bot_resolutions, bot_conversations),
        "handoffs": handoffs,
        "handoff_rate": _rate(handoffs, bot_conversations),
        "csat_responses": int(len(csat)),
        "csat_score": _rate(int((csat >= _SATISFIED_RATING).sum()), len(csat)),
        "csat_average": float(csat.mean()) if len(csat) else None,
    }


def _fields(group_by):
    fields = (group_by,) if isinstance(group_by, str) else tuple(group_by)
    unknown = set(fields) - set(GROUP_FIELDS)
    if unknown:
        raise ValueError(f"cannot group by {sorted(unknown)}; use {GROUP_FIELDS}")
    return fields


def _event_keys(conversations, fields, period, codes, seconds, agents):
    """Group key of each event: its conversation's inbox and channel, its own agent and the
    period of its own time."""
    columns = []
    for name in fields:
        if name == "period":
            columns.append(_period_keys(seconds, period).tolist())
        elif name == "agent":
            columns.append(list(agents))
        else:
            position = 3 + GROUP_FIELDS.index(name)
            columns.append([conversations[code][position] for code in codes])
    keys = list(zip(*columns, strict=True)) if columns else []
    return keys if len(fields) > 1 else [key[0] for key in keys]


def service_metrics(conversations, messages, group_by=None, period="month", business_hours=None):
    """Service metrics overall (``group_by`` None) or per group.

    ``group_by`` is one of :data:`GROUP_FIELDS` or a tuple of them, e.g. ``("period", "inbox")``;
    periods bucket each event by its own time (``period`` day, ISO week starting Monday, month
    or year, as ``"2026-03"``-style strings) and ``agent`` credits replies to who sent them (see
    the module docstring). Grouped results are a dict from group key
    (a tuple for several fields) to the metrics dict; metric values with nothing to measure
    are None. ``business_hours`` (a :class:`BusinessHours`) counts working time only. See the
    module docstring for the definitions and row shapes.
    """
    conversations = list(conversations)
    facts = conversation_facts(conversations, messages, business_hours)
    everyone = np.ones(len(conversations), dtype=bool)
    if group_by is None:
        return _summarise(facts, everyone, np.ones(len(facts["reply_seconds"]), dtype=bool))
    fields = _fields(group_by)
    positions = np.arange(len(conversations))
    assignees = [row[5] for row in conversations]
    opened = _event_keys(
        conversations, fields, period, positions, facts["created_seconds"], assignees
    )
    first = _event_keys(
        conversations,
        fields,
        period,
        positions,
        facts["first_response_at"],
        facts["first_response_agent"],
    )
    resolved = _event_keys(
        conversations, fields, period, positions, facts["resolved_seconds"], assignees
    )
    replies = _event_keys(
        conversations,
        fields,
        period,
        facts["reply_conversation"],
        facts["reply_at"],
        facts["reply_agent"],
    )
    has_first = ~np.isnan(facts["first_response_seconds"])
    key_index = {}
    for keys, present in (
        (opened, None),
        (first, has_first),
        (resolved, facts["resolved"]),
        (replies, None),
    ):
        for position, key in enumerate(keys):
            if present is None or present[position]:
                key_index.setdefault(key, len(key_index))

    def codes_of(keys):
        return np.array([key_index.get(key, -1) for key in keys], dtype=np.int64)

    opened, first, resolved, replies = (codes_of(k) for k in (opened, first, resolved, replies))
    return {
        key: _summarise(
            facts,
            opened == code,
            replies == code,
            (first == code) & has_first,
            (resolved == code) & facts["resolved"],
        )
        for key, code in key_index.items()
    }
