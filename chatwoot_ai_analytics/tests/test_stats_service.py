# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of the pure ``stats/service.py``: Chatwoot's service metrics on hand-built threads."""

import datetime
import doctest

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import BaseCase

from ..stats import service

MARCH = datetime.datetime(2026, 3, 2, 8, 0)
APRIL = datetime.datetime(2026, 4, 1, 9, 0)


def at(base, seconds):
    return base + datetime.timedelta(seconds=seconds)


# (conversation_id, created_at, resolved_at, inbox, channel, agent, csat_rating)
CONVERSATIONS = [
    (1, MARCH, at(MARCH, 3600), "web", "Channel::WebWidget", "ana", 5),
    (2, at(MARCH, 1000), at(MARCH, 1600), "wa", "Channel::Whatsapp", None, None),
    (3, at(MARCH, 2000), None, "wa", "Channel::Whatsapp", "bia", 3),
    (4, APRIL, at(APRIL, 7200), "web", "Channel::WebWidget", "bia", 4),
]


def _message(conversation, base, seconds, message_type, sender, private=False):
    return (conversation, at(base, seconds), message_type, sender, private)


MESSAGES = [
    # 1: the bot answers at once but the clock runs until the first human reply (100 s). Two
    # later customer bursts are answered after 200 s (from 200) and 300 s (from 500); the
    # private note, the activity and the unprompted follow-up at 450 do not count.
    _message(1, MARCH, 0, "incoming", "contact"),
    _message(1, MARCH, 10, "outgoing", "agent_bot"),
    _message(1, MARCH, 20, "incoming", "contact"),
    _message(1, MARCH, 100, "outgoing", "user"),
    _message(1, MARCH, 250, "incoming", "contact"),
    _message(1, MARCH, 200, "incoming", "contact"),
    _message(1, MARCH, 260, "outgoing", "user", True),
    _message(1, MARCH, 400, "outgoing", "user"),
    _message(1, MARCH, 450, "outgoing", "user"),
    _message(1, MARCH, 500, "incoming", "contact"),
    _message(1, MARCH, 505, "activity", None),
    _message(1, MARCH, 800, "outgoing", "user"),
    # 2: Captain handles everything and the conversation is resolved: a bot resolution.
    _message(2, MARCH, 1000, "incoming", "contact"),
    _message(2, MARCH, 1005, "outgoing", "captain_assistant"),
    _message(2, MARCH, 1100, "incoming", "contact"),
    _message(2, MARCH, 1101, "outgoing", "captain_assistant"),
    # 3: the agent writes first; the customer answers at 2100 and gets a reply at 2400.
    _message(3, MARCH, 2000, "outgoing", "user"),
    _message(3, MARCH, 2100, "incoming", "contact"),
    _message(3, MARCH, 2400, "outgoing", "user"),
    # 4: never answered, resolved after two hours; messages of unknown conversations are ignored.
    _message(4, APRIL, 0, "incoming", "contact"),
    _message(99, APRIL, 0, "incoming", "contact"),
]


