# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from functools import partial

from odoo import api, models


def _predict_one(model, text):
    return model.predict([text])[0]


class ChatwootBot(models.AbstractModel):
    _inherit = "chatwoot.bot"

    @api.model
    def _intent_model(self):
        """The analytics classifier routes the agent's hub (see ``ai.hub.classify``): trained on
        the labelled chat messages, it reads phrasings the hub's keyword rules miss."""
        from ..stats.intent import IntentModel  # pylint: disable=import-outside-toplevel

        return partial(_predict_one, IntentModel.default())
