# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one place that imports crewai, after switching off everything that phones home.

``import crewai`` takes seconds (it loads pydantic models for every feature), so the ``ai``
package imports it lazily, on the first crew run, not when a script or a test imports it. An
Odoo server preloads it instead (the addon's ``post_load`` hook calls :func:`preload` when
:func:`should_preload` says so): with ``-d`` the prefork master imports it once before it forks
its workers, so no worker, fresh or recycled, makes a customer wait for it.
"""

import logging
import os
import time

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


#: Set to "0" to keep crewai out of a server that never runs the agent (it costs memory).
PRELOAD_VARIABLE = "CHATWOOT_AI_PRELOAD_CREWAI"
_logger = logging.getLogger(__name__)


def should_preload(serving, evented, stop_after_init, environ=None):
    """Whether the process about to load the addon should import crewai now: an HTTP server
    (prefork master or worker, threaded server) yes; the gevent (websocket) process, an
    install or update that stops after init, a shell or a test run no.

    >>> should_preload(True, False, False, {})
    True
    >>> should_preload(True, False, True, {}), should_preload(False, False, False, {})
    (False, False)
    >>> should_preload(True, True, False, {})
    False
    >>> should_preload(True, False, False, {PRELOAD_VARIABLE: "0"})
    False
    """
    environ = os.environ if environ is None else environ
    return (
        serving
        and not evented
        and not stop_after_init
        and environ.get(PRELOAD_VARIABLE, "1") != "0"
    )


def preload():
    """Import crewai and what a crew run builds on (the private crew class, the offline LLM).

    Only imports: running a crew starts crewai's event-loop threads, which must not exist in a
    process about to fork. Returns the seconds it took.
    """
    started = time.perf_counter()
    load_crewai()
    private_crew_class()
    from . import offline_llm  # noqa: F401  pylint: disable=import-outside-toplevel,unused-import

    seconds = time.perf_counter() - started
    _logger.info("crewai preloaded in %.1f s", seconds)
    return seconds


def _not_token_estimate_notice(record):
    # crewai warns on every remote call that it estimates prompt tokens from characters
    # before sending; the real counts come back in the response, so the notice is noise.
    return not record.getMessage().startswith("Using an approximate input token count")


#: crewai's failure lines are kept at this level (INFO: in the server log, never as ERROR).
CREWAI_FAILURE_LEVEL = logging.INFO
#: The logger (and how its line starts) where crewai repeats a failure of an LLM call.
CREWAI_FLOW_LOGGER = "crewai.flow.runtime"
CREWAI_FLOW_FAILURE = "Error executing listener"


class CrewaiFailureLines(logging.Filter):
    """Downgrades the ERROR lines crewai logs for a failing LLM call, and only those.

    crewai logs every failed call before raising it: with ``logging.error(...)`` on the root
    logger from its provider modules, then again on ``crewai.flow.runtime``. The exception
    reaches our callers, which retry, hand off or flag the work and keep the error on the AI
    run (and log it themselves when it matters), so these lines are noise at ERROR: a test
    run with a failing fake provider printed dozens. They are kept at INFO; a record from
    anywhere else, our own errors included, passes untouched.
    """

    def __init__(self, directory, prefix=""):
        super().__init__()
        self.directory = directory
        self.prefix = prefix

    def filter(self, record):
        if record.levelno <= CREWAI_FAILURE_LEVEL:
            return True
        if self.prefix:
            if not str(record.msg).startswith(self.prefix):
                return True
        elif record.name != "root" or not record.pathname.startswith(self.directory):
            return True
        record.levelno = CREWAI_FAILURE_LEVEL
        record.levelname = logging.getLevelName(CREWAI_FAILURE_LEVEL)
        logger = logging.getLogger(None if record.name == "root" else record.name)
        return logger.isEnabledFor(CREWAI_FAILURE_LEVEL)


def _install_failure_filters(crewai):
    directory = os.path.dirname(crewai.__file__) + os.sep
    for logger, prefix in (
        (logging.getLogger(), ""),
        (logging.getLogger(CREWAI_FLOW_LOGGER), CREWAI_FLOW_FAILURE),
    ):
        if not any(isinstance(f, CrewaiFailureLines) for f in logger.filters):
            logger.addFilter(CrewaiFailureLines(directory, prefix))


def load_crewai():
    """The ``crewai`` module, imported with telemetry, tracing and version checks off, and
    its failure lines kept out of the ERROR level (:class:`CrewaiFailureLines`)."""
    os.environ.update(OFFLINE_ENV)
    import crewai  # pylint: disable=import-outside-toplevel

    base_logger = logging.getLogger("crewai.llms.base_llm")
    if _not_token_estimate_notice not in base_logger.filters:
        base_logger.addFilter(_not_token_estimate_notice)
    _install_failure_filters(crewai)
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
