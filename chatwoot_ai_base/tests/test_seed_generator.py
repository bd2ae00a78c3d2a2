# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fast tests of the pure seed generator (no database): determinism, formats and the
structure analytics rely on (seasonality, heterogeneous repeat buying, language mix)."""

import doctest
import functools
import hashlib
import os
import pathlib
import re
import statistics
import subprocess
import sys
import textwrap
from collections import Counter, defaultdict
from datetime import date

from odoo.tests import BaseCase

from .. import seed as seed_package
from ..seed import SCALES, generate, generator, sampling
from ..seed.catalog import build_catalog
from ..seed.conversations import in_office
from ..seed.seasons import black_friday, nth_weekday, promo_calendar

ANCHOR = date(2026, 1, 15)
BRAZILIAN_MOBILE = re.compile(r"^\+55[1-9][1-9]9\d{8}$")


@functools.cache
def _shop(scale, seed):
    """Generated once per test run: the medium shop takes a few seconds."""
    return generate(scale, seed, ANCHOR)


def _small():
    return _shop("small", 42)


def _medium():
    return _shop("medium", 5)


def _line_total(line):
    return line.price * line.qty * (100 - line.discount) // 100


class TestSeedGenerator(BaseCase):
    def test_same_seed_and_anchor_give_identical_rows(self):
        first, second = _small(), generate("small", 42, ANCHOR)
        self.assertEqual(first.customers, second.customers)
        self.assertEqual(first.orders, second.orders)
        self.assertEqual(first.conversations, second.conversations)

    def test_rows_do_not_depend_on_the_process(self):
        """Another interpreter, with other string hashes, generates the very same rows."""
        script = textwrap.dedent(
            """
            import hashlib, importlib.util, sys
            from datetime import date
            spec = importlib.util.spec_from_file_location(
                "seed_alone", sys.argv[1], submodule_search_locations=[sys.argv[2]]
            )
            module = importlib.util.module_from_spec(spec)
            sys.modules["seed_alone"] = module
            spec.loader.exec_module(module)
            data = module.generate("small", 42, date(2026, 1, 15))
            rows = repr((data.customers, data.orders, data.conversations))
            print(hashlib.sha256(rows.encode()).hexdigest())
            """
        )
        package = pathlib.Path(seed_package.__file__).parent
        data = _small()
        expected = repr((data.customers, data.orders, data.conversations))
        digests = {
            subprocess.run(
                [sys.executable, "-c", script, str(package / "__init__.py"), str(package)],
                env={**os.environ, "PYTHONHASHSEED": hash_seed},
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            for hash_seed in ("1", "2")
        }
        self.assertEqual(digests, {hashlib.sha256(expected.encode()).hexdigest()})

    def test_seed_package_is_pure_python(self):
        package = pathlib.Path(seed_package.__file__).parent
        for source in package.glob("*.py"):
            self.assertNotRegex(source.read_text(), r"(?m)^\s*(import|from) odoo\b", source.name)

    def test_another_seed_gives_another_shop(self):
        other = generate("small", 43, ANCHOR)
        self.assertNotEqual(
            _small().customers[0].name + _small().customers[1].name,
            other.customers[0].name + other.customers[1].name,
        )
        self.assertNotEqual(
            [o.date_order for o in _small().orders[:20]], [o.date_order for o in other.orders[:20]]
        )

    def test_small_scale_hits_its_targets(self):
        counts = _small().counts()
        scale = SCALES["small"]
        self.assertEqual(counts["customers"], scale.customers)
        self.assertAlmostEqual(
            counts["order_lines"], scale.order_lines, delta=scale.order_lines // 100
        )
        self.assertAlmostEqual(counts["messages"], scale.messages, delta=scale.messages // 100)

    def test_large_scale_is_the_documented_size(self):
        large = SCALES["large"]
        self.assertEqual(
            (large.customers, large.order_lines, large.messages), (100_000, 1_000_000, 300_000)
        )

    def test_window_is_24_months_ending_at_the_anchor(self):
        data = _small()
        dates = [o.date_order for o in data.orders]
        self.assertLess(max(dates), data.end)
        self.assertGreaterEqual(min(dates).date(), data.start)
        self.assertGreater((max(dates) - min(dates)).days, 700)
        last = max(m.created_at for c in data.conversations for m in c.messages)
        self.assertLess(last, data.end)

    # -- people -----------------------------------------------------------------------------

    def test_brazilian_phones_are_e164_mobiles_with_the_city_area_code(self):
        brazilians = [c for c in _small().customers if c.country_code == "BR"]
        self.assertTrue(brazilians)
        for customer in brazilians:
            self.assertRegex(customer.phone, BRAZILIAN_MOBILE)
        sao_paulo = [c for c in brazilians if c.city == "São Paulo"]
        self.assertTrue(sao_paulo)
        self.assertTrue(all(c.phone.startswith("+5511") for c in sao_paulo))

    def test_phones_and_emails_are_unique_and_valid(self):
        customers = _medium().customers
        self.assertEqual(len({c.phone for c in customers}), len(customers))
        self.assertEqual(len({c.email for c in customers}), len(customers))
        self.assertTrue(all(re.match(r"^[\w.+-]+@example\.", c.email) for c in customers))
        try:
            import phonenumbers
        except ImportError:  # pragma: no cover
            return
        for customer in customers:
            number = phonenumbers.parse(customer.phone)
            self.assertTrue(phonenumbers.is_valid_number(number), customer.phone)

    def test_language_mix_is_mostly_portuguese_with_spanish_and_english(self):
        customers = _medium().customers
        share = Counter(c.language for c in customers)
        self.assertAlmostEqual(share["pt"] / len(customers), 0.88, delta=0.02)
        self.assertAlmostEqual(share["es"] / len(customers), 0.08, delta=0.015)
        self.assertAlmostEqual(share["en"] / len(customers), 0.04, delta=0.01)
        langs = {c.lang for c in customers}
        self.assertLessEqual({"pt_BR", "es_AR", "es_MX", "en_US"}, langs)
        zones = {c.tz for c in customers if c.country_code == "BR"}
        self.assertLessEqual({"America/Sao_Paulo", "America/Manaus", "America/Recife"}, zones)

    # -- orders -----------------------------------------------------------------------------

    def test_prices_and_discounts_stay_in_whole_cents(self):
        for order in _small().orders:
            for line in order.lines:
                self.assertEqual(line.price * line.qty * (100 - line.discount) % 100, 0)
                self.assertIn(line.discount, (0, 10, 20, 30, 40))

    def test_november_and_december_sell_more_than_an_average_month(self):
        revenue = defaultdict(int)
        for order in _medium().orders:
            if order.state == "sale":
                month = (order.date_order.year, order.date_order.month)
                revenue[month] += sum(_line_total(line) for line in order.lines)
        full_months = {m: v for m, v in revenue.items() if m not in ((2024, 1), (2026, 1))}
        mean = statistics.mean(full_months.values())
        for month in ((2024, 11), (2024, 12), (2025, 11), (2025, 12)):
            self.assertGreater(full_months[month], mean, month)

    def test_black_friday_week_outsells_the_weeks_around_it(self):
        data = _medium()
        friday = black_friday(2025)
        in_week = sum(1 for o in data.orders if abs((o.date_order.date() - friday).days) <= 3)
        before = sum(1 for o in data.orders if 11 <= (friday - o.date_order.date()).days <= 17)
        self.assertGreater(in_week, 2 * before)

    def test_repeat_buying_is_heterogeneous(self):
        data = _medium()
        per_customer = Counter(o.customer for o in data.orders if o.state == "sale")
        counts = [per_customer.get(c.key, 0) for c in data.customers]
        mean, variance = statistics.mean(counts), statistics.variance(counts)
        self.assertGreater(variance, 3 * mean)  # a Poisson would give variance == mean
        buyers = [n for n in counts if n]
        self.assertGreater(sum(1 for n in buyers if n == 1) / len(buyers), 0.2)
        self.assertGreaterEqual(max(buyers), 20)

    def test_complementary_products_are_bought_together(self):
        kind_of = {v.code: t.kind for t in build_catalog().templates for v in t.variants}
        together = 0
        for order in _medium().orders:
            kinds = {kind_of[line.variant] for line in order.lines}
            together += {"shampoo", "condicionador"} <= kinds
        self.assertGreater(together, 100)

    def test_some_orders_are_cancelled_or_quotations(self):
        states = Counter(o.state for o in _medium().orders)
        self.assertGreater(states["cancel"], 0.02 * sum(states.values()))
        self.assertGreater(states["draft"], 0)
        self.assertGreater(states["sale"], 0.9 * sum(states.values()))

    def test_promotions_discount_lines_and_name_their_campaign(self):
        data = _small()
        keys = {c.key for c in data.campaigns}
        promotional = [o for o in data.orders if any(line.discount for line in o.lines)]
        self.assertTrue(promotional)
        self.assertTrue(all(o.campaign in keys and o.source and o.medium for o in promotional))
        self.assertFalse([o for o in data.orders if o.campaign and o not in promotional])

    # -- conversations ----------------------------------------------------------------------

    def test_conversations_speak_the_customers_language(self):
        data = _medium()
        customers = {c.key: c for c in data.customers}
        spanish = [c for c in data.conversations if customers[c.customer].language == "es"]
        self.assertTrue(spanish)
        words = " ".join(c.messages[0].content for c in spanish)
        self.assertRegex(words, r"\b(Hola|pedido|envío|cuánto|Cuánto|¿)")
        self.assertNotRegex(words, r"\b(Olá|você|obrigada)\b")

    def test_sentiment_follows_the_intent(self):
        data = _medium()
        by_intent = defaultdict(Counter)
        for conversation in data.conversations:
            by_intent[conversation.intent][conversation.sentiment] += 1
        complaints, compliments = by_intent["complaint"], by_intent["compliment"]
        self.assertGreater(complaints["negative"], 0.7 * sum(complaints.values()))
        self.assertGreater(compliments["positive"], 0.85 * sum(compliments.values()))

    def test_first_reply_is_the_first_public_outgoing_message(self):
        for conversation in _small().conversations:
            messages = conversation.messages
            self.assertEqual(conversation.created_at, messages[0].created_at)
            self.assertEqual(conversation.last_activity_at, messages[-1].created_at)
            replies = [
                m.created_at for m in messages if m.message_type == "outgoing" and not m.private
            ]
            self.assertEqual(conversation.first_reply_at, replies[0] if replies else None)
            self.assertEqual(messages[0].message_type, "incoming")
            self.assertEqual(
                conversation.status == "resolved", conversation.resolved_at is not None
            )

    def test_first_responses_are_slower_outside_office_hours(self):
        data = _medium()
        inside, outside = [], []
        for conversation in data.conversations:
            if conversation.first_reply_at and conversation.channel != "email":
                wait = (conversation.first_reply_at - conversation.created_at).total_seconds()
                (inside if in_office(conversation.created_at) else outside).append(wait)
        self.assertLess(statistics.median(inside), 30 * 60)
        self.assertGreater(statistics.median(outside), 3 * statistics.median(inside))

    def test_most_conversations_are_resolved_some_still_open(self):
        statuses = Counter(c.status for c in _medium().conversations)
        total = sum(statuses.values())
        self.assertGreater(statuses["resolved"], 0.9 * total)
        self.assertGreater(statuses["open"] + statuses["pending"] + statuses["snoozed"], 0)

    def test_message_ids_are_unique_and_chronological(self):
        messages = sorted(
            (m for c in _small().conversations for m in c.messages),
            key=lambda m: m.chatwoot_message_id,
        )
        ids = [m.chatwoot_message_id for m in messages]
        self.assertEqual(ids, list(range(1, len(ids) + 1)))
        times = [m.created_at for m in messages]
        self.assertEqual(times, sorted(times))

    # -- calendar and catalog ---------------------------------------------------------------

    def test_promotional_calendar_of_brazil(self):
        self.assertEqual(nth_weekday(2025, 5, 6, 2), date(2025, 5, 11))  # Dia das Mães
        self.assertEqual(black_friday(2025), date(2025, 11, 28))
        names = {c.name for c in promo_calendar(date(2024, 1, 16), ANCHOR)}
        self.assertLessEqual(
            {
                "Black Friday 2024",
                "Natal 2025",
                "Dia das Mães 2025",
                "Dia dos Namorados 2025",
                "Semana do Consumidor 2025",
            },
            names,
        )

    def test_catalog_has_categories_attributes_and_variants(self):
        catalog = build_catalog()
        self.assertTrue(150 <= len(catalog.templates) <= 250)
        self.assertEqual(len(catalog.by_category), 8)
        self.assertGreater(len(catalog.variants), 2 * len(catalog.templates))
        self.assertTrue(
            all(v.price % 10 == 0 and 0 < v.cost < v.price for v in catalog.variants.values())
        )
        self.assertEqual(
            {a for t in catalog.templates for a, _values in t.options}, {"Cor", "Tamanho", "Volume"}
        )

    def test_doctests(self):
        for module in (sampling, generator):
            self.assertEqual(doctest.testmod(module).failed, 0, module.__name__)
