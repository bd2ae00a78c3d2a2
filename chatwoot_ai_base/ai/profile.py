# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shop's business profile as the crews see it (built by the model layer)."""

from dataclasses import dataclass

SEGMENTS = ("cosmetics", "fashion", "health", "retail", "food", "electronics", "other")


@dataclass(frozen=True)
class BusinessProfile:
    """Who the assistant speaks for, how, and what it must never handle itself.

    ``forbidden_topics`` and ``escalation_rules`` are phrases: a customer message that
    contains one (accents and case ignored) goes to a human before any LLM call.
    """

    company_name: str
    segment: str = "retail"
    tone: str = ""
    forbidden_topics: tuple = ()
    escalation_rules: tuple = ()
    default_language: str = "pt"
    currency: str = "BRL"
    human_hours: str = ""
    extra_instructions: str = ""
