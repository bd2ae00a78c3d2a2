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
# server through crewai's anonymous telemetry or its trace upload. OTEL_SDK_DISABLED would
# also do, but it switches OpenTelemetry off for everything else in the Odoo process.
OFFLINE_ENV = {
    "CREWAI_DISABLE_TELEMETRY": "true",
    "CREWAI_DISABLE_TRACKING": "true",
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


class NoReplayLog:
    """Stands in for crewai's ``TaskOutputStorageHandler`` on our crews.

    crewai writes every task (here: the customer's messages, orders and profile) with its
    output to a SQLite file under the user's data directory so ``crewai replay`` can rerun
    it. That copy would escape Odoo's access rules, retention and erasure, and its file
    lock serialises all workers; the run log (``chatwoot.ai.run``) is the only record.
    """

    def update(self, task_index, log):
        """Drop the task's log."""

    def add(self, task, output, task_index, inputs=None, was_replayed=False):
        """Drop the task's output."""

    def reset(self):
        """Nothing stored, nothing to clear."""

    def load(self):
        return None


_CREW_CLASS = []


def private_crew_class():
    """A ``crewai.Crew`` whose replay log is a ``NoReplayLog`` from the start.

    Overriding the private attribute's factory (rather than replacing the handler after
    construction) also spares each crew crewai's cross-process file lock and SQLite setup.
    """
    if not _CREW_CLASS:
        crewai = load_crewai()
        from pydantic import PrivateAttr  # pylint: disable=import-outside-toplevel

        class PrivateCrew(crewai.Crew):
            _task_output_handler: NoReplayLog = PrivateAttr(default_factory=NoReplayLog)

        _CREW_CLASS.append(PrivateCrew)
    return _CREW_CLASS[0]
