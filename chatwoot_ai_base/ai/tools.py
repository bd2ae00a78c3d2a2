# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The read-only data a crew may use, as plain callables, and their crewai tool wrappers.

The model layer binds the callables to one conversation's customer and company (running
as the bot user), so a tool can only ever see that customer's data.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass

TOOL_RESULT_CHARS = 6000  # what a remote LLM gets back from one tool call, at most


@dataclass
class AgentTools:
    """``search_products(query, limit)``, ``customer_orders(limit)``,
    ``search_knowledge(query, limit)`` and ``customer_profile()``; shapes in the AI contract."""

    search_products: Callable
    customer_orders: Callable
    search_knowledge: Callable
    customer_profile: Callable


def _dump(value):
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)[:TOOL_RESULT_CHARS]


def crew_tools(tools):
    """crewai tools wrapping ``tools`` (read-only), for an LLM that wants to look further."""
    from crewai.tools import tool  # pylint: disable=import-outside-toplevel

    @tool("search_products")
    def search_products(query: str, limit: int = 5) -> str:
        """Search the shop's catalog. Returns JSON products with name, price, currency,
        in_stock, qty_available, description, category and related products."""
        return _dump(tools.search_products(query, max(1, min(int(limit), 10))))

    @tool("customer_orders")
    def customer_orders(limit: int = 5) -> str:
        """The current customer's own latest orders as JSON (name, date, state,
        delivery_status, amount_total, currency, lines)."""
        return _dump(tools.customer_orders(max(1, min(int(limit), 10))))

    @tool("search_knowledge")
    def search_knowledge(query: str, limit: int = 3) -> str:
        """Search the shop's policies and FAQs (shipping, returns, payment, hours).
        Returns JSON entries with title, category and content."""
        return _dump(tools.search_knowledge(query, max(1, min(int(limit), 5))))

    @tool("customer_profile")
    def customer_profile() -> str:
        """The current customer's profile as JSON (name, language, city, country,
        open conversations)."""
        return _dump(tools.customer_profile())

    return [search_products, customer_orders, search_knowledge, customer_profile]
