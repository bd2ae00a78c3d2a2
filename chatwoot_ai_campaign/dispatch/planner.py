# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who gets the campaign, and when: dedupe, consent and caps, local send times, spreading.

The model layer gives one :class:`Candidate` per partner of the audience, with what it
read from the database (consent, blacklist, sends of the last 7 days); the planner
answers the recipients to queue and the skips with their reason. The same
:func:`skip_reason` runs again right before each send.

>>> from datetime import datetime
>>> settings = PlanSettings(start=datetime(2026, 1, 5, 10, 0), window=Window(9, 20))
>>> result = plan([
...     Candidate(1, address="+5511911110000", consent="opted_in", tz="America/Sao_Paulo"),
...     Candidate(2, address="+5511911110000", consent="opted_in"),  # same number
...     Candidate(3, address="", consent="opted_in"),
...     Candidate(4, address="+5565911110000", consent="opted_out"),
... ], settings, now=datetime(2026, 1, 5, 10, 0))
>>> [(p.partner_id, p.scheduled_at) for p in result.planned]
[(1, datetime.datetime(2026, 1, 5, 12, 0))]
>>> sorted((s.partner_id, s.reason) for s in result.skipped)
[(2, 'duplicate'), (3, 'no_address'), (4, 'opted_out')]
"""

import heapq
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .constants import PRIORITY_RANK
from .timezones import recipient_timezone
from .windows import Window, utc_opening


@dataclass
class Candidate:
    """One partner of the audience, as the planner needs it (plain data only)."""

    partner_id: int
    commercial_partner_id: int = 0
    address: str = ""
    phone: str = ""
    tz: str = ""
    consent: str = ""  # latest status on the campaign's consent channel, "" if none
    blacklisted: bool = False
    sent_last_7_days: int = 0
    weekly_cap: int = 0  # 0: no cap
    topic_allowed: bool = True
    preferred_hour: float | None = None


@dataclass(frozen=True)
class PlanSettings:
    start: datetime
    end: datetime | None = None
    window: Window = field(default_factory=Window)
    priority: str = "normal"
    #: True: an explicit opt-in is needed (WhatsApp, e-mail in an opt-in regime);
    #: False: everyone who did not opt out (e-mail in an opt-out regime).
    consent_required: bool = True
    default_tz: str = "UTC"
    #: Sends per minute over all senders, to spread the queue; 0 schedules at the opening.
    rate_per_minute: float = 0.0


@dataclass
class Planned:
    partner_id: int
    scheduled_at: datetime
    tz: str
    address: str
    priority_rank: int


@dataclass
class Skipped:
    partner_id: int
    reason: str
    address: str = ""


@dataclass
class PlanResult:
    planned: list
    skipped: list

    def reasons(self):
        """Skip counts per reason."""
        counts = {}
        for skip in self.skipped:
            counts[skip.reason] = counts.get(skip.reason, 0) + 1
        return counts


def skip_reason(candidate, settings):
    """Why ``candidate`` must not get the message now, or None (duplicates aside).

    >>> s = PlanSettings(start=datetime(2026, 1, 1))
    >>> skip_reason(Candidate(1, address="a@b.c", consent="opted_in", weekly_cap=2,
    ...                       sent_last_7_days=2), s)
    'frequency_cap'
    >>> skip_reason(Candidate(1, address="a@b.c", consent="opted_in", weekly_cap=2,
    ...     sent_last_7_days=2), PlanSettings(start=datetime(2026, 1, 1), priority="transactional"))
    """
    if not candidate.address:
        return "no_address"
    if candidate.blacklisted:
        return "blacklisted"
    if candidate.consent == "opted_out" or not candidate.topic_allowed:
        return "opted_out"
    if settings.consent_required and candidate.consent != "opted_in":
        return "no_consent"
    transactional = settings.priority == "transactional"
    if (
        not transactional
        and candidate.weekly_cap
        and candidate.sent_last_7_days >= candidate.weekly_cap
    ):
        return "frequency_cap"
    return None


def dedupe(candidates):
    """``(kept, duplicates)``: one candidate per commercial partner and per address."""
    seen_partners, seen_addresses = set(), set()
    kept, duplicates = [], []
    for candidate in candidates:
        partner_key = candidate.commercial_partner_id or candidate.partner_id
        address_key = (candidate.address or "").strip().lower()
        if partner_key in seen_partners or (address_key and address_key in seen_addresses):
            duplicates.append(candidate)
            continue
        seen_partners.add(partner_key)
        if address_key:
            seen_addresses.add(address_key)
        kept.append(candidate)
    return kept, duplicates


def plan(candidates, settings, now):
    """Plan ``candidates`` (an iterable of :class:`Candidate`) for ``settings`` at ``now``.

    ``now`` and every datetime are naive UTC. Planned recipients come ordered by send
    time; each keeps at least ``60 / rate_per_minute`` seconds from the previous one.
    """
    kept, duplicates = dedupe(candidates)
    skipped = [Skipped(c.partner_id, "duplicate", c.address) for c in duplicates]
    earliest = max(now, settings.start)
    rank = PRIORITY_RANK.get(settings.priority, PRIORITY_RANK["normal"])
    # Transactional messages go out at once: no window, no quiet days.
    window = Window() if settings.priority == "transactional" else settings.window
    openings = {}
    heap = []
    for sequence, candidate in enumerate(kept):
        reason = skip_reason(candidate, settings)
        if reason:
            skipped.append(Skipped(candidate.partner_id, reason, candidate.address))
            continue
        tz = recipient_timezone(
            candidate.tz, candidate.phone or candidate.address, settings.default_tz
        )
        key = (tz, candidate.preferred_hour)
        if key not in openings:
            openings[key] = utc_opening(earliest, tz, window, candidate.preferred_hour)
        begin, close = openings[key]
        if begin is None or (settings.end and begin >= settings.end):
            skipped.append(Skipped(candidate.partner_id, "outside_validity", candidate.address))
            continue
        heap.append((begin, sequence, close, tz, candidate))
    heapq.heapify(heap)
    interval = (
        timedelta(seconds=60.0 / settings.rate_per_minute) if settings.rate_per_minute else None
    )
    planned = []
    cursor = None
    while heap:
        begin, sequence, close, tz, candidate = heapq.heappop(heap)
        slot = begin if cursor is None or interval is None else max(begin, cursor)
        if slot >= close:
            # The day's window filled up: the next opening of that zone.
            begin, close = utc_opening(close, tz, window, candidate.preferred_hour)
            if begin is None or (settings.end and begin >= settings.end):
                skipped.append(Skipped(candidate.partner_id, "outside_validity", candidate.address))
            else:
                heapq.heappush(heap, (begin, sequence, close, tz, candidate))
            continue
        if settings.end and slot >= settings.end:
            skipped.append(Skipped(candidate.partner_id, "outside_validity", candidate.address))
            continue
        planned.append(Planned(candidate.partner_id, slot, tz, candidate.address, rank))
        if interval is not None:
            cursor = slot + interval
    return PlanResult(planned, skipped)


def order_by_priority(items):
    """Claim order across campaigns: priority rank, then send time.

    >>> a = Planned(1, datetime(2026, 1, 1, 10), "UTC", "x", PRIORITY_RANK["low"])
    >>> b = Planned(2, datetime(2026, 1, 1, 11), "UTC", "y", PRIORITY_RANK["high"])
    >>> [p.partner_id for p in order_by_priority([a, b])]
    [2, 1]
    """
    return sorted(items, key=lambda item: (item.priority_rank, item.scheduled_at, item.partner_id))
