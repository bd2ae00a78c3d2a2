# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shop's retail calendar: monthly seasonality and Brazil's promotional dates.

Every promotional window becomes a UTM campaign with a discount on some categories and an
uplift of the customers' purchase intensity, so analytics can find the effect again.
Discounts are multiples of 10 % on prices that are multiples of 10 cents, which keeps every
discounted line in whole cents (no rounding drift between line and order totals).
"""

from dataclasses import dataclass
from datetime import date, timedelta

#: Baseline demand per month (January sales lull, Carnival in February, Christmas peak).
MONTHLY_FACTOR = {
    1: 0.85,
    2: 0.80,
    3: 1.00,
    4: 0.95,
    5: 1.05,
    6: 1.00,
    7: 0.95,
    8: 0.95,
    9: 0.95,
    10: 1.00,
    11: 1.15,
    12: 1.30,
}

#: Online shops sell more early in the week than on weekends (Monday = 0).
WEEKDAY_FACTOR = (1.10, 1.05, 1.00, 1.00, 0.95, 0.90, 0.95)

GIFT_CATEGORIES = ("perfumaria", "maquiagem", "cosmeticos", "moda_feminina", "acessorios")
FASHION_CATEGORIES = ("moda_feminina", "moda_masculina", "calcados")


@dataclass(frozen=True)
class Campaign:
    """A promotional window; ``end`` is exclusive."""

    key: str
    name: str
    event: str
    start: date
    end: date
    discount: int
    categories: tuple
    uplift: float

    def covers(self, day):
        return self.start <= day < self.end

    def applies_to(self, category):
        return not self.categories or category in self.categories


def nth_weekday(year, month, weekday, n):
    """The ``n``-th ``weekday`` (Monday = 0) of a month, e.g. Mother's Day is the 2nd Sunday."""
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (n - 1))


def black_friday(year):
    """Brazil follows the US date: the day after the 4th Thursday of November."""
    return nth_weekday(year, 11, 3, 4) + timedelta(days=1)


# fmt: off
def _events_of_year(year):
    """(event, name, start, end, discount, categories, uplift) for one calendar year."""
    bf = black_friday(year)
    mothers = nth_weekday(year, 5, 6, 2)
    fathers = nth_weekday(year, 8, 6, 2)
    return [
        ("liquida_verao", f"Liquida Verão {year}", date(year, 1, 8), date(year, 1, 29), 40,
         FASHION_CATEGORIES, 1.3),
        ("semana_consumidor", f"Semana do Consumidor {year}", date(year, 3, 10),
         date(year, 3, 17), 10, (), 1.4),
        ("dia_das_maes", f"Dia das Mães {year}", mothers - timedelta(days=12), mothers, 20,
         GIFT_CATEGORIES, 1.8),
        ("dia_dos_namorados", f"Dia dos Namorados {year}", date(year, 6, 5), date(year, 6, 13),
         20, ("perfumaria", "acessorios", "maquiagem", "moda_feminina", "moda_masculina"), 1.5),
        ("dia_dos_pais", f"Dia dos Pais {year}", fathers - timedelta(days=10), fathers, 20,
         ("moda_masculina", "perfumaria", "calcados", "acessorios"), 1.3),
        ("black_friday", f"Black Friday {year}", bf - timedelta(days=4), bf + timedelta(days=4),
         30, (), 3.2),
        ("natal", f"Natal {year}", date(year, 12, 10), date(year, 12, 25), 20,
         GIFT_CATEGORIES + ("moda_masculina",), 2.0),
    ]
# fmt: on


def promo_calendar(start, end):
    """Campaigns whose window overlaps ``[start, end)``, in chronological order."""
    campaigns = []
    for year in range(start.year, end.year + 1):
        for event, name, first, stop, discount, categories, uplift in _events_of_year(year):
            if stop > start and first < end:
                campaigns.append(
                    Campaign(
                        key=f"{event}_{year}",
                        name=name,
                        event=event,
                        start=first,
                        end=stop,
                        discount=discount,
                        categories=tuple(categories),
                        uplift=uplift,
                    )
                )
    return sorted(campaigns, key=lambda c: c.start)


def campaign_by_day(start, n_days, campaigns):
    """For each day of the window, the campaign running that day (or None)."""
    by_day = [None] * n_days
    for campaign in campaigns:
        first = max((campaign.start - start).days, 0)
        stop = min((campaign.end - start).days, n_days)
        for index in range(first, stop):
            by_day[index] = campaign
    return by_day


def daily_intensity(start, n_days, campaigns_by_day):
    """Relative purchase intensity for each day: month x weekday x campaign uplift."""
    intensity = []
    for index in range(n_days):
        day = start + timedelta(days=index)
        factor = MONTHLY_FACTOR[day.month] * WEEKDAY_FACTOR[day.weekday()]
        campaign = campaigns_by_day[index]
        if campaign:
            factor *= campaign.uplift
        intensity.append(factor)
    return intensity
