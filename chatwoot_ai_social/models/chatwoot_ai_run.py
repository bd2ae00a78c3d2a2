# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ChatwootAiRun(models.Model):
    """Runs of the social-media crew: a draft for a public comment, not a Chatwoot reply.

    Such a run has no Chatwoot account or conversation; its company is the comment's.
    """

    _inherit = "chatwoot.ai.run"

    kind = fields.Selection(
        selection_add=[("social", "Social Reply Draft")], ondelete={"social": "cascade"}
    )
    account_id = fields.Many2one(required=False)
    conversation_id = fields.Many2one(required=False)
    social_comment_id = fields.Many2one(
        "chatwoot.social.comment",
        string="Social Comment",
        index="btree_not_null",
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        "res.company", related=False, compute="_compute_company_id", store=True, index=True
    )

    @api.depends("account_id.company_id", "social_comment_id.company_id")
    def _compute_company_id(self):
        for run in self:
            run.company_id = run.account_id.company_id or run.social_comment_id.company_id
