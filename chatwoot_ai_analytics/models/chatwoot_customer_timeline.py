# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

TIMELINE_KINDS = [("order", "Order"), ("conversation", "Conversation")]


class ChatwootCustomerTimeline(models.Model):
    """Orders and conversations of each customer on one time axis (a read-only SQL view).

    Contacts roll up to their commercial partner, like the insights; cancelled and draft
    orders are left out.
    """

    _name = "chatwoot.customer.timeline"
    _description = "Customer Timeline"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "name"

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    contact_id = fields.Many2one("res.partner", string="Contact", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date = fields.Datetime(readonly=True)
    kind = fields.Selection(TIMELINE_KINDS, readonly=True)
    name = fields.Char(string="Event", readonly=True)
    amount = fields.Monetary(string="Amount", readonly=True, currency_field="currency_id")
    currency_id = fields.Many2one("res.currency", readonly=True)
    sale_order_id = fields.Many2one("sale.order", string="Order", readonly=True)
    conversation_id = fields.Many2one("chatwoot.conversation", string="Conversation", readonly=True)

    def init(self):
        # Ids are interleaved (orders even, conversations odd) so that they stay unique.
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT so.id * 2 AS id, rp.commercial_partner_id AS partner_id,
                           so.partner_id AS contact_id, so.company_id, so.date_order AS date,
                           'order' AS kind, so.name, so.amount_total AS amount,
                           so.currency_id, so.id AS sale_order_id, NULL::int AS conversation_id
                      FROM sale_order so
                      JOIN res_partner rp ON rp.id = so.partner_id
                     WHERE so.state = 'sale'
                    UNION ALL
                    SELECT c.id * 2 + 1, rp.commercial_partner_id, c.partner_id, c.company_id,
                           c.created_at, 'conversation',
                           CONCAT('#', c.display_id, ' ', c.channel_type), NULL, NULL, NULL,
                           c.id
                      FROM chatwoot_conversation c
                      JOIN res_partner rp ON rp.id = c.partner_id
                )
                """,
                SQL.identifier(self._table),
            )
        )
