# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Small sampling helpers shared by the seed's modules.

``random.choices`` rebuilds its cumulative weights on every call, which dominates a
million-row generation; :class:`Weighted` builds them once.

>>> import random
>>> coin = Weighted(("heads", "tails"), (1, 3))
>>> rng = random.Random(1)
>>> sorted({coin.pick(rng) for _ in range(50)})
['heads', 'tails']
"""

import bisect
import math


def cumulative(weights):
    """Running sums of ``weights``."""
    total, sums = 0.0, []
    for weight in weights:
        total += weight
        sums.append(total)
    return sums


def weighted_index(rng, sums):
    """Index drawn with probability proportional to the steps of ``sums`` (see cumulative)."""
    return bisect.bisect_right(sums, rng.random() * sums[-1])


class Weighted:
    """Draw among fixed ``values`` with fixed ``weights``."""

    __slots__ = ("sums", "values")

    def __init__(self, values, weights):
        self.values = tuple(values)
        self.sums = cumulative(weights)

    @classmethod
    def of(cls, pairs):
        """From ``((value, weight), ...)``."""
        values, weights = zip(*pairs, strict=True)
        return cls(values, weights)

    def pick(self, rng):
        return self.values[weighted_index(rng, self.sums)]


def poisson(rng, mean):
    """Knuth's Poisson sampler (the means used here are small)."""
    threshold, count, product = math.exp(-mean), 0, rng.random()
    while product > threshold:
        product *= rng.random()
        count += 1
    return count
