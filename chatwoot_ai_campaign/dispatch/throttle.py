# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rate limits of one sender: a token bucket, a daily cap and WhatsApp's 24 h tier.

Every limiter takes an injected ``clock`` (seconds, monotonic or epoch) so tests never
sleep.

>>> now = [0.0]
>>> bucket = TokenBucket(rate_per_minute=60, burst=2, clock=lambda: now[0])
>>> [bucket.try_take() for _ in range(3)]
[True, True, False]
>>> round(bucket.wait_time(), 3)
1.0
>>> now[0] = 1.0
>>> bucket.try_take()
True
"""

from collections import OrderedDict, deque


class TokenBucket:
    """``rate_per_minute`` tokens a minute, at most ``burst`` saved up.

    The default burst is one token: sends are paced ``60 / rate_per_minute`` seconds
    apart, so no one-second window ever holds more than the per-second rate.
    """

    def __init__(self, rate_per_minute, burst=None, clock=None):
        if rate_per_minute <= 0:
            raise ValueError("rate_per_minute must be positive")
        self.rate = rate_per_minute / 60.0  # tokens per second
        self.capacity = float(burst) if burst else 1.0
        self.clock = clock
        self.tokens = self.capacity
        self.stamp = clock()

    def _refill(self):
        now = self.clock()
        if now > self.stamp:
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = max(self.stamp, now)

    def wait_time(self, amount=1.0):
        """Seconds until ``amount`` tokens are there (0 when they are)."""
        self._refill()
        missing = amount - self.tokens
        return 0.0 if missing <= 0 else missing / self.rate

    def try_take(self, amount=1.0):
        """Take ``amount`` tokens if there are enough; whether it did."""
        self._refill()
        if self.tokens + 1e-9 < amount:
            return False
        self.tokens -= amount
        return True


class WindowLimit:
    """At most ``limit`` takes in any window of ``seconds`` (a log of the last takes).

    With it a sender's bucket may save a token to catch up after a late send (a busy
    machine) while no one-second window ever holds more than the per-second rate.

    >>> t = [0.0]
    >>> window = WindowLimit(2, clock=lambda: t[0])
    >>> window.take(), window.take(), window.take(), window.wait_time()
    (True, True, False, 1.0)
    >>> t[0] = 1.0
    >>> window.take()
    True
    """

    def __init__(self, limit, clock, seconds=1.0):
        self.limit = max(1, int(limit))
        self.clock = clock
        self.seconds = seconds
        self.stamps = deque(maxlen=self.limit)

    def wait_time(self):
        if len(self.stamps) < self.limit:
            return 0.0
        return max(0.0, self.stamps[0] + self.seconds - self.clock())

    def take(self):
        if self.wait_time() > 0:
            return False
        self.stamps.append(self.clock())
        return True

    def give_back(self):
        if self.stamps:
            self.stamps.pop()


class DailyCap:
    """At most ``cap`` sends per day (``day_of`` maps the clock to a day key); 0 = no cap.

    >>> t = [0]
    >>> cap = DailyCap(2, clock=lambda: t[0], day_of=lambda s: s // 86400, used=1)
    >>> cap.available(), cap.take(), cap.available()
    (True, True, False)
    >>> t[0] = 86400
    >>> cap.available()
    True
    """

    def __init__(self, cap, clock, day_of, used=0):
        self.cap = int(cap or 0)
        self.clock = clock
        self.day_of = day_of
        self.day = day_of(clock())
        self.used = used

    def _roll(self):
        day = self.day_of(self.clock())
        if day != self.day:
            self.day, self.used = day, 0

    def available(self):
        self._roll()
        return not self.cap or self.used < self.cap

    def take(self):
        if not self.available():
            return False
        self.used += 1
        return True


class RollingTier:
    """WhatsApp's messaging tier: at most ``limit`` unique recipients in a rolling 24 h.

    A recipient already contacted within the window costs nothing more; 0 = unlimited.

    >>> t = [0.0]
    >>> tier = RollingTier(2, clock=lambda: t[0])
    >>> tier.take("a"), tier.take("b"), tier.take("a"), tier.take("c")
    (True, True, True, False)
    >>> t[0] = 86401.0
    >>> tier.take("c")
    True
    """

    WINDOW = 86400.0

    def __init__(self, limit, clock, history=()):
        self.limit = int(limit or 0)
        self.clock = clock
        self.seen = OrderedDict()
        for key, stamp in sorted(history, key=lambda item: item[1]):
            self.seen[key] = stamp

    def _expire(self):
        horizon = self.clock() - self.WINDOW
        while self.seen:
            key, stamp = next(iter(self.seen.items()))
            if stamp > horizon:
                break
            self.seen.popitem(last=False)

    def allows(self, key):
        self._expire()
        return not self.limit or key in self.seen or len(self.seen) < self.limit

    def take(self, key):
        if not self.allows(key):
            return False
        self.seen.pop(key, None)
        self.seen[key] = self.clock()
        return True
