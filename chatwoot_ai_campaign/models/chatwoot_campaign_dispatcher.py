# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import math
import random
import time
import uuid
from collections import deque
from contextlib import contextmanager
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.sql_db import Cursor
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.chatwoot import client as chatwoot_errors
from odoo.addons.chatwoot_ai_social.meta import graph as graph_errors

from ..dispatch import channels, planner
from ..dispatch.autopause import Outcome, Thresholds, pause_reason
from ..dispatch.balancer import LoadBalancer, SenderSlot
from ..dispatch.bandit import ThompsonSampler
from ..dispatch.constants import UNKNOWN_OUTCOME

_logger = logging.getLogger(__name__)

#: Seconds a batch's lease on its senders lasts without renewal (a killed worker's ends).
LEASE_SECONDS = 30
LEASE_PARAM = "chatwoot_ai_campaign.lease_seconds"
BATCH_SECONDS = 50.0
#: Longest nap while every sender waits for a token (pause/cancel are seen after it).
MAX_NAP = 1.0
#: A recipient due within this many seconds is waited for inside the batch.
MAX_IDLE = 5.0
MAX_ATTEMPTS = 3
AUTOPAUSE_EVERY = 10
#: One claim takes this many seconds of a sender's sends (at least one, at most MAX_CLAIM):
#: a kill -9 leaves at most that many claimed recipients to check with the provider.
CLAIM_SECONDS = 0.25
MAX_CLAIM = 25
WHATSAPP_INBOX = "Channel::Whatsapp"
CAP_REACHED = "every sender reached its daily cap"


