# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.models.chatwoot_webhook_event import commit_mode_sql

from ..meta.payloads import parse_item
from .chatwoot_social_account import DRAIN_IDENTITY_PREFIX

_logger = logging.getLogger(__name__)

EVENT_STATES = [
    ("new", "New"),
    ("done", "Done"),
    ("failed", "Failed"),
    ("ignored", "Ignored"),
]
EVENT_KINDS = [
    ("comment", "Comment"),
    ("wa_message", "WhatsApp Message"),
    ("wa_status", "WhatsApp Status"),
    ("messaging", "Messenger Event"),
    ("question", "Marketplace Question"),
]
DRAIN_BATCH = 500


def insert_items(cr, rows):
    """Insert ``(account_id, kind, item_key, payload)`` rows once on ``cr``: for each account
    that got new rows, ``(account_id, new rows, drain waiting)``. The one statement of the
    Meta and Mercado Livre webhooks' hot path, shared by Odoo's routes and the fast lane.

    ``INSERT … ON CONFLICT DO NOTHING`` on ``(account_id, item_key)`` stores the new items of
    the whole delivery and, in the same round trip, says for each account whether a drain
    job of it is already waiting (as base's ``insert_delivery`` does), so a delivery during a
    burst costs one statement and only the first of a burst queues the job.
    """
    if not rows:
        return []
    now = fields.Datetime.now()
    account_ids, kinds, keys, payloads = (list(column) for column in zip(*rows, strict=True))
    cr.execute(
        SQL(
            """
            WITH stored AS (
                INSERT INTO chatwoot_social_event
                    (account_id, company_id, kind, item_key, payload, received_at, state,
                     attempts, create_uid, write_uid, create_date, write_date)
                SELECT a.id, a.company_id, i.kind, i.item_key, i.payload, %(now)s, 'new',
                       0, %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM unnest(%(accounts)s::int[], %(kinds)s::varchar[],
                              %(keys)s::varchar[], %(payloads)s::text[]) WITH ORDINALITY
                       AS i(account_id, kind, item_key, payload, position)
                  JOIN chatwoot_social_account a ON a.id = i.account_id
                 ORDER BY i.position
                ON CONFLICT (account_id, item_key) DO NOTHING
                RETURNING account_id
            )
            SELECT account_id, count(*), EXISTS(
                SELECT 1 FROM queue_job WHERE identity_key = %(prefix)s || account_id
                   AND state IN ('wait_dependencies', 'pending', 'enqueued')
            )%(commit_mode)s
              FROM stored GROUP BY account_id
            """,
            now=now,
            uid=SUPERUSER_ID,
            accounts=account_ids,
            kinds=kinds,
            keys=keys,
            payloads=payloads,
            prefix=DRAIN_IDENTITY_PREFIX,
            # chatwoot_ai.webhook_async_commit, as base's webhook (see there).
            commit_mode=commit_mode_sql(),
        )
    )
    return [tuple(row[:3]) for row in cr.fetchall()]


def schedule_drains(env, stored):
    """Queue the drain of each account of ``stored`` (:func:`insert_items`) that has none
    waiting."""
    Account = env["chatwoot.social.account"]
    for account_id, _count, drain_waiting in stored:
        if not drain_waiting:
            Account.browse(account_id)._schedule_drain(checked=True)


