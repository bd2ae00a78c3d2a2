# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import UTC, datetime

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import SQL

from ..social.statuses import STATUSES, most_advanced


class ChatwootSocialMessageStatus(models.Model):
    """One delivery status WhatsApp reported for an outbound message (``wamid``).

    Statuses arrive unordered and some are skipped; every one is kept once, and
    :meth:`get_statuses` answers the most advanced per message.
    """

    _name = "chatwoot.social.message.status"
    _description = "WhatsApp Message Status"
    _order = "timestamp desc, id desc"
    _rec_name = "external_message_id"

    account_id = fields.Many2one(
        "chatwoot.social.account", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    external_message_id = fields.Char(string="Message ID (wamid)", required=True, index=True)
    status = fields.Selection(STATUSES, required=True)
    timestamp = fields.Datetime(required=True)
    error_code = fields.Integer()
    error_title = fields.Char()
    recipient_id = fields.Char(help="wa_id or BSUID of the recipient.")

    _status_uniq = models.Constraint(
        "UNIQUE(account_id, external_message_id, status)", "This status is already stored."
    )

    @api.model
    def _store_status(self, account, data):
        """Insert a parsed status (``meta.payloads.parse_whatsapp_status``) once."""
        if not data.get("status"):
            return False
        stamp = datetime.fromtimestamp(data["timestamp"], UTC) if data.get("timestamp") else None
        now = fields.Datetime.now()
        rows = self.env.execute_query(
            SQL(
                """
                INSERT INTO chatwoot_social_message_status
                    (account_id, company_id, external_message_id, status, timestamp, error_code,
                     error_title, recipient_id, create_uid, write_uid, create_date, write_date)
                SELECT id, company_id, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s
                  FROM chatwoot_social_account WHERE id = %s
                ON CONFLICT (account_id, external_message_id, status) DO NOTHING
                RETURNING id
                """,
                data["wamid"],
                data["status"],
                stamp.replace(tzinfo=None) if stamp else now,
                data.get("error_code"),
                data.get("error_title"),
                data.get("recipient_id") or data.get("recipient_user_id"),
                SUPERUSER_ID,
                SUPERUSER_ID,
                now,
                now,
                account.id,
            )
        )
        return bool(rows)

    @api.model
    def get_statuses(self, external_message_ids):
        """``{wamid: {"status", "timestamp", "error_code"}}``: the most advanced status of each
        message (read above delivered above sent; failed above all), whatever the arrival order.
        Messages without any status are absent."""
        ids = list(external_message_ids or ())
        if not ids:
            return {}
        rows = self.search_read(
            [("external_message_id", "in", ids)],
            ["external_message_id", "status", "timestamp", "error_code"],
            order="timestamp, id",
        )
        by_message = defaultdict(list)
        for row in rows:
            by_message[row["external_message_id"]].append(
                (row["status"], row["timestamp"], row["error_code"] or False)
            )
        result = {}
        for wamid, statuses in by_message.items():
            status, timestamp, error_code = most_advanced(statuses)
            result[wamid] = {"status": status, "timestamp": timestamp, "error_code": error_code}
        return result
