# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Churn risk: behaviour + conversation features at any cutoff, a classifier, reasons, blending.

Definitions
-----------
A customer *churns* at a cutoff ``t`` when they place **no order in the following
``horizon_days``** (the label of Tamaddoni et al. and of most churn notebooks). Only customers who
ordered at least once before ``t`` are churn candidates; the others are leads.

Features (:data:`CHURN_FEATURES`) are computed at a cutoff from per-customer event arrays
(:class:`CustomerEvents`), only from events dated at or before the cutoff, so the same code
builds training features at ``t0``, evaluation features at ``t1`` and scoring features today.
Everything is vectorised with ``bincount`` / ``ufunc.at`` over the event arrays: 100k customers
with a million orders take well under a second.

Model
-----
:func:`train_churn` fits a ``HistGradientBoostingClassifier`` when there are enough customers of
both classes (boosting predicts churn best in most published comparisons) and a logistic
regression otherwise (it wins when churn is rare or data is small). A logistic regression on
standardised features is always fitted next to it as the *explainer*: its per-customer
contributions ``coef_j * z_ij`` give the top reasons (:func:`top_reasons`), restricted to features
where the customer sits on the risky side, so "complaints" is never the reason of a customer
without complaints. With a single class in the labels (every customer churned, or none) the model
predicts the observed rate and reasons fall back to the most extreme risky features.

