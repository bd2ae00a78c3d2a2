# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..dispatch.stopwords import detect_stop


class ChatwootBot(models.AbstractModel):
    _inherit = "chatwoot.bot"

    @api.model
    def _messages_handled_elsewhere(self, messages):
        """Opt-out keywords are confirmed by the campaigns, not answered by the agent."""
        return super()._messages_handled_elsewhere(messages) | messages.filtered(
            lambda m: detect_stop(m.content or "")
        )
