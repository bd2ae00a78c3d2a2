"""`make run` serves a working /websocket: live notifications reach a browser on its one port.

The server is started exactly as `make run` starts it (`.ci/serve.sh`, `make run`'s config
`.local/odoo.cfg`), on free ports and a throw-away database of its own holding `bus`. The test
then does what the web client does: the websocket handshake on the HTTP port, a `subscribe`
message, and it receives a notification the bus sends on the `broadcast` channel every client
listens to. The server's log must show no traceback.
"""

import configparser
import hashlib
import json
import os
import socket
import subprocess
import time
from pathlib import Path

import psycopg2
import pytest
import requests
import websocket

from odoo.addons.bus.models.bus import channel_with_db, get_notify_payloads, json_dump

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".local" / "odoo.cfg"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def connect(options, dbname):
    conn = psycopg2.connect(
        dbname=dbname,
        host=options.get("db_host") or None,
        port=options.get("db_port") or None,
        user=options.get("db_user") or None,
        password=options.get("db_password") or None,
    )
    conn.autocommit = True
    return conn


@pytest.fixture(scope="module")
def options():
    assert CONFIG.exists(), "make's bootstrap writes .local/odoo.cfg"
    parser = configparser.ConfigParser()
    parser.read(CONFIG)
    return dict(parser["options"])


@pytest.fixture(scope="module")
def database(options):
    # One database per checkout, so that two clones testing on one cluster do not collide.
    checkout = hashlib.sha256(str(ROOT).encode()).hexdigest()[:8]
    name = os.environ.get("CHATWOOT_AI_WEBSOCKET_DB", f"chatwoot_ai_test_websocket_{checkout}")
    subprocess.run(
        ["python3", ".ci/odoo_db.py", "--config", str(CONFIG), "drop", name], cwd=ROOT, check=True
    )
    subprocess.run(
        [str(ROOT / ".local/odoo-bin"), "-c", str(CONFIG), "-d", name, "-i", "bus"]
        + ["--stop-after-init", "--log-level=warn"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,
    )
    yield name
    subprocess.run(
        ["python3", ".ci/odoo_db.py", "--config", str(CONFIG), "drop", name], cwd=ROOT, check=True
    )


@pytest.fixture(scope="module")
def server(database, tmp_path_factory):
    """`make run`'s server, on free ports; yields (base URL, log file)."""
    port = free_port()
    log = tmp_path_factory.mktemp("make_run") / "odoo.log"
    env = dict(os.environ, ODOO_HTTP_INTERFACE="127.0.0.1")
    with open(log, "wb") as output:
        process = subprocess.Popen(
            ["bash", ".ci/serve.sh", database, f"--http-port={port}"]
            + [f"--gevent-port={free_port()}"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if requests.get(f"{url}/web/health", timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(1)
        yield url, log
    finally:
        process.terminate()
        process.wait(60)


def test_make_run_serves_the_websocket_on_its_http_port(server, database, options):
    url, log = server
    ws = websocket.create_connection(
        url.replace("http", "ws") + "/websocket", origin=url, timeout=60
    )
    try:
        assert ws.handshake_response.status == 101
        ws.send(json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}}))
        # What bus.bus._sendone does: a row, then NOTIFY imbus once committed.
        channel = channel_with_db(database, "broadcast")
        message = {"type": "chatwoot_ai/ping", "payload": {"via": "make run"}}
        with connect(options, database) as conn, conn.cursor() as cr:
            cr.execute(
                "INSERT INTO bus_bus (channel, message, create_date, write_date)"
                " VALUES (%s, %s, now() at time zone 'UTC', now() at time zone 'UTC')",
                (json_dump(channel), json_dump(message)),
            )
            for payload in get_notify_payloads([channel]):
                cr.execute("SELECT pg_notify('imbus', %s)", (payload,))
        received = json.loads(ws.recv())
    finally:
        ws.close()
    assert [note["message"] for note in received] == [message]
    text = log.read_text()
    assert "Traceback" not in text, text
    assert " ERROR " not in text, text
