# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Escalation of a comment to people: a Chatwoot conversation or an Odoo activity."""

import logging

from odoo import SUPERUSER_ID, fields, models

from odoo.addons.chatwoot_ai_base.chatwoot.client import ChatwootError

from .chatwoot_social_account import JOB_CHANNEL

_logger = logging.getLogger(__name__)


class ChatwootSocialComment(models.Model):
    _inherit = "chatwoot.social.comment"

    permalink = fields.Char(string="Link", compute="_compute_permalink")

    def _compute_permalink(self):
        for comment in self:
            post_link = comment.post_id.permalink
            if comment.platform == "facebook":
                comment.permalink = f"https://www.facebook.com/{comment.external_id}"
            else:
                comment.permalink = post_link or False

    def _escalate(self):
        """Hand the comment to people, with its SLA: never answered by the machine."""
        self.ensure_one()
        account = self.account_id
        self.write({"state": "escalated", "escalated_at": fields.Datetime.now()})
        if account.escalation_mode == "chatwoot" and account.escalation_inbox_id:
            self.with_user(SUPERUSER_ID).with_delay(
                channel=JOB_CHANNEL,
                identity_key=f"social_escalate:{self.id}",
                description=f"Escalate social comment {self.id} to Chatwoot",
            )._job_escalate_chatwoot()
        else:
            self._escalation_activity()

    def _escalation_text(self):
        lines = [
            self.env._(
                "%(platform)s comment by %(author)s needs a person (%(type)s, due %(due)s):",
                platform=self.account_id.display_name,
                author=self.author_name or "?",
                type=dict(self._fields["comment_type"]._description_selection(self.env)).get(
                    self.comment_type, self.comment_type or "?"
                ),
                due=fields.Datetime.to_string(self.sla_due) if self.sla_due else "-",
            ),
            f"“{self.body}”",
        ]
        if self.permalink:
            lines.append(self.env._("Link: %s", self.permalink))
        if self.reply_body:
            lines.append(self.env._("Draft: %s", self.reply_body))
        return "\n".join(lines)

    def _escalation_activity(self):
        account = self.account_id
        user = account.escalation_user_id or self.env.ref("base.user_admin")
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=(self.sla_due or fields.Datetime.now()).date(),
            summary=self.env._("Answer the comment of %s", self.author_name or "?"),
            note=self._escalation_text().replace("\n", "<br/>"),
            user_id=user.id,
        )

    def _job_escalate_chatwoot(self):
        """Queue job: open a conversation in the escalation inbox carrying the comment.

        Sent once (a repeat would open a second conversation); when Chatwoot refuses, the
        comment gets an activity instead, so it never waits unseen.
        """
        self.ensure_one()
        if self.escalation_conversation_id:
            return "already escalated"
        inbox = self.account_id.escalation_inbox_id
        identifier = f"{self.platform}:{self.author_external_id or self.external_id}"
        try:
            with inbox.account_id._chatwoot_client() as client:
                contact = self._chatwoot_contact(client, inbox, identifier)
                answer = client.create_conversation(
                    inbox.chatwoot_inbox_id,
                    contact_id=contact.get("id"),
                    message=self._escalation_text(),
                    status="open",
                    custom_attributes={
                        "social_comment_id": self.id,
                        "social_link": self.permalink or "",
                        "sla_due": fields.Datetime.to_string(self.sla_due) if self.sla_due else "",
                    },
                )
        except ChatwootError as error:
            _logger.warning("Comment %s: Chatwoot escalation failed: %s", self.id, error)
            self._escalation_activity()
            return f"activity instead: {error}"
        conversation = self.env["chatwoot.conversation"].create(
            {
                "account_id": inbox.account_id.id,
                "inbox_id": inbox.id,
                "display_id": int(answer["id"]),
                "channel_type": inbox.channel_type,
                "partner_id": self.partner_id.id,
                "status": "open",
            }
        )
        self.escalation_conversation_id = conversation
        return f"conversation {conversation.display_id}"

    def _chatwoot_contact(self, client, inbox, identifier):
        """The Chatwoot contact of the commenter (found by identifier, else created)."""
        for contact in client.search_contacts(identifier):
            if contact.get("identifier") == identifier:
                return contact
        return client.create_contact(
            name=self.author_name or identifier,
            identifier=identifier,
            inbox_id=inbox.chatwoot_inbox_id,
        )
