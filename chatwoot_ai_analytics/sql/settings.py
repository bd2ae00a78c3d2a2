# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Planner settings for a few statements of the refresh, put back afterwards."""

from contextlib import contextmanager

from odoo.tools import SQL

#: Settings :func:`local_settings` accepts (a fixed list: their names are spliced as SQL).
SETTINGS = frozenset(("jit", "enable_hashjoin", "enable_mergejoin", "enable_nestloop", "work_mem"))


@contextmanager
def local_settings(cr, **values):
    """Set PostgreSQL settings for the statements run inside, then restore the previous values
    (``set_config(..., true)``: transaction-local, so on an error the rollback of the
    transaction or savepoint restores them; a failed transaction accepts no more statements).

    JIT compilation costs 0.1-0.2 s per big aggregate of the refresh and never pays back on
    them; a nested loop misestimated over 200k order lines costs a second.
    """
    if set(values) - SETTINGS:
        raise ValueError(f"settings must be among {sorted(SETTINGS)}")
    names = sorted(values)
    cr.execute(SQL("SELECT %s", SQL(", ").join(SQL("current_setting(%s)", name) for name in names)))
    previous = cr.fetchone()
    cr.execute(
        SQL(
            "SELECT %s",
            SQL(", ").join(SQL("set_config(%s, %s, true)", n, str(values[n])) for n in names),
        )
    )
    yield
    cr.execute(
        SQL(
            "SELECT %s",
            SQL(", ").join(
                SQL("set_config(%s, %s, true)", n, value)
                for n, value in zip(names, previous, strict=True)
            ),
        )
    )
