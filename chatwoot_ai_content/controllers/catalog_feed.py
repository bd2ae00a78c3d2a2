# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import http
from odoo.http import request

_logger = logging.getLogger(__name__)

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "xml": "application/rss+xml; charset=utf-8"}


class CatalogFeedController(http.Controller):
    """Meta Commerce catalog feeds, authenticated by the feed's unguessable token."""

    @http.route(
        "/chatwoot_ai/catalog/<string:token>.<string:fmt>",
        type="http",
        auth="none",
        methods=["GET", "HEAD"],
        csrf=False,
        save_session=False,
        readonly=False,  # a regenerated feed is cached in the feed's row
    )
    def catalog_feed(self, token, fmt, **_kwargs):
        if fmt not in CONTENT_TYPES:
            return request.make_response("Not Found", status=404)
        feed = request.env["chatwoot.catalog.feed"].sudo()._find_by_token(token)
        if not feed:
            return request.make_response("Not Found", status=404)
        try:
            body = feed._render(fmt)
        except Exception:  # noqa: BLE001 - Meta retries a 503; a 500 is never answered
            _logger.exception("Catalog feed %s could not be generated", feed.id)
            request.env.cr.rollback()
            return request.make_response(
                "Feed temporarily unavailable", status=503, headers=[("Retry-After", "300")]
            )
        return request.make_response(
            body,
            headers=[
                ("Content-Type", CONTENT_TYPES[fmt]),
                ("Cache-Control", "no-cache"),
                ("X-Robots-Tag", "noindex"),
            ],
        )

    @http.route(
        "/chatwoot_ai/catalog/<string:token>/image/<int:variant_id>",
        type="http",
        auth="none",
        methods=["GET", "HEAD"],
        csrf=False,
        save_session=False,
    )
    def catalog_image(self, token, variant_id, **_kwargs):
        """A product image of the feed, public to whoever holds the feed's token (Meta)."""
        feed = request.env["chatwoot.catalog.feed"].sudo()._find_by_token(token)
        variant = request.env["product.product"].sudo().browse(variant_id).exists()
        if (
            not feed
            or not variant
            or not variant.sale_ok
            or variant.company_id not in (feed.company_id, request.env["res.company"])
            or not variant.image_1920
        ):
            return request.make_response("Not Found", status=404)
        # Served as the public user (an auth="none" request has none): a public stream.
        public = request.env(user=request.env.ref("base.public_user").id, su=True)
        stream = public["ir.binary"]._get_image_stream_from(variant.with_env(public), "image_1920")
        return stream.get_response(max_age=3600)


class ContentImageController(http.Controller):
    """The image of a scheduled post, for Meta to download: public with the post's token."""

    @http.route(
        "/chatwoot_ai/content/image/<string:token>",
        type="http",
        auth="none",
        methods=["GET", "HEAD"],
        csrf=False,
        save_session=False,
    )
    def post_image(self, token, **_kwargs):
        public = request.env(user=request.env.ref("base.public_user").id, su=True)
        post = (
            public["chatwoot.content.post"].search(
                [
                    ("image_token", "=", token),
                    ("state", "in", ("scheduled", "publishing", "published")),
                ],
                limit=1,
            )
            if token and len(token) <= 64
            else None
        )
        record, field = post._image_bytes() if post else (None, None)
        if not record:
            return request.make_response("Not Found", status=404)
        stream = public["ir.binary"]._get_image_stream_from(record.with_env(public), field)
        return stream.get_response(max_age=3600)
