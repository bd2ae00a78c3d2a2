# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure batch loop (``dispatch/batch.py``): a port that keeps the queue in
memory and fake clocks (no sleeping, no database). The same loop runs against PostgreSQL
and the fake provider API in ``test_campaign_dispatch.py``.

Also runnable without Odoo, in seconds:
``python3 chatwoot_ai_campaign/tests/test_dispatch_batch.py``
"""

import doctest
import unittest
from collections import deque

if __name__.startswith("odoo.addons."):  # Odoo's runner only runs its own test cases
    from odoo.tests import BaseCase
else:  # plain Python, without Odoo
    BaseCase = unittest.TestCase

try:
    from ..dispatch import batch
    from ..dispatch.autopause import Thresholds, pause_reason
    from ..dispatch.balancer import SenderSlot
    from ..dispatch.channels import SendResult
except ImportError:  # plain pytest: load the pure package by path
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from dispatch import batch  # noqa: I001
    from dispatch.autopause import Thresholds, pause_reason
    from dispatch.balancer import SenderSlot
    from dispatch.channels import SendResult


class Clock:
    """A fake clock: ``sleep`` moves it forward."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        assert seconds >= 0, seconds
        self.now += seconds


class MemoryPort:
    """The port of a batch over an in-memory queue of recipient ids. ``results`` maps a
    sender to the results of its next sends (then OK); ``pause_after`` sends the campaign
    reads ``paused``; ``due_in`` delays the first claim's recipients."""

    def __init__(self, clock, recipients, results=None, pause_after=None, due_in=0.0):
        self.clock = clock
        self.queue = deque(recipients)
        self.due_at = clock() + due_in
        self.results = {sender: deque(items) for sender, items in (results or {}).items()}
        self.pause_after = pause_after
        self.sends = []  # (time, sender_id, recipient)
        self.confirmed = []
        self.released = []
        self.renewals = 0
        self.autopause_checks = []
        self.thresholds = Thresholds(window=10, max_failure_rate=0.5)

    def step(self, pending, autopause=None, renew=False, claim=None):
        self.confirmed.extend(pending)
        if autopause is not None:
            self.autopause_checks.append(len(autopause))
            if pause_reason(autopause, self.thresholds):
                return {"paused": True}
        self.renewals += renew
        if claim is None:
            return {}
        if not self.queue:
            return batch.idle("running", None, None)
        if self.clock() < self.due_at:
            return {"idle": "nothing due yet", "wait": self.due_at - self.clock()}
        sender_id, size = claim
        taken = [self.queue.popleft() for _ in range(min(size, len(self.queue)))]
        return {"deliveries": taken, "done": 0, "skipped": 0}

    def state(self):
        if self.pause_after is not None and len(self.sends) >= self.pause_after:
            return "paused"
        return "running"

    def send(self, sender_id, delivery):
        self.sends.append((self.clock(), sender_id, delivery))
        results = self.results.get(sender_id)
        return results.popleft() if results else SendResult(True, external_id=f"m{delivery}")

    def drain(self, pending, deliveries):
        self.confirmed.extend(pending)
        self.released.extend(deliveries)
        self.queue.extendleft(reversed(deliveries))


def run(port, clock, slots, seconds=120.0, channel="whatsapp_cloud", lease_seconds=30):
    loop = batch.Batch(
        port,
        slots,
        channel,
        window=10,
        lease_seconds=lease_seconds,
        now=clock,
        clock=clock,
        slot_clock=clock,
    )
    stop = loop.loop(clock() + seconds, clock.sleep)
    port.confirmed.extend(loop.take_pending())
    return loop, stop


class TestBatchDoctests(BaseCase):
    def test_module_doctests_pass(self):
        result = doctest.testmod(batch)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)


