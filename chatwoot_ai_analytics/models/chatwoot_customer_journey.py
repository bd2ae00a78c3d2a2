# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .chatwoot_customer_insight import JOURNEY_STAGES


class ChatwootCustomerJourney(models.Model):
    """A customer moving from one journey stage to another, recorded by the refresh.

    Grouped by month and stages, these rows are the transitions report: how many customers
    (``customer_count``) moved from "repeat" to "at risk" in March. A full refresh rebuilds the
    month-end changes of the last twelve months from the order history, one row per month and
    move with its count; every refresh also records the changes it observes against the stored
    insights, one row per customer (a customer's first one: from no stage).
    """

    _name = "chatwoot.customer.journey"
    _description = "Customer Journey Transition"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        readonly=True,
        ondelete="cascade",
        help="Empty on the rows rebuilt from history, which count several customers.",
    )
    customer_count = fields.Integer(string="Customers", default=1, readonly=True)
    date = fields.Date(required=True, readonly=True, index=True)
    from_stage = fields.Selection(JOURNEY_STAGES, readonly=True)
    to_stage = fields.Selection(JOURNEY_STAGES, required=True, readonly=True)
    from_history = fields.Boolean(
        string="Rebuilt From History",
        readonly=True,
        help="Month-end stage changes rebuilt from the order history by a full refresh, "
        "rather than observed between two refreshes.",
    )

    _partner_date_idx = models.Index("(partner_id, date)")
