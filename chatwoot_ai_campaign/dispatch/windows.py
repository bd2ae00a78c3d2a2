# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Send windows in a recipient's local time, with quiet weekdays.

Hours are floats (9.5 is 09:30). ``0``–``24`` (or equal bounds) means any time; a
window whose start is after its end runs overnight and belongs to the day it starts.

>>> window = Window(9.0, 20.0, frozenset({6}))  # Sundays are quiet
>>> window.opening(datetime(2026, 1, 5, 8, 0))  # Monday 08:00: opens at 09:00
(datetime.datetime(2026, 1, 5, 9, 0), datetime.datetime(2026, 1, 5, 20, 0))
>>> window.opening(datetime(2026, 1, 3, 21, 0))[0]  # Saturday evening: Monday 09:00
datetime.datetime(2026, 1, 5, 9, 0)
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LOOKAHEAD_DAYS = 15


def parse_weekdays(text):
    """Weekday numbers (Monday = 0) from "5,6" or "5 6"; unknown items are ignored.

    >>> sorted(parse_weekdays("5, 6, 9, x"))
    [5, 6]
    """
    items = (item.strip() for item in (text or "").replace(" ", ",").split(","))
    return frozenset(int(item) for item in items if item.isdigit() and int(item) < 7)


def _at(day, hour):
    minutes = round(hour * 60)
    return datetime.combine(day, time()) + timedelta(minutes=minutes)


@dataclass(frozen=True)
class Window:
    start: float = 0.0
    end: float = 24.0
    quiet_weekdays: frozenset = field(default_factory=frozenset)

    @property
    def any_time(self):
        return self.start == self.end or (self.start <= 0 and self.end >= 24)

    def opening(self, local, earliest_hour=None):
        """``(open, close)``: the first local instant at or after ``local`` inside the window
        on a day that is not quiet, and when that window closes; ``(None, None)`` if none in
        the coming weeks. ``earliest_hour`` (a preferred hour) opens a day's window later.
        """
        for offset in range(-1, LOOKAHEAD_DAYS):
            day = local.date() + timedelta(days=offset)
            if day.weekday() in self.quiet_weekdays:
                continue
            if self.any_time:
                begin, close = _at(day, 0), _at(day, 24)
            else:
                begin, close = _at(day, self.start), _at(day, self.end)
                if self.end < self.start:
                    close += timedelta(days=1)
            if earliest_hour is not None:
                preferred = _at(day, earliest_hour)
                if self.end < self.start and earliest_hour < self.start:
                    preferred += timedelta(days=1)
                if begin <= preferred < close:
                    begin = preferred
            if close <= local:
                continue
            return max(begin, local), close
        return None, None


@lru_cache(maxsize=512)
def zone(name):
    """The ``ZoneInfo`` of ``name``; UTC for an unknown name."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def to_local(utc_naive, tz_name):
    """A naive UTC datetime as naive local time in ``tz_name``."""
    aware = utc_naive.replace(tzinfo=timezone.utc).astimezone(zone(tz_name))
    return aware.replace(tzinfo=None)


def to_utc(local_naive, tz_name):
    """A naive local datetime in ``tz_name`` as naive UTC."""
    aware = local_naive.replace(tzinfo=zone(tz_name))
    return aware.astimezone(timezone.utc).replace(tzinfo=None)


def utc_opening(utc_naive, tz_name, window, earliest_hour=None):
    """:meth:`Window.opening` for a UTC instant, answered in UTC.

    >>> w = Window(9.0, 20.0)
    >>> utc_opening(datetime(2026, 1, 5, 11, 0), "America/Cuiaba", w)  # 07:00 in Cuiabá
    (datetime.datetime(2026, 1, 5, 13, 0), datetime.datetime(2026, 1, 6, 0, 0))
    """
    begin, close = window.opening(to_local(utc_naive, tz_name), earliest_hour)
    if begin is None:
        return None, None
    return to_utc(begin, tz_name), to_utc(close, tz_name)