class ChatwootCampaignDispatcher(models.AbstractModel):
    """Sends a campaign's due recipients through its senders, rate-limited and crash-safe.

    A batch (one queue job per sender, so the senders send side by side) holds a lease on
    its senders. It *claims* a few due recipients at once (``sending``, committed: a
    quarter of a second of the sender's sends), *sends* them one by one at the sender's
    pace with no transaction open, and *confirms* the sends in bulk (``sent`` with the
    provider's ids) in the same short transaction as the next claim. Pause, resume and
    cancel are read before every send; claims not sent go back to the queue. A recipient
    left ``sending`` by a killed worker is checked against the provider by the next batch
    (``chatwoot.campaign.recovery``), never blindly sent again.
    """

    _name = "chatwoot.campaign.dispatcher"
    _description = "Campaign Dispatcher"

    @contextmanager
    def _step(self):
        """A short transaction of its own, committed on success (as the superuser).

        READ COMMITTED: the senders' batches claim from one queue side by side, and under
        Odoo's REPEATABLE READ a row another batch claimed since this transaction's
        snapshot fails the claim ("could not serialize access") instead of being skipped.
        (A test's cursor is a savepoint in the test's transaction: its level stays.)
        """
        with self.env.registry.cursor() as cr:
            if isinstance(cr, Cursor):
                cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
            yield api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    # ------------------------------------------------------------------ batch
    @api.model
    def _dispatch(
        self, campaign_id, max_seconds=None, sender_ids=None, clock=time.monotonic, sleep=time.sleep
    ):
        """Send what is due through ``sender_ids`` (all the campaign's when None) for
        ``max_seconds`` at most; then the next job of those senders is scheduled."""
        token = uuid.uuid4().hex
        with self._step() as env:
            leased, busy_until = env["chatwoot.campaign.dispatcher"]._take_leases(
                campaign_id, sender_ids, token
            )
        if not leased:
            if busy_until:
                with self._step() as env:
                    env["chatwoot.campaign"].browse(campaign_id)._schedule_dispatch(
                        eta=busy_until + timedelta(seconds=1), sender_ids=sender_ids
                    )
            return "another batch holds these senders"
        try:
            return self._run(campaign_id, leased, token, max_seconds or BATCH_SECONDS, clock, sleep)
        finally:
            with self._step() as env:
                env.execute_query(
                    SQL(
                        "UPDATE chatwoot_campaign_sender SET dispatch_lease_until = NULL, "
                        "dispatch_token = NULL WHERE id = ANY(%s) AND dispatch_token = %s",
                        leased,
                        token,
                    )
                )

    @api.model
    def _lease_seconds(self):
        params = self.env["ir.config_parameter"].sudo()
        return int(params.get_param(LEASE_PARAM, LEASE_SECONDS))

    @api.model
    def _take_leases(self, campaign_id, sender_ids, token):
        """``(sender ids leased by this batch, when the others' leases end)``."""
        now = fields.Datetime.now()
        wanted = SQL("TRUE") if sender_ids is None else SQL("id = ANY(%s)", list(sender_ids))
        rows = self.env.execute_query(
            SQL(
                "UPDATE chatwoot_campaign_sender SET dispatch_token = %s, "
                "dispatch_lease_until = %s WHERE campaign_id = %s AND %s "
                "AND (dispatch_lease_until IS NULL OR dispatch_lease_until < %s) RETURNING id",
                token,
                now + timedelta(seconds=self._lease_seconds()),
                campaign_id,
                wanted,
                now,
            )
        )
        if rows:
            return sorted(row[0] for row in rows), None
        rows = self.env.execute_query(
            SQL(
                "SELECT MIN(dispatch_lease_until) FROM chatwoot_campaign_sender "
                "WHERE campaign_id = %s AND %s",
                campaign_id,
                wanted,
            )
        )
        return [], rows[0][0] if rows else None

    @api.model
    def _renew_leases(self, sender_ids, token, lease):
        self.env.execute_query(
            SQL(
                "UPDATE chatwoot_campaign_sender SET dispatch_lease_until = %s "
                "WHERE id = ANY(%s) AND dispatch_token = %s",
                fields.Datetime.now() + timedelta(seconds=lease),
                sender_ids,
                token,
            )
        )

    def _run(self, campaign_id, sender_ids, token, max_seconds, clock, sleep):
        with self._step() as env:
            context = env["chatwoot.campaign.dispatcher"]._batch_context(campaign_id, sender_ids)
        if context is None:
            return "campaign is not running"
        self.env["chatwoot.campaign.recovery"]._recover(context)
        batch = _Batch(self, context, token, clock)
        try:
            # One connection for the state read before every send (a read-only transaction,
            # committed at once: nothing stays open across the network calls). A test's
            # cursor holds the test's lock while open: then a cursor per read.
            with self.env.registry.cursor() as watch:
                batch.watch = watch if isinstance(watch, Cursor) else None
            if batch.watch is None:
                stop = batch.loop(clock() + max_seconds, sleep)
            else:
                with self.env.registry.cursor() as watch:
                    batch.watch = watch
                    stop = batch.loop(clock() + max_seconds, sleep)
        finally:
            with self._step() as env:
                dispatcher = env["chatwoot.campaign.dispatcher"]
                dispatcher._confirm(context, batch.take_pending())
                dispatcher._release(context, batch.take_claimed())
                dispatcher._end_batch(context, batch.balancer, batch.stop)
        return f"sent {batch.sent}; {stop or 'batch time over'}"

    # ------------------------------------------------------------------ context
    @api.model
    def _batch_context(self, campaign_id, sender_ids):
        """Plain data a batch needs, read once: senders, clients, variants, settings."""
        campaign = self.env["chatwoot.campaign"].browse(campaign_id).exists()
        if not campaign or campaign.state != "running":
            return None
        today = fields.Datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
        used = dict(
            self.env.execute_query(
                SQL(
                    "SELECT sender_id, COUNT(*) FROM chatwoot_campaign_recipient "
                    "WHERE campaign_id = %s AND sent_at >= %s AND sender_id IS NOT NULL "
                    "GROUP BY sender_id",
                    campaign.id,
                    today,
                )
            )
        )
        slots, routes = [], {}
        now = fields.Datetime.now()
        healthy = 0
        for sender in campaign.sender_ids:
            unhealthy = (
                sender.state == "unhealthy"
                and sender.unhealthy_until
                and (sender.unhealthy_until > now)
            )
            healthy += not unhealthy
            if sender.id not in sender_ids:
                continue
            slot = SenderSlot(
                sender.id,
                sender.rate_per_minute,
                burst=sender.burst,
                daily_cap=sender.daily_cap,
                daily_used=used.get(sender.id, 0),
                tier_limit=int(sender.whatsapp_tier or 0),
            )
            if unhealthy:
                slot.healthy = False
                slot.unhealthy_until = time.time() + (sender.unhealthy_until - now).total_seconds()
            slots.append(slot)
            routes[sender.id] = self._route(campaign, sender)
        planner_model = self.env["chatwoot.campaign.planner"]
        return {
            "campaign_id": campaign.id,
            "channel": campaign.channel,
            "slots": slots,
            "routes": routes,
            "senders": max(1, healthy),
            "sampler": ThompsonSampler(
                self.env["chatwoot.campaign.variant"]._arms(campaign),
                exploration=campaign.exploration,
                explore_until=campaign.explore_until,
                rng=random.Random(campaign.id),
            ),
            "thresholds": Thresholds(
                window=campaign.autopause_window,
                max_failure_rate=campaign.max_failure_rate,
                max_optout_rate=campaign.max_optout_rate,
                max_block_rate=campaign.max_block_rate,
            ),
            "consent_channel": planner_model._consent_channel(campaign),
            "lease_seconds": self._lease_seconds(),
            "settings": planner_model._settings(campaign, fields.Datetime.now()),
        }

    @api.model
    def _route(self, campaign, sender):
        """How a sender reaches people: an API client (used outside any transaction), with
        its keep-alive session for the whole batch."""
        if campaign.channel == "chatwoot":
            return {
                "client": campaign.account_id._chatwoot_client(max_attempts=1),
                "inbox_id": sender.inbox_id.chatwoot_inbox_id,
                "inbox": sender.inbox_id.id,
                "whatsapp_inbox": sender.inbox_id.channel_type == WHATSAPP_INBOX,
            }
        if campaign.channel == "whatsapp_cloud":
            return {
                "client": sender.social_account_id._graph_client(),
                "phone_number_id": sender.social_account_id.external_id,
            }
        return {}

    # ------------------------------------------------------------------ claim
    @api.model
    def _claim(self, context, sender_id, size):
        """Claim up to ``size`` due recipients for ``sender_id`` in one statement (committed
        by the caller's step), checked again and rendered: ``{"deliveries": [...],
        "done": e-mails queued, "skipped": n}``, or ``{"idle": why, "wait": s}``.

        Near the end of the queue each healthy sender takes its share only, so that the
        last recipients are spread over the senders too.
        """
        now = fields.Datetime.now()
        campaign_id = context["campaign_id"]
        rows = self.env.execute_query(
            SQL(
                """
                WITH due AS (
                    SELECT r.id, r.scheduled_at
                      FROM chatwoot_campaign_recipient r
                     WHERE r.campaign_id = %(campaign)s AND r.state = 'queued'
                       AND r.scheduled_at <= %(now)s
                       AND EXISTS(SELECT 1 FROM chatwoot_campaign c
                                   WHERE c.id = %(campaign)s AND c.state = 'running')
                  ORDER BY r.scheduled_at, r.id
                     LIMIT %(window)s
                       FOR UPDATE OF r SKIP LOCKED
                ),
                mine AS (
                    SELECT id FROM due ORDER BY scheduled_at, id
                     LIMIT CEIL((SELECT COUNT(*) FROM due)::numeric / %(senders)s)
                )
                UPDATE chatwoot_campaign_recipient r
                   SET state = 'sending', claimed_at = %(now)s, attempts = r.attempts + 1,
                       sender_id = %(sender)s
                  FROM mine
                 WHERE r.id = mine.id
             RETURNING r.id
                """,
                campaign=campaign_id,
                now=now,
                window=size * context["senders"],
                senders=context["senders"],
                sender=sender_id,
            )
        )
        if not rows:
            return self._idle(campaign_id, now)
        Recipient = self.env["chatwoot.campaign.recipient"]
        recipients = Recipient.browse(sorted(row[0] for row in rows))
        campaign = self.env["chatwoot.campaign"].browse(campaign_id)
        candidates = {
            c.partner_id: c
            for c in self.env["chatwoot.campaign.planner"]._candidates(
                campaign, recipients.partner_id.ids, channel=context["consent_channel"]
            )
        }
        skipped = {}
        for recipient in recipients:
            candidate = candidates.get(recipient.partner_id.id)
            reason = (
                planner.skip_reason(candidate, context["settings"])
                if candidate
                else "outside_validity"
            )
            if reason:
                skipped.setdefault(reason, Recipient)
                skipped[reason] |= recipient
        for reason, group in skipped.items():
            group.write({"state": "skipped", "skip_reason": reason})
        to_send = recipients.filtered(lambda r: r.state == "sending")
        if campaign.variant_ids:
            for recipient in to_send.filtered(lambda r: not r.variant_id):
                recipient.variant_id = context["sampler"].choose()
                for arm in context["sampler"].arms:
                    if arm.variant_id == recipient.variant_id.id:
                        arm.trials += 1
        message = self.env["chatwoot.campaign.message"]
        if campaign.channel == "email":
            for recipient in to_send:
                message._send_email(recipient)
            return {"deliveries": [], "done": len(to_send), "skipped": len(recipients - to_send)}
        route = context["routes"][sender_id]
        return {
            "deliveries": [message._delivery(r, route)["delivery"] for r in to_send],
            "done": 0,
            "skipped": len(recipients - to_send),
        }

    @api.model
    def _idle(self, campaign_id, now):
        """Why nothing was claimed: the campaign stopped, nothing is left, or the next
        recipient is due in ``wait`` seconds."""
        state, next_due = self.env.execute_query(
            SQL(
                "SELECT state, (SELECT MIN(scheduled_at) FROM chatwoot_campaign_recipient "
                "WHERE campaign_id = c.id AND state = 'queued') FROM chatwoot_campaign c "
                "WHERE id = %s",
                campaign_id,
            )
        )[0]
        if state != "running":
            return {"idle": f"campaign {state}"}
        if not next_due:
            return {"idle": "nothing left to send"}
        return {"idle": "nothing due yet", "wait": max(0.0, (next_due - now).total_seconds())}

    @api.model
    def _release(self, context, deliveries):
        """Claims that were not sent go back to the queue (cancelled with their campaign)."""
        if not deliveries:
            return
        self.env.execute_query(
            SQL(
                """
                UPDATE chatwoot_campaign_recipient r
                   SET state = CASE WHEN c.state = 'cancelled' THEN 'cancelled' ELSE 'queued' END,
                       attempts = GREATEST(r.attempts - 1, 0), claimed_at = NULL
                  FROM chatwoot_campaign c
                 WHERE c.id = r.campaign_id AND r.id = ANY(%s) AND r.state = 'sending'
                """,
                [d.recipient_id for d in deliveries],
            )
        )
        self.env["chatwoot.campaign.recipient"].invalidate_model()

    # ------------------------------------------------------------------ send
    def _send(self, context, sender_id, delivery):
        """The network call (no transaction open)."""
        route = context["routes"][sender_id]
        if context["channel"] == "whatsapp_cloud":
            return channels.send_whatsapp(route["client"], delivery, graph_errors)

        def remember_conversation(conversation_id):
            with self._step() as env:
                env["chatwoot.campaign.recipient"].browse(delivery.recipient_id).write(
                    {"chatwoot_conversation_id": conversation_id}
                )

        return channels.send_chatwoot(
            route["client"], delivery, chatwoot_errors, on_conversation=remember_conversation
        )

    # ------------------------------------------------------------------ confirm
    @api.model
    def _confirm(self, context, pending):
        """Record the sends of ``pending`` (``(sender, delivery, result, sent_at)``): the
        successes in one statement, the rest one by one."""
        sent = [item for item in pending if item[2].ok]
        if sent:
            self.env.execute_query(
                SQL(
                    """
                    UPDATE chatwoot_campaign_recipient r
                       SET state = 'sent', sent_at = v.sent_at, external_message_id = v.ext,
                           error = NULL,
                           chatwoot_conversation_id = COALESCE(v.conv, r.chatwoot_conversation_id)
                      FROM (SELECT unnest(%s::int[]) AS id, unnest(%s::timestamp[]) AS sent_at,
                                   unnest(%s::varchar[]) AS ext, unnest(%s::int[]) AS conv) v
                     WHERE r.id = v.id
                    """,
                    [d.recipient_id for _s, d, _r, _t in sent],
                    [at for _s, _d, _r, at in sent],
                    [r.external_id for _s, _d, r, _t in sent],
                    [r.conversation_id or None for _s, _d, r, _t in sent],
                )
            )
            self.env.execute_query(
                SQL(
                    "UPDATE chatwoot_campaign_sender SET failure_count = 0 "
                    "WHERE id = ANY(%s) AND failure_count != 0",
                    sorted({item[0] for item in sent}),
                )
            )
            self.env["chatwoot.campaign.recipient"].invalidate_model()
            self.env["chatwoot.campaign.sender"].invalidate_model(["failure_count"])
        for sender_id, delivery, result, _at in pending:
            if not result.ok:
                self._mark_failure(context, sender_id, delivery, result)

    @api.model
    def _mark_failure(self, context, sender_id, delivery, result):
        recipient = self.env["chatwoot.campaign.recipient"].browse(delivery.recipient_id)
        sender = self.env["chatwoot.campaign.sender"].browse(sender_id)
        values = {"chatwoot_conversation_id": result.conversation_id or False}
        if result.throttled:
            values.update(state="queued", error=result.error)
        elif result.permanent or recipient.attempts >= MAX_ATTEMPTS:
            values.update(state="failed", error=result.error, blocked=result.blocked)
        elif context["channel"] == "chatwoot" and result.conversation_id:
            # Maybe posted (5xx, timeout): look before sending it again.
            values.update(error=result.error)
        elif context["channel"] == "chatwoot":
            values.update(state="queued", error=result.error)
        else:
            values.update(state="failed", error=f"{UNKNOWN_OUTCOME}: {result.error}")
        if not result.permanent:
            sender.write({"failure_count": sender.failure_count + 1, "last_error": result.error})
        recipient.write({k: v for k, v in values.items() if k != "chatwoot_conversation_id" or v})

    # ------------------------------------------------------------------ end of batch
    @api.model
    def _check_autopause(self, context, outcomes):
        campaign = self.env["chatwoot.campaign"].browse(context["campaign_id"])
        window = context["thresholds"].window
        opted_out = self.env.execute_query(
            SQL(
                """
                SELECT COUNT(*) FROM (
                    SELECT r.partner_id, r.sent_at FROM chatwoot_campaign_recipient r
                     WHERE r.campaign_id = %s AND r.sent_at IS NOT NULL
                  ORDER BY r.sent_at DESC LIMIT %s) last
                 WHERE EXISTS(SELECT 1 FROM chatwoot_consent c WHERE c.partner_id = last.partner_id
                               AND c.channel = %s AND c.status = 'opted_out'
                               AND c.date >= last.sent_at)
                """,
                campaign.id,
                window,
                context["consent_channel"],
            )
        )[0][0]
        history = list(outcomes)
        for index in range(min(opted_out, len(history))):
            history[-1 - index] = Outcome(
                history[-1 - index].failed, True, history[-1 - index].blocked
            )
        reason = pause_reason(history, context["thresholds"])
        if not reason or campaign.state != "running":
            return False
        campaign._auto_pause(*reason)
        return True

    @api.model
    def _end_batch(self, context, balancer, stop):
        campaign = self.env["chatwoot.campaign"].browse(context["campaign_id"])
        for slot in balancer.slots.values():
            sender = self.env["chatwoot.campaign.sender"].browse(slot.sender_id)
            if slot.healthy:
                sender.write({"state": "healthy", "unhealthy_until": False})
            else:
                until = fields.Datetime.now() + timedelta(
                    seconds=max(0.0, slot.unhealthy_until - time.time())
                )
                sender.write(
                    {"state": "unhealthy", "unhealthy_until": until, "last_error": slot.last_error}
                )
        if campaign.state != "running":
            return
        counts = dict(
            self.env.execute_query(
                SQL(
                    "SELECT state, COUNT(*) FROM chatwoot_campaign_recipient "
                    "WHERE campaign_id = %s AND state IN ('queued', 'sending') GROUP BY state",
                    campaign.id,
                )
            )
        )
        if not counts:
            campaign.state = "done"
            return
        next_due = self.env.execute_query(
            SQL(
                "SELECT MIN(scheduled_at) FROM chatwoot_campaign_recipient "
                "WHERE campaign_id = %s AND state = 'queued'",
                campaign.id,
            )
        )[0][0]
        now = fields.Datetime.now()
        eta = now + timedelta(seconds=1)
        if stop == CAP_REACHED:
            eta = now.replace(hour=0, minute=0, second=0) + timedelta(days=1)
        elif next_due and next_due > eta:
            eta = next_due
        campaign._schedule_dispatch(eta=eta, sender_ids=list(balancer.slots))


