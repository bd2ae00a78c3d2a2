# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

import numpy as np

from odoo import api, fields, models
from odoo.tools import SQL

from ..sql import blocks
from ..sql.bulk import bulk_write, copy_text, read_numbers
from ..stats import basket

_logger = logging.getLogger(__name__)

#: A pair needs this many orders holding both products: rarer pairs are noise.
AFFINITY_MIN_PAIRS = 2
#: Rules kept per product (the product form and the AI agent show the first few).
AFFINITY_TOP_N = 10
#: Orders (by id) per block of stored basket counts (see ``..sql.blocks``).
BASKET_BLOCK_ORDERS = blocks.BLOCK_ORDERS
#: The stored basket counts, one row per company and block of order ids.
BASKET_BLOCK_TABLE = "chatwoot_product_basket_block"


def confirmed_sale_company_ids(env):
    """Companies with confirmed orders: each one's product analytics are computed apart."""
    # One probe per company (stops at its first confirmed order), not a scan of every order.
    rows = env.execute_query(
        SQL(
            "SELECT c.id FROM res_company c WHERE EXISTS ("
            " SELECT 1 FROM sale_order so WHERE so.company_id = c.id AND so.state = 'sale')"
            " ORDER BY 1"
        )
    )
    return [row[0] for row in rows]


def sales_changed_since(env, company_id, moment):
    """Whether an order line of the company was written at or after ``moment`` (None: yes).

    Refreshes call it to skip a company whose orders did not change: the incremental runs of
    the day then cost one scan instead of a recount.
    """
    if not moment:
        return True
    return bool(
        env.execute_query(
            SQL(
                "SELECT 1 FROM sale_order_line WHERE company_id = %s AND write_date >= %s LIMIT 1",
                company_id,
                moment,
            )
        )
    )


