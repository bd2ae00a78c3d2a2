# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Promotion effectiveness: uplift vs a pre-period or, with a baseline, difference-in-differences.

Inputs are per-period values (e.g. daily units, revenue or margin of the promoted products):
``pre`` before the promotion and ``post`` during it. Without a baseline the uplift is the change
of the mean per period, ``mean(post) - mean(pre)``. With a matched baseline (comparable products
or stores not on promotion, over the same dates) the baseline's own change is subtracted
(difference-in-differences), which removes seasonality and market-wide moves:

    uplift = (mean(post) - mean(pre)) - (mean(baseline_post) - mean(baseline_pre))

``relative`` divides the uplift by the counterfactual mean of the promotion period (what
``post`` would have been without the promotion). The interval is a percentile bootstrap: each
array is resampled with replacement, independently, ``n_boot`` times (vectorised, seeded).

>>> result = uplift([10, 12, 11, 9, 13], [15, 16, 14, 17, 18], n_boot=2000)
>>> round(result["uplift"], 2), round(result["relative"], 3)
(5.0, 0.455)
>>> result["ci_low"] > 3 and result["ci_high"] < 7
True
"""

import numpy as np


def _clean(values):
    array = np.asarray([] if values is None else values, dtype=float).ravel()
    return array[~np.isnan(array)]


def _bootstrap_means(values, n_boot, rng):
    if not len(values):
        return np.full(n_boot, np.nan)
    picks = rng.integers(0, len(values), size=(n_boot, len(values)))
    return values[picks].mean(axis=1)


def _nan_result():
    return {
        "uplift": float("nan"),
        "ci_low": float("nan"),
        "ci_high": float("nan"),
        "relative": float("nan"),
        "counterfactual": float("nan"),
        "significant": False,
    }


def uplift(pre, post, baseline_pre=None, baseline_post=None, n_boot=1000, seed=0, confidence=0.95):
    """Uplift per period of ``post`` over ``pre`` (difference-in-differences with a baseline).

    Returns a dict: ``uplift``, ``ci_low``/``ci_high`` (percentile bootstrap at ``confidence``),
    ``relative`` (uplift / counterfactual; NaN when the counterfactual is 0), ``counterfactual``
    (expected mean of ``post`` without the promotion) and ``significant`` (the interval excludes
    0). Empty ``pre`` or ``post`` (or an incomplete baseline) gives NaNs, never an exception.
    """
    pre, post = _clean(pre), _clean(post)
    with_baseline = baseline_pre is not None or baseline_post is not None
    baseline_pre, baseline_post = _clean(baseline_pre), _clean(baseline_post)
    if not len(pre) or not len(post):
        return _nan_result()
    if with_baseline and (not len(baseline_pre) or not len(baseline_post)):
        return _nan_result()

    def effect(pre_mean, post_mean, baseline_pre_mean, baseline_post_mean):
        baseline_change = baseline_post_mean - baseline_pre_mean if with_baseline else 0.0
        return post_mean - pre_mean - baseline_change, pre_mean + baseline_change

    point, counterfactual = effect(
        pre.mean(),
        post.mean(),
        baseline_pre.mean() if with_baseline else 0.0,
        baseline_post.mean() if with_baseline else 0.0,
    )
    rng = np.random.default_rng(seed)
    samples, _counterfactuals = effect(
        _bootstrap_means(pre, n_boot, rng),
        _bootstrap_means(post, n_boot, rng),
        _bootstrap_means(baseline_pre, n_boot, rng) if with_baseline else 0.0,
        _bootstrap_means(baseline_post, n_boot, rng) if with_baseline else 0.0,
    )
    tail = (1.0 - confidence) / 2 * 100
    ci_low, ci_high = np.percentile(samples, [tail, 100 - tail])
    return {
        "uplift": float(point),
        "ci_low": float(ci_low),
        "ci_high": float(ci_high),
        "relative": float(point / counterfactual) if counterfactual else float("nan"),
        "counterfactual": float(counterfactual),
        "significant": bool(ci_low > 0 or ci_high < 0),
    }


def uplift_by_metric(pre, post, baseline_pre=None, baseline_post=None, n_boot=1000, seed=0):
    """:func:`uplift` of several metrics at once, e.g. ``{"units": [...], "revenue": [...]}``.

    Every argument is a dict of metric name to per-period values (the baselines may be None).
    Each metric uses the same seed, so the figures of a report are reproducible one by one.
    """
    return {
        metric: uplift(
            pre[metric],
            post.get(metric, ()),
            None if baseline_pre is None else baseline_pre.get(metric, ()),
            None if baseline_post is None else baseline_post.get(metric, ()),
            n_boot=n_boot,
            seed=seed,
        )
        for metric in pre
    }
