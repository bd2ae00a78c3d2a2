#!/usr/bin/env bash
# How `make run` serves Odoo, shared with the test that opens its websocket
# (tests/test_make_run_websocket.py): .ci/serve.sh <database> [extra odoo-bin options]
#
# Threaded (--workers=0): one port answers the web client, the webhooks AND /websocket, so live
# notifications (Discuss, chatter, the analytics refresh progress) reach a browser opened on
# http://localhost:8069 with no proxy; the queue_job runner and one cron thread run beside it.
# Production runs prefork workers behind a proxy that sends /websocket to the gevent port
# (docs/DOCKER.md), as Odoo documents. `-d` alone exposes that one database: adding --db-filter
# would make Odoo list the server's databases (a connection to `postgres`) on every request.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=${1:?usage: .ci/serve.sh <database> [odoo-bin options]}
shift
exec "$ROOT/.local/odoo-bin" -c "${ODOO_RC:-$ROOT/.local/odoo.cfg}" -d "$DB" \
    --workers=0 --http-interface="${ODOO_HTTP_INTERFACE:-0.0.0.0}" "$@"