:func:`temporal_holdout` trains at ``t0`` and measures the ROC AUC at a later cutoff ``t1``: the
honest estimate of how the model ranks customers it has not seen, in a future it did not see.
:func:`blend` mixes the classifier with the BG/NBD probability of being dead (``1 - p_alive``).
"""

import warnings
from dataclasses import dataclass, field, replace
from datetime import date, datetime

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from threadpoolctl import threadpool_limits

from . import clv

CHURN_FEATURES = (
    "recency_days",  # days since the last order (NO_ORDER_RECENCY_DAYS without orders, capped)
    "order_count",  # orders placed up to the cutoff
    "orders_recent",  # orders in the last ``recent_days``
    "frequency_change",  # orders in the last ``trend_days`` minus the ``trend_days`` before
    "monetary",  # log(1 + net spend) up to the cutoff
    "tenure_days",  # days since the first order
    "overdue_ratio",  # recency / own mean gap between orders (population median gap if < 2)
    "sentiment_recent",  # mean sentiment (-1..1) of the customer's recent messages, 0 if none
    "sentiment_change",  # recent mean sentiment minus the mean of the earlier messages
    "complaints_recent",  # complaint messages in the last ``recent_days``
    "unanswered_recent",  # conversations left unanswered in the last ``recent_days``
    "p_alive",  # BG/NBD probability of still being active at the cutoff
)

# +1 when a higher value means more risk, -1 when a lower value does.
RISK_DIRECTION = {
    "recency_days": 1,
    "order_count": -1,
    "orders_recent": -1,
    "frequency_change": -1,
    "monetary": -1,
    "tenure_days": -1,
    "overdue_ratio": 1,
    "sentiment_recent": -1,
    "sentiment_change": -1,
    "complaints_recent": 1,
    "unanswered_recent": 1,
    "p_alive": -1,
}
FEATURE_REASONS = {
    "recency_days": "no_recent_orders",
    "order_count": "few_orders",
    "orders_recent": "no_recent_orders",
    "frequency_change": "declining_frequency",
    "monetary": "low_spend",
    "tenure_days": "new_customer",
    "overdue_ratio": "overdue_vs_own_cycle",
    "sentiment_recent": "negative_sentiment",
    "sentiment_change": "worsening_sentiment",
    "complaints_recent": "complaints",
    "unanswered_recent": "unanswered_conversations",
    "p_alive": "low_p_alive",
}
REASONS = [
    ("no_recent_orders", "No recent orders"),
    ("overdue_vs_own_cycle", "Overdue compared with their usual buying cycle"),
    ("declining_frequency", "Buying less often"),
    ("few_orders", "Few orders"),
    ("low_spend", "Low spend"),
    ("new_customer", "New customer, no habit yet"),
    ("negative_sentiment", "Negative sentiment in conversations"),
    ("worsening_sentiment", "Sentiment getting worse"),
    ("complaints", "Recent complaints"),
    ("unanswered_conversations", "Unanswered conversations"),
    ("low_p_alive", "Low probability of still being active"),
]

NO_ORDER_RECENCY_DAYS = 730.0
DEFAULT_GAP_DAYS = 90.0
RECENT_DAYS = 90
TREND_DAYS = 180
# Boosting needs enough examples of both classes; below this logistic regression is steadier.
_BOOSTING_MIN_ROWS = 2000
_BOOSTING_MIN_MINORITY = 100
# Reasons need a real push towards churn, not noise around the average customer.
MIN_REASON_CONTRIBUTION = 0.1
_FALLBACK_MIN_Z = 0.5
_SECONDS_PER_DAY = 86400.0
# Training rows and BG/NBD fitting rows are sampled above these sizes: the fits barely change and
# the 100k-customer refresh stays within seconds.
MAX_TRAIN_ROWS = 50000
MAX_BTYD_FIT_ROWS = 20000
MIN_BTYD_CUSTOMERS = 20
# One native thread per fit: on a shared 2-core server OpenMP threads fighting the Odoo workers
# made gradient boosting 10x slower than a single thread.
_NATIVE_THREADS = 1


def day_numbers(values):
    """Days as floats: numbers pass through, dates/datetimes become days since 1970-01-01."""
    if isinstance(values, (date, datetime)):
        return day_numbers([values])[0]
    array = np.asarray(values)
    if array.dtype.kind in "iuf":
        return array.astype(float)
    if array.size == 0:
        return np.zeros(array.shape, dtype=float)
    seconds = array.astype("datetime64[s]").astype(np.int64)
    return seconds / _SECONDS_PER_DAY


@dataclass(frozen=True)
class CustomerEvents:
    """Event arrays of ``customer_count`` customers; ``*_customer`` are row indexes 0..n-1.

    Orders carry a day and a net amount; messages (the customer's own, incoming ones) a day, a
    sentiment in -1..1 (NaN when unknown, read as neutral) and a complaint flag; conversations a
    day (start) and whether it was left unanswered. Days are any consistent float day numbers.
    The unanswered flag is the conversation's state when it was read, so features at an old
    cutoff may see an answer that came later: a small optimism of the holdout, on one feature.
    """

    customer_count: int
    order_customer: np.ndarray
    order_day: np.ndarray
    order_amount: np.ndarray
    message_customer: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    message_day: np.ndarray = field(default_factory=lambda: np.zeros(0))
    message_sentiment: np.ndarray = field(default_factory=lambda: np.zeros(0))
    message_complaint: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    conversation_customer: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    conversation_day: np.ndarray = field(default_factory=lambda: np.zeros(0))
    conversation_unanswered: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    @classmethod
    def from_rows(cls, customer_keys, orders=(), messages=(), conversations=()):
        """Build from SQL-shaped rows; rows of customers not in ``customer_keys`` are ignored.

        * ``orders``: ``(customer_key, order_date, net_amount)``;
        * ``messages``: ``(customer_key, created_at, sentiment_score or None, is_complaint)``;
        * ``conversations``: ``(customer_key, created_at, is_unanswered)``.

        Each may also be a float matrix of those columns (days as day numbers, NULL as NaN,
        booleans as 0/1), as a ``COPY`` reads it: then nothing is converted row by row. Dates
        may be ``date``/``datetime`` objects or day numbers. Row ``i`` of every feature matrix
        built from the result is ``customer_keys[i]``.

        >>> events = CustomerEvents.from_rows(
        ...     ["ana", "bia"], orders=[("bia", 10.0, 5.0), ("caio", 3.0, 1.0), ("ana", 7, 2.5)])
        >>> events.order_customer.tolist(), events.order_day.tolist()
        ([1, 0], [10.0, 7.0])
        """
        keys = np.asarray(list(customer_keys))
        order_index, order_columns = event_columns(keys, orders, 3)
        message_index, message_columns = event_columns(keys, messages, 4)
        conversation_index, conversation_columns = event_columns(keys, conversations, 3)
        return cls(
            customer_count=len(keys),
            order_customer=order_index,
            order_day=order_columns[0],
            order_amount=order_columns[1],
            message_customer=message_index,
            message_day=message_columns[0],
            message_sentiment=message_columns[1],
            message_complaint=message_columns[2] == 1.0,
            conversation_customer=conversation_index,
            conversation_day=conversation_columns[0],
            conversation_unanswered=conversation_columns[1] == 1.0,
        )


def subset_events(events, rows):
    """The events of the customers at positions ``rows`` (sorted, distinct), renumbered
    0..len(rows)-1 in that order: what a fit on a sample of the customers reads.

    >>> events = CustomerEvents.from_rows([1, 2, 3], orders=[(1, 5.0, 1.0), (3, 6.0, 2.0)])
    >>> part = subset_events(events, np.array([2]))
    >>> part.customer_count, part.order_customer.tolist(), part.order_day.tolist()
    (1, [0], [6.0])
    """
    rows = np.asarray(rows, dtype=np.int64)
    position = np.full(events.customer_count, -1, dtype=np.int64)
    position[rows] = np.arange(len(rows))

    def pick(customers, *columns):
        new = position[customers] if len(customers) else np.zeros(0, dtype=np.int64)
        kept = new >= 0
        return (new[kept], *(column[kept] for column in columns))

    order_customer, order_day, order_amount = pick(
        events.order_customer, events.order_day, events.order_amount
    )
    message_customer, message_day, message_sentiment, message_complaint = pick(
        events.message_customer,
        events.message_day,
        events.message_sentiment,
        events.message_complaint,
    )
    conversation_customer, conversation_day, conversation_unanswered = pick(
        events.conversation_customer, events.conversation_day, events.conversation_unanswered
    )
    return CustomerEvents(
        customer_count=len(rows),
        order_customer=order_customer,
        order_day=order_day,
        order_amount=order_amount,
        message_customer=message_customer,
        message_day=message_day,
        message_sentiment=message_sentiment,
        message_complaint=message_complaint,
        conversation_customer=conversation_customer,
        conversation_day=conversation_day,
        conversation_unanswered=conversation_unanswered,
    )


def _number_column(values):
    """Floats of one column: day numbers for dates, NaN for None, 0/1 for booleans."""
    return np.array(
        [
            np.nan
            if value is None
            else float(day_numbers(value))
            if isinstance(value, (date, datetime))
            else float(value)
            for value in values
        ],
        dtype=float,
    )


def event_columns(customer_keys, rows, width):
    """``(customer positions, [float columns after the key])`` of the rows whose key (first
    column) is in ``customer_keys``; ``rows`` is a sequence of tuples or a float matrix.

    Vectorised: a sorted look-up of the keys, not a dict probe per row.

    >>> positions, (days,) = event_columns([30, 10], [(10, 1.0), (20, 2.0), (30, 3.0)], 2)
    >>> positions.tolist(), days.tolist()
    ([1, 0], [1.0, 3.0])
    """
    keys = np.asarray(customer_keys)
    if isinstance(rows, np.ndarray):
        matrix = rows.reshape(-1, width)
        row_keys, columns = matrix[:, 0], [matrix[:, column] for column in range(1, width)]
    else:
        rows = list(rows)
        if not rows:
            return np.zeros(0, dtype=np.int64), [np.zeros(0) for _column in range(width - 1)]
        raw = list(zip(*rows, strict=True))
        row_keys = np.asarray(raw[0])
        columns = [_number_column(column) for column in raw[1:width]]
    if not len(keys) or not len(row_keys):
        return np.zeros(0, dtype=np.int64), [np.zeros(0) for _column in range(width - 1)]
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    slot = np.minimum(np.searchsorted(sorted_keys, row_keys), len(keys) - 1)
    known = sorted_keys[slot] == row_keys
    return order[slot[known]].astype(np.int64), [
        np.asarray(column, dtype=float)[known] for column in columns
    ]


def _count(customers, mask, size, weights=None):
    return np.bincount(
        customers[mask], weights=None if weights is None else weights[mask], minlength=size
    ).astype(float)


def _mean_or_zero(total, count):
    return np.divide(total, count, out=np.zeros_like(total), where=count > 0)


def _own_gaps(events, cutoff):
    """Count, first and last order day and mean gap (NaN below two orders) per customer."""
    n = events.customer_count
    known = events.order_day <= cutoff
    customers, days = events.order_customer[known], events.order_day[known]
    count = np.bincount(customers, minlength=n).astype(float)
    first = np.full(n, np.inf)
    np.minimum.at(first, customers, days)
    last = np.full(n, -np.inf)
    np.maximum.at(last, customers, days)
    # From the raw dates: recency is capped, so tenure - recency would be wrong for old buyers.
    gaps = np.divide(last - first, count - 1, out=np.full(n, np.nan), where=count >= 2)
    return count, first, last, gaps


def typical_gap(events, cutoff):
    """Median of the repeat buyers' own mean gaps between orders, in days, at ``cutoff``
    (:data:`DEFAULT_GAP_DAYS` without repeat buyers): the gap a one-order customer is judged
    by. Taken from the order dates, never from ``tenure - recency`` (recency is capped).

    >>> events = CustomerEvents.from_rows([1, 2, 3], orders=[
    ...     (1, 0.0, 1.0), (1, 1000.0, 1.0), (2, 0.0, 1.0), (2, 30.0, 1.0), (2, 60.0, 1.0),
    ...     (3, 50.0, 1.0)])
    >>> typical_gap(events, 2000.0)
    515.0
    """
    _count, _first, _last, gaps = _own_gaps(events, float(day_numbers(cutoff)))
    known = np.isfinite(gaps)
    return float(np.median(gaps[known])) if known.any() else DEFAULT_GAP_DAYS


def _order_features(events, cutoff, recent_days, trend_days, default_gap_days=None):
    n = events.customer_count
    known = events.order_day <= cutoff
    customers, days = events.order_customer[known], events.order_day[known]
    count, first, last, gaps = _own_gaps(events, cutoff)
    bought = count > 0
    recency = np.where(
        bought, np.minimum(cutoff - last, NO_ORDER_RECENCY_DAYS), NO_ORDER_RECENCY_DAYS
    )
    tenure = np.where(bought, cutoff - first, 0.0)
    age = cutoff - days
    recent = _count(customers, age < recent_days, n)
    last_trend = _count(customers, age < trend_days, n)
    previous_trend = _count(customers, (age >= trend_days) & (age < 2 * trend_days), n)
    spend = _count(customers, np.ones(len(days), dtype=bool), n, events.order_amount[known])

    repeat = count >= 2
    if default_gap_days is None:
        default_gap_days = float(np.median(gaps[repeat])) if repeat.any() else DEFAULT_GAP_DAYS
    own_gap = np.where(repeat, gaps, default_gap_days)
    overdue = np.where(bought, recency / np.maximum(own_gap, 1.0), 0.0)
    return {
        "recency_days": recency,
        "order_count": count,
        "orders_recent": recent,
        "frequency_change": last_trend - previous_trend,
        "monetary": np.log1p(np.maximum(spend, 0.0)),
        "tenure_days": tenure,
        "overdue_ratio": overdue,
    }


def _conversation_features(events, cutoff, recent_days):
    n = events.customer_count
    known = events.message_day <= cutoff
    customers = events.message_customer[known]
    sentiment = np.nan_to_num(events.message_sentiment[known], nan=0.0)
    recent = (cutoff - events.message_day[known]) < recent_days
    recent_count = _count(customers, recent, n)
    earlier_count = _count(customers, ~recent, n)
    recent_mean = _mean_or_zero(_count(customers, recent, n, sentiment), recent_count)
    earlier_mean = _mean_or_zero(_count(customers, ~recent, n, sentiment), earlier_count)
    # A change needs messages on both sides; otherwise there is no trend to speak of.
    change = np.where((recent_count > 0) & (earlier_count > 0), recent_mean - earlier_mean, 0.0)
    complaints = _count(customers, recent & events.message_complaint[known], n)

    conversation_age = cutoff - events.conversation_day
    unanswered = (
        (conversation_age >= 0) & (conversation_age < recent_days) & events.conversation_unanswered
    )
    return {
        "sentiment_recent": recent_mean,
        "sentiment_change": change,
        "complaints_recent": complaints,
        "unanswered_recent": _count(events.conversation_customer, unanswered, n),
    }


def p_alive_at(events, cutoff, time_unit_days=7):
    """BG/NBD P(alive) of every customer at ``cutoff`` (1 for customers without orders).

    The model is fitted on the customers' order history up to ``cutoff`` (BTYD summary in weeks,
    as :func:`clv.summary_from_orders` builds it). With fewer than
    :data:`MIN_BTYD_CUSTOMERS` buyers or no repeat purchase at all the fit would be noise, so
    buyers get NaN (unknown): the classifier reads it as average and :func:`blend` ignores it.
    """
    n = events.customer_count
    known = events.order_day <= cutoff
    customers, days = events.order_customer[known], np.floor(events.order_day[known])
    result = np.ones(n)
    if not len(customers):
        return result
    first = np.full(n, np.inf)
    np.minimum.at(first, customers, days)
    periods = ((days - first[customers]) // time_unit_days).astype(np.int64)
    cells = np.unique(customers.astype(np.int64) * (1 << 32) + periods)
    cell_customers, cell_periods = cells >> 32, cells & ((1 << 32) - 1)
    frequency = np.bincount(cell_customers[cell_periods > 0], minlength=n).astype(float)
    last = np.full(n, -np.inf)
    np.maximum.at(last, customers, days)
    bought = np.isfinite(first)
    recency = np.where(bought, (last - first) / time_unit_days, 0.0)
    age = np.where(bought, (np.floor(cutoff) - first) / time_unit_days, 0.0)
    if bought.sum() < MIN_BTYD_CUSTOMERS or not frequency.any():
        result[bought] = np.nan
        return result
    fit_rows = np.flatnonzero(bought)
    if len(fit_rows) > MAX_BTYD_FIT_ROWS:
        rng = np.random.default_rng(0)
        fit_rows = np.sort(rng.choice(fit_rows, MAX_BTYD_FIT_ROWS, replace=False))
    with threadpool_limits(_NATIVE_THREADS):
        model = clv.fit_bgnbd(
            frequency[fit_rows], recency[fit_rows], age[fit_rows], penalizer=0.001
        )
    result[bought] = model.p_alive(frequency[bought], recency[bought], age[bought])
    return result


def churn_features(
    events,
    cutoff,
    p_alive=None,
    recent_days=RECENT_DAYS,
    trend_days=TREND_DAYS,
    default_gap_days=None,
):
    """Feature matrix (customers x :data:`CHURN_FEATURES`) from the events up to ``cutoff``.

    ``p_alive`` may be passed when the caller already computed it (the CLV step); otherwise it is
    fitted with :func:`p_alive_at`. ``cutoff`` is a day number or a date. Customers with fewer
    than two orders are overdue against ``default_gap_days`` (a stored :func:`typical_gap`, so
    that scoring a few customers gives what scoring everybody gives), by default the median
    gap of the events' own repeat buyers.
    """
    cutoff = float(day_numbers(cutoff))
    columns = _order_features(events, cutoff, recent_days, trend_days, default_gap_days)
    columns.update(_conversation_features(events, cutoff, recent_days))
    if p_alive is None:
        p_alive = p_alive_at(events, cutoff)
    columns["p_alive"] = np.asarray(p_alive, dtype=float)
    return np.column_stack([columns[name] for name in CHURN_FEATURES])


def has_ordered(events, cutoff):
    """Boolean mask of the customers with at least one order at or before ``cutoff``."""
    cutoff = float(day_numbers(cutoff))
    known = events.order_day <= cutoff
    return np.bincount(events.order_customer[known], minlength=events.customer_count) > 0


def churn_labels(events, cutoff, horizon_days):
    """1 where the customer places no order in ``(cutoff, cutoff + horizon_days]``, else 0."""
    cutoff = float(day_numbers(cutoff))
    window = (events.order_day > cutoff) & (events.order_day <= cutoff + horizon_days)
    future = np.bincount(events.order_customer[window], minlength=events.customer_count)
    return (future == 0).astype(np.int64)


def suggest_horizon(events, cutoff=None, quantile=0.9, low=30, high=365):
    """Churn horizon in days: a high quantile of the gaps between consecutive orders.

    Waiting past the 90th percentile of the usual gap means the customer is unusually late.
    """
    known = np.ones(len(events.order_day), dtype=bool)
    if cutoff is not None:
        known = events.order_day <= float(day_numbers(cutoff))
    customers, days = events.order_customer[known], events.order_day[known]
    order = np.lexsort((days, customers))
    customers, days = customers[order], days[order]
    same_customer = customers[1:] == customers[:-1]
    gaps = np.diff(days)[same_customer]
    gaps = gaps[gaps > 0]
    if not len(gaps):
        return float(DEFAULT_GAP_DAYS)
    return float(np.clip(np.quantile(gaps, quantile), low, high))


@dataclass(frozen=True)
class ChurnModel:
    """A trained churn classifier; :meth:`predict_proba` gives P(churn) per row.

    ``method`` is ``"gradient_boosting"``, ``"logistic"`` or ``"constant"`` (single-class
    training labels). ``auc`` is the temporal-holdout ROC AUC when evaluated (NaN otherwise).
    """

    feature_names: tuple
    method: str
    base_rate: float
    n_train: int
    classifier: object = field(default=None, repr=False)
    explainer: object = field(default=None, repr=False)
    means: np.ndarray = field(default=None, repr=False)
    scales: np.ndarray = field(default=None, repr=False)
    auc: float = float("nan")
    n_eval: int = 0
    horizon_days: float = float("nan")

    def standardise(self, X):
        """z-scores with the training means and scales; a missing value scores 0 (average)."""
        return _standardise(X, self.means, self.scales)

    def predict_proba(self, X):
        X = np.asarray(X, dtype=float)
        if not len(X):
            return np.zeros(0)
        if self.method == "constant":
            return np.full(len(X), self.base_rate)
        with threadpool_limits(_NATIVE_THREADS):
            if self.method == "logistic":
                return self.classifier.predict_proba(self.standardise(X))[:, 1]
            return self.classifier.predict_proba(X)[:, 1]


def _scaling(X):
    if not len(X):
        return np.zeros(X.shape[1]), np.ones(X.shape[1])
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns: handled below
        means, std = np.nanmean(X, axis=0), np.nanstd(X, axis=0)
    means = np.nan_to_num(means)
    return means, np.where(np.isfinite(std) & (std > 0), std, 1.0)


def _standardise(X, means, scales):
    # Logistic regression cannot take NaN (boosting can): a missing value is an average one.
    return np.nan_to_num((np.asarray(X, dtype=float) - means) / scales, nan=0.0)


def _choose_method(method, y):
    if len(np.unique(y)) < 2:
        return "constant"
    if method != "auto":
        return method
    minority = min(int(y.sum()), int(len(y) - y.sum()))
    if len(y) >= _BOOSTING_MIN_ROWS and minority >= _BOOSTING_MIN_MINORITY:
        return "gradient_boosting"
    return "logistic"


def train_churn(
    X,
    y,
    feature_names=CHURN_FEATURES,
    method="auto",
    seed=0,
    X_eval=None,
    y_eval=None,
    max_rows=MAX_TRAIN_ROWS,
):
    """Fit a :class:`ChurnModel` on features ``X`` and labels ``y`` (1 = churned).

    Above ``max_rows`` rows a seeded random sample of ``max_rows`` is fitted (``n_train`` still
    counts every row).

    ``method`` is ``"auto"`` (boosting from 2000 rows and 100 of each class, else logistic),
    ``"gradient_boosting"`` or ``"logistic"``. With ``X_eval``/``y_eval`` (features and labels
    at a later cutoff) the ROC AUC on them is stored in ``auc``.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=np.int64)
    if X.ndim != 2 or X.shape[1] != len(feature_names) or len(X) != len(y):
        raise ValueError("X must be rows x feature_names and y one label per row")
    n_train = len(y)
    if len(y) > max_rows:
        rows = np.sort(np.random.default_rng(seed).choice(len(y), max_rows, replace=False))
        X, y = X[rows], y[rows]
    means, scales = _scaling(X)
    method = _choose_method(method, y)
    base_rate = float(y.mean()) if len(y) else 0.0
    classifier = explainer = None
    if method != "constant":
        with threadpool_limits(_NATIVE_THREADS):
            explainer = LogisticRegression(C=1.0, max_iter=500).fit(
                _standardise(X, means, scales), y
            )
            classifier = explainer
            if method == "gradient_boosting":
                classifier = HistGradientBoostingClassifier(
                    max_iter=100, max_leaf_nodes=15, early_stopping=False, random_state=seed
                ).fit(X, y)
    model = ChurnModel(
        feature_names=tuple(feature_names),
        method=method,
        base_rate=base_rate,
        n_train=n_train,
        classifier=classifier,
        explainer=explainer,
        means=means,
        scales=scales,
    )
    if X_eval is not None:
        model = evaluate(model, X_eval, y_eval)
    return model


