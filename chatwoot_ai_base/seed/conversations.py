# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Chatwoot conversations around the customers' orders, with realistic service times.

Conversations are triggered by what customers do: questions before buying (purchase, price),
order status and shipping questions after, exchanges and complaints days later, compliments,
support and small talk at random. Sentiment depends on the intent. Agents work Monday to
Friday 08:00-22:00 and Saturday 09:00-18:00 (Brasília time), so first responses are
log-normal minutes in office hours and jump to the next opening at night and on weekends.

A conversation's summary (first reply, resolution, last activity) is derived from its
messages, so it is consistent by construction: ``first_reply_at`` is the first outgoing,
non-private message and ``last_activity_at`` the last message.
"""

import math
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from .sampling import Weighted, cumulative, poisson, weighted_index
from .texts import ACTIVITY, COUPONS, LABELS, PRIVATE_NOTES, TEXTS, opening_templates

SHOP_TZ = ZoneInfo("America/Sao_Paulo")
#: (weekday -> (opening hour, closing hour)) in the shop's time zone; Sunday closed.
OFFICE_HOURS = {0: (8, 22), 1: (8, 22), 2: (8, 22), 3: (8, 22), 4: (8, 22), 5: (9, 18)}

#: Inboxes of the demo account: key, name, Chatwoot channel type, Chatwoot inbox id.
INBOXES = (
    ("whatsapp", "WhatsApp Loja Bela", "Channel::Whatsapp", 1),
    ("instagram", "Instagram @lojabela", "Channel::Instagram", 2),
    ("facebook", "Facebook Loja Bela", "Channel::FacebookPage", 3),
    ("website", "Chat do site lojabela.com.br", "Channel::WebWidget", 4),
    ("email", "E-mail atendimento@lojabela.example", "Channel::Email", 5),
)
CHANNEL_TYPE = {key: channel_type for key, _name, channel_type, _id in INBOXES}
#: Median minutes to answer in office hours, per channel (e-mail is worked in batches).
REPLY_MEDIAN_MINUTES = {
    "whatsapp": 6,
    "instagram": 11,
    "facebook": 14,
    "website": 4,
    "email": 95,
}
AGENTS = {
    "pt": ("Camila Rocha", "Rafael Lima", "Juliana Alves", "Bruno Costa", "Patrícia Gomes"),
    "es": ("Lucía Fernández", "Camila Rocha"),
    "en": ("Marina Duarte", "Rafael Lima"),
}
BOT_NAME = "Bela (assistente virtual)"

#: P(sentiment) per intent: positive, neutral, negative.
SENTIMENT_BY_INTENT = {
    "purchase": (0.45, 0.50, 0.05),
    "price": (0.20, 0.70, 0.10),
    "order_status": (0.05, 0.60, 0.35),
    "shipping": (0.10, 0.75, 0.15),
    "exchange_return": (0.05, 0.60, 0.35),
    "complaint": (0.00, 0.15, 0.85),
    "compliment": (0.95, 0.05, 0.00),
    "support": (0.10, 0.75, 0.15),
    "other": (0.20, 0.75, 0.05),
}
#: Back-and-forth exchanges after the first reply: (min, max) per intent.
EXCHANGES = {
    "purchase": (1, 3),
    "price": (0, 2),
    "order_status": (0, 2),
    "shipping": (0, 2),
    "exchange_return": (1, 4),
    "complaint": (2, 5),
    "compliment": (0, 1),
    "support": (1, 3),
    "other": (0, 1),
}
#: Conversations triggered by an order: intent, probability per order, offset days (min, max).
ORDER_TRIGGERS = (
    ("order_status", 0.12, (2.0, 9.0)),
    ("shipping", 0.06, (0.2, 3.0)),
    ("exchange_return", 0.05, (5.0, 25.0)),
    ("complaint", 0.04, (3.0, 20.0)),
    ("compliment", 0.03, (4.0, 15.0)),
)
ORDER_INTENTS = ("order_status", "exchange_return", "complaint")
PRE_PURCHASE_SHARE = 0.10
RANDOM_PER_YEAR = 0.25
PROSPECT_CONVERSATIONS = 0.6
PROSPECT_INTENTS = (("purchase", 0.35), ("price", 0.3), ("support", 0.1), ("other", 0.25))
RANDOM_INTENTS = (("support", 0.45), ("other", 0.3), ("price", 0.15), ("shipping", 0.1))
SENTIMENT_DRAW = {
    intent: Weighted(("positive", "neutral", "negative"), weights)
    for intent, weights in SENTIMENT_BY_INTENT.items()
}
DELIVERY_DRAW = Weighted(("delivered", "read", "failed"), (0.25, 0.745, 0.005))
PRIORITY_DRAW = {
    "complaint": Weighted(("medium", "high", "urgent"), (0.15, 0.7, 0.15)),
    "negative": Weighted(("none", "medium", "high"), (0.4, 0.4, 0.2)),
    "other": Weighted(("none", "low"), (0.85, 0.15)),
}
OPEN_STATUS_DRAW = Weighted(("open", "pending", "snoozed"), (0.7, 0.2, 0.1))
PROSPECT_INTENT_DRAW = Weighted.of(PROSPECT_INTENTS)
RANDOM_INTENT_DRAW = Weighted.of(RANDOM_INTENTS)
# fmt: off
CHAT_HOURS = (0.5, 0.3, 0.2, 0.1, 0.1, 0.2, 0.6, 1.5, 3, 4, 4.5, 4.5, 4, 4, 4, 4, 4, 4, 4.5, 5,
              5.5, 5.5, 4.5, 2.5)
# fmt: on


@dataclass(slots=True)
class Message:
    created_at: datetime
    message_type: str
    private: bool
    sender_type: str
    sender_name: str
    content: str
    status: str
    chatwoot_message_id: int = 0


@dataclass(slots=True)
class Conversation:
    key: int
    customer: int
    channel: str
    intent: str
    sentiment: str
    order: int
    status: str = "open"
    priority: str = "none"
    assignee_name: str = None
    labels: str = None
    created_at: datetime = None
    first_reply_at: datetime = None
    resolved_at: datetime = None
    last_activity_at: datetime = None
    messages: list = field(default_factory=list)

    def summarize(self):
        """Derive the conversation's timestamps from its messages."""
        self.messages.sort(key=lambda m: m.created_at)
        self.created_at = self.messages[0].created_at
        self.last_activity_at = self.messages[-1].created_at
        self.first_reply_at = next(
            (m.created_at for m in self.messages if m.message_type == "outgoing" and not m.private),
            None,
        )


