# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_analytics.stats.rfm import SEGMENTS

from .chatwoot_brand_voice import CONTENT_LANGUAGES

_logger = logging.getLogger(__name__)
JOB_CHANNEL = "root.chatwoot.content"
DEFAULT_CHUNK = 25
BATCH_STATES = [("draft", "Draft"), ("running", "Running"), ("done", "Done")]


class ChatwootContentBatch(models.Model):
    """Pieces written for many products in the background: one job per chunk of products,
    progress counted as they finish, a summary at the end. A failing product is listed and
    skipped; the others go on."""

    _name = "chatwoot.content.batch"
    _description = "Content Batch"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(required=True, default=lambda self: self.env._("Content batch"))
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    product_ids = fields.Many2many("product.template", string="Products", required=True)
    kind_ids = fields.Many2many("chatwoot.content.kind", string="Kinds", required=True)
    language = fields.Selection(
        CONTENT_LANGUAGES,
        help="Empty: the language most customers of the target segment read, else the brand "
        "voice's default language.",
    )
    target_segment = fields.Selection(
        SEGMENTS,
        string="Target Segment",
        help="RFM segment of the customer analytics the content is for: without a language, "
        "the pieces are written in the language most of its customers read.",
    )
    target_clusters = fields.Char(
        string="Target Clusters",
        help="Comma-separated customer cluster numbers of the analytics (with or without a "
        "segment).",
    )
    audience_language = fields.Selection(
        CONTENT_LANGUAGES,
        string="Audience Language",
        compute="_compute_audience_language",
        help="The language most customers of the target segment and clusters read (what "
        "they wrote, else their contact's language).",
    )
    discount = fields.Float(string="Discount (%)", help="Promotion: percentage off the price.")
    pricelist_id = fields.Many2one("product.pricelist", help="Promotion: prices of this pricelist.")
    campaign_id = fields.Many2one("utm.campaign", string="Campaign")
    chunk_size = fields.Integer(default=DEFAULT_CHUNK, required=True)
    state = fields.Selection(BATCH_STATES, required=True, default="draft", tracking=True)
    total_count = fields.Integer(string="Products to Write", readonly=True, default=0)
    done_count = fields.Integer(string="Products Written", readonly=True, default=0)
    failed_count = fields.Integer(string="Products Failed", readonly=True, default=0)
    progress = fields.Float(
        string="Progress (%)", compute="_compute_progress", help="Products done, in percent."
    )
    progress_label = fields.Char(string="Progress", compute="_compute_progress")
    piece_ids = fields.One2many("chatwoot.content.piece", "batch_id")
    piece_count = fields.Integer(compute="_compute_piece_count")
    failure_log = fields.Text(readonly=True)
    summary = fields.Text(readonly=True)

    @api.depends("total_count", "done_count", "failed_count")
    def _compute_progress(self):
        for batch in self:
            finished = batch.done_count + batch.failed_count
            batch.progress = 100.0 * finished / batch.total_count if batch.total_count else 0.0
            batch.progress_label = f"{finished} / {batch.total_count}"

    @api.constrains("target_clusters")
    def _check_target_clusters(self):
        for batch in self:
            if any(not key.isdigit() for key in batch._target_clusters()):
                raise ValidationError(
                    self.env._("Target clusters are numbers separated by commas, e.g. 0, 2.")
                )

    def _target_clusters(self):
        return [key.strip() for key in (self.target_clusters or "").split(",") if key.strip()]

    def _audience(self):
        """The ``generate`` keywords of the batch's target audience."""
        self.ensure_one()
        return {
            "segment": self.target_segment or None,
            "clusters": [int(key) for key in self._target_clusters()] or None,
        }

    @api.depends("target_segment", "target_clusters", "company_id")
    def _compute_audience_language(self):
        crew = self.env["chatwoot.content.crew"]
        for batch in self:
            clusters = batch._target_clusters()
            batch.audience_language = (
                crew._audience_language(batch.company_id, **batch._audience())
                if batch.company_id
                and (batch.target_segment or clusters)
                and all(key.isdigit() for key in clusters)
                else False
            )

    def _compute_piece_count(self):
        counts = dict(
            self.env["chatwoot.content.piece"]._read_group(
                [("batch_id", "in", self.ids)], ["batch_id"], ["__count"]
            )
        )
        for batch in self:
            batch.piece_count = counts.get(batch, 0)

    def _promotion_dict(self):
        self.ensure_one()
        promotion = {
            "discount": self.discount or 0.0,
            "pricelist_id": self.pricelist_id.id,
            "campaign_id": self.campaign_id.id,
        }
        return {key: value for key, value in promotion.items() if value}

    def action_start(self):
        """Queue one job per chunk of products; progress is counted as the jobs finish."""
        for batch in self:
            if batch.state != "draft":
                raise UserError(self.env._("%s already started.", batch.name))
            if not batch.product_ids or not batch.kind_ids:
                raise UserError(self.env._("Choose the products and the kinds of content."))
            products = batch.product_ids.ids
            batch.write({"state": "running", "total_count": len(products)})
            size = max(1, batch.chunk_size)
            for start in range(0, len(products), size):
                chunk = products[start : start + size]
                batch.with_delay(
                    channel=JOB_CHANNEL,
                    description=self.env._(
                        "%(batch)s: products %(first)s-%(last)s",
                        batch=batch.name,
                        first=start + 1,
                        last=start + len(chunk),
                    ),
                )._job_generate_chunk(chunk)
        return True

    def _job_generate_chunk(self, product_ids):
        """Queue job: write the pieces of ``product_ids`` in one ``generate`` (one crew, one
        insert); if that fails, product by product, so one failing product is skipped."""
        self.ensure_one()
        products = self.env["product.template"].browse(product_ids)
        existing = products.exists()
        failures = [
            f"[{product.id}] : {self.env._('the product no longer exists')}"
            for product in products - existing
        ]
        try:
            with self.env.cr.savepoint():
                self._generate_for(existing)
            done = len(existing)
        except Exception as error:  # noqa: BLE001 - retried product by product below
            _logger.info("Content batch %s: chunk failed (%s), product by product", self.id, error)
            done = 0
            for product in existing:
                try:
                    with self.env.cr.savepoint():
                        self._generate_for(product)
                    done += 1
                except Exception as error:  # noqa: BLE001 - one product never stops the batch
                    _logger.info(
                        "Content batch %s: product %s failed: %s", self.id, product.id, error
                    )
                    failures.append(f"[{product.id}] {product.sudo().name or ''}: {error}")
        self._count_progress(done, failures)
        return f"{done} product(s) written, {len(failures)} failed"

    def _generate_for(self, products):
        return self.env["chatwoot.content.piece"].generate(
            products,
            self.kind_ids.mapped("code"),
            self.language or None,
            self._promotion_dict(),
            batch=self,
            **self._audience(),
        )

    def _count_progress(self, done, failures):
        """Add a chunk's counts atomically (chunks finish in parallel) and close the batch."""
        row = self.env.execute_query(
            SQL(
                "UPDATE chatwoot_content_batch SET done_count = COALESCE(done_count, 0) + %s, "
                "failed_count = COALESCE(failed_count, 0) + %s, "
                "failure_log = concat_ws(E'\\n', failure_log, %s) "
                "WHERE id = %s RETURNING done_count, failed_count, total_count",
                done,
                len(failures),
                "\n".join(failures) or None,
                self.id,
            )
        )[0]
        self.invalidate_recordset(["done_count", "failed_count", "failure_log"])
        finished = row[0] + row[1]
        message = self.env._(
            "%(batch)s: %(finished)s of %(total)s products written.",
            batch=self.name,
            finished=finished,
            total=row[2],
        )
        if finished >= row[2]:
            self._finish()
            message = self.summary
        self.create_uid._bus_send(
            "simple_notification",
            {"type": "info", "title": self.env._("Content"), "message": message},
        )

    def _finish(self):
        pieces = self.piece_ids
        flagged = pieces.filtered("review_reason")
        self.write(
            {
                "state": "done",
                "summary": self.env._(
                    "%(name)s: %(done)s products written, %(failed)s failed; %(pieces)s pieces, "
                    "%(flagged)s of them flagged for review.",
                    name=self.name,
                    done=self.done_count,
                    failed=self.failed_count,
                    pieces=len(pieces),
                    flagged=len(flagged),
                ),
            }
        )
        self.message_post(body=self.summary)

    def action_view_pieces(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "chatwoot_ai_content.chatwoot_content_piece_action"
        )
        action["domain"] = [("batch_id", "=", self.id)]
        return action
