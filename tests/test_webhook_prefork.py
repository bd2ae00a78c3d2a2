# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The webhook fast lane in a real prefork server, as production runs it.

A 2-worker Odoo (the benchmarks' server, its own port) serves signed Chatwoot deliveries.
Its workers remember each account's credentials and keep their database cursor from one
delivery to the next (``fast_lane.lane_cursor``, ``RememberedCredentials``); this checks,
over HTTP, that what the other tests prove in the threaded test server holds there too:
every delivery stored once, a secret changed or an account archived in another transaction
refused at once by every worker, and the workers' connections killed under them (database
restart, ``pg_terminate_backend``) costing no delivery and no 5xx.

Runs against the database pytest-odoo uses (``--odoo-database``); its data is committed and
removed afterwards. Skipped when no database is given (plain ``pytest``).
"""

import importlib.util
import json
import os
import signal
import time
from pathlib import Path

import psycopg2
import requests

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "chatwoot_ai_base/tests/fixtures/chatwoot/cw4141_message_created_incoming_api.json"
SECRET = "prefork-s3cr3t"
TAG = "prefork-lane"

SPEC = importlib.util.spec_from_file_location("_benchlib", ROOT / "tests/benchmarks/_benchlib.py")
benchlib = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(benchlib)
SIGN = benchlib.load_pure("chatwoot_ai_base/chatwoot/signature.py").sign

SETUP = f"""
account = env['chatwoot.account'].create({{
    'name': '{TAG}', 'base_url': 'https://prefork.example', 'chatwoot_account_id': 96,
    'webhook_secret': '{SECRET}'}})
env['ir.config_parameter'].set_param('chatwoot_ai.drain_delay_seconds', 3600)
env.cr.commit()
print('ACCOUNT=%d,%s' % (account.id, account.webhook_token))
"""

CLEANUP = f"""
accounts = env['chatwoot.account'].with_context(active_test=False).search([('name', '=', '{TAG}')])
env['chatwoot.webhook.event'].search([('account_id', 'in', accounts.ids)]).unlink()
for account in accounts:
    env['queue.job'].search(
        [('func_string', 'like', 'chatwoot.account(%d,)' % account.id)]).unlink()
accounts.unlink()
env['ir.config_parameter'].set_param('chatwoot_ai.drain_delay_seconds', False)
env.cr.commit()
"""


class Sender:
    """Signed deliveries of distinct messages to one webhook URL."""

    def __init__(self, url):
        self.url = url
        self.template = json.loads(FIXTURE.read_text())
        self.next_id = 880_000

    def send(self, secret=SECRET):
        self.next_id += 1
        body = json.dumps(dict(self.template, id=self.next_id)).encode()
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "X-Chatwoot-Timestamp": timestamp,
            "X-Chatwoot-Signature": SIGN(secret, timestamp, body),
        }
        # A new connection each time, so that both workers serve some.
        response = requests.post(self.url, data=body, headers=headers, timeout=30)
        return self.next_id, response.status_code, response.headers.get("X-ChatwootAI-Lane")

    def burst(self, count, secret=SECRET):
        return [self.send(secret) for _ in range(count)]


def execute(connection, query, params=()):
    with connection.cursor() as cr:
        cr.execute(query, params)
        rows = cr.fetchall() if cr.description else None
    connection.commit()
    return rows


def stored_ids(connection, account_id):
    rows = execute(
        connection,
        "SELECT (payload::jsonb ->> 'id')::int, count(*) FROM chatwoot_webhook_event "
        "WHERE account_id = %s GROUP BY 1",
        [account_id],
    )
    assert all(count == 1 for _id, count in rows), "a delivery was stored twice"
    return {message_id for message_id, _count in rows}


def kill_server_connections(connection, db):
    """Terminate every connection to ``db`` but this test's own: what a database restart
    or an administrator's ``pg_terminate_backend`` does to the workers' kept connections."""
    rows = execute(
        connection,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = %s AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
        [db],
    )
    return len(rows)


def test_prefork_workers_store_once_follow_changed_credentials_and_survive_killed_connections(
    odoo_target, tmp_path
):
    config, db = odoo_target
    connection = psycopg2.connect(dbname=db, **benchlib.db_options(config))
    server = None
    try:
        out = benchlib.odoo_shell(config, db, SETUP)
        account_id, token = next(
            line[8:] for line in out.splitlines() if line.startswith("ACCOUNT=")
        ).split(",")
        account_id = int(account_id)
        log_path = tmp_path / "odoo.log"
        with open(log_path, "wb") as log:
            # No job runner: the drain job waits queued, so that only the lane is tested.
            server, url = benchlib.start_server(
                config, benchlib.free_port(), db, log=log, args=("--load=base,rpc,web",)
            )
        sender = Sender(f"{url}/chatwoot_ai/webhook/{token}")

        first = sender.burst(30)
        assert {(status, lane) for _id, status, lane in first} == {(200, "fast")}

        # Another transaction changes the secret: every worker refuses the old one at once.
        execute(
            connection,
            "UPDATE chatwoot_account SET webhook_secret = 'n3w' WHERE id = %s",
            [account_id],
        )
        refused = sender.burst(6)
        assert {status for _id, status, _lane in refused} == {401}
        renewed = sender.burst(6, secret="n3w")
        assert {status for _id, status, _lane in renewed} == {200}

        # The workers' connections die under them: no delivery lost, no 5xx.
        assert kill_server_connections(connection, db) >= 2
        after_kill = sender.burst(20, secret="n3w")
        assert {status for _id, status, _lane in after_kill} == {200}

        # Archived in another transaction: 404 at once, nothing stored.
        execute(
            connection, "UPDATE chatwoot_account SET active = false WHERE id = %s", [account_id]
        )
        archived = sender.burst(6, secret="n3w")
        assert {status for _id, status, _lane in archived} == {404}

        expected = {message_id for message_id, *_rest in first + renewed + after_kill}
        assert stored_ids(connection, account_id) == expected
        jobs = execute(
            connection,
            "SELECT count(*) FROM queue_job WHERE func_string LIKE %s",
            [f"chatwoot.account({account_id},)._job_drain_events%"],
        )
        assert jobs == [(1,)], "one drain job serves the burst"
        server_log = log_path.read_text(errors="replace")
        assert "Traceback" not in server_log, server_log[-3000:]
        # The workers kept their connections between deliveries, and found them closed.
        assert "kept database connection was closed" in server_log, server_log[-3000:]
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)
        benchlib.odoo_shell(config, db, CLEANUP)
        connection.close()
