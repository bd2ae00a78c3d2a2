# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Send-time optimisation: the local hour a person usually reads or answers in.

>>> best_hour([10, 10, 11, 10, 21, 10], window_start=9, window_end=20)
10.0
>>> best_hour([10, 21], window_start=9, window_end=20) is None  # too little history
True
>>> campaign_best_hour({1: [14, 14, 15], 2: [14, 9]}, 9, 20)
14.0
"""

from collections import Counter

MIN_EVENTS = 5


def _in_window(hour, window_start, window_end):
    if window_start == window_end or (window_start <= 0 and window_end >= 24):
        return True
    if window_start < window_end:
        return window_start <= hour < window_end
    return hour >= window_start or hour < window_end


def best_hour(hours, window_start=0.0, window_end=24.0, min_events=MIN_EVENTS):
    """The most frequent local hour (0–23) of ``hours`` inside the window, or None when
    fewer than ``min_events`` events fall inside it. Ties go to the earlier hour."""
    counts = Counter(
        int(h) % 24 for h in hours if _in_window(int(h) % 24, window_start, window_end)
    )
    if sum(counts.values()) < min_events:
        return None
    hour, _count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return float(hour)


def campaign_best_hour(hours_by_partner, window_start=0.0, window_end=24.0):
    """The best hour over everyone's history (the fallback for people with little)."""
    hours = [hour for values in hours_by_partner.values() for hour in values]
    return best_hour(hours, window_start, window_end, min_events=1)


def preferred_hours(hours_by_partner, window_start=0.0, window_end=24.0, min_events=MIN_EVENTS):
    """``{partner: hour}``: each partner's own best hour, else the campaign's best hour.

    >>> preferred_hours({1: [10] * 5, 2: [15]}, 9, 20)
    {1: 10.0, 2: 10.0}
    """
    overall = campaign_best_hour(hours_by_partner, window_start, window_end)
    answer = {}
    for partner, hours in hours_by_partner.items():
        own = best_hour(hours, window_start, window_end, min_events)
        hour = own if own is not None else overall
        if hour is not None:
            answer[partner] = hour
    return answer
