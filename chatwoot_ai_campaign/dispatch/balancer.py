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

from dataclasses import dataclass, field

from .throttle import DailyCap, RollingTier, TokenBucket

MAX_FAILURES = 3
COOLDOWN = 60.0


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
            slot.bucket = TokenBucket(slot.rate_per_minute, slot.burst or None, clock=clock)
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

    def pick(self, recipient_key=None):
        """The least-loaded usable sender with a token now (the token is taken), or a falsy
        ``NO_SENDER`` when every one must wait (see :meth:`wait_time`)."""
        for slot in sorted(self.usable(recipient_key), key=lambda s: (s.sent, s.sender_id)):
            if slot.bucket.try_take():
                slot.cap.take()
                slot.tier.take(recipient_key)
                slot.sent += 1
                return slot
        return NO_SENDER

    def wait_time(self, recipient_key=None):
        """Seconds until :meth:`pick` may find a sender; None when none will today."""
        usable = self.usable(recipient_key)
        if usable:
            return min(slot.bucket.wait_time() for slot in usable)
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
