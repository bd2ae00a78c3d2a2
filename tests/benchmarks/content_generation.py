# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: batch content generation for 1,000 products with the offline provider.

Uses the database ``bench_content`` (chatwoot_ai_content installed without demo data; created
on the first run and kept, ``--fresh`` recreates it). Creates ``--products`` product templates
(category, colour attribute, description, price) in a transaction that is rolled back at the
end, writes every kind of piece for one product alone (the baseline: the median of five
products each written alone, after a warm-up), then runs the batch the way the queue job
runner does (one ``_job_generate_chunk`` per chunk of 25 products, each piece logged as an AI
run). Prints one JSON line: pieces per second and the time per product in the batch against
one product alone. ``--profile N`` prints the batch's N top costs (cProfile) on stderr.

    python3 tests/benchmarks/content_generation.py --config .local/odoo.cfg [--products 200]
        [--database bench_content]
"""

import argparse
import cProfile
import json
import pstats
import statistics
import subprocess
import sys
import time

import psycopg2
from _benchlib import db_options, drop_database
from seed_load import open_environment

DATABASE = "bench_content"
CHUNK = 25
#: One product alone is timed this many times (other products); the baseline is the median.
ALONE_RUNS = 5
NAMES = ("Batom", "Gloss", "Base", "Sérum", "Vestido", "Sandália", "Bolsa", "Perfume")
FINISHES = ("Matte", "Cremoso", "Glow", "Velvet", "Intenso", "Leve", "Clássico", "Tropical")


def ensure_database(config_path, dsn, fresh, database=DATABASE):
    """Install chatwoot_ai_content (and what it needs) without demo data, once."""
    if fresh:
        drop_database(dsn, database)
    connection = psycopg2.connect(dbname="postgres", **dsn)
    with connection.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,))
        exists = bool(cr.fetchone())
    connection.close()
    if not exists:
        command = [sys.executable, "-m", "odoo", "-c", config_path, "-d", database]
        command += ["-i", "chatwoot_ai_content", "--stop-after-init", "--log-level=warn"]
        subprocess.run(command, check=True, stdout=sys.stderr)


def create_products(env, count):
    category = env["product.category"].create({"name": "Beleza e Moda"})
    colour = env["product.attribute"].create(
        {"name": "Cor", "value_ids": [(0, 0, {"name": n}) for n in ("Vermelho", "Nude", "Rosa")]}
    )
    values = []
    for number in range(count):
        name = f"{NAMES[number % len(NAMES)]} {FINISHES[(number // 8) % len(FINISHES)]} {number}"
        values.append(
            {
                "name": name,
                "categ_id": category.id,
                "list_price": 19.9 + number % 90,
                "description_sale": f"{name} com acabamento impecável. Fácil de usar no dia a dia.",
                "attribute_line_ids": [
                    (0, 0, {"attribute_id": colour.id, "value_ids": [(6, 0, colour.value_ids.ids)]})
                ]
                if number % 3 == 0
                else [],
            }
        )
    return env["product.template"].create(values)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--fresh", action="store_true", help="recreate the database")
    parser.add_argument("--database", default=DATABASE, help=f"default: {DATABASE}")
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="print the batch's N top costs"
    )
    args = parser.parse_args()
    dsn = db_options(args.config)
    ensure_database(args.config, dsn, args.fresh, args.database)
    cr, env = open_environment(args.config, args.database)
    try:
        from odoo.addons.chatwoot_ai_content.content.constants import KINDS

        products = create_products(env, args.products + 1 + ALONE_RUNS)
        warmup, alone, batch_products = (
            products[0],
            products[1 : 1 + ALONE_RUNS],
            products[1 + ALONE_RUNS :],
        )
        Piece = env["chatwoot.content.piece"]
        Piece.generate(warmup, KINDS, "pt_BR")
        env.flush_all()
        alone_times = []
        for product in alone:
            started = time.perf_counter()
            Piece.generate(product, KINDS, "pt_BR")
            env.flush_all()
            alone_times.append(time.perf_counter() - started)
        alone_s = statistics.median(alone_times)

        kinds = env["chatwoot.content.kind"].search([])
        batch = env["chatwoot.content.batch"].create(
            {
                "name": "bench",
                "product_ids": [(6, 0, batch_products.ids)],
                "kind_ids": [(6, 0, kinds.ids)],
                "language": "pt_BR",
            }
        )
        env.flush_all()
        ids = batch_products.ids
        profiler = cProfile.Profile() if args.profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        for start in range(0, len(ids), CHUNK):
            batch._job_generate_chunk(ids[start : start + CHUNK])
            env.flush_all()
        batch_s = time.perf_counter() - started
        if profiler:
            profiler.disable()
            stats = pstats.Stats(profiler, stream=sys.stderr)
            stats.sort_stats("cumulative").print_stats(args.profile)
        pieces = Piece.search_count([("batch_id", "=", batch.id)])
        flagged = Piece.search_count([("batch_id", "=", batch.id), ("review_reason", "!=", False)])
        per_product_s = batch_s / len(ids)
        print(
            json.dumps(
                {
                    "benchmark": "content_generation",
                    "products": len(ids),
                    "kinds": len(KINDS),
                    "pieces": pieces,
                    "flagged_for_review": flagged,
                    "failed_products": batch.failed_count,
                    "batch_s": round(batch_s, 2),
                    "pieces_per_s": round(pieces / batch_s, 1),
                    "per_product_in_batch_ms": round(per_product_s * 1000, 1),
                    "one_product_alone_ms": round(alone_s * 1000, 1),
                    "ratio_batch_vs_alone": round(per_product_s / alone_s, 2),
                }
            )
        )
    finally:
        cr.rollback()
        cr.close()


if __name__ == "__main__":
    main()
