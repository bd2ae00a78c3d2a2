# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.chatwoot import client as chatwoot_errors

from ..dispatch import channels
from ..dispatch.constants import MAX_SEND_ATTEMPTS, UNKNOWN_OUTCOME


class ChatwootCampaignRecovery(models.AbstractModel):
    """Recipients claimed but never confirmed (a killed worker): asked to the provider.

    A batch recovers the orphans of its own senders and of senders no live batch holds
    (lease expired or never taken); never those of another running batch. Each outcome is
    written only if the recipient is still the orphan that was read (same claim), so two
    batches recovering at once cannot undo a newer claim.
    """

    _name = "chatwoot.campaign.recovery"
    _description = "Campaign Dispatch Recovery"

    def _step(self):
        """A short transaction of its own (the dispatcher's)."""
        return self.env["chatwoot.campaign.dispatcher"]._step()

    def _recover(self, context):
        with self._step() as env:
            orphans = env.execute_query_dict(
                SQL(
                    """
                    SELECT r.id, r.sender_id, r.chatwoot_conversation_id, r.idempotency_key,
                           r.address, r.claimed_at, r.attempts
                      FROM chatwoot_campaign_recipient r
                 LEFT JOIN chatwoot_campaign_sender s ON s.id = r.sender_id
                     WHERE r.campaign_id = %(campaign)s AND r.state = 'sending'
                       AND (r.sender_id = ANY(%(mine)s) OR s.id IS NULL
                            OR s.dispatch_lease_until IS NULL
                            OR s.dispatch_lease_until < %(now)s)
                    """,
                    campaign=context["campaign_id"],
                    mine=list(context["routes"]),
                    now=fields.Datetime.now(),
                )
            )
        for orphan in orphans:
            outcome = self._provider_outcome(context, orphan)
            with self._step() as env:
                still = env.execute_query(
                    SQL(
                        "SELECT id FROM chatwoot_campaign_recipient WHERE id = %s "
                        "AND state = 'sending' AND claimed_at IS NOT DISTINCT FROM %s "
                        "FOR UPDATE",
                        orphan["id"],
                        orphan["claimed_at"],
                    )
                )
                if still:
                    env["chatwoot.campaign.recipient"].browse(orphan["id"]).write(outcome)
        return len(orphans)

    def _provider_outcome(self, context, orphan):
        sender_id = orphan["sender_id"]
        route = context["routes"].get(sender_id) or next(iter(context["routes"].values()), {})
        if context["channel"] == "chatwoot":
            conversation = orphan["chatwoot_conversation_id"]
            if not conversation:
                # The message is posted only after its conversation was recorded.
                return {"state": "queued"}
            try:
                messages = route["client"].list_messages(conversation)
            except chatwoot_errors.ChatwootError as error:
                return {"state": "failed", "error": f"{UNKNOWN_OUTCOME}: {error}"}
            found = channels.find_chatwoot_message(messages, orphan["idempotency_key"])
            if found:
                return {
                    "state": "sent",
                    "external_message_id": found,
                    "sent_at": orphan["claimed_at"],
                    "error": False,
                }
            if orphan["attempts"] >= MAX_SEND_ATTEMPTS:
                return {"state": "failed", "error": UNKNOWN_OUTCOME}
            return {"state": "queued"}
        if context["channel"] == "whatsapp_cloud":
            with self._step() as env:
                status = env["chatwoot.social.message.status"].search(
                    [
                        ("recipient_id", "=", channels.whatsapp_digits(orphan["address"])),
                        ("timestamp", ">=", orphan["claimed_at"]),
                    ],
                    limit=1,
                )
                if status:
                    return {
                        "state": "sent",
                        "external_message_id": status.external_message_id,
                        "sent_at": orphan["claimed_at"],
                        "error": False,
                    }
        return {"state": "failed", "error": UNKNOWN_OUTCOME}
