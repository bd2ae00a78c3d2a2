# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The inbox's weekly bot hours: inside or outside, and when they open again."""

import doctest
from datetime import datetime

from odoo.tests import BaseCase, tagged

from ..models import chatwoot_bot
from ..models.chatwoot_bot import next_opening, within_hours

MONDAY = datetime(2026, 1, 5)


@tagged("post_install", "-at_install")
class TestBotHours(BaseCase):
    def test_doctests(self):
        failures, tried = doctest.testmod(chatwoot_bot)
        self.assertEqual(failures, 0)
        self.assertGreaterEqual(tried, 4)

    def test_day_window_edges(self):
        self.assertFalse(within_hours(MONDAY.replace(hour=8, minute=59), "mon_fri", 9.0, 18.0))
        self.assertTrue(within_hours(MONDAY.replace(hour=9), "mon_fri", 9.0, 18.0))
        self.assertFalse(within_hours(MONDAY.replace(hour=18), "mon_fri", 9.0, 18.0))

    def test_saturday_depends_on_the_days_chosen(self):
        saturday = datetime(2026, 1, 10, 10, 0)
        self.assertFalse(within_hours(saturday, "mon_fri", 9.0, 18.0))
        self.assertTrue(within_hours(saturday, "mon_sat", 9.0, 18.0))

    def test_overnight_window_belongs_to_the_day_it_starts(self):
        friday_night = datetime(2026, 1, 9, 23, 0)
        saturday_early = datetime(2026, 1, 10, 2, 0)
        sunday_early = datetime(2026, 1, 11, 2, 0)
        self.assertTrue(within_hours(friday_night, "mon_fri", 22.0, 6.0))
        self.assertTrue(within_hours(saturday_early, "mon_fri", 22.0, 6.0))
        self.assertFalse(within_hours(sunday_early, "mon_fri", 22.0, 6.0))

    def test_next_opening_later_today_or_next_allowed_day(self):
        self.assertEqual(next_opening(MONDAY.replace(hour=7), "all", 9.0), MONDAY.replace(hour=9))
        saturday = datetime(2026, 1, 10, 12, 0)
        self.assertEqual(next_opening(saturday, "mon_fri", 8.5), datetime(2026, 1, 12, 8, 30))
