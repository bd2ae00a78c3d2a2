# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two years of orders from a heterogeneous buy-till-you-die process (BG/NBD style).

Each buyer is acquired on some day (more customers later, as the shop grows, and during
promotions), buys at a personal rate ``lambda ~ Gamma`` modulated by the retail calendar, and
after each purchase drops out with a personal probability ``p ~ Beta``. Baskets follow each
customer's category affinity, complementary products ("goes with") and the replenishment of
consumables, so RFM, CLV, churn and bought-together analytics all find real structure.

The number of order lines is calibrated to the scale's target exactly: the process is run
slightly above the target, whole orders are thinned at random (which preserves the structure
of a Poisson process) and the last few missing lines are added to random baskets.
"""

import math
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from .catalog import CATEGORIES
from .sampling import Weighted, cumulative, weighted_index

#: Purchase rate per year: Gamma(shape, scale) before calibration (mean 2.6 orders a year).
RATE_SHAPE, RATE_SCALE = 0.9, 2.9
#: Drop-out probability after each purchase: Beta(a, b), mean 0.25.
DROPOUT_A, DROPOUT_B = 1.0, 3.0
#: Share of customers who never buy (they only chat with the shop).
PROSPECT_SHARE = 0.10
#: Share of buyers who were already customers before the window (up to a year before).
EXISTING_SHARE, EXISTING_MAX_DAYS = 0.25, 365
#: Order states: a few cancellations, and quotations (drafts) mostly in the last days.
CANCEL_SHARE, DRAFT_SHARE, RECENT_DRAFT_SHARE, RECENT_DAYS = 0.04, 0.01, 0.12, 10
# fmt: off
#: Local hour of day at which people shop online.
HOUR_WEIGHTS = (
    (0, 2), (1, 1), (2, 0.5), (3, 0.3), (4, 0.3), (5, 0.5), (6, 1), (7, 2), (8, 3), (9, 4),
    (10, 5), (11, 5), (12, 6), (13, 5), (14, 4.5), (15, 4.5), (16, 4.5), (17, 4.5), (18, 5),
    (19, 6), (20, 7), (21, 7.5), (22, 6), (23, 4),
)
#: Where promotional orders came from (UTM source, medium).
PROMO_ORIGINS = (
    (("Instagram", "Social"), 0.34),
    (("WhatsApp", "WhatsApp"), 0.22),
    (("Newsletter", "Email"), 0.20),
    (("Facebook", "Social"), 0.12),
    (("Search engine", "Google Adwords"), 0.12),
)
#: Category popularity for an average customer, by gender.
CATEGORY_BASE = {
    "f": {
        "maquiagem": 0.22, "cosmeticos": 0.2, "cabelos": 0.16, "perfumaria": 0.1,
        "moda_feminina": 0.14, "moda_masculina": 0.02, "calcados": 0.07, "acessorios": 0.09,
    },
    "m": {
        "maquiagem": 0.03, "cosmeticos": 0.16, "cabelos": 0.12, "perfumaria": 0.17,
        "moda_feminina": 0.04, "moda_masculina": 0.26, "calcados": 0.12, "acessorios": 0.1,
    },
}
# fmt: on
CATEGORY_KEYS = tuple(CATEGORIES)


@dataclass(slots=True)
class OrderLine:
    variant: str
    qty: int
    price: int
    discount: int


@dataclass(slots=True)
class Order:
    key: int
    customer: int
    date_order: datetime
    state: str
    web_ref: str
    campaign: str
    source: str
    medium: str
    lines: list


@dataclass(slots=True)
class Buyer:
    """Hidden traits of one customer's purchase behaviour."""

    customer: object
    rate: float
    dropout: float
    acquired: float
    affinity: list
    size: str


PROMO_ORIGIN_DRAW = Weighted.of(PROMO_ORIGINS)
SIZE_DRAW = Weighted(("P", "M", "G", "GG"), (0.25, 0.4, 0.25, 0.1))


