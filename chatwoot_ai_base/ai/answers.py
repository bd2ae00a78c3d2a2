# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Render the offline provider's answer from the context block: retrieval plus templates.

Every fact in an answer comes from the tools' results; when they hold nothing for the
question the answer starts with ``NO_ANSWER`` and the agent hands the conversation off.

    >>> ctx = {"intent": "price", "language": "pt", "currency": "BRL", "products": [
    ...     {"name": "Batom Matte", "price": 59.9, "currency": "BRL", "in_stock": True}]}
    >>> render_answer(ctx)
    'O Batom Matte custa R$ 59,90 e está em estoque.'
    >>> render_answer({"intent": "purchase", "language": "en", "products": []})
    "[NO_ANSWER] Sorry, I don't have that information right now."
"""

import re
from datetime import date, datetime

from .formatting import format_number, format_price
from .templates import NO_ANSWER, text

MAX_OTHER_PRODUCTS = 2
MAX_RELATED = 3
MAX_OTHER_ORDERS = 2
MAX_KNOWLEDGE_CHARS = 480
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def count_tokens(value):
    """Deterministic token estimate: one token per four characters, rounded up."""
    return (len(value or "") + 3) // 4


def dont_know(language):
    """The plain "I don't know" answer, marked so the agent hands off."""
    return f"{NO_ANSWER} {text('dont_know', language)}"


def _price(item, context, language):
    currency = item.get("currency") or context.get("currency") or "BRL"
    return format_price(item.get("price"), currency, language)


def _stock(product, language):
    """ "em estoque (3 unidades)", "sem estoque", or None when stock is not tracked."""
    in_stock = product.get("in_stock")
    if in_stock is None:
        return None
    if not in_stock:
        return text("out_of_stock", language)
    qty = product.get("qty_available")
    if qty:
        return text("stock_qty", language, qty=format_number(qty, 0, language))
    return text("in_stock", language)


def product_answer(context, language):
    products = context.get("products") or []
    if not products:
        return dont_know(language)
    top = products[0]
    price = _price(top, context, language)
    stock = _stock(top, language)
    key = "price" if stock is None else "price_stock"
    parts = [text(key, language, name=top.get("name"), price=price, stock=stock)]
    others = [
        f"{p.get('name')} ({_price(p, context, language)})"
        for p in products[1 : 1 + MAX_OTHER_PRODUCTS]
    ]
    if others:
        parts.append(text("also", language, items=", ".join(others)))
    related = [r for r in (top.get("related") or []) if r][:MAX_RELATED]
    if related:
        parts.append(text("related", language, items=", ".join(related)))
    return " ".join(parts)


def format_date(value, language):
    """An ISO date(time) the local way: 05/03/2026 in pt/es, 2026-03-05 in en."""
    if isinstance(value, (date, datetime)):
        day = value
    else:
        try:
            day = datetime.fromisoformat(str(value)[:19])
        except ValueError:
            return str(value or "")
    return day.strftime("%Y-%m-%d" if language == "en" else "%d/%m/%Y")


def _pick_order(orders, refs):
    """The order the customer named, the newest one when none was named, None if unknown."""
    if not refs:
        return orders[0]
    wanted = {ref.upper() for ref in refs}
    for order in orders:
        if str(order.get("name", "")).upper() in wanted:
            return order
    return None


def order_answer(context, language):
    orders = context.get("orders") or []
    order = _pick_order(orders, context.get("order_refs") or []) if orders else None
    if order is None:
        return dont_know(language)
    state = (
        text(f"state_{order.get('state')}", language)
        if order.get("state") in ("draft", "sent", "sale", "done", "cancel")
        else str(order.get("state") or "")
    )
    delivery_key = f"delivery_{order.get('delivery_status') or ''}"
    delivery = (
        text(delivery_key, language)
        if delivery_key
        in (
            "delivery_pending",
            "delivery_started",
            "delivery_partial",
            "delivery_full",
            "delivery_",
        )
        else str(order.get("delivery_status"))
    )
    total = format_price(
        order.get("amount_total"), order.get("currency") or context.get("currency"), language
    )
    parts = [
        text(
            "order",
            language,
            name=order.get("name"),
            date=format_date(order.get("date"), language),
            state=state,
            delivery=delivery,
            total=total,
        )
    ]
    lines = [
        f"{format_number(line.get('quantity') or 0, 0, language)} x {line.get('product')}"
        for line in order.get("lines") or []
    ]
    if lines:
        parts.append(text("order_lines", language, items=", ".join(lines)))
    others = [o.get("name") for o in orders if o is not order][:MAX_OTHER_ORDERS]
    if others and not context.get("order_refs"):
        parts.append(text("order_other", language, items=", ".join(others)))
    return " ".join(parts)


def _shorten(content):
    """Whole sentences of ``content`` up to MAX_KNOWLEDGE_CHARS (at least the first one)."""
    sentences = _SENTENCE_END.split(" ".join((content or "").split()))
    kept = []
    for sentence in sentences:
        if kept and len(" ".join(kept + [sentence])) > MAX_KNOWLEDGE_CHARS:
            break
        kept.append(sentence)
    return " ".join(kept)


def knowledge_answer(context, language):
    hits = [hit for hit in context.get("knowledge") or [] if (hit.get("content") or "").strip()]
    if not hits:
        return dont_know(language)
    return _shorten(hits[0]["content"])


def greeting_answer(context, language):
    name = ((context.get("customer") or {}).get("name") or "").split()
    return text(
        "greeting", language, name=f", {name[0]}" if name else "", company=context.get("company")
    )


def price_answer(context, language):
    """Prices of the products found; a payment or coupon question answers from the knowledge."""
    if context.get("products") or not context.get("knowledge"):
        return product_answer(context, language)
    return knowledge_answer(context, language)


#: Renderer per intent of the vocabulary (``intents.INTENTS``); the rest answer from knowledge.
RENDERERS = {
    "purchase": product_answer,
    "price": price_answer,
    "order_status": order_answer,
}


def render_answer(context):
    """The customer reply for a parsed context block (see ``context.parse_context``)."""
    if not context:
        return dont_know("pt")
    language = context.get("language") or "pt"
    if context.get("greeting"):
        return greeting_answer(context, language)
    renderer = RENDERERS.get(context.get("intent"), knowledge_answer)
    return renderer(context, language)
