# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""When to pause a campaign by itself: too many failures, opt-outs or blocks lately.

>>> t = Thresholds(window=10, max_failure_rate=0.3, max_optout_rate=0.1, max_block_rate=0.1)
>>> pause_reason([Outcome()] * 9 + [Outcome(opted_out=True)], t) is None
True
>>> pause_reason([Outcome()] * 8 + [Outcome(opted_out=True)] * 2, t)
('opt_out', 0.2)
>>> pause_reason([Outcome(failed=True)] * 3, t) is None  # not enough sends yet
True
>>> pause_reason(with_opt_outs([Outcome()] * 10, 2), t)  # two of them opted out since
('opt_out', 0.2)
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    failed: bool = False
    opted_out: bool = False
    blocked: bool = False


@dataclass(frozen=True)
class Thresholds:
    window: int = 50
    max_failure_rate: float = 0.25
    max_optout_rate: float = 0.05
    max_block_rate: float = 0.05


def pause_reason(outcomes, thresholds):
    """``(kind, rate)`` of the first rate over its threshold among the last ``window``
    outcomes (newest last), or None; nothing is decided before ``window`` sends."""
    recent = list(outcomes)[-thresholds.window :]
    if not recent or len(recent) < thresholds.window:
        return None
    count = len(recent)
    rates = (
        ("failure", sum(o.failed for o in recent) / count, thresholds.max_failure_rate),
        ("opt_out", sum(o.opted_out for o in recent) / count, thresholds.max_optout_rate),
        ("block", sum(o.blocked for o in recent) / count, thresholds.max_block_rate),
    )
    for kind, rate, limit in rates:
        if limit and rate > limit:
            return kind, round(rate, 4)
    return None


def with_opt_outs(outcomes, opted_out):
    """``outcomes`` (newest last) with the newest ``opted_out`` ones marked opted out: the
    people who withdrew their consent after the last sends."""
    history = list(outcomes)
    for index in range(len(history) - min(opted_out, len(history)), len(history)):
        history[index] = Outcome(history[index].failed, True, history[index].blocked)
    return history
