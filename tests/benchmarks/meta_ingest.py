"""Benchmark: signed Meta comment deliveries against /web/health on the same Odoo, in one run.

Starts Odoo (2 workers, queue_job server-wide) on a database with the social addon, then for
the same duration and concurrency sends (1) GET /web/health and (2) signed Page ``feed``
deliveries of 10 comment changes each (emoji and accents, ``\\u``-escaped as Meta sends them),
~5 % of them redelivered. Prints one JSON line: comments stored per second against
/web/health's request rate (the goal is at least 5x), latency percentiles, 5xx count, and
whether every accepted comment was stored exactly once.

Processing (triage and the crew, seconds of CPU per comment burst) is deferred past the
measurement with ``chatwoot_ai_social.drain_delay_seconds``: this measures what Meta waits
for, the webhook storing a delivery.

    python3 tests/benchmarks/meta_ingest.py --config .local/odoo.cfg [--seconds 15]
        [--db bench_meta] [--reuse] [--profile DIR] [--async-commit]
"""

import argparse
import json
import os
import random
import signal
import time

import psycopg2
from _benchlib import (
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
    start_server,
    summary,
)

sign = load_pure("chatwoot_ai_social/meta/signature.py").sign

DB = "bench_meta"
SECRET = "bench-app-secret"
PAGE = "1000000009"
CHANGES = 10


def prepare_database(config, dsn, reuse=False):
    """A fresh database with the social addon and one Facebook Page; its webhook token."""
    if reuse:
        token = reuse_database(
            dsn,
            DB,
            ["chatwoot_social_event"],
            "SELECT webhook_token FROM chatwoot_social_account WHERE active ORDER BY id LIMIT 1",
        )
        if token:
            return token
    drop_database(dsn, DB)
    run_odoo(config, DB, "-i", "chatwoot_ai_social", "--stop-after-init")
    script = (
        "env['ir.config_parameter'].set_param('chatwoot_ai_social.drain_delay_seconds', 600)\n"
        "a = env['chatwoot.social.account'].create({'name': 'Bench Page', 'platform': 'facebook',"
        f" 'external_id': {PAGE!r}, 'app_secret': {SECRET!r}}})\n"
        "env.cr.commit(); print('TOKEN=' + a.webhook_token)\n"
    )
    out = run_odoo(config, DB, "--no-http", command="shell", input=script).stdout
    return next(line[6:] for line in out.splitlines() if line.startswith("TOKEN="))


def delivery_body(first_comment):
    """A delivery of CHANGES new comments, numbered from ``first_comment``."""
    changes = [
        {
            "field": "feed",
            "value": {
                "from": {"id": str(7_000_000 + number % 997), "name": "Cliente Ação"},
                "post_id": f"{PAGE}_1",
                "comment_id": f"{PAGE}_{number}",
                "parent_id": f"{PAGE}_1",
                "item": "comment",
                "verb": "add",
                "created_time": 1_790_000_000,
                "message": f"Quanto custa o batom nº {number}? 😍 Tem em ação?",
            },
        }
        for number in range(first_comment, first_comment + CHANGES)
    ]
    payload = {"object": "page", "entry": [{"id": PAGE, "time": 1_790_000_000, "changes": changes}]}
    return json.dumps(payload, separators=(",", ":")).encode()  # ensure_ascii: Meta's \\u escapes


def main():
    global DB  # noqa: PLW0603  the helpers above read the database name from here
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--connections", type=int, default=16)
    add_ingest_options(parser, DB, "its items")
    args = parser.parse_args()
    DB = args.db
    dsn = db_options(args.config)
    token = prepare_database(args.config, dsn, reuse=args.reuse)
    set_param(dsn, DB, "chatwoot_ai.webhook_async_commit", "True" if args.async_commit else None)
    server, url = start_server(args.config, free_port(), DB)
    try:
        health = load(args.seconds, args.connections,
                      lambda s, n: s.get(f"{url}/web/health", timeout=30).status_code)  # fmt: skip
        profiles = start_profiles(server, args.profile, args.seconds) if args.profile else []
        webhook = f"{url}/chatwoot_ai/meta/webhook/{token}"
        sent, rng = {}, random.Random(42)

        def deliver(session, n):
            # ~5 % of deliveries repeat an earlier one: Meta retries what it did not see answered.
            first = CHANGES * (rng.randrange(0, n) if n > 20 and rng.random() < 0.05 else n)
            sent[n] = first
            body = delivery_body(first)
            headers = {"Content-Type": "application/json",
                       "X-Hub-Signature-256": sign(SECRET, body)}  # fmt: skip
            return session.post(webhook, data=body, headers=headers, timeout=30).status_code

        started = time.monotonic()
        deliveries = load(args.seconds, args.connections, deliver)
        elapsed = time.monotonic() - started
        for profile in profiles:
            profile.wait(60)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
    accepted = {
        f"{PAGE}_{number}"
        for result in deliveries
        if result[1] == 200
        for number in range(sent[result[2]], sent[result[2]] + CHANGES)
    }
    with psycopg2.connect(dbname=DB, **dsn) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT split_part(item_key, ':', 2), count(*) FROM chatwoot_social_event "
            "WHERE kind = 'comment' GROUP BY 1"
        )
        rows = dict(cr.fetchall())
    health_s, hook_s = summary(health, args.seconds), summary(deliveries, args.seconds)
    comments_per_s = round(len(rows) / max(elapsed, args.seconds), 1)
    print(json.dumps({
        "benchmark": "meta_ingest",
        "seconds": args.seconds,
        "connections": args.connections,
        "async_commit": args.async_commit,
        "changes_per_delivery": CHANGES,
        "health": health_s,
        "webhook": hook_s,
        "comments_stored_per_s": comments_per_s,
        "ratio_vs_health": round(comments_per_s / health_s["per_s"], 3),
        "goal_ratio": 5,
        "distinct_accepted": len(accepted),
        "stored_rows": sum(rows.values()),
        "duplicates_stored": sum(count - 1 for count in rows.values()),
        "accepted_not_stored": len(accepted - set(rows)),
        "exactly_once": all(c == 1 for c in rows.values()) and accepted <= set(rows),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