def _to_utc_naive(aware):
    return aware.astimezone(timezone.utc).replace(tzinfo=None)


def in_office(utc_naive):
    local = utc_naive.replace(tzinfo=timezone.utc).astimezone(SHOP_TZ)
    hours = OFFICE_HOURS.get(local.weekday())
    return bool(hours) and hours[0] <= local.hour < hours[1]


def next_opening(utc_naive):
    """The moment the team is next at work (``utc_naive`` itself when it already is)."""
    if in_office(utc_naive):
        return utc_naive
    local = utc_naive.replace(tzinfo=timezone.utc).astimezone(SHOP_TZ)
    day = local.date()
    for offset in range(8):
        candidate_day = day + timedelta(days=offset)
        hours = OFFICE_HOURS.get(candidate_day.weekday())
        if not hours:
            continue
        opening = datetime.combine(candidate_day, time(hours[0]), SHOP_TZ)
        if opening > local:
            return _to_utc_naive(opening)
    raise ValueError("office hours never open")  # pragma: no cover


def format_brl(cents):
    reais = f"{cents // 100:,}".replace(",", ".")
    return f"R$ {reais},{cents % 100:02d}"


class ConversationFactory:
    """Writes conversations for customers and their orders."""

    def __init__(self, rng, catalog, end):
        self.rng = rng
        self.catalog = catalog
        self.end = end
        self.templates = {t.code: t for t in catalog.templates}
        self.popular = [t for t in catalog.templates if len(t.variants) <= 6]
        self.hours_cumulative = cumulative(CHAT_HOURS)
        self.zones = {}

    # -- timing -----------------------------------------------------------------------------

    def _lognormal_seconds(self, median_minutes, sigma):
        return max(5.0, self.rng.lognormvariate(math.log(median_minutes * 60.0), sigma))

    def agent_reply_at(self, after, channel, priority, busy):
        """When an agent answers a message sent at ``after``."""
        median = REPLY_MEDIAN_MINUTES[channel] * (0.6 if priority in ("high", "urgent") else 1.0)
        median *= 1.8 if busy else 1.0
        opening = next_opening(after)
        if opening > after:  # the night's or weekend's backlog is worked first
            median = max(median, 25.0)
        return opening + timedelta(seconds=self._lognormal_seconds(median, 0.9))

    def customer_reply_at(self, after, channel):
        rng = self.rng
        if rng.random() < 0.1:  # answers later that day or the next one
            return after + timedelta(seconds=rng.uniform(2 * 3600, 26 * 3600))
        median = 120.0 if channel == "email" else 3.0
        return after + timedelta(seconds=self._lognormal_seconds(median, 1.1))

    def local_moment(self, customer, day_utc):
        """A datetime on ``day_utc``'s date at an hour people chat, in the customer's zone."""
        zone = self.zones.get(customer.tz) or self.zones.setdefault(
            customer.tz, ZoneInfo(customer.tz)
        )
        hour = weighted_index(self.rng, self.hours_cumulative)
        local = datetime.combine(
            day_utc.date(),
            time(min(hour, 23), self.rng.randrange(60), self.rng.randrange(60)),
            zone,
        )
        return _to_utc_naive(local)

    # -- content ----------------------------------------------------------------------------

    def _context(self, customer, agent, order, product):
        rng = self.rng
        return {
            "first_name": customer.first_name,
            "agent": agent.split(" ")[0],
            "order_ref": order.web_ref if order else "",
            "product": product.name if product else "produto",
            "price": format_brl(product.price) if product else "",
            "city": customer.city,
            "days": rng.randint(2, 12),
            "coupon": rng.choice(COUPONS),
        }

    def _product_for(self, order):
        if order:
            line = self.rng.choice(order.lines)
            return self.templates[self.catalog.variants[line.variant].template]
        return self.rng.choice(self.popular)

    # -- one conversation -------------------------------------------------------------------

    def build(self, customer, intent, created_at, order, busy):
        """A conversation and its messages, truncated at the end of the window."""
        rng = self.rng
        if intent in ORDER_INTENTS and order is None:
            intent = "support"
        sentiment = SENTIMENT_DRAW[intent].pick(rng)
        channel = customer.channel if rng.random() < 0.8 else rng.choice(tuple(CHANNEL_TYPE))
        agent = rng.choice(AGENTS[customer.language])
        conversation = Conversation(
            0, customer.key, channel, intent, sentiment, order and order.key
        )
        conversation.priority = self._priority(intent, sentiment)
        context = self._context(customer, agent, order, self._product_for(order))
        texts = TEXTS[customer.language]
        t = self._write_opening(conversation, customer, created_at, texts, context)
        if intent == "other" and rng.random() < 0.08:  # "Oi" and gone: closed unanswered
            self._close(conversation, t, agent)
            return conversation
        t = self._write_first_reply(conversation, t, agent, busy, texts, context)
        t = self._write_exchanges(conversation, customer, t, agent, busy, texts, context)
        self._close(conversation, t, agent)
        return conversation

    def _add(self, conversation, at, message_type, content, sender, private=False):
        """Append a message; ``sender`` is (sender type, sender name). Returns its time."""
        status = "sent"
        if message_type == "outgoing" and not private:
            status = DELIVERY_DRAW.pick(self.rng)
        at = at.replace(microsecond=0)  # Odoo stores datetimes to the second
        conversation.messages.append(
            Message(at, message_type, private, sender[0], sender[1], content, status)
        )
        return at

    def _write_opening(self, conversation, customer, created_at, texts, context):
        """The customer's first message(s), and the bot's greeting out of office hours."""
        rng = self.rng
        contact = ("contact", customer.name)
        intent, sentiment = conversation.intent, conversation.sentiment
        opening = rng.choice(opening_templates(customer.language, intent, sentiment))
        t = self._add(conversation, created_at, "incoming", opening.format(**context), contact)
        if rng.random() < 0.2:
            follow = rng.choice(texts["customer_followup"][intent]).format(**context)
            t = self._add(
                conversation,
                t + timedelta(seconds=rng.randint(15, 150)),
                "incoming",
                follow,
                contact,
            )
        if not in_office(t) and conversation.channel != "email":
            greeting = rng.choice(texts["off_hours"])
            self._add(
                conversation,
                t + timedelta(seconds=rng.randint(1, 4)),
                "template",
                greeting,
                ("agent_bot", BOT_NAME),
            )
        return t

    def _write_first_reply(self, conversation, t, agent, busy, texts, context):
        """Assignment, the agent's first answer, then priority and label activities."""
        rng = self.rng
        no_sender = (None, None)
        reply = self.agent_reply_at(t, conversation.channel, conversation.priority, busy)
        assigned = max(reply - timedelta(seconds=rng.randint(5, 90)), t + timedelta(seconds=1))
        self._add(
            conversation,
            min(assigned, reply),
            "activity",
            ACTIVITY["assigned"].format(agent=agent),
            no_sender,
        )
        conversation.assignee_name = agent
        answer = rng.choice(texts["agent_first"][conversation.intent]).format(**context)
        t = self._add(conversation, reply, "outgoing", answer, ("user", agent))
        if conversation.priority in ("high", "urgent"):
            self._add(
                conversation,
                t + timedelta(seconds=rng.randint(5, 60)),
                "activity",
                ACTIVITY["priority"].format(agent=agent, priority="alta"),
                no_sender,
            )
        if rng.random() < 0.55:
            label = LABELS[conversation.intent]
            conversation.labels = label
            self._add(
                conversation,
                t + timedelta(seconds=rng.randint(30, 240)),
                "activity",
                ACTIVITY["labels"].format(agent=agent, label=label),
                no_sender,
            )
        return t

    def _write_exchanges(self, conversation, customer, t, agent, busy, texts, context):
        """Back-and-forth after the first answer, occasional private notes, and goodbyes."""
        rng = self.rng
        channel, priority = conversation.channel, conversation.priority
        contact, user = ("contact", customer.name), ("user", agent)
        low, high = EXCHANGES[conversation.intent]
        for _exchange in range(rng.randint(low, high)):
            follow = rng.choice(texts["customer_followup"][conversation.intent])
            t = self._add(
                conversation,
                self.customer_reply_at(t, channel),
                "incoming",
                follow.format(**context),
                contact,
            )
            if rng.random() < 0.06:
                note = rng.choice(PRIVATE_NOTES).format(**context)
                self._add(
                    conversation,
                    t + timedelta(seconds=rng.randint(20, 300)),
                    "outgoing",
                    note,
                    user,
                    private=True,
                )
            answer = rng.choice(texts["agent_followup"]).format(**context)
            t = self._add(
                conversation,
                self.agent_reply_at(t, channel, priority, busy),
                "outgoing",
                answer,
                user,
            )
        if rng.random() < 0.7:
            goodbye = rng.choice(texts["customer_closing"][conversation.sentiment])
            t = self._add(
                conversation, self.customer_reply_at(t, channel), "incoming", goodbye, contact
            )
            if rng.random() < 0.6:
                thanks = rng.choice(texts["agent_closing"]).format(**context)
                t = self._add(
                    conversation,
                    self.agent_reply_at(t, channel, priority, busy),
                    "outgoing",
                    thanks,
                    user,
                )
        return t

    def _priority(self, intent, sentiment):
        rng = self.rng
        if intent == "complaint":
            return PRIORITY_DRAW["complaint"].pick(rng)
        if sentiment == "negative":
            return PRIORITY_DRAW["negative"].pick(rng)
        return PRIORITY_DRAW["other"].pick(rng)

    def _close(self, conversation, last, agent):
        """Resolve after the last message (some wait days on the customer first), then cut
        what happens after the window's end and set the status accordingly."""
        rng = self.rng
        messages = conversation.messages
        last = max(last, max(m.created_at for m in messages))
        waiting = rng.random() < 0.15
        if waiting:  # pending on the customer, auto-resolved days later
            messages.append(
                Message(
                    last + timedelta(seconds=rng.randint(60, 900)),
                    "activity",
                    False,
                    None,
                    None,
                    ACTIVITY["pending"].format(agent=agent),
                    "sent",
                )
            )
            last += timedelta(days=rng.uniform(1.0, 7.0))
        resolved = next_opening(last) + timedelta(seconds=self._lognormal_seconds(20, 1.0))
        resolved = resolved.replace(microsecond=0)
        messages.append(
            Message(
                resolved,
                "activity",
                False,
                None,
                None,
                ACTIVITY["resolved"].format(agent=agent),
                "sent",
            )
        )
        messages[:] = [m for m in messages if m.created_at < self.end]
        if resolved < self.end:
            conversation.status = "resolved"
            conversation.resolved_at = resolved
        elif waiting and messages[-1].message_type == "activity":
            conversation.status = "pending"
        elif any(m.message_type == "outgoing" and not m.private for m in messages):
            conversation.status = OPEN_STATUS_DRAW.pick(rng)
        else:
            conversation.status = "open"
        conversation.summarize()


