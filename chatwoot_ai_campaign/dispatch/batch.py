# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One dispatch batch in plain Python: the send loop, its pacing and its decisions.

The model layer (``chatwoot.campaign.dispatcher``) gives a :class:`Batch` a *port*, the
object that does the database and network work, and the batch decides everything else:
which sender sends next and when (the :class:`~.balancer.LoadBalancer`'s tokens), how many
recipients to claim at once, when to confirm, renew the lease or check auto-pause, when to
wait for the next due recipient and why the batch stops. The port answers:

``step(pending, autopause=None, renew=False, claim=None)``
    One short transaction: confirm ``pending`` sends; if ``autopause`` (the recent
    :class:`~.autopause.Outcome` list) is given, check it and answer ``{"paused": True}``
    when the campaign paused; renew the senders' lease when ``renew``; and claim for
    ``claim = (sender_id, size)``: ``{"deliveries": [...], "done": n, "skipped": n}`` or
    ``{"idle": why, "wait": seconds or None}`` (see :func:`idle`). Otherwise ``{}``.
``state()``
    The campaign's state now (``running``, ``paused`` …), read between two sends.
``send(sender_id, delivery)``
    The network call, with no transaction open: a :class:`~.channels.SendResult`.
``drain(pending, deliveries)``
    Confirm ``pending`` and give ``deliveries`` (claimed, not sent) back to the queue.

A fake port drives it in the unit tests, with fake clocks (no sleeping).

>>> claim_size("whatsapp_cloud", 1500, cap=0, used=0)  # 25 messages/s: a quarter second
7
>>> claim_size("whatsapp_cloud", 6, cap=0, used=0), claim_size("email", 6000, cap=0, used=0)
(1, 1)
>>> claim_size("chatwoot", 60000, cap=100, used=97)  # never past the daily cap
3
"""

import math
import time
from collections import deque
from datetime import timedelta

from .autopause import Outcome
from .balancer import LoadBalancer
from .constants import MAX_SEND_ATTEMPTS, UNKNOWN_OUTCOME

#: Seconds a batch's lease on its senders lasts without renewal (a killed worker's ends).
LEASE_SECONDS = 30
BATCH_SECONDS = 50.0
#: Longest nap while every sender waits for a token (pause/cancel are seen after it).
MAX_NAP = 1.0
#: A recipient due within this many seconds is waited for inside the batch.
MAX_IDLE = 5.0
AUTOPAUSE_EVERY = 10
#: One claim takes this many seconds of a sender's sends (at least one, at most MAX_CLAIM):
#: a kill -9 leaves at most that many claimed recipients to check with the provider.
CLAIM_SECONDS = 0.25
MAX_CLAIM = 25
CAP_REACHED = "every sender reached its daily cap"
TIME_OVER = "batch time over"


def claim_size(channel, rate_per_minute, cap, used):
    """How many due recipients a sender claims at once."""
    if channel == "email":
        return 1  # queued in Odoo's mail queue within the claim: one per token
    size = math.ceil(rate_per_minute / 60.0 * CLAIM_SECONDS)
    if cap:
        size = min(size, max(1, cap - used))
    return max(1, min(size, MAX_CLAIM))


def idle(state, next_due, now):
    """Why a claim found nothing: the campaign stopped, nothing is left, or the next
    recipient is due in ``wait`` seconds.

    >>> from datetime import datetime
    >>> idle("running", datetime(2026, 1, 5, 10, 0, 3), datetime(2026, 1, 5, 10, 0))
    {'idle': 'nothing due yet', 'wait': 3.0}
    >>> idle("paused", None, None), idle("running", None, None)
    ({'idle': 'campaign paused'}, {'idle': 'nothing left to send'})
    """
    if state != "running":
        return {"idle": f"campaign {state}"}
    if not next_due:
        return {"idle": "nothing left to send"}
    return {"idle": "nothing due yet", "wait": max(0.0, (next_due - now).total_seconds())}


def failure_update(channel, result, attempts):
    """The recipient's new values after a send that failed (``result``) at its
    ``attempts``-th try: queued again, failed, or left ``sending`` for recovery.

    >>> from .channels import SendResult
    >>> failure_update("whatsapp_cloud", SendResult(False, error="429", throttled=True), 1)
    {'state': 'queued', 'error': '429'}
    >>> failure_update("chatwoot", SendResult(False, error="502", conversation_id=7), 1)
    {'error': '502', 'chatwoot_conversation_id': 7}
    >>> failure_update("whatsapp_cloud", SendResult(False, error="timeout"), 1)
    {'state': 'failed', 'error': 'unknown outcome: timeout'}
    """
    if result.throttled:
        values = {"state": "queued", "error": result.error}
    elif result.permanent or attempts >= MAX_SEND_ATTEMPTS:
        values = {"state": "failed", "error": result.error, "blocked": result.blocked}
    elif channel == "chatwoot" and result.conversation_id:
        values = {"error": result.error}  # maybe posted (5xx, timeout): look before resending
    elif channel == "chatwoot":
        values = {"state": "queued", "error": result.error}
    else:
        values = {"state": "failed", "error": f"{UNKNOWN_OUTCOME}: {result.error}"}
    if result.conversation_id:
        values["chatwoot_conversation_id"] = result.conversation_id
    return values


def next_dispatch(now, stop, next_due, delay=1.0):
    """When the senders' next batch starts: in ``delay`` seconds, when the next recipient is
    due, or at midnight when every sender reached its daily cap.

    >>> from datetime import datetime
    >>> now = datetime(2026, 1, 5, 10, 0)
    >>> next_dispatch(now, TIME_OVER, None), next_dispatch(now, TIME_OVER, datetime(2026, 1, 5, 11))
    (datetime.datetime(2026, 1, 5, 10, 0, 1), datetime.datetime(2026, 1, 5, 11, 0))
    >>> next_dispatch(now, CAP_REACHED, None)
    datetime.datetime(2026, 1, 6, 0, 0)
    """
    eta = now + timedelta(seconds=delay)
    if stop == CAP_REACHED:
        return now.replace(hour=0, minute=0, second=0) + timedelta(days=1)
    if next_due and next_due > eta:
        return next_due
    return eta


def report(balancer, sender_id, result):
    """Tell the balancer how a send went; 1 when it was sent."""
    if result.ok:
        balancer.report_success(sender_id)
        return 1
    if result.throttled:
        balancer.report_throttled(sender_id, result.retry_after or None, result.error)
    elif not result.permanent:
        balancer.report_failure(sender_id, result.error)
    return 0


class Batch:
    """The loop of one batch: claimed deliveries per sender, sends waiting for their
    confirmation (``pending``: ``(sender_id, delivery, result, sent_at)``), the recent
    outcomes for auto-pause; the database work goes through the port's short steps.

    ``clock`` paces the batch (its deadline, the lease renewal), ``slot_clock`` the
    senders' tokens and cool-downs (epoch seconds, as the slots' ``unhealthy_until``), and
    ``now`` stamps the sends.
    """

    def __init__(
        self,
        port,
        slots,
        channel,
        *,
        window,
        lease_seconds,
        now,
        clock=time.monotonic,
        slot_clock=time.time,
    ):
        self.port = port
        self.channel = channel
        self.lease_seconds = lease_seconds
        self.now = now
        self.clock = clock
        self.balancer = LoadBalancer(slots, clock=slot_clock)
        self.queues = {slot.sender_id: deque() for slot in slots}
        self.pending = []
        self.outcomes = deque(maxlen=max(1, window))
        self.autopause_every = min(AUTOPAUSE_EVERY, self.outcomes.maxlen)
        self.since_check = 0
        self.sent = 0
        self.stop = None
        self.renewed = clock()

    def take_pending(self):
        pending, self.pending = self.pending, []
        return pending

    def take_claimed(self):
        claimed = [d for queue in self.queues.values() for d in queue]
        for queue in self.queues.values():
            queue.clear()
        return claimed

    def _step(self, claim_for=None):
        """Confirm the sends so far, check auto-pause and renew the lease when due; claim
        for a slot. ``{"paused": True}`` when it auto-paused."""
        autopause = None
        if self.since_check >= self.autopause_every:
            self.since_check = 0
            autopause = list(self.outcomes)
        renew = self.clock() - self.renewed > self.lease_seconds / 3
        if renew:
            self.renewed = self.clock()
        claim = None
        if claim_for is not None:
            cap = claim_for.cap
            size = claim_size(self.channel, claim_for.rate_per_minute, cap.cap, cap.used)
            claim = (claim_for.sender_id, size)
        return self.port.step(self.take_pending(), autopause=autopause, renew=renew, claim=claim)

    def _fill(self, slot, deadline, sleep):
        """Claim for ``slot`` when its queue is empty; False when the batch must stop
        (``self.stop`` says why), "wait" when it slept for the next due recipient."""
        queue = self.queues[slot.sender_id]
        if queue:
            return True
        email = self.channel == "email"
        if email:  # queued in Odoo's mail queue within the claim: it needs its token first
            wait = self.balancer.slot_wait(slot)
            if wait > 0:
                sleep(min(wait, MAX_NAP))
                return "wait"
            self.balancer.take(slot)
        claim = self._step(claim_for=slot)
        if email and not claim.get("done"):
            self.balancer.refund(slot)
        if claim.get("paused"):
            self.stop = "auto-paused"
            return False
        if claim.get("idle"):
            wait = claim.get("wait")
            if wait is None or wait > min(MAX_IDLE, deadline - self.clock()):
                self.stop = claim["idle"]
                return False
            sleep(max(0.0, min(wait, MAX_NAP)))
            return "wait"
        self.sent += claim["done"]
        self.outcomes.extend(Outcome() for _ in range(claim["done"]))
        queue.extend(claim["deliveries"])
        return bool(queue) or "wait"

    def loop(self, deadline, sleep):
        """Prepare the next send (claim, confirm, read the campaign's state) while its
        sender's token comes, then sleep exactly until it and send at once: the sends
        leave evenly paced, never bunched after a claim. Why it stopped (None: time over)."""
        while self.clock() < deadline:
            slot = self.balancer.next_slot()
            if not slot:
                wait = self.balancer.wait_time()
                if wait is None:
                    self.stop = CAP_REACHED
                    break
                if self.pending:
                    self._step()
                sleep(min(wait, MAX_NAP, max(0.0, deadline - self.clock())))
                continue
            filled = self._fill(slot, deadline, sleep)
            if not filled:
                break
            if filled == "wait":
                continue
            if self.since_check >= self.autopause_every and self._step().get("paused"):
                self.stop = "auto-paused"
                break
            state = self.port.state()
            if state != "running":  # pause and cancel act between two sends
                self.stop = f"campaign {state}"
                break
            wait = self.balancer.slot_wait(slot)
            if wait > MAX_NAP:
                sleep(MAX_NAP)
                continue
            if wait > 0:
                sleep(wait)
            if not self.balancer.take(slot):
                continue
            self._send(slot)
        return self.stop

    def _send(self, slot):
        queue = self.queues[slot.sender_id]
        delivery = queue.popleft()
        sent_at = self.now()
        result = self.port.send(slot.sender_id, delivery)
        self.pending.append((slot.sender_id, delivery, result, sent_at))
        self.sent += report(self.balancer, slot.sender_id, result)
        self.outcomes.append(
            Outcome(failed=not result.ok and not result.throttled, blocked=result.blocked)
        )
        self.since_check += 1
        if not slot.healthy and queue:
            # Drained: its other claims go back to the queue for the healthy senders.
            self.port.drain(self.take_pending(), list(queue))
            queue.clear()
