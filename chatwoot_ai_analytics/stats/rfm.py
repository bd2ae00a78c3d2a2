# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""RFM quintile scores and the eleven RFM segments.

Scores
------
Each dimension is scored 1 (worst) to 5 (best) by quintile of the customers who ordered at least
once. Recency is *days since the last order*, so it is reversed: the most recent fifth gets R=5.
Ties are broken by customer key ("rank first"), so heavy ties (thousands of one-order customers)
never produce the "bin edges must be unique" failure of ``pd.qcut`` and identical inputs always
give identical scores. A rank ``i`` (0-based) among ``n`` customers gets
``1 + floor((i + 0.5) * 5 / n)``: equal fifths for large ``n``, and a spread around the middle for
tiny populations (one customer scores 3, two score 2 and 4, five score 1 to 5).

Two rules override the ranking, because a rank alone says nothing for these customers:

* a customer with **exactly one order** gets F=1: one purchase carries no repeat-buying signal, and
  rank-first would otherwise spread the big tie of one-time buyers over F1..F3 by customer key;
* a customer with **no order** (frequency 0, or recency ``None``) is left out of the ranking and
  gets R=F=M=1, hence the segment ``lost``: there is no purchase relationship to keep, and it keeps
  prospects out of every active segment. One order recently gives R5 F1, hence ``new``.

Segments
--------
The segment map is the common 10-segment R/F grid plus ``lost`` (as in the 11-segment variants of
edrone and Data Octopus), with one monetary rule::

    R \\ F   1               2                   3                   4          5
    5       new             potential_loyalist  potential_loyalist  champions  champions
    4       promising       potential_loyalist  potential_loyalist  loyal      loyal
    3       about_to_sleep  about_to_sleep      need_attention      loyal      loyal
    2       hibernating     hibernating         at_risk             at_risk    cannot_lose
    1       lost            lost                at_risk             at_risk    cannot_lose

    M rule: an ``at_risk`` customer with M=5 is ``cannot_lose`` (big spender slipping away).

>>> rfm_segment(5, 5, 5)
'champions'
>>> rfm_segment(5, 1, 1), rfm_segment(1, 1, 1)
('new', 'lost')
>>> rfm_segment(2, 3, 4), rfm_segment(2, 3, 5)
('at_risk', 'cannot_lose')
"""

from typing import NamedTuple

import numpy as np

SEGMENTS = [
    ("champions", "Champions"),
    ("loyal", "Loyal Customers"),
    ("potential_loyalist", "Potential Loyalists"),
    ("new", "New Customers"),
    ("promising", "Promising"),
    ("need_attention", "Need Attention"),
    ("about_to_sleep", "About to Sleep"),
    ("at_risk", "At Risk"),
    ("cannot_lose", "Can't Lose Them"),
    ("hibernating", "Hibernating"),
    ("lost", "Lost"),
]
SEGMENT_KEYS = [key for key, _label in SEGMENTS]

# Rows are R = 5..1 and columns F = 1..5, read exactly like the table in the module docstring.
_RF_GRID_TOP_DOWN = (
    ("new", "potential_loyalist", "potential_loyalist", "champions", "champions"),
    ("promising", "potential_loyalist", "potential_loyalist", "loyal", "loyal"),
    ("about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"),
    ("hibernating", "hibernating", "at_risk", "at_risk", "cannot_lose"),
    ("lost", "lost", "at_risk", "at_risk", "cannot_lose"),
)
QUINTILES = 5


class RfmScore(NamedTuple):
    customer_key: object
    recency_score: int
    frequency_score: int
    monetary_score: int
    segment: str


def _segment_lookup_table():
    """Segment index for every (R, F, M) in 1..5, as a 6x6x6 array (index 0 is unused)."""
    table = np.zeros((QUINTILES + 1,) * 3, dtype=np.int8)
    for row, segments in enumerate(_RF_GRID_TOP_DOWN):
        recency_score = QUINTILES - row
        for frequency_score, segment in enumerate(segments, start=1):
            table[recency_score, frequency_score, :] = SEGMENT_KEYS.index(segment)
    at_risk = table[:, :, QUINTILES] == SEGMENT_KEYS.index("at_risk")
    table[:, :, QUINTILES][at_risk] = SEGMENT_KEYS.index("cannot_lose")
    return table


_SEGMENT_TABLE = _segment_lookup_table()


def rfm_segment(recency_score, frequency_score, monetary_score):
    """Segment key of one customer's scores (each 1..5); see the table in the module docstring."""
    scores = (recency_score, frequency_score, monetary_score)
    if not all(1 <= int(score) <= QUINTILES for score in scores):
        raise ValueError(f"RFM scores must be between 1 and {QUINTILES}, got {scores}")
    return SEGMENT_KEYS[_SEGMENT_TABLE[scores]]


