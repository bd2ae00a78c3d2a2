# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .chatwoot_customer_insight import JOURNEY_STAGES


class ChatwootCustomerJourney(models.Model):
    """A customer moving from one journey stage to another, recorded by the refresh.

    Grouped by month and stages, these rows are the transitions report: how many customers
    moved from "repeat" to "at risk" in March. A customer's first refresh records the move
    from no stage to its current one.
    """

    _name = "chatwoot.customer.journey"
    _description = "Customer Journey Transition"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, readonly=True, ondelete="cascade"
    )
    date = fields.Date(required=True, readonly=True, index=True)
    from_stage = fields.Selection(JOURNEY_STAGES, readonly=True)
    to_stage = fields.Selection(JOURNEY_STAGES, required=True, readonly=True)

    _partner_date_idx = models.Index("(partner_id, date)")
