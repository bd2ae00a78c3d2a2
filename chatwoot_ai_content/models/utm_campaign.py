# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UtmCampaign(models.Model):
    """Campaign planning: its posts and pieces, budget and cost, clicks, orders and ROI."""

    _inherit = "utm.campaign"

    content_budget = fields.Float(string="Budget", help="What the campaign may spend.")
    content_cost = fields.Float(string="Cost", help="What it cost: the ROI is computed on it.")
    content_post_ids = fields.One2many("chatwoot.content.post", "campaign_id", string="Posts")
    content_piece_ids = fields.One2many("chatwoot.content.piece", "campaign_id", string="Pieces")
    content_clicks = fields.Integer(string="Clicks", compute="_compute_content_results")
    content_orders = fields.Integer(string="Orders", compute="_compute_content_results")
    content_revenue = fields.Float(string="Revenue", compute="_compute_content_results")
    content_conversion = fields.Float(
        string="Conversion Rate (%)", compute="_compute_content_results"
    )
    content_roi = fields.Float(string="ROI (%)", compute="_compute_content_results")

    def _compute_content_results(self):
        rows = self.env["chatwoot.content.conversion.report"]._read_group(
            [("campaign_id", "in", self.ids)],
            ["campaign_id"],
            ["clicks:sum", "orders:sum", "revenue:sum"],
        )
        results = {
            campaign: (clicks, orders, revenue) for campaign, clicks, orders, revenue in rows
        }
        for campaign in self:
            clicks, orders, revenue = results.get(campaign, (0, 0, 0.0))
            campaign.content_clicks = clicks
            campaign.content_orders = orders
            campaign.content_revenue = revenue
            campaign.content_conversion = 100.0 * orders / clicks if clicks else 0.0
            cost = campaign.content_cost
            campaign.content_roi = 100.0 * (revenue - cost) / cost if cost else 0.0

    def action_content_calendar(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "chatwoot_ai_content.chatwoot_content_post_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action