class TestBatchLoop(BaseCase):
    def test_two_senders_share_the_queue_each_at_its_own_pace(self):
        clock = Clock()
        port = MemoryPort(clock, range(1, 21))
        loop, stop = run(port, clock, [SenderSlot(1, 60), SenderSlot(2, 120)])
        self.assertEqual(stop, "nothing left to send")
        self.assertEqual(loop.sent, 20)
        self.assertEqual(sorted(d for _s, d, _r, _t in port.confirmed), list(range(1, 21)))
        for sender_id, per_second in ((1, 1), (2, 2)):
            times = [t for t, s, _d in port.sends if s == sender_id]
            # Never more than the sender's rate in any one second.
            busiest = max(sum(1 for u in times if t <= u < t + 1.0) for t in times)
            self.assertEqual(busiest, per_second, sender_id)
        by_sender = {s: sum(1 for _t, x, _d in port.sends if x == s) for s in (1, 2)}
        self.assertGreater(by_sender[2], by_sender[1])  # the faster sender sent more

    def test_pause_stops_between_two_sends_and_hands_back_the_claims(self):
        clock = Clock()
        port = MemoryPort(clock, range(1, 31), pause_after=4)
        loop, stop = run(port, clock, [SenderSlot(1, 1200)])  # claims 5 at once
        self.assertEqual(stop, "campaign paused")
        self.assertEqual(len(port.sends), 4)
        claimed = loop.take_claimed()
        self.assertTrue(claimed)
        # Every recipient is sent, still claimed (released by the model) or still queued.
        left = sorted([*claimed, *port.queue])
        self.assertEqual(sorted(d for _t, _s, d in port.sends) + left, list(range(1, 31)))

    def test_a_throttled_sender_is_drained_and_the_other_sends_its_claims(self):
        clock = Clock()
        throttled = SendResult(False, error="429", throttled=True, retry_after=600)
        port = MemoryPort(clock, range(1, 13), results={1: [throttled]})
        loop, stop = run(port, clock, [SenderSlot(1, 1200), SenderSlot(2, 1200)], seconds=30)
        self.assertEqual(stop, "nothing left to send")
        first = port.sends[0]
        self.assertEqual(first[1], 1)
        self.assertEqual([s for _t, s, _d in port.sends[1:]], [2] * 11)
        self.assertTrue(port.released)  # sender 1's other claims went back to the queue
        self.assertFalse(loop.balancer.slots[1].healthy)
        delivered = sorted(d for _t, _s, d in port.sends[1:])
        self.assertEqual(delivered, [d for d in range(1, 13) if d != first[2]])

    def test_daily_cap_stops_the_batch_and_is_never_claimed_past(self):
        clock = Clock()
        port = MemoryPort(clock, range(1, 50))
        slot = SenderSlot(1, 6000, daily_cap=10, daily_used=7)
        loop, stop = run(port, clock, [slot])
        self.assertEqual(stop, batch.CAP_REACHED)
        self.assertEqual(len(port.sends), 3)
        self.assertEqual(loop.take_claimed(), [])
        self.assertEqual(len(port.queue), 46)

    def test_failures_auto_pause_at_the_check_every_ten_sends(self):
        clock = Clock()
        failed = SendResult(False, error="500")
        port = MemoryPort(clock, range(1, 100), results={1: [failed] * 100, 2: [failed] * 100})
        slots = [SenderSlot(1, 6000), SenderSlot(2, 6000)]
        loop = batch.Batch(
            port, slots, "chatwoot", window=10, lease_seconds=30, now=clock, clock=clock,
            slot_clock=clock,
        )  # fmt: skip
        loop.balancer.max_failures = 1000  # keep both senders healthy: the rate decides
        stop = loop.loop(clock() + 60, clock.sleep)
        self.assertEqual(stop, "auto-paused")
        self.assertEqual(port.autopause_checks, [10])
        self.assertEqual(len(port.sends), 10)

    def test_a_recipient_due_soon_is_waited_for_a_later_one_ends_the_batch(self):
        clock = Clock()
        port = MemoryPort(clock, [1, 2], due_in=3.0)
        loop, stop = run(port, clock, [SenderSlot(1, 60)])
        self.assertEqual(stop, "nothing left to send")
        self.assertGreaterEqual(port.sends[0][0], 1003.0)
        clock = Clock()
        port = MemoryPort(clock, [1, 2], due_in=batch.MAX_IDLE + 1)
        loop, stop = run(port, clock, [SenderSlot(1, 60)])
        self.assertEqual((stop, port.sends), ("nothing due yet", []))

    def test_lease_is_renewed_every_third_of_its_length(self):
        clock = Clock()
        port = MemoryPort(clock, range(1, 11))
        loop, stop = run(port, clock, [SenderSlot(1, 60)], lease_seconds=3)
        self.assertEqual(stop, "nothing left to send")
        span = port.sends[-1][0] - port.sends[0][0]
        self.assertGreaterEqual(port.renewals, int(span // 3))

    def test_failure_update_leaves_a_maybe_posted_chatwoot_send_for_recovery(self):
        maybe = SendResult(False, error="timeout", conversation_id=9)
        self.assertNotIn("state", batch.failure_update("chatwoot", maybe, 1))
        last = batch.failure_update("chatwoot", maybe, batch.MAX_SEND_ATTEMPTS)
        self.assertEqual(last["state"], "failed")
        blocked = SendResult(False, error="blocked", blocked=True, permanent=True)
        self.assertEqual(
            batch.failure_update("whatsapp_cloud", blocked, 1),
            {"state": "failed", "error": "blocked", "blocked": True},
        )


if __name__ == "__main__":
    unittest.main()
