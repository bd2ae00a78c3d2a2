# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import json

from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_analytics.dashboard import spreadsheet

from ..dispatch.constants import FUNNEL_STAGES

OVERVIEW_DASHBOARD = "chatwoot_ai_analytics.spreadsheet_dashboard_chatwoot_ai_overview"
SHEET_ID = "campaigns"


class ChatwootCampaignFunnel(models.Model):
    """The live funnel: one row per recipient and per stage it reached (queued → sent →
    delivered → read → replied → converted), for graphs and pivots per campaign/variant."""

    _name = "chatwoot.campaign.funnel"
    _description = "Campaign Funnel"
    _auto = False
    _order = "campaign_id, stage_rank"

    campaign_id = fields.Many2one("chatwoot.campaign", readonly=True)
    variant_id = fields.Many2one("chatwoot.campaign.variant", readonly=True)
    sender_id = fields.Many2one("chatwoot.campaign.sender", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    channel = fields.Selection(related="campaign_id.channel")
    stage = fields.Selection(FUNNEL_STAGES, readonly=True)
    stage_rank = fields.Integer(readonly=True, aggregator=False)
    recipient_count = fields.Integer(string="People", readonly=True)
    revenue = fields.Monetary(readonly=True, currency_field="currency_id")
    currency_id = fields.Many2one("res.currency", readonly=True)
    date = fields.Datetime(string="Sent On", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        stages = ", ".join(f"('{key}', {rank})" for rank, (key, _label) in enumerate(FUNNEL_STAGES))
        self.env.cr.execute(
            SQL(
                f"""
                CREATE OR REPLACE VIEW %s AS (
                    SELECT r.id * 8 + s.rank AS id, r.campaign_id, r.variant_id, r.sender_id,
                           c.company_id, s.stage, s.rank AS stage_rank, 1 AS recipient_count,
                           CASE WHEN s.stage = 'converted' THEN r.revenue ELSE 0 END AS revenue,
                           co.currency_id, r.sent_at AS date
                      FROM chatwoot_campaign_recipient r
                      JOIN chatwoot_campaign c ON c.id = r.campaign_id
                      JOIN res_company co ON co.id = c.company_id
                      JOIN (VALUES {stages}) AS s(stage, rank)
                        ON s.rank <= CASE r.state
                               WHEN 'queued' THEN 0 WHEN 'sending' THEN 0
                               WHEN 'failed' THEN 0 WHEN 'cancelled' THEN 0
                               WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3
                               WHEN 'replied' THEN 4 WHEN 'converted' THEN 5 ELSE -1 END
                )
                """,  # noqa: S608 — the stage list is our own constant
                SQL.identifier(self._table),
            )
        )

    @api.model
    def _add_dashboard_sheet(self):
        """Add the *Campaigns* sheet to the ChatwootAI Overview dashboard (once)."""
        dashboard = self.env.ref(OVERVIEW_DASHBOARD, raise_if_not_found=False)
        if not dashboard:
            return False
        workbook = json.loads(base64.b64decode(dashboard.spreadsheet_binary_data or b"{}"))
        if not workbook.get("sheets") or SHEET_ID in {s["id"] for s in workbook["sheets"]}:
            return False
        sheet = spreadsheet.new_sheet(SHEET_ID, "Campaigns")
        sheet["figures"] += [
            spreadsheet.chart(
                "campaign-funnel", "Campaign funnel", self._name, ["stage"],
                measure="recipient_count", position=(0, 2),
            ),
            spreadsheet.chart(
                "campaign-revenue", "Revenue by campaign", self._name, ["campaign_id"],
                measure="revenue", position=(3, 2),
            ),
        ]  # fmt: skip
        sheet["cells"].update(
            {
                "A1": '=_t("Campaigns")',
                "A18": '=_t("Funnel per campaign")',
                "A19": '=PIVOT("{pivot:campaigns}")',
            }
        )
        spreadsheet.add_sheet(
            workbook,
            sheet,
            {
                "campaigns": spreadsheet.pivot(
                    self._name, "Campaign funnel", ["campaign_id", "stage"],
                    measures=("recipient_count", "revenue"),
                )
            },
        )  # fmt: skip
        dashboard.spreadsheet_binary_data = base64.b64encode(json.dumps(workbook).encode())
        return True
