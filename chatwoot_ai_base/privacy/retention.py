# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How long each category of suite data is kept, and the cut-off dates that follow.

>>> from datetime import datetime
>>> subtract_months(datetime(2026, 3, 31, 12, 0), 1)
datetime.datetime(2026, 2, 28, 12, 0)
>>> limits = cutoffs(datetime(2026, 6, 15), interaction_months=12, transactional_years=5)
>>> limits["interaction"], limits["transactional"]
(datetime.datetime(2025, 6, 15, 0, 0), datetime.datetime(2021, 6, 15, 0, 0))
"""

import calendar
from collections import Counter

#: Messages, raw webhook events, AI run logs: what people said and when.
INTERACTION = "interaction"
#: The suite's business records (conversations today).
TRANSACTIONAL = "transactional"
#: Aggregated, anonymised analytics: never deleted by retention.
ANALYTICS = "analytics"

RETENTION_CATEGORIES = [
    (INTERACTION, "Interactions"),
    (TRANSACTIONAL, "Transactional records"),
    (ANALYTICS, "Aggregated analytics"),
]

INTERACTION_MONTHS_MIN = 6
INTERACTION_MONTHS_MAX = 12
INTERACTION_MONTHS_DEFAULT = 12
TRANSACTIONAL_YEARS_MIN = 3
TRANSACTIONAL_YEARS_MAX = 5
TRANSACTIONAL_YEARS_DEFAULT = 5


def subtract_months(moment, months):
    """``moment`` minus whole calendar months, clamping the day to the target month's end."""
    month_index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def cutoffs(now, interaction_months, transactional_years):
    """Per category, the instant before which records are expired; analytics has none."""
    check_periods(interaction_months, transactional_years)
    return {
        INTERACTION: subtract_months(now, interaction_months),
        TRANSACTIONAL: subtract_months(now, transactional_years * 12),
    }


def check_periods(interaction_months, transactional_years):
    """Raise ValueError when a period is outside what the policy allows.

    >>> check_periods(13, 5)
    Traceback (most recent call last):
    ...
    ValueError: interaction retention must be 6-12 months, not 13
    """
    if not INTERACTION_MONTHS_MIN <= interaction_months <= INTERACTION_MONTHS_MAX:
        raise ValueError(
            f"interaction retention must be {INTERACTION_MONTHS_MIN}-{INTERACTION_MONTHS_MAX} "
            f"months, not {interaction_months}"
        )
    if not TRANSACTIONAL_YEARS_MIN <= transactional_years <= TRANSACTIONAL_YEARS_MAX:
        raise ValueError(
            f"transactional retention must be {TRANSACTIONAL_YEARS_MIN}-"
            f"{TRANSACTIONAL_YEARS_MAX} years, not {transactional_years}"
        )


def merge_counts(previous, current):
    """Add two ``{model: count}`` summaries (a run split over several cron calls).

    >>> merge_counts({"a": 2}, {"a": 1, "b": 3})
    {'a': 3, 'b': 3}
    """
    total = Counter(previous or {})
    total.update(current or {})
    return dict(sorted(total.items()))


def applicable_targets(declared, installed_models):
    """The declared retention targets that apply: installed models, never analytics.

    Each target is ``(model, date_field, category[, options])``; the result carries the
    options merged over the defaults.

    >>> applicable_targets(
    ...     [("chatwoot.message", "created_at", INTERACTION),
    ...      ("chatwoot.ai.run", "create_date", INTERACTION),
    ...      ("chatwoot.insight", "write_date", ANALYTICS),
    ...      ("chatwoot.webhook.event", "received_at", INTERACTION, {"sql_delete": True})],
    ...     installed_models={"chatwoot.message", "chatwoot.insight", "chatwoot.webhook.event"})
    ... # doctest: +NORMALIZE_WHITESPACE
    [('chatwoot.message', 'created_at', 'interaction',
      {'company_field': 'company_id', 'sql_delete': False}),
     ('chatwoot.webhook.event', 'received_at', 'interaction',
      {'company_field': 'company_id', 'sql_delete': True})]
    """
    targets = []
    for model_name, date_field, category, *rest in declared:
        if model_name not in installed_models or category == ANALYTICS:
            continue
        options = {"company_field": "company_id", "sql_delete": False}
        options.update(rest[0] if rest else {})
        targets.append((model_name, date_field, category, options))
    return targets
