# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging
import traceback
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import SQL

from ..chatwoot.payloads import (
    CONTACT_EVENTS,
    CONVERSATION_EVENTS,
    MESSAGE_EVENTS,
    parse_contact,
    parse_conversation,
    parse_message,
)

_logger = logging.getLogger(__name__)

EVENT_STATES = [
    ("new", "New"),
    ("done", "Done"),
    ("failed", "Failed"),
    ("ignored", "Ignored"),
]
MAX_ATTEMPTS = 5
#: Seconds to wait before attempt n+1, after n failures: quick first, then patient.
BACKOFF_SECONDS = (10, 60, 300, 1800)
JOB_CHANNEL = "root.chatwoot"


class ChatwootWebhookEvent(models.Model):
    """A Chatwoot delivery, stored as received before it is acknowledged.

    The controller inserts the row and enqueues its processing in the same transaction;
    processing turns it into conversations, messages and partners, and retries with
    back-off so that nothing received is ever dropped.
    """

    _name = "chatwoot.webhook.event"
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
    error = fields.Text()
    conversation_id = fields.Many2one("chatwoot.conversation", index=True, ondelete="set null")
    partner_id = fields.Many2one("res.partner", string="Customer", index=True, ondelete="set null")

    _dedupe_uniq = models.Constraint(
        "UNIQUE(account_id, dedupe_key)", "This delivery is already stored."
    )
    _pending_idx = models.Index("(received_at) WHERE state IN ('new', 'failed')")

    # ------------------------------------------------------------------ ingestion
    @api.model
    def _store_delivery(self, account, event, dedupe_key, payload, delivery_id=None, state="new"):
        """Insert a delivery once; return its id, or None when it was already stored.

        ``INSERT … ON CONFLICT DO NOTHING`` makes concurrent redeliveries wait on the unique
        index and then do nothing: exactly one row, and every caller can answer 2xx.
        """
        now = fields.Datetime.now()
        rows = self.env.execute_query(
            SQL(
                """
                INSERT INTO chatwoot_webhook_event
                    (account_id, company_id, event, dedupe_key, delivery_id, payload,
                     received_at, state, attempts, create_uid, write_uid, create_date, write_date)
                VALUES (%s, %s, %s, %s, %s, %s, %s, %s, 0, %s, %s, %s, %s)
                ON CONFLICT (account_id, dedupe_key) DO NOTHING
                RETURNING id
                """,
                account.id,
                account.company_id.id,
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
            )
        )
        if not rows:
            return None
        event_record = self.browse(rows[0][0])
        if state == "new":
            event_record._enqueue_processing()
        return event_record.id

    def _enqueue_processing(self, eta=None):
        for event in self:
            event.with_user(SUPERUSER_ID).with_delay(
                channel=JOB_CHANNEL,
                eta=eta,
                max_retries=1,
                description=f"Chatwoot {event.event} ({event.dedupe_key})",
                identity_key=f"chatwoot_webhook_event:{event.id}:{event.attempts}",
            )._job_process()

    # ------------------------------------------------------------------ processing
    def _job_process(self):
        """Queue job: process one delivery; failures are recorded and retried later."""
        self.ensure_one()
        if self.state not in ("new", "failed"):
            return f"nothing to do: {self.state}"
        try:
            with self.env.cr.savepoint():
                self._process()
        except Exception as error:  # noqa: BLE001 — recorded on the event, retried, never lost
            return self._record_failure(error)
        self.write(
            {
                "state": "done",
                "processed_at": fields.Datetime.now(),
                "attempts": self.attempts + 1,
                "error": False,
            }
        )
        return "done"

    def _record_failure(self, error):
        attempts = self.attempts + 1
        values = {
            "attempts": attempts,
            "error": "".join(traceback.format_exception_only(error)).strip(),
        }
        if attempts >= MAX_ATTEMPTS:
            values["state"] = "failed"
            self.write(values)
            _logger.warning("Chatwoot event %s failed %s times: %s", self.id, attempts, error)
            return "failed"
        self.write(values)
        delay = BACKOFF_SECONDS[min(attempts, len(BACKOFF_SECONDS)) - 1]
        self._enqueue_processing(eta=fields.Datetime.now() + timedelta(seconds=delay))
        return f"attempt {attempts} failed, retrying in {delay} s"

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
        failed.write({"state": "new", "attempts": 0, "error": False})
        failed._enqueue_processing()
        return True

    @api.model
    def _cron_enqueue_stuck_events(self):
        """Safety net: re-enqueue deliveries still new an hour after they arrived.

        A job can disappear (database restored, queue purged); the stored event cannot.
        """
        stuck = self.search(
            [
                ("state", "=", "new"),
                ("received_at", "<", fields.Datetime.now() - timedelta(hours=1)),
            ],
            limit=1000,
        )
        stuck._enqueue_processing()
        _logger.info("Re-enqueued %s stuck Chatwoot event(s)", len(stuck))
