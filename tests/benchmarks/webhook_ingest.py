"""Benchmark: signed Chatwoot deliveries against /web/health on the same Odoo, in one run.

Starts Odoo (2 workers, queue_job server-wide) on a fresh database, then for the same duration
and concurrency sends (1) GET /web/health and (2) signed `message_created` deliveries, ~5 % of
them redelivered, while the job runner processes them; then (3) deliveries over one connection
for the unloaded latency. Prints one JSON line: throughput of both, their ratio, latency
percentiles, 5xx count, and whether every accepted delivery was stored exactly once.

``--runs 3`` repeats (1) and (2) on the same server and reports each run's ratio and their
median. The drain (the job runner mirroring deliveries into conversations and messages) runs
during the load: ``drain_per_s`` is the deliveries it mirrored per second during the delivery
phases, beside the ingest rate. ``--profile DIR`` records the two workers with py-spy during
the first delivery phase (one speedscope file per worker).

    python3 tests/benchmarks/webhook_ingest.py --config .local/odoo.cfg [--seconds 15] [--runs 3]
        [--db bench_webhook] [--reuse] [--profile DIR] [--async-commit]
"""

import argparse
import json
import os
import random
import signal
import statistics
import time

import psycopg2
from _benchlib import (
    ROOT,
    add_ingest_options,
    db_options,
    drop_database,
    free_port,
    load,
    load_pure,
    reuse_database,
    run_odoo,
    set_param,
    start_profiles,
    summary,
)
from _benchlib import start_server as start_odoo

sign = load_pure("chatwoot_ai_base/chatwoot/signature.py").sign

DB = "bench_webhook"
SECRET = "bench-secret"
FIXTURE = ROOT / "chatwoot_ai_base/tests/fixtures/chatwoot/cw4141_message_created_incoming_api.json"


def odoo(config, *args, command="server", **kwargs):
    return run_odoo(config, DB, *args, command=command, **kwargs)


def prepare_database(config, dsn, reuse=False):
    if reuse:
        token = reuse_database(
            dsn,
            DB,
            ["chatwoot_webhook_event", "chatwoot_message", "chatwoot_conversation"],
            "SELECT webhook_token FROM chatwoot_account WHERE active ORDER BY id LIMIT 1",
        )
        if token:
            return token
    drop_database(dsn, DB)
    odoo(config, "-i", "chatwoot_ai_base", "--stop-after-init")
    script = (
        "a = env['chatwoot.account'].create({'name': 'Bench', 'chatwoot_account_id': 4, "
        f"'webhook_secret': {SECRET!r}}}); env.cr.commit(); print('TOKEN=' + a.webhook_token)"
    )
    out = odoo(config, "--no-http", command="shell", input=script).stdout
    return next(line[6:] for line in out.splitlines() if line.startswith("TOKEN="))


def start_server(config, port, env=None):
    """Odoo on this benchmark's database (``DB``; bot_reply_latency sets its own)."""
    return start_odoo(config, port, DB, env=env)


def delivery_body(template, message_id):
    payload = dict(template, id=message_id)
    return json.dumps(payload, separators=(",", ":")).encode()


def mirrored(dsn):
    """Deliveries the drain has processed so far."""
    with psycopg2.connect(dbname=DB, **dsn) as conn, conn.cursor() as cr:
        cr.execute("SELECT count(*) FROM chatwoot_webhook_event WHERE state = 'done'")
        return cr.fetchone()[0]


def main():
    global DB  # noqa: PLW0603  the helpers above read the database name from here
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--single-seconds", type=float, default=5)
    parser.add_argument("--runs", type=int, default=1)
    add_ingest_options(parser, DB, "its deliveries, messages, conversations")
    args = parser.parse_args()
    DB = args.db
    dsn = db_options(args.config)
    token = prepare_database(args.config, dsn, reuse=args.reuse)
    set_param(dsn, DB, "chatwoot_ai.webhook_async_commit", "True" if args.async_commit else None)
    server, url = start_server(args.config, free_port())
    runs = []
    try:
        template = json.loads(FIXTURE.read_bytes())
        webhook = f"{url}/chatwoot_ai/webhook/{token}"
        sent = {}  # (phase, n) -> message id

        def deliverer(phase, first_id):
            rng = random.Random(phase)

            def deliver(session, n):
                # ~5 % of deliveries repeat an earlier message id: Chatwoot's redeliveries.
                redelivery = n > 20 and rng.random() < 0.05
                message_id = first_id + (rng.randrange(0, n) if redelivery else n)
                sent[phase, n] = message_id
                body = delivery_body(template, message_id)
                ts = str(int(time.time()))
                headers = {"Content-Type": "application/json", "X-Chatwoot-Timestamp": ts,
                           "X-Chatwoot-Signature": sign(SECRET, ts, body)}  # fmt: skip
                response = session.post(webhook, data=body, headers=headers, timeout=30)
                return response.status_code

            return deliver

        def health_check(session, _n):
            return session.get(f"{url}/web/health", timeout=30).status_code

        for run in range(args.runs):
            health = load(args.seconds, args.connections, health_check)
            profiles = start_profiles(server, args.profile, args.seconds) if (
                args.profile and run == 0) else []  # fmt: skip
            before = mirrored(dsn)
            deliveries = load(
                args.seconds, args.connections, deliverer(f"load{run}", 100_000 + run * 10_000_000)
            )
            drained = mirrored(dsn) - before
            for profile in profiles:
                profile.wait(60)
            runs.append((health, deliveries, drained))
        # The same deliveries one at a time: the latency a single Chatwoot sees.
        single = load(args.single_seconds, 1, deliverer("single", 90_000_000))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
    accepted_ids = {
        sent[f"load{run}", r[2]]
        for run, (_h, rows, _d) in enumerate(runs)
        for r in rows
        if r[1] == 200
    }
    accepted_ids |= {sent["single", r[2]] for r in single if r[1] == 200}
    with psycopg2.connect(dbname=DB, **dsn) as conn, conn.cursor() as cr:
        cr.execute("SELECT dedupe_key, count(*) FROM chatwoot_webhook_event GROUP BY 1")
        rows = dict(cr.fetchall())
    stored_ids = {int(key.split(":")[1]) for key in rows}
    per_run = []
    for health, deliveries, drained in runs:
        health_s, hook_s = summary(health, args.seconds), summary(deliveries, args.seconds)
        per_run.append({
            "health": health_s,
            "webhook": hook_s,
            "ratio_vs_health": round(hook_s["per_s"] / health_s["per_s"], 3),
            "drain_per_s": round(drained / args.seconds, 1),
        })  # fmt: skip
    ratios = [run["ratio_vs_health"] for run in per_run]
    print(json.dumps({
        "benchmark": "webhook_ingest",
        "seconds": args.seconds,
        "connections": args.connections,
        "async_commit": args.async_commit,
        **{key: per_run[0][key] for key in ("health", "webhook")},
        "ratio_vs_health": statistics.median(ratios),
        "ratios": ratios,
        "ingest_per_s": [run["webhook"]["per_s"] for run in per_run],
        "drain_per_s": [run["drain_per_s"] for run in per_run],
        "webhook_one_connection": summary(single, args.single_seconds),
        "distinct_accepted": len(accepted_ids),
        "stored_rows": sum(rows.values()),
        "duplicates_stored": sum(count - 1 for count in rows.values()),
        "accepted_not_stored": len(accepted_ids - stored_ids),
        "exactly_once": all(c == 1 for c in rows.values()) and accepted_ids <= stored_ids,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
