# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""AI runs move to the suite's one intent vocabulary (``ai/intents.py``).

``product`` became ``purchase`` or ``price``, ``policy`` became ``shipping``,
``exchange_return``, ``price`` or ``other``, and ``greeting`` is ``other``: each old run is
classified again from its stored input by the hub's keyword rules, which made the old label.
"""

import logging

from openupgradelib import openupgrade

from odoo.addons.chatwoot_ai_base.ai.hub import classify

OLD = ("product", "policy", "greeting")
_logger = logging.getLogger(__name__)


@openupgrade.migrate()
def migrate(env, version):
    env.cr.execute("SELECT id, input_text FROM chatwoot_ai_run WHERE intent IN %s", (OLD,))
    rows = env.cr.fetchall()
    for run_id, text in rows:
        intent = classify(text or "").intent
        env.cr.execute("UPDATE chatwoot_ai_run SET intent = %s WHERE id = %s", (intent, run_id))
    _logger.info("chatwoot_ai_run: %s run(s) moved to the intent vocabulary", len(rows))
