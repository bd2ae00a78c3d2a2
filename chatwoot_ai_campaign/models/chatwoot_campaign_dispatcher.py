# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
import time
import uuid
from contextlib import contextmanager
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.sql_db import Cursor
from odoo.tools import SQL

from ..dispatch import batch, planner
from ..dispatch.autopause import Thresholds, pause_reason, with_opt_outs
from ..dispatch.balancer import SenderSlot
from ..dispatch.bandit import ThompsonSampler


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

    The loop, its pacing and its decisions are plain Python (``dispatch/batch.py``); this
    model does their database and network work (:class:`_Port`).
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
            Sender = env["chatwoot.campaign.sender"]
            leased, busy_until = Sender._take_leases(campaign_id, sender_ids, token)
        if not leased:
            if busy_until:
                with self._step() as env:
                    env["chatwoot.campaign"].browse(campaign_id)._schedule_dispatch(
                        eta=busy_until + timedelta(seconds=1), sender_ids=sender_ids
                    )
            return "another batch holds these senders"
        try:
            seconds = max_seconds or batch.BATCH_SECONDS
            return self._run(campaign_id, leased, token, seconds, clock, sleep)
        finally:
            with self._step() as env:
                env["chatwoot.campaign.sender"]._release_leases(leased, token)

    def _run(self, campaign_id, sender_ids, token, max_seconds, clock, sleep):
        with self._step() as env:
            context = env["chatwoot.campaign.dispatcher"]._batch_context(campaign_id, sender_ids)
        if context is None:
            return "campaign is not running"
        self.env["chatwoot.campaign.recovery"]._recover(context)
        port = _Port(self, context, token)
        run = batch.Batch(
            port,
            context["slots"],
            context["channel"],
            window=context["thresholds"].window,
            lease_seconds=context["lease_seconds"],
            now=fields.Datetime.now,
            clock=clock,
        )
        try:
            # One connection for the state read before every send (a read-only transaction,
            # committed at once: nothing stays open across the network calls). A test's
            # cursor holds the test's lock while open: then a cursor per read.
            with self.env.registry.cursor() as watch:
                port.watch = watch if isinstance(watch, Cursor) else None
            if port.watch is None:
                stop = run.loop(clock() + max_seconds, sleep)
            else:
                with self.env.registry.cursor() as watch:
                    port.watch = watch
                    stop = run.loop(clock() + max_seconds, sleep)
        finally:
            with self._step() as env:
                Recipient = env["chatwoot.campaign.recipient"]
                Recipient._confirm_sends(context["channel"], run.take_pending())
                Recipient._release_claims(run.take_claimed())
                env["chatwoot.campaign.dispatcher"]._end_batch(context, run.balancer, run.stop)
        return f"sent {run.sent}; {stop or batch.TIME_OVER}"

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
            routes[sender.id] = sender._route()
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
            "lease_seconds": self.env["chatwoot.campaign.sender"]._lease_seconds(),
            "settings": planner_model._settings(campaign, fields.Datetime.now()),
        }

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
            state, next_due = self.env.execute_query(
                SQL(
                    "SELECT state, (SELECT MIN(scheduled_at) FROM chatwoot_campaign_recipient "
                    "WHERE campaign_id = c.id AND state = 'queued') FROM chatwoot_campaign c "
                    "WHERE id = %s",
                    campaign_id,
                )
            )[0]
            return batch.idle(state, next_due, now)
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
                recipient.variant_id = context["sampler"].assign()
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

    # ------------------------------------------------------------------ send
    def _send(self, context, sender_id, delivery):
        """The network call (no transaction open)."""

        def remember_conversation(conversation_id):
            with self._step() as env:
                env["chatwoot.campaign.recipient"].browse(delivery.recipient_id).write(
                    {"chatwoot_conversation_id": conversation_id}
                )

        return self.env["chatwoot.campaign.sender"]._deliver(
            context["channel"],
            context["routes"][sender_id],
            delivery,
            on_conversation=remember_conversation,
        )

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
        reason = pause_reason(with_opt_outs(outcomes, opted_out), context["thresholds"])
        if not reason or campaign.state != "running":
            return False
        campaign._auto_pause(*reason)
        return True

    @api.model
    def _end_batch(self, context, balancer, stop):
        campaign = self.env["chatwoot.campaign"].browse(context["campaign_id"])
        self.env["chatwoot.campaign.sender"]._record_health(balancer.slots.values())
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
        eta = batch.next_dispatch(fields.Datetime.now(), stop, next_due)
        campaign._schedule_dispatch(eta=eta, sender_ids=list(balancer.slots))


class _Port:
    """A batch's database and network work (the port of ``dispatch.batch.Batch``)."""

    def __init__(self, dispatcher, context, token):
        self.dispatcher = dispatcher
        self.context = context
        self.token = token
        self.watch = None

    def step(self, pending, autopause=None, renew=False, claim=None):
        context = self.context
        with self.dispatcher._step() as env:
            env["chatwoot.campaign.recipient"]._confirm_sends(context["channel"], pending)
            dispatcher = env["chatwoot.campaign.dispatcher"]
            if autopause is not None and dispatcher._check_autopause(context, autopause):
                return {"paused": True}
            if renew:
                env["chatwoot.campaign.sender"]._renew_leases(
                    list(context["routes"]), self.token, context["lease_seconds"]
                )
            if claim is not None:
                return dispatcher._claim(context, *claim)
            return {}

    def state(self):
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

    def send(self, sender_id, delivery):
        return self.dispatcher._send(self.context, sender_id, delivery)

    def drain(self, pending, deliveries):
        with self.dispatcher._step() as env:
            Recipient = env["chatwoot.campaign.recipient"]
            Recipient._confirm_sends(self.context["channel"], pending)
            Recipient._release_claims(deliveries)