def plan_conversations(rng, factory, customers, orders, window, multiplier):
    """(customer, intent, created_at, order) for every conversation to write."""
    start, _n_days, _intensity, _campaigns_by_day, end = window
    span = (end - datetime.combine(start, time())).total_seconds()
    plans = []
    first_order = {}
    for order in orders:
        customer = customers[order.customer - 1]
        first_order.setdefault(customer.key, order.date_order)
        if order.state != "draft" and rng.random() < min(0.95, PRE_PURCHASE_SHARE * multiplier):
            intent = "purchase" if rng.random() < 0.6 else "price"
            created = order.date_order - timedelta(seconds=rng.uniform(600, 20 * 3600))
            plans.append((customer, intent, created, order, False))
        if order.state != "sale":
            continue
        for intent, probability, (low, high) in ORDER_TRIGGERS:
            if rng.random() < min(0.95, probability * multiplier):
                day = order.date_order + timedelta(days=rng.uniform(low, high))
                created = factory.local_moment(customer, day)
                if created <= order.date_order:
                    created = order.date_order + timedelta(hours=rng.uniform(1, 12))
                plans.append((customer, intent, created, order, True))
    window_start = datetime.combine(start, time())
    for customer in customers:
        since = first_order.get(customer.key)
        if since is None:  # a prospect: chats, never buys
            count = poisson(rng, PROSPECT_CONVERSATIONS * multiplier)
            intents = PROSPECT_INTENT_DRAW
            since = window_start + timedelta(seconds=rng.uniform(0, span))
        else:
            years = (end - since).total_seconds() / (365 * 86400)
            count = poisson(rng, RANDOM_PER_YEAR * multiplier * years)
            intents = RANDOM_INTENT_DRAW
        for _index in range(count):
            moment = since + timedelta(seconds=rng.uniform(0, (end - since).total_seconds()))
            intent = intents.pick(rng)
            plans.append((customer, intent, factory.local_moment(customer, moment), None, False))
    return [plan for plan in plans if window_start <= plan[2] < end]