class ChatwootSocialEvent(models.Model):
    """One item of a Meta or Mercado Livre delivery, stored before the delivery is answered.

    The webhook inserts every ``changes[]`` / ``messaging[]`` item of a batch with one
    ``INSERT … ON CONFLICT DO NOTHING`` on ``(account_id, item_key)``: a redelivery, even a
    concurrent one, is stored once. A drain job per account then processes the items in
    arrival order and retries failures with back-off.
    """

    _name = "chatwoot.social.event"
    _inherit = ["chatwoot.retry.mixin"]
    _description = "Social Webhook Item"
    _order = "received_at desc, id desc"
    _rec_name = "item_key"

    account_id = fields.Many2one(
        "chatwoot.social.account", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    kind = fields.Selection(EVENT_KINDS, required=True, index=True)
    item_key = fields.Char(required=True, help="Stable over redeliveries: one row per item.")
    payload = fields.Text(help="The item as received (JSON).")
    received_at = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    processed_at = fields.Datetime()
    state = fields.Selection(EVENT_STATES, required=True, default="new", index=True)
    attempts = fields.Integer()
    next_attempt_at = fields.Datetime()
    error = fields.Text()

    _item_uniq = models.Constraint(
        "UNIQUE(account_id, item_key)", "This webhook item is already stored."
    )
    _pending_idx = models.Index("(account_id, id) WHERE state = 'new'")

    # ------------------------------------------------------------------ ingestion
    @api.model
    def _store_items(self, rows):
        """Insert ``(account_id, kind, item_key, payload)`` rows once (see
        :func:`insert_items`) and queue a drain for each account that got new rows and has
        none waiting; the new rows' count."""
        self.env.flush_all()  # the statement reads the accounts and the parameters in SQL
        stored = insert_items(self.env.cr, rows)
        schedule_drains(self.env, stored)
        return sum(count for _account_id, count, _waiting in stored)

    # ------------------------------------------------------------------ processing
    @api.model
    def _drain(self, account, limit=DRAIN_BATCH):
        """Process the account's waiting items in arrival order; return how many ran."""
        now = fields.Datetime.now()
        due = Domain("account_id", "=", account.id) & Domain("state", "=", "new")
        due &= Domain("next_attempt_at", "=", False) | Domain("next_attempt_at", "<=", now)
        events = self.search(due, order="id", limit=limit)
        touched = self.env["chatwoot.social.comment"]
        for event in events:
            touched |= event._process_one() or touched.browse()
        to_triage = touched.filtered(lambda c: c.state == "new" and not c.is_own and c.body)
        if to_triage:
            to_triage._schedule_triage()
        if len(events) == limit:
            account._schedule_drain(force=True)
        waiting = self.search(
            [
                ("account_id", "=", account.id),
                ("state", "=", "new"),
                ("next_attempt_at", ">", fields.Datetime.now()),
            ],
            order="next_attempt_at",
            limit=1,
        )
        if waiting:
            account._schedule_drain(eta=waiting.next_attempt_at)
        return len(events)

    def _process_one(self):
        """Process in a savepoint; the comments it changed (to triage), or None on failure."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                touched, state = self._process()
                self._record_success(state)
        except Exception as error:  # noqa: BLE001 — recorded on the item, retried, never lost
            self.env.invalidate_all()
            self._record_failure(error)
            return None
        return touched

    def _process(self):
        """``(comments touched, final state)`` after applying the item."""
        item = json.loads(self.payload)
        Comment = self.env["chatwoot.social.comment"]
        if self.kind == "question":
            return Comment._ingest_question(self.account_id, item), "done"
        data = parse_item(item)
        if self.kind == "comment":
            return Comment._ingest_event(self.account_id, data), "done"
        if self.kind == "wa_message":
            self.env["chatwoot.social.message"]._ingest_whatsapp(self.account_id, data)
            return Comment, "done"
        if self.kind == "wa_status":
            self.env["chatwoot.social.message.status"]._store_status(self.account_id, data)
            return Comment, "done"
        return Comment, "ignored"

    def action_retry(self):
        failed = self.filtered(lambda event: event.state == "failed")
        failed.write({"state": "new", "attempts": 0, "error": False, "next_attempt_at": False})
        for account in failed.account_id:
            account._schedule_drain()
        return True

    @api.model
    def _cron_drain_stuck_events(self):
        """Safety net: drain accounts whose items still wait after two minutes."""
        stuck = self.search(
            [
                ("state", "=", "new"),
                ("received_at", "<", fields.Datetime.now() - timedelta(minutes=2)),
                "|",
                ("next_attempt_at", "=", False),
                ("next_attempt_at", "<", fields.Datetime.now()),
            ]
        )
        for account in stuck.account_id:
            account._schedule_drain(force=True)
