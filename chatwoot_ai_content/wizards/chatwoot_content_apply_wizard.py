# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext, plaintext2html
from odoo.tools.misc import get_diff

#: Product fields a kind may replace, first existing one wins (website fields come with
#: website_sale; without it, descriptions go to the sales description).
KIND_TARGETS = {
    "short_description": ("description_sale",),
    "long_description": ("description_ecommerce", "website_description", "description_sale"),
    "bullets": ("description_ecommerce", "website_description", "description_sale"),
    "seo_title": ("website_meta_title",),
    "meta_description": ("website_meta_description",),
}


class ChatwootContentApplyWizard(models.TransientModel):
    """Shows the product's current text next to the piece before it replaces it."""

    _name = "chatwoot.content.apply.wizard"
    _description = "Apply Content to Product"

    piece_id = fields.Many2one("chatwoot.content.piece", required=True, ondelete="cascade")
    product_tmpl_id = fields.Many2one(related="piece_id.product_tmpl_id")
    target_field = fields.Char(compute="_compute_texts", string="Technical Field")
    target_label = fields.Char(compute="_compute_texts", string="Product Field")
    old_value = fields.Text(compute="_compute_texts", string="Current Text")
    new_value = fields.Text(compute="_compute_texts", string="New Text")
    diff = fields.Html(compute="_compute_texts", sanitize=False)

    @api.model
    def _target_of(self, piece):
        product = piece.product_tmpl_id
        for name in KIND_TARGETS.get(piece.kind, ()):
            if name in product._fields:
                return name
        return False

    @api.depends("piece_id")
    def _compute_texts(self):
        for wizard in self:
            piece = wizard.piece_id
            target = self._target_of(piece)
            product = piece.product_tmpl_id._content_in_language(piece.language).sudo()
            old = product[target] if target else ""
            if target and product._fields[target].type == "html":
                old = html2plaintext(old or "")
            wizard.target_field = target
            wizard.target_label = product._fields[target].string if target else False
            wizard.old_value = old or ""
            wizard.new_value = piece.body or ""
            wizard.diff = get_diff(
                (old or "", self.env._("Current")), (piece.body or "", self.env._("New"))
            )

    def action_apply(self):
        self.ensure_one()
        piece = self.piece_id
        piece._check_editable()
        if piece.state != "approved":
            raise UserError(self.env._("Approve the piece before applying it to the product."))
        if not self.target_field:
            raise UserError(
                self.env._(
                    "No product field takes a %s (install the website shop for the SEO fields).",
                    dict(piece._fields["kind"]._description_selection(self.env))[piece.kind],
                )
            )
        product = piece.product_tmpl_id._content_in_language(piece.language).sudo()
        value = piece.body
        if product._fields[self.target_field].type == "html":
            value = plaintext2html(value)
        product.write({self.target_field: value})
        piece.write({"applied_by_id": self.env.uid, "applied_date": fields.Datetime.now()})
        product.message_post(
            body=self.env._(
                "%(field)s replaced by the content piece %(piece)s, applied by %(user)s.",
                field=self.target_label,
                piece=piece.name,
                user=self.env.user.name,
            )
        )
        return {"type": "ir.actions.act_window_close"}
