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


# -- the rest of one customer's profile: raw behaviour, BTYD, clusters -----------------------

#: BTYD periods are weeks, like the CDNOW reference fits.
TIME_UNIT_DAYS = 7
#: Fewer customers than this and the BTYD fit is noise: the published CDNOW fit is the prior.
MIN_BUYERS_TO_FIT = 50
MIN_REPEATERS_TO_FIT = 10
PRIOR_BGNBD = {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}
PRIOR_GG_SHAPE = {"p": 6.25, "q": 3.74}
#: Behaviour features, in this order, for the clusters.
FEATURES = (
    "recency_days",
    "frequency",
    "monetary",
    "avg_order_value",
    "category_count",
    "message_count",
    "complaint_count",
    "unanswered_count",
    "channel_count",
    "sentiment_recent",
    "sentiment_trend",
)


def _floats(values):
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def _ordinals(days):
    return np.array([np.nan if d is None else d.toordinal() for d in days], dtype=float)


def repeat_value(repeat_amount, repeat_periods):
    """Mean value of a repeat period (Gamma-Gamma input), 0 without repeat or when the
    refunds outweigh the purchases.

    >>> repeat_value(np.array([90.0, 50.0, -5.0]), np.array([3.0, 0.0, 1.0])).tolist()
    [30.0, 0.0, 0.0]
    """
    value = np.divide(
        repeat_amount, repeat_periods, out=np.zeros(len(repeat_periods)), where=repeat_periods > 0
    )
    return np.maximum(value, 0.0)


def customer_arrays(rows, today, time_unit_days=TIME_UNIT_DAYS):
    """The customers' raw behaviour as arrays, from the rows of the customers query
    (:func:`..sql.customers.customers_query`), with the BTYD summary in ``time_unit_days``
    periods: repeat periods, age at the last purchase, age ``today``, mean repeat value.

    Credit notes reduce the Gamma-Gamma spend input as they reduce the net spend: the repeat
    purchases keep their share of the refunds (``repeat * net / gross``), so a customer who
    returned half of what they bought is valued on the half they kept.

    >>> row = (7, 3, 5, 150.0, 300.0, None, None, 2, 200.0, 1, 0, 0, 0, None, None, 1)
    >>> customer_arrays([row], __import__("datetime").date(2026, 1, 1))["btyd_monetary"].tolist()
    [50.0]
    """
    columns = list(zip(*rows, strict=True)) if rows else [()] * 16
    frequency = np.array(columns[1], dtype=np.int64)
    order_amount = _floats(columns[4])
    sentiment_recent = _floats(columns[13])
    sentiment_before = _floats(columns[14])
    first_day, last_day = list(columns[5]), list(columns[6])
    first, last = _ordinals(first_day), _ordinals(last_day)
    repeat_periods = np.array(columns[7], dtype=float)
    net_amount = _floats(columns[3])
    kept_share = np.divide(
        np.maximum(net_amount, 0.0),
        order_amount,
        out=np.ones(len(order_amount)),
        where=order_amount > 0,
    )
    repeat_amount = _floats(columns[8]) * np.minimum(kept_share, 1.0)
    return {
        "customer_id": np.array(columns[0], dtype=np.int64),
        "frequency": frequency,
        "recency_days": [None if d is None else int(d) for d in columns[2]],
        "monetary": net_amount,
        "avg_order_value": np.divide(
            order_amount, frequency, out=np.zeros(len(frequency)), where=frequency > 0
        ),
        "first_day": first_day,
        "last_day": last_day,
        "btyd_frequency": repeat_periods,
        "btyd_recency": np.nan_to_num((last - first) / time_unit_days),
        "btyd_T": np.nan_to_num((today.toordinal() - first) / time_unit_days),
        "btyd_monetary": repeat_value(repeat_amount, repeat_periods),
        "category_count": np.array(columns[9], dtype=np.int64),
        "message_count": np.array(columns[10], dtype=np.int64),
        "complaint_count": np.array(columns[11], dtype=np.int64),
        "unanswered_count": np.array(columns[12], dtype=np.int64),
        "channel_count": np.array(columns[15], dtype=np.int64),
        "sentiment_recent": np.nan_to_num(sentiment_recent),
        "sentiment_trend": np.nan_to_num(sentiment_recent - sentiment_before),
    }


def feature_matrix(data, features=FEATURES):
    """The ``features`` columns of :func:`customer_arrays` as one float matrix (NaN recency
    for customers without order)."""
    recency = _floats(data["recency_days"])
    columns = [recency if name == "recency_days" else data[name] for name in features]
    return np.column_stack([np.asarray(column, dtype=float) for column in columns])


def fit_btyd(data):
    """BG/NBD on the buyers and Gamma-Gamma on the repeat buyers: ``(params, source)``.

    Too small a population gives meaningless maximum-likelihood estimates: then the published
    CDNOW fit is the prior (``source`` "prior"), with the Gamma-Gamma scale set so that the
    expected order value is the population's mean order value; an implausible spend fit falls
    back to that prior too ("spend_prior").
    """
    from . import clv

    buyers = data["frequency"] > 0
    x = data["btyd_frequency"][buyers]
    repeaters = int((x > 0).sum())
    fitted = buyers.sum() >= MIN_BUYERS_TO_FIT and repeaters >= MIN_REPEATERS_TO_FIT
    mean_value = float(data["avg_order_value"][buyers].mean()) if buyers.any() else 0.0
    spend_prior = clv.gamma_gamma_with_mean(mean_value, **PRIOR_GG_SHAPE)
    source = "prior"
    if fitted:
        bg = clv.fit_bgnbd(x, data["btyd_recency"][buyers], data["btyd_T"][buyers], penalizer=0.001)
        gg = clv.fit_gamma_gamma(x, data["btyd_monetary"][buyers], penalizer=0.001)
        source = "fitted"
        if not clv.plausible_spend_model(gg, mean_value):
            gg, source = spend_prior, "spend_prior"
        params = {"r": bg.r, "alpha": bg.alpha, "a": bg.a, "b": bg.b}
    else:
        params = dict(PRIOR_BGNBD)
        gg = spend_prior
    params.update(p=gg.p, q=gg.q, v=gg.v)
    return params, source


def score_btyd(data, params, time_unit_days=TIME_UNIT_DAYS):
    """P(alive), expected orders and discounted CLV over 12 months; 0 for non-buyers."""
    from . import clv

    buyers = data["frequency"] > 0
    bg = clv.BetaGeo(params["r"], params["alpha"], params["a"], params["b"])
    gg = clv.GammaGamma(params["p"], params["q"], params["v"])
    x = data["btyd_frequency"][buyers]
    t_x = data["btyd_recency"][buyers]
    big_t = data["btyd_T"][buyers]
    count = len(buyers)
    p_alive, expected, value = np.zeros(count), np.zeros(count), np.zeros(count)
    if buyers.any():
        weeks = 12 * clv.DAYS_PER_MONTH / time_unit_days
        p_alive[buyers] = bg.p_alive(x, t_x, big_t)
        expected[buyers] = bg.expected_purchases(weeks, x, t_x, big_t)
        value[buyers] = clv.clv(bg, gg, x, t_x, big_t, data["btyd_monetary"][buyers])
    return {
        "p_alive": np.clip(np.nan_to_num(p_alive), 0.0, 1.0),
        "expected_orders_12m": np.maximum(np.nan_to_num(expected), 0.0),
        "clv_12m": np.maximum(np.nan_to_num(value), 0.0),
    }
