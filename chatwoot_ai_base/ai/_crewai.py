# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one place that imports crewai, after switching off everything that phones home.

``import crewai`` takes seconds (it loads pydantic models for every feature), so the ``ai``
package imports it lazily, on the first crew run, not when Odoo loads the addon.
"""

import logging
import os

# crewai reads these at call time as well as at import, so setting them before the first
# import is enough; they are forced, not defaulted: customer data must never leave the
# server through crewai's anonymous telemetry or its trace upload.
OFFLINE_ENV = {
    "CREWAI_DISABLE_TELEMETRY": "true",
    "CREWAI_DISABLE_TRACKING": "true",
    "OTEL_SDK_DISABLED": "true",
    "CREWAI_TRACING_ENABLED": "false",
    "CREWAI_DISABLE_VERSION_CHECK": "true",
}


def _not_token_estimate_notice(record):
    # crewai warns on every remote call that it estimates prompt tokens from characters
    # before sending; the real counts come back in the response, so the notice is noise.
    return not record.getMessage().startswith("Using an approximate input token count")


def load_crewai():
    """The ``crewai`` module, imported with telemetry, tracing and version checks off."""
    os.environ.update(OFFLINE_ENV)
    import crewai  # pylint: disable=import-outside-toplevel

    base_logger = logging.getLogger("crewai.llms.base_llm")
    if _not_token_estimate_notice not in base_logger.filters:
        base_logger.addFilter(_not_token_estimate_notice)
    return crewai
