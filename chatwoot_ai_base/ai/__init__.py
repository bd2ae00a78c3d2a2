# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The AI customer agent, pure Python: hub, crews, tools, the offline provider.

Nothing here imports Odoo. crewai itself is imported on first use (it takes seconds), so
importing this package is cheap; ``OfflineLLM`` is resolved lazily for the same reason.
"""

from .agent import AgentReply, CustomerAgent
from .errors import LLMUnavailable
from .formatting import currency_symbol, format_price
from .hub import Classification, classify, route, sentiment
from .language import detect_language
from .profile import BusinessProfile
from .settings import LLMSettings, build_llm
from .templates import NO_ANSWER
from .tools import AgentTools


def __getattr__(name):
    if name == "OfflineLLM":
        from .offline_llm import OfflineLLM

        return OfflineLLM
    raise AttributeError(name)
