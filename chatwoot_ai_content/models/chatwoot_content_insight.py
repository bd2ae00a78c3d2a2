# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import api, fields, models

from ..content.stats import DIMENSIONS, what_works

DIMENSION_LABELS = {
    "channel": "Channel",
    "weekday": "Weekday",
    "hour": "Time of Day",
    "length": "Length",
    "tone": "Tone",
    "hashtags": "Hashtags",
    "emoji": "Emojis",
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class ChatwootContentInsight(models.Model):
    """What works: engagement rate per post feature, with the posts behind it and a 95 %
    confidence interval (the pure ``stats.what_works``), refreshed from the latest metrics."""

    _name = "chatwoot.content.insight"
    _description = "Content Insight"
    _order = "dimension, rate desc"

    company_id = fields.Many2one("res.company", required=True, index=True)
    dimension = fields.Selection([(d, DIMENSION_LABELS[d]) for d in DIMENSIONS], required=True)
    feature = fields.Char(string="Value", required=True)
    posts = fields.Integer(aggregator="sum")
    interactions = fields.Integer(aggregator="sum")
    reach = fields.Integer(aggregator="sum")
    rate = fields.Float(string="Engagement Rate", digits=(6, 4), aggregator="avg")
    ci_low = fields.Float(string="CI Low", digits=(6, 4), aggregator="min")
    ci_high = fields.Float(string="CI High", digits=(6, 4), aggregator="max")
    reliable = fields.Boolean(help="At least 10 posts: enough to act on.")

    @api.model
    def _post_rows(self, company):
        """One plain dict per published post of ``company``, with its latest counters."""
        tz = pytz.timezone(company.partner_id.tz or "America/Sao_Paulo")
        tone = self.env["chatwoot.brand.voice"]._pure_voice(company).tone
        latest = {}
        for metric in self.env["chatwoot.content.post.metric"].search(
            [("company_id", "=", company.id)], order="date asc, id asc"
        ):
            latest[metric.post_id] = metric
        rows = []
        for post, metric in latest.items():
            published = post.published_at or post.scheduled_at
            rows.append(
                {
                    "channel": post.platform,
                    "interactions": metric.interactions,
                    "reach": metric.reach or metric.impressions,
                    "text": post.message or "",
                    "published": pytz.utc.localize(published).astimezone(tz).replace(tzinfo=None),
                    "tone": tone,
                }
            )
        return rows

    def action_refresh(self):
        """Recompute the cells of the user's companies (a list button: whatever the
        selection, every cell of the allowed companies is recomputed)."""
        for company in self.env.companies:
            cells = what_works(self._post_rows(company))
            self.sudo().search([("company_id", "=", company.id)]).unlink()
            self.sudo().create(
                [
                    {
                        "company_id": company.id,
                        "dimension": cell.dimension,
                        "feature": WEEKDAYS[int(cell.value)]
                        if cell.dimension == "weekday"
                        else cell.value,
                        "posts": cell.posts,
                        "interactions": cell.interactions,
                        "reach": cell.reach,
                        "rate": cell.rate,
                        "ci_low": cell.ci_low,
                        "ci_high": cell.ci_high,
                        "reliable": cell.reliable,
                    }
                    for cell in cells
                ]
            )
        return self.env["ir.actions.act_window"]._for_xml_id(
            "chatwoot_ai_content.chatwoot_content_insight_action"
        )
