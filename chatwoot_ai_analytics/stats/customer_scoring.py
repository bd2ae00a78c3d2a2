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

from datetime import date

import numpy as np

from .rfm import QUINTILES, _key_ranks, quintile_scores


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

    Only buyers (frequency > 0) are ranked, as in :func:`.rfm.rfm_scores`, whose ranking this
    reproduces on whole arrays (the same quintiles, ties broken by customer key, one-order
    customers F=1); the result is a plain dict of lists, stored as JSON on the analytics run
    and reused by incremental refreshes.
    """
    frequency = np.asarray(frequency, dtype=float)
    recency = np.array([np.nan if d is None else d for d in recency_days], dtype=float)
    monetary = np.asarray(monetary, dtype=float)
    buyers = (frequency != 0) & ~np.isnan(recency)
    keys = [key for key, buyer in zip(customer_keys, buyers.tolist(), strict=True) if buyer]
    tie_breaker = _key_ranks(keys)
    frequency, recency, monetary = frequency[buyers], recency[buyers], monetary[buyers]
    frequency_scores = quintile_scores(frequency, tie_breaker)
    frequency_scores[frequency == 1] = 1
    return {
        "recency": _thresholds(-recency, quintile_scores(-recency, tie_breaker)),
        "frequency": _thresholds(frequency, frequency_scores),
        "monetary": _thresholds(monetary, quintile_scores(monetary, tie_breaker)),
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


#: Day number (days since 1970-01-01, as the SQL reads them) of ``date.fromordinal(n)``: n - this.
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
#: Columns of :func:`..sql.customers.customer_aggregates_query`, in order.
AGGREGATE_COLUMNS = (
    "customer_id",
    "category_count",
    "refund_amount",
    "message_count",
    "complaint_count",
    "sentiment_recent",
    "sentiment_before",
    "unanswered_count",
    "channel_count",
)


#: Decimals kept of a sum of amounts (:func:`money_sum`).
SUM_DECIMALS = 6


def money_sum(total):
    """Float sums of amounts rounded to :data:`SUM_DECIMALS` decimals.

    PostgreSQL sums ``numeric`` amounts exactly; summed as floats, equal spends may differ in
    the last bit (0.1 + 0.2 != 0.3) and then fall on both sides of an RFM threshold. Rounded,
    a sum of cents is the float of its exact decimal value, as the SQL sum was.

    >>> float(np.float64(0.1) + 0.2) == 0.3, money_sum(np.array([0.1 + 0.2])).tolist() == [0.3]
    (False, True)
    """
    return np.round(total, SUM_DECIMALS)


def order_summary(customer, day, amount, time_unit_days=TIME_UNIT_DAYS):
    """Per-customer summary of order events, vectorised: one pass over the orders.

    ``customer``, ``day`` (day numbers) and ``amount`` are parallel arrays, one entry per
    order, in any order. Returns a dict of arrays over the distinct customers (sorted):
    ``customer_id``, ``orders``, ``first_day``, ``last_day``, ``amount``, ``repeat_periods``
    (distinct ``time_unit_days`` periods after the first one, counted from the first order:
    the BTYD frequency) and ``repeat_amount`` (spent from the first full period on).

    >>> summary = order_summary(
    ...     np.array([7, 3, 7, 7]), np.array([10, 5, 12, 30]), np.array([1.0, 2.0, 4.0, 8.0]))
    >>> {key: values.tolist() for key, values in summary.items()}  # doctest: +NORMALIZE_WHITESPACE
    {'customer_id': [3, 7], 'orders': [1, 3], 'first_day': [5.0, 10.0], 'last_day': [5.0, 30.0],
     'amount': [2.0, 13.0], 'repeat_periods': [0, 1], 'repeat_amount': [0.0, 8.0]}
    """
    customer = np.asarray(customer, dtype=np.int64)
    day = np.asarray(day, dtype=float)
    amount = np.asarray(amount, dtype=float)
    keys, index = np.unique(customer, return_inverse=True)
    count = len(keys)
    first = np.full(count, np.inf)
    last = np.full(count, -np.inf)
    np.minimum.at(first, index, day)
    np.maximum.at(last, index, day)
    age = (day - first[index]).astype(np.int64)
    period = age // time_unit_days
    # Distinct (customer, period) pairs: periods are below the span of the orders' days.
    span = int(period.max()) + 1 if len(period) else 1
    periods = np.bincount(np.unique(index * span + period) // span, minlength=count)
    repeat = age >= time_unit_days
    return {
        "customer_id": keys,
        "orders": np.bincount(index, minlength=count),
        "first_day": first,
        "last_day": last,
        "amount": money_sum(np.bincount(index, weights=amount, minlength=count)),
        "repeat_periods": periods - 1,
        "repeat_amount": money_sum(
            np.bincount(index[repeat], weights=amount[repeat], minlength=count)
        ),
    }


def _dates(day_numbers):
    """``date`` of each day number, None for NaN (converted by NumPy, not one by one).

    >>> _dates(np.array([0.0, np.nan, 20454.0]))
    [datetime.date(1970, 1, 1), None, datetime.date(2026, 1, 1)]
    """
    days = np.full(len(day_numbers), np.datetime64("NaT"), dtype="datetime64[D]")
    known = ~np.isnan(day_numbers)
    days[known] = day_numbers[known].astype(np.int64)
    return days.astype(object).tolist()


def customer_arrays(orders, aggregates, today, time_unit_days=TIME_UNIT_DAYS):
    """The customers' raw behaviour as arrays, with the BTYD summary in ``time_unit_days``
    periods: repeat periods, age at the last purchase, age ``today``, mean repeat value.

    ``orders`` is the float matrix of order events ``(customer, day number, amount)``
    (:func:`..sql.customers.churn_event_queries`), summed by :func:`order_summary`;
    ``aggregates`` the float matrix of :data:`AGGREGATE_COLUMNS` (NaN for NULL). The customers
    are those with an order or an incoming message, ordered by key.

    Credit notes reduce the Gamma-Gamma spend input as they reduce the net spend: the repeat
    purchases keep their share of the refunds (``repeat * net / gross``), so a customer who
    returned half of what they bought is valued on the half they kept.

    >>> day = float(date(2025, 12, 1).toordinal() - EPOCH_ORDINAL)
    >>> orders = np.array([[7, day, 100.0], [7, day + 8, 100.0], [7, day + 20, 100.0]])
    >>> aggregates = np.array([[7, 1, -150.0, 0, 0, np.nan, np.nan, 0, 1]])
    >>> data = customer_arrays(orders, aggregates, date(2026, 1, 1))
    >>> data["btyd_monetary"].tolist(), data["monetary"].tolist(), data["recency_days"]
    ([50.0], [150.0], [11])
    """
    orders = np.asarray(orders, dtype=float).reshape(-1, 3)
    aggregates = np.asarray(aggregates, dtype=float).reshape(-1, len(AGGREGATE_COLUMNS))
    summary = order_summary(orders[:, 0], orders[:, 1], orders[:, 2], time_unit_days)
    other_keys = aggregates[:, 0].astype(np.int64)
    messaging = other_keys[aggregates[:, 3] > 0]
    keys = np.union1d(summary["customer_id"], messaging)
    count = len(keys)

    def spread(known_keys, values, missing):
        """``values`` of ``known_keys`` (sorted) at the positions of ``keys``."""
        result = np.full(count, missing, dtype=float)
        slot = np.searchsorted(keys, known_keys)
        kept = (slot < count) & (keys[np.minimum(slot, count - 1)] == known_keys)
        result[slot[kept]] = np.asarray(values, dtype=float)[kept]
        return result

    def other(name, missing=0.0):
        return spread(other_keys, aggregates[:, AGGREGATE_COLUMNS.index(name)], missing)

    def from_orders(name, missing=0.0):
        return spread(summary["customer_id"], summary[name], missing)

    frequency = from_orders("orders").astype(np.int64)
    order_amount = from_orders("amount")
    first, last = from_orders("first_day", np.nan), from_orders("last_day", np.nan)
    today_number = today.toordinal() - EPOCH_ORDINAL
    repeat_periods = from_orders("repeat_periods")
    net_amount = money_sum(order_amount + np.nan_to_num(other("refund_amount", np.nan)))
    kept_share = np.divide(
        np.maximum(net_amount, 0.0),
        order_amount,
        out=np.ones(count),
        where=order_amount > 0,
    )
    repeat_amount = from_orders("repeat_amount") * np.minimum(kept_share, 1.0)
    sentiment_recent = other("sentiment_recent", np.nan)
    sentiment_before = other("sentiment_before", np.nan)
    return {
        "customer_id": keys,
        "frequency": frequency,
        "recency_days": [None if d != d else int(d) for d in (today_number - last).tolist()],
        "monetary": net_amount,
        "avg_order_value": np.divide(
            order_amount, frequency, out=np.zeros(count), where=frequency > 0
        ),
        "first_day": _dates(first),
        "last_day": _dates(last),
        "btyd_frequency": repeat_periods,
        "btyd_recency": np.nan_to_num((last - first) / time_unit_days),
        "btyd_T": np.nan_to_num((today_number - first) / time_unit_days),
        "btyd_monetary": repeat_value(repeat_amount, repeat_periods),
        "category_count": other("category_count").astype(np.int64),
        "message_count": other("message_count").astype(np.int64),
        "complaint_count": other("complaint_count").astype(np.int64),
        "unanswered_count": other("unanswered_count").astype(np.int64),
        "channel_count": other("channel_count").astype(np.int64),
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


# -- churn, clusters and the whole per-customer scoring ---------------------------------------

#: Churn probability from which the risk is medium, high.
CHURN_RISK_BOUNDS = (0.4, 0.7)
#: Weight of the classifier against the BTYD 1 - P(alive) in the churn probability.
CHURN_CLASSIFIER_WEIGHT = 0.5


def fit_churn(events, today):
    """``(model, horizon_days, typical_gap)``: the churn classifier on a temporal holdout.

    "Churned" means no confirmed order within the horizon after a cutoff (the 90th percentile
    of the gaps between orders). :func:`.churn.temporal_holdout` trains on the behaviour at
    ``t0 = today - 2 horizons``, measures the AUC at ``t1 = today - 1 horizon`` (customers and a
    period it never saw) and refits on ``t1`` for scoring.
    """
    from . import churn

    day = float(churn.day_numbers(today))
    horizon = churn.suggest_horizon(events, day)
    t1 = day - horizon
    model = churn.temporal_holdout(events, t1 - horizon, t1, horizon_days=horizon)
    return model, horizon, churn.typical_gap(events, day)


def churn_risk(probability):
    """``low`` / ``medium`` / ``high`` of each churn probability.

    >>> churn_risk(np.array([0.1, 0.4, 0.69, 0.7]))
    ['low', 'medium', 'medium', 'high']
    """
    low, high = CHURN_RISK_BOUNDS
    return np.where(
        probability >= high, "high", np.where(probability >= low, "medium", "low")
    ).tolist()


def score_churn(load_model, events, fit, p_alive, buyers, today):
    """Churn probability (:func:`.churn.score_customers`: the classifier blended with
    1 - P(alive)), risk level and reason keys. One-order customers are overdue against the
    *stored* typical gap, so scoring a few changed customers gives what scoring everybody gives.
    ``load_model(run_id)`` returns the stored classifier; it is only called when there are
    buyers."""
    from . import churn

    count = len(p_alive)
    probability = np.zeros(count)
    reason_keys = [[] for _index in range(count)]
    if buyers.any():
        probability, reason_keys, _ordered = churn.score_customers(
            load_model(fit["run_id"]),
            events,
            today,
            p_alive=p_alive,
            weight=fit["weight"],
            k=3,
            default_gap_days=max(fit["typical_gap"], 1.0),
        )
    probability = np.clip(np.nan_to_num(probability), 0.0, 1.0)
    return {
        "churn_probability": probability,
        "churn_risk": churn_risk(probability),
        "churn_reason_keys": reason_keys,
    }


def score_clusters(data, fit):
    """Cluster of each customer under the stored fit (scaling, centres and labels)."""
    count = len(data["customer_id"])
    if not fit["k"] or not count:
        return {"cluster": np.zeros(count, dtype=np.int64), "cluster_label": [""] * count}
    from .clusters import ClusterResult

    labels = ClusterResult.from_dict(fit, FEATURES).assign(feature_matrix(data))
    return {"cluster": labels, "cluster_label": [fit["labels"][i] for i in labels]}


def _day_ordinals(days):
    return np.array([d.toordinal() if d else np.nan for d in days], dtype=float)


def reconcile_with_rhythm(data, scores, typical_gap, reason_labels):
    """Journey stage, then the segment, risk and reasons read with it (:mod:`.rhythm`); the
    reason keys become comma-joined keys and newline-joined readable ``reason_labels``."""
    from . import rhythm

    scores.update(
        rhythm.reconcile(
            data["frequency"],
            data["recency_days"],
            _day_ordinals(data["first_day"]),
            _day_ordinals(data["last_day"]),
            scores,
            typical_gap,
        )
    )
    keys = scores["churn_reason_keys"]
    scores["churn_reason_keys"] = [",".join(row) for row in keys]
    scores["churn_reasons"] = [
        "\n".join(reason_labels.get(key, key) for key in row) for row in keys
    ]


def score_customers(data, events, fits, today, load_churn_model, reason_labels):
    """Every per-customer score, from the raw behaviour and the population fits.

    Full and incremental refreshes both go through here, with the same fits, so a customer gets
    the same scores whichever refreshed it.
    """
    from .rfm import rfm_segments

    buyers = data["frequency"] > 0
    r_score, f_score, m_score = score_rfm(
        fits["rfm"], data["recency_days"], data["frequency"], data["monetary"]
    )
    scores = {
        "recency_score": r_score,
        "frequency_score": f_score,
        "monetary_score": m_score,
        "rfm_segment": rfm_segments(r_score, f_score, m_score),
    }
    scores.update(score_btyd(data, fits["btyd"], TIME_UNIT_DAYS))
    scores.update(score_clusters(data, fits["clusters"]))
    scores.update(
        score_churn(load_churn_model, events, fits["churn"], scores["p_alive"], buyers, today)
    )
    reconcile_with_rhythm(data, scores, fits["churn"]["typical_gap"], reason_labels)
    return scores


#: Above this many customers BG/NBD, Gamma-Gamma and the churn classifier are fitted on a
#: seeded random sample of this size (and everybody is scored with them): the fits are stable
#: well below it (``tests/benchmarks/_fit_sample_check.py``: on the 75k-customer seed the
#: BG/NBD parameters move by 2 % at most, P(alive) by 0.0005 on average), and the fit costs
#: stop growing with the shop.
FIT_SAMPLE = 20000
FIT_SAMPLE_SEED = 0


def sample_rows(count, size=FIT_SAMPLE, seed=FIT_SAMPLE_SEED):
    """Sorted positions of a seeded random sample of ``size`` out of ``count`` (all of them
    when there are no more than ``size``).

    >>> sample_rows(5).tolist(), len(sample_rows(50, size=10))
    ([0, 1, 2, 3, 4], 10)
    """
    if count <= size:
        return np.arange(count)
    return np.sort(np.random.default_rng(seed).choice(count, size, replace=False))


def subset_customers(data, rows):
    """The :func:`customer_arrays` of the customers at positions ``rows`` only."""
    return {
        key: np.asarray(values)[rows] if isinstance(values, np.ndarray) else _pick(values, rows)
        for key, values in data.items()
    }


def _pick(values, rows):
    return [values[row] for row in rows.tolist()]


def fit_population(data, events, today, sample_size=FIT_SAMPLE):
    """Every population-level fit of a full refresh: ``(fits, run_values, churn_model)``.

    ``fits`` is JSON-able (RFM thresholds, BG/NBD + Gamma-Gamma, clusters, churn settings: the
    caller adds ``fits["churn"]["run_id"]``, where the pickled ``churn_model`` is stored);
    ``run_values`` are the figures shown on the run (fit source, parameters, cluster count and
    silhouette, churn AUC, method and holdout size).

    The RFM thresholds rank and the clusters standardise the whole population; BG/NBD,
    Gamma-Gamma and the churn classifier are fitted on a seeded sample of ``sample_size``
    customers when there are more (:func:`sample_rows`).
    """
    from .churn import subset_events
    from .clusters import cluster_customers

    rows = sample_rows(len(data["customer_id"]), sample_size)
    if len(rows) < len(data["customer_id"]):
        data_sample, events_sample = subset_customers(data, rows), subset_events(events, rows)
    else:
        data_sample, events_sample = data, events
    params, source = fit_btyd(data_sample)
    # Clusters see everybody: k-means already picks k on a sample of its own, and the final
    # Lloyd pass from the sample's centres is cheap; standardising on a sample instead moved
    # the chosen k on the 75k-customer seed (_fit_sample_check.py).
    clusters = cluster_customers(feature_matrix(data), list(FEATURES), seed=0)
    model, horizon, typical_gap = fit_churn(events_sample, today)
    fits = {
        "rfm": fit_rfm_thresholds(
            data["recency_days"], data["frequency"], data["monetary"], data["customer_id"]
        ),
        "btyd": params,
        "clusters": clusters.to_dict(),
        "churn": {
            "weight": CHURN_CLASSIFIER_WEIGHT,
            "horizon_days": horizon,
            "typical_gap": typical_gap,
        },
    }
    run_values = {
        "clv_fit_source": source,
        **{f"bgnbd_{key}": params[key] for key in ("r", "alpha", "a", "b")},
        **{f"gg_{key}": params[key] for key in ("p", "q", "v")},
        "cluster_count": clusters.k,
        "cluster_silhouette": 0.0 if np.isnan(clusters.silhouette) else clusters.silhouette,
        "churn_auc": 0.0 if np.isnan(model.auc) else model.auc,
        "churn_model_kind": model.method,
        "churn_holdout_size": model.n_eval,
    }
    return fits, run_values, model
