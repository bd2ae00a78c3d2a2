# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The suite's one vocabulary of customer intents: what a customer wants from the shop.

The agent's hub routes on it, the analytics classifier predicts it, AI runs and classified
messages store it, and the demo shop's conversations are written by it. Each intent names the
crew that answers it (see ``hub.route``).

A greeting is not an intent: "oi, tudo bem?" wants nothing yet. The hub flags it
(``Classification.greeting``) on an ``other`` message so that the agent greets back.

    >>> INTENTS[:3]
    ('purchase', 'price', 'order_status')
    >>> CREWS["price"], CREWS["exchange_return"], CREWS["human_request"]
    ('sales', 'info', 'hub')
    >>> sorted(CREWS) == sorted(INTENTS) == sorted(LABELS) == sorted(DEFINITIONS)
    True
"""

INTENTS = (
    "purchase",
    "price",
    "order_status",
    "shipping",
    "exchange_return",
    "complaint",
    "compliment",
    "support",
    "human_request",
    "other",
)

#: English labels (the Odoo selections translate them).
LABELS = {
    "purchase": "Purchase",
    "price": "Price",
    "order_status": "Order Status",
    "shipping": "Shipping",
    "exchange_return": "Exchange / Return",
    "complaint": "Complaint",
    "compliment": "Compliment",
    "support": "Support",
    "human_request": "Human Request",
    "other": "Other",
}

#: The crew that answers each intent: ``sales`` searches the catalog, ``support`` the
#: customer's orders, ``info`` the shop's knowledge; ``hub`` hands the conversation to people.
CREWS = {
    "purchase": "sales",
    "price": "sales",
    "order_status": "support",
    "shipping": "info",
    "exchange_return": "info",
    "complaint": "support",
    "compliment": "info",
    "support": "info",
    "human_request": "hub",
    "other": "info",
}

#: One line per intent: what a person or a language model reads to choose a label.
DEFINITIONS = {
    "purchase": "wants to buy, order or reserve a product, or asks whether it is in stock "
    "(compra, comprar, quiero comprar)",
    "price": "asks how much something costs, discounts, coupons, payment methods and terms "
    "(preço, precio, valor, pix, cuotas)",
    "order_status": "asks where an order already placed is or its status (status do pedido)",
    "shipping": "asks about delivery, shipping cost, delivery time or area (frete, envio, entrega)",
    "exchange_return": "wants to exchange or return a product, get a refund or use the warranty "
    "(troca, devolução)",
    "complaint": "complains about a product, the service or a delay (reclamação, queja)",
    "compliment": "praises or thanks the shop or a product (elogio, obrigado, me encantó)",
    "support": "needs help using a product, the site or an account (suporte, ayuda, dúvida)",
    "human_request": "asks to talk to a person, an attendant or a manager (atendente, humano, "
    "hablar con una persona)",
    "other": "anything else: greetings, small talk, store address and hours, unrelated messages "
    "(outro, otro)",
}


def crew(intent):
    """The crew that answers ``intent``; unknown intents go to ``info``.

    >>> crew("purchase"), crew("no-such-intent")
    ('sales', 'info')
    """
    return CREWS.get(intent, "info")


def selection():
    """``[(intent, label)]`` for an Odoo ``fields.Selection``."""
    return [(intent, LABELS[intent]) for intent in INTENTS]
