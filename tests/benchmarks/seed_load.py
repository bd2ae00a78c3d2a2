# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: load the demo seed into a fresh database, compared with ORM ``create``.

Creates the database ``bench_seed`` (dropped first if it exists), installs chatwoot_ai_base
without demo data, then times ``chatwoot.demo.seed._seed(scale)`` in this process and, as a
baseline in the same database, the creation of 2,000 partners through ``create`` in batches.
Prints one JSON line; Odoo's log goes to stderr.

    python3 tests/benchmarks/seed_load.py --config .local/odoo.cfg --scale medium
"""

import argparse
import json
import subprocess
import sys
import time

from _benchlib import db_options, drop_database

DATABASE = "bench_seed"
BASELINE_PARTNERS = 2_000
BASELINE_BATCH = 100


def install(config_path, name):
    """Install chatwoot_ai_base without demo data, in a separate Odoo process."""
    command = [sys.executable, "-m", "odoo", "-c", config_path, "-d", name]
    command += ["-i", "chatwoot_ai_base", "--stop-after-init", "--log-level=warn"]
    subprocess.run(command, check=True, stdout=sys.stderr)


def open_environment(config_path, name):
    # Odoo is imported here, once the database is installed: the import configures logging.
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", config_path, "--log-level=warn"])
    registry = Registry(name)
    cr = registry.cursor()
    return cr, api.Environment(cr, SUPERUSER_ID, {})


def close_connections(name):
    from odoo.sql_db import close_db

    close_db(name)


def time_seed(env, scale, seed):
    started = time.perf_counter()
    rows = env["chatwoot.demo.seed"]._seed(scale, seed)
    env.cr.commit()
    return time.perf_counter() - started, rows


def time_orm_partners(env):
    """Partners created the ordinary way, rolled back afterwards."""
    brazil = env.ref("base.br").id
    started = time.perf_counter()
    for start in range(0, BASELINE_PARTNERS, BASELINE_BATCH):
        env["res.partner"].create(
            [
                {
                    "name": f"Cliente ORM {number}",
                    "email": f"cliente.orm{number}@example.com.br",
                    "phone": f"+55119{70000000 + number:08d}",
                    "city": "São Paulo",
                    "country_id": brazil,
                    "tz": "America/Sao_Paulo",
                    "customer_rank": 1,
                }
                for number in range(start, start + BASELINE_BATCH)
            ]
        )
    env.flush_all()
    elapsed = time.perf_counter() - started
    env.cr.rollback()
    return BASELINE_PARTNERS / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--scale", default="medium", choices=["small", "medium", "large"])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    dsn = db_options(args.config)

    drop_database(dsn, DATABASE)
    install(args.config, DATABASE)
    cr, env = open_environment(args.config, DATABASE)
    try:
        seconds, rows = time_seed(env, args.scale, args.seed)
        baseline = time_orm_partners(env)
    finally:
        cr.close()
        close_connections(DATABASE)
    if not args.keep:
        drop_database(dsn, DATABASE)
    total = sum(rows.values())
    rows_per_s = total / seconds
    print(
        json.dumps(
            {
                "benchmark": "seed_load",
                "scale": args.scale,
                "seconds": round(seconds, 2),
                "rows": rows,
                "rows_per_s": round(rows_per_s, 1),
                "orm_baseline_rows_per_s": round(baseline, 1),
                "ratio_vs_orm": round(rows_per_s / baseline, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
