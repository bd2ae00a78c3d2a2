# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One reading of recency for the RFM segment, the journey stage and the churn risk.

The three answer different questions, and each reads recency its own way:

* the **RFM segment** ranks a customer's recency against the *other customers* (quintiles), so
  in a mostly dormant shop 200 days of silence can still be the top fifth (R=5);
* the **journey stage** compares it with the customer's *own* rhythm (``overdue = days since the
  last order / their usual gap``) and with P(alive) (:mod:`.journey`);
* the **churn risk** bands the churn probability (classifier blended with ``1 - P(alive)``).

Left alone they disagree on the customer a marketer cares about most: a regular buyer (8 orders,
every 20 days) silent for 200 days is *Champions* or *Loyal* by rank, *Lost* by rhythm and *Low*
risk. This module reconciles them with the journey's own thresholds:

* :func:`rhythm_segments` moves a recent-looking segment down when the customer has a rhythm
  (``min_orders`` orders or more), their silence exceeds ``overdue_factor`` usual gaps (3, the
  journey's *lost* factor) and P(alive) is below ``p_alive_below`` (0.5, the journey's *at risk*
  threshold): to ``cannot_lose`` for a top buyer (F=5 or M=5), else to ``at_risk``;
* :func:`risk_floor` never lets the risk read lower than the stage: *Lost* is at least *High*,
  *At risk* at least *Medium*;
* :data:`RHYTHM_REASON` is the churn reason that explains either move, put first.

