# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import dataclasses
import logging
import time
from datetime import datetime, timedelta

import pytz

from odoo import SUPERUSER_ID, Command, api, fields, models
from odoo.tools import SQL

from odoo.addons.queue_job.exception import RetryableJobError

from ..ai import CustomerAgent, LLMUnavailable, build_llm, detect_language
from ..chatwoot.client import ChatwootError
from .chatwoot_ai_run import HANDOFF_REASONS

_logger = logging.getLogger(__name__)

BOT_CHANNEL = "root.chatwoot.ai"
BOT_USER_XMLID = "chatwoot_ai_base.user_chatwoot_ai_bot"
DEBOUNCE_PARAM = "chatwoot_ai.bot_debounce_seconds"
DEBOUNCE_DEFAULT = 3
REPLY_CAP_PARAM = "chatwoot_ai.bot_max_replies_per_hour"
REPLY_CAP_DEFAULT = 20
HANDOFF_LABEL = "ai-handoff"
#: Seconds before the 2nd and 3rd model call after the LLM failed: three tries in all.
LLM_RETRY_DELAYS = (20, 90)
#: First key of the advisory lock that serialises the bot's jobs of one conversation.
BOT_LOCK_NAMESPACE = 7_400_002
HISTORY_LIMIT = 20
#: Days of the week (Monday = 0) each ``bot_days`` choice covers.
BOT_DAYS = {"all": range(7), "mon_fri": range(5), "mon_sat": range(6)}


def is_customer_message(message):
    """Whether a stored message is something a customer said that the bot may answer.

    Outgoing, private, activity and template messages never are, nor anything an agent,
    a bot or an assistant sent: Chatwoot echoes the bot's own replies back as webhooks.
    """
    return (
        message.message_type == "incoming"
        and not message.private
        and message.sender_type in (False, "contact")
        and bool((message.content or "").strip())
    )


def within_hours(local_now, days, hour_from, hour_to):
    """Whether ``local_now`` (a naive local datetime) falls in the bot's weekly hours.

    >>> within_hours(datetime(2026, 1, 5, 10, 30), "mon_fri", 9.0, 18.0)
    True
    >>> within_hours(datetime(2026, 1, 4, 10, 30), "mon_fri", 9.0, 18.0)  # a Sunday
    False
    >>> within_hours(datetime(2026, 1, 5, 23, 0), "all", 22.0, 6.0)  # overnight
    True
    """
    hour = local_now.hour + local_now.minute / 60
    weekday = local_now.weekday()
    if hour_from <= hour_to:
        return weekday in BOT_DAYS[days] and hour_from <= hour < hour_to
    # An overnight window belongs to the day it starts.
    if hour >= hour_from:
        return weekday in BOT_DAYS[days]
    return (weekday - 1) % 7 in BOT_DAYS[days] and hour < hour_to


def next_opening(local_now, days, hour_from):
    """The next local datetime at which the window opens (within the coming week).

    >>> next_opening(datetime(2026, 1, 9, 19, 0), "mon_fri", 9.0)  # Friday evening
    datetime.datetime(2026, 1, 12, 9, 0)
    """
    start = local_now.replace(hour=0, minute=0, second=0, microsecond=0)
    opening = timedelta(hours=hour_from)
    for offset in range(8):
        candidate = start + timedelta(days=offset) + opening
        if candidate > local_now and candidate.weekday() in BOT_DAYS[days]:
            return candidate.replace(second=0, microsecond=0)
    return None


