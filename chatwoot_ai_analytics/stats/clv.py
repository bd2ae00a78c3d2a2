# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""BTYD customer-lifetime-value models: BG/NBD, Gamma-Gamma and discounted CLV.

Own numpy/scipy implementations of the models that the unmaintained ``lifetimes`` package made
popular, with the same definitions, so its published CDNOW fits are our regression targets:

* BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): repeat purchases
  follow a Poisson process with a gamma(r, alpha) distributed rate; after every purchase the
  customer drops out with a beta(a, b) distributed probability.
* Gamma-Gamma (Fader, Hardie & Lee 2005, "RFM and CLV"): the value of a customer's transactions is
  gamma(p, nu) with nu ~ gamma(q, v); fitted on repeat customers only.

Inputs per customer are the BTYD summary (see :func:`summary_from_orders`): ``frequency`` is the
number of repeat purchase periods, ``recency`` the age at the last purchase, ``T`` the age at the
end of the observation (both in time units, weeks by default) and ``monetary_value`` the mean
value of the repeat purchases.

>>> model = BetaGeo(r=0.2426, alpha=4.4135, a=0.7929, b=2.4258)
>>> model.p_alive(frequency=[0, 2], recency=[0.0, 30.43], T=[38.86, 38.86]).round(3).tolist()
[1.0, 0.727]
"""

from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, expit, gammaln, hyp2f1, logsumexp

DAYS_PER_MONTH = 365.25 / 12
# Bounds of the log-parameters searched: e^-15..e^15 covers every sensible fit and keeps the
# optimiser away from overflow when the likelihood is flat (tiny or degenerate data sets).
_LOG_PARAMETER_BOUND = 15.0


@dataclass(frozen=True)
class BetaGeo:
    """A fitted BG/NBD model; ``mean_log_likelihood`` is per customer at the optimum."""

    r: float
    alpha: float
    a: float
    b: float
    mean_log_likelihood: float = float("nan")

    def p_alive(self, frequency, recency, T):
        """Probability that each customer is still active at ``T`` (1 for frequency 0)."""
        x, t_x, T = _as_summary_arrays(frequency, recency, T)
        with_repeat = x > 0
        # log of (a / (b + x - 1)) * ((alpha + T) / (alpha + t_x)) ** (r + x), only where x > 0:
        # for x = 0 the term is absent from the model and b + x - 1 may be negative.
        safe_x = np.where(with_repeat, x, 1.0)
        log_odds_dead = (
            np.log(self.a)
            - np.log(self.b + safe_x - 1)
            + (self.r + safe_x) * (np.log(self.alpha + T) - np.log(self.alpha + t_x))
        )
        return np.where(with_repeat, expit(-log_odds_dead), 1.0)

    def expected_purchases(self, t, frequency, recency, T, p_alive=None):
        """Expected number of purchases in the next ``t`` time units, given each history
        (``p_alive``: :meth:`p_alive` of the same histories, when already computed)."""
        x, t_x, T = _as_summary_arrays(frequency, recency, T)
        t = np.broadcast_to(np.asarray(t, dtype=float), x.shape)
        r, alpha, b = self.r, self.alpha, self.b
        # The closed form divides by a - 1; a == 1 is a removable singularity, step beside it.
        a = self.a if abs(self.a - 1.0) > 1e-9 else 1.0 + 1e-9
        hyp_a, hyp_b, hyp_c = r + x, b + x, a + b + x - 1
        z = t / (alpha + T + t)
        log_hyp = _log_hyp2f1(hyp_a, hyp_b, hyp_c, z)
        growth = 1.0 - np.exp(log_hyp + (r + x) * np.log((alpha + T) / (alpha + T + t)))
        numerator = (a + b + x - 1) / (a - 1) * growth
        if p_alive is None:
            p_alive = self.p_alive(x, t_x, T)
        dead_odds = 1.0 / p_alive - 1.0
        return np.where(t > 0, numerator / (1.0 + dead_odds), 0.0)


@dataclass(frozen=True)
class GammaGamma:
    """A fitted Gamma-Gamma spend model; ``mean_log_likelihood`` is per repeat customer."""

    p: float
    q: float
    v: float
    mean_log_likelihood: float = float("nan")

    @property
    def population_mean_value(self):
        """Expected transaction value of a customer with no repeat purchase: p v / (q - 1)."""
        if self.q <= 1.0:
            # The mean of the spend distribution is infinite; no finite prior value exists.
            raise ValueError(f"Gamma-Gamma q={self.q} <= 1 has no finite population mean")
        return self.p * self.v / (self.q - 1.0)

    def conditional_expected_average_profit(self, frequency, monetary_value):
        """Expected value of each customer's future transactions (shrunk to the population)."""
        x = np.asarray(frequency, dtype=float)
        observed = np.where(x > 0, np.nan_to_num(np.asarray(monetary_value, dtype=float)), 0.0)
        individual_weight = self.p * x / (self.p * x + self.q - 1.0)
        return (1.0 - individual_weight) * self.population_mean_value + (
            individual_weight * observed
        )


