# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytest


@pytest.fixture
def odoo_target(pytestconfig):
    """``(odoo config file, database)`` of the suite's test run, for tests that start a real
    Odoo server on that database; skipped under plain ``pytest``."""
    db = pytestconfig.getoption("--odoo-database", None)
    config = pytestconfig.getoption("--odoo-config", None)
    if not db or not config:
        pytest.skip("needs --odoo-database and --odoo-config (make test gives them)")
    return config, db
