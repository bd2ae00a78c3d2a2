# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Population fits that can be stored and re-applied: RFM thresholds.

:func:`.rfm.rfm_scores` ranks a whole population. An incremental refresh only sees the customers
that changed, so it cannot rank them again without the others. Instead, a full refresh turns the
ranked scores into *thresholds* (the smallest value that earned each score) and every customer,
in a full or an incremental refresh, is scored against the thresholds. Both modes therefore give
the same scores to the same inputs, and equal values always get equal scores.

>>> fit = fit_rfm_thresholds([2, 40, 300, 10], [8, 3, 1, 2], [900.0, 120.0, 35.0, 60.0],
...                          customer_keys=[1, 2, 3, 4])
>>> score_rfm(fit, [2, 40, 300, 10, None], [8, 3, 1, 2, 0], [900.0, 120.0, 35.0, 60.0, 0.0])
(array([5, 2, 1, 4, 1]), array([5, 4, 1, 2, 1]), array([5, 4, 1, 2, 1]))
"""

import numpy as np

from .rfm import QUINTILES, rfm_scores


def _thresholds(values, scores):
    """Smallest value of each score class 2..5 and above (``inf`` when nobody reached it)."""
    values = np.asarray(values, dtype=float)
    scores = np.asarray(scores)
    result = []
    for score in range(2, QUINTILES + 1):
        reached = values[scores >= score]
        result.append(float(reached.min()) if reached.size else float("inf"))
    return result


def fit_rfm_thresholds(recency_days, frequency, monetary, customer_keys):
    """Thresholds of R (on minus the days since the last order), F and M for a population.

    Only buyers (frequency > 0) are ranked, as in :func:`.rfm.rfm_scores`; the result is a plain
    dict of lists, stored as JSON on the analytics run and reused by incremental refreshes.
    """
    rows = [
        (key, days, count, value)
        for key, days, count, value in zip(
            customer_keys, recency_days, frequency, monetary, strict=True
        )
        if count and days is not None
    ]
    scores = rfm_scores(rows)
    return {
        "recency": _thresholds([-row[1] for row in rows], [s.recency_score for s in scores]),
        "frequency": _thresholds([row[2] for row in rows], [s.frequency_score for s in scores]),
        "monetary": _thresholds([row[3] for row in rows], [s.monetary_score for s in scores]),
    }


def _score(thresholds, values):
    # A value scores 1 + the number of thresholds it reaches; unreached classes are inf.
    return 1 + np.searchsorted(np.asarray(thresholds, dtype=float), values, side="right")


def score_rfm(fit, recency_days, frequency, monetary):
    """R, F and M score arrays (1..5) of customers against stored thresholds.

    A customer without order scores 1/1/1 (segment ``lost``) and one with exactly one order
    F=1, the same two rules as :func:`.rfm.rfm_scores`.
    """
    frequency = np.asarray(frequency, dtype=float)
    recency = np.array([np.nan if d is None else d for d in recency_days], dtype=float)
    monetary = np.asarray(monetary, dtype=float)
    buyers = (frequency > 0) & ~np.isnan(recency)
    r_score = np.ones(len(frequency), dtype=np.int64)
    f_score = np.ones(len(frequency), dtype=np.int64)
    m_score = np.ones(len(frequency), dtype=np.int64)
    r_score[buyers] = _score(fit["recency"], -recency[buyers])
    f_score[buyers] = _score(fit["frequency"], frequency[buyers])
    m_score[buyers] = _score(fit["monetary"], monetary[buyers])
    f_score[frequency == 1] = 1
    return r_score, f_score, m_score
