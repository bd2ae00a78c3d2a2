# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: the Meta catalog feed over 50,000 products, first generation and cached.

Uses the database ``bench_content`` (see content_generation.py; created once and kept), loads
50,000 saleable products with SQL the first time (the catalog of product_search.py, kept
committed), then times in one run: the feed's first generation (rows by SQL, sale prices of a
-10 % pricelist in one batched call, CSV and RSS rendering, stored in the cache), the cached
answer (the fingerprint query and the stored text), and as the baseline a plain ORM
``search_read`` of the same saleable variants and columns. Prints one JSON line.

    python3 tests/benchmarks/catalog_feed.py --config .local/odoo.cfg
"""

import argparse
import json
import random
import time

from _benchlib import db_options
from content_generation import ensure_database
from product_search import PRODUCTS, catalog_rows, load_products
from seed_load import open_environment

DATABASE = "bench_content"
FIELDS = ["name", "default_code", "lst_price", "description_sale", "categ_id", "product_tmpl_id"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--fresh", action="store_true", help="recreate the database")
    args = parser.parse_args()
    ensure_database(args.config, db_options(args.config), args.fresh)
    cr, env = open_environment(args.config, DATABASE)
    try:
        rows = catalog_rows(random.Random(42))
        load_s = 0.0
        if not env["product.template"].search_count([("name", "=like", rows[0][0])]):
            started = time.perf_counter()
            load_products(env, rows)
            cr.commit()
            cr.execute("ANALYZE")
            cr.commit()
            load_s = time.perf_counter() - started
        pricelist = env["product.pricelist"].create(
            {"name": "Bench -10%", "item_ids": [(0, 0, {"compute_price": "percentage",
                                                        "percent_price": 10})]}
        )  # fmt: skip
        feed = env["chatwoot.catalog.feed"].create(
            {"name": "Bench", "pricelist_id": pricelist.id, "base_url": "https://shop.example"}
        )
        env.flush_all()
        env.invalidate_all()
        started = time.perf_counter()
        text = feed._render("csv")
        first_s = time.perf_counter() - started
        env.invalidate_all()
        started = time.perf_counter()
        cached = feed._render("csv")
        cached_s = time.perf_counter() - started
        assert cached == text, "the cached feed is the generated one"
        env.invalidate_all()
        started = time.perf_counter()
        read = env["product.product"].search_read([("sale_ok", "=", True)], FIELDS)
        search_read_s = time.perf_counter() - started
        print(
            json.dumps(
                {
                    "benchmark": "catalog_feed",
                    "products": PRODUCTS,
                    "feed_rows": text.count("\n") - 1,
                    "search_read_rows": len(read),
                    "load_s": round(load_s, 1),
                    "first_generation_s": round(first_s, 2),
                    "cached_ms": round(cached_s * 1000, 1),
                    "search_read_s": round(search_read_s, 2),
                    "ratio_first_vs_search_read": round(first_s / search_read_s, 2),
                    "ratio_cached_vs_search_read": round(cached_s / search_read_s, 4),
                }
            )
        )
    finally:
        cr.rollback()
        cr.close()


if __name__ == "__main__":
    main()
