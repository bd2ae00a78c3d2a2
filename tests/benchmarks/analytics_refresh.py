# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: the whole analytics refresh on the large seed, against one SQL RFM GROUP BY.

Uses the database ``bench_analytics``: the large demo seed (100k customers, 1M order lines,
300k messages) with chatwoot_ai_analytics installed. It is built on the first run (install,
then ``chatwoot.demo.seed._seed("large")``, a few minutes) and reused afterwards while it still
holds the seed (updated to the current code); ``--rebuild`` starts from scratch. In one process
it then times:

* a full refresh, as the first one after install does it: every analysis result is wiped first
  (message sentiment/intent/topics, topics, bought-together, trends, promotion effects), then
  ``action_refresh()``'s work runs: customer insights (RFM thresholds, BG/NBD + Gamma-Gamma,
  clusters, churn classifier on a temporal holdout; every customer scored and upserted), then
  the conversation and product analyses; both parts are also reported apart;
* incremental refreshes (customers and the other analyses) after 100, 1,000 and 10,000
  customers got a new order (one after the other, each timed apart: the work must follow the
  change, not the shop); ``incremental_refresh_s`` is the 1,000 one, as before;
* the SQL floor: one RFM ``GROUP BY`` (recency, frequency, monetary) over the confirmed orders.

The budgets (issue 13) are 30 s, 1 GB peak RSS and 30x the SQL floor for the full refresh,
2 s for the incremental one after 1,000 changed customers. Prints one JSON line; Odoo's log
goes to stderr.

    python3 tests/benchmarks/analytics_refresh.py --config .local/odoo.cfg

``--scale medium`` (10k customers, 100k order lines) uses ``bench_analytics_medium`` and runs in
a fraction of the time; ``--database`` names another database. The seed is loaded in a child
process, so the peak RSS reported is the refresh's, also on the run that builds the database.
"""

import argparse
import json
import resource
import subprocess
import sys
import time

import psycopg2
from _benchlib import db_options, drop_database

DATABASE = "bench_analytics"
SCALE = "large"
#: Order lines a database must hold to count as seeded, per scale.
MIN_ORDER_LINES = {"small": 1_000, "medium": 100_000, "large": 1_000_000}
CHANGED_CUSTOMERS = 1_000
#: Changed customers of the incremental runs, in the order they run.
INCREMENTAL_CHANGES = (100, CHANGED_CUSTOMERS, 10_000)


def database_ready(dsn, name, scale=SCALE):
    """Whether ``name`` exists with the analytics addon and the large seed loaded."""
    try:
        connection = psycopg2.connect(dbname=name, **dsn)
    except psycopg2.OperationalError:
        return False
    try:
        with connection.cursor() as cr:
            cr.execute("SELECT state FROM ir_module_module WHERE name = 'chatwoot_ai_analytics'")
            row = cr.fetchone()
            if not row or row[0] != "installed":
                return False
            cr.execute("SELECT count(*) FROM sale_order_line")
            return cr.fetchone()[0] >= MIN_ORDER_LINES[scale]
    except psycopg2.Error:
        return False
    finally:
        connection.close()


def odoo_command(config_path, name, *arguments):
    command = [sys.executable, "-m", "odoo", "-c", config_path, "-d", name]
    command += [*arguments, "--stop-after-init", "--log-level=warn"]
    subprocess.run(command, check=True, stdout=sys.stderr)


def build(config_path, dsn, name, scale=SCALE):
    """Fresh database: the addons without demo data, then the seed, committed (in a child
    process: the seed's memory must not count in the refresh's peak RSS)."""
    drop_database(dsn, name)
    odoo_command(config_path, name, "-i", "chatwoot_ai_analytics", "--without-demo=True")
    subprocess.run(
        [sys.executable, __file__, "--config", config_path, "--database", name]
        + ["--scale", scale, "--seed-only"],
        check=True,
        stdout=sys.stderr,
    )


def seed(config_path, name, scale):
    cr, env = open_environment(config_path, name)
    try:
        env["chatwoot.demo.seed"]._seed(scale, 42)
        cr.commit()
    finally:
        cr.close()


def open_environment(config_path, name):
    # Odoo is imported here, once the database exists: the import configures logging.
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", config_path, "--log-level=warn"])
    registry = Registry(name)
    cr = registry.cursor()
    return cr, api.Environment(cr, SUPERUSER_ID, {})


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_sql_floor(cr):
    """One RFM GROUP BY over the confirmed orders: the least any refresh has to read."""
    started = time.perf_counter()
    cr.execute(
        """
        SELECT so.company_id, rp.commercial_partner_id, CURRENT_DATE - MAX(so.date_order)::date,
               COUNT(*), SUM(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1.0))
          FROM sale_order so JOIN res_partner rp ON rp.id = so.partner_id
         WHERE so.state = 'sale'
         GROUP BY so.company_id, rp.commercial_partner_id
        """
    )
    rows = len(cr.fetchall())
    return time.perf_counter() - started, rows


def touch_customers(cr, count):
    """Give ``count`` customers a new confirmed order today (their latest order, re-dated)."""
    cr.execute(
        """
        WITH latest AS (
            SELECT DISTINCT ON (partner_id) id FROM sale_order
             WHERE state = 'sale' ORDER BY partner_id, date_order DESC
        ), picked AS (SELECT id FROM latest ORDER BY id LIMIT %s)
        UPDATE sale_order so SET date_order = now() at time zone 'UTC',
                                 write_date = now() at time zone 'UTC'
          FROM picked WHERE so.id = picked.id
        """,
        (count,),
    )
    return cr.rowcount


def wipe_analyses(cr):
    """Back to the state before the first refresh, so the full run redoes every analysis."""
    cr.execute(
        "UPDATE chatwoot_message SET sentiment = NULL, sentiment_score = NULL, intent = NULL,"
        " topic_id = NULL WHERE sentiment IS NOT NULL OR topic_id IS NOT NULL"
    )
    for table in (
        "chatwoot_topic",
        "chatwoot_product_affinity",
        "chatwoot_product_trend",
        "chatwoot_promotion_effect",
    ):
        cr.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    cr.commit()


def refresh(env, incremental):
    """``action_refresh()``'s work, with its two parts timed: (customers s, other s, runs)."""
    Insight = env["chatwoot.customer.insight"]
    runs = env["chatwoot.analytics.run"]
    started = time.perf_counter()
    for company in env["res.company"].search([]):
        runs |= Insight._refresh_company(company, incremental=incremental)
    customers_done = time.perf_counter()
    Insight._refresh_other_analyses(incremental)
    env.cr.commit()
    return customers_done - started, time.perf_counter() - customers_done, runs


