# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Daily sales of a company (units, revenue, margin per day), kept per block of order ids.

The promotion effects compare days inside and around each window with the company's whole
history of daily sales: two years of a million order lines. The sums per day of each block of
orders (:mod:`.blocks`) add up to the company's; only the blocks whose lines or orders were
written since the last run are summed again, and every block when a product was written (its
cost, hence the margin, may have changed).
"""

import io
from datetime import date

import numpy as np

from odoo.tools import SQL

from . import blocks

TABLE = "chatwoot_product_sales_block"
#: The measures of a day, in order.
MEASURES = ("units", "revenue", "margin")


def line_measures_sql():
    """Units, revenue and margin of an order line ``l`` of order ``o`` and variant ``p``.

    Revenue is converted to the company currency with the rate frozen on the order; the margin
    uses the variant's cost in the order's company (company-dependent ``standard_price``).
    """
    return SQL(
        """l.product_uom_qty::float AS units,
           (l.price_subtotal / COALESCE(NULLIF(o.currency_rate, 0), 1))::float AS revenue,
           (l.price_subtotal / COALESCE(NULLIF(o.currency_rate, 0), 1)
            - l.product_uom_qty * COALESCE((p.standard_price ->> o.company_id::text)::float, 0)
           )::float AS margin"""
    )


def pack(rows):
    """``.npz`` bytes of (day ordinal, units, revenue, margin) rows.

    >>> unpack(pack([(739000, 1.0, 10.0, 4.0)])).tolist()
    [[739000.0, 1.0, 10.0, 4.0]]
    """
    buffer = io.BytesIO()
    np.save(buffer, np.asarray(rows, dtype=np.float64).reshape(-1, 1 + len(MEASURES)))
    return buffer.getvalue()


def unpack(data):
    """The rows :func:`pack` stored, as a float matrix."""
    return np.load(io.BytesIO(bytes(data)), allow_pickle=False)


def merge(parts):
    """``{date: (units, revenue, margin)}`` summed over the blocks' rows (matrices).

    >>> merge([unpack(pack([(739000, 1, 10, 4)])), unpack(pack([(739000, 2, 20, 8)]))])
    {datetime.date(2024, 4, 24): (3.0, 30.0, 12.0)}
    """
    rows = np.concatenate([part for part in parts if len(part)] or [np.zeros((0, 4))])
    days, inverse = np.unique(rows[:, 0].astype(np.int64), return_inverse=True)
    sums = [
        np.bincount(inverse.ravel(), weights=rows[:, 1 + i], minlength=len(days)) for i in range(3)
    ]
    return {
        date.fromordinal(day): tuple(float(column[i]) for column in sums)
        for i, day in enumerate(days.tolist())
    }


def block_rows(env, company_id, block_ids=None, block_size=blocks.BLOCK_ORDERS):
    """``{block: [(day ordinal, units, revenue, margin)]}`` of the company's confirmed lines
    (all blocks, or ``block_ids``)."""
    in_blocks = SQL("TRUE")
    if block_ids is not None:
        in_blocks = SQL("o.id / %s = ANY(%s)", block_size, list(block_ids))
    rows = env.execute_query(
        SQL(
            """
            SELECT block, day, sum(units), sum(revenue), sum(margin)
              FROM (
                SELECT o.id / %(size)s AS block,
                       o.date_order::date - DATE '0001-01-01' + 1 AS day, %(measures)s
                  FROM sale_order_line l
                  JOIN sale_order o ON o.id = l.order_id
                  JOIN product_product p ON p.id = l.product_id
                 WHERE l.state = 'sale' AND l.company_id = %(company)s
                   AND l.display_type IS NULL AND %(in_blocks)s
              ) lines
             GROUP BY block, day
            """,
            size=block_size,
            measures=line_measures_sql(),
            company=company_id,
            in_blocks=in_blocks,
        )
    )
    by_block = {}
    for block, *values in rows:
        by_block.setdefault(block, []).append(values)
    return by_block


def daily_sales(env, company_id, block_size=blocks.BLOCK_ORDERS):
    """``{date: (units, revenue, margin)}`` of every day the company sold, from the stored
    blocks, those changed since the last run summed again first."""
    changed = blocks.changed_blocks(
        env,
        TABLE,
        company_id,
        [("sale_order_line", "order_id"), ("sale_order", "id")],
        block_size,
        everything_if_written=("product_product",),
    )
    parts = {}
    if changed is None or changed:
        parts = {
            block: pack(rows)
            for block, rows in block_rows(env, company_id, changed, block_size).items()
        }
    blocks.write_blocks(env, TABLE, company_id, changed, parts)
    stored = blocks.read_blocks(env, TABLE, company_id, skip=parts)
    return merge([unpack(data) for data in stored + list(parts.values())])
