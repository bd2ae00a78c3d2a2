# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The browser-journey base every ChatwootAI addon's tours use.

A journey is an Odoo tour (``<addon>/static/tests/tours/*.js``, in ``web.assets_tests``) run in
headless Chromium by :meth:`ChatwootAITourCase.journey`, which fails on any console error, an
"Oops!" dialog included. When ``CHATWOOT_AI_SCREENSHOTS`` names a folder (``make screenshots``),
the page as the tour's last step left it is saved there as ``<screenshot>.png``::

    @tagged("post_install", "-at_install")
    class TestMyJourney(ChatwootAITourCase):
        def test_marketer_opens_the_dashboard(self):
            self.journey("/odoo", "my_tour", login=self.marketer.login, screenshot="dashboard")

The users of the three levels (``agent``, ``marketer``, ``manager``; password = login) are
created once per class.
"""

import base64
import os
from pathlib import Path
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user
from odoo.tests import common as odoo_test_common

from .common import MANAGER_GROUP, MARKETER_GROUP, USER_GROUP

SCREENSHOTS_ENV = "CHATWOOT_AI_SCREENSHOTS"


class _ScreenshotBrowser(odoo_test_common.ChromeBrowser):
    """Odoo's test browser, saving the page once the tour has succeeded."""

    screenshot_path = None

    def _wait_code_ok(self, code, timeout, error_checker=None):
        super()._wait_code_ok(code, timeout, error_checker=error_checker)
        if self.screenshot_path:
            shot = self._websocket_request("Page.captureScreenshot", params={"format": "png"})
            self.screenshot_path.write_bytes(base64.b64decode(shot["data"]))
        return None  # Odoo's method answers nothing either


class ChatwootAITourCase(HttpCase):
    """HttpCase with one user per ChatwootAI level and :meth:`journey`."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env, login="tour_agent", groups=f"base.group_user,{USER_GROUP}", name="Alice Agent"
        )
        cls.marketer = new_test_user(
            cls.env,
            login="tour_marketer",
            groups=f"base.group_user,{MARKETER_GROUP}",
            name="Mario Marketer",
        )
        cls.manager = new_test_user(
            cls.env,
            login="tour_manager",
            groups=f"base.group_user,{MANAGER_GROUP}",
            name="Marta Manager",
        )

    def journey(self, url, tour, login, screenshot=None, timeout=120):
        """Run ``tour`` from ``url`` as ``login``; keep the last page as ``screenshot``.png."""
        folder = os.environ.get(SCREENSHOTS_ENV)
        browser_class = type("ChromeBrowser", (_ScreenshotBrowser,), {})
        if folder and screenshot:
            Path(folder).mkdir(parents=True, exist_ok=True)
            browser_class.screenshot_path = Path(folder) / f"{screenshot}.png"
        with patch.object(odoo_test_common, "ChromeBrowser", browser_class):
            self.start_tour(url, tour, login=login, timeout=timeout)
