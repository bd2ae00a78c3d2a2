# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What works: engagement rate by post feature, with the posts behind each cell and a
confidence interval, so that nobody acts on three posts.

A post's engagement rate is its interactions (reactions, comments, shares, saves) over its
reach (or impressions). A cell's rate is the mean of its posts' rates, with a Student-t 95 %
interval from the spread between posts (posts differ far more than the binomial noise of one
post's reach, so a pooled proportion's interval would be falsely narrow); a single post gets
the Wilson interval of its own proportion. Cells with fewer than ``MIN_POSTS`` posts are
marked unreliable.

    >>> rows = what_works([
    ...     {"channel": "instagram", "interactions": 50, "reach": 1000, "text": "Oi #a"},
    ...     {"channel": "instagram", "interactions": 30, "reach": 1000, "text": "Oi"},
    ...     {"channel": "facebook", "interactions": 5, "reach": 1000, "text": "Olá"},
    ... ])
    >>> [(r.dimension, r.value, r.posts, r.rate) for r in rows if r.dimension == "channel"]
    [('channel', 'instagram', 2, 0.04), ('channel', 'facebook', 1, 0.005)]
"""

import math
import re
from datetime import datetime
from typing import NamedTuple

MIN_POSTS = 10
Z_95 = 1.959963984540054
#: Two-sided 95 % Student-t quantiles by degrees of freedom (1..30); beyond, the normal's.
T_95 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip
DIMENSIONS = ("channel", "weekday", "hour", "length", "tone", "hashtags", "emoji")
LENGTH_BUCKETS = ((80, "short"), (300, "medium"), (None, "long"))
HOUR_BUCKETS = ((6, "night"), (12, "morning"), (18, "afternoon"), (22, "evening"), (24, "night"))
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")


class Cell(NamedTuple):
    dimension: str
    value: str
    posts: int
    interactions: int
    reach: int
    rate: float
    ci_low: float
    ci_high: float
    reliable: bool


def wilson_interval(successes, trials, z=Z_95):
    """Wilson score interval of a proportion.

    >>> wilson_interval(0, 0)
    (0.0, 0.0)
    >>> low, high = wilson_interval(50, 1000); round(low, 4), round(high, 4)
    (0.0381, 0.0653)
    """
    if trials <= 0:
        return (0.0, 0.0)
    p = min(1.0, successes / trials)
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    margin = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return (max(0.0, centre - margin), min(1.0, centre + margin))


def mean_interval(rates):
    """Mean of ``rates`` and its 95 % Student-t interval, clipped to [0, 1].

    >>> mean, (low, high) = mean_interval([0.05, 0.03])
    >>> round(mean, 3), round(low, 3), round(high, 3)
    (0.04, 0.0, 0.167)
    """
    count = len(rates)
    mean = sum(rates) / count
    variance = sum((r - mean) ** 2 for r in rates) / (count - 1)
    t = T_95[count - 2] if count - 1 <= len(T_95) else Z_95
    margin = t * math.sqrt(variance / count)
    return mean, (max(0.0, mean - margin), min(1.0, mean + margin))


def _bucket(value, buckets):
    for limit, label in buckets:
        if limit is None or value < limit:
            return label
    return buckets[-1][1]


def features(post):
    """The post's value on each dimension (posts are dicts; ``published`` a datetime)."""
    text = post.get("text") or ""
    published = post.get("published")
    if isinstance(published, str):
        published = datetime.fromisoformat(published)
    hashtags = len(re.findall(r"#\w+", text))
    return {
        "channel": post.get("channel") or "other",
        "weekday": str(published.weekday()) if published else "",
        "hour": _bucket(published.hour, HOUR_BUCKETS) if published else "",
        "length": _bucket(len(text), LENGTH_BUCKETS),
        "tone": post.get("tone") or "",
        "hashtags": "0" if not hashtags else ("1-5" if hashtags <= 5 else "6+"),
        "emoji": "yes" if _EMOJI.search(text) else "no",
    }


def what_works(posts, min_posts=MIN_POSTS):
    """One ``Cell`` per (dimension, value), best rate first within each dimension."""
    totals = {}
    for post in posts:
        reach = int(post.get("reach") or 0)
        if reach <= 0:
            continue
        interactions = int(post.get("interactions") or 0)
        for dimension, value in features(post).items():
            if value == "":
                continue
            cell = totals.setdefault((dimension, value), [[], 0, 0])
            cell[0].append(min(1.0, interactions / reach))
            cell[1] += interactions
            cell[2] += reach
    cells = []
    for (dimension, value), (rates, interactions, reach) in totals.items():
        count = len(rates)
        if count == 1:
            rate, (low, high) = rates[0], wilson_interval(interactions, reach)
        else:
            rate, (low, high) = mean_interval(rates)
        cells.append(
            Cell(
                dimension,
                value,
                count,
                interactions,
                reach,
                round(rate, 6),
                round(low, 6),
                round(high, 6),
                count >= min_posts,
            )
        )
    order = {d: i for i, d in enumerate(DIMENSIONS)}
    cells.sort(key=lambda c: (order.get(c.dimension, 99), -c.rate, c.value))
    return cells
