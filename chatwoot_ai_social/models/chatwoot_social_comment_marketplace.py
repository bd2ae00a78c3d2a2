# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import UTC, datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..marketplace import (
    MarketplaceAuthError,
    MarketplaceError,
    MarketplaceThrottled,
    MarketplaceUnavailable,
    Question,
)
from ..marketplace.answers import answer_problems, clean_answer
from ..meta.graph import GraphAuthError, GraphError, GraphThrottled, GraphUnavailable
from ..social.comments import PENDING_STATES

#: The Graph error each marketplace error is raised as, so that publishing jobs apply one
#: retry policy to every platform (throttled: wait; unavailable: retry; auth: a person acts).
PUBLISH_ERRORS = (
    (MarketplaceThrottled, GraphThrottled),
    (MarketplaceAuthError, GraphAuthError),
    (MarketplaceUnavailable, GraphUnavailable),
    (MarketplaceError, GraphError),
)


def _stamp(seconds):
    return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None) if seconds else False


class ChatwootSocialComment(models.Model):
    """Marketplace questions in the comment queue: one row per question (``source`` =
    ``question``, ``post_external_id`` = the listing, ``external_id`` = the question id), so
    they are triaged, drafted, approved and published like comments."""

    _inherit = "chatwoot.social.comment"

    # ------------------------------------------------------------------ ingestion
    @api.model
    def _ingest_question(self, account, item):
        """Apply a stored question item (a notification or a polled question); the question.

        A notification names the question only: it is fetched from the marketplace here, in
        the drain job, never in the notification request.
        """
        if item.get("question"):
            question = Question(**item["question"])
        else:
            question = account._marketplace_call(
                lambda connector: connector.fetch_question(item["question_id"])
            )
        return self._apply_question(account, question)

    @api.model
    def _apply_question(self, account, question):
        comment = self.search(
            [("account_id", "=", account.id), ("external_id", "=", question.external_id)],
            limit=1,
        )
        values = {"body": question.text} if question.text else {}
        if not comment:
            values.update(
                account_id=account.id,
                external_id=question.external_id,
                source="question",
                author_external_id=question.author_id or False,
                author_name=question.author_name
                or self.env._("Buyer %s", question.author_id or "?"),
                post_external_id=question.item_id or False,
                created_at=_stamp(question.created_at) or fields.Datetime.now(),
                state="new",
            )
        state = comment.state if comment else "new"
        if state in PENDING_STATES:
            if question.state == "closed":
                values["state"] = "removed"
            elif question.state == "answered":
                # Answered on the marketplace's own site: the queue has nothing left to do.
                values.update(
                    state="replied",
                    reply_body=question.answer_text or False,
                    replied_at=fields.Datetime.now(),
                )
        if comment:
            if values:
                comment.write(values)
        else:
            comment = self.create(values)
        comment._link_thread()
        # The listing's title is what the crew reads as the caption: fetched once per listing.
        comment.post_id._ensure_caption()
        return comment

    # ------------------------------------------------------------------ publishing
    def _marketplace_answer_text(self):
        """The reply as the marketplace accepts it: contact details stripped, at most 2,000
        characters; a ``UserError`` when nothing publishable is left."""
        self.ensure_one()
        text = clean_answer(self.reply_body)
        problems = answer_problems(text)
        if problems:
            raise UserError(
                self.env._(
                    "This answer cannot be published on %(platform)s: %(problems)s.",
                    platform=self.account_id.display_name,
                    problems=", ".join(problems),
                )
            )
        return text

    def _publish_reply_mercadolivre(self):
        """Answer the question with ``POST /answers``; the reply's external id.

        Mercado Livre forbids contact details in answers: the text is cleaned first and the
        cleaned text is what the comment keeps. Marketplace errors are raised as the
        ``meta.graph`` errors of the same meaning (see :data:`PUBLISH_ERRORS`).
        """
        self.ensure_one()
        text = self._marketplace_answer_text()
        if text != self.reply_body:
            self.reply_body = text
        try:
            self.account_id._marketplace_call(
                lambda connector: connector.post_answer(self.external_id, text)
            )
        except MarketplaceError as error:
            for source, target in PUBLISH_ERRORS:
                if isinstance(error, source):
                    kwargs = {"http_status": error.http_status}
                    if target is GraphThrottled:
                        kwargs["retry_after"] = error.retry_after
                    raise target(str(error), **kwargs) from None
            raise
        # Mercado Livre's answer has no id of its own: it is the question's answer.
        return f"{self.external_id}:answer"

    def _hide_on_platform_mercadolivre(self):
        """Mercado Livre offers no way to hide a buyer's question."""
        raise UserError(
            self.env._("Mercado Livre questions cannot be hidden; ignore or answer them.")
        )