def evaluate(model, X, y):
    """``model`` with ``auc`` (ROC AUC on ``X``, ``y``; NaN when ``y`` has one class only)."""
    y = np.asarray(y, dtype=np.int64)
    auc = float("nan")
    if len(np.unique(y)) == 2:
        auc = float(roc_auc_score(y, model.predict_proba(X)))
    return replace(model, auc=auc, n_eval=len(y))


def temporal_holdout(
    events, t0, t1, horizon_days=None, method="auto", seed=0, refit=True, recent_days=RECENT_DAYS
):
    """Train at cutoff ``t0``, measure the AUC at the later cutoff ``t1``.

    Training rows are the customers who ordered by ``t0``, labelled by their orders in
    ``(t0, t0 + horizon]``; evaluation rows the customers who ordered by ``t1``, labelled over
    ``(t1, t1 + horizon]``, so ``t1 + horizon`` must not pass the end of the data. ``t1`` must
    be at least ``t0 + horizon`` so no training label peeks into the evaluation features.
    With ``refit`` the returned model is retrained on the ``t1`` rows (the most recent full
    labels) and keeps the holdout AUC as its estimate. ``horizon_days`` defaults to
    :func:`suggest_horizon` at ``t0``.
    """
    t0, t1 = float(day_numbers(t0)), float(day_numbers(t1))
    if horizon_days is None:
        horizon_days = suggest_horizon(events, t0)
    if t1 < t0 + horizon_days:
        raise ValueError("t1 must be at least t0 + horizon_days")
    train_rows = has_ordered(events, t0)
    eval_rows = has_ordered(events, t1)
    X0 = churn_features(events, t0, recent_days=recent_days)[train_rows]
    y0 = churn_labels(events, t0, horizon_days)[train_rows]
    X1 = churn_features(events, t1, recent_days=recent_days)[eval_rows]
    y1 = churn_labels(events, t1, horizon_days)[eval_rows]
    model = train_churn(X0, y0, method=method, seed=seed, X_eval=X1, y_eval=y1)
    if refit:
        refitted = train_churn(X1, y1, method=method, seed=seed)
        model = replace(refitted, auc=model.auc, n_eval=model.n_eval)
    return replace(model, horizon_days=float(horizon_days))


