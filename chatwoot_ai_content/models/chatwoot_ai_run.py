# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ChatwootAiRun(models.Model):
    """Content runs are logged with the agent's: no Chatwoot conversation behind them.

    The company of an agent run still follows its Chatwoot account; a content run names its
    company itself, so the company rule, the monthly token budget and the cost reports count
    it like any other run.
    """

    _inherit = "chatwoot.ai.run"

    kind = fields.Selection(
        selection_add=[("content", "Content Piece")], ondelete={"content": "cascade"}
    )
    account_id = fields.Many2one(required=False)
    conversation_id = fields.Many2one(required=False)
    company_id = fields.Many2one(
        "res.company",
        related=None,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product", index="btree_not_null", ondelete="set null"
    )

    @api.depends("account_id.company_id")
    def _compute_company_id(self):
        for run in self:
            if run.account_id:
                run.company_id = run.account_id.company_id