class ChatwootBot(models.AbstractModel):
    """The customer-service agent bot: which messages it answers, when, and how.

    The webhook drain calls :meth:`_on_new_messages` for every stored message; a debounced
    job per conversation then runs the crew as the bot user and posts the reply or hands
    the conversation to humans. Every run is logged as ``chatwoot.ai.run``.
    """

    _name = "chatwoot.bot"
    _description = "Chatwoot AI Agent Bot"

    # ------------------------------------------------------------------ trigger
    @api.model
    def _on_new_messages(self, messages):
        """Schedule one reply job per conversation that got a new customer message."""
        candidates = messages.filtered(is_customer_message)
        candidates -= self._messages_handled_elsewhere(candidates)
        if not candidates or not any(candidates.account_id.mapped("bot_enabled")):
            return
        for conversation in candidates.conversation_id:
            if self._bot_handles(conversation):
                self._schedule_reply(conversation)

    @api.model
    def _messages_handled_elsewhere(self, messages):
        """The customer messages another addon answers itself (e.g. an opt-out keyword that
        the campaign addon confirms): the agent leaves them alone. Extension hook."""
        return messages.browse()

    @api.model
    def _bot_handles(self, conversation):
        """Whether the bot, not a person, should answer the conversation now."""
        if not conversation.account_id.bot_enabled or conversation.inbox_id.bot_opt_out:
            return False
        if conversation.status == "pending":
            return True
        return not conversation.assignee_name and not self._handed_off(conversation)

    @api.model
    def _handed_off(self, conversation):
        """Whether the bot handed the conversation to humans since it was last resolved."""
        labels = {label.strip() for label in (conversation.labels or "").split(",")}
        if HANDOFF_LABEL in labels:
            return True
        domain = [("conversation_id", "=", conversation.id), ("state", "=", "handoff")]
        if conversation.resolved_at:
            domain.append(("create_date", ">", conversation.resolved_at))
        return bool(self.env["chatwoot.ai.run"].sudo().search_count(domain, limit=1))

    @api.model
    def _schedule_reply(self, conversation):
        """One waiting job per conversation: a burst of messages gets one answer."""
        identity = f"chatwoot_bot_reply:{conversation.id}"
        if self.env.execute_query(
            SQL(
                "SELECT 1 FROM queue_job WHERE identity_key = %s "
                "AND state IN ('wait_dependencies', 'pending', 'enqueued') LIMIT 1",
                identity,
            )
        ):
            return False
        params = self.env["ir.config_parameter"].sudo()
        delay = int(params.get_param(DEBOUNCE_PARAM, DEBOUNCE_DEFAULT))
        eta = fields.Datetime.now() + timedelta(seconds=delay) if delay > 0 else None
        self.with_user(SUPERUSER_ID).with_delay(
            channel=BOT_CHANNEL,
            eta=eta,
            identity_key=identity,
            description=f"AI agent: answer conversation #{conversation.display_id}",
        )._job_reply(conversation)
        return True

    # ------------------------------------------------------------------ job
    @api.model
    def _job_reply(self, conversation, run_id=0):
        """Queue job: answer the conversation's unanswered customer messages.

        ``run_id`` is set when a failed model call is tried again: the run already holds
        the messages and the inputs.
        """
        locked = self.env.execute_query(
            SQL("SELECT pg_try_advisory_xact_lock(%s, %s)", BOT_LOCK_NAMESPACE, conversation.id)
        )[0][0]
        if not locked:
            raise RetryableJobError("another bot job of this conversation is running", 2, True)
        if run_id:
            run = self.env["chatwoot.ai.run"].browse(run_id).exists()
            if not run or run.state != "queued":
                return "run already finished"
        else:
            messages = self._unanswered_messages(conversation)
            if not messages:
                return "nothing to answer"
            if not self._bot_handles(conversation):
                return "the conversation is handled by people"
            run = self._new_run(conversation, messages)
        return self._answer(run)

    @api.model
    def _unanswered_messages(self, conversation):
        """Customer messages newer than anything answered, oldest first.

        Answered means covered by an earlier bot run, or followed by a public outgoing
        message (a person, or the bot, replied in Chatwoot): a conversation handed back to
        the bot never gets answers to what people already dealt with.
        """
        Message = self.env["chatwoot.message"]
        last_run = self.env["chatwoot.ai.run"].search(
            [("conversation_id", "=", conversation.id), ("kind", "=", "reply")],
            order="last_message_id desc",
            limit=1,
        )
        last_answer = Message.search(
            [
                ("conversation_id", "=", conversation.id),
                ("message_type", "=", "outgoing"),
                ("private", "=", False),
            ],
            order="chatwoot_message_id desc",
            limit=1,
        )
        since = max(last_run.last_message_id, last_answer.chatwoot_message_id)
        messages = Message.search(
            [
                ("conversation_id", "=", conversation.id),
                ("chatwoot_message_id", ">", since),
                ("message_type", "=", "incoming"),
            ],
            order="chatwoot_message_id",
        )
        own = set(self._posted_message_ids(conversation))
        messages = messages.filtered(
            lambda m: is_customer_message(m) and m.chatwoot_message_id not in own
        )
        return messages - self._messages_handled_elsewhere(messages)

    @api.model
    def _posted_message_ids(self, conversation):
        runs = self.env["chatwoot.ai.run"].search(
            [("conversation_id", "=", conversation.id), ("reply_message_id", "!=", 0)]
        )
        return runs.mapped("reply_message_id")

    @api.model
    def _new_run(self, conversation, messages, kind="reply"):
        """Store the run with its inputs before any model is called."""
        company = conversation.company_id.sudo()
        return self.env["chatwoot.ai.run"].create(
            {
                "account_id": conversation.account_id.id,
                "conversation_id": conversation.id,
                "partner_id": conversation.partner_id.id,
                "kind": kind,
                "trigger_message_ids": [Command.set(messages.ids)],
                "last_message_id": max(messages.mapped("chatwoot_message_id"), default=0),
                "input_text": "\n".join(messages.mapped("content")),
                "provider": company.chatwoot_ai_llm_provider,
                "model": company.chatwoot_ai_llm_model or False,
                "state": "queued",
            }
        )

    @api.model
    def _history(self, conversation, before):
        """The public exchange before the batch, oldest first, as the agent expects it."""
        messages = self.env["chatwoot.message"].search(
            [
                ("conversation_id", "=", conversation.id),
                ("chatwoot_message_id", "<", before),
                ("private", "=", False),
                ("message_type", "in", ("incoming", "outgoing")),
            ],
            order="chatwoot_message_id desc",
            limit=HISTORY_LIMIT,
        )
        return [
            {
                "role": "customer" if message.message_type == "incoming" else "agent",
                "content": message.content or "",
            }
            for message in reversed(messages)
            if message.content
        ]

    def _answer(self, run):
        """Decide, call the crew if allowed, and deliver: the whole life of one run."""
        conversation = run.conversation_id
        company = conversation.company_id
        profile = self.env["chatwoot.business.profile"]._profile_for(company)
        texts = run.trigger_message_ids.sorted("chatwoot_message_id").mapped("content")
        language = detect_language(" ".join(texts), default=profile.default_language)
        summary = " / ".join(texts)
        run.write({"state": "running", "language": language})
        reply = self._precheck(conversation, run, profile, language, summary)
        if reply is None:
            started = time.perf_counter()
            try:
                reply = self._run_agent(conversation, texts, run)
            except LLMUnavailable as error:
                reply = self._llm_failed(run, error, profile, language, summary)
                if reply is None:
                    return "LLM unavailable; tried again later"
            run.latency_ms = int((time.perf_counter() - started) * 1000)
        self._deliver(run, reply)
        return f"run {run.id}: {run.state}"

    def _precheck(self, conversation, run, profile, language, summary):
        """A hand-off decided without the model (hours, budget, reply cap), or None."""
        inbox = conversation.inbox_id
        back_at = self._closed_until(inbox)
        if back_at:
            text = CustomerAgent.out_of_hours_text(language, profile, back_at)
            return self._handoff_reply("out_of_hours", language, profile, summary, text=text)
        if conversation.company_id.sudo().chatwoot_ai_budget_spent:
            return CustomerAgent.handoff_reply("budget", language, profile, summary=summary)
        if self._replies_last_hour(conversation) >= self._reply_cap():
            return self._handoff_reply("reply_cap", language, profile, summary)
        return None

    @api.model
    def _handoff_reply(self, reason, language, profile, summary, text=None):
        """A hand-off for a reason only the model layer knows (hours, reply cap)."""
        base = CustomerAgent.handoff_reply("escalation_rule", language, profile, summary=summary)
        return dataclasses.replace(
            base, handoff_reason=reason, text=base.text if text is None else text
        )

    @api.model
    def _closed_until(self, inbox):
        """When the inbox's bot hours open again ("09:00"), or "" when they are open now."""
        if not inbox or inbox.bot_always_on:
            return ""
        tz = pytz.timezone(inbox.bot_tz or self.env.company.partner_id.tz or "UTC")
        local_now = datetime.now(pytz.utc).astimezone(tz).replace(tzinfo=None)
        if within_hours(local_now, inbox.bot_days, inbox.bot_hour_from, inbox.bot_hour_to):
            return ""
        opening = next_opening(local_now, inbox.bot_days, inbox.bot_hour_from)
        if not opening:
            return "?"
        if opening.date() == local_now.date():
            return opening.strftime("%H:%M")
        return opening.strftime("%d/%m %H:%M")

    @api.model
    def _reply_cap(self):
        params = self.env["ir.config_parameter"].sudo()
        return int(params.get_param(REPLY_CAP_PARAM, REPLY_CAP_DEFAULT))

    @api.model
    def _replies_last_hour(self, conversation):
        """Loop guard: how many answers the bot posted in the conversation in the last hour."""
        return self.env["chatwoot.ai.run"].search_count(
            [
                ("conversation_id", "=", conversation.id),
                ("kind", "=", "reply"),
                ("state", "=", "done"),
                ("create_date", ">=", fields.Datetime.now() - timedelta(hours=1)),
            ]
        )

    @api.model
    def _bot_env(self, conversation):
        """The bot user's environment, scoped to the conversation's customer and company.

        Record rules of the bot group read ``chatwoot_customer_id``: the crew's tools see
        that customer's orders and conversations, never another's.
        """
        bot = self.env.ref(BOT_USER_XMLID).sudo()
        company = conversation.company_id
        if company not in bot.company_ids:
            bot.write({"company_ids": [Command.link(company.id)]})
        customer = conversation.partner_id.commercial_partner_id
        context = dict(
            self.env.context,
            chatwoot_customer_id=customer.id or 0,
            allowed_company_ids=[company.id],
        )
        return self.env(user=bot.id, context=context, su=False)

    def _agent(self, conversation):
        """The crew for the conversation, its tools bound to the bot user's environment."""
        env = self._bot_env(conversation)
        company = conversation.company_id
        # The tools search as the bot user (record rules apply); the conversation itself is
        # read as it was given, so one without a customer still gets product answers.
        tools = env["chatwoot.context"]._agent_tools(conversation)
        profile = self.env["chatwoot.business.profile"]._profile_for(company)
        llm = build_llm(company._chatwoot_ai_llm_settings())
        return CustomerAgent(llm, tools, profile, intent_model=self._intent_model())

    @api.model
    def _intent_model(self):
        """A trained intent classifier for the hub, ``model(text)`` -> ``(intent, probability)``
        over ``ai.intents.INTENTS``, or None to route by the hub's keyword rules alone.

        The analytics addon overrides this with its classifier (``stats.intent``)."""
        return None

    def _run_agent(self, conversation, texts, run):
        run.attempts += 1
        first = min(run.trigger_message_ids.mapped("chatwoot_message_id"), default=0)
        history = self._history(conversation, first)
        return self._agent(conversation).reply(texts, history)

    def _llm_failed(self, run, error, profile, language, summary):
        """Try again later with back-off; after the last try, the hand-off reply."""
        run.error = str(error) or type(error).__name__
        if run.attempts <= len(LLM_RETRY_DELAYS):
            delay = LLM_RETRY_DELAYS[run.attempts - 1]
            run.state = "queued"
            self.with_user(SUPERUSER_ID).with_delay(
                channel=BOT_CHANNEL,
                eta=fields.Datetime.now() + timedelta(seconds=delay),
                identity_key=f"chatwoot_bot_retry:{run.id}:{run.attempts}",
                description=f"AI agent: retry run {run.id}",
            )._job_reply(run.conversation_id, run_id=run.id)
            return None
        _logger.warning("AI run %s: LLM unavailable after %s tries", run.id, run.attempts)
        return CustomerAgent.handoff_reply("llm_error", language, profile, summary=summary)

    # ------------------------------------------------------------------ delivery
    def _deliver(self, run, reply):
        """Post the reply (and the hand-off), then record what happened on the run."""
        conversation = run.conversation_id
        run.write(self._run_values(run, reply))
        try:
            with conversation.account_id._chatwoot_client() as client:
                if reply.text:
                    posted = client.send_message(
                        conversation.display_id,
                        reply.text,
                        message_type="outgoing",
                        echo_id=f"chatwoot-ai-run-{run.id}",
                    )
                    run.reply_message_id = int(posted.get("id") or 0)
                if reply.handoff:
                    self._hand_off(client, run, reply)
        except ChatwootError as error:
            run.write({"state": "failed", "error": str(error)})
            return False
        return True

    def _run_values(self, run, reply):
        company = run.company_id
        cost = self.env["res.company"]._chatwoot_ai_estimated_cost(
            company, reply.tokens_in, reply.tokens_out
        )
        reason = reply.handoff_reason if reply.handoff else False
        return {
            "state": "handoff" if reply.handoff else "done",
            "handoff_reason": reason if reason in dict(HANDOFF_REASONS) else False,
            "output": reply.text,
            "summary": reply.summary,
            "suggested_reply": reply.suggested_reply,
            "language": reply.language,
            "intent": reply.intent or False,
            "crew": reply.crew,
            "confidence": reply.confidence,
            "context_snapshot": reply.context or {},
            "tokens_in": reply.tokens_in,
            "tokens_out": reply.tokens_out,
            "estimated_cost": cost,
        }

    def _hand_off(self, client, run, reply):
        """Open the conversation for people, leave them a note, and label it."""
        conversation = run.conversation_id
        client.toggle_status(conversation.display_id, "open")
        client.send_message(
            conversation.display_id,
            self._handoff_note(run, reply),
            private=True,
            echo_id=f"chatwoot-ai-note-{run.id}",
        )
        labels = client.add_labels(conversation.display_id, [HANDOFF_LABEL])
        # The mirror follows at once, so messages arriving before Chatwoot's webhooks
        # find the conversation in people's hands.
        conversation.write(
            {
                "status": "open",
                "labels": ", ".join(labels) if isinstance(labels, list) else HANDOFF_LABEL,
            }
        )

    def _handoff_note(self, run, reply):
        reason = run._fields["handoff_reason"].convert_to_export(run.handoff_reason, run)
        lines = [
            self.env._("AI agent hand-off: %(reason)s", reason=reason or reply.handoff_reason),
            self.env._("Summary: %(summary)s", summary=reply.summary or run.input_text),
        ]
        if reply.suggested_reply:
            lines.append(self.env._("Suggested reply: %(reply)s", reply=reply.suggested_reply))
        return "\n".join(lines)

    # ------------------------------------------------------------------ agent assist
    @api.model
    def _suggest_reply(self, conversation):
        """Draft an answer for a person (never posted, never a hand-off); returns the run."""
        messages = self.env["chatwoot.message"].search(
            [("conversation_id", "=", conversation.id), ("message_type", "=", "incoming")],
            order="chatwoot_message_id desc",
            limit=3,
        )
        messages = messages.filtered(is_customer_message).sorted("chatwoot_message_id")
        run = self._new_run(conversation, messages, kind="suggest")
        if conversation.company_id.sudo().chatwoot_ai_budget_spent:
            run.write({"state": "failed", "handoff_reason": "budget", "error": "budget spent"})
            return run
        texts = messages.mapped("content")
        started = time.perf_counter()
        run.attempts = 1
        try:
            first = min(messages.mapped("chatwoot_message_id"), default=0)
            history = self._history(conversation, first) if first else []
            reply = self._agent(conversation).suggest_reply(texts, history)
        except LLMUnavailable as error:
            run.write({"state": "failed", "error": str(error) or type(error).__name__})
            return run
        values = self._run_values(run, reply)
        values.update(state="done", handoff_reason=False, output=False)
        values["latency_ms"] = int((time.perf_counter() - started) * 1000)
        run.write(values)
        return run