class TestConversationFacts(BaseCase):
    def test_first_response_reply_and_resolution_times(self):
        facts = service.conversation_facts(CONVERSATIONS, MESSAGES)
        np.testing.assert_array_equal(facts["first_response_seconds"], [100, np.nan, 300, np.nan])
        np.testing.assert_array_equal(facts["resolution_seconds"], [3600, 600, np.nan, 7200])
        self.assertEqual(facts["reply_seconds"].tolist(), [200.0, 300.0])
        self.assertEqual(facts["reply_conversation"].tolist(), [0, 0])
        self.assertEqual(facts["incoming"].tolist(), [5, 2, 1, 1])
        self.assertEqual(facts["outgoing"].tolist(), [5, 2, 2, 0])

    def test_bot_resolution_and_handoff(self):
        facts = service.conversation_facts(CONVERSATIONS, MESSAGES)
        self.assertEqual(facts["bot_handled"].tolist(), [True, True, False, False])
        self.assertEqual(facts["bot_resolved"].tolist(), [False, True, False, False])
        self.assertEqual(facts["handoff"].tolist(), [True, False, False, False])

    def test_chatwoot_raw_codes_give_the_same_facts(self):
        types = {"incoming": 0, "outgoing": 1, "activity": 2}
        senders = {"contact": "Contact", "user": "User", "agent_bot": "AgentBot"}
        senders["captain_assistant"] = "Captain::Assistant"
        raw = [(c, t, types[kind], senders.get(who), p) for c, t, kind, who, p in MESSAGES]
        expected = service.conversation_facts(CONVERSATIONS, MESSAGES)
        facts = service.conversation_facts(CONVERSATIONS, raw)
        for name, values in expected.items():
            with self.subTest(fact=name):
                np.testing.assert_array_equal(facts[name], values)

    def test_unix_seconds_work_like_datetimes(self):
        def epoch(value):
            return None if value is None else value.replace(tzinfo=datetime.UTC).timestamp()

        conversations = [(c, epoch(t0), epoch(t1), *rest) for c, t0, t1, *rest in CONVERSATIONS]
        messages = [(c, epoch(t), *rest) for c, t, *rest in MESSAGES]
        self.assertEqual(
            service.service_metrics(conversations, messages),
            service.service_metrics(CONVERSATIONS, MESSAGES),
        )


