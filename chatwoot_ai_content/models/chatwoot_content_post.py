# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import secrets
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_social.meta.graph import (
    GraphAuthError,
    GraphError,
    GraphThrottled,
    GraphUnavailable,
    usage_wait,
)

from ..content import publisher
from .chatwoot_content_batch import JOB_CHANNEL

_logger = logging.getLogger(__name__)
POST_STATES = [
    ("scheduled", "Scheduled"),
    ("publishing", "Publishing"),
    ("published", "Published"),
    ("failed", "Failed"),
    ("cancelled", "Cancelled"),
]
IMAGE_SOURCES = [("none", "No image"), ("product", "Product image"), ("upload", "Uploaded image")]
MAX_ATTEMPTS = 5
#: Seconds before retrying when the answer was lost or the container is still processing.
RETRY_DELAYS = (30, 60, 300, 900, 1800)
IMAGE_ROUTE = "/chatwoot_ai/content/image/"
POLL_PARAM = "chatwoot_ai_content.instagram_poll_seconds"
PUBLISH_LOCK_NAMESPACE = 7_400_011
#: An identical post made up to this long before the due time is an earlier attempt's.
RECONCILE_WINDOW = timedelta(minutes=5)


class ChatwootContentPost(models.Model):
    """Approved pieces published on a Facebook Page or an Instagram account at a set time."""

    _name = "chatwoot.content.post"
    _description = "Content Post"
    _inherit = ["mail.thread"]
    _order = "scheduled_at desc, id desc"

    name = fields.Char(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    piece_ids = fields.Many2many(
        "chatwoot.content.piece",
        string="Pieces",
        domain="[('state', 'in', ('approved', 'scheduled', 'published'))]",
    )
    account_id = fields.Many2one(
        "chatwoot.social.account",
        string="Social Account",
        required=True,
        domain="[('platform', 'in', ('facebook', 'instagram'))]",
    )
    platform = fields.Selection(related="account_id.platform", store=True)
    message = fields.Text(
        compute="_compute_message", store=True, readonly=False, help="The text published."
    )
    link_url = fields.Char(
        string="Link",
        help="Tracked: a Facebook text post shares it with the text; Facebook photo "
        "and Instagram captions end with its short URL.",
    )
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product", compute="_compute_product", store=True, readonly=False
    )
    image_source = fields.Selection(IMAGE_SOURCES, required=True, default="product")
    image = fields.Image(max_width=1920, max_height=1920)
    image_token = fields.Char(
        readonly=True, copy=False, default=lambda self: secrets.token_urlsafe(24)
    )
    scheduled_at = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    scheduled_local = fields.Char(
        string="Company Time",
        compute="_compute_scheduled_local",
        help="In the company's time zone.",
    )
    campaign_id = fields.Many2one("utm.campaign", string="Campaign", index="btree_not_null")
    source_id = fields.Many2one(
        "utm.source", string="UTM Source", readonly=True, copy=False, ondelete="restrict"
    )
    medium_id = fields.Many2one(
        "utm.medium", string="UTM Medium", compute="_compute_medium_id", store=True
    )
    link_tracker_id = fields.Many2one("link.tracker", readonly=True, copy=False)
    tracked_url = fields.Char(related="link_tracker_id.short_url", string="Tracked Link")
    click_count = fields.Integer(related="link_tracker_id.count", string="Clicks")
    metric_ids = fields.One2many("chatwoot.content.post.metric", "post_id")
    state = fields.Selection(POST_STATES, required=True, default="scheduled", tracking=True)
    external_id = fields.Char(string="Post ID", readonly=True, copy=False, index="btree_not_null")
    container_id = fields.Char(string="Instagram Container", readonly=True, copy=False)
    permalink = fields.Char(readonly=True, copy=False)
    published_at = fields.Datetime(readonly=True, copy=False)
    attempts = fields.Integer(readonly=True, copy=False)
    error = fields.Text(readonly=True, copy=False)

    @api.depends("account_id.platform")
    def _compute_medium_id(self):
        for post in self:
            post.medium_id = post._utm_medium()

    def _utm_medium(self):
        xmlid = {
            "facebook": "utm.utm_medium_facebook",
            "instagram": "chatwoot_ai_content.utm_medium_instagram",
        }.get(self.platform)
        return self.env.ref(xmlid, raise_if_not_found=False) if xmlid else False

    def _ensure_tracked_link(self):
        """A link.tracker with the post's campaign, source and medium (clicks are counted)."""
        self.ensure_one()
        if not self.link_url:
            return False
        if not self.link_tracker_id:
            self.link_tracker_id = (
                self.env["link.tracker"]
                .sudo()
                .search_or_create(
                    [
                        {
                            "url": self.link_url,
                            "title": self.name,
                            "campaign_id": self.campaign_id.id,
                            "source_id": self.source_id.id,
                            "medium_id": self.medium_id.id,
                        }
                    ]
                )[:1]
            )
        return self.link_tracker_id.short_url

    @api.depends("piece_ids.body")
    def _compute_message(self):
        for post in self:
            if post.piece_ids:
                post.message = "\n\n".join(p.body for p in post.piece_ids if p.body)

    @api.depends("piece_ids.product_tmpl_id")
    def _compute_product(self):
        for post in self:
            post.product_tmpl_id = post.piece_ids[:1].product_tmpl_id or post.product_tmpl_id

    @api.depends("scheduled_at", "company_id")
    def _compute_scheduled_local(self):
        for post in self:
            tz = pytz.timezone(post.company_id.partner_id.tz or "America/Sao_Paulo")
            local = (
                pytz.utc.localize(post.scheduled_at).astimezone(tz) if post.scheduled_at else None
            )
            post.scheduled_local = local.strftime("%Y-%m-%d %H:%M %Z") if local else False

    @api.constrains("piece_ids")
    def _check_pieces_approved(self):
        for post in self:
            if post.piece_ids.filtered(
                lambda p: p.state not in ("approved", "scheduled", "published")
            ):
                raise ValidationError(self.env._("Only approved pieces are published."))

    @api.constrains("account_id", "image_source")
    def _check_instagram_image(self):
        for post in self:
            if post.platform == "instagram" and post.image_source == "none":
                raise ValidationError(self.env._("An Instagram post needs an image."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("source_id"):
                source = self.env["utm.source"].sudo().create({"name": vals.get("name") or "Post"})
                vals["source_id"] = source.id
        posts = super().create(vals_list)
        posts.piece_ids.filtered(lambda p: p.state == "approved").write({"state": "scheduled"})
        return posts

    # ------------------------------------------------------------------ buttons
    def action_cancel(self):
        """Cancel; pieces no other live post uses are approved again (to schedule anew)."""
        cancelled = self.filtered(lambda p: p.state in ("scheduled", "failed"))
        cancelled.write({"state": "cancelled"})
        live = self.search(
            [("piece_ids", "in", cancelled.piece_ids.ids), ("state", "not in", ("cancelled",))]
        )
        (cancelled.piece_ids - live.piece_ids).filtered(lambda p: p.state == "scheduled").write(
            {"state": "approved"}
        )
        return True

    def action_reschedule(self):
        """Failed or cancelled: try again at the next publisher run."""
        self.filtered(lambda p: p.state in ("failed", "cancelled")).write(
            {"state": "scheduled", "attempts": 0, "error": False}
        )
        return True

    def action_publish_now(self):
        for post in self.filtered(lambda p: p.state == "scheduled"):
            post.write({"scheduled_at": fields.Datetime.now()})
            post._enqueue_publish()
        return True

    # ------------------------------------------------------------------ images
    def _image_bytes(self):
        """(bytes, mimetype) of the post's image, or (None, None)."""
        self.ensure_one()
        record, field = (
            (self, "image")
            if self.image_source == "upload"
            else (self.product_tmpl_id, "image_1920")
        )
        if self.image_source == "none" or not record or not record[field]:
            return None, None
        return record, field

    def _image_url(self):
        self.ensure_one()
        record, _field = self._image_bytes()
        if not record:
            return None
        base = self.env["res.config.settings"]._chatwoot_ai_public_base_url()
        return f"{base}{IMAGE_ROUTE}{self.image_token}"

    # ------------------------------------------------------------------ publisher
    @api.model
    def _cron_publish_due(self):
        """Every few minutes: queue the posts whose time has come."""
        due = self.search(
            [("state", "=", "scheduled"), ("scheduled_at", "<=", fields.Datetime.now())]
        )
        for post in due:
            post._enqueue_publish()
        return len(due)

    def _enqueue_publish(self, eta=None):
        self.ensure_one()
        if self.state == "scheduled":
            self.state = "publishing"
        self.with_delay(
            channel=JOB_CHANNEL,
            eta=eta,
            identity_key=f"content_post_publish:{self.id}:{self.attempts}:{eta or 'now'}",
            description=self.env._("Publish %s", self.name),
        )._job_publish()

    def _job_publish(self):
        """Queue job: publish once. Expected failures are recorded and retried by a new job,
        so what happened (the post id, the container) is always committed."""
        self.ensure_one()
        post = self.sudo()
        locked = self.env.execute_query(
            SQL("SELECT pg_try_advisory_xact_lock(%s, %s)", PUBLISH_LOCK_NAMESPACE, post.id)
        )[0][0]
        if not locked:
            return "another job is publishing this post"
        if post.external_id or post.state in ("published", "cancelled", "failed"):
            return f"nothing to do: {post.state}"
        account = post.account_id
        wait = (
            usage_wait(account.graph_usage)
            if account.graph_usage_at
            and (fields.Datetime.now() - account.graph_usage_at < timedelta(minutes=10))
            else 0
        )
        if wait:
            return post._retry_later(self.env._("Graph API usage is high"), wait, count=False)
        post.write({"state": "publishing", "attempts": post.attempts + 1})
        client = account._graph_client()
        try:
            external_id = post._publish_with(client)
        except publisher.ContainerPending as pending:
            post.container_id = pending.container_id
            return post._retry_later(str(pending), self._retry_delay(), count=False)
        except publisher.ContainerFailed as failed:
            return post._fail(str(failed), container_id=False)
        except GraphThrottled as error:
            return post._retry_later(str(error), error.retry_after)
        except GraphAuthError as error:
            account._notify_managers(
                self.env._("Publishing %(post)s failed: %(error)s", post=post.name, error=error)
            )
            return post._fail(str(error))
        except GraphUnavailable as error:
            # The POST may have gone through: the next attempt looks for it before posting.
            return post._retry_later(str(error), self._retry_delay())
        except (GraphError, UserError) as error:
            return post._fail(str(error))
        finally:
            account._record_usage(client)
        values = {
            "state": "published",
            "external_id": external_id,
            "published_at": fields.Datetime.now(),
            "error": False,
        }
        try:
            values["permalink"] = publisher.permalink(client, post.platform, external_id)
        except GraphError as error:  # the metrics job fetches it later
            _logger.info("Permalink of %s not read: %s", external_id, error)
        post.write(values)
        post.piece_ids.write({"state": "published"})
        return f"published {external_id}"

    def _retry_delay(self):
        return RETRY_DELAYS[min(self.attempts, len(RETRY_DELAYS)) - 1] if self.attempts else 30

    def _publish_with(self, client):
        """The id of the published post: an earlier attempt's if it went through."""
        target = self.account_id.external_id
        since = self.scheduled_at - RECONCILE_WINDOW
        text = self._published_text()
        found = publisher.find_published(client, self.platform, target, text, since)
        if found:
            return found
        image_url = self._image_url()
        if self.platform == "facebook":
            return publisher.publish_facebook(
                client, target, self.message, link=self._ensure_tracked_link(), image_url=image_url
            )
        if not image_url:
            raise UserError(self.env._("An Instagram post needs an image."))
        poll = float(self.env["ir.config_parameter"].sudo().get_param(POLL_PARAM, 2))
        media_id, container_id = publisher.publish_instagram(
            client, target, text, image_url, self.container_id, wait=poll
        )
        self.container_id = container_id
        if media_id is None:  # the container says PUBLISHED: find the media by its caption
            media_id = publisher.find_published(client, self.platform, target, text, since)
        if not media_id:
            raise GraphError("Instagram published the container but the media was not found")
        return media_id

    def _published_text(self):
        """The text sent: where the post carries no link of its own (an Instagram caption,
        a Facebook photo) the message ends with the tracked short URL, so clicks still
        carry the UTM; a Facebook feed post sends the link beside the text."""
        self.ensure_one()
        if self.platform == "facebook" and not self._image_url():
            return self.message
        return publisher.caption_with_link(self.message, self._ensure_tracked_link())

    def _retry_later(self, reason, seconds, count=True):
        if count and self.attempts >= MAX_ATTEMPTS:
            return self._fail(reason)
        self.write({"state": "publishing", "error": reason})
        self._enqueue_publish(eta=fields.Datetime.now() + timedelta(seconds=seconds))
        return f"retry in {seconds}s: {reason}"

    def _fail(self, reason, **values):
        self.write({"state": "failed", "error": reason, **values})
        self.message_post(body=self.env._("Publishing failed: %s", reason))
        return f"failed: {reason}"
