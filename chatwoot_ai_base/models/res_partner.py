# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    chatwoot_conversation_ids = fields.One2many(
        "chatwoot.conversation", "partner_id", string="Chatwoot Conversations"
    )
    chatwoot_conversation_count = fields.Integer(
        string="Conversations", compute="_compute_chatwoot_conversation_count"
    )

    def _compute_chatwoot_conversation_count(self):
        counts = dict(
            self.env["chatwoot.conversation"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.chatwoot_conversation_count = counts.get(partner, 0)

    def action_view_chatwoot_conversations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "chatwoot_ai_base.chatwoot_conversation_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