class TestServiceMetrics(BaseCase):
    def test_overall_metrics_by_hand(self):
        metrics = service.service_metrics(CONVERSATIONS, MESSAGES)
        expected = {
            "conversations": 4,
            "incoming_messages": 9,
            "outgoing_messages": 9,
            "first_responses": 2,
            "first_response_avg": 200.0,
            "first_response_median": 200.0,
            "first_response_p90": 280.0,
            "replies": 2,
            "reply_time_avg": 250.0,
            "reply_time_median": 250.0,
            "resolutions": 3,
            "resolution_avg": 3800.0,
            "resolution_median": 3600.0,
            "bot_conversations": 2,
            "bot_resolutions": 1,
            "bot_resolution_rate": 0.5,
            "handoffs": 1,
            "handoff_rate": 0.5,
            "csat_responses": 3,
            "csat_score": 2 / 3,
            "csat_average": 4.0,
        }
        self.assertEqual(metrics, expected)

    def test_grouping_by_inbox_agent_and_period(self):
        by_inbox = service.service_metrics(CONVERSATIONS, MESSAGES, group_by="inbox")
        self.assertEqual(set(by_inbox), {"web", "wa"})
        self.assertEqual(by_inbox["web"]["first_response_avg"], 100.0)
        self.assertEqual(by_inbox["web"]["reply_time_avg"], 250.0)
        self.assertEqual(by_inbox["wa"]["bot_resolution_rate"], 1.0)
        self.assertIsNone(by_inbox["wa"]["reply_time_avg"])
        by_agent = service.service_metrics(CONVERSATIONS, MESSAGES, group_by="agent")
        self.assertEqual(
            {key: value["conversations"] for key, value in by_agent.items()},
            {"ana": 1, None: 1, "bia": 2},
        )
        by_month = service.service_metrics(CONVERSATIONS, MESSAGES, group_by=("period", "channel"))
        self.assertEqual(
            {key: value["conversations"] for key, value in by_month.items()},
            {
                ("2026-03", "Channel::WebWidget"): 1,
                ("2026-03", "Channel::Whatsapp"): 2,
                ("2026-04", "Channel::WebWidget"): 1,
            },
        )

    def test_a_conversation_over_two_months_and_two_agents_counts_each_event_once(self):
        """Chatwoot's reporting events: each at its own time, for the agent who replied."""
        march_30 = datetime.datetime(2026, 3, 30, 10, 0)
        april_2 = datetime.datetime(2026, 4, 2, 9, 0)
        conversations = [(1, march_30, april_2 + datetime.timedelta(days=1), "Site", "web", "Bia")]
        messages = [
            (1, march_30, "incoming", "contact", False, None),
            (1, march_30 + datetime.timedelta(minutes=10), "outgoing", "user", False, "Caio"),
            (1, april_2, "incoming", "contact", False, None),
            (1, april_2 + datetime.timedelta(minutes=30), "outgoing", "user", False, "Bia"),
        ]
        by_month = service.service_metrics(conversations, messages, group_by="period")
        march, april = by_month["2026-03"], by_month["2026-04"]
        self.assertEqual(
            (march["conversations"], march["first_responses"], march["replies"]), (1, 1, 0)
        )
        self.assertEqual(march["first_response_avg"], 600.0)
        self.assertEqual(march["resolutions"], 0)
        self.assertEqual(
            (april["conversations"], april["first_responses"], april["replies"]), (0, 0, 1)
        )
        self.assertEqual((april["reply_time_avg"], april["resolutions"]), (1800.0, 1))
        by_agent = service.service_metrics(conversations, messages, group_by="agent")
        caio, bia = by_agent["Caio"], by_agent["Bia"]
        self.assertEqual((caio["first_responses"], caio["replies"], caio["resolutions"]), (1, 0, 0))
        self.assertEqual((bia["first_responses"], bia["replies"], bia["resolutions"]), (0, 1, 1))
        self.assertEqual((bia["conversations"], caio["conversations"]), (1, 0))
        # Totals are unchanged by the grouping.
        total = service.service_metrics(conversations, messages)
        self.assertEqual((total["first_responses"], total["replies"]), (1, 1))

    def test_weeks_start_on_monday_and_other_periods(self):
        # 2026-03-02 is a Monday, 2026-04-01 a Wednesday (its ISO week starts on 2026-03-30).
        weeks = service.service_metrics(CONVERSATIONS, MESSAGES, group_by="period", period="week")
        self.assertEqual(set(weeks), {"2026-03-02", "2026-03-30"})
        years = service.service_metrics(CONVERSATIONS, MESSAGES, group_by="period", period="year")
        self.assertEqual(years["2026"]["conversations"], 4)
        with self.assertRaises(ValueError):
            service.service_metrics(CONVERSATIONS, MESSAGES, group_by="period", period="hour")
        with self.assertRaises(ValueError):
            service.service_metrics(CONVERSATIONS, MESSAGES, group_by="team")

    def test_empty_inputs_give_zero_counts_and_no_times(self):
        metrics = service.service_metrics([], [])
        self.assertEqual(metrics["conversations"], 0)
        self.assertIsNone(metrics["first_response_median"])
        self.assertIsNone(metrics["csat_score"])
        self.assertEqual(service.service_metrics([], [], group_by="inbox"), {})
        no_messages = service.service_metrics(CONVERSATIONS[:1], [])
        self.assertEqual((no_messages["conversations"], no_messages["first_responses"]), (1, 0))
        self.assertEqual(no_messages["resolutions"], 1)

    def test_many_conversations_are_handled_in_one_pass(self):
        rng = np.random.default_rng(1)
        count = 20000
        conversations = [
            (i, float(i), float(i + 500), i % 3, "api", i % 7, None) for i in range(count)
        ]
        waits = rng.exponential(120, count)
        messages = [(i, float(i), "incoming", "contact", False) for i in range(count)]
        messages += [(i, i + waits[i], "outgoing", "user", False) for i in range(count)]
        metrics = service.service_metrics(conversations, messages)
        self.assertEqual(metrics["first_responses"], count)
        self.assertAlmostEqual(metrics["first_response_avg"], waits.mean())
        self.assertAlmostEqual(metrics["first_response_median"], float(np.median(waits)))


def _brute_force_working_seconds(start, end, hours):
    """Overlap of [start, end] with every working day's opening hours, day by day."""
    offset = hours.utc_offset_hours * 3600
    total = 0.0
    day = (start + offset) // 86400
    while day * 86400 <= end + offset:
        weekday = (int(day) + 3) % 7
        if weekday in hours.weekdays:
            opens = day * 86400 + hours.open_hour * 3600 - offset
            closes = day * 86400 + hours.close_hour * 3600 - offset
            total += max(0.0, min(end, closes) - max(start, opens))
        day += 1
    return total


