"""Benchmark: signed Chatwoot deliveries against /web/health on the same Odoo, in one run.

Starts Odoo (2 workers, queue_job server-wide) on a fresh database, then for the same duration
and concurrency sends (1) GET /web/health and (2) signed `message_created` deliveries, ~5 % of
them redelivered, while the job runner processes them; then (3) deliveries over one connection
for the unloaded latency. Prints one JSON line: throughput of both, their ratio, latency
percentiles, 5xx count, and whether every accepted delivery was stored exactly once.

    python3 tests/benchmarks/webhook_ingest.py --config .local/odoo.cfg [--seconds 15]
"""

import argparse
import json
import os
import random
import signal
import time

import psycopg2
from _benchlib import (
    ROOT,
    db_options,
    drop_database,
    free_port,
    load,
    load_pure,
    run_odoo,
    summary,
)
from _benchlib import start_server as start_odoo

sign = load_pure("chatwoot_ai_base/chatwoot/signature.py").sign

DB = "bench_webhook"
SECRET = "bench-secret"
FIXTURE = ROOT / "chatwoot_ai_base/tests/fixtures/chatwoot/cw4141_message_created_incoming_api.json"


def odoo(config, *args, command="server", **kwargs):
    return run_odoo(config, DB, *args, command=command, **kwargs)


def prepare_database(config, dsn):
    drop_database(dsn, DB)
    odoo(config, "-i", "chatwoot_ai_base", "--stop-after-init")
    script = (
        "a = env['chatwoot.account'].create({'name': 'Bench', 'chatwoot_account_id': 4, "
        f"'webhook_secret': {SECRET!r}}}); env.cr.commit(); print('TOKEN=' + a.webhook_token)"
    )
    out = odoo(config, "--no-http", command="shell", input=script).stdout
    return next(line[6:] for line in out.splitlines() if line.startswith("TOKEN="))


def start_server(config, port):
    """Odoo on this benchmark's database (``DB``; bot_reply_latency sets its own)."""
    return start_odoo(config, port, DB)


def delivery_body(template, message_id):
    payload = dict(template, id=message_id)
    return json.dumps(payload, separators=(",", ":")).encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--single-seconds", type=float, default=5)
    args = parser.parse_args()
    dsn = db_options(args.config)
    token = prepare_database(args.config, dsn)
    server, url = start_server(args.config, free_port())
    try:
        health = load(args.seconds, args.connections,
                      lambda s, n: s.get(f"{url}/web/health", timeout=30).status_code)  # fmt: skip
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

        deliveries = load(args.seconds, args.connections, deliverer("load", 100_000))
        # The same deliveries one at a time: the latency a single Chatwoot sees.
        single = load(args.single_seconds, 1, deliverer("single", 10_000_000))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
    accepted_ids = {sent["load", r[2]] for r in deliveries if r[1] == 200}
    accepted_ids |= {sent["single", r[2]] for r in single if r[1] == 200}
    with psycopg2.connect(dbname=DB, **dsn) as conn, conn.cursor() as cr:
        cr.execute("SELECT dedupe_key, count(*) FROM chatwoot_webhook_event GROUP BY 1")
        rows = dict(cr.fetchall())
    stored_ids = {int(key.split(":")[1]) for key in rows}
    health_s, hook_s = summary(health, args.seconds), summary(deliveries, args.seconds)
    print(json.dumps({
        "benchmark": "webhook_ingest",
        "seconds": args.seconds,
        "connections": args.connections,
        "health": health_s,
        "webhook": hook_s,
        "ratio_vs_health": round(hook_s["per_s"] / health_s["per_s"], 3),
        "webhook_one_connection": summary(single, args.single_seconds),
        "distinct_accepted": len(accepted_ids),
        "stored_rows": sum(rows.values()),
        "duplicates_stored": sum(count - 1 for count in rows.values()),
        "accepted_not_stored": len(accepted_ids - stored_ids),
        "exactly_once": all(c == 1 for c in rows.values()) and accepted_ids <= stored_ids,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
