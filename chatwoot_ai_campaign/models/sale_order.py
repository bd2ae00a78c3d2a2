# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class SaleOrder(models.Model):
    """A confirmed order converts the person's latest campaign send within its attribution
    window; the order is credited to that campaign's UTM."""

    _inherit = "sale.order"

    def _action_confirm(self):
        result = super()._action_confirm()
        self._attribute_to_campaigns()
        return result

    def _attribute_to_campaigns(self):
        Recipient = self.env["chatwoot.campaign.recipient"].sudo()
        for order in self:
            rows = self.env.execute_query(
                SQL(
                    """
                    SELECT r.id, c.utm_campaign_id FROM chatwoot_campaign_recipient r
                      JOIN chatwoot_campaign c ON c.id = r.campaign_id
                      JOIN res_partner rp ON rp.id = r.partner_id
                     WHERE rp.commercial_partner_id = %s
                       AND r.state IN ('sent', 'delivered', 'read', 'replied')
                       AND r.sent_at <= %s
                       AND r.sent_at >= %s - make_interval(days => c.attribution_days)
                       AND (%s::int IS NULL OR c.utm_campaign_id = %s)
                  ORDER BY r.sent_at DESC LIMIT 1
                    """,
                    order.partner_id.commercial_partner_id.id,
                    order.date_order,
                    order.date_order,
                    order.campaign_id.id or None,
                    order.campaign_id.id or None,
                )
            )
            if not rows:
                continue
            recipient_id, utm_id = rows[0]
            moved = Recipient._advance(
                [recipient_id], "converted", sale_order_id=order.id, revenue=order.amount_total
            )
            if moved and not order.campaign_id and utm_id:
                order.campaign_id = utm_id