class OrderProcess:
    """Draws buyers, their purchase days, their baskets, and calibrates the line count."""

    def __init__(self, rng, catalog, start, n_days, intensity, campaigns_by_day, end):
        self.rng = rng
        self.catalog = catalog
        self.start = start
        self.n_days = n_days
        self.intensity = intensity
        self.max_intensity = max(intensity)
        self.campaigns_by_day = campaigns_by_day
        self.end = end
        # More customers join later (growth) and during promotions.
        acquisition = [
            (0.55 + 0.45 * day / n_days) * math.sqrt(intensity[day]) for day in range(n_days)
        ]
        self.acquisition_cumulative = cumulative(acquisition)
        self.hour_cumulative = cumulative([w for _h, w in HOUR_WEIGHTS])
        self.zones = {}
        self.templates = {template.code: template for template in catalog.templates}
        self.all_variants = sorted(catalog.variants)
        self.template_cumulative = {
            category: cumulative([1.0 / (rank + 1) ** 0.9 for rank in range(len(templates))])
            for category, templates in catalog.by_category.items()
        }

    # -- buyers ---------------------------------------------------------------------------

    def draw_buyers(self, customers):
        rng = self.rng
        buyers = []
        for customer in customers:
            if rng.random() < PROSPECT_SHARE:
                continue
            base = CATEGORY_BASE[customer.gender]
            # A concentrated personal taste on top of the population's (Dirichlet-like).
            affinity = [base[c] * rng.gammavariate(0.35, 1.0) + 1e-4 for c in CATEGORY_KEYS]
            if rng.random() < EXISTING_SHARE:
                acquired = -rng.uniform(0, EXISTING_MAX_DAYS)
            else:
                acquired = weighted_index(rng, self.acquisition_cumulative) + rng.random()
            buyers.append(
                Buyer(
                    customer=customer,
                    rate=rng.gammavariate(RATE_SHAPE, RATE_SCALE),
                    dropout=rng.betavariate(DROPOUT_A, DROPOUT_B),
                    acquired=acquired,
                    affinity=cumulative(affinity),
                    size=SIZE_DRAW.pick(rng),
                )
            )
        return buyers

    def purchase_days(self, buyer, multiplier):
        """Days (floats since ``start``) of the buyer's orders: thinning of a Poisson process
        whose intensity follows the calendar, stopped by the drop-out coin. Customers acquired
        before the window only show their purchases inside it (the calendar repeats)."""
        rng = self.rng
        days = [buyer.acquired] if buyer.acquired >= 0 else []
        rate_max = buyer.rate * multiplier * self.max_intensity / 365.0
        t = buyer.acquired
        while rng.random() >= buyer.dropout:
            while True:
                t += rng.expovariate(rate_max)
                if t >= self.n_days:
                    return days
                if rng.random() * self.max_intensity < self.intensity[int(t) % self.n_days]:
                    break
            if t >= 0:
                days.append(t)
        return days

    def basket_size(self, day):
        campaign = self.campaigns_by_day[int(day)]
        bonus = 0.6 if campaign and campaign.event == "black_friday" else 0.0
        size = 1
        # Poisson(1.3 + bonus) by inversion, capped at 7 extra items.
        mean = 1.3 + bonus
        threshold, product = math.exp(-mean), self.rng.random()
        while product > threshold and size < 8:
            product *= self.rng.random()
            size += 1
        return size

    def skeleton(self, buyers, multiplier):
        """[(buyer, day, n_lines)] for every order the process produces."""
        orders = []
        for buyer in buyers:
            for day in self.purchase_days(buyer, multiplier):
                orders.append((buyer, day, self.basket_size(day)))
        return orders

    def _lines_per_buyer(self, buyers, multiplier):
        orders = self.skeleton(buyers, multiplier)
        return orders, sum(size for _b, _d, size in orders)

    def calibrated_skeleton(self, buyers, target_lines):
        """Run the process until it gives slightly more lines than the target, then thin
        whole orders at random and top up the last missing lines.

        The rate multiplier is first fitted on a sample of buyers (secant steps in log-log,
        since drop-out makes lines grow slower than the rate), then checked on everyone."""
        wanted = target_lines * 1.06
        sample = buyers[: min(len(buyers), 4000)]
        sample_target = wanted * len(sample) / max(len(buyers), 1)
        multiplier, previous = 1.0, None
        for _attempt in range(8):
            total = self._lines_per_buyer(sample, multiplier)[1]
            if abs(total / sample_target - 1.0) < 0.03:
                break
            slope = 0.7
            if previous and previous[1] != total and previous[0] != multiplier:
                slope = math.log(total / previous[1]) / math.log(multiplier / previous[0])
                slope = min(max(slope, 0.2), 1.5)
            previous = (multiplier, total)
            multiplier *= (sample_target / max(total, 1)) ** (1.0 / slope)
        for _attempt in range(8):
            orders, total = self._lines_per_buyer(buyers, multiplier)
            if target_lines <= total <= target_lines * 1.15:
                break
            multiplier *= (wanted / max(total, 1)) ** (1.0 / 0.7)
        order_count = len(orders)
        keep = [True] * order_count
        for index in self.rng.sample(range(order_count), order_count):
            if total <= target_lines:
                break
            keep[index] = False
            total -= orders[index][2]
        orders = [order for order, kept in zip(orders, keep, strict=True) if kept]
        while total < target_lines and orders:
            index = self.rng.randrange(len(orders))
            buyer, day, size = orders[index]
            orders[index] = (buyer, day, size + 1)
            total += 1
        return orders

    # -- orders ---------------------------------------------------------------------------

    def _zone(self, tz):
        zone = self.zones.get(tz)
        if zone is None:
            zone = self.zones[tz] = ZoneInfo(tz)
        return zone

    def order_datetime(self, customer, day):
        """A UTC (naive) datetime at a plausible local hour on the customer's local day."""
        rng = self.rng
        local_day = self.start + timedelta(days=int(day))
        hour = HOUR_WEIGHTS[weighted_index(rng, self.hour_cumulative)][0]
        local = datetime.combine(local_day, time(hour, rng.randrange(60), rng.randrange(60)))
        local = local.replace(tzinfo=self._zone(customer.tz))
        return local.astimezone(timezone.utc).replace(tzinfo=None)

    def _pick_variant(self, buyer, template):
        variants = template.variants
        if len(variants) == 1:
            return variants[0]
        sized = [v for v in variants if ("Tamanho", buyer.size) in v.values]
        if sized and self.rng.random() < 0.9:
            return self.rng.choice(sized)
        # Earlier values (classic colours, smaller bottles) sell more.
        return variants[min(int(self.rng.expovariate(1.2)), len(variants) - 1)]

    def _pick_template(self, buyer):
        rng = self.rng
        for _attempt in range(4):
            category = CATEGORY_KEYS[weighted_index(rng, buyer.affinity)]
            templates = self.catalog.by_category[category]
            template = templates[weighted_index(rng, self.template_cumulative[category])]
            if not template.audience or template.audience == buyer.customer.gender:
                return template
        return template

    def _pick_complement(self, basket_templates):
        rng = self.rng
        anchor = rng.choice(basket_templates)
        kinds = [k for k in anchor.goes_with if k in self.catalog.by_kind]
        if not kinds:
            return None
        return rng.choice(self.catalog.by_kind[rng.choice(kinds)])

    def _replenishment(self, history, day):
        """A consumable bought before whose replenishment is due (or nearly due)."""
        due = [
            variant
            for variant, (template, last_day) in history.items()
            if day - last_day >= template.replenish_days * 0.7
        ]
        return self.rng.choice(due) if due else None

    def basket(self, buyer, day, size, history):
        """Lines of one order as {variant: qty}; updates the buyer's purchase history."""
        rng = self.rng
        chosen, templates = {}, []
        for position in range(size):
            variant = None
            if position == 0 or rng.random() < 0.5:
                replenish = self._replenishment(history, day) if rng.random() < 0.6 else None
                if replenish:
                    variant = self.catalog.variants[replenish]
            if variant is None and templates and rng.random() < 0.55:
                complement = self._pick_complement(templates)
                if complement:
                    variant = self._pick_variant(buyer, complement)
            if variant is None:
                variant = self._pick_variant(buyer, self._pick_template(buyer))
            template = self.templates[variant.template]
            qty = 1
            if template.replenish_days and rng.random() < 0.25:
                qty = 2 if rng.random() < 0.8 else 3
            elif rng.random() < 0.06:
                qty = 2
            chosen[variant.code] = chosen.get(variant.code, 0) + qty
            templates.append(template)
            if template.replenish_days:  # only consumables come back
                history[variant.code] = (template, day)
        return chosen

    def build_orders(self, skeleton):
        """Orders with lines, prices, discounts, UTM and states, sorted by date."""
        rng = self.rng
        skeleton = sorted(skeleton, key=lambda item: (item[1], item[0].customer.key))
        histories = {}
        orders = []
        for buyer, day, size in skeleton:
            customer = buyer.customer
            history = histories.setdefault(customer.key, {})
            campaign = self.campaigns_by_day[int(day)]
            lines = self._priced_lines(
                buyer, self.basket(buyer, day, size, history), size, campaign
            )
            campaign_key, source, medium = self._origin(lines, campaign)
            date_order = self.order_datetime(customer, day)
            if date_order >= self.end:
                date_order = self.end - timedelta(minutes=rng.randint(5, 600))
            orders.append(
                Order(
                    key=0,
                    customer=customer.key,
                    date_order=date_order,
                    state=self._state(day),
                    web_ref="",
                    campaign=campaign_key,
                    source=source,
                    medium=medium,
                    lines=lines,
                )
            )
        orders.sort(key=lambda order: (order.date_order, order.customer))
        for key, order in enumerate(orders, start=1):
            order.key = key
            order.web_ref = f"#{100000 + key}"
        return orders

    def _priced_lines(self, buyer, chosen, size, campaign):
        """Order lines at catalog price, discounted when a campaign covers the category.

        Merged duplicates shrink a basket below its drawn size: other products fill it back
        so the calibrated line count holds."""
        lines = []
        for code, qty in chosen.items():
            variant = self.catalog.variants[code]
            lines.append(OrderLine(code, qty, variant.price, self._discount(variant, campaign)))
        attempts = 0
        while len(lines) < size:
            attempts += 1
            variant = self._pick_variant(buyer, self._pick_template(buyer))
            if attempts > 20:  # a narrow taste: any product will do
                variant = self.catalog.variants[self.rng.choice(self.all_variants)]
            if variant.code not in chosen:
                chosen[variant.code] = 1
                lines.append(
                    OrderLine(variant.code, 1, variant.price, self._discount(variant, campaign))
                )
        return lines

    def _discount(self, variant, campaign):
        category = self.templates[variant.template].category
        return campaign.discount if campaign and campaign.applies_to(category) else 0

    def _origin(self, lines, campaign):
        """(campaign, UTM source, UTM medium): promotional orders name their campaign; some
        regular orders still come from a tracked link."""
        if any(line.discount for line in lines):
            return (campaign.key, *PROMO_ORIGIN_DRAW.pick(self.rng))
        if self.rng.random() < 0.3:
            return (None, *PROMO_ORIGIN_DRAW.pick(self.rng))
        return None, None, None

    def _state(self, day):
        draw = self.rng.random()
        if draw < CANCEL_SHARE:
            return "cancel"
        recent = day >= self.n_days - RECENT_DAYS
        if draw < CANCEL_SHARE + (RECENT_DRAFT_SHARE if recent else DRAFT_SHARE):
            return "draft"
        return "sale"


def generate_orders(rng, catalog, customers, window, target_lines):
    """Orders for ``customers`` with exactly ``target_lines`` lines in total."""
    start, n_days, intensity, campaigns_by_day, end = window
    process = OrderProcess(rng, catalog, start, n_days, intensity, campaigns_by_day, end)
    buyers = process.draw_buyers(customers)
    skeleton = process.calibrated_skeleton(buyers, target_lines)
    return process.build_orders(skeleton)
