# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import traceback
from datetime import timedelta

from odoo import fields, models

_logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
#: Seconds to wait before attempt n+1, after n failures: quick first, then patient.
BACKOFF_SECONDS = (10, 60, 300, 1800)


class ChatwootRetryMixin(models.AbstractModel):
    """Attempt bookkeeping of a stored delivery: done, or retried with back-off, then failed.

    The inheriting model has the fields ``state`` (with ``failed``), ``attempts``, ``error``,
    ``next_attempt_at`` and ``processed_at``.
    """

    _name = "chatwoot.retry.mixin"
    _description = "Retried Delivery"

    def _record_success(self, state="done"):
        self.write(
            {
                "state": state,
                "processed_at": fields.Datetime.now(),
                "attempts": self.attempts + 1,
                "next_attempt_at": False,
                "error": False,
            }
        )

    def _record_failure(self, error):
        attempts = self.attempts + 1
        values = {
            "attempts": attempts,
            "error": "".join(traceback.format_exception_only(error)).strip(),
        }
        if attempts >= MAX_ATTEMPTS:
            values.update(state="failed", next_attempt_at=False)
            _logger.warning(
                "%s %s failed %s times: %s", self._description, self.id, attempts, error
            )
        else:
            delay = BACKOFF_SECONDS[min(attempts, len(BACKOFF_SECONDS)) - 1]
            values["next_attempt_at"] = fields.Datetime.now() + timedelta(seconds=delay)
        self.write(values)
