# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..stats.rfm import SEGMENTS
from .chatwoot_customer_insight import CHURN_RISKS, JOURNEY_STAGES

USER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_user"


class ResPartner(models.Model):
    _inherit = "res.partner"

    chatwoot_analytics_exclude = fields.Boolean(
        string="Exclude From Customer Analytics",
        help="For anonymous default customers (POS walk-in, 'Consumidor final'...): their "
        "orders are not a real customer's history and are left out of RFM, CLV and churn.",
    )
    # The analytics queries read the excluded partners on every run: a tiny partial index
    # instead of a scan of every partner.
    _chatwoot_analytics_exclude_idx = models.Index("(id) WHERE chatwoot_analytics_exclude")
    chatwoot_insight_ids = fields.One2many(
        "chatwoot.customer.insight", "partner_id", string="Customer Insights", groups=USER_GROUP
    )
    # The insight of the current company, through the commercial partner: contacts of a
    # company show (and filter on) their company's figures.
    chatwoot_insight_id = fields.Many2one(
        "chatwoot.customer.insight",
        string="Customer Insight",
        groups=USER_GROUP,
        compute="_compute_chatwoot_insight_id",
    )
    chatwoot_rfm_segment = fields.Selection(
        SEGMENTS,
        string="RFM Segment",
        compute="_compute_chatwoot_insight_id",
        search="_search_chatwoot_rfm_segment",
        groups=USER_GROUP,
    )
    chatwoot_clv_12m = fields.Monetary(
        string="CLV (12 months)",
        compute="_compute_chatwoot_insight_id",
        currency_field="chatwoot_insight_currency_id",
        groups=USER_GROUP,
    )
    chatwoot_insight_currency_id = fields.Many2one(
        "res.currency", compute="_compute_chatwoot_insight_id", groups=USER_GROUP
    )
    chatwoot_churn_probability = fields.Float(
        string="Churn Probability",
        compute="_compute_chatwoot_insight_id",
        digits=(16, 2),
        groups=USER_GROUP,
    )
    chatwoot_churn_risk = fields.Selection(
        CHURN_RISKS,
        string="Churn Risk",
        compute="_compute_chatwoot_insight_id",
        search="_search_chatwoot_churn_risk",
        groups=USER_GROUP,
    )
    chatwoot_churn_reasons = fields.Text(
        string="Churn Reasons", compute="_compute_chatwoot_insight_id", groups=USER_GROUP
    )
    chatwoot_journey_stage = fields.Selection(
        JOURNEY_STAGES,
        string="Journey Stage",
        compute="_compute_chatwoot_insight_id",
        search="_search_chatwoot_journey_stage",
        groups=USER_GROUP,
    )

    @api.depends_context("company")
    @api.depends("commercial_partner_id")
    def _compute_chatwoot_insight_id(self):
        Insight = self.env["chatwoot.customer.insight"]
        insights = Insight.search(
            [
                ("company_id", "=", self.env.company.id),
                ("partner_id", "in", self.commercial_partner_id.ids),
            ]
        )
        by_partner = {insight.partner_id.id: insight for insight in insights}
        for partner in self:
            insight = by_partner.get(partner.commercial_partner_id.id, Insight)
            partner.chatwoot_insight_id = insight
            partner.chatwoot_rfm_segment = insight.rfm_segment
            partner.chatwoot_clv_12m = insight.clv_12m
            partner.chatwoot_insight_currency_id = (
                insight.currency_id or self.env.company.currency_id
            )
            partner.chatwoot_churn_probability = insight.churn_probability
            partner.chatwoot_churn_risk = insight.churn_risk
            partner.chatwoot_churn_reasons = insight.churn_reasons
            partner.chatwoot_journey_stage = insight.stage

    def _search_on_insight(self, field_name, operator, value):
        """Partners whose commercial partner's insight (current company) matches."""
        insights = self.env["chatwoot.customer.insight"]._search(
            [("company_id", "=", self.env.company.id), (field_name, operator, value)]
        )
        return [("commercial_partner_id", "in", insights.subselect("partner_id"))]

    def _search_chatwoot_rfm_segment(self, operator, value):
        return self._search_on_insight("rfm_segment", operator, value)

    def _search_chatwoot_churn_risk(self, operator, value):
        return self._search_on_insight("churn_risk", operator, value)

    def _search_chatwoot_journey_stage(self, operator, value):
        return self._search_on_insight("stage", operator, value)

    def action_view_chatwoot_insight(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "chatwoot.customer.insight",
            "view_mode": "form",
            "res_id": self.chatwoot_insight_id.id,
        }

    def action_view_chatwoot_timeline(self):
        """Orders and conversations of the customer (its company, for a contact)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "chatwoot_ai_analytics.chatwoot_customer_timeline_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        return action
