# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Load balancing over a campaign's senders: the least-loaded healthy one sends next.

A sender that fails ``max_failures`` times in a row, or is throttled once, is marked
unhealthy for a cool-down (the provider's ``retry_after`` when it gave one): it gets no
new messages (it is drained) and is tried again when the cool-down ends.

>>> t = [0.0]
>>> lb = LoadBalancer([SenderSlot(1, 60), SenderSlot(2, 60)], clock=lambda: t[0])
>>> [lb.pick().sender_id for _ in range(4)]
[1, 2, None, None]
>>> lb.report_throttled(1, retry_after=30)
>>> t[0] = 5.0
>>> [lb.pick().sender_id for _ in range(2)], lb.slots[1].healthy
([2, None], False)
"""

import math
from dataclasses import dataclass, field

from .throttle import DailyCap, RollingTier, TokenBucket, WindowLimit

MAX_FAILURES = 3
COOLDOWN = 60.0
#: Tokens a sender of at least 2 messages/s may save (unless its burst says otherwise): a
#: send that left late is caught up by the next one, within the one-second window limit.
CATCH_UP = 2
#: The one-second window is counted where the provider counts it, at arrival: sends that
#: left evenly may arrive closer together. 25 sends take at least 1.04 s here, so a window
#: of the provider holds at most 25 unless one message was 40 ms slower than the other.
WINDOW_MARGIN = 0.04


class _NoSender:
    sender_id = None

    def __bool__(self):
        return False


NO_SENDER = _NoSender()


@dataclass
class SenderSlot:
    """A sender as the balancer sees it; ``sent`` counts this run's sends (its load)."""

    sender_id: int
    rate_per_minute: float
    burst: float = 0.0
    daily_cap: int = 0
    daily_used: int = 0
    tier_limit: int = 0
    tier_history: tuple = ()
    healthy: bool = True
    unhealthy_until: float = 0.0
    failures: int = 0
    sent: int = 0
    last_error: str = ""
    bucket: TokenBucket = field(default=None, repr=False)
    window: WindowLimit = field(default=None, repr=False)
    cap: DailyCap = field(default=None, repr=False)
    tier: RollingTier = field(default=None, repr=False)


class LoadBalancer:
    def __init__(self, slots, clock, day_of=None, max_failures=MAX_FAILURES, cooldown=COOLDOWN):
        self.clock = clock
        self.max_failures = max_failures
        self.cooldown = cooldown
        self.slots = {}
        day_of = day_of or (lambda seconds: int(seconds // 86400))
        for slot in slots:
            saved = CATCH_UP if slot.rate_per_minute >= 120 else None
            slot.bucket = TokenBucket(slot.rate_per_minute, slot.burst or saved, clock=clock)
            slot.window = WindowLimit(
                math.floor(slot.rate_per_minute / 60), clock, seconds=1.0 + WINDOW_MARGIN
            )
            slot.cap = DailyCap(slot.daily_cap, clock, day_of, used=slot.daily_used)
            slot.tier = RollingTier(slot.tier_limit, clock, slot.tier_history)
            self.slots[slot.sender_id] = slot

    def _revive(self):
        now = self.clock()
        for slot in self.slots.values():
            if not slot.healthy and now >= slot.unhealthy_until:
                slot.healthy, slot.failures = True, 0

    def usable(self, recipient_key=None):
        """Healthy senders with daily cap and tier room for ``recipient_key``."""
        self._revive()
        return [
            slot
            for slot in self.slots.values()
            if slot.healthy and slot.cap.available() and slot.tier.allows(recipient_key)
        ]

    def exhausted(self, recipient_key=None):
        """Whether no sender can ever send today (all capped), as opposed to "wait"."""
        self._revive()
        alive = [s for s in self.slots.values() if s.cap.available()]
        return not alive or not any(s.tier.allows(recipient_key) for s in alive)

    def next_slot(self, recipient_key=None):
        """The usable sender whose token comes first (the least loaded on a tie), without
        taking it: the caller prepares its message, sleeps its :meth:`slot_wait`
        and then :meth:`take` s it, so the send leaves right when the token does.

        >>> t = [0.0]
        >>> lb = LoadBalancer([SenderSlot(1, 60), SenderSlot(2, 60)], clock=lambda: t[0])
        >>> lb.take(lb.next_slot()).sender_id, lb.next_slot().sender_id
        (1, 2)
        >>> lb.take(lb.next_slot()).sender_id, round(lb.slot_wait(lb.next_slot()), 3)
        (2, 1.04)
        """
        usable = self.usable(recipient_key)
        if not usable:
            return NO_SENDER
        return min(usable, key=lambda s: (round(self.slot_wait(s), 4), s.sent, s.sender_id))

    @staticmethod
    def slot_wait(slot):
        """Seconds until ``slot`` may send: its token, and room in its one-second window."""
        return max(slot.bucket.wait_time(), slot.window.wait_time())

    def take(self, slot, recipient_key=None):
        """Take ``slot``'s token now (after waiting for it); ``slot``, or ``NO_SENDER`` when
        it has none yet."""
        if slot.window.wait_time() > 0 or not slot.bucket.try_take():
            return NO_SENDER
        slot.window.take()
        slot.cap.take()
        slot.tier.take(recipient_key)
        slot.sent += 1
        return slot

    def pick(self, recipient_key=None):
        """The least-loaded usable sender with a token now (the token is taken), or a falsy
        ``NO_SENDER`` when every one must wait (see :meth:`wait_time`)."""
        for slot in sorted(self.usable(recipient_key), key=lambda s: (s.sent, s.sender_id)):
            if self.take(slot, recipient_key):
                return slot
        return NO_SENDER

    def refund(self, slot):
        """Give back the token of a pick that sent nothing."""
        slot.bucket.tokens = min(slot.bucket.capacity, slot.bucket.tokens + 1)
        slot.window.give_back()
        slot.cap.used = max(0, slot.cap.used - 1)
        slot.sent = max(0, slot.sent - 1)

    def wait_time(self, recipient_key=None):
        """Seconds until :meth:`pick` may find a sender; None when none will today."""
        usable = self.usable(recipient_key)
        if usable:
            return min(self.slot_wait(slot) for slot in usable)
        now = self.clock()
        waits = [
            slot.unhealthy_until - now
            for slot in self.slots.values()
            if not slot.healthy and slot.cap.available()
        ]
        return max(0.0, min(waits)) if waits else None

    def report_success(self, sender_id):
        slot = self.slots[sender_id]
        slot.failures = 0

    def report_failure(self, sender_id, error=""):
        slot = self.slots[sender_id]
        slot.failures += 1
        slot.last_error = error
        if slot.failures >= self.max_failures:
            self._mark_unhealthy(slot, self.cooldown)

    def report_throttled(self, sender_id, retry_after=None, error="throttled"):
        slot = self.slots[sender_id]
        slot.last_error = error
        self._mark_unhealthy(slot, retry_after or self.cooldown)

    def _mark_unhealthy(self, slot, seconds):
        slot.healthy = False
        slot.unhealthy_until = self.clock() + float(seconds)