class _Batch:
    """The loop of one batch: plain Python state (claimed deliveries per sender, sends
    waiting for their confirmation), database work through short steps."""

    def __init__(self, dispatcher, context, token, clock):
        self.dispatcher = dispatcher
        self.context = context
        self.token = token
        self.clock = clock
        self.balancer = LoadBalancer(context["slots"], clock=time.time)
        self.queues = {slot.sender_id: deque() for slot in context["slots"]}
        self.pending = []
        self.outcomes = deque(maxlen=max(1, context["thresholds"].window))
        self.autopause_every = min(AUTOPAUSE_EVERY, self.outcomes.maxlen)
        self.since_check = 0
        self.sent = 0
        self.stop = None
        self.renewed = clock()
        self.watch = None

    def take_pending(self):
        pending, self.pending = self.pending, []
        return pending

    def take_claimed(self):
        claimed = [d for queue in self.queues.values() for d in queue]
        for queue in self.queues.values():
            queue.clear()
        return claimed

    def _claim_size(self, slot):
        if self.context["channel"] == "email":
            return 1  # queued in Odoo's mail queue within the claim: one per token
        size = math.ceil(slot.rate_per_minute / 60.0 * CLAIM_SECONDS)
        if slot.cap.cap:
            size = min(size, max(1, slot.cap.cap - slot.cap.used))
        return max(1, min(size, MAX_CLAIM))

    def _state(self):
        """The campaign's state now, read on the batch's own connection."""
        if self.watch is None:
            with self.dispatcher._step() as env:
                return env["chatwoot.campaign"].browse(self.context["campaign_id"]).state
        self.watch.execute(
            "SELECT state FROM chatwoot_campaign WHERE id = %s", [self.context["campaign_id"]]
        )
        state = self.watch.fetchone()[0]
        self.watch.commit()
        return state

    def _step(self, claim_for=None):
        """One short transaction: confirm the sends so far, check auto-pause and the lease;
        claim for a slot. ``{"paused": True}`` when it auto-paused."""
        context = self.context
        with self.dispatcher._step() as env:
            dispatcher = env["chatwoot.campaign.dispatcher"]
            dispatcher._confirm(context, self.take_pending())
            if self.since_check >= self.autopause_every:
                self.since_check = 0
                if dispatcher._check_autopause(context, self.outcomes):
                    return {"paused": True}
            lease = context["lease_seconds"]
            if self.clock() - self.renewed > lease / 3:
                self.renewed = self.clock()
                dispatcher._renew_leases(list(self.queues), self.token, lease)
            if claim_for is not None:
                return dispatcher._claim(context, claim_for.sender_id, self._claim_size(claim_for))
            return {}

    def _fill(self, slot, deadline, sleep):
        """Claim for ``slot`` when its queue is empty; False when the batch must stop
        (``self.stop`` says why), "wait" when it slept for the next due recipient."""
        queue = self.queues[slot.sender_id]
        if queue:
            return True
        email = self.context["channel"] == "email"
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
        leave evenly paced, never bunched after a claim."""
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
            state = self._state()
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
            delivery = self.queues[slot.sender_id].popleft()
            sent_at = fields.Datetime.now()
            result = self.dispatcher._send(self.context, slot.sender_id, delivery)
            self.pending.append((slot.sender_id, delivery, result, sent_at))
            self.sent += _report(self.balancer, slot.sender_id, result)
            self.outcomes.append(
                Outcome(failed=not result.ok and not result.throttled, blocked=result.blocked)
            )
            self.since_check += 1
            queue = self.queues[slot.sender_id]
            if not slot.healthy and queue:
                # Drained: its other claims go back to the queue for the healthy senders.
                with self.dispatcher._step() as env:
                    env["chatwoot.campaign.dispatcher"]._confirm(self.context, self.take_pending())
                    env["chatwoot.campaign.dispatcher"]._release(self.context, list(queue))
                queue.clear()
        return self.stop


def _report(balancer, sender_id, result):
    """Tell the balancer how a send went; 1 when it was sent."""
    if result.ok:
        balancer.report_success(sender_id)
        return 1
    if result.throttled:
        balancer.report_throttled(sender_id, result.retry_after or None, result.error)
    elif not result.permanent:
        balancer.report_failure(sender_id, result.error)
    return 0
