# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import SQL

ASSIST_CHANNEL = "root.chatwoot.ai"
DRAFT_CAP_PARAM = "chatwoot_ai.assist_max_drafts_per_hour"
DRAFT_CAP_DEFAULT = 10
DRAFT_WINDOW = timedelta(hours=1)
# Job states in which a draft is still to come.
WAITING_STATES = ("wait_dependencies", "pending", "enqueued", "started")


class ChatwootAssist(models.AbstractModel):
    """Agent assist drafts, written by a job off the request thread.

    The dashboard app's GET only reads (the latest draft, or "drafting" while a job writes
    one); a draft is asked for by POST, or by the first GET of a conversation that has none.
    A conversation gets at most ``chatwoot_ai.assist_max_drafts_per_hour`` drafts an hour:
    each one is a model call someone pays for.
    """

    _name = "chatwoot.assist"
    _description = "Agent Assist Drafts"

    @api.model
    def _identity(self, conversation):
        return f"chatwoot_assist_draft:{conversation.id}"

    @api.model
    def _drafting(self, conversation):
        """Whether a draft job of the conversation is waiting or running."""
        return bool(
            self.env.execute_query(
                SQL(
                    "SELECT 1 FROM queue_job WHERE identity_key = %s AND state IN %s LIMIT 1",
                    self._identity(conversation),
                    WAITING_STATES,
                )
            )
        )

    @api.model
    def _draft_cap(self):
        params = self.env["ir.config_parameter"].sudo()
        return int(params.get_param(DRAFT_CAP_PARAM, DRAFT_CAP_DEFAULT))

    @api.model
    def _retry_after(self, conversation):
        """Seconds until the conversation may get another draft (0: now)."""
        since = fields.Datetime.now() - DRAFT_WINDOW
        runs = self.env["chatwoot.ai.run"].search(
            [
                ("conversation_id", "=", conversation.id),
                ("kind", "=", "suggest"),
                ("create_date", ">=", since),
            ],
            order="create_date desc",
        )
        cap = self._draft_cap()
        if len(runs) < cap:
            return 0
        oldest_counted = runs[cap - 1].create_date
        return max(1, math.ceil((oldest_counted - since).total_seconds()))

    @api.model
    def _queue_draft(self, conversation):
        """Queue a fresh draft unless one is on its way; ``(status, retry_after)`` with status
        ``drafting`` or ``rate_limited``."""
        if self._drafting(conversation):
            return "drafting", 0
        retry_after = self._retry_after(conversation)
        if retry_after:
            return "rate_limited", retry_after
        self.with_user(SUPERUSER_ID).with_delay(
            channel=ASSIST_CHANNEL,
            identity_key=self._identity(conversation),
            description=f"Agent assist: draft a reply for conversation #{conversation.display_id}",
        )._job_draft(conversation)
        return "drafting", 0

    @api.model
    def _latest_run(self, conversation):
        return self.env["chatwoot.ai.run"].search(
            [("conversation_id", "=", conversation.id), ("kind", "=", "suggest")],
            order="id desc",
            limit=1,
        )

    @api.model
    def _job_draft(self, conversation):
        """Queue job: draft a reply with the agent and keep it on the conversation."""
        run = self.env["chatwoot.bot"]._suggest_reply(conversation)
        if run.state == "done":
            conversation.ai_suggested_reply = run.suggested_reply
        return f"run {run.id}: {run.state}"