class TestBusinessHours(BaseCase):
    def test_weekends_and_nights_do_not_count(self):
        hours = service.BusinessHours(open_hour=9, close_hour=18)
        friday_17h = datetime.datetime(2026, 3, 6, 17).replace(tzinfo=datetime.UTC).timestamp()
        monday_10h = datetime.datetime(2026, 3, 9, 10).replace(tzinfo=datetime.UTC).timestamp()
        saturday = datetime.datetime(2026, 3, 7, 12).replace(tzinfo=datetime.UTC).timestamp()
        self.assertEqual(hours.elapsed(friday_17h, monday_10h), 2 * 3600)
        self.assertEqual(hours.elapsed(saturday, monday_10h), 3600)

    def test_local_time_offset(self):
        brasilia = service.BusinessHours(open_hour=9, close_hour=18, utc_offset_hours=-3)
        # 20:00 UTC is 17:00 in Brasília; 13:00 UTC next day is 10:00 there.
        monday_20h_utc = datetime.datetime(2026, 3, 9, 20).replace(tzinfo=datetime.UTC).timestamp()
        self.assertEqual(brasilia.elapsed(monday_20h_utc, monday_20h_utc + 17 * 3600), 2 * 3600)

    def test_clock_matches_day_by_day_counting(self):
        rng = np.random.default_rng(8)
        hours = service.BusinessHours(
            open_hour=8.5, close_hour=17.25, weekdays=(0, 1, 2, 3, 5), utc_offset_hours=-3
        )
        starts = 1.77e9 + rng.uniform(0, 30 * 86400, 300)
        ends = starts + rng.exponential(3 * 86400, 300)
        expected = [
            _brute_force_working_seconds(a, b, hours) for a, b in zip(starts, ends, strict=True)
        ]
        np.testing.assert_allclose(hours.elapsed(starts, ends), expected, atol=1e-6)

    @settings(max_examples=80, deadline=None)
    @given(
        st.lists(st.floats(0, 60 * 86400), min_size=3, max_size=3),
        st.floats(0, 12),
        st.floats(0.5, 12),
        st.floats(-12, 12),
    )
    def test_working_time_adds_up_and_never_exceeds_calendar_time(
        self, instants, open_hour, length, offset
    ):
        hours = service.BusinessHours(open_hour, open_hour + length, (0, 2, 4, 6), offset)
        a, b, c = sorted(1.7e9 + value for value in instants)
        self.assertAlmostEqual(
            hours.elapsed(a, b) + hours.elapsed(b, c), hours.elapsed(a, c), delta=1e-3
        )
        # Clock readings of instants near 1.7e9 s differ by float rounding (~1e-7 s).
        self.assertGreaterEqual(hours.elapsed(a, b), -1e-3)
        self.assertLessEqual(hours.elapsed(a, b), b - a + 1e-3)

    def test_service_metrics_in_business_hours(self):
        # Created Friday 17:30, first human reply Monday 9:15: 30 + 15 working minutes.
        friday = datetime.datetime(2026, 3, 6, 17, 30)
        monday = datetime.datetime(2026, 3, 9, 9, 15)
        conversations = [(1, friday, monday, "web", "api", "ana")]
        messages = [
            (1, friday, "incoming", "contact", False),
            (1, monday, "outgoing", "user", False),
        ]
        hours = service.BusinessHours()
        metrics = service.service_metrics(conversations, messages, business_hours=hours)
        self.assertEqual(metrics["first_response_avg"], 45 * 60.0)
        self.assertEqual(metrics["resolution_avg"], 45 * 60.0)
        calendar = service.service_metrics(conversations, messages)
        self.assertEqual(calendar["first_response_avg"], (monday - friday).total_seconds())

    def test_module_doctests_pass(self):
        result = doctest.testmod(service, optionflags=doctest.NORMALIZE_WHITESPACE)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)
