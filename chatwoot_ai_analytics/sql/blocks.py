# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Aggregates of the order lines kept per block of order ids, recounted only where they changed.

The product analyses read every confirmed order line of a company (a million on the large
seed), while a day adds or edits a few hundred. Their aggregates that add up over disjoint
sets of orders (basket pair counts, daily sales) are kept in an internal table per company
and block of ``BLOCK_ORDERS`` order ids, stamped with the time of the run that last checked
them, as numbers-only ``.npz`` bytes (never pickled).

Invalidation rule: a block is counted again when a row of one of the caller's *sources* (order
lines, orders, ...) in it was written at or after that time; a block without rows any more is
dropped; with no stored block every block is counted. Blocks of ids rather than of dates: an
order never changes id, so re-dating it cannot move it out of the block that holds its count.
The tables are internal state of the refresh, like a materialised view: no model, no access
rights; the company's deletion cascades.
"""

from odoo.tools import SQL

#: Orders (by id) per block.
BLOCK_ORDERS = 20000


def create_table(cr, table):
    """The block table ``table`` (company, block, bytes, time of the last check)."""
    cr.execute(
        SQL(
            "CREATE TABLE IF NOT EXISTS %s ("
            " company_id int NOT NULL REFERENCES res_company(id) ON DELETE CASCADE,"
            " block int NOT NULL, data bytea NOT NULL, counted_at timestamp NOT NULL,"
            " PRIMARY KEY (company_id, block))",
            SQL.identifier(table),
        )
    )


def changed_blocks(
    env, table, company_id, sources, block_size=BLOCK_ORDERS, everything_if_written=()
):
    """Sorted blocks to count again, or None for every block (nothing stored yet, or a row of
    a table of ``everything_if_written`` was written since the check).

    ``sources`` are ``(table, order id column)`` pairs, each with ``company_id`` and
    ``write_date`` columns; a block changed when a row of one was written since the check.
    """
    checked = env.execute_query(
        SQL(
            "SELECT min(counted_at) FROM %s WHERE company_id = %s",
            SQL.identifier(table),
            company_id,
        )
    )[0][0]
    if checked is None:
        return None
    for source in everything_if_written:
        if env.execute_query(
            SQL(
                "SELECT 1 FROM %s WHERE write_date >= %s LIMIT 1",
                SQL.identifier(source),
                checked,
            )
        ):
            return None
    blocks = set()
    for source, column in sources:
        rows = env.execute_query(
            SQL(
                "SELECT DISTINCT %s / %s FROM %s WHERE company_id = %s AND write_date >= %s",
                SQL.identifier(column),
                block_size,
                SQL.identifier(source),
                company_id,
                checked,
            )
        )
        blocks.update(row[0] for row in rows)
    return sorted(blocks)


def read_blocks(env, table, company_id, skip=()):
    """The stored bytes of the company's blocks, but those in ``skip``."""
    rows = env.execute_query(
        SQL(
            "SELECT data FROM %s WHERE company_id = %s AND NOT block = ANY(%s) ORDER BY block",
            SQL.identifier(table),
            company_id,
            list(skip),
        )
    )
    return [bytes(row[0]) for row in rows]


def write_blocks(env, table, company_id, counted, parts):
    """Store ``parts`` ({block: bytes}) for the ``counted`` blocks (None: all), drop the counted
    blocks left without rows, and stamp every block of the company as checked now."""
    cr = env.cr
    name = SQL.identifier(table)
    if counted is None:
        cr.execute(SQL("DELETE FROM %s WHERE company_id = %s", name, company_id))
    else:
        gone = sorted(set(counted) - set(parts))
        cr.execute(
            SQL("DELETE FROM %s WHERE company_id = %s AND block = ANY(%s)", name, company_id, gone)
        )
    blocks = sorted(parts)
    if blocks:
        cr.execute(
            SQL(
                "INSERT INTO %s (company_id, block, data, counted_at)"
                " SELECT %s, b.block, b.data, %s"
                " FROM unnest(%s::int[], %s::bytea[]) AS b(block, data)"
                " ON CONFLICT (company_id, block) DO UPDATE SET data = EXCLUDED.data",
                name,
                company_id,
                cr.now(),
                blocks,
                [parts[block] for block in blocks],
            )
        )
    cr.execute(
        SQL("UPDATE %s SET counted_at = %s WHERE company_id = %s", name, cr.now(), company_id)
    )
