# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..dispatch.bandit import Arm
from ..dispatch.constants import PLACEHOLDERS

#: The content addon's writer, used when it is installed (neither addon depends on the other).
CONTENT_WRITER = "chatwoot.content.crew"
MAX_AI_VARIANTS = 5


class ChatwootCampaignVariant(models.Model):
    """One version of a campaign's message (A/B/n); Thompson sampling shares the sends."""

    _name = "chatwoot.campaign.variant"
    _description = "Campaign Variant"
    _order = "campaign_id, sequence, id"

    campaign_id = fields.Many2one(
        "chatwoot.campaign", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, default="A")
    message = fields.Text(required=True)
    template_name = fields.Char(string="WhatsApp Template")
    ai_run_id = fields.Many2one(
        "chatwoot.ai.run", string="AI Run", readonly=True, copy=False, ondelete="set null"
    )
    sent_count = fields.Integer(string="Sends", compute="_compute_stats")
    success_count = fields.Integer(string="Successes", compute="_compute_stats")
    posterior_mean = fields.Float(compute="_compute_stats", digits=(16, 4))
    interval_low = fields.Float(string="95% Low", compute="_compute_stats", digits=(16, 4))
    interval_high = fields.Float(string="95% High", compute="_compute_stats", digits=(16, 4))
    send_share = fields.Float(string="Share of Sends", compute="_compute_stats", digits=(16, 3))

    @api.model
    def _ai_writer_available(self):
        return CONTENT_WRITER in self.env

    @api.model
    def _write_with_ai(self, campaign, count):
        """Add ``count`` variants written by the content crew (offline unless the company
        chose a model), each linked to its AI run; the new variants."""
        if not self._ai_writer_available():
            raise UserError(self.env._("Install ChatwootAI Content to write variants with AI."))
        count = max(1, min(count, MAX_AI_VARIANTS))
        placeholders = [name for name in PLACEHOLDERS if name != "coupon" or campaign.coupon]
        written = self.env[CONTENT_WRITER]._write_message_variants(
            campaign.company_id,
            {
                "campaign": campaign.name,
                "goal": campaign.goal,
                "offer": campaign.ai_offer or "",
                "coupon": campaign.coupon or "",
                "placeholders": placeholders,
            },
            count,
            language=campaign.template_language or None,
        )
        taken = set(campaign.variant_ids.mapped("name"))
        names = (chr(code) for code in range(ord("A"), ord("Z") + 1))
        free = [name for name in names if name not in taken]
        last = max(campaign.variant_ids.mapped("sequence") or [0])
        return self.create(
            [
                {
                    "campaign_id": campaign.id,
                    "name": free[index] if index < len(free) else f"AI {index + 1}",
                    "sequence": last + index + 1,
                    "message": item["message"],
                    "ai_run_id": item["ai_run_id"],
                }
                for index, item in enumerate(written)
            ]
        )

    @api.model
    def _arms(self, campaign):
        """Bandit arms of ``campaign``'s variants from the recipients' outcomes so far."""
        success_states = ("replied", "converted") if campaign.goal == "reply" else ("converted",)
        rows = self.env["chatwoot.campaign.recipient"]._read_group(
            [
                ("campaign_id", "=", campaign.id),
                ("variant_id", "!=", False),
                ("state", "not in", ("queued", "skipped", "cancelled")),
            ],
            ["variant_id", "state"],
            ["__count"],
        )
        trials, successes = {}, {}
        for variant, state, count in rows:
            trials[variant.id] = trials.get(variant.id, 0) + count
            if state in success_states:
                successes[variant.id] = successes.get(variant.id, 0) + count
        return [
            Arm(variant.id, trials.get(variant.id, 0), successes.get(variant.id, 0))
            for variant in campaign.variant_ids
        ]

    def _compute_stats(self):
        for campaign in self.campaign_id:
            arms = {arm.variant_id: arm for arm in self._arms(campaign)}
            total = sum(arm.trials for arm in arms.values()) or 1
            for variant in self.filtered(lambda v, c=campaign: v.campaign_id == c):
                arm = arms.get(variant.id, Arm(variant.id))
                low, high = arm.interval()
                variant.sent_count = arm.trials
                variant.success_count = arm.successes
                variant.posterior_mean = arm.mean
                variant.interval_low, variant.interval_high = low, high
                variant.send_share = arm.trials / total
        (self - self.filtered("campaign_id")).update(
            {"sent_count": 0, "success_count": 0, "posterior_mean": 0, "send_share": 0}
        )