def counts(cr):
    figures = {}
    for key, table in (
        ("order_lines", "sale_order_line"),
        ("orders", "sale_order"),
        ("messages", "chatwoot_message"),
    ):
        cr.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed table names
        figures[key] = cr.fetchone()[0]
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the seeded database")
    parser.add_argument("--scale", default=SCALE, choices=sorted(MIN_ORDER_LINES))
    parser.add_argument("--database", help="default: bench_analytics[_<scale>]")
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    dsn = db_options(args.config)
    database = args.database or (DATABASE if args.scale == SCALE else f"{DATABASE}_{args.scale}")
    if args.seed_only:
        seed(args.config, database, args.scale)
        return

    if args.rebuild or not database_ready(dsn, database, args.scale):
        build(args.config, dsn, database, args.scale)
    else:
        # A reused database gets the current code's schema.
        odoo_command(args.config, database, "-u", "chatwoot_ai_base,chatwoot_ai_analytics")
    cr, env = open_environment(args.config, database)
    try:
        wipe_analyses(cr)
        rss_before = peak_rss_mb()
        full_customers, full_other, full_runs = refresh(env, incremental=False)
        full_seconds = full_customers + full_other
        rss_full = peak_rss_mb()
        incremental = {}
        for changes in INCREMENTAL_CHANGES:
            touched = touch_customers(cr, changes)
            cr.commit()
            customers_s, other_s, runs = refresh(env, incremental=True)
            incremental[changes] = (touched, customers_s, other_s, runs)
        touched, incremental_customers_s, incremental_other_s, incremental_runs = incremental[
            CHANGED_CUSTOMERS
        ]
        incremental_seconds = incremental_customers_s + incremental_other_s
        by_change = {
            f"incremental_{changes}_s": round(customers_s + other_s, 2)
            for changes, (_touched, customers_s, other_s, _runs) in incremental.items()
        }
        by_change_customers = {
            f"incremental_{changes}_customers": sum(runs.mapped("customer_count"))
            for changes, (_touched, _customers_s, _other_s, runs) in incremental.items()
        }
        floor_seconds, floor_rows = time_sql_floor(cr)
        figures = counts(cr)
        auc = max(full_runs.mapped("churn_auc"))
        model = full_runs.mapped("churn_model_kind")
        customers = sum(full_runs.mapped("customer_count"))
        incremental_customers = sum(incremental_runs.mapped("customer_count"))
    finally:
        cr.close()
    print(
        json.dumps(
            {
                "benchmark": "analytics_refresh",
                "scale": args.scale,
                "customers": customers,
                **figures,
                "full_refresh_s": round(full_seconds, 2),
                "full_customer_insights_s": round(full_customers, 2),
                "full_conversation_product_s": round(full_other, 2),
                "full_refresh_budget_s": 30,
                "peak_rss_mb": round(rss_full, 1),
                "rss_before_refresh_mb": round(rss_before, 1),
                "peak_rss_budget_mb": 1024,
                "changed_customers": touched,
                "incremental_customers": incremental_customers,
                "incremental_refresh_s": round(incremental_seconds, 2),
                "incremental_customer_insights_s": round(incremental_customers_s, 2),
                "incremental_conversation_product_s": round(incremental_other_s, 2),
                "incremental_budget_s": 2,
                **by_change,
                **by_change_customers,
                "sql_floor_s": round(floor_seconds, 3),
                "sql_floor_rows": floor_rows,
                "ratio_full_vs_sql_floor": round(full_seconds / floor_seconds, 1),
                "ratio_budget": 30,
                "churn_auc": round(auc, 3),
                "churn_model": model,
            }
        )
    )


if __name__ == "__main__":
    main()
