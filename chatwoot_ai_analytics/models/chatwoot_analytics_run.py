# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

RUN_STATES = [("running", "Running"), ("done", "Done"), ("failed", "Failed")]


class ChatwootAnalyticsRun(models.Model):
    """One customer-analytics refresh of one company, with the population fits it used.

    A full run fits the population models (RFM thresholds, BG/NBD, Gamma-Gamma, clusters, churn
    classifier) and stores them here; an incremental run scores only the changed customers with
    the fits of the last full run (``base_run_id``), so both score a customer the same way.
    """

    _name = "chatwoot.analytics.run"
    _description = "Customer Analytics Run"
    _order = "id desc"

    name = fields.Char(required=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    incremental = fields.Boolean(readonly=True)
    base_run_id = fields.Many2one(
        "chatwoot.analytics.run",
        string="Fits From",
        readonly=True,
        help="Full run whose population fits this incremental run reused.",
    )
    state = fields.Selection(RUN_STATES, required=True, default="running", readonly=True)
    started_at = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    duration = fields.Float(string="Duration (s)", readonly=True, digits=(16, 2))
    progress = fields.Integer(string="Progress (%)", readonly=True)
    progress_message = fields.Char(readonly=True)
    customer_count = fields.Integer(string="Customers Refreshed", readonly=True)
    buyer_count = fields.Integer(string="Customers With Orders", readonly=True)
    removed_count = fields.Integer(string="Insights Removed", readonly=True)
    error = fields.Text(readonly=True)
    # BG/NBD (weekly time unit) and Gamma-Gamma parameters of the CLV model.
    bgnbd_r = fields.Float(string="BG/NBD r", readonly=True, digits=(16, 4))
    bgnbd_alpha = fields.Float(string="BG/NBD alpha", readonly=True, digits=(16, 4))
    bgnbd_a = fields.Float(string="BG/NBD a", readonly=True, digits=(16, 4))
    bgnbd_b = fields.Float(string="BG/NBD b", readonly=True, digits=(16, 4))
    gg_p = fields.Float(string="Gamma-Gamma p", readonly=True, digits=(16, 4))
    gg_q = fields.Float(string="Gamma-Gamma q", readonly=True, digits=(16, 4))
    gg_v = fields.Float(string="Gamma-Gamma v", readonly=True, digits=(16, 4))
    clv_fit_source = fields.Selection(
        [
            ("fitted", "Fitted on this company"),
            ("spend_prior", "Purchases fitted, spend from the mean order value"),
            ("prior", "Prior (too few customers)"),
        ],
        string="CLV Parameters",
        readonly=True,
    )
    churn_auc = fields.Float(
        string="Churn AUC",
        readonly=True,
        digits=(16, 3),
        help="Area under the ROC curve of the churn classifier on a temporal holdout: trained "
        "on the customers' behaviour before an earlier cutoff, scored on whether they bought "
        "in the following window.",
    )
    churn_model_kind = fields.Char(string="Churn Classifier", readonly=True)
    churn_holdout_size = fields.Integer(string="Holdout Customers", readonly=True)
    churn_model = fields.Binary(
        string="Churn Classifier Data",
        attachment=False,
        readonly=True,
        groups="chatwoot_ai_base.group_chatwoot_ai_manager",
    )
    cluster_count = fields.Integer(string="Clusters", readonly=True)
    cluster_silhouette = fields.Float(string="Silhouette", readonly=True, digits=(16, 3))
    fits_json = fields.Text(string="Population Fits", readonly=True)

    def _fits(self):
        """The stored population fits as a dict (empty when this run stored none)."""
        self.ensure_one()
        return json.loads(self.fits_json) if self.fits_json else {}

    def _report_progress(self, percent, message):
        """Progress of the refresh, in the run record, the server log and, when a user started
        it, a notification to that user."""
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                "UPDATE chatwoot_analytics_run SET progress = %s, progress_message = %s "
                "WHERE id = %s",
                percent,
                message,
                self.id,
            )
        )
        self.invalidate_recordset(["progress", "progress_message"])
        _logger.info("customer analytics run %s: %s%% %s", self.id, percent, message)
        self._notify_live(
            self.env._(
                "%(company)s: %(percent)s%% (%(step)s)",
                company=self.company_id.name,
                percent=percent,
                step=self._step_label(message),
            )
        )

    def _step_label(self, step):
        labels = {
            "extract": self.env._("reading orders and conversations"),
            "fit": self.env._("fitting the models"),
            "score": self.env._("scoring the customers"),
            "write": self.env._("saving the results"),
        }
        return labels.get(step, step)

    @api.model
    def _notify_live(self, message):
        """Tell the user who started the refresh how far it got, while it runs.

        The whole refresh is one transaction, and bus messages are delivered at commit: this
        one goes through its own cursor so that it arrives now rather than with the result.
        """
        user_id = self.env.context.get("chatwoot_analytics_notify_uid")
        if not user_id:
            return
        payload = {"type": "info", "title": self.env._("Analytics"), "message": message}
        try:
            with self.env.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["res.users"].browse(user_id)._bus_send("simple_notification", payload)
        except Exception:  # noqa: BLE001 - a progress notice must never fail the refresh
            _logger.warning("customer analytics: progress notice not sent", exc_info=True)
