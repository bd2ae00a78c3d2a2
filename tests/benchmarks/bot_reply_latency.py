# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: offline AI agent latency, from a signed webhook to the reply POST to Chatwoot.

Starts Odoo (2 workers, queue_job runner) on a fresh database with a 1,000-product catalog
and the agent bot enabled (offline provider, no debounce), and a local fake Chatwoot that
timestamps the reply POSTs. Each customer question is delivered through real HTTP, one at a
time, in a conversation of its own; the latency runs from sending the delivery until the reply
POST reaches the fake. The baseline, measured in the same run, is the webhook's own
answer time (delivery stored and job queued). Prints one JSON line.

The first replies of a fresh server are measured twice, on two fresh servers: with crewai's
import left to the first crew run of each worker (``CHATWOOT_AI_PRELOAD_CREWAI=0``, as before
the addon's ``post_load`` preload) and with the preload (the default), beside the time each
server took to answer ``/web/health`` (``first_replies_ms``, ``server_ready_s``).

Measured on the shared 2-core development machine (other builds running): first replies
without the preload 31.8 s, 1.7 s, 27.5 s, 3.3 s (each worker's first crew run imports
crewai); with it 7.8 s, 2.3 s, 1.5 s, 1.7 s (the first still waits for the job runner to
start); the server answers ``/web/health`` 7 s later (15.0 s -> 22.3 s) instead.

    python3 tests/benchmarks/bot_reply_latency.py --config .local/odoo.cfg [--deliveries 40]
"""

import argparse
import configparser
import json
import os
import re
import signal
import statistics
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests
import webhook_ingest
from _benchlib import db_options, drop_database
from webhook_ingest import FIXTURE, free_port, odoo, sign, start_server

DB = "bench_bot"
SECRET = "bench-secret"
CHATWOOT_ACCOUNT = 7
PRODUCTS = 1000
REPLY_PATH = re.compile(r"/api/v1/accounts/\d+/conversations/(\d+)/messages$")
QUESTIONS = (
    "Quanto custa o {name}?",
    "Vocês têm {name} em estoque?",
    "¿Cuánto cuesta el {name}?",
    "How much is the {name}?",
)
CATALOG_SCRIPT = """
import random
rng = random.Random(7)
kinds = ['Batom', 'Sérum', 'Creme', 'Perfume', 'Shampoo', 'Máscara', 'Base', 'Esmalte']
colors = ['Vermelho', 'Nude', 'Rosa', 'Coral', 'Vinho', 'Azul', 'Dourado', 'Verde']
finish = ['Matte', 'Cintilante', 'Hidratante', 'Vegano', 'Intenso', 'Suave']
env['product.template'].create([
    {'name': f'{rng.choice(kinds)} {rng.choice(colors)} {rng.choice(finish)} {i}',
     'list_price': round(rng.uniform(9, 300), 2), 'sale_ok': True, 'type': 'consu',
     'description_sale': f'Produto de beleza número {i} da loja.'}
    for i in range(%(count)s)
])
env.company.currency_id = env.ref('base.BRL')
env['ir.config_parameter'].set_param('chatwoot_ai.drain_delay_seconds', 0)
env['ir.config_parameter'].set_param('chatwoot_ai.bot_debounce_seconds', 0)
env['ir.config_parameter'].set_param('chatwoot_ai.bot_max_replies_per_hour', 1000)
a = env['chatwoot.account'].create({'name': 'Bench', 'chatwoot_account_id': %(account)s,
    'webhook_secret': %(secret)r, 'api_access_token': 'bench-token', 'bot_enabled': True,
    'base_url': %(chatwoot)r})
names = env['product.template'].search([], order='id desc', limit=%(count)s).mapped('name')
env.cr.commit()
print('TOKEN=' + a.webhook_token)
print('NAMES=' + '|'.join(names))
"""


class ReplyClock:
    """A fake Chatwoot that notes when each conversation's reply POST arrives."""

    def __init__(self):
        self.arrivals = {}
        self.bodies = {}
        self.arrived = threading.Condition()
        clock = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                self._answer({"payload": []})

            def do_POST(self):
                now = time.perf_counter()
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                match = REPLY_PATH.search(self.path)
                if match and not body.get("private"):
                    with clock.arrived:
                        clock.arrivals.setdefault(int(match.group(1)), now)
                        clock.bodies[int(match.group(1))] = body
                        clock.arrived.notify_all()
                self._answer({"id": 10**9 + len(clock.arrivals), "payload": {}})

            def _answer(self, data):
                raw = json.dumps(data).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def wait_for(self, display_id, timeout):
        with self.arrived:
            self.arrived.wait_for(lambda: display_id in self.arrivals, timeout=timeout)
            return self.arrivals.get(display_id)


def bench_config(config):
    """The config with the agent's own job channel, so replies never wait behind drains."""
    parser = configparser.ConfigParser()
    parser.read(config)
    if not parser.has_section("queue_job"):
        parser.add_section("queue_job")
    parser["queue_job"]["channels"] = "root:2,root.chatwoot:1,root.chatwoot.ai:1"
    handle, path = tempfile.mkstemp(suffix=".cfg", prefix="bench_bot_")
    with os.fdopen(handle, "w") as stream:
        parser.write(stream)
    return path


def prepare_database(config, dsn, chatwoot_url):
    drop_database(dsn, webhook_ingest.DB)
    odoo(config, "-i", "chatwoot_ai_base", "--stop-after-init")
    script = CATALOG_SCRIPT % {
        "count": PRODUCTS,
        "account": CHATWOOT_ACCOUNT,
        "secret": SECRET,
        "chatwoot": chatwoot_url,
    }
    out = odoo(config, "--no-http", command="shell", input=script).stdout
    lines = dict(line.split("=", 1) for line in out.splitlines() if "=" in line[:7])
    return lines["TOKEN"], lines["NAMES"].split("|")


def delivery(template, message_id, display_id, content):
    payload = json.loads(json.dumps(template))
    payload.update(id=message_id, content=content)
    payload["account"]["id"] = CHATWOOT_ACCOUNT
    payload["conversation"].update(id=display_id, messages=[], status="pending")
    contact = dict(payload["sender"], id=90_000 + display_id, type="contact", phone_number=None,
                   email=f"bench{display_id}@example.com")  # fmt: skip
    payload["sender"] = contact
    payload["conversation"]["meta"]["sender"] = contact
    return json.dumps(payload, separators=(",", ":")).encode()


def percentiles(values):
    values = sorted(values)
    if len(values) < 2:
        return {"p50_ms": round(values[0] * 1000, 1) if values else None, "p95_ms": None}
    cuts = statistics.quantiles(values, n=100)
    return {"p50_ms": round(cuts[49] * 1000, 1), "p95_ms": round(cuts[94] * 1000, 1)}


def measure(clock, url, token, names, deliveries, timeout, first=0):
    """Send the questions one at a time; (webhook answer seconds, reply seconds, missing)."""
    template = json.loads(FIXTURE.read_bytes())
    session = requests.Session()
    acks, replies, missing = [], [], 0
    for n in range(first, first + deliveries):
        display_id = 1000 + n
        question = QUESTIONS[n % len(QUESTIONS)].format(name=names[(n * 37) % len(names)])
        body = delivery(template, 500_000 + n, display_id, question)
        ts = str(int(time.time()))
        headers = {"Content-Type": "application/json", "X-Chatwoot-Timestamp": ts,
                   "X-Chatwoot-Signature": sign(SECRET, ts, body)}  # fmt: skip
        start = time.perf_counter()
        response = session.post(f"{url}/chatwoot_ai/webhook/{token}", data=body,
                                headers=headers, timeout=30)  # fmt: skip
        acks.append(time.perf_counter() - start)
        response.raise_for_status()
        arrival = clock.wait_for(display_id, timeout)
        if arrival is None:
            missing += 1
        else:
            replies.append(arrival - start)
    sample = clock.bodies.get(1000 + first)
    return acks, replies, missing, sample


def fresh_server(config, preload):
    """A fresh Odoo with or without the crewai preload; (process, url, seconds until ready)."""
    env = dict(os.environ, CHATWOOT_AI_PRELOAD_CREWAI="1" if preload else "0")
    started = time.perf_counter()
    server, url = start_server(config, free_port(), env=env)
    return server, url, time.perf_counter() - started


def stop(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(30)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--deliveries", type=int, default=40)
    parser.add_argument(
        "--first", type=int, default=4, help="first replies of each fresh server (2 workers)"
    )
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--db", default=DB, help="the throw-away database's name")
    args = parser.parse_args()
    config = bench_config(args.config)
    dsn = db_options(config)
    # The fake Chatwoot runs first: its URL goes into the account.
    clock = ReplyClock()
    webhook_ingest.DB = args.db  # the shared helpers start Odoo on this benchmark's database
    first, ready = {}, {}
    try:
        token, names = prepare_database(config, dsn, clock.url)
        for label, preload, offset in (("without_preload", False, 0), ("with_preload", True, 100)):
            server, url, ready[label] = fresh_server(config, preload)
            try:
                first[label] = measure(clock, url, token, names, args.first, 120, offset)[1]
                if preload:
                    acks, replies, missing, sample = measure(
                        clock, url, token, names, args.deliveries, args.timeout, first=200
                    )
            finally:
                stop(server)
    finally:
        clock.server.shutdown()
        os.unlink(config)
    ack, reply = percentiles(acks), percentiles(replies)
    print(json.dumps({
        "benchmark": "bot_reply_latency",
        "products": PRODUCTS,
        "deliveries": args.deliveries,
        "first_replies_ms": {
            label: [round(seconds * 1000) for seconds in values] for label, values in first.items()
        },
        "server_ready_s": {label: round(seconds, 1) for label, seconds in ready.items()},
        "replied": len(replies),
        "missing_replies": missing,
        "webhook_to_reply": reply,
        "baseline_webhook_stored": ack,
        "ratio_p50_vs_baseline": round(reply["p50_ms"] / ack["p50_ms"], 1)
        if reply["p50_ms"] and ack["p50_ms"] else None,
        "sample_reply": (sample or {}).get("content", "")[:160],
    }, ensure_ascii=False))  # fmt: skip


if __name__ == "__main__":
    main()