def rfm_segments(recency_scores, frequency_scores, monetary_scores):
    """Vectorised :func:`rfm_segment`: array of segment keys for arrays of scores."""
    indexes = _SEGMENT_TABLE[
        np.asarray(recency_scores), np.asarray(frequency_scores), np.asarray(monetary_scores)
    ]
    return np.asarray(SEGMENT_KEYS, dtype=object)[indexes]


def _sortable_key(customer_key):
    # Numbers sort numerically and before anything else, which sorts by its text: mixed key types
    # (ids and e-mail addresses) still get one deterministic order.
    if isinstance(customer_key, (int, float)) and not isinstance(customer_key, bool):
        return (0, customer_key, "")
    return (1, 0, str(customer_key))


def _key_ranks(customer_keys):
    order = sorted(range(len(customer_keys)), key=lambda i: _sortable_key(customer_keys[i]))
    ranks = np.empty(len(customer_keys), dtype=np.int64)
    ranks[order] = np.arange(len(customer_keys))
    return ranks


def quintile_scores(values, tie_breaker):
    """Scores 1..5 of ``values`` (higher value, higher score), ties broken by ``tie_breaker``.

    >>> quintile_scores([10.0, 10.0, 10.0, 10.0, 10.0], tie_breaker=[4, 3, 2, 1, 0]).tolist()
    [5, 4, 3, 2, 1]
    >>> quintile_scores([7.0], tie_breaker=[0]).tolist()
    [3]
    """
    values = np.asarray(values, dtype=float)
    count = len(values)
    ranks = np.empty(count, dtype=np.int64)
    ranks[np.lexsort((np.asarray(tie_breaker), values))] = np.arange(count)
    # Integer form of 1 + floor((rank + 0.5) * 5 / count), exact for any population size.
    return 1 + ((2 * ranks + 1) * QUINTILES) // (2 * max(count, 1))


def rfm_scores(rows):
    """Score ``(customer_key, recency_days, frequency, monetary)`` rows; one RfmScore per row.

    ``frequency`` is the number of orders, ``recency_days`` the days since the last one (``None``
    when there is none) and ``monetary`` the customer's spend (sum or mean, the caller decides).
    Results come back in the order of ``rows``.

    >>> for score in rfm_scores([("ana", 2, 8, 900.0), ("bia", 40, 3, 120.0),
    ...                          ("caio", 300, 1, 35.0), ("davi", None, 0, 0.0)]):
    ...     print(score.customer_key, score.recency_score, score.frequency_score,
    ...           score.monetary_score, score.segment)
    ana 5 5 5 champions
    bia 3 3 3 need_attention
    caio 1 1 1 lost
    davi 1 1 1 lost
    """
    rows = list(rows)
    if not rows:
        return []
    customer_keys = [row[0] for row in rows]
    recency = np.array([np.nan if row[1] is None else row[1] for row in rows], dtype=float)
    frequency = np.array([row[2] or 0 for row in rows], dtype=float)
    monetary = np.array([row[3] or 0.0 for row in rows], dtype=float)

    buyers = (frequency > 0) & ~np.isnan(recency)
    tie_breaker = _key_ranks(customer_keys)[buyers]
    scores = np.ones((3, len(rows)), dtype=np.int64)
    scores[0, buyers] = quintile_scores(-recency[buyers], tie_breaker)
    scores[1, buyers] = quintile_scores(frequency[buyers], tie_breaker)
    scores[2, buyers] = quintile_scores(monetary[buyers], tie_breaker)
    scores[1, frequency == 1] = 1
    segments = rfm_segments(*scores)
    return [
        RfmScore(key, int(r), int(f), int(m), segment)
        for key, r, f, m, segment in zip(customer_keys, *scores.tolist(), segments, strict=True)
    ]