def blend(p_alive, p_classifier, weight=0.5):
    """Churn probability ``weight * (1 - p_alive) + (1 - weight) * p_classifier``.

    Where one input is NaN (no model, or no BTYD fit) the other one is used alone.
    """
    dead = 1.0 - np.asarray(p_alive, dtype=float)
    p_classifier = np.asarray(p_classifier, dtype=float)
    mixed = weight * dead + (1.0 - weight) * p_classifier
    mixed = np.where(np.isnan(dead), p_classifier, mixed)
    return np.clip(np.where(np.isnan(p_classifier), dead, mixed), 0.0, 1.0)


def _contributions(model, X, feature_names):
    z = model.standardise(X)
    direction = np.array([RISK_DIRECTION.get(name, 0) for name in feature_names], dtype=float)
    risky_side = z * direction > 0
    if model.explainer is not None:
        contributions = z * model.explainer.coef_[0]
        floor = MIN_REASON_CONTRIBUTION
    else:
        # No explainer (single-class training): the most extreme risky deviations speak.
        contributions = z * direction
        floor = _FALLBACK_MIN_Z
    return np.where(risky_side & (contributions >= floor), contributions, -np.inf)


def top_reasons(model, X, feature_names=None, k=3):
    """The ``k`` strongest churn reasons of each row of ``X`` as reason keys (see :data:`REASONS`).

    A feature is a reason when it pushes the customer's risk up by at least
    :data:`MIN_REASON_CONTRIBUTION` on the logit scale and the customer is on its risky side.
    Features sharing a reason count once. Rows with no reason get an empty list.
    """
    feature_names = tuple(feature_names or model.feature_names)
    X = np.asarray(X, dtype=float)
    if not len(X):
        return []
    contributions = _contributions(model, X, feature_names)
    order = np.argsort(-contributions, axis=1, kind="stable")
    valid = np.take_along_axis(contributions, order, axis=1) > -np.inf
    reason_keys = sorted({FEATURE_REASONS.get(name, name) for name in feature_names})
    reason_codes = np.array(
        [reason_keys.index(FEATURE_REASONS.get(name, name)) for name in feature_names]
    )[order]
    # A later feature repeating an earlier feature's reason adds nothing.
    for later in range(1, reason_codes.shape[1]):
        repeated = (reason_codes[:, :later] == reason_codes[:, later : later + 1]).any(axis=1)
        valid[:, later] &= ~repeated
    kept = valid & (np.cumsum(valid, axis=1) <= k)
    codes = np.where(kept, reason_codes, -1)[:, : _last_true_column(kept)]
    return [[reason_keys[code] for code in row if code >= 0] for row in codes.tolist()]


def _last_true_column(kept):
    # Columns after the last kept reason of every row hold nothing: skip them before tolist().
    columns = np.flatnonzero(kept.any(axis=0))
    return int(columns[-1]) + 1 if len(columns) else 0


def score_customers(model, events, cutoff, p_alive=None, weight=0.5, k=3, default_gap_days=None):
    """Blended churn probability and top reasons of every customer at ``cutoff``.

    Returns ``(probability, reasons, has_ordered)``; customers who never ordered get probability
    NaN and no reasons (they are leads, not churn candidates). ``default_gap_days``: see
    :func:`churn_features`.
    """
    X = churn_features(events, cutoff, p_alive=p_alive, default_gap_days=default_gap_days)
    ordered = has_ordered(events, cutoff)
    probability = np.full(events.customer_count, np.nan)
    probability[ordered] = blend(
        X[ordered, CHURN_FEATURES.index("p_alive")], model.predict_proba(X[ordered]), weight
    )
    reasons = [[] for _ in range(events.customer_count)]
    for position, row_reasons in zip(
        np.flatnonzero(ordered).tolist(), top_reasons(model, X[ordered], k=k), strict=True
    ):
        reasons[position] = row_reasons
    return probability, reasons, ordered