@dataclass(frozen=True)
class BtydSummary:
    """Per-customer BTYD summary arrays, aligned on ``customer_keys``."""

    customer_keys: list
    frequency: np.ndarray
    recency: np.ndarray
    T: np.ndarray
    monetary_value: np.ndarray


def _as_summary_arrays(frequency, recency, T):
    x = np.asarray(frequency, dtype=float)
    t_x = np.asarray(recency, dtype=float)
    T = np.asarray(T, dtype=float)
    if not x.shape == t_x.shape == T.shape:
        raise ValueError("frequency, recency and T must have the same shape")
    if np.any(x < 0) or np.any(t_x < 0) or np.any(t_x > T):
        raise ValueError("need frequency >= 0 and 0 <= recency <= T")
    return x, t_x, T


def _log_hyp2f1(a, b, c, z):
    """log 2F1(a, b; c; z), elementwise.

    >>> _log_hyp2f1(np.array([1.0, 400.0]), 2.0, 3.0, np.array([0.5, 0.99])).round(4).tolist()
    [0.4351, 1832.1771]
    """
    a, b, c, z = np.broadcast_arrays(*(np.asarray(value, dtype=float) for value in (a, b, c, z)))
    log_value = np.array(np.log(hyp2f1(a, b, c, z)))
    overflow = ~np.isfinite(log_value)
    if overflow.any():
        # Euler's transformation gives the same value where the direct series overflows; only
        # there: it costs as much as the direct series.
        a, b, c, z = a[overflow], b[overflow], c[overflow], z[overflow]
        log_value[overflow] = np.log(hyp2f1(c - a, c - b, c, z)) + (c - a - b) * np.log1p(-z)
    return log_value


def _distinct_rows_with_counts(*columns):
    # Customers with identical histories add identical terms: fitting distinct rows with weights
    # makes the likelihood cost scale with distinct histories, not with customers.
    stacked = np.column_stack(columns)
    distinct, counts = np.unique(stacked, axis=0, return_counts=True)
    return distinct.T, counts.astype(float)


def _bgnbd_log_likelihoods(params, x, t_x, T):
    r, alpha, a, b = params
    common = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + betaln(a, b + x) - betaln(a, b)
    alive_term = -(r + x) * np.log(alpha + T)
    with_repeat = x > 0
    safe_x = np.where(with_repeat, x, 1.0)
    dropped_term = np.where(
        with_repeat,
        np.log(a) - np.log(b + safe_x - 1) - (r + safe_x) * np.log(alpha + t_x),
        -np.inf,
    )
    return common + logsumexp(np.stack([alive_term, dropped_term]), axis=0)


def _fit_in_log_space(negative_log_likelihood, parameter_count):
    bounds = [(-_LOG_PARAMETER_BOUND, _LOG_PARAMETER_BOUND)] * parameter_count
    start = np.zeros(parameter_count)
    result = minimize(negative_log_likelihood, start, method="L-BFGS-B", bounds=bounds)
    return np.exp(result.x), -result.fun


def _penalty(params, penalizer):
    return penalizer * float(np.sum(np.asarray(params) ** 2))


