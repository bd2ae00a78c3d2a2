# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

#: What a knowledge entry is about; the agent's info crew answers policy questions from them.
KNOWLEDGE_CATEGORIES = [
    ("shipping", "Shipping"),
    ("returns", "Returns and Exchanges"),
    ("payment", "Payment"),
    ("hours", "Opening Hours"),
    ("faq", "FAQ"),
    ("other", "Other"),
]


class ChatwootKnowledge(models.Model):
    _name = "chatwoot.knowledge"
    _inherit = ["chatwoot.ormcache.mixin"]
    _description = "ChatwootAI Knowledge Entry"
    _order = "sequence, id"

    name = fields.Char(string="Title", required=True, translate=True)
    category = fields.Selection(KNOWLEDGE_CATEGORIES, required=True, default="faq", index=True)
    content = fields.Text(
        required=True,
        translate=True,
        help="What the agent may tell customers, in the shop's words.",
    )
    keywords = fields.Char(
        help="Extra words customers use for this subject (e.g. frete, entrega, correios), "
        "separated by spaces or commas: they weigh as much as the title in the search."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
