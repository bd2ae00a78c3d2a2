# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging
import time
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from ..chatwoot.payloads import (
    CONTACT_EVENTS,
    CONVERSATION_EVENTS,
    MESSAGE_EVENTS,
    parse_contact,
    parse_conversation,
    parse_message,
)
from .chatwoot_account import WEBHOOK_CREDENTIALS, drain_identity

_logger = logging.getLogger(__name__)

EVENT_STATES = [
    ("new", "New"),
    ("done", "Done"),
    ("failed", "Failed"),
    ("ignored", "Ignored"),
]
#: Deliveries one drain job processes before handing over to a fresh job.
DRAIN_BATCH = 200
ASYNC_COMMIT_PARAM = "chatwoot_ai.webhook_async_commit"
#: What ``odoo.tools.str2bool`` reads as true.
TRUE_WORDS = ("y", "yes", "1", "true", "t", "on")


def commit_mode_sql():
    """An extra column for a webhook's INSERT statement that makes its commit asynchronous
    when the system parameter ``chatwoot_ai.webhook_async_commit`` is set (read in the same
    statement, so that every worker follows a change at once).

    By default the webhook answers once PostgreSQL has flushed the delivery to disk
    (``synchronous_commit``): a flush per delivery, 1–2 ms on many virtual disks, during
    which the worker waits. With the parameter set, the answer goes out once the row is
    committed and visible (the drain and every later request see it), and PostgreSQL
    flushes it within ~0.6 s (3 × ``wal_writer_delay``): only a crash of the database server
    or its machine in that window loses deliveries already answered. Shared by the social
    addon's webhooks.
    """
    return SQL(
        """, set_config('synchronous_commit', CASE
              WHEN (SELECT lower(value) FROM ir_config_parameter WHERE key = %s) IN %s
              THEN 'off' ELSE current_setting('synchronous_commit') END, true)""",
        ASYNC_COMMIT_PARAM,
        TRUE_WORDS,
    )


class StaleCredentials(Exception):
    """The account's webhook credentials are not those the caller authenticated with."""


def insert_delivery(
    cr,
    account_id,
    event,
    dedupe_key,
    payload,
    delivery_id=None,
    state="new",
    credentials=None,
):
    """Insert a Chatwoot delivery once on ``cr``: ``(event id, drain waiting)``, or None
    when it was already stored. The one statement of the webhook's hot path, shared by
    Odoo's route and the fast lane (``controllers/fast_lane.py``).

    ``INSERT … ON CONFLICT DO NOTHING`` makes concurrent redeliveries wait on the unique
    index and then do nothing: exactly one row, and every caller can answer 2xx. The same
    statement says whether a drain job of the account is already waiting (an index-only
    look-up on queue_job's partial identity-key index, in the same round trip), so that only
    the first delivery of a burst queues the job. A paced drain (see ``_drain``) counts as
    waiting: it takes whatever arrives before it runs.

    ``credentials``: the ``(webhook token, *WEBHOOK_CREDENTIALS columns)`` the caller
    authenticated the delivery with, when it took them from its memory rather than from
    this transaction. The statement then stores the delivery only if the account is active
    with exactly these credentials, in its own snapshot, and raises
    :class:`StaleCredentials` otherwise, having stored nothing.
    """
    now = fields.Datetime.now()
    cr.execute(
        SQL(
            """
            WITH account AS (
                SELECT id, company_id FROM chatwoot_account WHERE id = %s%s
            ), stored AS (
                INSERT INTO chatwoot_webhook_event
                    (account_id, company_id, event, dedupe_key, delivery_id, payload,
                     received_at, state, attempts, create_uid, write_uid, create_date,
                     write_date)
                SELECT id, company_id, %s, %s, %s, %s, %s, %s, 0, %s, %s, %s, %s
                  FROM account
                ON CONFLICT (account_id, dedupe_key) DO NOTHING
                RETURNING id
            )
            SELECT (SELECT id FROM stored), EXISTS(
                SELECT 1 FROM queue_job WHERE identity_key IN (%s, %s)
                   AND state IN ('wait_dependencies', 'pending', 'enqueued')
            ), EXISTS(SELECT 1 FROM account)%s
            """,
            account_id,
            _credentials_condition(credentials),
            event,
            dedupe_key,
            delivery_id,
            payload,
            now,
            state,
            SUPERUSER_ID,
            SUPERUSER_ID,
            now,
            now,
            drain_identity(account_id),
            drain_identity(account_id, paced=True),
            commit_mode_sql(),
        )
    )
    event_id, drain_waiting, account_found = cr.fetchone()[:3]
    if credentials is not None and not account_found:
        raise StaleCredentials(account_id)
    return (event_id, drain_waiting) if event_id else None