def fit_bgnbd(frequency, recency, T, penalizer=0.0):
    """Maximum-likelihood BG/NBD fit; ``penalizer`` adds an L2 term on the parameters.

    A ``penalizer`` of 0.001..0.1 keeps the parameters plausible on small samples, as in
    lifetimes, whose objective (mean log-likelihood minus the penalty) this reproduces.
    """
    x, t_x, T = _as_summary_arrays(frequency, recency, T)
    if x.size == 0:
        raise ValueError("fit_bgnbd needs at least one customer")
    (x, t_x, T), weights = _distinct_rows_with_counts(x.ravel(), t_x.ravel(), T.ravel())

    def negative_log_likelihood(log_params):
        params = np.exp(log_params)
        mean_ll = np.dot(weights, _bgnbd_log_likelihoods(params, x, t_x, T)) / weights.sum()
        return -mean_ll + _penalty(params, penalizer)

    (r, alpha, a, b), objective = _fit_in_log_space(negative_log_likelihood, 4)
    mean_ll = objective + _penalty((r, alpha, a, b), penalizer)
    return BetaGeo(float(r), float(alpha), float(a), float(b), float(mean_ll))


def _gamma_gamma_log_likelihoods(params, x, m):
    p, q, v = params
    return (
        gammaln(p * x + q)
        - gammaln(p * x)
        - gammaln(q)
        + q * np.log(v)
        + (p * x - 1) * np.log(m)
        + p * x * np.log(x)
        - (p * x + q) * np.log(x * m + v)
    )


def fit_gamma_gamma(frequency, monetary_value, penalizer=0.0):
    """Maximum-likelihood Gamma-Gamma fit on the customers with frequency > 0 and value > 0."""
    x = np.asarray(frequency, dtype=float).ravel()
    m = np.asarray(monetary_value, dtype=float).ravel()
    if x.shape != m.shape:
        raise ValueError("frequency and monetary_value must have the same shape")
    repeat = (x > 0) & (m > 0)
    if not repeat.any():
        raise ValueError("fit_gamma_gamma needs at least one repeat customer with a value > 0")
    (x, m), weights = _distinct_rows_with_counts(x[repeat], m[repeat])

    def negative_log_likelihood(log_params):
        params = np.exp(log_params)
        mean_ll = np.dot(weights, _gamma_gamma_log_likelihoods(params, x, m)) / weights.sum()
        return -mean_ll + _penalty(params, penalizer)

    (p, q, v), objective = _fit_in_log_space(negative_log_likelihood, 3)
    mean_ll = objective + _penalty((p, q, v), penalizer)
    return GammaGamma(float(p), float(q), float(v), float(mean_ll))


def gamma_gamma_with_mean(mean_value, p=6.25, q=3.74):
    """A Gamma-Gamma model of shape ``p, q`` (CDNOW's by default) whose population mean
    transaction value is ``mean_value``: the spend prior when a fit cannot be trusted.

    >>> round(gamma_gamma_with_mean(100.0).population_mean_value, 6)
    100.0
    """
    v = max(float(mean_value), 0.0) * (q - 1.0) / p or 1.0
    return GammaGamma(p, q, v)


def plausible_spend_model(gg, observed_mean_value, tolerance=2.0):
    """Whether a fitted Gamma-Gamma model agrees with the observed mean order value.

    On small or heavy-tailed samples the maximum-likelihood fit can put ``q`` at or near 1,
    where the population mean ``p v / (q - 1)`` explodes: every customer without a repeat
    purchase would then be worth many times what anyone spends (measured on the 300-customer
    demo shop: q = 1.01, a mean transaction value 40x the observed one). A fit whose population
    mean is not within ``tolerance`` times the observed mean is not used.

    >>> plausible_spend_model(GammaGamma(6.25, 3.74, 15.45), 35.0)
    True
    >>> plausible_spend_model(GammaGamma(11.94, 1.0147, 11.84), 250.0)
    False
    """
    if gg.q <= 1.0 or observed_mean_value <= 0:
        return False
    ratio = gg.population_mean_value / observed_mean_value
    return 1.0 / tolerance <= ratio <= tolerance


