# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Publishing, hiding and escalating comments (the actions of ``chatwoot.social.comment``).

Each platform is one set of methods named after it, so that a connector adds a platform
without touching this file: ``_publish_reply_<platform>()`` returns the id of the published
reply, ``_find_reply_<platform>()`` (optional) the id of a reply already published, and
``_hide_<platform>()`` hides the comment. They raise the ``meta.graph.GraphError`` family:
``GraphThrottled`` is retried after its ``retry_after``, ``GraphUnavailable`` (no answer: the
call may have gone through) is retried after looking for the reply first, any other error
stops with the error on the comment and a notice to the account's managers.
"""

import logging
from datetime import timedelta

from odoo import SUPERUSER_ID, fields, models
from odoo.exceptions import UserError

from ..meta.graph import GraphError, GraphThrottled, GraphUnavailable, usage_wait
from .chatwoot_social_account import JOB_CHANNEL, META_PLATFORMS

_logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
UNAVAILABLE_WAIT = 60
#: A usage reading older than Meta's one-hour window says nothing about now.
USAGE_WINDOW = timedelta(hours=1)
PUBLISHABLE_STATES = ("new", "drafted", "approved", "escalated")


class ChatwootSocialComment(models.Model):
    _inherit = "chatwoot.social.comment"

    publish_attempts = fields.Integer(readonly=True, copy=False)
    publish_uncertain = fields.Boolean(
        readonly=True,
        copy=False,
        help="A call got no answer and may have gone through: the next attempt looks for "
        "the published reply before posting again.",
    )
    next_attempt_at = fields.Datetime(string="Next Attempt", readonly=True, copy=False)

    # ------------------------------------------------------------------ buttons
    def action_approve(self):
        """Approve the drafts (bulk): each is published by a job."""
        comments = self.filtered(lambda c: c.state in PUBLISHABLE_STATES and not c.is_own)
        if not comments:
            raise UserError(self.env._("Nothing to approve: pick comments waiting for a reply."))
        missing = comments.filtered(lambda c: not (c.reply_body or "").strip())
        if missing:
            raise UserError(
                self.env._("Write a reply first: %s", ", ".join(missing.mapped("display_name")))
            )
        comments.write({"state": "approved", "publish_error": False, "publish_attempts": 0})
        for comment in comments:
            comment._schedule_publish()
        return True

    def action_publish(self):
        """Publish now: approve and send (also retries a reply that failed)."""
        return self.action_approve()

    def action_hide(self):
        to_hide = self.filtered(lambda c: c.state not in ("removed", "hidden"))
        for comment in to_hide:
            comment.write({"publish_attempts": 0, "publish_error": False})
            comment._schedule_hide()
        # Say what was queued (the hide itself is a job), then reload the list or form.
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": self.env._(
                    "%(count)s comment(s) will be hidden on their platform.", count=len(to_hide)
                ),
                "type": "info",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_escalate(self):
        for comment in self.filtered(lambda c: c.state in ("new", "drafted", "approved")):
            comment._escalate()
        return True

    def action_ignore(self):
        self.filtered(lambda c: c.state in ("new", "drafted", "escalated")).write(
            {"state": "ignored"}
        )
        return True

    # ------------------------------------------------------------------ jobs
    def _schedule(self, method, eta=None):
        self.ensure_one()
        getattr(
            self.with_user(SUPERUSER_ID).with_delay(
                channel=JOB_CHANNEL,
                eta=eta,
                identity_key=f"social_{method}:{self.id}:{self.publish_attempts}",
                description=f"Social comment {self.id}: {method}",
            ),
            f"_job_{method}",
        )()

    def _schedule_publish(self, eta=None):
        self._schedule("publish", eta)

    def _schedule_hide(self, eta=None):
        self._schedule("hide", eta)

    def _job_publish(self):
        """Queue job: publish the approved reply once, whatever happens to earlier tries."""
        self.ensure_one()
        if self.reply_external_id:
            return "already published"
        if self.state != "approved":
            return f"not published: the comment is {self.state}"
        return self._platform_call("publish", self._publish_once)

    def _job_hide(self):
        """Queue job: hide the comment on the platform."""
        self.ensure_one()
        if self.state in ("removed", "hidden"):
            return f"not hidden: the comment is {self.state}"
        return self._platform_call("hide", self._hide_once)

    def _platform_call(self, method, step):
        """Run ``step`` with the retry policy of the module docstring."""
        wait = self._platform_wait()
        if wait:
            return self._retry(method, wait, self.env._("API usage near the limit"))
        try:
            step()
        except GraphThrottled as error:
            return self._retry(method, error.retry_after, str(error))
        except GraphUnavailable as error:
            self.publish_uncertain = method == "publish"
            return self._retry(method, UNAVAILABLE_WAIT, str(error))
        except GraphError as error:
            return self._stop(method, error)
        return "done"

    def _retry(self, method, seconds, reason):
        attempts = self.publish_attempts + 1
        if attempts >= MAX_ATTEMPTS:
            return self._stop(method, reason)
        eta = fields.Datetime.now() + timedelta(seconds=max(1, int(seconds)))
        self.write({"publish_attempts": attempts, "publish_error": reason, "next_attempt_at": eta})
        self._schedule(method, eta)
        return f"retry in {int(seconds)} s: {reason}"

    def _stop(self, method, error):
        """A person must act (token, permission, a refused text): say so where they look."""
        what = self.env._("publish the reply") if method == "publish" else self.env._("hide")
        message = self.env._(
            "Could not %(what)s on %(platform)s for the comment of %(author)s: %(error)s",
            what=what,
            platform=self.account_id.display_name,
            author=self.author_name or "?",
            error=error,
        )
        values = {"publish_error": message, "next_attempt_at": False}
        if method == "publish":
            values["state"] = "drafted"  # back in the approval queue, with its error
        self.write(values)
        self.account_id._notify_managers(message)
        return message

    def _platform_wait(self):
        """Seconds to wait before calling the platform (Meta's usage headers)."""
        account = self.account_id
        if account.platform not in META_PLATFORMS or not account.graph_usage_at:
            return 0
        if account.graph_usage_at < fields.Datetime.now() - USAGE_WINDOW:
            return 0
        return usage_wait(account.graph_usage)

    def _publish_once(self):
        reply_id = self._find_reply() if self.publish_uncertain else False
        reply_id = reply_id or self._publish_reply()
        # First thing after the platform answered: nothing below may lose this id.
        self.write(
            {
                "reply_external_id": str(reply_id),
                "state": "replied",
                "replied_at": fields.Datetime.now(),
                "publish_error": False,
                "publish_uncertain": False,
                "next_attempt_at": False,
            }
        )
        self.flush_recordset()
        try:
            with self.env.cr.savepoint():
                self._after_publish()
        except Exception:  # noqa: BLE001 — the reply is out; bookkeeping must not undo it
            _logger.exception("Social comment %s: published, bookkeeping failed", self.id)

    def _after_publish(self):
        minutes = (self.replied_at - self.created_at).total_seconds() / 60
        self.response_minutes = max(0.0, minutes)
        if self.ai_run_id and self.ai_run_id.output != self.reply_body:
            self.ai_run_id.sudo().output = self.reply_body
        self.message_post(
            body=self.env._("Reply published: %s", self.reply_body),
            subtype_xmlid="mail.mt_note",
        )

    def _hide_once(self):
        self._hide()
        self.write(
            {
                "state": "hidden",
                "hidden_on_platform": True,
                "publish_error": False,
                "next_attempt_at": False,
            }
        )

    # ------------------------------------------------------------------ per platform
    def _publish_reply(self):
        return getattr(self, f"_publish_reply_{self.platform}")()

    def _find_reply(self):
        finder = getattr(self, f"_find_reply_{self.platform}", None)
        return finder() if finder else False

    def _hide(self):
        return getattr(self, f"_hide_{self.platform}")()

    def _graph(self, method, path, **kwargs):
        """One Graph API call with the account's token; its usage headers are kept."""
        account = self.account_id
        client = account._graph_client()
        try:
            return getattr(client, method)(path, **kwargs)
        finally:
            account._record_usage(client)

    def _graph_reply_id(self, answer):
        if not answer.get("id"):
            raise GraphError("the platform answered without the reply's id", http_status=200)
        return answer["id"]

    def _own_reply_in(self, replies):
        """The id of our reply among ``replies`` (the account's, same text), or False."""
        own, text = self.account_id.external_id, (self.reply_body or "").strip()
        for reply in replies:
            author = reply.get("from") or {}
            body = (reply.get("message") or reply.get("text") or "").strip()
            if str(author.get("id")) == own and body == text:
                return reply.get("id")
        return False

    def _publish_reply_facebook(self):
        answer = self._graph(
            "post", f"{self.external_id}/comments", data={"message": self.reply_body}
        )
        return self._graph_reply_id(answer)

    def _find_reply_facebook(self):
        answer = self._graph(
            "get",
            f"{self.external_id}/comments",
            params={"fields": "id,message,from", "limit": 100},
        )
        return self._own_reply_in(answer.get("data") or [])

    def _hide_facebook(self):
        return self._graph("post", self.external_id, data={"is_hidden": "true"})

    def _publish_reply_instagram(self):
        answer = self._graph(
            "post", f"{self.external_id}/replies", data={"message": self.reply_body}
        )
        return self._graph_reply_id(answer)

    def _find_reply_instagram(self):
        answer = self._graph(
            "get", f"{self.external_id}/replies", params={"fields": "id,text,from,username"}
        )
        return self._own_reply_in(answer.get("data") or [])

    def _hide_instagram(self):
        return self._graph("post", self.external_id, data={"hide": "true"})
