# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one bulk-write path of the analytics models: COPY into a staging table, then one
``INSERT ... SELECT`` (plain, or an upsert ``ON CONFLICT``), and the numeric read that is its
mirror: ``COPY (query) TO STDOUT`` straight into a NumPy matrix.

The ORM's ``create`` costs a round trip and a Python dict per row; 100k insights or a
million-row event read would spend more time converting values than PostgreSQL spends on the
query. Rows are given as COPY text lines (base's :func:`copy_text` per value,
:func:`copy_lines` per batch); the audit columns (``create_uid``, ``create_date``,
``write_uid``, ``write_date``) are filled here. Callers flush and invalidate the ORM around a
bulk write themselves.
"""

import io
import itertools
from contextlib import contextmanager

import numpy as np

from odoo.tools import SQL

# The analytics SQL takes its COPY encoder from here (base's, shared with the demo loader).
from odoo.addons.chatwoot_ai_base.sql.copy import ESCAPES, NULL, copy_text

from .settings import local_settings

AUDIT_COLUMNS = ("create_uid", "create_date", "write_uid", "write_date")


def copy_lines(*columns):
    """COPY text lines from columns of already formatted values (one list per column)."""
    return ["\t".join(row) + "\n" for row in zip(*columns, strict=True)]


@contextmanager
def staged(env, table, columns, lines):
    """A temporary copy of ``table``'s shape holding ``lines`` (COPY text, in ``columns``'
    order); yields its name, dropped on exit. Readers may join it before the write."""
    cr = env.cr
    staging = f"{table}_incoming"
    cr.execute(
        SQL(
            "CREATE TEMPORARY TABLE %s (LIKE %s INCLUDING DEFAULTS) ON COMMIT DROP",
            SQL.identifier(staging),
            SQL.identifier(table),
        )
    )
    try:
        copy = SQL(
            "COPY %s (%s) FROM STDIN",
            SQL.identifier(staging),
            SQL(", ").join(SQL.identifier(column) for column in columns),
        )
        cr.copy_expert(copy.code, io.StringIO("".join(lines)))
        yield staging
    finally:
        cr.execute(SQL("DROP TABLE IF EXISTS %s", SQL.identifier(staging)))


def write_staged(env, table, staging, columns, conflict=(), now=None):
    """``INSERT`` the staged rows into ``table`` with the audit columns; with ``conflict``
    (the unique columns) an upsert that rewrites every other column. Returns the row count."""
    cr = env.cr
    now = now or cr.now()
    names = SQL(", ").join(SQL.identifier(column) for column in columns)
    on_conflict = SQL()
    if conflict:
        updates = SQL(", ").join(
            SQL("%s = EXCLUDED.%s", SQL.identifier(column), SQL.identifier(column))
            for column in columns
            if column not in conflict
        )
        on_conflict = SQL(
            "ON CONFLICT (%s) DO UPDATE SET %s, write_uid = EXCLUDED.write_uid,"
            " write_date = EXCLUDED.write_date",
            SQL(", ").join(SQL.identifier(column) for column in conflict),
            updates,
        )
    cr.execute(
        SQL(
            "INSERT INTO %(table)s (%(names)s, %(audit)s)"
            " SELECT %(names)s, %(uid)s, %(now)s, %(uid)s, %(now)s FROM %(staging)s"
            " %(on_conflict)s",
            table=SQL.identifier(table),
            names=names,
            audit=SQL(", ").join(SQL.identifier(column) for column in AUDIT_COLUMNS),
            uid=env.uid,
            now=now,
            staging=SQL.identifier(staging),
            on_conflict=on_conflict,
        )
    )
    return cr.rowcount


def bulk_write(env, table, columns, lines, conflict=(), now=None):
    """COPY ``lines`` into ``table`` (an upsert on ``conflict`` when given); the row count."""
    if not lines:
        return 0
    with staged(env, table, columns, lines) as staging:
        return write_staged(env, table, staging, columns, conflict=conflict, now=now)


#: Column types :class:`StagedUpdate` accepts (a fixed list: they are spliced as SQL).
COLUMN_TYPES = frozenset(("int", "float8", "varchar", "text", "bool", "date", "timestamp"))


def _copy_float(value):
    """A float in COPY text: ``repr`` round-trips it exactly (as the array literals did)."""
    return NULL if value is None else repr(float(value))


def _copy_int(value):
    return NULL if value is None else str(int(value))


def _copy_str(value):
    return NULL if value is None else str(value).translate(ESCAPES)


#: COPY text encoders of the column types whose values need no type probe (a staged update
#: encodes a few values per row: :func:`copy_text`'s probes would double the cost).
ENCODERS = {"float8": _copy_float, "int": _copy_int, "varchar": _copy_str, "text": _copy_str}
_STAGING_NUMBERS = itertools.count(1)


class StagedUpdate:
    """Rows of ``table`` to rewrite, gathered batch after batch in a temporary table by COPY,
    then written by one ``UPDATE ... FROM`` that table (audit columns untouched).

    Against an ``UPDATE ... FROM unnest(<arrays>)`` per batch, the values travel as COPY text
    instead of array literals that the server parses while planning, and ``table`` is scanned
    and joined once for the whole run instead of once per batch. ``columns`` maps each column
    to its type (:data:`COLUMN_TYPES`); with ``only_changed`` rows that already hold the new
    values are not rewritten (no dead tuple). Each row is staged once at most.
    """

    def __init__(self, env, table, columns, only_changed=False):
        if any(kind not in COLUMN_TYPES for kind in columns.values()):
            raise ValueError(f"column types must be among {sorted(COLUMN_TYPES)}")
        self.env = env
        self.table = table
        self.columns = dict(columns)
        self.only_changed = only_changed
        self.staging = None

    def add(self, ids, values):
        """Stage the rows ``ids`` with ``values``: one list per column, parallel to ``ids``."""
        if not len(ids):
            return
        names = list(self.columns)
        cr = self.env.cr
        if self.staging is None:
            self.staging = f"{self.table}_staged_{next(_STAGING_NUMBERS)}"
            cr.execute(
                SQL(
                    "CREATE TEMPORARY TABLE %s (id int, %s) ON COMMIT DROP",
                    SQL.identifier(self.staging),
                    SQL(", ").join(
                        SQL(f"%s {self.columns[name]}", SQL.identifier(name))  # noqa: S608
                        for name in names
                    ),
                )
            )
        encoded = [list(map(_copy_int, ids))] + [
            list(map(ENCODERS.get(self.columns[name], copy_text), column))
            for name, column in zip(names, values, strict=True)
        ]
        copy = SQL(
            "COPY %s (id, %s) FROM STDIN",
            SQL.identifier(self.staging),
            SQL(", ").join(SQL.identifier(name) for name in names),
        )
        cr.copy_expert(copy.code, io.StringIO("".join(copy_lines(*encoded))))

    def apply(self):
        """Write the staged rows with one UPDATE and drop the staging; the row count."""
        if self.staging is None:
            return 0
        names = list(self.columns)
        target = SQL(", ").join(SQL("t.%s", SQL.identifier(name)) for name in names)
        source = SQL(", ").join(SQL("v.%s", SQL.identifier(name)) for name in names)
        changed = (
            SQL("AND (%s) IS DISTINCT FROM (%s)", target, source) if self.only_changed else SQL()
        )
        cr = self.env.cr
        # One hash join of the staging with one scan of the table, hashed in memory.
        with bulk_settings(cr):
            cr.execute(
                SQL(
                    "UPDATE %s t SET %s FROM %s v WHERE t.id = v.id %s",
                    SQL.identifier(self.table),
                    SQL(", ").join(
                        SQL("%s = v.%s", SQL.identifier(name), SQL.identifier(name))
                        for name in names
                    ),
                    SQL.identifier(self.staging),
                    changed,
                )
            )
            count = cr.rowcount
        cr.execute(SQL("DROP TABLE %s", SQL.identifier(self.staging)))
        self.staging = None
        return count


#: Characters of COPY text :func:`read_numbers` holds before it parses them (about 4 MB): the
#: text of a million-row read is never in memory at once, only its float matrix.
READ_CHUNK_CHARS = 1 << 22


class _MatrixSink:
    """Target of ``COPY ... TO STDOUT`` parsing the rows into float blocks as they stream in,
    whole lines at a time (psycopg2 writes the rows to it as ``bytes``). A file, not a model:
    its ``write`` has no ``super()`` to call."""

    def __init__(self, width, chunk_chars=READ_CHUNK_CHARS):
        self.width = width
        self.chunk_chars = chunk_chars
        self.pending = []
        self.pending_chars = 0
        self.blocks = []

    def write(self, data):  # pylint: disable=method-required-super
        self.pending.append(data)
        self.pending_chars += len(data)
        if self.pending_chars >= self.chunk_chars:
            self._parse(final=False)
        return len(data)

    def _parse(self, final):
        data = b"".join(self.pending)
        cut = len(data) if final else data.rfind(b"\n") + 1
        rest = data[cut:]
        self.pending, self.pending_chars = ([rest] if rest else []), len(rest)
        if cut:
            text = io.StringIO(data[:cut].decode())
            block = np.loadtxt(text, delimiter="\t", dtype=float, ndmin=2)
            self.blocks.append(block.reshape(-1, self.width))

    def matrix(self):
        self._parse(final=True)
        if not self.blocks:
            return np.zeros((0, self.width))
        return self.blocks[0] if len(self.blocks) == 1 else np.concatenate(self.blocks)


def read_numbers(env, query, width, chunk_chars=READ_CHUNK_CHARS):
    """The rows of ``query`` (numbers only: cast dates to day numbers, booleans to int) as a
    ``(rows, width)`` float matrix, NULL as NaN, through COPY: no Python object per value.

    The COPY text is parsed in chunks of about ``chunk_chars`` characters as it arrives."""
    sink = _MatrixSink(width, chunk_chars)
    copy = SQL("COPY (%s) TO STDOUT WITH (NULL 'nan')", query)
    statement = env.cr.mogrify(copy.code, copy.params)
    env.cr.copy_expert(statement.decode(), sink)
    return sink.matrix()


#: ``work_mem`` of :func:`bulk_settings`: the sorts and hashes of a 100k-customer refresh fit.
BULK_WORK_MEM = "64MB"


def bulk_settings(cr, work_mem=BULK_WORK_MEM):
    """This transaction's settings for a few statements over the whole shop: no JIT (LLVM spent
    3 of the 7.9 s of the customer aggregates compiling them) and ``work_mem`` to sort and hash
    in memory instead of on disk; restored on exit (see :func:`..settings.local_settings`)."""
    return local_settings(cr, jit="off", work_mem=work_mem)


def set_fillfactor(cr, table, percent):
    """Keep ``100 - percent`` % of each page of ``table`` free, rewriting the table once when
    the setting changes (``CLUSTER`` on its primary key: it runs inside the upgrade's
    transaction, unlike ``VACUUM FULL``). Returns whether it changed.

    For a table whose rows a bulk write rewrites all at once: with room on the page the new
    version of a row stays beside the old one (a HOT update) and no index is touched unless an
    indexed column changed; on full pages every update writes every index.
    """
    option = f"fillfactor={int(percent)}"
    cr.execute("SELECT reloptions FROM pg_class WHERE oid = %s::regclass", [table])
    row = cr.fetchone()
    if row is None or option in (row[0] or []):
        return False
    cr.execute(SQL("ALTER TABLE %s SET (fillfactor = %s)", SQL.identifier(table), int(percent)))
    cr.execute(SQL("CLUSTER %s USING %s", SQL.identifier(table), SQL.identifier(f"{table}_pkey")))
    return True
