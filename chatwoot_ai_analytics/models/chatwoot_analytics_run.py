# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import json
import logging
import pickle

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

    @api.model
    def _start(self, company, now, incremental=False, reuse_fits=False):
        """``(run, base_run, last_run)``: a new running run of ``company`` at ``now``, the last
        full run with stored fits and the last done run. Without a base run the refresh is
        full, whatever was asked."""
        base_run = self.search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("incremental", "=", False),
                ("fits_json", "!=", False),
            ],
            limit=1,
        )
        last_run = self.search([("company_id", "=", company.id), ("state", "=", "done")], limit=1)
        incremental = bool(incremental and base_run)
        run = self.create(
            {
                "name": f"{company.name} {now:%Y-%m-%d %H:%M}",
                "company_id": company.id,
                "incremental": incremental,
                "base_run_id": base_run.id if incremental or (reuse_fits and base_run) else False,
                "started_at": now,
            }
        )
        return run, base_run, last_run

    @api.model
    def _record_failure(self, company, incremental, error):
        """A failed run of ``company`` carrying the error, so the failure stays visible."""
        return self.create(
            {
                "name": f"{company.name} {self.env.cr.now():%Y-%m-%d %H:%M}",
                "company_id": company.id,
                "incremental": incremental,
                "state": "failed",
                "error": str(error),
            }
        )

    @api.model
    def _load_churn_classifier(self, run_id):
        """The churn classifier full run ``run_id`` pickled (stats/churn), read back."""
        run = self.browse(run_id)
        # Our own classifier, written by a full refresh into a field only managers can read.
        return pickle.loads(base64.b64decode(run.churn_model))  # noqa: S301

    def _store_fits(self, fits, values, churn_model):
        """Keep a full refresh's population fits (stats/customer_scoring.fit_population), their
        figures and the pickled churn classifier on this run; returns the fits."""
        self.ensure_one()
        fits["churn"]["run_id"] = self.id
        self.write(
            {
                **values,
                "churn_model": base64.b64encode(pickle.dumps(churn_model)),
                "fits_json": json.dumps(fits),
            }
        )
        return fits

    def _finish(self, data, removed, duration):
        """Mark this run done with its counts (``data``: the refreshed customers' arrays)."""
        self.ensure_one()
        self.write(
            {
                "state": "done",
                "progress": 100,
                "progress_message": "done",
                "customer_count": len(data["customer_id"]),
                "buyer_count": int((data["frequency"] > 0).sum()),
                "removed_count": removed,
                "duration": duration,
            }
        )
        _logger.info(
            "customer analytics: company %s, %s run, %s customers, %s removed, %.1f s",
            self.company_id.id,
            "incremental" if self.incremental else "full",
            self.customer_count,
            removed,
            self.duration,
        )

    def _notify_done(self):
        """Tell the user how the refresh of these runs went (bus notification)."""
        failed = self.filtered(lambda run: run.state == "failed")
        if failed:
            kind = "warning"
            message = self.env._(
                "Customer analytics refresh failed for %(companies)s: see Analytics Runs.",
                companies=", ".join(failed.company_id.mapped("name")),
            )
        else:
            kind = "success"
            message = self.env._(
                "Customer analytics refreshed: %(customers)s customers in %(seconds)s s.",
                customers=sum(self.mapped("customer_count")),
                seconds=round(sum(self.mapped("duration")), 1),
            )
        self.env.user._bus_send(
            "simple_notification",
            {"type": kind, "title": self.env._("Analytics"), "message": message},
        )

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
