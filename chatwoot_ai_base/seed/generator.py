# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Entry point of the pure seed: a scale, a seed and an anchor date in, plain rows out.

The same ``(scale, seed, anchor)`` always gives the same rows: every part draws from its own
``random.Random`` stream named after the seed, so changing how conversations are written
does not change the orders. The 24-month window ends at midnight (UTC) of the anchor date.

>>> from datetime import date
>>> data = generate("small", 42, date(2026, 1, 15))
>>> data.counts()["customers"], data.counts()["order_lines"]
(300, 3000)
"""

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from .catalog import build_catalog
from .conversations import INBOXES, generate_conversations
from .orders import generate_orders
from .people import make_customers
from .seasons import campaign_by_day, daily_intensity, promo_calendar

WINDOW_DAYS = 730


@dataclass(frozen=True)
class Scale:
    customers: int
    order_lines: int
    messages: int


SCALES = {
    "small": Scale(customers=300, order_lines=3_000, messages=2_000),
    "medium": Scale(customers=10_000, order_lines=100_000, messages=30_000),
    "large": Scale(customers=100_000, order_lines=1_000_000, messages=300_000),
}


@dataclass
class SeedData:
    """Everything the loader writes, as plain Python objects."""

    scale: str
    seed: int
    anchor: object
    start: object
    end: datetime
    ref_prefix: str
    catalog: object
    campaigns: list
    customers: list
    orders: list
    conversations: list
    inboxes: tuple = INBOXES

    def counts(self):
        return {
            "customers": len(self.customers),
            "orders": len(self.orders),
            "order_lines": sum(len(order.lines) for order in self.orders),
            "conversations": len(self.conversations),
            "messages": sum(len(c.messages) for c in self.conversations),
            "campaigns": len(self.campaigns),
        }


def ref_prefix(scale, seed):
    """Prefix of the customers' ``ref``: it tells a loader this shop is already there."""
    return f"CWS-{scale}-{seed}"


def _stream(seed, scale, part):
    return random.Random(f"chatwoot-ai-seed:{seed}:{scale}:{part}")


def _date_customers(rng, customers, orders, conversations, window_start, end):
    """A customer exists a little before their first order or conversation."""
    first_seen = {}
    for order in orders:
        first_seen[order.customer] = min(first_seen.get(order.customer, end), order.date_order)
    for conversation in conversations:
        key = conversation.customer
        first_seen[key] = min(first_seen.get(key, end), conversation.created_at)
    span = (end - window_start).total_seconds()
    for customer in customers:
        seen = first_seen.get(customer.key)
        if seen is None:
            seen = window_start + timedelta(seconds=rng.uniform(0, span))
        customer.created_at = max(
            seen - timedelta(seconds=rng.uniform(60, 3 * 86400)), window_start - timedelta(days=7)
        ).replace(microsecond=0)


def generate(scale, seed, anchor):
    """Rows for ``scale`` ("small", "medium", "large"), ``seed`` and the ``anchor`` date."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; expected one of {sorted(SCALES)}")
    size = SCALES[scale]
    start = anchor - timedelta(days=WINDOW_DAYS)
    end = datetime.combine(anchor, time())
    campaigns = promo_calendar(start, anchor)
    by_day = campaign_by_day(start, WINDOW_DAYS, campaigns)
    window = (start, WINDOW_DAYS, daily_intensity(start, WINDOW_DAYS, by_day), by_day, end)
    catalog = build_catalog()
    prefix = ref_prefix(scale, seed)
    customers = make_customers(_stream(seed, scale, "people"), size.customers, prefix)
    orders = generate_orders(
        _stream(seed, scale, "orders"), catalog, customers, window, size.order_lines
    )
    conversations = generate_conversations(
        _stream(seed, scale, "conversations"), catalog, customers, orders, window, size.messages
    )
    _date_customers(
        _stream(seed, scale, "dates"),
        customers,
        orders,
        conversations,
        datetime.combine(start, time()),
        end,
    )
    return SeedData(
        scale=scale,
        seed=seed,
        anchor=anchor,
        start=start,
        end=end,
        ref_prefix=prefix,
        catalog=catalog,
        campaigns=campaigns,
        customers=customers,
        orders=orders,
        conversations=conversations,
    )
