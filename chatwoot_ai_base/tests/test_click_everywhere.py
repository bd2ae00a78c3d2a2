# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every ChatwootAI screen opens in the browser, for each level that can reach it.

Odoo's own clickbot (``web``'s ``startClickEverywhere``, what Odoo runs on its apps) opens
every menu of the ChatwootAI app in headless Chromium, switches to each of its views and
applies each filter, failing on any console error or "Oops!" dialog: 46 menus and 343
filters for a Manager with the five addons. It runs for each level (an Agent sees the
conversations, a Marketer the analytics, content, social and campaigns, a Manager also the
configuration), with whichever ChatwootAI addons are installed, and under ``make test
STOCK=1`` with ``sale_stock`` too."""

from odoo.tests import tagged

from .tour_case import ChatwootAITourCase

CLICKBOT = (
    "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
    ".startClickEverywhere('chatwoot_ai_base.menu_chatwoot_ai_root');"
)


@tagged("post_install", "-at_install")
class TestEveryScreenOpens(ChatwootAITourCase):
    allow_end_on_form = True

    def click_everywhere(self, user):
        self.browser_js(
            "/odoo",
            CLICKBOT,
            "odoo.isReady === true",
            login=user.login,
            timeout=900,
            success_signal="clickbot test succeeded",
        )

    def test_every_screen_opens_for_an_agent(self):
        self.click_everywhere(self.agent)

    def test_every_screen_opens_for_a_marketer(self):
        self.click_everywhere(self.marketer)

    def test_every_screen_opens_for_a_manager(self):
        self.click_everywhere(self.manager)
