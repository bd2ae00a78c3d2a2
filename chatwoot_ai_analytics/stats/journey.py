# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer journey stages and the monthly transitions between them.

Stages run ``lead -> first_purchase -> repeat -> loyal`` while a customer keeps buying, and fall
to ``at_risk`` then ``lost`` when they stop. Whether a customer "stopped" is judged against their
*own* rhythm: ``overdue = days since the last order / typical gap between their orders`` (their
mean gap with two orders or more, the population's median gap otherwise), together with the
BG/NBD probability of still being active when the caller has it:

==================  =====================================================================
lead                no order yet
lost                overdue >= ``lost_factor`` (3) or P(alive) < ``p_alive_lost`` (0.15)
at_risk             overdue >= ``at_risk_factor`` (1.5) or P(alive) < ``p_alive_at_risk`` (0.5)
first_purchase      one order
repeat              2 .. ``loyal_min_orders`` - 1 orders
loyal               ``loyal_min_orders`` (4) orders or more
==================  =====================================================================

>>> customer_stage(0, None), customer_stage(1, 10), customer_stage(6, 20, typical_gap_days=30)
('lead', 'first_purchase', 'loyal')
>>> customer_stage(6, 50, typical_gap_days=30), customer_stage(6, 95, typical_gap_days=30)
('at_risk', 'lost')
>>> customer_stage(3, 5, p_alive=0.1, typical_gap_days=30)
'lost'
"""

import numpy as np

STAGES = ("lead", "first_purchase", "repeat", "loyal", "at_risk", "lost")
STAGE_LABELS = [
    ("lead", "Lead"),
    ("first_purchase", "First purchase"),
    ("repeat", "Repeat"),
    ("loyal", "Loyal"),
    ("at_risk", "At risk"),
    ("lost", "Lost"),
]
DEFAULT_GAP_DAYS = 90.0
_STAGE_INDEX = {stage: index for index, stage in enumerate(STAGES)}


def _as_float(values, size, fill=np.nan):
    """Float array of ``size`` from a sequence (None -> ``fill``), a scalar or None."""
    if values is None:
        return np.full(size, fill)
    array = np.atleast_1d(np.asarray(values))
    if array.dtype.kind not in "iufb":
        array = np.array([fill if value is None else value for value in array.ravel()])
    array = array.astype(float).ravel()
    return np.full(size, array[0]) if array.size == 1 else array


def customer_stages(
    order_count,
    days_since_last_order,
    p_alive=None,
    typical_gap_days=None,
    loyal_min_orders=4,
    at_risk_factor=1.5,
    lost_factor=3.0,
    p_alive_at_risk=0.5,
    p_alive_lost=0.15,
    default_gap_days=None,
):
    """Vectorised stages (array of stage keys) of customers given as parallel arrays.

    ``typical_gap_days`` is each customer's own mean gap between orders (NaN/None when unknown);
    unknown gaps take ``default_gap_days``, itself defaulting to the median of the known gaps (90
    days when none is known). ``p_alive`` (NaN/None: unknown) is optional.
    """
    size = np.atleast_1d(np.asarray(order_count, dtype=object)).size
    counts = np.nan_to_num(_as_float(order_count, size, 0.0))
    shape = counts.shape
    recency = _as_float(days_since_last_order, shape)
    p_alive = _as_float(p_alive, shape)
    gaps = _as_float(typical_gap_days, shape).copy()
    known_gaps = gaps[np.isfinite(gaps) & (gaps > 0)]
    if default_gap_days is None:
        default_gap_days = float(np.median(known_gaps)) if len(known_gaps) else DEFAULT_GAP_DAYS
    gaps[~(np.isfinite(gaps) & (gaps > 0))] = default_gap_days
    overdue = np.nan_to_num(recency, nan=0.0) / np.maximum(gaps, 1.0)

    stages = np.full(shape, _STAGE_INDEX["loyal"], dtype=np.int64)
    stages[counts < loyal_min_orders] = _STAGE_INDEX["repeat"]
    stages[counts == 1] = _STAGE_INDEX["first_purchase"]
    with np.errstate(invalid="ignore"):
        at_risk = (overdue >= at_risk_factor) | (p_alive < p_alive_at_risk)
        lost = (overdue >= lost_factor) | (p_alive < p_alive_lost)
    stages[at_risk] = _STAGE_INDEX["at_risk"]
    stages[lost] = _STAGE_INDEX["lost"]
    stages[counts <= 0] = _STAGE_INDEX["lead"]
    return np.asarray(STAGES, dtype=object)[stages]


def customer_stage(order_count, days_since_last_order, p_alive=None, loyal_min_orders=4, **kwargs):
    """Stage key of one customer; see :func:`customer_stages` for the keyword arguments."""
    stages = customer_stages(
        [order_count or 0],
        [days_since_last_order],
        [p_alive],
        loyal_min_orders=loyal_min_orders,
        **kwargs,
    )
    return str(stages[0])


def monthly_stages(customer_codes, order_days, customer_count, month_ends, **stage_kwargs):
    """Stage of every customer at every month end, from their order history.

    ``customer_codes``/``order_days`` are parallel arrays (customer row 0..n-1, order day number);
    ``month_ends`` are day numbers, ascending. Returns a ``customer_count x len(month_ends)``
    array of stage keys. P(alive) is not refitted per month: the stages follow order counts and
    each customer's own overdue ratio (the gaps known at that month end).
    """
    codes = np.asarray(customer_codes, dtype=np.int64)
    days = np.asarray(order_days, dtype=float)
    result = np.empty((customer_count, len(month_ends)), dtype=object)
    for column, month_end in enumerate(month_ends):
        known = days <= month_end
        count = np.bincount(codes[known], minlength=customer_count).astype(float)
        first = np.full(customer_count, np.inf)
        np.minimum.at(first, codes[known], days[known])
        last = np.full(customer_count, -np.inf)
        np.maximum.at(last, codes[known], days[known])
        repeat = count >= 2
        gaps = np.full(customer_count, np.nan)
        gaps[repeat] = (last[repeat] - first[repeat]) / (count[repeat] - 1)
        recency = np.where(count > 0, month_end - last, np.nan)
        result[:, column] = customer_stages(count, recency, None, gaps, **stage_kwargs)
    return result


def _count_transitions(months, from_codes, to_codes, include_same):
    moved = from_codes != to_codes if not include_same else np.ones(len(to_codes), dtype=bool)
    if not moved.any():
        return []
    stage_count = len(STAGES)
    keys = (months[moved] * stage_count + from_codes[moved]) * stage_count + to_codes[moved]
    unique_keys, counts = np.unique(keys, return_counts=True)
    return [
        (
            int(key // stage_count**2),
            int(key // stage_count % stage_count),
            int(key % stage_count),
            int(count),
        )
        for key, count in zip(unique_keys.tolist(), counts.tolist(), strict=True)
    ]


def transitions_from_matrix(stage_matrix, months, include_same=False):
    """Transition counts between consecutive columns of a :func:`monthly_stages` matrix.

    Returns ``(month, from_stage, to_stage, count)`` tuples, the move counted in the later month,
    sorted by month then by stage order. ``months`` labels the columns (any values).
    """
    matrix = np.asarray(stage_matrix, dtype=object)
    if matrix.ndim != 2 or matrix.shape[1] < 2:
        return []
    codes = np.vectorize(_STAGE_INDEX.__getitem__, otypes=[np.int64])(matrix)
    rows, columns = codes.shape
    month_codes = np.tile(np.arange(1, columns), rows)
    counted = _count_transitions(
        month_codes, codes[:, :-1].ravel(), codes[:, 1:].ravel(), include_same
    )
    return [
        (months[month], STAGES[origin], STAGES[target], count)
        for month, origin, target, count in counted
    ]


def stage_transitions(rows, include_same=False):
    """Transition counts from ``(customer_key, month, stage)`` snapshot rows.

    Each customer's snapshots are ordered by ``month`` (any sortable value, e.g. ``"2026-03"``
    or a date); a change between two consecutive snapshots counts once in the later month.
    Returns ``(month, from_stage, to_stage, count)`` tuples sorted by month then stage order.

    >>> stage_transitions([("ana", "2026-01", "lead"), ("ana", "2026-02", "first_purchase"),
    ...                    ("bia", "2026-02", "repeat"), ("bia", "2026-01", "first_purchase"),
    ...                    ("caio", "2026-02", "lead"), ("caio", "2026-01", "lead")])
    [('2026-02', 'lead', 'first_purchase', 1), ('2026-02', 'first_purchase', 'repeat', 1)]
    """
    rows = list(rows)
    if not rows:
        return []
    customers, months, stages = zip(*rows, strict=True)
    _customer_keys, customer_codes = np.unique(np.asarray(customers), return_inverse=True)
    month_keys, month_codes = np.unique(np.asarray(months), return_inverse=True)
    stage_codes = np.array([_STAGE_INDEX[stage] for stage in stages], dtype=np.int64)
    order = np.lexsort((month_codes.ravel(), customer_codes.ravel()))
    customer_codes, month_codes = customer_codes.ravel()[order], month_codes.ravel()[order]
    stage_codes = stage_codes[order]
    same_customer = customer_codes[1:] == customer_codes[:-1]
    counted = _count_transitions(
        month_codes[1:][same_customer],
        stage_codes[:-1][same_customer],
        stage_codes[1:][same_customer],
        include_same,
    )
    month_values = month_keys.tolist()
    return [
        (month_values[month], STAGES[origin], STAGES[target], count)
        for month, origin, target, count in counted
    ]


def history_transitions(customer_codes, order_days, customer_count, today, months=12):
    """Stage transitions of the last ``months`` month ends before ``today`` (a date), rebuilt
    from the order history (day numbers since 1970-01-01): ``(month end, from, to, count)``.

    >>> from datetime import date
    >>> moves = history_transitions([0, 0], [20454.0, 20500.0], 1, date(2026, 3, 15), months=2)
    >>> [(str(day), origin, target) for day, origin, target, _count in moves]
    [('2026-01-31', 'lead', 'first_purchase'), ('2026-02-28', 'first_purchase', 'repeat')]
    """
    from datetime import date, timedelta

    month_ends = []
    for back in range(months, -1, -1):
        year, month = divmod(today.year * 12 + today.month - 1 - back, 12)
        month_ends.append(date(year, month + 1, 1) - timedelta(days=1))
    epoch = date(1970, 1, 1)
    matrix = monthly_stages(
        customer_codes,
        order_days,
        customer_count,
        [float((day - epoch).days) for day in month_ends],
    )
    return transitions_from_matrix(matrix, month_ends)
