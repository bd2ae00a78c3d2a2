# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .chatwoot_content_piece import PIECE_KINDS


class ChatwootContentKind(models.Model):
    """A kind of piece the crew writes, to pick several of them in a batch."""

    _name = "chatwoot.content.kind"
    _description = "Content Kind"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(PIECE_KINDS, required=True)
    sequence = fields.Integer(default=10)

    _code_uniq = models.Constraint("UNIQUE(code)", "A kind is listed once.")
