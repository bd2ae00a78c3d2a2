# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Marketplace connectors in plain Python: fetch questions, post an answer, refresh a token.

No ``odoo`` import. :class:`.connector.MarketplaceConnector` is the interface; another
marketplace is one subclass registered in :data:`.connector.CONNECTORS`.
"""

from . import answers, connector, mercadolivre
from .connector import (
    CONNECTORS,
    MarketplaceAuthError,
    MarketplaceConnector,
    MarketplaceError,
    MarketplaceThrottled,
    MarketplaceUnavailable,
    NotificationError,
    Question,
    Tokens,
    connector_class,
)
from .mercadolivre import MercadoLivreConnector

__all__ = [
    "answers",
    "connector",
    "mercadolivre",
    "CONNECTORS",
    "MarketplaceAuthError",
    "MarketplaceConnector",
    "MarketplaceError",
    "MarketplaceThrottled",
    "MarketplaceUnavailable",
    "MercadoLivreConnector",
    "NotificationError",
    "Question",
    "Tokens",
    "connector_class",
]
