# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import Counter

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.tools import SQL

from ..privacy.retention import (
    INTERACTION,
    INTERACTION_MONTHS_DEFAULT,
    INTERACTION_MONTHS_MAX,
    INTERACTION_MONTHS_MIN,
    TRANSACTIONAL,
    TRANSACTIONAL_YEARS_DEFAULT,
    TRANSACTIONAL_YEARS_MAX,
    TRANSACTIONAL_YEARS_MIN,
    applicable_targets,
    cutoffs,
    merge_counts,
)

_logger = logging.getLogger(__name__)

#: Rows deleted per statement and per committed step of the cron.
BATCH_SIZE = 1000
RUN_STATES = [("done", "Complete"), ("partial", "In progress")]


class ChatwootRetentionPolicy(models.Model):
    """How long a company keeps the suite's data about people (LGPD art. 15 and 16).

    One policy per company. A daily scheduled action deletes what is older than the policy
    allows: interactions (messages, raw webhook events, AI run logs) after 6 to 12 months,
    transactional records (conversations) after 3 to 5 years. Aggregated, anonymised
    analytics are kept.
    """

    _name = "chatwoot.retention.policy"
    _description = "ChatwootAI Retention Policy"
    _order = "company_id"
    _rec_name = "company_id"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
    )
    interaction_months = fields.Integer(
        string="Interactions (months)",
        required=True,
        default=INTERACTION_MONTHS_DEFAULT,
        help="Messages, raw webhook events and AI run logs older than this are deleted "
        f"({INTERACTION_MONTHS_MIN} to {INTERACTION_MONTHS_MAX} months).",
    )
    transactional_years = fields.Integer(
        string="Transactional records (years)",
        required=True,
        default=TRANSACTIONAL_YEARS_DEFAULT,
        help="Conversations without activity for this long are deleted "
        f"({TRANSACTIONAL_YEARS_MIN} to {TRANSACTIONAL_YEARS_MAX} years).",
    )
    last_run_at = fields.Datetime(string="Last Run", readonly=True)
    last_run_state = fields.Selection(RUN_STATES, readonly=True)
    last_run_counts = fields.Json(
        readonly=True, help="Records deleted by the last run, per model (no personal data)."
    )
    last_run_total = fields.Integer(string="Deleted by Last Run", readonly=True)
    last_run_summary = fields.Html(compute="_compute_last_run_summary", sanitize=False)

    _company_uniq = models.Constraint(
        "UNIQUE(company_id)", "A company has a single retention policy."
    )
    _interaction_months_range = models.Constraint(
        f"CHECK(interaction_months BETWEEN {INTERACTION_MONTHS_MIN} AND {INTERACTION_MONTHS_MAX})",
        f"Interactions are kept {INTERACTION_MONTHS_MIN} to {INTERACTION_MONTHS_MAX} months.",
    )
    _transactional_years_range = models.Constraint(
        f"CHECK(transactional_years BETWEEN {TRANSACTIONAL_YEARS_MIN} "
        f"AND {TRANSACTIONAL_YEARS_MAX})",
        f"Transactional records are kept {TRANSACTIONAL_YEARS_MIN} to "
        f"{TRANSACTIONAL_YEARS_MAX} years.",
    )

    @api.depends("last_run_counts")
    def _compute_last_run_summary(self):
        for policy in self:
            counts = policy.last_run_counts or {}
            if not counts:
                policy.last_run_summary = False
                continue
            rows = Markup("").join(
                Markup("<tr><td>%s</td><td class='text-end'>%s</td></tr>")
                % (policy._model_label(model_name), count)
                for model_name, count in sorted(counts.items())
            )
            policy.last_run_summary = (
                Markup("<table class='table table-sm o_list_table'><tbody>%s</tbody></table>")
                % rows
            )

    def _model_label(self, model_name):
        model = self.env.get(model_name)
        return escape(model._description if model is not None else model_name)

    # ------------------------------------------------------------------ policies
    @api.model
    def _get_for_company(self, company):
        """The company's policy, created with the defaults on first use."""
        policy = self.sudo().search([("company_id", "=", company.id)], limit=1)
        return policy or self.sudo().create({"company_id": company.id})

    @api.model
    def _ensure_every_company(self):
        """Every company's policy, creating the missing ones (archived companies too: their
        data still expires)."""
        policies = self.sudo().search([("company_id", "!=", False)])
        missing = (
            self.env["res.company"]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "not in", policies.company_id.ids)])
        )
        return policies | self.sudo().create([{"company_id": company.id} for company in missing])

    @api.model
    def _chatwoot_retention_targets(self):
        """What retention deletes: ``(model, date_field, category[, options])`` tuples.

        Other addons add theirs with ``super()`` (e.g. AI run logs as interactions). Options:
        ``company_field`` (default ``company_id``) and ``sql_delete``: delete with a plain
        SQL ``DELETE`` instead of ``unlink()``, for high-volume tables that have no chatter,
        attachments nor ``unlink`` overrides. ``analytics`` targets are never deleted.
        Models missing from the registry are skipped.
        """
        return [
            ("chatwoot.webhook.event", "received_at", INTERACTION, {"sql_delete": True}),
            ("chatwoot.message", "created_at", INTERACTION, {"sql_delete": True}),
            ("chatwoot.conversation", "last_activity_at", TRANSACTIONAL),
        ]

    @api.model
    def _targets(self):
        return applicable_targets(self._chatwoot_retention_targets(), self.env.registry)

    def _plan(self, now):
        """``[(policy, target, cutoff)]``: what each policy expires, interactions first."""
        plan = []
        targets = self._targets()
        for policy in self:
            limits = cutoffs(now, policy.interaction_months, policy.transactional_years)
            for target in targets:
                if target[2] in limits:
                    plan.append((policy, target, limits[target[2]]))
        return plan

    # ------------------------------------------------------------------ SQL
    def _expired_condition(self, target, cutoff):
        """Rows of the policy's company older than ``cutoff``; a row without the date counts
        from its creation, so that nothing escapes retention for lack of a timestamp."""
        self.ensure_one()
        model_name, date_field, _category, options = target
        model = self.env[model_name]
        model.flush_model()
        date_column = SQL.identifier(date_field)
        expired = SQL("%s < %s", date_column, cutoff)
        if "create_date" in model._fields and date_field != "create_date":
            expired = SQL("(%s OR (%s IS NULL AND create_date < %s))", expired, date_column, cutoff)
        return SQL(
            "%s = %s AND %s", SQL.identifier(options["company_field"]), self.company_id.id, expired
        )

    def _count_expired(self, target, cutoff):
        table = SQL.identifier(self.env[target[0]]._table)
        condition = self._expired_condition(target, cutoff)
        rows = self.env.execute_query(SQL("SELECT count(*) FROM %s WHERE %s", table, condition))
        return rows[0][0]

    def _delete_expired_batch(self, target, cutoff, batch_size):
        """Delete up to ``batch_size`` expired rows; return how many went."""
        model_name, _date_field, _category, options = target
        model = self.env[model_name].sudo().with_context(active_test=False)
        table = SQL.identifier(model._table)
        condition = self._expired_condition(target, cutoff)
        ids = [
            row[0]
            for row in self.env.execute_query(
                SQL("SELECT id FROM %s WHERE %s LIMIT %s", table, condition, batch_size)
            )
        ]
        if not ids:
            return 0
        self.env["chatwoot.personal.data"].sudo()._unlink_traces(model_name, ids)
        if options["sql_delete"]:
            # Raw events and messages are the high-volume tables: one DELETE per batch,
            # foreign keys cascade in PostgreSQL, and the cache is dropped so that nothing
            # in this transaction still sees the deleted rows.
            self.env.flush_all()
            self.env.execute_query(SQL("DELETE FROM %s WHERE id = ANY(%s)", table, ids))
            self.env.invalidate_all()
        else:
            model.browse(ids).unlink()
        return len(ids)

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_apply_retention(self, batch_size=BATCH_SIZE):
        """Daily: delete expired records of every company, in committed batches.

        Progress goes through the cron progress API (``ir.cron._commit_progress``): the total
        to delete first, then each batch. When the cron's time is up the run stops and
        reports what remains; the scheduler then runs it again as soon as possible.
        """
        policies = self._ensure_every_company()
        plan = policies._plan(fields.Datetime.now())
        cron = self.env["ir.cron"]
        remaining = sum(policy._count_expired(target, cutoff) for policy, target, cutoff in plan)
        cron._commit_progress(remaining=remaining)
        counts = {policy.id: Counter() for policy in policies}
        complete = True
        for policy, target, cutoff in plan:
            if not policy._purge(target, cutoff, batch_size, counts[policy.id]):
                complete = False
                break
        for policy in policies:
            policy._record_run(counts[policy.id], complete)
        return complete

    def _purge(self, target, cutoff, batch_size, counter):
        """Delete one target's expired rows batch by batch; False when time ran out."""
        cron = self.env["ir.cron"]
        while True:
            deleted = self._delete_expired_batch(target, cutoff, batch_size)
            if not deleted:
                return True
            counter[target[0]] += deleted
            if not cron._commit_progress(deleted):
                return False

    def _record_run(self, counter, complete):
        self.ensure_one()
        counts = dict(counter)
        if self.last_run_state == "partial":
            # The previous call ran out of time: this one continues the same run.
            counts = merge_counts(self.last_run_counts, counts)
        self.write(
            {
                "last_run_at": fields.Datetime.now(),
                "last_run_state": "done" if complete else "partial",
                "last_run_counts": counts,
                "last_run_total": sum(counts.values()),
            }
        )
        _logger.info(
            "Retention for company %s (%s): deleted %s",
            self.company_id.id,
            "complete" if complete else "to be continued",
            counts or "nothing",
        )

    def action_run_now(self):
        """Ask the scheduler to apply retention now, in the background."""
        self.check_access("write")
        self.env.ref("chatwoot_ai_base.ir_cron_chatwoot_apply_retention").sudo()._trigger()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._("Retention will run in the background shortly."),
            },
        }
