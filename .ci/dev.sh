#!/usr/bin/env bash
# Bootstrap shared by `make run`, `make test`, `make seed` and `make bench`:
# check Odoo 19, install the requirements, find or start PostgreSQL, write the Odoo config.
# Usage: .ci/dev.sh <step>...   steps: odoo requirements postgres config launcher browser env
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOCAL="$ROOT/.local"
PYTHON=${PYTHON:-python3}
PG_DIR="$LOCAL/pg"
ODOO_CFG="$LOCAL/odoo.cfg"
ADDONS="chatwoot_ai_base,chatwoot_ai_analytics,chatwoot_ai_social,chatwoot_ai_content,chatwoot_ai_campaign"

say() { printf '\033[1;34m[chatwoot-ai]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[chatwoot-ai] %s\033[0m\n' "$*" >&2; exit 1; }

step_odoo() {
    if ! "$PYTHON" -c 'import sys, odoo.release as r; sys.exit(r.version_info[0] != 19)' 2>/dev/null; then
        die "Odoo 19 is not importable by '$PYTHON'.
ChatwootAI needs Odoo 19.0 (Community is enough) installed in the active Python, as every
OCA repository does. Get the 19.0 source (git clone -b 19.0 --depth 1 https://github.com/odoo/odoo)
and install it into this Python, e.g.: pip install --no-deps -e ./odoo
Then run this command again."
    fi
}

step_requirements() {
    mkdir -p "$LOCAL"
    local stamp="$LOCAL/requirements.sha256"
    local want
    want=$(sha256sum "$ROOT/requirements.txt" | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && "$PYTHON" -c 'import importlib.util as u, crewai; assert u.find_spec("odoo.addons.queue_job")' 2>/dev/null; then
        return
    fi
    say "Installing Python requirements (requirements.txt)"
    "$PYTHON" -m pip install --disable-pip-version-check --root-user-action=ignore -q -r "$ROOT/requirements.txt"
    echo "$want" >"$stamp"
}

pg_bindir() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        [ "$(id -u)" = 0 ] || die "PostgreSQL server binaries are missing: install Debian's 'postgresql' package."
        say "Installing PostgreSQL server binaries (apt-get install postgresql)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    echo "$bin"
}

# Run a PostgreSQL binary as the cluster owner: the server refuses to run as root.
as_pg_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

external_pg_answers() {
    [ -n "${PGHOST:-}" ] && pg_isready -q -h "$PGHOST" -p "${PGPORT:-5432}" 2>/dev/null
}

free_port() {
    local port=${CHATWOOT_AI_PG_PORT:-54329}
    while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port"
}

# The cluster lives in .local/pg. When the server's user cannot reach that folder (a parent
# that only root may traverse), it lives in a private folder under /var/tmp instead.
pg_dir_for_owner() {
    if [ "$(id -u)" != 0 ] || runuser -u postgres -- test -x "$LOCAL"; then
        echo "$PG_DIR"
    else
        echo "/var/tmp/chatwoot_ai_pg_$(echo "$ROOT" | sha256sum | cut -c1-12)"
    fi
}

pg_port() { cat "$LOCAL/pg.port" 2>/dev/null || true; }

step_postgres() {
    if external_pg_answers; then
        say "Using the PostgreSQL at $PGHOST:${PGPORT:-5432}"
        return
    fi
    local bin dir port
    bin=$(pg_bindir)
    mkdir -p "$LOCAL"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    fi
    dir=$(pg_dir_for_owner)
    mkdir -p "$dir/run"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
    [ "$dir" = "$PG_DIR" ] || ln -sfn "$dir" "$PG_DIR"
    if [ ! -s "$dir/data/PG_VERSION" ]; then
        say "Creating a private PostgreSQL cluster in .local/pg"
        as_pg_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8 >/dev/null
    fi
    port=$(pg_port)
    if [ -z "$port" ] || ! pg_isready -q -h "$dir/run" -p "$port"; then
        port=$(free_port)
        say "Starting PostgreSQL on 127.0.0.1:$port"
        # A throw-away development cluster: durability settings off for speed.
        as_pg_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgresql.log" -w -t 60 start -o \
            "-p $port -k $dir/run -c listen_addresses=127.0.0.1 -c max_connections=200
             -c fsync=off -c synchronous_commit=off -c full_page_writes=off
             -c shared_buffers=512MB -c maintenance_work_mem=512MB -c max_wal_size=4GB" \
            </dev/null >/dev/null 2>>"$dir/postgresql.log"
        echo "$port" >"$LOCAL/pg.port"
    fi
    # Odoo refuses to connect as 'postgres': it gets a role of its own.
    as_pg_owner psql -h "$dir/run" -p "$port" -U postgres -d postgres -qtA -c \
        "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'odoo')
         THEN CREATE ROLE odoo LOGIN SUPERUSER; END IF; END\$\$;" >/dev/null
}

# The browser tours (HttpCase.start_tour) drive a headless Chromium: Debian's 'chromium' package,
# installed like PostgreSQL when missing (as root). Odoo skips every tour without one.
step_browser() {
    local bin
    for bin in chromium chromium-browser google-chrome google-chrome-stable; do
        command -v "$bin" >/dev/null 2>&1 && return
    done
    if [ "$(id -u)" != 0 ]; then
        say "Chromium is missing: the browser tours will be skipped (install Debian's 'chromium' package)."
        return
    fi
    say "Installing Chromium for the browser tours (apt-get install chromium)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq chromium >&2
    command -v chromium >/dev/null 2>&1 || die "apt-get installed no 'chromium' command."
}

step_stop_postgres() {
    local dir
    dir=$(readlink -f "$PG_DIR" 2>/dev/null || true)
    [ -n "$dir" ] && [ -s "$dir/data/postmaster.pid" ] || return 0
    as_pg_owner "$(pg_bindir)/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
}

step_config() {
    mkdir -p "$LOCAL/data"
    local host port user password
    if external_pg_answers; then
        host=$PGHOST port=${PGPORT:-5432} user=${PGUSER:-odoo} password=${PGPASSWORD:-}
    else
        host=127.0.0.1 port=$(pg_port) user=odoo password=
    fi
    cat >"$ODOO_CFG" <<CFG
[options]
addons_path = $ROOT
data_dir = $LOCAL/data
db_host = $host
db_port = $port
db_user = $user
db_password = $password
http_interface = ${ODOO_HTTP_INTERFACE:-127.0.0.1}
admin_passwd = admin
http_port = ${ODOO_HTTP_PORT:-8069}
gevent_port = ${ODOO_GEVENT_PORT:-8072}
server_wide_modules = base,rpc,web,queue_job
max_cron_threads = 1
limit_time_cpu = 600
limit_time_real = 1200
limit_memory_soft = 4294967296
limit_memory_hard = 6442450944

[queue_job]
channels = root:1,root.chatwoot:1
CFG
    # Tests perform their jobs themselves: no job runner (queue_job starts one with any
    # threaded server unless its channels read root:0), no cron thread, and ports of their
    # own so that `make test` works beside a running `make run`.
    sed -e 's/^server_wide_modules = .*/server_wide_modules = base,rpc,web/' \
        -e 's/^channels = .*/channels = root:0/' \
        -e 's/^max_cron_threads = .*/max_cron_threads = 0/' \
        -e "s/^http_port = .*/http_port = ${ODOO_TEST_HTTP_PORT:-8169}/" \
        -e "s/^gevent_port = .*/gevent_port = ${ODOO_TEST_GEVENT_PORT:-8172}/" \
        "$ODOO_CFG" >"$LOCAL/odoo-test.cfg"
}

# A launcher script: with --workers, Odoo re-executes sys.argv[0] for its gevent process, which
# must therefore be a real script (not `python -m odoo`'s __main__.py).
step_launcher() {
    mkdir -p "$LOCAL"
    printf '#!%s\nfrom odoo.cli.command import main\n\nmain()\n' "$(command -v "$PYTHON")" >"$LOCAL/odoo-bin"
    chmod +x "$LOCAL/odoo-bin"
}

step_env() {
    echo "ODOO_RC=$ODOO_CFG"
    echo "ADDONS=$ADDONS"
}

[ $# -gt 0 ] || set -- odoo requirements postgres config launcher
for s in "$@"; do "step_$s"; done
