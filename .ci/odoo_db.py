"""Database chores for the Makefile: does a database exist, drop one, print the banner.

Reads the connection from the Odoo config written by .ci/dev.sh, so it talks to the same
PostgreSQL as Odoo whether that is $PGHOST or the private cluster under .local/pg.
"""

import argparse
import configparser
import sys

import psycopg2
from psycopg2 import sql


def connect(options, dbname="postgres"):
    password = options.get("db_password") or None
    conn = psycopg2.connect(
        dbname=dbname,
        host=options.get("db_host") or None,
        port=options.get("db_port") or None,
        user=options.get("db_user") or None,
        password=password if password not in ("False", "") else None,
    )
    conn.autocommit = True
    return conn


def database_exists(options, name):
    with connect(options) as conn, conn.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        return cr.fetchone() is not None


def drop_database(options, name):
    conn = connect(options)
    with conn.cursor() as cr:
        cr.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
        )
        cr.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    conn.close()


def print_banner(options, name):
    port = options.get("http_port") or "8069"
    url = f"http://localhost:{port}"
    with connect(options, name) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT value FROM ir_config_parameter WHERE key = 'chatwoot_ai.public_base_url'"
        )
        row = cr.fetchone()
        public = (row[0] if row and row[0] else url).rstrip("/")
        cr.execute("SELECT name, webhook_token FROM chatwoot_account WHERE active ORDER BY id")
        accounts = cr.fetchall()
    print(f"\n  ChatwootAI is starting on {url}  (login admin / admin, database {name})")
    if not accounts:
        print(
            "  No Chatwoot account yet: add one in ChatwootAI → Configuration → Chatwoot Accounts."
        )
    for account_name, token in accounts:
        print(f"  Webhook URL for Chatwoot ({account_name}):")
        print(f"    {public}/chatwoot_ai/webhook/{token}")
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("command", choices=["exists", "drop", "banner"])
    parser.add_argument("database")
    args = parser.parse_args()
    config = configparser.ConfigParser()
    config.read(args.config)
    options = dict(config["options"])
    if args.command == "exists":
        return 0 if database_exists(options, args.database) else 1
    if args.command == "drop":
        drop_database(options, args.database)
    else:
        print_banner(options, args.database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