def _credentials_condition(credentials):
    """The statement's check that the account still has ``credentials`` (see
    ``insert_delivery``), or nothing."""
    if credentials is None:
        return SQL()
    token, *secrets = credentials
    checks = [
        SQL("%s IS NOT DISTINCT FROM %s", SQL.identifier(column), value)
        for column, value in zip(WEBHOOK_CREDENTIALS[1], secrets, strict=True)
    ]
    return SQL(" AND webhook_token = %s AND active AND %s", token, SQL(" AND ").join(checks))


class ChatwootWebhookEvent(models.Model):
    """A Chatwoot delivery, stored as received before it is acknowledged.

    The controller inserts the row and, in the same transaction, makes sure a drain job of
    the account is queued (one job serves a burst of deliveries, in arrival order); the
    drain turns deliveries into conversations, messages and partners, and retries failures
    with back-off so that nothing received is ever dropped.
    """

    _name = "chatwoot.webhook.event"
    _inherit = ["chatwoot.retry.mixin"]
    _description = "Chatwoot Webhook Event"
    _order = "received_at desc, id desc"
    _rec_name = "dedupe_key"

    account_id = fields.Many2one("chatwoot.account", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    event = fields.Char(required=True, index=True)
    dedupe_key = fields.Char(
        required=True, help="Event, object id and version: one row per delivery."
    )
    delivery_id = fields.Char(help="X-Chatwoot-Delivery header, for support requests only.")
    payload = fields.Text(help="The raw JSON body as received.")
    received_at = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    processed_at = fields.Datetime()
    state = fields.Selection(EVENT_STATES, required=True, default="new", index=True)
    attempts = fields.Integer(help="Processing attempts so far.")
    next_attempt_at = fields.Datetime(help="When a failed delivery is tried again.")
    error = fields.Text()
    conversation_id = fields.Many2one("chatwoot.conversation", index=True, ondelete="set null")
    partner_id = fields.Many2one("res.partner", string="Customer", index=True, ondelete="set null")

    _dedupe_uniq = models.Constraint(
        "UNIQUE(account_id, dedupe_key)", "This delivery is already stored."
    )
    _pending_idx = models.Index("(account_id, id) WHERE state = 'new'")

    # ------------------------------------------------------------------ ingestion
    @api.model
    def _store_delivery(self, account, event, dedupe_key, payload, delivery_id=None, state="new"):
        """Insert a delivery once (see :func:`insert_delivery`) and queue the account's drain
        when none is waiting; return the delivery's id, or None when it was already stored."""
        self.env.flush_all()  # the statement reads the account and the parameters in SQL
        stored = insert_delivery(
            self.env.cr, account.id, event, dedupe_key, payload, delivery_id, state
        )
        if not stored:
            return None
        event_id, drain_waiting = stored
        if state == "new" and not drain_waiting:
            account._schedule_drain(checked=True)
        return event_id

    # ------------------------------------------------------------------ processing
    @api.model
    def _drain(self, account, limit=DRAIN_BATCH):
        """Process the account's waiting deliveries in arrival order; return how many ran.

        Each delivery runs in its own savepoint: a failure is recorded on it and retried
        later with back-off, and never stops the others.

        The drain runs in one of the HTTP workers that answer the webhook. When deliveries
        kept arriving while it ran, the next drain is paced (``_schedule_paced_drain``):
        storing what Chatwoot sends comes first, mirroring catches up after the burst.
        """
        started = time.monotonic()
        newest = self._newest_waiting_id(account)
        now = fields.Datetime.now()
        due = Domain("account_id", "=", account.id) & Domain("state", "=", "new")
        due &= Domain("next_attempt_at", "=", False) | Domain("next_attempt_at", "<=", now)
        events = self.search(due, order="id", limit=limit)
        fresh_messages = events.filtered(lambda e: e.attempts == 0 and e.event in MESSAGE_EVENTS)
        batched = len(fresh_messages) > 1 and self._process_batch(fresh_messages)
        for event in events - fresh_messages if batched else events:
            event._process_one()
        if self._arrived_since(account, newest):
            account._schedule_paced_drain(time.monotonic() - started)
        elif len(events) == limit:
            # A backlog and no new deliveries: continue at once in a fresh job.
            account._schedule_drain(force=True)
        self._schedule_retry(account)
        return len(events)

    @api.model
    def _newest_waiting_id(self, account):
        """The id of the account's newest waiting delivery this transaction sees (or 0)."""
        rows = self.env.execute_query(
            SQL(
                "SELECT COALESCE(max(id), 0) FROM chatwoot_webhook_event "
                "WHERE account_id = %s AND state = 'new'",
                account.id,
            )
        )
        return rows[0][0]

    @api.model
    def _arrived_since(self, account, newest):
        """Whether deliveries newer than ``newest`` were stored meanwhile.

        The drain's transaction cannot see what was committed after it started (repeatable
        read), so the look runs on a fresh cursor.
        """
        with self.env.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT EXISTS(SELECT 1 FROM chatwoot_webhook_event "
                    "WHERE account_id = %s AND state = 'new' AND id > %s)",
                    account.id,
                    newest,
                )
            )
            return cr.fetchone()[0]

    @api.model
    def _schedule_retry(self, account):
        """A drain at the time the earliest failed delivery may be tried again."""
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

    @api.model
    def _process_batch(self, events):
        """Fresh message deliveries in one savepoint, with shared look-ups; True when done.

        A burst costs a few queries instead of a few per delivery. Any failure rolls the
        batch back and the caller processes the deliveries one by one, which isolates the
        faulty one.
        """
        account = events.account_id
        try:
            with self.env.cr.savepoint():
                parsed = [(event, parse_message(json.loads(event.payload))) for event in events]
                conversations = self.env["chatwoot.conversation"]._by_display_id(
                    account, {data["conversation"]["display_id"] for _event, data in parsed}
                )
                self._store_messages(account, parsed, conversations)
                events.write(
                    {
                        "state": "done",
                        "processed_at": fields.Datetime.now(),
                        "attempts": 1,
                        "next_attempt_at": False,
                        "error": False,
                    }
                )
        except Exception:  # noqa: BLE001 — the deliveries are processed one by one instead
            _logger.info("Batch of %s Chatwoot deliveries failed; one by one", len(events))
            self.env.invalidate_all()
            return False
        return True

    @api.model
    def _store_messages(self, account, parsed, conversations):
        """Upsert the batch's conversations one by one but insert its new messages at once."""
        Message = self.env["chatwoot.message"]
        existing = Message._by_chatwoot_id(
            account, {data["chatwoot_message_id"] for _e, data in parsed}
        )
        new_values, links = {}, {}
        for event, data in parsed:
            conversation = self.env["chatwoot.conversation"]._upsert_from_chatwoot(
                account, data["conversation"], data["contact"], conversations
            )
            values = Message._values_from_chatwoot(conversation, data)
            message_id = data["chatwoot_message_id"]
            if message_id in existing:
                existing[message_id].write(values)
            else:
                # A later version of the same message in this batch replaces the earlier one.
                new_values[message_id] = values
            Message._update_conversation_timeline(conversation, values)
            links.setdefault(conversation, []).append(event.id)
        for conversation, event_ids in links.items():
            # One write per conversation, not per delivery.
            self.browse(event_ids).write(
                {"conversation_id": conversation.id, "partner_id": conversation.partner_id.id}
            )
        Message.create(list(new_values.values()))

    def _process_one(self):
        self.ensure_one()
        try:
            # The savepoint flushes on exit: a failure at flush time is caught here too.
            with self.env.cr.savepoint():
                self._process()
                self._record_success()
        except Exception as error:  # noqa: BLE001 — recorded on the event, retried, never lost
            self.env.invalidate_all()
            self._record_failure(error)
            return False
        return True

    def _process(self):
        payload = json.loads(self.payload)
        if self.event in MESSAGE_EVENTS:
            self._process_message(parse_message(payload))
        elif self.event in CONVERSATION_EVENTS:
            data = parse_conversation(payload, self.event)
            conversation = self.env["chatwoot.conversation"]._upsert_from_chatwoot(
                self.account_id, data, data["contact"]
            )
            self.write(
                {"conversation_id": conversation.id, "partner_id": conversation.partner_id.id}
            )
        elif self.event in CONTACT_EVENTS:
            contact = parse_contact(payload)
            partner = self.env["chatwoot.contact"]._match_partner(self.account_id, contact)
            self.partner_id = partner
        else:
            raise ValueError(f"unsupported event {self.event}")

    def _process_message(self, data):
        conversation = self.env["chatwoot.conversation"]._upsert_from_chatwoot(
            self.account_id, data["conversation"], data["contact"]
        )
        self.env["chatwoot.message"]._upsert_from_chatwoot(conversation, data)
        self.write({"conversation_id": conversation.id, "partner_id": conversation.partner_id.id})

    # ------------------------------------------------------------------ actions
    def action_retry(self):
        """Process failed deliveries again, from a fresh attempt count."""
        failed = self.filtered(lambda event: event.state == "failed")
        failed.write({"state": "new", "attempts": 0, "error": False, "next_attempt_at": False})
        for account in failed.account_id:
            account._schedule_drain()
        return True

    @api.model
    def _cron_drain_stuck_events(self):
        """Safety net: drain accounts whose deliveries still wait after two minutes.

        A job can disappear (database restored, queue purged); the stored event cannot.
        """
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
        _logger.info(
            "Chatwoot: %s stuck event(s), %s account(s) drained", len(stuck), len(stuck.account_id)
        )