>>> segments, moved = rhythm_segments(
...     ["loyal", "champions", "loyal", "new"],
...     order_count=[8, 8, 8, 1],
...     overdue=[10.0, 10.0, 1.0, 9.0],
...     p_alive=[0.05, 0.05, 0.9, 0.05],
...     frequency_score=[4, 5, 4, 1],
...     monetary_score=[3, 5, 3, 1],
... )
>>> segments.tolist(), moved.tolist()
(['at_risk', 'cannot_lose', 'loyal', 'new'], [True, True, False, False])
>>> risk_floor(["low", "low", "high", "low"], ["lost", "at_risk", "lost", "loyal"]).tolist()
['high', 'medium', 'high', 'low']
"""

import numpy as np

#: Segments that read as "bought recently" on the quintile map.
RECENT_LOOKING = (
    "champions",
    "loyal",
    "potential_loyalist",
    "new",
    "promising",
    "need_attention",
)
#: A rhythm needs at least one gap between two orders.
MIN_ORDERS = 2
#: Silence, in usual gaps, from which a regular buyer has dropped out (journey's lost factor).
OVERDUE_FACTOR = 3.0
#: P(alive) below which the silence is believed (journey's at-risk threshold).
P_ALIVE_BELOW = 0.5
RHYTHM_REASON = "silent_beyond_rhythm"
#: The least risk each journey stage reads as.
STAGE_RISK_FLOOR = {"lost": "high", "at_risk": "medium"}
_RISK_ORDER = {"low": 0, "medium": 1, "high": 2}


def own_gaps(order_count, first_day, last_day):
    """Mean days between a customer's orders (NaN below two orders), from the order dates.

    ``first_day``/``last_day`` are day numbers (NaN without orders). Unlike ``tenure - recency``
    this holds for old buyers too (recency capped at two years in the churn features).

    >>> own_gaps([8, 1, 0], [0.0, 5.0, np.nan], [140.0, 5.0, np.nan]).tolist()
    [20.0, nan, nan]
    """
    count = np.asarray(order_count, dtype=float)
    span = np.asarray(last_day, dtype=float) - np.asarray(first_day, dtype=float)
    return np.divide(span, count - 1, out=np.full(len(count), np.nan), where=count >= 2)


def overdue_ratios(recency_days, gaps, default_gap_days):
    """Days since the last order over the usual gap (``default_gap_days`` where unknown).

    >>> overdue_ratios([200, 30, None], [20.0, np.nan, np.nan], 60.0).tolist()
    [10.0, 0.5, 0.0]
    """
    recency = np.array([np.nan if v is None else v for v in recency_days], dtype=float)
    gaps = np.asarray(gaps, dtype=float).copy()
    gaps[~(np.isfinite(gaps) & (gaps > 0))] = default_gap_days
    return np.nan_to_num(recency, nan=0.0) / np.maximum(gaps, 1.0)


def rhythm_segments(
    segments,
    order_count,
    overdue,
    p_alive,
    frequency_score,
    monetary_score,
    min_orders=MIN_ORDERS,
    overdue_factor=OVERDUE_FACTOR,
    p_alive_below=P_ALIVE_BELOW,
):
    """The quintile segments, a recent-looking one moved down for a regular buyer gone silent.

    Returns ``(segments, moved)``: an object array of segment keys and a boolean mask of the
    customers moved (see the module doc for the rule).
    """
    segments = np.asarray(segments, dtype=object).copy()
    with np.errstate(invalid="ignore"):
        moved = (
            np.isin(segments, RECENT_LOOKING)
            & (np.asarray(order_count, dtype=float) >= min_orders)
            & (np.asarray(overdue, dtype=float) >= overdue_factor)
            & (np.asarray(p_alive, dtype=float) < p_alive_below)
        )
    top = (np.asarray(frequency_score) >= 5) | (np.asarray(monetary_score) >= 5)
    segments[moved & top] = "cannot_lose"
    segments[moved & ~top] = "at_risk"
    return segments, moved


def risk_floor(risks, stages):
    """Each churn risk raised to at least what its journey stage reads as."""
    risks = np.asarray(risks, dtype=object).copy()
    for index, (risk, stage) in enumerate(zip(risks, stages, strict=True)):
        floor = STAGE_RISK_FLOOR.get(stage)
        if risk is not None and floor and _RISK_ORDER[floor] > _RISK_ORDER.get(risk, 0):
            risks[index] = floor
    return risks


def with_rhythm_reason(reason_keys, explained, k=3):
    """``RHYTHM_REASON`` first in the reasons of the ``explained`` customers, ``k`` at most.

    >>> with_rhythm_reason([["no_recent_orders", "low_spend", "few_orders"], ["low_spend"]],
    ...                    [True, False])
    [['silent_beyond_rhythm', 'no_recent_orders', 'low_spend'], ['low_spend']]
    """
    return [
        ([RHYTHM_REASON] + [key for key in keys if key != RHYTHM_REASON])[:k] if flag else keys
        for keys, flag in zip(reason_keys, explained, strict=True)
    ]


def reconcile(order_count, recency_days, first_day, last_day, scores, typical_gap_days):
    """Journey stages, then segments, risks and reason keys read with them, for arrays of
    customers: what the insight refresh stores. ``first_day``/``last_day`` are day numbers
    (NaN without orders); ``scores`` holds ``p_alive``, ``rfm_segment``, ``frequency_score``,
    ``monetary_score``, ``churn_risk`` and ``churn_reason_keys`` (lists of keys). Returns a
    dict of the new ``stage``, ``rfm_segment``, ``churn_risk`` and ``churn_reason_keys``.
    """
    from .journey import customer_stages

    buyers = np.asarray(order_count, dtype=float) > 0
    gaps = own_gaps(order_count, first_day, last_day)
    p_alive = np.where(buyers, np.asarray(scores["p_alive"], dtype=float), np.nan)
    stages = customer_stages(
        order_count, recency_days, p_alive, gaps, default_gap_days=typical_gap_days
    )
    overdue = overdue_ratios(recency_days, gaps, typical_gap_days)
    segments, moved = rhythm_segments(
        scores["rfm_segment"],
        order_count,
        overdue,
        p_alive,
        scores["frequency_score"],
        scores["monetary_score"],
    )
    risks = risk_floor(scores["churn_risk"], stages)
    raised = (risks != np.asarray(scores["churn_risk"], dtype=object)) & (
        overdue >= OVERDUE_FACTOR / 2
    )
    return {
        "stage": stages.tolist(),
        "rfm_segment": segments.tolist(),
        "churn_risk": risks.tolist(),
        "churn_reason_keys": with_rhythm_reason(
            scores["churn_reason_keys"], (moved | raised).tolist()
        ),
    }
