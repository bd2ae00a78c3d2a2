# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

CONTENT_TIMELINE_KINDS = [("content_post", "Content Post")]


class ChatwootCustomerTimeline(models.Model):
    """Published posts on the timeline of the customers they reached (slots 5-6): those who
    commented on them and those who bought through their tracked link."""

    _inherit = "chatwoot.customer.timeline"

    kind = fields.Selection(selection_add=CONTENT_TIMELINE_KINDS)

    def _timeline_sources(self):
        return super()._timeline_sources() + [
            (
                5,
                # One row per post and customer: the key is the customer's first comment on it.
                SQL(
                    """
                    SELECT MIN(sc.id), rp.commercial_partner_id, MIN(sc.partner_id),
                           p.company_id, p.published_at, 'content_post'::varchar,
                           CONCAT(p.platform, ': ', p.name)::varchar, NULL::numeric,
                           NULL::int, NULL::int, NULL::int, 'chatwoot.content.post'::varchar,
                           p.id
                      FROM chatwoot_content_post p
                      JOIN chatwoot_social_comment sc ON sc.account_id = p.account_id
                      LEFT JOIN chatwoot_social_post sp ON sp.id = sc.post_id
                      JOIN res_partner rp ON rp.id = sc.partner_id
                     WHERE p.state = 'published'
                       AND sc.is_own IS NOT TRUE
                       AND p.external_id IN (sc.post_external_id, sp.external_id)
                     GROUP BY p.id, rp.commercial_partner_id
                    """
                ),
            ),
            (
                6,
                # Each post has a UTM source of its own, which its tracked link puts on orders.
                SQL(
                    """
                    SELECT so.id, rp.commercial_partner_id, so.partner_id, p.company_id,
                           p.published_at, 'content_post'::varchar,
                           CONCAT(p.platform, ': ', p.name)::varchar, NULL::numeric,
                           NULL::int, so.id, NULL::int, 'chatwoot.content.post'::varchar, p.id
                      FROM chatwoot_content_post p
                      JOIN sale_order so ON so.source_id = p.source_id
                      JOIN res_partner rp ON rp.id = so.partner_id
                     WHERE p.state = 'published' AND so.state = 'sale'
                    """
                ),
            ),
        ]
