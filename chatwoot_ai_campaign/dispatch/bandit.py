# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Thompson sampling over a campaign's variants, on its goal (reply or conversion).

Each variant's success rate has a Beta(1 + successes, 1 + failures) posterior. While
fewer than ``explore_until`` sends were made, or for an ``exploration`` share of the
picks, the least-sent variant goes out (even exploration); otherwise one draw per
posterior is made and the highest wins.

>>> import random
>>> arms = [Arm(1, trials=100, successes=5), Arm(2, trials=100, successes=30)]
>>> sampler = ThompsonSampler(arms, exploration=0.0, rng=random.Random(7))
>>> sampler.choose()
2
>>> round(arms[1].mean, 3), [round(x, 3) for x in arms[1].interval()]
(0.304, [0.215, 0.393])
>>> sampler.assign(), arms[1].trials  # chosen, and booked as one more trial
(2, 101)
"""

import math
import random
from dataclasses import dataclass

Z95 = 1.959963984540054


@dataclass
class Arm:
    variant_id: int
    trials: int = 0
    successes: int = 0

    @property
    def alpha(self):
        return 1 + self.successes

    @property
    def beta(self):
        return 1 + max(0, self.trials - self.successes)

    @property
    def mean(self):
        """Posterior mean of the success rate."""
        return self.alpha / (self.alpha + self.beta)

    def interval(self, z=Z95):
        """A 95 % credible interval (normal approximation of the Beta, clipped to [0, 1])."""
        a, b = self.alpha, self.beta
        sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
        return max(0.0, self.mean - z * sd), min(1.0, self.mean + z * sd)


class ThompsonSampler:
    def __init__(self, arms, exploration=0.1, explore_until=0, rng=None):
        self.arms = list(arms)
        self.exploration = exploration
        self.explore_until = explore_until
        self.rng = rng or random.Random()

    def choose(self):
        """The variant id of the next send (None without variants)."""
        if not self.arms:
            return None
        total = sum(arm.trials for arm in self.arms)
        if total < self.explore_until or self.rng.random() < self.exploration:
            return min(self.arms, key=lambda arm: (arm.trials, arm.variant_id)).variant_id
        draws = [(self.rng.betavariate(arm.alpha, arm.beta), arm.variant_id) for arm in self.arms]
        return max(draws)[1]

    def assign(self):
        """:meth:`choose` the variant of the next send and book it as one more trial (its
        outcome comes later: the models recount successes from the recipients)."""
        variant_id = self.choose()
        if variant_id is not None:
            self._arm(variant_id).trials += 1
        return variant_id

    def record(self, variant_id, success):
        """Book one outcome (used by simulations; the models recount from the recipients)."""
        arm = self._arm(variant_id)
        arm.trials += 1
        arm.successes += int(bool(success))
        return arm

    def _arm(self, variant_id):
        for arm in self.arms:
            if arm.variant_id == variant_id:
                return arm
        raise KeyError(variant_id)