def clv(
    bgnbd,
    gg,
    frequency,
    recency,
    T,
    monetary_value,
    months=12,
    discount_rate_monthly=0.01,
    time_unit_days=7,
):
    """Discounted customer lifetime value over ``months``, as lifetimes computes it.

    Sum over months m = 1..months of (expected purchases in month m) x (expected transaction
    value) / (1 + discount_rate_monthly) ** m. A month is 365.25 / 12 days (lifetimes uses 4.345
    weeks, 0.1 % shorter). Customers without repeat purchases get the population mean value.

    >>> bgnbd = BetaGeo(r=0.2426, alpha=4.4135, a=0.7929, b=2.4258)
    >>> gg = GammaGamma(p=6.25, q=3.74, v=15.45)
    >>> clv(bgnbd, gg, [0, 2], [0.0, 30.43], [38.86, 38.86], [0.0, 22.35]).round(2).tolist()
    [8.37, 36.31]
    >>> clv(bgnbd, gg, [], [], [], []).tolist()
    []
    """
    x, t_x, T = _as_summary_arrays(frequency, recency, T)
    value = gg.conditional_expected_average_profit(x, monetary_value)
    periods_per_month = DAYS_PER_MONTH / time_unit_days
    total = np.zeros(x.shape)
    purchases_so_far = np.zeros(x.shape)
    p_alive = bgnbd.p_alive(x, t_x, T)
    for month in range(1, months + 1):
        cumulative = bgnbd.expected_purchases(month * periods_per_month, x, t_x, T, p_alive)
        discount = (1.0 + discount_rate_monthly) ** month
        total += value * (cumulative - purchases_so_far) / discount
        purchases_so_far = cumulative
    return total


def summary_from_orders(orders, observation_end, time_unit_days=7):
    """Turn ``(customer_key, order_date, amount)`` rows into a :class:`BtydSummary`.

    BTYD definitions, with periods of ``time_unit_days`` counted from each customer's first order:
    ``frequency`` is the number of periods with a purchase after the first one, ``recency`` the
    age (in time units) at the last purchase, ``T`` the age at ``observation_end`` and
    ``monetary_value`` the mean of the repeat periods' totals (0 without repeat purchase). Orders
    after ``observation_end`` are ignored. Dates or datetimes are accepted (time of day ignored).

    >>> from datetime import date as d
    >>> orders = [("ana", d(2026, 1, 1), 10.0), ("ana", d(2026, 1, 3), 5.0),
    ...           ("ana", d(2026, 1, 15), 30.0), ("ana", d(2026, 1, 29), 50.0),
    ...           ("bia", d(2026, 1, 22), 99.0)]
    >>> summary = summary_from_orders(orders, observation_end=d(2026, 2, 5))
    >>> summary.customer_keys, summary.frequency.tolist(), summary.monetary_value.tolist()
    (['ana', 'bia'], [2.0, 0.0], [40.0, 0.0])
    >>> summary.recency.tolist(), summary.T.tolist()
    ([4.0, 0.0], [5.0, 2.0])
    """
    end_day = observation_end.toordinal()
    key_index = {}
    customer_codes, days, amounts = [], [], []
    for customer_key, order_date, amount in orders:
        day = order_date.toordinal()
        if day > end_day:
            continue
        customer_codes.append(key_index.setdefault(customer_key, len(key_index)))
        days.append(day)
        amounts.append(amount or 0.0)
    customer_count = len(key_index)
    codes = np.asarray(customer_codes, dtype=np.int64)
    days = np.asarray(days, dtype=np.int64)
    amounts = np.asarray(amounts, dtype=float)

    first_day = np.full(customer_count, np.iinfo(np.int64).max)
    np.minimum.at(first_day, codes, days)
    last_day = np.full(customer_count, np.iinfo(np.int64).min)
    np.maximum.at(last_day, codes, days)

    # One (customer, period) cell per period with a purchase; its total is the period's value.
    periods = (days - first_day[codes]) // time_unit_days
    cells, cell_index = np.unique(np.column_stack([codes, periods]), axis=0, return_inverse=True)
    cell_totals = np.bincount(cell_index.ravel(), weights=amounts, minlength=len(cells))
    cell_customers = cells[:, 0] if len(cells) else np.zeros(0, dtype=np.int64)
    repeat_cells = cells[:, 1] > 0 if len(cells) else np.zeros(0, dtype=bool)

    frequency = np.bincount(cell_customers[repeat_cells], minlength=customer_count).astype(float)
    repeat_value = np.bincount(
        cell_customers[repeat_cells], weights=cell_totals[repeat_cells], minlength=customer_count
    )
    monetary = np.divide(repeat_value, frequency, out=np.zeros(customer_count), where=frequency > 0)
    return BtydSummary(
        customer_keys=list(key_index),
        frequency=frequency,
        recency=(last_day - first_day) / time_unit_days,
        T=(end_day - first_day) / time_unit_days,
        monetary_value=monetary,
    )
