# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import secrets

from odoo import api, fields, models
from odoo.tools import SQL

from ..content.feed import feed_row, to_csv, to_rss

FEED_ROUTE = "/chatwoot_ai/catalog/"
#: Bumped (outside transactions, no lock) by every ORM change of products and prices.
VERSION_SEQUENCE = "chatwoot_catalog_feed_version"
FEED_FORMATS = ("csv", "xml")
#: Tables whose changes invalidate a cached feed (stock's only when stock is installed).
FEED_TABLES = (
    "product_product",
    "product_template",
    "product_template_attribute_value",
    "product_pricelist",
    "product_pricelist_item",
)


def _new_token():
    return secrets.token_urlsafe(32)


class ChatwootCatalogFeed(models.Model):
    """A Meta Commerce catalog feed of the company's saleable products.

    The rows are read by SQL from the live products; the rendered feed is kept until a
    product, variant, price or stock change (seen in the tables' fingerprint) invalidates it.
    """

    _name = "chatwoot.catalog.feed"
    _description = "Catalog Feed"
    _order = "name, id"

    name = fields.Char(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    pricelist_id = fields.Many2one(
        "product.pricelist", help="Prices of this pricelist become the feed's sale prices."
    )
    base_url = fields.Char(
        string="Website Base URL",
        required=True,
        default=lambda self: self.env["res.config.settings"]._chatwoot_ai_public_base_url(),
        help="Product links of the feed start with it, e.g. https://shop.example.com.",
    )
    access_token = fields.Char(
        required=True, readonly=True, copy=False, default=lambda self: _new_token(), index=True
    )
    active = fields.Boolean(default=True)
    csv_url = fields.Char(string="CSV Feed URL", compute="_compute_urls")
    xml_url = fields.Char(string="XML Feed URL", compute="_compute_urls")
    row_count = fields.Integer(string="Products in Feed", readonly=True)
    cache_key = fields.Char(readonly=True, copy=False)
    cache_csv = fields.Text(readonly=True, copy=False, prefetch=False)
    cache_xml = fields.Text(readonly=True, copy=False, prefetch=False)
    cached_at = fields.Datetime(string="Generated At", readonly=True, copy=False)

    _token_uniq = models.Constraint("UNIQUE(access_token)", "Feed tokens are unique.")

    def init(self):
        self.env.cr.execute(
            SQL("CREATE SEQUENCE IF NOT EXISTS %s", SQL.identifier(VERSION_SEQUENCE))
        )

    @api.model
    def _invalidate_feeds(self):
        """Products or prices changed through the ORM: every cached feed is stale."""
        self.env.execute_query(SQL("SELECT nextval(%s)", VERSION_SEQUENCE))

    @api.depends("access_token")
    def _compute_urls(self):
        base = self.env["res.config.settings"]._chatwoot_ai_public_base_url()
        for feed in self:
            url = f"{base}{FEED_ROUTE}{feed.access_token}"
            feed.csv_url, feed.xml_url = f"{url}.csv", f"{url}.xml"

    def action_regenerate_token(self):
        self.write({"access_token": _new_token(), "cache_key": False})
        return True

    @api.model
    def _find_by_token(self, token):
        if not token or len(token) > 128:
            return self.browse()
        return self.sudo().search([("access_token", "=", token), ("active", "=", True)], limit=1)

    # ------------------------------------------------------------------ cache
    def _stock_installed(self):
        return "is_storable" in self.env["product.template"]._fields

    def _fingerprint(self):
        """A hash of what the feed depends on: every table's row count and last write."""
        self.ensure_one()
        tables = FEED_TABLES + (("stock_quant",) if self._stock_installed() else ())
        parts = [SQL("(SELECT last_value FROM %s)::text", SQL.identifier(VERSION_SEQUENCE))]
        parts += [
            SQL(
                "(SELECT concat(count(*), '@', max(write_date)) FROM %s)",
                SQL.identifier(table),
            )
            for table in tables
        ]
        row = self.env.execute_query(SQL("SELECT concat_ws('|', %s)", SQL(", ").join(parts)))
        seed = f"{row[0][0]}|{self.write_date}|{self.id}"
        return hashlib.sha256(seed.encode()).hexdigest()

    def _render(self, fmt):
        """The feed as text in ``fmt`` (csv or xml): cached, or generated and cached."""
        self.ensure_one()
        feed = self.sudo()
        key = feed._fingerprint()
        if feed.cache_key == key:
            cached = feed[f"cache_{fmt}"]
            if cached:
                return cached
        rows = feed._feed_rows()
        values = {
            "cache_key": key,
            "row_count": len(rows),
            "cached_at": fields.Datetime.now(),
            "cache_csv": to_csv(rows),
            "cache_xml": to_rss(rows, feed.name, feed.base_url),
        }
        # The feed's own write_date would change the fingerprint: written by SQL.
        self.env.execute_query(
            SQL(
                "UPDATE chatwoot_catalog_feed SET cache_key = %s, row_count = %s, "
                "cached_at = %s, cache_csv = %s, cache_xml = %s WHERE id = %s",
                values["cache_key"],
                values["row_count"],
                values["cached_at"],
                values["cache_csv"],
                values["cache_xml"],
                feed.id,
            )
        )
        feed.invalidate_recordset(list(values))
        return values[f"cache_{fmt}"]

    # ------------------------------------------------------------------ rows
    def _feed_rows(self):
        """Meta's rows for every saleable, active variant of the company (SQL, no loop over
        recordsets; the pricelist's prices in one batched call)."""
        self.ensure_one()
        lang = self.company_id.partner_id.lang or "en_US"
        rows = self.env["product.product"]._chatwoot_feed_rows(self.company_id, lang)
        sale_prices = self._sale_prices(rows)
        stock = self._stock_levels() if self._stock_installed() else None
        codes = {}
        for row in rows:
            if row["default_code"]:
                codes[row["default_code"]] = codes.get(row["default_code"], 0) + 1
        base = self.env["res.config.settings"]._chatwoot_ai_public_base_url()
        image_base = f"{base}{FEED_ROUTE}{self.access_token}/image/"
        brand = self.company_id.name
        currency = (self.pricelist_id.currency_id or self.company_id.currency_id).name
        result = []
        for row in rows:
            if codes.get(row["default_code"], 0) > 1:
                row["default_code"] = ""  # a shared code is no stable id: the generated one
            row["currency"] = currency
            row["brand"] = brand
            row["sale_price"] = sale_prices.get(row["variant_id"])
            if stock is not None and row["is_storable"]:
                row["in_stock"] = stock.get(row["variant_id"], 0.0) > 0
            image = f"{image_base}{row['variant_id']}" if row["has_image"] else ""
            result.append(feed_row(row, self.base_url, image))
        return result

    def _sale_prices(self, rows):
        if not self.pricelist_id or not rows:
            return {}
        variants = self.env["product.product"].sudo().browse([r["variant_id"] for r in rows])
        prices = self.pricelist_id.sudo()._get_products_price(variants, 1.0)
        return prices

    def _stock_levels(self):
        rows = self.env.execute_query(
            SQL(
                "SELECT q.product_id, SUM(q.quantity - q.reserved_quantity) FROM stock_quant q "
                "JOIN stock_location l ON l.id = q.location_id "
                "WHERE l.usage = 'internal' AND (l.company_id = %s OR l.company_id IS NULL) "
                "GROUP BY q.product_id",
                self.company_id.id,
            )
        )
        return dict(rows)
