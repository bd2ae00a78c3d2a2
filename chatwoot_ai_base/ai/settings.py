# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which LLM answers: the offline provider or a remote one through crewai.

>>> LLMSettings().provider
'offline'
"""

import importlib.util
import os
from dataclasses import dataclass

from .errors import LLMUnavailable

PROVIDERS = ("offline", "openai", "anthropic", "custom")
# Local OpenAI-compatible servers (Ollama, vLLM, LM Studio) ignore the key, but the OpenAI
# SDK refuses to start without one.
PLACEHOLDER_KEY = "not-needed"
# Anthropic's OpenAI-compatible endpoint: used when the ``anthropic`` SDK that crewai's
# native Anthropic client needs is not installed (it is not in requirements.txt).
ANTHROPIC_OPENAI_URL = "https://api.anthropic.com/v1/"
# The hosted APIs need a key; the server's environment may provide it instead of the settings.
KEY_VARIABLES = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}


@dataclass(frozen=True)
class LLMSettings:
    """Provider settings of one company (``res.company`` fields on the model side).

    ``max_retries`` is the number of retries after the first attempt on 5xx, timeouts and
    connection errors (done by the provider SDK with exponential back-off); ``timeout`` is
    per attempt, in seconds.
    """

    provider: str = "offline"
    model: str = ""
    base_url: str = ""
    api_key: str = ""
    temperature: float = 0.2
    max_tokens: int = 600
    timeout: float = 30.0
    max_retries: int = 2


def model_id(settings):
    """The crewai model id for ``settings``: "openai/gpt-4o-mini", "anthropic/claude-...", ...

    >>> model_id(LLMSettings(provider="openai", model="llama3.1"))
    'openai/llama3.1'
    >>> model_id(LLMSettings(provider="custom", model="openrouter/meta/llama"))
    'openrouter/meta/llama'
    """
    if settings.provider in ("openai", "anthropic"):
        prefix = f"{settings.provider}/"
        model = settings.model
        return model if model.startswith(prefix) else prefix + model
    return settings.model


def _remote_kwargs(settings):
    kwargs = {
        "temperature": settings.temperature,
        "max_tokens": settings.max_tokens,
        "timeout": settings.timeout,
        "max_retries": max(0, int(settings.max_retries)),
    }
    if settings.base_url:
        kwargs["base_url"] = settings.base_url
    api_key = settings.api_key or (PLACEHOLDER_KEY if settings.base_url else "")
    if api_key:
        kwargs["api_key"] = api_key
    return kwargs


def build_llm(settings):
    """A crewai LLM for ``settings``: ``OfflineLLM`` for "offline", ``crewai.LLM`` otherwise.

    Raises ``LLMUnavailable`` when a remote provider cannot even be built (unknown provider,
    no model, missing key, provider SDK not installed), so the caller hands off the same way
    as for a failing endpoint.
    """
    provider = settings.provider or "offline"
    if provider == "offline":
        from .offline_llm import OfflineLLM  # pylint: disable=import-outside-toplevel

        return OfflineLLM(model="offline")
    if provider not in PROVIDERS:
        raise LLMUnavailable(f"Unknown LLM provider {provider!r}")
    if not settings.model:
        raise LLMUnavailable(f"No model configured for LLM provider {provider!r}")
    key_variable = KEY_VARIABLES.get(provider)
    if key_variable and not (settings.api_key or settings.base_url or os.environ.get(key_variable)):
        raise LLMUnavailable(f"No API key configured for LLM provider {provider!r}")
    from ._crewai import load_crewai  # pylint: disable=import-outside-toplevel

    crewai = load_crewai()
    model, kwargs = model_id(settings), _remote_kwargs(settings)
    if provider == "anthropic" and importlib.util.find_spec("anthropic") is None:
        model = model.removeprefix("anthropic/")
        kwargs.update(custom_openai=True, base_url=settings.base_url or ANTHROPIC_OPENAI_URL)
        kwargs.setdefault("api_key", os.environ.get("ANTHROPIC_API_KEY", ""))
    try:
        return crewai.LLM(model=model, **kwargs)
    except Exception as exc:  # crewai raises ImportError/ValueError for SDK and key problems
        raise LLMUnavailable(f"Cannot use LLM {model!r}: {exc}") from exc
