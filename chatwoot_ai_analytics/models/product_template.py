# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    bought_together_ids = fields.One2many(
        "chatwoot.product.affinity",
        "product_tmpl_id",
        string="Bought Together",
        readonly=True,
        groups="chatwoot_ai_base.group_chatwoot_ai_user",
    )
    bought_together_count = fields.Integer(
        compute="_compute_bought_together_count", groups="chatwoot_ai_base.group_chatwoot_ai_user"
    )

    def _compute_bought_together_count(self):
        counts = dict(
            self.env["chatwoot.product.affinity"]._read_group(
                [("product_tmpl_id", "in", self.ids)], ["product_tmpl_id"], ["__count"]
            )
        )
        for template in self:
            template.bought_together_count = counts.get(template, 0)

    def action_open_bought_together(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "chatwoot_ai_analytics.chatwoot_product_affinity_action"
        )
        action["domain"] = [("product_tmpl_id", "=", self.id)]
        action["context"] = {"search_default_product_tmpl_id": self.id}
        return action
