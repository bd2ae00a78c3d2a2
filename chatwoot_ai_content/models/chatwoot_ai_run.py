# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ChatwootAiRun(models.Model):
    """Content runs are logged with the agent's: no Chatwoot conversation behind them.

    The company of an agent run still follows its Chatwoot account (a social run, its
    comment); a content run names its company itself, so the company rule, the monthly token
    budget and the cost reports count it like any other run.
    """

    _inherit = "chatwoot.ai.run"

    kind = fields.Selection(
        selection_add=[("content", "Content Piece")], ondelete={"content": "cascade"}
    )
    # Stored and computed by the social addon (from the account or the comment); a content run
    # has neither, so its company is the one written at create.
    company_id = fields.Many2one(
        "res.company",
        related=False,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product", index="btree_not_null", ondelete="set null"
    )

    @api.depends("account_id.company_id", "social_comment_id.company_id")
    def _compute_company_id(self):
        linked = self.filtered(lambda run: run.account_id or run.social_comment_id)
        return super(ChatwootAiRun, linked)._compute_company_id()
