# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the benchmark scripts share: the database the Odoo config points at, a 2-worker Odoo
started on a benchmark's database, and the load generator with its summary.

Not a benchmark itself (`make bench` runs the scripts whose names do not start with `_`).
"""

import configparser
import importlib.util
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg2
import requests
from psycopg2 import sql

ROOT = Path(__file__).resolve().parents[2]


def load_pure(relative_path):
    """Load a pure module by path: importing the addon package would import Odoo models."""
    spec = importlib.util.spec_from_file_location(Path(relative_path).stem, ROOT / relative_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_odoo(config, db, *args, command="server", **kwargs):
    """Run an Odoo command on ``db`` (``--stop-after-init`` or ``shell``) and wait for it."""
    cmd = [sys.executable, "-m", "odoo", command, "-c", config, "-d", db, "--log-level=warn", *args]
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs)


def odoo_shell(config, db, script, timeout=300):
    """Run ``script`` in ``odoo-bin shell`` on ``db``; its standard output."""
    return run_odoo(config, db, "--no-http", command="shell", input=script, timeout=timeout).stdout


def odoo_launcher(config):
    """The launcher `make` writes beside the config: with --workers, Odoo re-executes its
    own script for the gevent process, which `python -m odoo` cannot provide."""
    launcher = Path(config).resolve().parent / "odoo-bin"
    return [str(launcher)] if launcher.exists() else [sys.executable, "-m", "odoo"]


def start_server(config, port, db, env=None, log=None, args=()):
    """Odoo with 2 workers (and queue_job, server-wide in the config) serving ``db``.

    ``-d`` alone, as `make run` starts it: with a ``--db-filter`` as well, Odoo lists the
    server's databases (a new connection to ``postgres``) on every request. The server leads
    its own process group: ``os.killpg(server.pid, ...)`` reaches its workers too. ``log``
    (a binary file) gets its output; ``args`` are extra command-line options.
    """
    cmd = [
        *odoo_launcher(config), "-c", config, "-d", db,
        "--workers=2", "--max-cron-threads=0", f"--http-port={port}",
        f"--gevent-port={free_port()}", "--log-level=warn", *args,
    ]  # fmt: skip
    out = log or subprocess.DEVNULL
    server = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT if log else out,
                              start_new_session=True, env=env)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if requests.get(f"{url}/web/health", timeout=2).status_code == 200:
                return server, url
        except requests.RequestException:
            pass
        time.sleep(0.5)
    server.kill()
    raise RuntimeError("Odoo did not start")


def load(seconds, connections, make_request):
    """Run `make_request(session, n)` from `connections` threads; return latencies and codes."""
    deadline = time.monotonic() + seconds
    results, lock, counter = [], threading.Lock(), iter(range(10**9))

    def worker():
        session, mine = requests.Session(), []
        while time.monotonic() < deadline:
            with lock:
                n = next(counter)
            start = time.perf_counter()
            try:
                status = make_request(session, n)
            except requests.RequestException:
                status = 0
            mine.append((time.perf_counter() - start, status, n))
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def summary(results, seconds):
    latencies = sorted(r[0] for r in results)
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "requests": len(results),
        "per_s": round(len(results) / seconds, 1),
        "p50_ms": round(quantiles[49] * 1000, 2),
        "p99_ms": round(quantiles[98] * 1000, 2),
        "5xx": sum(1 for r in results if r[1] >= 500),
        "errors": sum(1 for r in results if r[1] == 0),
    }


def start_profiles(server, directory, seconds):
    """py-spy on each HTTP worker of ``server`` (its children but the gevent one) for
    ``seconds``: one collapsed-stack file per worker under ``directory``."""
    children = subprocess.run(
        ["ps", "-o", "pid=,args=", "--ppid", str(server.pid)], capture_output=True, text=True
    ).stdout.splitlines()
    pids = [line.split()[0] for line in children if "gevent" not in line.split()[1:4]]
    Path(directory).mkdir(parents=True, exist_ok=True)
    return [
        subprocess.Popen(["py-spy", "record", "--pid", pid, "--duration", str(int(seconds)),
                          "--rate", "100", "--format", "raw", "--nonblocking",
                          "--output", f"{directory}/worker-{pid}.txt"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for pid in pids
    ]  # fmt: skip


def database_exists(dsn, name):
    connection = psycopg2.connect(dbname="postgres", **dsn)
    try:
        with connection.cursor() as cr:
            cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            return bool(cr.fetchone())
    finally:
        connection.close()


def reuse_database(dsn, name, tables, token_query):
    """Empty ``tables`` (and the job queue) of a database a previous run installed; the
    webhook token ``token_query`` reads, or None when there is no such database."""
    if not database_exists(dsn, name):
        return None
    with psycopg2.connect(dbname=name, **dsn) as conn, conn.cursor() as cr:
        cr.execute(sql.SQL("TRUNCATE {}, queue_job CASCADE").format(
            sql.SQL(", ").join(map(sql.Identifier, tables))))  # fmt: skip
        cr.execute(token_query)
        row = cr.fetchone()
    return row[0] if row else None


def add_ingest_options(parser, db, emptied):
    """The options the webhook ingest benchmarks share (``emptied``: what --reuse empties)."""
    parser.add_argument("--db", default=db, help="the throw-away database's name")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help=f"reuse the database a previous run installed ({emptied} and jobs emptied) "
        "instead of installing a fresh one",
    )
    parser.add_argument("--profile", help="folder for py-spy profiles of the workers")
    parser.add_argument(
        "--async-commit",
        action="store_true",
        help="set chatwoot_ai.webhook_async_commit: the webhook answers before PostgreSQL "
        "flushes the delivery to disk (off by default: a flush per delivery)",
    )


def set_param(dsn, name, key, value):
    """Set (or with ``value`` None, remove) a system parameter of database ``name`` before
    its server starts (each worker reads the parameters once)."""
    with psycopg2.connect(dbname=name, **dsn) as conn, conn.cursor() as cr:
        if value is None:
            cr.execute("DELETE FROM ir_config_parameter WHERE key = %s", (key,))
        else:
            cr.execute(
                "INSERT INTO ir_config_parameter (key, value, create_date, write_date) "
                "VALUES (%s, %s, now(), now()) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (key, value),
            )


def db_options(config_path):
    """psycopg2 connection keywords from an Odoo config file's [options]."""
    parser = configparser.ConfigParser()
    parser.read(config_path)
    options = parser["options"]
    password = options.get("db_password") or None
    return {
        "host": options.get("db_host") or None,
        "port": options.get("db_port") or None,
        "user": options.get("db_user") or None,
        "password": password if password not in ("False", "") else None,
    }


def drop_database(dsn, name):
    """Drop ``name`` if it exists, closing whatever sessions it still has."""
    connection = psycopg2.connect(dbname="postgres", **dsn)
    connection.autocommit = True  # DROP DATABASE cannot run inside a transaction
    with connection.cursor() as cr:
        cr.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
        )
        cr.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    connection.close()
