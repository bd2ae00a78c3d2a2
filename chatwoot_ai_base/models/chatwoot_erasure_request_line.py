# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ChatwootErasureRequestLine(models.Model):
    """How many records of one kind an erasure removed or anonymised: a count, no data."""

    _name = "chatwoot.erasure.request.line"
    _description = "ChatwootAI Erasure Count"
    _order = "request_id, sequence, id"

    request_id = fields.Many2one(
        "chatwoot.erasure.request", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    model = fields.Char(string="Technical Name", required=True)
    model_description = fields.Char(string="Data", required=True)
    count = fields.Integer(required=True)
