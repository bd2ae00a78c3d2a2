# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where the customer-insight refresh's time goes, on the analytics benchmark's database.

Runs one full customer-insight refresh of every company under cProfile (rolled back: nothing
is kept), prints the step timings, the cProfile entries with the most cumulative and own time,
and ``EXPLAIN (ANALYZE, BUFFERS)`` of the extraction and churn-event queries.

    python3 tests/benchmarks/_profile_customer_insights.py --config .local/odoo.cfg \\
        --database cw_rf_bench [--incremental [--touch 1000]] [--no-explain] [--no-profile]
"""

import argparse
import cProfile
import io
import os
import pstats
import time
from datetime import timedelta

from analytics_refresh import DATABASE, open_environment, touch_customers


def explain(env, company, now):
    """EXPLAIN (ANALYZE, BUFFERS) of the refresh's reads, with its settings (no JIT)."""
    from odoo.tools import SQL

    from odoo.addons.chatwoot_ai_analytics.models.chatwoot_customer_insight import (
        SENTIMENT_WINDOW_DAYS,
    )
    from odoo.addons.chatwoot_ai_analytics.sql import customers as customer_sql

    queries = {
        "customer_aggregates": customer_sql.customer_aggregates_query(
            company.id,
            now,
            None,
            recent=now - timedelta(days=SENTIMENT_WINDOW_DAYS),
            before=now - timedelta(days=2 * SENTIMENT_WINDOW_DAYS),
        ),
    }
    names = ("orders", "messages", "conversations")
    for name, query in zip(names, customer_sql.churn_event_queries(company.id, now), strict=True):
        queries[f"events_{name}"] = query
    for name, query in queries.items():
        env.cr.execute(SQL("EXPLAIN (ANALYZE, BUFFERS) %s", query))
        plan = "\n".join(row[0] for row in env.cr.fetchall())
        print(f"== EXPLAIN {name}\n{plan}\n")


def backend_cpu_seconds(cr):
    """CPU seconds the PostgreSQL backend of ``cr`` has used (when it runs on this machine)."""
    cr.execute("SELECT pg_backend_pid()")
    try:
        with open(f"/proc/{cr.fetchone()[0]}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--database", default=DATABASE)
    parser.add_argument("--incremental", action="store_true")
    parser.add_argument(
        "--touch", type=int, default=0, help="first give N customers a new order (incremental)"
    )
    parser.add_argument("--no-explain", action="store_true")
    parser.add_argument("--no-profile", action="store_true", help="only time the refresh")
    parser.add_argument("--top", type=int, default=35)
    args = parser.parse_args()
    cr, env = open_environment(args.config, args.database)
    try:
        Insight = env["chatwoot.customer.insight"]
        companies = env["res.company"].search([])
        if args.touch:
            # Written in this transaction: the incremental run sees these customers as changed.
            touch_customers(env.cr, args.touch)
        profile = cProfile.Profile()
        backend_before = backend_cpu_seconds(env.cr)
        process_before = time.process_time()
        started = time.perf_counter()
        if not args.no_profile:
            profile.enable()
        for company in companies:
            Insight._refresh_company(company, incremental=args.incremental)
        profile.disable()
        seconds = time.perf_counter() - started
        python_cpu = time.process_time() - process_before
        backend_cpu = backend_cpu_seconds(env.cr) - backend_before
        print(
            f"customer insights: {seconds:.2f} s"
            + ("" if args.no_profile else " (cProfile)")
            + f"; CPU: Python {python_cpu:.2f} s + PostgreSQL {backend_cpu:.2f} s"
            + f" = {python_cpu + backend_cpu:.2f} s"
        )
        for sort in () if args.no_profile else ("cumulative", "tottime"):
            stream = io.StringIO()
            pstats.Stats(profile, stream=stream).sort_stats(sort).print_stats(args.top)
            print(stream.getvalue())
        if not args.no_explain:
            from odoo.addons.chatwoot_ai_analytics.sql.bulk import bulk_settings

            with bulk_settings(env.cr):
                for company in companies:
                    explain(env, company, env.cr.now())
    finally:
        cr.rollback()
        cr.close()


if __name__ == "__main__":
    main()
