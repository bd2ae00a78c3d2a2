# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rising and declining products: two rolling windows and a quasi-Poisson rate test.

For each product the units of the last ``window`` periods (``recent``) are compared with the
``window`` periods before them (``previous``); periods without sales count as zero. The test is
the window coefficient of a quasi-Poisson regression ``log E[units] = b0 + b1 * recent``:

* ``b1 = log(recent_units / previous_units)`` (0.5 added to both sides, so a product that starts
  or stops selling still gets a finite ratio);
* its variance is ``phi * (1 / recent_units + 1 / previous_units)``, where ``phi`` is the Pearson
  dispersion of the period counts around their window means, floored at 1 (pure Poisson). Real
  sales are overdispersed (promotions, stock-outs), and a plain Poisson test would call every
  jittery product significant;
* the p-value is two-sided from Student's t with ``2 * window - 2`` degrees of freedom.

Thousands of products are tested at once, so the decision uses Benjamini-Hochberg ``q_value``
(false discovery rate ``alpha``): ``rising`` or ``declining`` when ``q_value < alpha``, else
``stable`` when the change is small, ``uncertain`` when it is large but not significant (see
:func:`trend_direction`). ``slope`` is the least-squares trend in units per period over both
windows.

>>> rows = [(1, p, u) for p, u in enumerate([10, 11, 9, 10, 30, 32, 29, 31])]
>>> rows += [(2, p, 20) for p in range(8)]
>>> [(t["product_id"], t["direction"], round(t["pct_change"], 2)) for t in product_trends(rows)]
[(1, 'rising', 2.05), (2, 'stable', 0.0)]
"""

import numpy as np
from scipy import stats

_HALF_COUNT = 0.5
#: Below this relative change (25 %) a trend that is not significant reads "stable"; above it
#: the figure is large but the counts are too small to tell, and the label says so.
STABLE_BAND = 0.25
#: The labels every trend (product or topic) gets, in the order the views show them.
DIRECTIONS = ("rising", "declining", "stable", "uncertain")


def trend_direction(change, significant, band=STABLE_BAND):
    """The label that agrees with the figure: ``change`` is relative (0.5 = +50 %).

    A significant change is ``rising`` or ``declining`` by its sign. A change that is not
    significant is ``stable`` only when it is small; a large one on too few counts is
    ``uncertain`` (never "stable" next to +1,625 %). ``None`` (nothing before) is ``uncertain``
    unless significant.

    >>> [trend_direction(c, s) for c, s in [(0.3, True), (-0.9, True), (0.1, False)]]
    ['rising', 'declining', 'stable']
    >>> [trend_direction(c, s) for c, s in [(16.25, False), (-1.0, False), (None, False)]]
    ['uncertain', 'uncertain', 'uncertain']
    >>> trend_direction(None, True)
    'rising'
    """
    if significant:
        return "declining" if change is not None and change < 0 else "rising"
    if change is not None and abs(change) < band:
        return "stable"
    return "uncertain"


def _units_matrix(rows, current_period, window):
    """Products (sorted) and their units in the ``2 * window`` periods ending at ``current``."""
    if not rows:
        return [], np.zeros((0, 2 * window)), current_period
    products, periods, units = zip(*rows, strict=True)
    periods = np.asarray(periods, dtype=np.int64)
    if current_period is None:
        current_period = int(periods.max())
    first_period = current_period - 2 * window + 1
    inside = (periods >= first_period) & (periods <= current_period)
    product_keys, product_codes = np.unique(np.asarray(products)[inside], return_inverse=True)
    matrix = np.zeros((len(product_keys), 2 * window))
    np.add.at(
        matrix,
        (product_codes.ravel(), periods[inside] - first_period),
        np.asarray(units, dtype=float)[inside],
    )
    return product_keys.tolist(), matrix, current_period


def _dispersion(previous, recent, window):
    # Pearson chi-square of each period around its window mean, per degree of freedom.
    chi_square = np.zeros(len(previous))
    for block in (previous, recent):
        mean = block.mean(axis=1, keepdims=True)
        safe_mean = np.where(mean > 0, mean, 1.0)
        chi_square += (((block - mean) ** 2) / safe_mean).sum(axis=1)
    return np.maximum(chi_square / max(2 * window - 2, 1), 1.0)


def _slopes(matrix):
    x = np.arange(matrix.shape[1], dtype=float)
    x -= x.mean()
    return matrix @ x / max(float(x @ x), 1.0)


def benjamini_hochberg(p_values):
    """Benjamini-Hochberg adjusted p-values (q-values), in the order given.

    >>> benjamini_hochberg([0.01, 0.04, 0.03]).round(3).tolist()
    [0.03, 0.04, 0.04]
    """
    p = np.asarray(p_values, dtype=float)
    if not len(p):
        return p
    order = np.argsort(p)
    ranked = p[order] * len(p) / np.arange(1, len(p) + 1)
    # The q-value of rank i is the smallest adjusted value at rank i or above.
    q_sorted = np.minimum.accumulate(ranked[::-1])[::-1]
    q = np.empty_like(p)
    q[order] = np.minimum(q_sorted, 1.0)
    return q


def product_trends(rows, window=4, alpha=0.05, current_period=None, min_units=1):
    """Trend of every product from ``(product_id, period_index, units)`` rows.

    Periods are consecutive integers (weeks or months since any origin, computed in SQL);
    ``current_period`` is the last complete period (default: the highest period in ``rows``).
    Products selling fewer than ``min_units`` over both windows are left out. Returns one dict
    per product (sorted by product): ``product_id``, ``recent_units``, ``previous_units``,
    ``slope`` (units per period), ``pct_change`` (recent vs previous window, ``None`` when the
    previous window sold nothing), ``p_value``, ``q_value`` and ``direction``
    (:func:`trend_direction` of ``pct_change``, significant when ``q_value < alpha``).
    """
    rows = list(rows)
    products, matrix, _current = _units_matrix(rows, current_period, window)
    if not products:
        return []
    previous, recent = matrix[:, :window], matrix[:, window:]
    previous_units, recent_units = previous.sum(axis=1), recent.sum(axis=1)
    kept = previous_units + recent_units >= max(min_units, 1e-12)
    log_ratio = np.log((recent_units + _HALF_COUNT) / (previous_units + _HALF_COUNT))
    variance = _dispersion(previous, recent, window) * (
        1 / (recent_units + _HALF_COUNT) + 1 / (previous_units + _HALF_COUNT)
    )
    t_statistic = log_ratio / np.sqrt(variance)
    p_values = 2 * stats.t.sf(np.abs(t_statistic), df=max(2 * window - 2, 1))
    q_values = np.full(len(products), np.nan)
    q_values[kept] = benjamini_hochberg(p_values[kept])
    slopes = _slopes(matrix)
    results = []
    for index in np.flatnonzero(kept).tolist():
        pct_change = None
        if previous_units[index] > 0:
            pct_change = float(recent_units[index] / previous_units[index] - 1.0)
        significant = bool(q_values[index] < alpha)
        direction = trend_direction(
            pct_change if pct_change is not None or not significant else float(log_ratio[index]),
            significant,
        )
        results.append(
            {
                "product_id": products[index],
                "recent_units": float(recent_units[index]),
                "previous_units": float(previous_units[index]),
                "slope": float(slopes[index]),
                "pct_change": pct_change,
                "p_value": float(p_values[index]),
                "q_value": float(q_values[index]),
                "direction": direction,
            }
        )
    return results
