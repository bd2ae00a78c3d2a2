# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..dispatch.batch import failure_update
from ..dispatch.constants import FUNNEL_RANK, RECIPIENT_STATES, SKIP_REASONS

#: Timestamp column each funnel state sets when a recipient reaches it.
STATE_STAMPS = {
    "delivered": "delivered_at",
    "read": "read_at",
    "replied": "replied_at",
    "converted": "converted_at",
}


class ChatwootCampaignRecipient(models.Model):
    """One person of a campaign: when they get it, through which sender, and what happened.

    The dispatcher claims a queued recipient (``sending``, committed) before the send and
    confirms it with the provider's message id afterwards; tracking only moves a
    recipient forward in the funnel.
    """

    _name = "chatwoot.campaign.recipient"
    _description = "Campaign Recipient"
    _order = "scheduled_at, id"
    _rec_name = "partner_id"
    # A row per person and campaign, 100k at a launch: like ``mail.notification``, no
    # create/write user and date (two foreign-key checks per row); the stamps that matter
    # are the recipient's own (claimed, sent, delivered, read, replied, converted).
    _log_access = False

    # Indexed by the (campaign, partner) unique index.
    campaign_id = fields.Many2one("chatwoot.campaign", required=True, ondelete="cascade")
    # Not stored: one foreign-key check less per row at planning; rules go through the campaign.
    company_id = fields.Many2one(related="campaign_id.company_id")
    channel = fields.Selection(related="campaign_id.channel")
    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade")
    variant_id = fields.Many2one(
        "chatwoot.campaign.variant", ondelete="set null", index="btree_not_null"
    )
    sender_id = fields.Many2one(
        "chatwoot.campaign.sender", ondelete="set null", index="btree_not_null"
    )
    # Few indexes: planning writes 100k rows at once; (campaign, state, time) serves claims.
    state = fields.Selection(RECIPIENT_STATES, required=True, default="queued")
    skip_reason = fields.Selection(SKIP_REASONS)
    address = fields.Char(help="The phone or e-mail address the message goes to.")
    tz = fields.Char(string="Time Zone")
    scheduled_at = fields.Datetime()
    claimed_at = fields.Datetime(readonly=True)
    sent_at = fields.Datetime()
    delivered_at = fields.Datetime()
    read_at = fields.Datetime()
    replied_at = fields.Datetime()
    converted_at = fields.Datetime()
    attempts = fields.Integer(readonly=True)
    error = fields.Text()
    blocked = fields.Boolean(help="The provider said the person blocked the sender.")
    external_message_id = fields.Char(
        string="External Message ID", index="btree_not_null", copy=False
    )
    chatwoot_conversation_id = fields.Integer(string="Chatwoot Conversation")
    idempotency_key = fields.Char(required=True, copy=False)
    mail_id = fields.Many2one(
        "mail.mail", string="E-mail", ondelete="set null", index="btree_not_null"
    )
    sale_order_id = fields.Many2one("sale.order", string="Order", ondelete="set null")
    revenue = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")

    _campaign_partner_uniq = models.UniqueIndex("(campaign_id, partner_id)")
    _due_idx = models.Index("(campaign_id, state, scheduled_at, id)")

    @api.model
    def _key(self, campaign_id, partner_id):
        return f"cw-campaign-{campaign_id}-{partner_id}"

    @api.model
    def _advance(self, recipient_ids, state, when=None, **values):
        """Move recipients forward to ``state`` (never backwards); the ids that moved."""
        if not recipient_ids:
            return []
        rank = FUNNEL_RANK[state]
        lower = [name for name, position in FUNNEL_RANK.items() if 1 < position < rank]
        lower.append("sent")
        stamp = STATE_STAMPS.get(state)
        assignments = [SQL("state = %s", state)]
        if stamp:
            assignments.append(
                SQL(
                    "%s = COALESCE(%s, %s)",
                    SQL.identifier(stamp),
                    SQL.identifier(stamp),
                    when or fields.Datetime.now(),
                )
            )
        for column, value in values.items():
            assignments.append(SQL("%s = %s", SQL.identifier(column), value))
        rows = self.env.execute_query(
            SQL(
                "UPDATE chatwoot_campaign_recipient SET %s WHERE id = ANY(%s) AND state = ANY(%s) "
                "RETURNING id",
                SQL(", ").join(assignments),
                list(recipient_ids),
                sorted(set(lower)),
            )
        )
        self.invalidate_model()
        return [row[0] for row in rows]

    # ------------------------------------------------------------------ dispatch
    @api.model
    def _confirm_sends(self, channel, pending):
        """Record a batch's sends (``(sender_id, delivery, result, sent_at)``): the
        successes in one statement, the failures one by one."""
        sent = [item for item in pending if item[2].ok]
        if sent:
            self.env.execute_query(
                SQL(
                    """
                    UPDATE chatwoot_campaign_recipient r
                       SET state = 'sent', sent_at = v.sent_at, external_message_id = v.ext,
                           error = NULL,
                           chatwoot_conversation_id = COALESCE(v.conv, r.chatwoot_conversation_id)
                      FROM (SELECT unnest(%s::int[]) AS id, unnest(%s::timestamp[]) AS sent_at,
                                   unnest(%s::varchar[]) AS ext, unnest(%s::int[]) AS conv) v
                     WHERE r.id = v.id
                    """,
                    [d.recipient_id for _s, d, _r, _t in sent],
                    [at for _s, _d, _r, at in sent],
                    [r.external_id for _s, _d, r, _t in sent],
                    [r.conversation_id or None for _s, _d, r, _t in sent],
                )
            )
            self.env.execute_query(
                SQL(
                    "UPDATE chatwoot_campaign_sender SET failure_count = 0 "
                    "WHERE id = ANY(%s) AND failure_count != 0",
                    sorted({item[0] for item in sent}),
                )
            )
            self.invalidate_model()
            self.env["chatwoot.campaign.sender"].invalidate_model(["failure_count"])
        for sender_id, delivery, result, _at in pending:
            if not result.ok:
                recipient = self.browse(delivery.recipient_id)
                if not result.permanent:
                    sender = self.env["chatwoot.campaign.sender"].browse(sender_id)
                    sender.write(
                        {"failure_count": sender.failure_count + 1, "last_error": result.error}
                    )
                recipient.write(failure_update(channel, result, recipient.attempts))

    @api.model
    def _release_claims(self, deliveries):
        """Claims that were not sent go back to the queue (cancelled with their campaign)."""
        if not deliveries:
            return
        self.env.execute_query(
            SQL(
                """
                UPDATE chatwoot_campaign_recipient r
                   SET state = CASE WHEN c.state = 'cancelled' THEN 'cancelled' ELSE 'queued' END,
                       attempts = GREATEST(r.attempts - 1, 0), claimed_at = NULL
                  FROM chatwoot_campaign c
                 WHERE c.id = r.campaign_id AND r.id = ANY(%s) AND r.state = 'sending'
                """,
                [d.recipient_id for d in deliveries],
            )
        )
        self.invalidate_model()

    @api.model
    def _cron_track_statuses(self, days=7):
        """WhatsApp Cloud API statuses from the social addon's store move recipients."""
        since = fields.Datetime.now() - timedelta(days=days)
        recipients = self.search(
            [
                ("campaign_id.channel", "=", "whatsapp_cloud"),
                ("state", "in", ("sent", "delivered")),
                ("sent_at", ">=", since),
                ("external_message_id", "!=", False),
            ]
        )
        statuses = (
            self.env["chatwoot.social.message.status"]
            .sudo()
            .get_statuses(recipients.mapped("external_message_id"))
        )
        by_state = {}
        for recipient in recipients:
            status = statuses.get(recipient.external_message_id)
            if status:
                by_state.setdefault(status["status"], []).append(recipient)
        for state, group in by_state.items():
            ids = [r.id for r in group]
            if state in ("delivered", "read"):
                self._advance(ids, state)
            elif state == "failed":
                self.browse(ids).write({"state": "failed", "error": "WhatsApp: failed"})
        return sum(len(group) for group in by_state.values())
