# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``dispatch/`` engine, with an injected clock (no sleeping).

Also runnable without Odoo, in seconds:
``python3 chatwoot_ai_campaign/tests/test_dispatch_pure.py``
"""

import doctest
import random
import unittest
from datetime import datetime, timedelta

if __name__.startswith("odoo.addons."):  # Odoo's runner only runs its own test cases
    from odoo.tests import BaseCase
else:  # plain Python, without Odoo
    BaseCase = unittest.TestCase

try:
    from ..dispatch import (
        autopause,
        balancer,
        bandit,
        placeholders,
        planner,
        sendtime,
        stopwords,
        throttle,
        timezones,
        windows,
    )
except ImportError:  # plain pytest: load the pure package by path
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from dispatch import (  # noqa: I001
        autopause,
        balancer,
        bandit,
        placeholders,
        planner,
        sendtime,
        stopwords,
        throttle,
        timezones,
        windows,
    )

MONDAY_10_UTC = datetime(2026, 1, 5, 10, 0)  # 07:00 in São Paulo


class TestDispatchDoctests(BaseCase):
    """The examples in the engine's docstrings hold (under Odoo's runner, pytest and python3)."""

    def test_module_doctests_pass(self):
        modules = (autopause, balancer, bandit, placeholders, planner, sendtime, stopwords)
        for module in (*modules, throttle, timezones, windows):
            result = doctest.testmod(module)
            self.assertGreater(result.attempted, 0, module.__name__)
            self.assertEqual(result.failed, 0, module.__name__)


def candidate(partner_id, **values):
    values.setdefault("address", f"+55119{partner_id:08d}")
    values.setdefault("consent", "opted_in")
    return planner.Candidate(partner_id, **values)


class TestPlannerFiltering(BaseCase):
    def plan(self, candidates, **settings):
        settings.setdefault("start", MONDAY_10_UTC)
        return planner.plan(candidates, planner.PlanSettings(**settings), now=MONDAY_10_UTC)

    def test_consent_blacklist_and_cap_are_skipped_with_their_reason(self):
        result = self.plan(
            [
                candidate(1),
                candidate(2, consent=""),
                candidate(3, consent="opted_out"),
                candidate(4, blacklisted=True),
                candidate(5, weekly_cap=2, sent_last_7_days=2),
                candidate(6, address=""),
                candidate(7, topic_allowed=False),
                candidate(8, commercial_partner_id=1),
            ]
        )
        self.assertEqual([p.partner_id for p in result.planned], [1])
        self.assertEqual(
            {s.partner_id: s.reason for s in result.skipped},
            {
                2: "no_consent",
                3: "opted_out",
                4: "blacklisted",
                5: "frequency_cap",
                6: "no_address",
                7: "opted_out",
                8: "duplicate",
            },
        )
        self.assertEqual(result.reasons()["opted_out"], 2)

    def test_opt_out_regime_needs_no_explicit_opt_in(self):
        result = self.plan(
            [candidate(1, consent=""), candidate(2, consent="opted_out")], consent_required=False
        )
        self.assertEqual([p.partner_id for p in result.planned], [1])
        self.assertEqual(result.skipped[0].reason, "opted_out")

    def test_transactional_ignores_the_frequency_cap_and_the_window(self):
        result = self.plan(
            [candidate(1, weekly_cap=1, sent_last_7_days=5, tz="America/Sao_Paulo")],
            priority="transactional",
            window=windows.Window(9, 20),
        )
        self.assertEqual(result.planned[0].scheduled_at, MONDAY_10_UTC)

    def test_end_before_the_window_opens_is_outside_validity(self):
        result = self.plan(
            [candidate(1, tz="America/Sao_Paulo")],
            window=windows.Window(9, 20),
            end=MONDAY_10_UTC + timedelta(hours=1),
        )
        self.assertEqual(result.skipped[0].reason, "outside_validity")


class TestPlannerTimeZones(BaseCase):
    def plan(self, candidates, window, **settings):
        settings = planner.PlanSettings(start=MONDAY_10_UTC, window=window, **settings)
        return {p.partner_id: p for p in planner.plan(candidates, settings, MONDAY_10_UTC).planned}

    def test_phone_area_code_65_is_cuiaba_time(self):
        planned = self.plan(
            [
                candidate(1, tz="", address="+5565999998888"),
                candidate(2, tz="", address="+5511999998888"),
            ],
            windows.Window(9, 20),
        )
        self.assertEqual(planned[1].tz, "America/Cuiaba")
        # 09:00 in Cuiabá (UTC-4) is 13:00 UTC; São Paulo (UTC-3) opens at 12:00 UTC.
        self.assertEqual(planned[1].scheduled_at, datetime(2026, 1, 5, 13, 0))
        self.assertEqual(planned[2].scheduled_at, datetime(2026, 1, 5, 12, 0))

    def test_partner_time_zone_wins_over_the_phone(self):
        planned = self.plan(
            [candidate(1, tz="Europe/Lisbon", address="+5565999998888")], windows.Window(9, 20)
        )
        self.assertEqual(planned[1].scheduled_at, MONDAY_10_UTC)  # 10:00 in Lisbon

    def test_no_time_zone_and_no_phone_use_the_company_zone(self):
        planned = self.plan(
            [candidate(1, tz="", address="ana@example.com")],
            windows.Window(9, 20),
            default_tz="America/Sao_Paulo",
        )
        self.assertEqual(planned[1].tz, "America/Sao_Paulo")
        self.assertEqual(planned[1].scheduled_at, datetime(2026, 1, 5, 12, 0))

    def test_quiet_days_move_the_send_to_the_next_allowed_day(self):
        # Monday 21:00 in São Paulo, window closed; Tuesday and Wednesday are quiet.
        late = datetime(2026, 1, 6, 0, 0)
        settings = planner.PlanSettings(start=late, window=windows.Window(9, 20, frozenset({1, 2})))
        result = planner.plan([candidate(1, tz="America/Sao_Paulo")], settings, late)
        self.assertEqual(result.planned[0].scheduled_at, datetime(2026, 1, 8, 12, 0))

    def test_sends_are_spread_and_overflow_to_the_next_day(self):
        people = [candidate(i, tz="UTC") for i in range(1, 6)]
        settings = planner.PlanSettings(
            start=MONDAY_10_UTC,
            window=windows.Window(10, 10.05),  # a 3-minute window
            rate_per_minute=1,
        )
        times = [p.scheduled_at for p in planner.plan(people, settings, MONDAY_10_UTC).planned]
        self.assertEqual(times[:3], [MONDAY_10_UTC + timedelta(minutes=m) for m in range(3)])
        self.assertEqual(times[3:], [datetime(2026, 1, 6, 10, 0), datetime(2026, 1, 6, 10, 1)])

    def test_preferred_hour_inside_the_window_is_used(self):
        planned = self.plan([candidate(1, tz="UTC", preferred_hour=15.0)], windows.Window(9, 20))
        self.assertEqual(planned[1].scheduled_at, datetime(2026, 1, 5, 15, 0))

    def test_priority_orders_claims(self):
        items = [
            planner.Planned(1, MONDAY_10_UTC, "UTC", "a", 3),
            planner.Planned(2, MONDAY_10_UTC + timedelta(hours=1), "UTC", "b", 0),
            planner.Planned(3, MONDAY_10_UTC, "UTC", "c", 2),
        ]
        self.assertEqual([p.partner_id for p in planner.order_by_priority(items)], [2, 3, 1])


class FakeClock:
    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


class TestThrottling(BaseCase):
    def test_token_bucket_never_exceeds_its_rate_per_second(self):
        clock = FakeClock()
        bucket = throttle.TokenBucket(rate_per_minute=600, clock=clock)  # 10/s
        per_second = []
        for _second in range(5):
            sent = 0
            for _step in range(100):
                sent += bucket.try_take()
                clock.now += 0.01
            per_second.append(sent)
        self.assertLessEqual(max(per_second), 10)
        self.assertGreaterEqual(sum(per_second), 45)

    def test_daily_cap_resets_the_next_day(self):
        clock = FakeClock()
        cap = throttle.DailyCap(3, clock, day_of=lambda s: int(s // 86400))
        self.assertEqual([cap.take() for _ in range(4)], [True, True, True, False])
        clock.now = 86400
        self.assertTrue(cap.take())

    def test_whatsapp_tier_counts_unique_people_in_a_rolling_day(self):
        clock = FakeClock()
        tier = throttle.RollingTier(250, clock, history=[(f"p{i}", 0.0) for i in range(249)])
        self.assertTrue(tier.take("new"))
        self.assertFalse(tier.take("another"))
        self.assertTrue(tier.take("p1"))  # already contacted: free
        clock.now = 86400.5
        self.assertTrue(tier.take("another"))


class TestLoadBalancing(BaseCase):
    def test_least_loaded_sender_gets_the_next_message(self):
        clock = FakeClock()
        lb = balancer.LoadBalancer(
            [balancer.SenderSlot(1, 600, daily_used=0), balancer.SenderSlot(2, 600)], clock
        )
        picks = []
        for _ in range(40):
            slot = lb.pick()
            picks.append(slot.sender_id)
            clock.now += 0.1
        self.assertEqual(abs(picks.count(1) - picks.count(2)), 0)

    def test_unhealthy_sender_is_drained_and_retried_after_its_cooldown(self):
        clock = FakeClock()
        lb = balancer.LoadBalancer(
            [balancer.SenderSlot(1, 6000), balancer.SenderSlot(2, 6000)], clock, max_failures=2
        )
        lb.report_failure(1, "500")
        self.assertTrue(lb.slots[1].healthy)
        lb.report_failure(1, "500")
        self.assertFalse(lb.slots[1].healthy)
        picks = set()
        for _ in range(20):
            picks.add(lb.pick().sender_id)
            clock.now += 0.05
        self.assertEqual(picks, {2})
        clock.now += balancer.COOLDOWN
        self.assertIn(1, {lb.pick().sender_id, lb.pick().sender_id})

    def test_capped_senders_make_the_run_exhausted(self):
        clock = FakeClock()
        lb = balancer.LoadBalancer([balancer.SenderSlot(1, 60, daily_cap=1)], clock)
        self.assertEqual(lb.pick().sender_id, 1)
        clock.now += 5
        self.assertFalse(lb.pick())
        self.assertTrue(lb.exhausted())
        self.assertIsNone(lb.wait_time())


class TestBandit(BaseCase):
    def test_thompson_sampling_converges_on_the_better_variant(self):
        rng = random.Random(42)
        truth = {1: 0.05, 2: 0.12, 3: 0.08}
        arms = [bandit.Arm(vid) for vid in truth]
        sampler = bandit.ThompsonSampler(arms, exploration=0.1, explore_until=60, rng=rng)
        for _ in range(3000):
            choice = sampler.choose()
            sampler.record(choice, rng.random() < truth[choice])
        shares = {arm.variant_id: arm.trials / 3000 for arm in arms}
        self.assertGreater(shares[2], 0.6)
        best = max(arms, key=lambda arm: arm.mean)
        self.assertEqual(best.variant_id, 2)
        low, high = best.interval()
        self.assertLess(low, best.mean)
        self.assertGreater(low, arms[0].mean)  # clearly better than the worst variant
        self.assertGreater(high, best.mean)

    def test_exploration_sends_the_least_sent_variant_first(self):
        arms = [bandit.Arm(1, trials=10, successes=9), bandit.Arm(2)]
        sampler = bandit.ThompsonSampler(arms, explore_until=20, rng=random.Random(1))
        self.assertEqual(sampler.choose(), 2)


class TestStopKeywords(BaseCase):
    def test_keywords_in_portuguese_spanish_and_english(self):
        cases = {
            "SAIR": "pt",
            "parar por favor": "pt",
            "Descadastrar": "pt",
            "Quiero darme de baja": "es",
            "BAJA": "es",
            "stop": "en",
            "STOP please": "en",
        }
        for text, language in cases.items():
            with self.subTest(text=text):
                self.assertEqual(stopwords.detect_stop(text).language, language)

    def test_sentences_that_mention_a_keyword_are_not_opt_outs(self):
        for text in (
            "quero cancelar o pedido 123 porque atrasou",
            "não consigo sair da página de pagamento",
            "stop the delivery to my old address please thanks",
        ):
            with self.subTest(text=text):
                self.assertIsNone(stopwords.detect_stop(text))

    def test_confirmation_is_in_the_persons_language(self):
        self.assertIn("não receberá", stopwords.confirmation("pt"))
        self.assertIn("ya no recibirás", stopwords.confirmation("es"))
        self.assertIn("no longer", stopwords.confirmation("en_US"))


class TestPlaceholdersAndSendTime(BaseCase):
    def test_unknown_placeholder_is_reported(self):
        self.assertEqual(placeholders.unknown_placeholders("{first_name} {x} {coupon}"), ["x"])

    def test_send_time_falls_back_to_the_campaign_hour(self):
        hours = {1: [19, 19, 19, 19, 19, 8], 2: [11], 3: [11, 11]}
        self.assertEqual(sendtime.preferred_hours(hours, 9, 20), {1: 19.0, 2: 19.0, 3: 19.0})

    def test_auto_pause_on_failures(self):
        thresholds = autopause.Thresholds(window=4, max_failure_rate=0.5)
        outcomes = [autopause.Outcome(failed=True)] * 3 + [autopause.Outcome()]
        self.assertEqual(autopause.pause_reason(outcomes, thresholds), ("failure", 0.75))


if __name__ == "__main__":
    unittest.main()
