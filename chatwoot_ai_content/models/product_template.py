# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import fields, models

from ..content.facts import ProductFacts, Promotion, plain_text
from ..content.feed import slug

#: Knowledge a product's copy may quote (shipping and payment terms), at most this many.
KNOWLEDGE_CATEGORIES = ("shipping", "payment")
MAX_KNOWLEDGE = 2


class ProductTemplate(models.Model):
    _name = "product.template"
    _inherit = ["product.template", "chatwoot.catalog.feed.source"]

    content_piece_ids = fields.One2many("chatwoot.content.piece", "product_tmpl_id")
    content_piece_count = fields.Integer(
        string="Content Pieces", compute="_compute_content_piece_count"
    )

    def _compute_content_piece_count(self):
        counts = dict(
            self.env["chatwoot.content.piece"]._read_group(
                [("product_tmpl_id", "in", self.ids)], ["product_tmpl_id"], ["__count"]
            )
        )
        for product in self:
            product.content_piece_count = counts.get(product, 0)

    def action_view_content_pieces(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "chatwoot_ai_content.chatwoot_content_piece_action"
        )
        action["domain"] = [("product_tmpl_id", "=", self.id)]
        action["context"] = {"default_product_tmpl_id": self.id}
        return action

    def _content_in_language(self, language):
        """The product read in ``language`` when that language is installed."""
        installed = dict(self.env["res.lang"].get_installed())
        return self.with_context(lang=language) if language in installed else self

    def _content_link(self):
        """The product's page: the website's when website_sale is installed, else /shop/."""
        self.ensure_one()
        base = self.env["res.config.settings"]._chatwoot_ai_public_base_url()
        path = getattr(self, "website_url", False) or f"/shop/{slug(self.name)}-{self.id}"
        return f"{base}{path}"

    def _content_promotion(self, promotion):
        """A pure ``Promotion`` with the real old and new prices, or None.

        ``promotion`` is a dict: ``discount`` (percent), ``pricelist_id`` and ``campaign_id``
        (a ``utm.campaign``), any of them.
        """
        self.ensure_one()
        if not promotion:
            return None
        old = self.list_price
        new = old
        if promotion.get("pricelist_id"):
            pricelist = self.env["product.pricelist"].browse(promotion["pricelist_id"])
            new = pricelist._get_product_price(self, 1.0)
        if promotion.get("discount"):
            new = new * (1 - float(promotion["discount"]) / 100)
        campaign = ""
        if promotion.get("campaign_id"):
            campaign = self.env["utm.campaign"].browse(promotion["campaign_id"]).title or ""
        new = round(new, self.currency_id.decimal_places)
        return Promotion(old_price=old, new_price=new, campaign=campaign)

    def _content_facts(self, language, promotion=None, knowledge=()):
        """What the content crew may say about this product, in ``language`` (Odoo code)."""
        self.ensure_one()
        product = self._content_in_language(language)
        attributes = tuple(
            (line.attribute_id.name, tuple(line.value_ids.mapped("name")))
            for line in product.attribute_line_ids
            if line.value_ids
        )
        offer = self._content_promotion(promotion)
        price = offer.new_price if offer and offer.discount_percent else self.list_price
        return ProductFacts(
            key=str(self.id),
            name=product.name,
            category=product.categ_id.name if product.categ_id else "",
            description=plain_text(product.description_sale or ""),
            attributes=attributes,
            price=price or None,
            currency=self.currency_id.name or "BRL",
            company=(self.company_id or self.env.company).name or "",
            knowledge=tuple(knowledge),
            link=self._content_link(),
            promotion=offer,
        )

    def _content_image(self):
        """The product's main image as bytes (None without one)."""
        self.ensure_one()
        return base64.b64decode(self.image_1920) if self.image_1920 else None
