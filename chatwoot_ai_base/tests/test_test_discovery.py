# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every test of the suite is one Odoo's own runner runs (``odoo-bin --test-enable``).

Odoo's loader (``odoo/tests/loader.py``) only looks at the modules a ``tests`` package imports,
and only runs Odoo test cases (``odoo.tests.BaseCase`` and its subclasses: a plain
``unittest.TestCase`` has no test tags and is skipped). pytest finds the files by name, so a
forgotten import or base class goes unnoticed there: this test notices it, for every addon of
the repository, the ones added later included.
"""

import ast
import tempfile
from pathlib import Path

from odoo.tests import BaseCase

REPOSITORY = Path(__file__).resolve().parents[2]


def suite_addons():
    """The ChatwootAI addons next to this one (folders with a manifest)."""
    return sorted(
        path.parent
        for path in REPOSITORY.glob("chatwoot_ai_*/__manifest__.py")
        if (path.parent / "tests").is_dir()
    )


def imported_modules(init_file):
    """Names ``from . import name`` brings into a package's ``__init__.py``."""
    tree = ast.parse(init_file.read_text(encoding="utf-8"))
    return {
        alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.level == 1 and not node.module
        for alias in node.names
    }


def plain_unittest_classes(test_file):
    """Classes of ``test_file`` deriving straight from unittest's TestCase."""
    tree = ast.parse(test_file.read_text(encoding="utf-8"))
    unittest_names = {"unittest.TestCase"} | {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "unittest"
        for alias in node.names
        if alias.name == "TestCase"
    }
    return [
        node.name
        for node in tree.body
        if isinstance(node, ast.ClassDef)
        and any(ast.unparse(base) in unittest_names for base in node.bases)
    ]


class TestEveryTestIsRunByOdoo(BaseCase):
    def test_the_repository_has_the_five_addons(self):
        names = {addon.name for addon in suite_addons()}
        self.assertLessEqual(
            {
                "chatwoot_ai_base",
                "chatwoot_ai_analytics",
                "chatwoot_ai_social",
                "chatwoot_ai_content",
                "chatwoot_ai_campaign",
            },
            names,
        )

    def test_every_test_module_is_imported_by_its_package(self):
        missing = []
        for addon in suite_addons():
            imported = imported_modules(addon / "tests" / "__init__.py")
            files = sorted((addon / "tests").glob("test_*.py"))
            self.assertTrue(files, f"{addon.name} has tests")
            missing += [
                f"{addon.name}/tests/{path.name}" for path in files if path.stem not in imported
            ]
        self.assertEqual(missing, [], "add `from . import <module>` to the tests/__init__.py")

    def test_every_test_class_is_an_odoo_test_case(self):
        plain = [
            f"{path.relative_to(REPOSITORY)}::{name}"
            for addon in suite_addons()
            for path in sorted((addon / "tests").glob("test_*.py"))
            for name in plain_unittest_classes(path)
        ]
        self.assertEqual(plain, [], "derive from odoo.tests.BaseCase: Odoo skips plain TestCases")

    def test_the_checks_see_what_they_look_for(self):
        folder = Path(__file__).parent
        self.assertIn("test_test_discovery", imported_modules(folder / "__init__.py"))
        source = "import unittest\nfrom unittest import TestCase as TC\n"
        source += "class A(unittest.TestCase):\n    pass\nclass B(TC):\n    pass\n"
        source += "class C(BaseCase):\n    pass\n"
        probe = Path(self._tmp_file(source))
        self.assertEqual(plain_unittest_classes(probe), ["A", "B"])

    def _tmp_file(self, text):
        handle = tempfile.NamedTemporaryFile("w", suffix=".py", delete=False)  # noqa: SIM115
        with handle:
            handle.write(text)
        self.addCleanup(Path(handle.name).unlink)
        return handle.name