class ChatwootProductAffinity(models.Model):
    _name = "chatwoot.product.affinity"
    _description = "Products Bought Together"
    _order = "company_id, product_tmpl_id, lift desc, count desc, id"
    _rec_name = "related_product_tmpl_id"

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, ondelete="cascade"
    )
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product", required=True, readonly=True, ondelete="cascade"
    )
    related_product_tmpl_id = fields.Many2one(
        "product.template",
        string="Bought With",
        required=True,
        readonly=True,
        ondelete="cascade",
    )
    support = fields.Float(
        readonly=True, digits=(16, 4), help="Share of the orders holding both products."
    )
    confidence = fields.Float(
        readonly=True,
        digits=(16, 4),
        help="Share of the orders with the product that also hold the related one.",
    )
    lift = fields.Float(
        readonly=True,
        digits=(16, 2),
        help="How much more often both are bought together than by chance (1 = chance).",
    )
    count = fields.Integer(string="Orders", readonly=True, help="Orders holding both products.")

    _product_company_idx = models.Index("(company_id, product_tmpl_id, lift DESC)")

    def init(self):
        result = super().init()
        blocks.create_table(self.env.cr, BASKET_BLOCK_TABLE)
        return result

    # ------------------------------------------------------------------ refresh
    @api.model
    def _refresh_affinity(self):
        """Recount the bought-together rules of every company from its confirmed orders."""
        self.env.flush_all()  # the SQL below must see pending ORM writes
        total = sum(
            self._refresh_company_affinity(company_id)
            for company_id in confirmed_sale_company_ids(self.env)
        )
        self.invalidate_model()
        _logger.info("chatwoot.product.affinity: %s rule(s)", total)
        return total

    @api.model
    def _baskets(self, company_id, block_ids=None):
        """(order ids, product template ids) of the company's confirmed order lines, as two
        integer arrays; with ``block_ids``, only the lines of those blocks of order ids.

        Cancelled and draft orders are left out, and a product whose lines net to zero or less
        in an order (returned, refunded) is not in that basket. The lines are read through COPY
        straight into arrays (a million lines never become Python tuples), without grouping (a
        product on two lines is deduplicated by the basket matrix); only the few orders holding
        a negative line are grouped, to find the netted pairs.
        """
        in_blocks = SQL("TRUE")
        if block_ids is not None:
            # Ranges of the order id: index range scans when few blocks changed.
            in_blocks = SQL(
                "EXISTS (SELECT 1 FROM unnest(%s::int[]) b WHERE l.order_id >= b * %s"
                " AND l.order_id < (b + 1) * %s)",
                list(block_ids),
                BASKET_BLOCK_ORDERS,
                BASKET_BLOCK_ORDERS,
            )
        lines = read_numbers(
            self.env,
            SQL(
                "SELECT l.order_id, p.product_tmpl_id FROM sale_order_line l"
                " JOIN product_product p ON p.id = l.product_id"
                " WHERE l.state = 'sale' AND l.company_id = %s AND l.display_type IS NULL"
                " AND l.product_uom_qty > 0 AND %s",
                company_id,
                in_blocks,
            ),
            2,
        ).astype(np.int64)
        netted = read_numbers(
            self.env,
            SQL(
                """
                SELECT l.order_id, p.product_tmpl_id
                  FROM sale_order_line l
                  JOIN product_product p ON p.id = l.product_id
                 WHERE l.order_id IN (
                       SELECT order_id FROM sale_order_line l
                        WHERE state = 'sale' AND company_id = %(company)s
                          AND product_uom_qty < 0 AND %(in_blocks)s
                 ) AND l.display_type IS NULL
                 GROUP BY 1, 2 HAVING sum(l.product_uom_qty) <= 0
                """,
                company=company_id,
                in_blocks=in_blocks,
            ),
            2,
        ).astype(np.int64)
        orders, templates = lines[:, 0], lines[:, 1]
        if len(netted):
            kept = ~np.isin(
                basket.pair_keys(orders, templates), basket.pair_keys(netted[:, 0], netted[:, 1])
            )
            orders, templates = orders[kept], templates[kept]
        return orders, templates

    @api.model
    def _refresh_company_affinity(self, company_id):
        last = self.env.execute_query(
            SQL(
                "SELECT min(create_date), count(*) FROM chatwoot_product_affinity"
                " WHERE company_id = %s",
                company_id,
            )
        )[0]
        if last[1] and not sales_changed_since(self.env, company_id, last[0]):
            return last[1]
        pairs = basket.rules_from_counts(
            self._basket_counts(company_id), min_pairs=AFFINITY_MIN_PAIRS, top_n=AFFINITY_TOP_N
        )
        self.env.execute_query(
            SQL("DELETE FROM chatwoot_product_affinity WHERE company_id = %s", company_id)
        )
        if pairs:
            self._insert_pairs(company_id, pairs)
        return len(pairs)

    @api.model
    def _basket_counts(self, company_id):
        """The company's :class:`..stats.basket.BasketCounts`, recounting only what changed.

        Counts are kept per block of ``BASKET_BLOCK_ORDERS`` order ids (``..sql.blocks``): a
        block is counted again (one sparse product over its baskets) when one of its order
        lines was written since the last run, which a new, edited, confirmed or cancelled
        order does (the line's ``state`` is stored: its rewrite stamps ``write_date``).
        Baskets do not depend on the order's date: re-dating orders recounts nothing. Counts
        of disjoint orders add up, so the merged blocks equal a count over every order.
        """
        changed = blocks.changed_blocks(
            self.env,
            BASKET_BLOCK_TABLE,
            company_id,
            [("sale_order_line", "order_id")],
            BASKET_BLOCK_ORDERS,
        )
        parts = {}
        if changed is None or changed:
            orders, templates = self._baskets(company_id, changed)
            of_block = orders // BASKET_BLOCK_ORDERS
            for block in np.unique(of_block).tolist():
                kept = of_block == block
                parts[block] = basket.basket_counts(orders[kept], templates[kept])
        blocks.write_blocks(
            self.env,
            BASKET_BLOCK_TABLE,
            company_id,
            changed,
            {block: basket.counts_to_bytes(counts) for block, counts in parts.items()},
        )
        stored = blocks.read_blocks(self.env, BASKET_BLOCK_TABLE, company_id, skip=parts)
        return basket.merge_counts(
            [basket.counts_from_bytes(data) for data in stored] + list(parts.values())
        )

    @api.model
    def _insert_pairs(self, company_id, pairs):
        """All the company's rules in one COPY (the shared bulk-write helper)."""
        bulk_write(
            self.env,
            self._table,
            ("company_id", "product_tmpl_id", "related_product_tmpl_id")
            + ("support", "confidence", "lift", "count"),
            ["\t".join(copy_text(value) for value in (company_id, *pair)) + "\n" for pair in pairs],
        )

    # ------------------------------------------------------------------ reading
    @api.model
    def _related_names(self, product_tmpl_ids, limit=3):
        """Names of the products most bought with each template in the current company.

        Returns ``{template id: [names]}``, best lift first; only rules with a lift above 1
        (bought together more than by chance). Read as the calling user: record rules apply.
        """
        rules = self.search_read(
            [
                ("product_tmpl_id", "in", list(product_tmpl_ids)),
                ("company_id", "=", self.env.company.id),
                ("lift", ">", 1.0),
            ],
            ["product_tmpl_id", "related_product_tmpl_id"],
            order="product_tmpl_id, lift desc, count desc, id",
        )
        related = {}
        for rule in rules:
            names = related.setdefault(rule["product_tmpl_id"][0], [])
            name = rule["related_product_tmpl_id"][1]
            if len(names) < limit and name not in names:
                names.append(name)
        return related
