# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""``chatwoot.message.topic_id`` is no longer indexed: its index goes (Odoo keeps an index a
field no longer asks for). With no index on the columns a refresh writes, a classified
message is rewritten in place on its page (a HOT update) instead of in all its indexes."""

from openupgradelib import openupgrade

TOPIC_INDEX = "chatwoot_message__topic_id_index"


@openupgrade.migrate()
def migrate(env, version):
    openupgrade.logged_query(env.cr, f"DROP INDEX IF EXISTS {TOPIC_INDEX}")
