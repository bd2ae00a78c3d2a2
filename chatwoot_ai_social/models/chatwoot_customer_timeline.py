# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

SOCIAL_TIMELINE_KINDS = [
    ("social_comment", "Social Comment"),
    ("whatsapp_message", "WhatsApp Message"),
]


class ChatwootCustomerTimeline(models.Model):
    """Customer comments (Facebook, Instagram, Mercado Livre) and WhatsApp messages."""

    _inherit = "chatwoot.customer.timeline"

    kind = fields.Selection(selection_add=SOCIAL_TIMELINE_KINDS)

    def _timeline_sources(self):
        return super()._timeline_sources() + [
            (
                2,
                SQL(
                    """
                    SELECT sc.id, rp.commercial_partner_id, sc.partner_id, sc.company_id,
                           sc.created_at, 'social_comment'::varchar,
                           CONCAT(sc.platform, ': ', LEFT(sc.body, 80))::varchar, NULL::numeric,
                           NULL::int, NULL::int, NULL::int, 'chatwoot.social.comment'::varchar,
                           sc.id
                      FROM chatwoot_social_comment sc
                      JOIN res_partner rp ON rp.id = sc.partner_id
                     WHERE sc.is_own IS NOT TRUE
                    """
                ),
            ),
            (
                3,
                SQL(
                    """
                    SELECT sm.id, rp.commercial_partner_id, sm.partner_id, sm.company_id,
                           sm.timestamp, 'whatsapp_message'::varchar,
                           CONCAT('WhatsApp: ', LEFT(sm.body, 80))::varchar, NULL::numeric,
                           NULL::int, NULL::int, NULL::int, 'chatwoot.social.message'::varchar,
                           sm.id
                      FROM chatwoot_social_message sm
                      JOIN res_partner rp ON rp.id = sm.partner_id
                    """
                ),
            ),
        ]
