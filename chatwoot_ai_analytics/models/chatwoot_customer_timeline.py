# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

TIMELINE_KINDS = [("order", "Order"), ("conversation", "Conversation")]
#: The view's id is ``source_key * TIMELINE_SLOTS + slot``.
TIMELINE_SLOTS = 16


class ChatwootCustomerTimeline(models.Model):
    """Every event of each customer on one time axis (a read-only SQL view).

    Orders and conversations come from this addon; other addons add their sources through
    :meth:`_timeline_sources` (social comments and WhatsApp messages, campaign sends).

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

    res_model = fields.Char(string="Document Model", readonly=True)
    res_id = fields.Many2oneReference(string="Document", model_field="res_model", readonly=True)

    def _timeline_sources(self):
        """``[(slot, SQL)]``: one ``SELECT`` per kind of event, which other addons extend.

        Every ``SELECT`` returns, in this order: ``source_key`` (an int unique inside its
        source), ``partner_id``, ``contact_id``, ``company_id``, ``date``, ``kind``, ``name``,
        ``amount``, ``currency_id``, ``sale_order_id``, ``conversation_id``, ``res_model``
        (varchar) and ``res_id`` (int). The view's id is ``source_key * 16 + slot``, so slots
        (0-15) keep ids unique across sources: analytics uses 0-1, social 2-4, content 5-6,
        campaign 7-9. An addon adds its kinds with ``selection_add`` and its sources with::

            def _timeline_sources(self):
                return super()._timeline_sources() + [(2, SQL("SELECT ..."))]
        """
        return [
            (
                0,
                SQL(
                    """
                    SELECT so.id AS source_key, rp.commercial_partner_id AS partner_id,
                           so.partner_id AS contact_id, so.company_id, so.date_order AS date,
                           'order'::varchar AS kind, so.name::varchar AS name,
                           so.amount_total AS amount, so.currency_id, so.id AS sale_order_id,
                           NULL::int AS conversation_id, 'sale.order'::varchar AS res_model,
                           so.id AS res_id
                      FROM sale_order so
                      JOIN res_partner rp ON rp.id = so.partner_id
                     WHERE so.state = 'sale'
                    """
                ),
            ),
            (
                1,
                SQL(
                    """
                    SELECT c.id, rp.commercial_partner_id, c.partner_id, c.company_id,
                           c.created_at, 'conversation'::varchar,
                           CONCAT('#', c.display_id, ' ', c.channel_type)::varchar, NULL::numeric,
                           NULL::int, NULL::int, c.id, 'chatwoot.conversation'::varchar, c.id
                      FROM chatwoot_conversation c
                      JOIN res_partner rp ON rp.id = c.partner_id
                    """
                ),
            ),
        ]

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        sources = sorted(self._timeline_sources(), key=lambda source: source[0])
        slots = [slot for slot, _query in sources]
        if len(set(slots)) != len(slots) or not all(0 <= slot < TIMELINE_SLOTS for slot in slots):
            raise ValueError(f"timeline slots must be distinct and within 0-15: {slots}")
        selects = [
            SQL(
                """
                SELECT s.source_key * %(slots)s + %(slot)s AS id, s.partner_id, s.contact_id,
                       s.company_id, s.date, s.kind, s.name, s.amount, s.currency_id,
                       s.sale_order_id, s.conversation_id, s.res_model, s.res_id
                  FROM (%(query)s) AS s(source_key, partner_id, contact_id, company_id, date,
                                        kind, name, amount, currency_id, sale_order_id,
                                        conversation_id, res_model, res_id)
                """,
                slots=TIMELINE_SLOTS,
                slot=slot,
                query=query,
            )
            for slot, query in sources
        ]
        self.env.cr.execute(
            SQL(
                "CREATE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(" UNION ALL ").join(selects),
            )
        )
