# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..dispatch.constants import CONSENT_CHANNELS, CONSENT_SOURCES, CONSENT_STATUSES

#: What a consent record proves: never edited once recorded.
PROTECTED_FIELDS = {"partner_id", "channel", "status", "source", "date", "company_id"}


class ChatwootConsent(models.Model):
    """One consent event (LGPD): a person opted in or out of a channel, with its proof.

    The history is kept: every change is a new record and the current status of a
    channel is the latest record. Records are never edited; only Managers may delete
    them (an erasure request).
    """

    _name = "chatwoot.consent"
    _description = "Consent Record"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    channel = fields.Selection(CONSENT_CHANNELS, required=True, index=True)
    status = fields.Selection(CONSENT_STATUSES, required=True)
    source = fields.Selection(CONSENT_SOURCES, required=True, default="manual")
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    proof = fields.Text(help="What the person said or signed: the message, the form text.")
    proof_message_id = fields.Char(string="Proof Message ID")
    proof_url = fields.Char(string="Proof URL")
    proof_ip = fields.Char(string="IP Address")
    user_id = fields.Many2one(
        "res.users", string="Recorded By", default=lambda self: self.env.user, readonly=True
    )

    _partner_channel_date_idx = models.Index("(partner_id, channel, date DESC, id DESC)")

    def write(self, vals):
        if PROTECTED_FIELDS & set(vals):
            raise UserError(
                self.env._(
                    "Consent records are kept as proof: record a new one instead of editing."
                )
            )
        return super().write(vals)

    @api.model
    def _record(self, partner, channel, status, source, **proof):
        """Add one consent event for ``partner`` (a new record, the history stays)."""
        return self.sudo().create(
            {
                "partner_id": partner.id,
                "company_id": self.env.company.id,
                "channel": channel,
                "status": status,
                "source": source,
                **proof,
            }
        )

    @api.model
    def _current_statuses(self, partner_ids, channel):
        """``{partner_id: status}``: the latest consent of each partner on ``channel``."""
        rows = self.env.execute_query(
            SQL(
                """
                SELECT DISTINCT ON (partner_id) partner_id, status
                  FROM chatwoot_consent
                 WHERE channel = %s AND partner_id = ANY(%s)
              ORDER BY partner_id, date DESC, id DESC
                """,
                channel,
                list(partner_ids),
            )
        )
        return dict(rows)
