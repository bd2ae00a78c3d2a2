# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The messages' topic is not indexed (HOT updates by the refresh), also after an upgrade."""

import importlib.util
from pathlib import Path

from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

MIGRATION = Path(__file__).parents[1] / "migrations" / "19.0.1.3.0" / "post-migration.py"


@tagged("post_install", "-at_install")
class TestMessageTopicIndex(TransactionCase):
    def topic_indexes(self):
        self.env.cr.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'chatwoot_message'"
            " AND indexdef LIKE '%%topic_id%%'"
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def test_no_index_of_the_messages_covers_a_column_the_refresh_writes(self):
        self.env.cr.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'chatwoot_message'")
        definitions = [row[0] for row in self.env.cr.fetchall()]
        self.assertIn("chatwoot_message_pkey", " ".join(definitions))
        for column in ("topic_id", "sentiment", "intent"):
            self.assertFalse([d for d in definitions if column in d], column)

    def test_upgrade_from_19_0_1_2_drops_the_topic_index(self):
        self.env.cr.execute(
            "CREATE INDEX chatwoot_message__topic_id_index ON chatwoot_message (topic_id)"
        )
        self.assertEqual(self.topic_indexes(), ["chatwoot_message__topic_id_index"])
        spec = importlib.util.spec_from_file_location("topic_index_migration", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        # Called directly, openupgradelib's decorator finds no migration manager above it
        # and logs so: expected here.
        with mute_logger("OpenUpgrade"):
            module.migrate(self.env.cr, "19.0.1.2.0")
            self.assertEqual(self.topic_indexes(), [])
            module.migrate(self.env.cr, "19.0.1.2.0")  # runs again without failing
        self.assertEqual(self.topic_indexes(), [])
