# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..content.constants import CHANNEL_OF_KIND, KINDS
from .chatwoot_brand_voice import CONTENT_LANGUAGES

MARKETER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_marketer"
MANAGER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_manager"
KIND_LABELS = {
    "short_description": "Short Description",
    "long_description": "Long Description",
    "seo_title": "SEO Title",
    "meta_description": "Meta Description",
    "bullets": "Benefit Bullets",
    "instagram_caption": "Instagram Caption",
    "facebook_post": "Facebook Post",
    "whatsapp_broadcast": "WhatsApp Broadcast",
    "email_subject": "E-mail Subject",
    "email_body": "E-mail Body",
    "image_brief": "Image Brief",
}
PIECE_KINDS = [(kind, KIND_LABELS[kind]) for kind in KINDS]
PIECE_CHANNELS = [
    ("website", "Website"),
    ("instagram", "Instagram"),
    ("facebook", "Facebook"),
    ("whatsapp", "WhatsApp"),
    ("email", "E-mail"),
    ("design", "Design"),
]
PIECE_STATES = [
    ("draft", "Draft"),
    ("review", "In Review"),
    ("approved", "Approved"),
    ("scheduled", "Scheduled"),
    ("published", "Published"),
    ("rejected", "Rejected"),
]


class ChatwootContentPiece(models.Model):
    """One text the content crew wrote (or a marketer edited) for one product and channel.

    Every change of the body keeps the previous one as a version; approval follows the
    company's brand voice (Managers only when it requires approval).
    """

    _name = "chatwoot.content.piece"
    _description = "Content Piece"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(compute="_compute_name", store=True)
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(PIECE_KINDS, required=True, index=True, tracking=True)
    channel = fields.Selection(
        PIECE_CHANNELS, compute="_compute_channel", store=True, readonly=False, index=True
    )
    body = fields.Text(tracking=True)
    language = fields.Selection(CONTENT_LANGUAGES, required=True, default="pt_BR")
    state = fields.Selection(
        PIECE_STATES, required=True, default="draft", index=True, tracking=True, copy=False
    )
    ai_run_id = fields.Many2one("chatwoot.ai.run", string="AI Run", readonly=True, copy=False)
    author_id = fields.Many2one(
        "res.users", string="Author", default=lambda self: self.env.user, index=True
    )
    batch_id = fields.Many2one(
        "chatwoot.content.batch", readonly=True, index="btree_not_null", ondelete="set null"
    )
    campaign_id = fields.Many2one("utm.campaign", string="Campaign", index="btree_not_null")
    is_promotion = fields.Boolean(readonly=True)
    review_reason = fields.Text(
        readonly=True, help="Why the validator sent this piece to a person (invented facts, ...)."
    )
    brief_data = fields.Json(string="Brief Data", readonly=True, copy=False)
    palette = fields.Char(readonly=True, help="Dominant colours (hex) of the image brief.")
    version_ids = fields.One2many("chatwoot.content.piece.version", "piece_id", readonly=True)
    version_count = fields.Integer(compute="_compute_version_count")
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    applied_by_id = fields.Many2one("res.users", string="Applied By", readonly=True, copy=False)
    applied_date = fields.Datetime(readonly=True, copy=False)

    @api.depends("product_tmpl_id.name", "kind")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for piece in self:
            piece.name = f"{piece.product_tmpl_id.name or ''} · {labels.get(piece.kind, '')}"

    @api.depends("kind")
    def _compute_channel(self):
        for piece in self:
            piece.channel = CHANNEL_OF_KIND.get(piece.kind) or piece.channel

    def _compute_version_count(self):
        counts = dict(
            self.env["chatwoot.content.piece.version"]._read_group(
                [("piece_id", "in", self.ids)], ["piece_id"], ["__count"]
            )
        )
        for piece in self:
            piece.version_count = counts.get(piece, 0)

    def write(self, vals):
        """Every change of the body keeps the previous one as a version (who wrote it, the
        AI run, why it changed); the one who changes it becomes the piece's author."""
        if "body" in vals:
            reason = self.env.context.get("content_version_reason", "edit")
            changed = self.filtered(lambda piece: (piece.body or "") != (vals["body"] or ""))
            self.env["chatwoot.content.piece.version"].sudo().create(
                [
                    {
                        "piece_id": piece.id,
                        "body": piece.body,
                        "reason": reason,
                        "ai_run_id": piece.ai_run_id.id,
                        "author_id": piece.author_id.id,
                    }
                    for piece in changed
                ]
            )
            if changed and "author_id" not in vals:
                super(ChatwootContentPiece, changed).write({"author_id": self.env.uid})
        return super().write(vals)

    def _restore_version(self, version):
        """Write ``version``'s text back (the current one becomes a version), re-validated."""
        self.ensure_one()
        self._check_editable()
        self.with_context(content_version_reason="restore").write(
            {"body": version.body, "ai_run_id": version.ai_run_id.id, "state": "draft"}
        )
        issues = self.env["chatwoot.content.crew"]._validate_piece(self)
        self.review_reason = "\n".join(issues) or False

    # ------------------------------------------------------------------ generation
    @api.model
    def generate(
        self,
        products,
        kinds,
        language=None,
        promotion=None,
        batch=None,
        segment=None,
        clusters=None,
    ):
        """Write and return draft pieces of ``kinds`` for ``products`` (product.template).

        ``language`` is an Odoo language code (``pt_BR``, ``es_419``, ``en_US``). Without it,
        the language follows the audience when one is given (``segment``, an analytics RFM
        segment key, and/or ``clusters``, customer cluster numbers: the language most of those
        customers read), else the brand voice's. ``promotion`` is a dict with ``discount``
        (percent), ``pricelist_id`` and/or ``campaign_id``: the pieces then state the real old
        and new prices. A piece the validator still rejects is kept as a draft with its
        ``review_reason``.
        """
        if not self.env.user.has_group(MARKETER_GROUP):
            raise AccessError(self.env._("Only ChatwootAI Marketers write content."))
        if isinstance(products, list | tuple):
            products = self.env["product.template"].browse(products)
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise UserError(self.env._("Unknown kinds of content: %s", ", ".join(sorted(unknown))))
        audience = {
            key: value
            for key, value in (("segment", segment), ("clusters", tuple(clusters or ())))
            if value
        }
        return self.env["chatwoot.content.crew"]._write_pieces(
            products, list(kinds), language, promotion or {}, batch, audience or None
        )

    def action_regenerate(self):
        """Write the body again (the current one is kept as a version)."""
        crew = self.env["chatwoot.content.crew"]
        context = {}
        for piece in self:
            piece._check_editable()
            values, run = crew._compose_values(
                piece.product_tmpl_id,
                piece.kind,
                piece.language,
                piece._promotion_dict(),
                context,
            )
            values["ai_run_id"] = self.env["chatwoot.ai.run"].sudo().create(run).id
            piece.with_context(content_version_reason="regenerate").write(
                {
                    key: values[key]
                    for key in ("body", "ai_run_id", "review_reason", "brief_data", "palette")
                }
                | {"state": "draft"}
            )
        return True

    def _promotion_dict(self):
        self.ensure_one()
        if not self.is_promotion:
            return {}
        return (
            self.batch_id._promotion_dict()
            if self.batch_id
            else {"campaign_id": self.campaign_id.id}
        )

    # ------------------------------------------------------------------ review
    def _check_editable(self):
        if not self.env.user.has_group(MARKETER_GROUP):
            raise AccessError(self.env._("Only ChatwootAI Marketers write content."))
        for piece in self:
            if piece.state in ("scheduled", "published"):
                raise UserError(
                    self.env._("%s is scheduled or published: it cannot change.", piece.name)
                )

    def action_submit(self):
        """Send to review; the validator's issues with the current text go with it."""
        self._check_editable()
        crew = self.env["chatwoot.content.crew"]
        for piece in self.filtered(lambda p: p.state in ("draft", "rejected")):
            issues = crew._validate_piece(piece)
            piece.write({"state": "review", "review_reason": "\n".join(issues) or False})
        return True

    def _check_can_approve(self):
        for piece in self:
            required = self.env["chatwoot.brand.voice"]._requires_approval(piece.company_id)
            group = MANAGER_GROUP if required else MARKETER_GROUP
            if not self.env.user.has_group(group):
                raise AccessError(
                    self.env._(
                        "Only ChatwootAI Managers approve content in %s.", piece.company_id.name
                    )
                    if required
                    else self.env._("Only ChatwootAI Marketers approve content.")
                )

    def action_approve(self):
        self._check_can_approve()
        pending = self.filtered(lambda p: p.state in ("draft", "review"))
        pending.write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        return True

    def action_reject(self):
        self._check_can_approve()
        self.filtered(lambda p: p.state in ("draft", "review", "approved")).write(
            {"state": "rejected"}
        )
        return True

    def action_reset_draft(self):
        self._check_editable()
        self.filtered(lambda p: p.state in ("review", "rejected", "approved")).write(
            {"state": "draft"}
        )
        return True

    def action_apply_to_product(self):
        """Open the wizard that shows the product's old and new texts before writing."""
        self.ensure_one()
        self._check_editable()
        if self.state != "approved":
            raise UserError(self.env._("Approve the piece before applying it to the product."))
        wizard = self.env["chatwoot.content.apply.wizard"].create({"piece_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Apply to Product"),
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_schedule_post(self):
        """Open a new post of this approved piece on an account of its channel."""
        self.ensure_one()
        if self.state != "approved":
            raise UserError(self.env._("Approve the piece before scheduling it."))
        account = self.env["chatwoot.social.account"].search(
            [("platform", "=", self.channel), ("company_id", "=", self.company_id.id)], limit=1
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Schedule Post"),
            "res_model": "chatwoot.content.post",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_name": self.name,
                "default_piece_ids": [self.id],
                "default_account_id": account.id,
                "default_campaign_id": self.campaign_id.id,
                "default_company_id": self.company_id.id,
            },
        }

    def action_view_versions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Versions"),
            "res_model": "chatwoot.content.piece.version",
            "view_mode": "list,form",
            "domain": [("piece_id", "=", self.id)],
        }
