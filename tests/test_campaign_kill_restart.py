# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A campaign survives ``kill -9`` of the Odoo process that serves its job runner.

A real Odoo server (the benchmarks' 2-worker server, ``queue_job`` loaded, its own port)
dispatches a Chatwoot campaign over two senders (one job each, side by side) against the
stateful fake API running as a separate process. The server, its workers and its job runner
are killed with SIGKILL in the middle of the dispatch, started again, and the campaign must
end with every recipient in a final state and no message sent twice.

Runs against the database pytest-odoo uses (``--odoo-database``); its data is committed
and removed afterwards. Skipped when no database is given (plain ``pytest``).
"""

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
FAKE = ROOT / "chatwoot_ai_campaign" / "tests" / "fake_campaign_api.py"
RECIPIENTS = 120
KILL_AFTER = 30
TAG = "kill-restart"


SPEC = importlib.util.spec_from_file_location("_benchlib", ROOT / "tests/benchmarks/_benchlib.py")
benchlib = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(benchlib)


def db_connection(config, db):
    return psycopg2.connect(dbname=db, **benchlib.db_options(config))


def start_server(config, db, log):
    env = dict(os.environ, ODOO_QUEUE_JOB_CHANNELS="root:2")
    server, _url = benchlib.start_server(
        config, benchlib.free_port(), db, env=env, log=log,
        args=("--load=base,rpc,web,queue_job",),
    )  # fmt: skip
    return server


def stop(server, sig):
    """Signal the server's whole process group (its workers and job runner too)."""
    try:
        os.killpg(server.pid, sig)
    except ProcessLookupError:
        pass


def logged(path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


SETUP = """
account = env['chatwoot.account'].create({{
    'name': '{tag}', 'base_url': '{fake}', 'chatwoot_account_id': 5,
    'api_access_token': 'kill-token'}})
inbox = env['chatwoot.inbox'].create({{
    'account_id': account.id, 'chatwoot_inbox_id': 55, 'name': '{tag}',
    'channel_type': 'Channel::Api'}})
people = env['res.partner'].create([
    {{'name': '{tag} %d' % i, 'phone': '+5511966%06d' % i}} for i in range({count})])
env['chatwoot.consent'].create([
    {{'partner_id': p.id, 'channel': 'chatwoot', 'status': 'opted_in', 'source': 'import'}}
    for p in people])
env['ir.config_parameter'].set_param('chatwoot_ai_campaign.lease_seconds', '3')
campaign = env['chatwoot.campaign'].create({{
    'name': '{tag}', 'channel': 'chatwoot', 'account_id': account.id,
    'audience_domain': str([('id', 'in', people.ids)]), 'message': 'Oi {{first_name}}',
    'window_start': 0, 'window_end': 24, 'quiet_weekdays': '',
    'sender_ids': [(0, 0, {{'name': 'A', 'inbox_id': inbox.id, 'rate_per_minute': 300}}),
                   (0, 0, {{'name': 'B', 'inbox_id': inbox.id, 'rate_per_minute': 300}})]}})
campaign.action_launch()
env.cr.commit()
print('CAMPAIGN=%d' % campaign.id)
"""

REDISPATCH = """
env['chatwoot.campaign']._cron_dispatch()
env.cr.commit()
"""

CLEANUP = """
campaign = env['chatwoot.campaign'].browse({campaign})
people = campaign.recipient_ids.partner_id
env['queue.job'].search([('func_string', 'like', 'chatwoot.campaign(%d,)' % campaign.id)]).unlink()
campaign.unlink()
env['chatwoot.account'].search([('name', '=', '{tag}')]).unlink()
env['ir.config_parameter'].set_param('chatwoot_ai_campaign.lease_seconds', False)
try:
    with env.cr.savepoint():
        people.unlink()
except Exception:
    people.write({{'active': False}})
env.cr.commit()
"""


def wait_for(predicate, timeout, step=0.25):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def recipient_states(connection, campaign_id):
    with connection.cursor() as cr:
        cr.execute(
            "SELECT state, COUNT(*) FROM chatwoot_campaign_recipient WHERE campaign_id = %s "
            "GROUP BY state",
            [campaign_id],
        )
        rows = dict(cr.fetchall())
    connection.rollback()
    return rows


def test_kill_9_mid_dispatch_then_restart_sends_everything_exactly_once(odoo_target, tmp_path):
    config, db = odoo_target
    sent_log = tmp_path / "sent.jsonl"
    fake_port = benchlib.free_port()
    fake = subprocess.Popen(
        [sys.executable, str(FAKE), "--port", str(fake_port), "--log", str(sent_log)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = None
    campaign_id = None
    connection = db_connection(config, db)
    try:
        out = benchlib.odoo_shell(
            config,
            db,
            SETUP.format(tag=TAG, fake=f"http://127.0.0.1:{fake_port}", count=RECIPIENTS),
        )
        campaign_id = int(
            next(line[9:] for line in out.splitlines() if line.startswith("CAMPAIGN="))
        )
        with open(tmp_path / "odoo-1.log", "wb") as log:
            server = start_server(config, db, log)
        assert wait_for(lambda: len(logged(sent_log)) >= KILL_AFTER, 180), "dispatch never started"
        stop(server, signal.SIGKILL)
        server.wait(timeout=30)
        killed_at = len(logged(sent_log))
        states = recipient_states(connection, campaign_id)
        assert states.get("queued"), f"the kill came too late to test anything: {states}"

        with open(tmp_path / "odoo-2.log", "wb") as log:
            server = start_server(config, db, log)
        benchlib.odoo_shell(config, db, REDISPATCH)

        def finished():
            current = recipient_states(connection, campaign_id)
            return current if not (current.get("queued") or current.get("sending")) else None

        final = wait_for(finished, 240)
        assert final, f"not finished: {recipient_states(connection, campaign_id)}"
        messages = logged(sent_log)
        keys = [message["key"] for message in messages]
        assert len(keys) == len(set(keys)), "a message was sent twice"
        assert killed_at < len(keys)
        # Every recipient is final: sent (found at Chatwoot or sent after the restart).
        assert final == {"sent": RECIPIENTS}, final
        with connection.cursor() as cr:
            cr.execute(
                "SELECT idempotency_key FROM chatwoot_campaign_recipient WHERE campaign_id = %s",
                [campaign_id],
            )
            assert {row[0] for row in cr.fetchall()} == set(keys)
        connection.rollback()
    finally:
        if server and server.poll() is None:
            stop(server, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                stop(server, signal.SIGKILL)
        fake.kill()
        fake.wait(timeout=10)
        connection.close()
        if campaign_id:
            benchlib.odoo_shell(config, db, CLEANUP.format(campaign=campaign_id, tag=TAG))
