# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the campaign benchmarks share: the ``bench_campaign`` database with a seeded
population, ``odoo-bin shell`` scripts, and an Odoo server with the job runner.

Not a benchmark itself (`make bench` runs the scripts whose names do not start with `_`).
"""

import os
import subprocess
from pathlib import Path

import _benchlib
import psycopg2
from _benchlib import db_options, odoo_launcher

#: Override with CAMPAIGN_BENCH_DB to keep several copies apart.
DATABASE = os.environ.get("CAMPAIGN_BENCH_DB", "bench_campaign")
POPULATION = 100_000
ROOT = Path(__file__).resolve().parents[2]
FAKE = ROOT / "chatwoot_ai_campaign" / "tests" / "fake_campaign_api.py"


def shell(config, script, timeout=900):
    """Run ``script`` in ``odoo-bin shell`` on the bench database; its stdout."""
    cmd = [*odoo_launcher(config), "shell", "-c", config, "-d", DATABASE, "--no-http",
           "--log-level=warn"]  # fmt: skip
    out = subprocess.run(cmd, input=script, capture_output=True, text=True, timeout=timeout)
    if out.returncode:
        raise RuntimeError(f"odoo shell failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
    return out.stdout


def value(out, key):
    return next(line[len(key) + 1 :] for line in out.splitlines() if line.startswith(key + "="))


def connect(config):
    return psycopg2.connect(dbname=DATABASE, **db_options(config))


def _count(config, query):
    try:
        connection = connect(config)
    except psycopg2.OperationalError:
        return None
    try:
        with connection.cursor() as cr:
            cr.execute(query)
            return cr.fetchone()[0]
    except psycopg2.Error:
        return None
    finally:
        connection.close()


def installed(config):
    return bool(
        _count(
            config,
            "SELECT COUNT(*) FROM ir_module_module "
            "WHERE name = 'chatwoot_ai_campaign' AND state = 'installed'",
        )
    )


def population_ready(config):
    return (_count(config, "SELECT COUNT(*) FROM res_partner WHERE name LIKE 'Bench %'") or 0) >= (
        POPULATION
    )


SEED = """
import random
rng = random.Random(42)
cr = env.cr
company = env.company.id
cr.execute('''
    INSERT INTO res_partner (name, complete_name, phone, phone_sanitized, email,
        email_normalized, tz, lang, active, type, is_company, company_id, create_date,
        write_date, autopost_bills)
    SELECT 'Bench ' || i, 'Bench ' || i, '+55' || (ARRAY['11','21','65','68','92'])[1 + i %% 5]
           || '9' || LPAD(i::text, 8, '0'),
           '+55' || (ARRAY['11','21','65','68','92'])[1 + i %% 5] || '9' || LPAD(i::text, 8, '0'),
           'bench' || i || '@example.com', 'bench' || i || '@example.com',
           CASE WHEN i %% 2 = 0 THEN 'America/Sao_Paulo' END, 'pt_BR', TRUE, 'contact',
           FALSE, NULL, now(), now(), 'always'
      FROM generate_series(1, %s) AS i
''', [{count}])
cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE name LIKE 'Bench %'")
cr.execute('''
    INSERT INTO chatwoot_consent (partner_id, company_id, channel, status, source, date,
                                  create_date, write_date)
    SELECT id, %s, 'whatsapp', CASE WHEN id %% 20 = 5 THEN 'opted_out' ELSE 'opted_in' END,
           'import', now() - interval '30 days', now(), now()
      FROM res_partner WHERE name LIKE 'Bench %%' AND id %% 10 != 0
''', [company])
cr.execute('''
    INSERT INTO phone_blacklist (number, active, create_date, write_date)
    SELECT phone_sanitized, TRUE, now(), now() FROM res_partner
     WHERE name LIKE 'Bench %' AND id % 100 = 7
    ON CONFLICT DO NOTHING
''')
env.cr.commit()
print('SEEDED=1')
"""


def build(config):
    """Install the campaign addon in the bench database and seed the population (once)."""
    built = False
    if not installed(config):
        from _benchlib import drop_database

        drop_database(db_options(config), DATABASE)
        subprocess.run(
            [*odoo_launcher(config), "-c", config, "-d", DATABASE, "-i", "chatwoot_ai_campaign",
             "--stop-after-init", "--log-level=warn"],
            check=True, capture_output=True, timeout=1800,
        )  # fmt: skip
        built = True
    if not population_ready(config):
        shell(config, SEED.format(count=POPULATION))
        built = True
    return built


def start_server(config, port, log, channels="root:2"):
    """The shared 2-worker server (``_benchlib.start_server``) with the job runner on
    ``channels``; it leads its process group (kill it with ``os.killpg``)."""
    env = dict(os.environ, ODOO_QUEUE_JOB_CHANNELS=channels)
    server, _url = _benchlib.start_server(
        config, port, DATABASE, env=env, log=log, args=("--load=base,rpc,web,queue_job",)
    )
    return server


def group_rss_mb(pgid):
    """Resident memory of every process of a process group (the server and its workers),
    in MB (Linux)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # pgrp, after state and ppid
            total += rss_mb(int(stat.parent.name)) or 0
    return round(total, 1)


def rss_mb(pid):
    """Resident memory of a process, in MB (Linux)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None
