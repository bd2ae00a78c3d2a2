# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rows of a Meta Commerce catalog feed, written as CSV or as RSS 2.0 with the ``g:`` namespace.

Input rows are plain dicts read by SQL (one per saleable, active variant); ``feed_row`` turns
one into Meta's columns and rules:

    >>> row = feed_row({"variant_id": 7, "template_id": 3, "default_code": "", "name": "Batom",
    ...     "variant_values": "Vermelho", "description": "<p>Matte</p>", "price": 59.9,
    ...     "sale_price": 49.9, "currency": "BRL", "category": "All / Beleza", "brand": "Loja",
    ...     "variant_count": 2, "in_stock": True}, "https://shop.example.com", "https://cdn/img")
    >>> row["id"], row["title"], row["price"], row["sale_price"], row["availability"]
    ('odoo-7', 'Batom - Vermelho', '59.90 BRL', '49.90 BRL', 'in stock')
    >>> row["item_group_id"], row["product_type"], row["description"]
    ('odoo-tmpl-3', 'All > Beleza', 'Matte')
"""

import csv
import io
import re
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

from .facts import plain_text

COLUMNS = (
    "id",
    "title",
    "description",
    "availability",
    "condition",
    "price",
    "link",
    "image_link",
    "brand",
    "sale_price",
    "product_type",
    "item_group_id",
)
TITLE_LIMIT = 200
DESCRIPTION_LIMIT = 9999
G_NAMESPACE = "http://base.google.com/ns/1.0"
_SLUG = re.compile(r"[^a-z0-9]+")


def meta_price(amount, currency):
    """``59.90 BRL``: two decimals, a dot, the ISO code.

    >>> meta_price(59.9, "brl"), meta_price(1234.565, "USD")
    ('59.90 BRL', '1234.57 USD')
    """
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{value} {(currency or '').upper()}"


def stable_id(row):
    """The variant's internal reference, else an id from its database id (never reused)."""
    code = (row.get("default_code") or "").strip()
    return code[:100] if code else f"odoo-{row['variant_id']}"


def slug(name):
    """The product name as a URL part.

    >>> slug("Batom Matte Vermelho!")
    'batom-matte-vermelho'
    """
    return _SLUG.sub("-", (name or "").lower()).strip("-") or "product"


def _cut(text, limit):
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def feed_row(row, base_url, image_url):
    """Meta's columns for one variant ``row``; ``image_url`` is the variant's public image."""
    title = plain_text(row.get("name"))
    if row.get("variant_values"):
        title = f"{title} - {plain_text(row['variant_values'])}"
    title = _cut(title, TITLE_LIMIT)
    description = _cut(plain_text(row.get("description")) or title, DESCRIPTION_LIMIT)
    price, sale = row.get("price") or 0.0, row.get("sale_price")
    values = {
        "id": stable_id(row),
        "title": title,
        "description": description,
        "availability": "in stock" if row.get("in_stock", True) else "out of stock",
        "condition": "new",
        "price": meta_price(price, row.get("currency")),
        "link": f"{base_url.rstrip('/')}/shop/{slug(row.get('name'))}-{row['template_id']}",
        "image_link": image_url,
        "brand": _cut(plain_text(row.get("brand")), 100),
        "sale_price": "",
        "product_type": " > ".join(
            part.strip() for part in (row.get("category") or "").split("/") if part.strip()
        ),
        "item_group_id": f"odoo-tmpl-{row['template_id']}"
        if (row.get("variant_count") or 1) > 1
        else "",
    }
    if sale is not None and round(sale, 2) < round(price, 2):
        values["sale_price"] = meta_price(sale, row.get("currency"))
    return values


def to_csv(rows):
    """The feed as CSV text (header first; empty optional columns stay empty)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def to_rss(rows, title, link):
    """The feed as RSS 2.0 with the ``g:`` namespace (empty optional columns left out)."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<rss version="2.0" xmlns:g="{G_NAMESPACE}"><channel>',
        f"<title>{escape(title)}</title><link>{escape(link)}</link>",
        f"<description>{escape(title)}</description>",
    ]
    for row in rows:
        parts.append("<item>")
        for column in COLUMNS:
            if row.get(column):
                parts.append(f"<g:{column}>{escape(row[column])}</g:{column}>")
        parts.append("</item>")
    parts.append("</channel></rss>\n")
    return "".join(parts)
