# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

VERSION_REASONS = [("edit", "Edited"), ("regenerate", "Regenerated"), ("restore", "Restored")]


class ChatwootContentPieceVersion(models.Model):
    """A previous body of a piece, kept when it was edited, written again or restored.

    ``author_id`` wrote that body; ``create_uid`` and ``create_date`` say who replaced it and
    when; ``reason`` says how. Versions are history: nobody edits them, and restoring one
    keeps the body it replaces as a new version.
    """

    _name = "chatwoot.content.piece.version"
    _description = "Content Piece Version"
    _order = "id desc"

    piece_id = fields.Many2one(
        "chatwoot.content.piece", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="piece_id.company_id", store=True, index=True)
    body = fields.Text(readonly=True)
    reason = fields.Selection(VERSION_REASONS, required=True, default="edit", readonly=True)
    ai_run_id = fields.Many2one("chatwoot.ai.run", string="AI Run", readonly=True)
    author_id = fields.Many2one("res.users", string="Written By", readonly=True)
    create_uid = fields.Many2one("res.users", string="Replaced By", readonly=True)
    create_date = fields.Datetime(string="Replaced On", readonly=True)

    def action_restore(self):
        """Put this text back on its piece, as a draft to review again."""
        self.ensure_one()
        self.piece_id._restore_version(self)
        return True
