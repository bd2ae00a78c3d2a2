# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shared bulk-write helper (COPY + upsert) and the COPY numeric read, on PostgreSQL."""

import doctest

import numpy as np

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.sql import copy as copy_module

from ..sql import bulk


@tagged("post_install", "-at_install")
class TestBulkWrite(TransactionCase):
    def test_insert_then_upsert_rewrites_rows_and_keeps_their_ids(self):
        company = self.env["res.company"].create({"name": "Loja Bulk"})
        partners = self.env["res.partner"].create([{"name": "Ana"}, {"name": "Bia"}])
        columns = ("company_id", "partner_id", "rfm_segment", "frequency")
        lines = bulk.copy_lines(
            [bulk.copy_text(company.id)] * 2,
            [bulk.copy_text(pid) for pid in partners.ids],
            ["champions", "lost"],
            ["8", "1"],
        )
        self.assertEqual(bulk.bulk_write(self.env, "chatwoot_customer_insight", columns, lines), 2)
        Insight = self.env["chatwoot.customer.insight"]
        first = Insight.search([("company_id", "=", company.id)], order="partner_id")
        self.assertEqual(first.mapped("rfm_segment"), ["champions", "lost"])
        self.assertEqual(first.create_uid, self.env.user)
        lines = bulk.copy_lines(
            [bulk.copy_text(company.id)], [bulk.copy_text(partners[1].id)], ["new"], ["2"]
        )
        bulk.bulk_write(
            self.env,
            "chatwoot_customer_insight",
            columns,
            lines,
            conflict=("company_id", "partner_id"),
        )
        self.env.invalidate_all()
        again = Insight.search([("company_id", "=", company.id)], order="partner_id")
        self.assertEqual(again, first)
        self.assertEqual(again.mapped("rfm_segment"), ["champions", "new"])
        self.assertEqual(again.mapped("frequency"), [8, 2])

    def test_read_numbers_gives_a_float_matrix_with_nan_for_null(self):
        matrix = bulk.read_numbers(
            self.env,
            SQL("SELECT * FROM (VALUES (1, 2.5, NULL::float8), (3, -1, 0)) v ORDER BY 1"),
            3,
        )
        self.assertEqual(matrix.shape, (2, 3))
        self.assertEqual(matrix[1].tolist(), [3.0, -1.0, 0.0])
        self.assertNotEqual(matrix[0, 2], matrix[0, 2])  # NaN
        empty = bulk.read_numbers(self.env, SQL("SELECT 1, 2 WHERE FALSE"), 2)
        self.assertEqual(empty.shape, (0, 2))

    def test_read_numbers_streams_in_chunks_to_the_same_matrix(self):
        query = SQL(
            "SELECT g, g * 0.5, CASE WHEN g %% 7 = 0 THEN NULL ELSE -g END"
            " FROM generate_series(1, 5000) g ORDER BY g"
        )
        whole = bulk.read_numbers(self.env, query, 3)
        # A few hundred characters a chunk: lines are cut across chunks and parsed whole.
        chunked = bulk.read_numbers(self.env, query, 3, chunk_chars=300)
        self.assertEqual(whole.shape, (5000, 3))
        np.testing.assert_array_equal(chunked, whole)
        self.assertEqual(whole[6].tolist()[:2], [7.0, 3.5])
        self.assertTrue(np.isnan(whole[6, 2]))
        single = bulk.read_numbers(self.env, SQL("SELECT g FROM generate_series(1, 3) g"), 1, 2)
        self.assertEqual(single.ravel().tolist(), [1.0, 2.0, 3.0])

    def test_bulk_settings_turn_jit_off_and_restore_the_settings(self):
        cr = self.env.cr
        cr.execute("SELECT set_config('work_mem', '4MB', true)")

        def settings():
            cr.execute("SELECT current_setting('jit'), current_setting('work_mem')")
            return cr.fetchone()

        before = settings()
        with bulk.bulk_settings(cr, work_mem="32MB"):
            self.assertEqual(settings(), ("off", "32MB"))
        self.assertEqual(settings(), before)

    def test_insights_table_keeps_room_for_updates_set_once(self):
        cr = self.env.cr
        cr.execute(
            "SELECT reloptions FROM pg_class WHERE oid = 'chatwoot_customer_insight'::regclass"
        )
        self.assertIn("fillfactor=50", cr.fetchone()[0])
        self.assertFalse(bulk.set_fillfactor(cr, "chatwoot_customer_insight", 50))
        cr.execute("CREATE TABLE cw_fillfactor_probe (id serial PRIMARY KEY, v int)")
        cr.execute("INSERT INTO cw_fillfactor_probe (v) SELECT g FROM generate_series(1, 50) g")
        self.assertTrue(bulk.set_fillfactor(cr, "cw_fillfactor_probe", 70))
        self.assertFalse(bulk.set_fillfactor(cr, "cw_fillfactor_probe", 70))
        cr.execute("SELECT reloptions FROM pg_class WHERE oid = 'cw_fillfactor_probe'::regclass")
        self.assertEqual(cr.fetchone()[0], ["fillfactor=70"])
        cr.execute("SELECT count(*) FROM cw_fillfactor_probe")
        self.assertEqual(cr.fetchone()[0], 50)

    def test_staged_update_rewrites_only_the_given_rows_and_columns(self):
        company = self.env["res.company"].create({"name": "Loja Update"})
        partners = self.env["res.partner"].create([{"name": "Caio"}, {"name": "Duda"}])
        Insight = self.env["chatwoot.customer.insight"]
        insights = Insight.create(
            [
                {"company_id": company.id, "partner_id": pid, "frequency": 1, "rfm_segment": "new"}
                for pid in partners.ids
            ]
        )
        self.env.flush_all()
        columns = {"frequency": "int", "rfm_segment": "varchar"}
        update = bulk.StagedUpdate(self.env, Insight._table, columns)
        update.add(insights[:1].ids, ([5], ["champions"]))
        self.assertEqual(update.apply(), 1)
        self.env.invalidate_all()
        self.assertEqual(insights.mapped("frequency"), [5, 1])
        self.assertEqual(insights.mapped("rfm_segment"), ["champions", "new"])
        # only_changed skips rows that already hold the values: no row is rewritten.
        unchanged = bulk.StagedUpdate(self.env, Insight._table, columns, only_changed=True)
        unchanged.add(insights.ids, ([5, 1], ["champions", "new"]))
        self.assertEqual(unchanged.apply(), 0)

    def test_staged_update_writes_every_batch_with_one_update(self):
        cr = self.env.cr
        cr.execute(
            "CREATE TABLE cw_staged_probe (id serial PRIMARY KEY, n int, x float8, t text,"
            " v varchar)"
        )
        cr.execute(
            "INSERT INTO cw_staged_probe (n, v) SELECT g, 'old' FROM generate_series(1, 3) g"
        )

        def rows():
            cr.execute("SELECT id, n, x, t, v, ctid::text FROM cw_staged_probe ORDER BY id")
            return cr.fetchall()

        columns = {"n": "int", "x": "float8", "t": "text", "v": "varchar"}
        update = bulk.StagedUpdate(self.env, "cw_staged_probe", columns)
        self.assertEqual(update.apply(), 0)  # nothing staged: no statement
        update.add([1], ([7], [0.1 + 0.2], ["a\tb\\c\nd"], ["new"]))
        update.add([], ([], [], [], []))
        update.add([2], ([None], [None], [None], [None]))
        before = rows()
        self.assertEqual([row[1] for row in before], [1, 2, 3])  # staged, not written yet
        staging = update.staging
        self.assertEqual(update.apply(), 2)
        after = rows()
        self.assertEqual(after[0][1:5], (7, 0.30000000000000004, "a\tb\\c\nd", "new"))
        self.assertEqual(after[1][1:5], (None, None, None, None))
        self.assertEqual(after[2], before[2])
        cr.execute("SELECT 1 FROM pg_class WHERE relname = %s", [staging])
        self.assertFalse(cr.fetchall())
        # only_changed: the rows that already hold the values keep their row version.
        again = bulk.StagedUpdate(self.env, "cw_staged_probe", {"n": "int"}, True)
        again.add([1, 2, 3], ([7, None, 4],))
        self.assertEqual(again.apply(), 1)
        final = rows()
        self.assertEqual(final[:2], after[:2])
        self.assertEqual(final[2][1], 4)
        self.assertNotEqual(final[2][5], after[2][5])
        with self.assertRaises(ValueError):
            bulk.StagedUpdate(self.env, "cw_staged_probe", {"n": "int; --"})

    def test_copy_text_doctest(self):
        result = doctest.testmod(copy_module)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)