def _pad(rng, conversation):
    """Add one agent follow-up between the first reply and the next message."""
    messages = conversation.messages
    for index, message in enumerate(messages):
        if message.message_type == "outgoing" and not message.private:
            following = messages[index + 1].created_at if index + 1 < len(messages) else None
            if following is None:
                return False
            gap = (following - message.created_at).total_seconds()
            if gap < 4:
                return False
            at = message.created_at + timedelta(seconds=int(gap // 2))
            messages.insert(
                index + 1,
                Message(
                    at,
                    "outgoing",
                    False,
                    "user",
                    message.sender_name,
                    "Só um instante, por favor 🙏",
                    "read",
                ),
            )
            return True
    return False


def generate_conversations(rng, catalog, customers, orders, window, target_messages):
    """Conversations with exactly ``target_messages`` messages when the padding can reach it
    (always, in practice; otherwise a handful fewer)."""
    start, _n_days, _intensity, campaigns_by_day, end = window
    factory = ConversationFactory(rng, catalog, end)

    def build_all(plans):
        built = []
        for customer, intent, created, order, mentions_order in plans:
            busy = campaigns_by_day[min((created.date() - start).days, len(campaigns_by_day) - 1)]
            linked = order if (mentions_order or intent in ("purchase", "price")) else None
            conversation = factory.build(customer, intent, created, linked, bool(busy))
            if not mentions_order and order is not None:
                conversation.order = order.key
            built.append(conversation)
        return built

    multiplier = 1.0
    for _attempt in range(6):
        plans = plan_conversations(rng, factory, customers, orders, window, multiplier)
        sample = build_all(plans[: min(len(plans), 1500)])
        per_conversation = sum(len(c.messages) for c in sample) / max(len(sample), 1)
        expected = per_conversation * len(plans)
        if target_messages <= expected <= target_messages * 1.15:
            conversations = build_all(plans)
            total = sum(len(c.messages) for c in conversations)
            if total >= target_messages * 0.97:
                break
        multiplier *= target_messages * 1.07 / max(expected, 1.0)
    else:
        conversations = build_all(
            plan_conversations(rng, factory, customers, orders, window, multiplier)
        )
        total = sum(len(c.messages) for c in conversations)
    keep = [True] * len(conversations)
    for index in rng.sample(range(len(conversations)), len(conversations)):
        if total <= target_messages:
            break
        keep[index] = False
        total -= len(conversations[index].messages)
    conversations = [c for c, kept in zip(conversations, keep, strict=True) if kept]
    attempts = 0
    while total < target_messages and conversations and attempts < 20 * target_messages:
        attempts += 1
        if _pad(rng, rng.choice(conversations)):
            total += 1
    for conversation in conversations:
        conversation.summarize()
    conversations.sort(key=lambda c: (c.created_at, c.customer))
    for key, conversation in enumerate(conversations, start=1):
        conversation.key = key
    stream = sorted(
        ((m.created_at, c.key, i, m) for c in conversations for i, m in enumerate(c.messages)),
        key=lambda item: item[:3],
    )
    for message_id, (_at, _key, _index, message) in enumerate(stream, start=1):
        message.chatwoot_message_id = message_id
    return conversations
