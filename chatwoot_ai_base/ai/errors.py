# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Errors the model layer turns into hand-offs."""


class LLMUnavailable(Exception):
    """The LLM could not answer after its own retries: HTTP 5xx, timeout, connection or
    configuration error (missing SDK, missing key). The model layer hands the conversation
    off with reason ``llm_error`` and keeps the customer's messages for a later run."""
