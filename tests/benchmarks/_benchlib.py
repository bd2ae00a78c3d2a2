# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the benchmark scripts share: the database the Odoo config points at.

Not a benchmark itself (`make bench` runs the scripts whose names do not start with `_`).
"""

import configparser

import psycopg2
from psycopg2 import sql


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
