# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL


class ProductProduct(models.Model):
    _name = "product.product"
    _inherit = ["product.product", "chatwoot.catalog.feed.source"]

    @api.model
    def _chatwoot_feed_rows(self, company, lang):
        """Plain rows of the company's saleable, active variants for a catalog feed (SQL).

        Names, descriptions and attribute values are read in ``lang``; ``price`` is the list
        price plus the variant's extra price.
        """
        self.env["product.product"].flush_model()
        self.env["product.template"].flush_model()
        storable = (
            SQL("pt.is_storable")
            if "is_storable" in self.env["product.template"]._fields
            else SQL("FALSE")
        )
        return [
            dict(row)
            for row in self.env.execute_query_dict(
                SQL(
                    """
            SELECT pp.id AS variant_id, pt.id AS template_id,
                   COALESCE(pp.default_code, '') AS default_code,
                   COALESCE(pt.name->>%(lang)s, pt.name->>'en_US') AS name,
                   COALESCE(pt.description_sale->>%(lang)s, pt.description_sale->>'en_US')
                       AS description,
                   pt.list_price + COALESCE(combo.price_extra, 0) AS price,
                   categ.complete_name AS category,
                   combo.variant_values,
                   counts.variant_count,
                   %(storable)s AS is_storable,
                   TRUE AS in_stock,
                   EXISTS (
                       SELECT 1 FROM ir_attachment a
                        WHERE a.res_field IN ('image_1920', 'image_variant_1920')
                          AND ((a.res_model = 'product.template' AND a.res_id = pt.id)
                            OR (a.res_model = 'product.product' AND a.res_id = pp.id))
                   ) AS has_image
              FROM product_product pp
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              LEFT JOIN product_category categ ON categ.id = pt.categ_id
              LEFT JOIN LATERAL (
                   SELECT SUM(ptav.price_extra) AS price_extra,
                          string_agg(COALESCE(pav.name->>%(lang)s, pav.name->>'en_US'), ' / '
                                     ORDER BY pa.sequence, pa.id) AS variant_values
                     FROM product_variant_combination pvc
                     JOIN product_template_attribute_value ptav
                       ON ptav.id = pvc.product_template_attribute_value_id
                     JOIN product_attribute_value pav
                       ON pav.id = ptav.product_attribute_value_id
                     JOIN product_attribute pa ON pa.id = pav.attribute_id
                    WHERE pvc.product_product_id = pp.id
                   ) combo ON TRUE
              JOIN LATERAL (
                   SELECT count(*) AS variant_count FROM product_product v
                    WHERE v.product_tmpl_id = pt.id AND v.active
                   ) counts ON TRUE
             WHERE pp.active AND pt.active AND pt.sale_ok AND pt.type != 'combo'
               AND (pt.company_id IS NULL OR pt.company_id = %(company)s)
             ORDER BY pt.id, pp.id
                    """,
                    lang=lang,
                    company=company.id,
                    storable=storable,
                )
            )
        ]
