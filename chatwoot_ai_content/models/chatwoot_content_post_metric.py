# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.chatwoot_ai_social.meta.graph import GraphAuthError, GraphError

from ..content import metrics
from .chatwoot_content_batch import JOB_CHANNEL

_logger = logging.getLogger(__name__)
#: Posts younger than this are measured every day.
MEASURED_DAYS = 30


class ChatwootContentPostMetric(models.Model):
    """A published post's counters as read on one day (the totals so far)."""

    _name = "chatwoot.content.post.metric"
    _description = "Content Post Metric"
    _order = "date desc, id desc"

    post_id = fields.Many2one(
        "chatwoot.content.post", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="post_id.company_id", store=True, index=True)
    platform = fields.Selection(related="post_id.platform", store=True)
    campaign_id = fields.Many2one(related="post_id.campaign_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    reactions = fields.Integer(aggregator="sum")
    comments = fields.Integer(aggregator="sum")
    shares = fields.Integer(aggregator="sum")
    saves = fields.Integer(aggregator="sum")
    reach = fields.Integer(aggregator="sum")
    impressions = fields.Integer(aggregator="sum")
    interactions = fields.Integer(compute="_compute_engagement", store=True, aggregator="sum")
    engagement_rate = fields.Float(
        compute="_compute_engagement", store=True, aggregator="avg", digits=(6, 4)
    )

    _post_date_uniq = models.Constraint("UNIQUE(post_id, date)", "A post is measured once a day.")

    @api.depends("reactions", "comments", "shares", "saves", "reach", "impressions")
    def _compute_engagement(self):
        for metric in self:
            metric.interactions = metric.reactions + metric.comments + metric.shares + metric.saves
            base = metric.reach or metric.impressions
            metric.engagement_rate = metric.interactions / base if base else 0.0

    @api.model
    def _cron_fetch_metrics(self):
        """Daily: queue one job per account whose recent posts are measured."""
        since = fields.Datetime.now() - timedelta(days=MEASURED_DAYS)
        posts = self.env["chatwoot.content.post"].search(
            [("state", "=", "published"), ("published_at", ">=", since)]
        )
        for account in posts.account_id:
            self.with_delay(
                channel=JOB_CHANNEL, description=f"Post metrics of {account.name}"
            )._job_fetch_metrics(posts.filtered(lambda p, a=account: p.account_id == a).ids)
        return len(posts)

    @api.model
    def _job_fetch_metrics(self, post_ids):
        """Queue job: read the counters of ``post_ids`` (one account) and keep today's row."""
        posts = self.env["chatwoot.content.post"].browse(post_ids).exists()
        if not posts:
            return "nothing to measure"
        account = posts[0].account_id
        client = account._graph_client()
        measured = 0
        try:
            for post in posts:
                try:
                    values = self._read_counters(client, post)
                except GraphAuthError:
                    raise
                except GraphError as error:
                    _logger.info("Metrics of %s not read: %s", post.external_id, error)
                    continue
                self._store(post, values)
                measured += 1
        finally:
            account._record_usage(client)
        return f"{measured} post(s) measured"

    @api.model
    def _read_counters(self, client, post):
        if post.platform == "facebook":
            node = client.get(post.external_id, params={"fields": metrics.FACEBOOK_FIELDS})
            insights = client.get(
                f"{post.external_id}/insights", params={"metric": metrics.FACEBOOK_INSIGHTS}
            )
            return metrics.facebook_metrics(node, insights)
        insights = client.get(
            f"{post.external_id}/insights", params={"metric": metrics.INSTAGRAM_INSIGHTS}
        )
        return metrics.instagram_metrics(insights)

    @api.model
    def _store(self, post, values):
        today = fields.Date.context_today(self)
        row = self.search([("post_id", "=", post.id), ("date", "=", today)], limit=1)
        if row:
            row.write(values)
        else:
            self.create({"post_id": post.id, "date": today, **values})
