# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where the catalog search's time goes, on a database product_search.py kept (``--keep``).

Times each stage of ``chatwoot.context._search_products`` over the benchmark's 500 queries
(reading the query, ranking SQL, results with prices), prints the cProfile entries with the
most cumulative and own time, and ``EXPLAIN (ANALYZE, BUFFERS)`` of the SQL of one query.

    python3 tests/benchmarks/product_search.py --config .local/odoo.cfg --database DB --keep
    python3 tests/benchmarks/_profile_product_search.py --config .local/odoo.cfg --database DB
"""

import argparse
import cProfile
import io
import json
import pstats
import random
import time

from product_search import catalog_rows, percentiles, queries
from seed_load import open_environment


def stage_times(env, texts, partner):
    context = env["chatwoot.context"]
    stages = {"query_plan": [], "ranking_sql": [], "results": [], "total": []}
    for text in texts:
        env.invalidate_all()
        started = time.perf_counter()
        plan = context._product_query_plan(text)
        planned = time.perf_counter()
        rows = context._product_candidates(plan, env.company, 5) if plan["terms"] else []
        ranked = time.perf_counter()
        context._product_results(rows, plan, partner, env.company)
        done = time.perf_counter()
        for key, seconds in (
            ("query_plan", planned - started),
            ("ranking_sql", ranked - planned),
            ("results", done - ranked),
            ("total", done - started),
        ):
            stages[key].append(seconds * 1000)
    return {key: percentiles(samples) for key, samples in stages.items()}


def dump(env, texts, partner, path):
    """Each query's results, to compare two versions of the search (must be identical)."""
    context = env["chatwoot.context"]
    results = {}
    for text in texts:
        env.invalidate_all()
        results[text] = [
            (r["id"], r["score"], r["price"], r["score_detail"]["query"])
            for r in context._search_products(text, partner=partner)
        ]
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=0, sort_keys=True, ensure_ascii=False)


def explain(env, text):
    """EXPLAIN (ANALYZE, BUFFERS) of every statement one search runs."""
    cr = env.cr
    statements = []
    execute = type(cr).execute

    def recording(self, query, params=None, log_exceptions=True):
        statements.append((query, params))
        return execute(self, query, params, log_exceptions)

    type(cr).execute = recording
    try:
        env.invalidate_all()
        env["chatwoot.context"]._search_products(text)
    finally:
        type(cr).execute = execute
    for query, params in statements:
        code = query.code if hasattr(query, "code") else query
        params = query.params if hasattr(query, "params") else params
        if not code.lstrip().upper().startswith("SELECT"):
            continue
        cr.execute(f"EXPLAIN (ANALYZE, BUFFERS) {code}", params)  # noqa: S608 - profiling only
        plan = "\n".join(row[0] for row in cr.fetchall())
        print(f"\n---- {code.strip()[:120]!r}\n{plan}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--explain", default="quanto custa o batom vermlho")
    parser.add_argument("--stages-only", action="store_true", help="no cProfile, no EXPLAIN")
    parser.add_argument("--dump", help="write every query's results (ids, scores, prices) here")
    args = parser.parse_args()
    cr, env = open_environment(args.config, args.database)
    rng = random.Random(args.seed)
    rows = catalog_rows(rng)
    texts = [text for text, _expected in queries(rows, rng)]
    try:
        partner = env["res.partner"].create(
            {
                "name": "Cliente Profile",
                "property_product_pricelist": env["product.pricelist"]
                .create(
                    {
                        "name": "Profile -10%",
                        "item_ids": [(0, 0, {"compute_price": "percentage", "percent_price": 10})],
                    }
                )
                .id,
            }
        )
        if args.dump:
            dump(env, texts, partner, args.dump)
        stage_times(env, texts[:30], partner)  # warm-up
        print("stage times (ms):")
        for key, value in stage_times(env, texts, partner).items():
            print(f"  {key:12} {value}")
        if args.stages_only:
            return
        context = env["chatwoot.context"]
        profile = cProfile.Profile()
        profile.enable()
        for text in texts:
            env.invalidate_all()
            context._search_products(text, partner=partner)
        profile.disable()
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(order).print_stats(args.top)
            print(out.getvalue())
        explain(env, args.explain)
        cr.rollback()
    finally:
        cr.close()


if __name__ == "__main__":
    main()
