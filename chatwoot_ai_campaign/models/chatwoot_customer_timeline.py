# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

CAMPAIGN_TIMELINE_KINDS = [
    ("campaign_send", "Campaign Message"),
    ("campaign_reply", "Campaign Reply"),
]


class ChatwootCustomerTimeline(models.Model):
    """Campaign sends and the replies they got, on the customer timeline (slots 7-8)."""

    _inherit = "chatwoot.customer.timeline"

    kind = fields.Selection(selection_add=CAMPAIGN_TIMELINE_KINDS)

    def _timeline_sources(self):
        return super()._timeline_sources() + [
            (
                slot,
                SQL(
                    """
                    SELECT r.id, rp.commercial_partner_id, r.partner_id, c.company_id,
                           r.%(stamp)s, %(kind)s::varchar, c.name::varchar,
                           NULL::numeric, NULL::int, NULL::int, NULL::int,
                           'chatwoot.campaign.recipient'::varchar, r.id
                      FROM chatwoot_campaign_recipient r
                      JOIN chatwoot_campaign c ON c.id = r.campaign_id
                      JOIN res_partner rp ON rp.id = r.partner_id
                     WHERE r.%(stamp)s IS NOT NULL
                    """,
                    stamp=SQL.identifier(stamp),
                    kind=kind,
                ),
            )
            for slot, stamp, kind in (
                (7, "sent_at", "campaign_send"),
                (8, "replied_at", "campaign_reply"),
            )
        ]
