# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import random
import time
import uuid
from collections import deque
from contextlib import contextmanager
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.chatwoot import client as chatwoot_errors
from odoo.addons.chatwoot_ai_social.meta import graph as graph_errors

from ..dispatch import channels
from ..dispatch.autopause import Outcome, Thresholds, pause_reason
from ..dispatch.balancer import LoadBalancer, SenderSlot
from ..dispatch.bandit import ThompsonSampler
from ..dispatch.constants import UNKNOWN_OUTCOME

_logger = logging.getLogger(__name__)

#: Seconds a batch's lease on its campaign lasts without renewal (a killed worker's ends).
LEASE_SECONDS = 30
LEASE_PARAM = "chatwoot_ai_campaign.lease_seconds"
BATCH_SECONDS = 50.0
#: Longest nap while every sender waits for a token (pause/cancel are seen after it).
MAX_NAP = 1.0
#: A recipient due within this many seconds is waited for inside the batch.
MAX_IDLE = 5.0
MAX_ATTEMPTS = 3
AUTOPAUSE_EVERY = 10
WHATSAPP_INBOX = "Channel::Whatsapp"


class ChatwootCampaignDispatcher(models.AbstractModel):
    """Sends a campaign's due recipients, one at a time, crash-safe.

    Each step runs in its own short transaction on a fresh cursor: *claim* (the recipient
    becomes ``sending``, committed), *send* (no transaction open), *mark* (``sent`` with
    the provider's id, committed). A recipient left ``sending`` by a killed worker is
    checked against the provider on the next batch, never blindly sent again.
    """

    _name = "chatwoot.campaign.dispatcher"
    _description = "Campaign Dispatcher"

    @contextmanager
    def _step(self):
        """A short transaction of its own, committed on success (as the superuser)."""
        with self.env.registry.cursor() as cr:
            yield api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    # ------------------------------------------------------------------ batch
    @api.model
    def _dispatch(self, campaign_id, max_seconds=None, clock=time.monotonic, sleep=time.sleep):
        """Send what is due for ``max_seconds`` at most; then the next job is scheduled.

        One batch per campaign at a time: the batch holds a lease on the campaign
        (committed, renewed while it runs). A killed worker's lease simply expires.
        """
        token = uuid.uuid4().hex
        with self._step() as env:
            leased_until = env["chatwoot.campaign.dispatcher"]._take_lease(campaign_id, token)
        if leased_until is not True:
            if leased_until:
                with self._step() as env:
                    env["chatwoot.campaign"].browse(campaign_id)._schedule_dispatch(
                        eta=leased_until + timedelta(seconds=1)
                    )
            return "another batch of this campaign is running"
        try:
            return self._run(campaign_id, token, max_seconds or BATCH_SECONDS, clock, sleep)
        finally:
            with self._step() as env:
                env.execute_query(
                    SQL(
                        "UPDATE chatwoot_campaign SET dispatch_lease_until = NULL, "
                        "dispatch_token = NULL WHERE id = %s AND dispatch_token = %s",
                        campaign_id,
                        token,
                    )
                )

    @api.model
    def _renew_lease(self, campaign_id, token, lease):
        self.env.execute_query(
            SQL(
                "UPDATE chatwoot_campaign SET dispatch_lease_until = %s "
                "WHERE id = %s AND dispatch_token = %s",
                fields.Datetime.now() + timedelta(seconds=lease),
                campaign_id,
                token,
            )
        )

    @api.model
    def _lease_seconds(self):
        params = self.env["ir.config_parameter"].sudo()
        return int(params.get_param(LEASE_PARAM, LEASE_SECONDS))

    @api.model
    def _take_lease(self, campaign_id, token):
        """True when this batch got the campaign; else when the current lease ends."""
        now = fields.Datetime.now()
        rows = self.env.execute_query(
            SQL(
                "UPDATE chatwoot_campaign SET dispatch_token = %s, dispatch_lease_until = %s "
                "WHERE id = %s AND (dispatch_lease_until IS NULL OR dispatch_lease_until < %s) "
                "RETURNING id",
                token,
                now + timedelta(seconds=self._lease_seconds()),
                campaign_id,
                now,
            )
        )
        if rows:
            return True
        rows = self.env.execute_query(
            SQL("SELECT dispatch_lease_until FROM chatwoot_campaign WHERE id = %s", campaign_id)
        )
        return rows[0][0] if rows else False

    def _run(self, campaign_id, token, max_seconds, clock, sleep):
        with self._step() as env:
            context = env["chatwoot.campaign.dispatcher"]._batch_context(campaign_id)
        if context is None:
            return "campaign is not running"
        self._recover(context)
        balancer = LoadBalancer(context["slots"], clock=time.time)
        outcomes = deque(maxlen=max(1, context["thresholds"].window))
        deadline = clock() + max_seconds
        sent = attempts = 0
        stop = None
        renewed = clock()
        lease = context["lease_seconds"]
        # The last send is marked in the same short transaction that claims the next one:
        # one commit per message, and still committed before the next network call.
        pending = []
        while clock() < deadline:
            slot = balancer.pick()
            if not slot:
                wait = balancer.wait_time()
                if pending:
                    with self._step() as env:
                        env["chatwoot.campaign.dispatcher"]._mark(context, *pending.pop())
                if wait is None:
                    stop = "every sender reached its daily cap"
                    break
                sleep(min(wait, MAX_NAP, max(0.0, deadline - clock())))
                continue
            with self._step() as env:
                dispatcher = env["chatwoot.campaign.dispatcher"]
                if pending:
                    dispatcher._mark(context, *pending.pop())
                    if attempts % min(AUTOPAUSE_EVERY, outcomes.maxlen) == 0:
                        dispatcher._check_autopause(context, outcomes)
                if clock() - renewed > lease / 3:
                    renewed = clock()
                    dispatcher._renew_lease(campaign_id, token, lease)
                claim = dispatcher._claim(context, slot.sender_id)
            if claim.get("idle"):
                _refund(slot)
                wait = claim.get("wait")
                if wait is None or wait > min(MAX_IDLE, deadline - clock()):
                    stop = claim["idle"]
                    break
                sleep(max(0.0, min(wait, MAX_NAP)))
                continue
            if claim.get("skipped"):
                _refund(slot)
                continue
            if claim.get("done"):  # e-mail: queued in Odoo's mail queue in the same step
                outcomes.append(Outcome())
                sent += 1
                continue
            result = self._send(context, slot.sender_id, claim)
            pending.append((slot.sender_id, claim, result))
            sent += _report(balancer, slot.sender_id, result)
            outcomes.append(
                Outcome(failed=not result.ok and not result.throttled, blocked=result.blocked)
            )
            attempts += 1
        with self._step() as env:
            if pending:
                env["chatwoot.campaign.dispatcher"]._mark(context, *pending.pop())
            env["chatwoot.campaign.dispatcher"]._end_batch(context, balancer, stop)
        return f"sent {sent}; {stop or 'batch time over'}"

    # ------------------------------------------------------------------ context
    @api.model
    def _batch_context(self, campaign_id):
        """Plain data a batch needs, read once: senders, clients, variants, message."""
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
        for sender in campaign.sender_ids:
            unhealthy = (
                sender.state == "unhealthy"
                and sender.unhealthy_until
                and (sender.unhealthy_until > now)
            )
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
        planner = self.env["chatwoot.campaign.planner"]
        return {
            "campaign_id": campaign.id,
            "channel": campaign.channel,
            "slots": slots,
            "routes": routes,
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
            "consent_channel": planner._consent_channel(campaign),
            "lease_seconds": self._lease_seconds(),
            "settings": planner._settings(campaign, fields.Datetime.now()),
        }

    @api.model
    def _route(self, campaign, sender):
        """How a sender reaches people: an API client (used outside any transaction)."""
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
    def _claim(self, context, sender_id):
        """Claim the next due recipient for ``sender_id`` (committed by the caller's step);
        ``{"idle": why}`` when nothing is due or the campaign stopped running."""
        now = fields.Datetime.now()
        rows = self.env.execute_query(
            SQL(
                """
                WITH next AS (
                    SELECT r.id
                      FROM chatwoot_campaign_recipient r
                      JOIN chatwoot_campaign c ON c.id = r.campaign_id
                     WHERE r.campaign_id = %(campaign)s AND r.state = 'queued'
                       AND r.scheduled_at <= %(now)s AND c.state = 'running'
                  ORDER BY r.scheduled_at, r.id
                     LIMIT 1
                       FOR UPDATE OF r SKIP LOCKED
                )
                UPDATE chatwoot_campaign_recipient r
                   SET state = 'sending', claimed_at = %(now)s, attempts = r.attempts + 1,
                       sender_id = %(sender)s, write_date = %(now)s
                  FROM next
                 WHERE r.id = next.id
             RETURNING r.id
                """,
                campaign=context["campaign_id"],
                now=now,
                sender=sender_id,
            )
        )
        if not rows:
            return self._idle(context["campaign_id"], now)
        recipient = self.env["chatwoot.campaign.recipient"].browse(rows[0][0])
        campaign = recipient.campaign_id
        reason = self.env["chatwoot.campaign.planner"]._recheck(
            campaign, recipient.partner_id.id, context["settings"], context["consent_channel"]
        )
        if reason:
            recipient.write({"state": "skipped", "skip_reason": reason})
            return {"skipped": True}
        if campaign.variant_ids and not recipient.variant_id:
            recipient.variant_id = context["sampler"].choose()
            for arm in context["sampler"].arms:
                if arm.variant_id == recipient.variant_id.id:
                    arm.trials += 1
        message = self.env["chatwoot.campaign.message"]
        if campaign.channel == "email":
            message._send_email(recipient)
            return {"done": True}
        return message._delivery(recipient, context["routes"][sender_id])

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

    # ------------------------------------------------------------------ send
    def _send(self, context, sender_id, claim):
        """The network call (no transaction open)."""
        route = context["routes"][sender_id]
        delivery = claim["delivery"]
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

    @api.model
    def _mark(self, context, sender_id, claim, result):
        recipient = self.env["chatwoot.campaign.recipient"].browse(claim["delivery"].recipient_id)
        sender = self.env["chatwoot.campaign.sender"].browse(sender_id)
        values = {"chatwoot_conversation_id": result.conversation_id or False}
        if result.ok:
            values.update(
                state="sent",
                sent_at=fields.Datetime.now(),
                external_message_id=result.external_id,
                error=False,
            )
            if sender.failure_count:
                sender.failure_count = 0
        elif result.throttled:
            values.update(state="queued", error=result.error)
        elif result.permanent or recipient.attempts >= MAX_ATTEMPTS:
            values.update(state="failed", error=result.error, blocked=result.blocked)
        elif context["channel"] == "chatwoot" and result.conversation_id:
            # Maybe posted (5xx, timeout): look before sending it again.
            values.pop("chatwoot_conversation_id")
            recipient.chatwoot_conversation_id = result.conversation_id
            values.update(error=result.error)
        elif context["channel"] == "chatwoot":
            values.update(state="queued", error=result.error)
        else:
            values.update(state="failed", error=f"{UNKNOWN_OUTCOME}: {result.error}")
        if not result.ok and not result.permanent:
            sender.write({"failure_count": sender.failure_count + 1, "last_error": result.error})
        recipient.write({k: v for k, v in values.items() if k != "chatwoot_conversation_id" or v})

    # ------------------------------------------------------------------ recovery
    def _recover(self, context):
        """Recipients claimed but never confirmed (a killed worker): ask the provider."""
        with self._step() as env:
            orphans = env["chatwoot.campaign.recipient"].search_read(
                [("campaign_id", "=", context["campaign_id"]), ("state", "=", "sending")],
                [
                    "sender_id",
                    "chatwoot_conversation_id",
                    "idempotency_key",
                    "address",
                    "claimed_at",
                    "attempts",
                ],
            )
        for orphan in orphans:
            outcome = self._provider_outcome(context, orphan)
            with self._step() as env:
                env["chatwoot.campaign.recipient"].browse(orphan["id"]).write(outcome)

    def _provider_outcome(self, context, orphan):
        sender_id = orphan["sender_id"] and orphan["sender_id"][0]
        route = context["routes"].get(sender_id) or next(iter(context["routes"].values()), {})
        if context["channel"] == "chatwoot":
            conversation = orphan["chatwoot_conversation_id"]
            if not conversation:
                # The message is posted only after its conversation was recorded.
                return {"state": "queued"}
            try:
                messages = route["client"].list_messages(conversation)
            except chatwoot_errors.ChatwootError as error:
                return {"state": "failed", "error": f"{UNKNOWN_OUTCOME}: {error}"}
            found = channels.find_chatwoot_message(messages, orphan["idempotency_key"])
            if found:
                return {
                    "state": "sent",
                    "external_message_id": found,
                    "sent_at": orphan["claimed_at"],
                    "error": False,
                }
            if orphan["attempts"] >= MAX_ATTEMPTS:
                return {"state": "failed", "error": UNKNOWN_OUTCOME}
            return {"state": "queued"}
        if context["channel"] == "whatsapp_cloud":
            with self._step() as env:
                status = env["chatwoot.social.message.status"].search(
                    [
                        ("recipient_id", "=", channels.whatsapp_digits(orphan["address"])),
                        ("timestamp", ">=", orphan["claimed_at"]),
                    ],
                    limit=1,
                )
                if status:
                    return {
                        "state": "sent",
                        "external_message_id": status.external_message_id,
                        "sent_at": orphan["claimed_at"],
                        "error": False,
                    }
        return {"state": "failed", "error": UNKNOWN_OUTCOME}

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
        if not reason:
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
        if stop == "every sender reached its daily cap":
            eta = now.replace(hour=0, minute=0, second=0) + timedelta(days=1)
        elif next_due and next_due > eta:
            eta = next_due
        campaign._schedule_dispatch(eta=eta)


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


def _refund(slot):
    """Give back the token of a pick that sent nothing."""
    slot.bucket.tokens = min(slot.bucket.capacity, slot.bucket.tokens + 1)
    slot.cap.used = max(0, slot.cap.used - 1)
    slot.sent = max(0, slot.sent - 1)
