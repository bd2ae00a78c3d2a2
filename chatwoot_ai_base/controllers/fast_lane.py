# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The webhook fast lane: signed deliveries answered beside Odoo's request dispatch.

Why it exists. A webhook has one job: verify the delivery, store it with one INSERT, answer.
Profiled under load on the 2-worker server (``tests/benchmarks/webhook_ingest.py
--profile``), Odoo's generic dispatch around that cost more than the delivery itself: a
read-only cursor borrowed (a ``DISCARD ALL`` round trip) for ``Registry.check_signaling``
(a query), closed, a read/write cursor borrowed again, a session, ``ir.http`` routing and
authentication, an Environment; the Chatwoot webhook answered 0.47–0.67 of ``/web/health``'s
rate (e.g. 380–440 deliveries/s against ~700 health checks/s on an idle machine), and
``webhook_async_commit`` only brought it to 0.715: the workers' CPU, not PostgreSQL's
flush, was the limit. The fast lane does what the delivery needs and nothing else: one
cursor, the account's credentials by token (one indexed query, read afresh each time), the
signature, the shared INSERT statement, commit, a JSON answer. Measured back to back on the
same (shared, loaded) machine, median of three runs while the job runner drains: 0.94 of
``/web/health``'s rate against 0.35 through Odoo's route; Meta comments 9.6× against 5.2×.

How. ``install()`` (the base addon's ``post_load``) wraps ``odoo.http.Application.__call__``
once per process, for the prefork workers, the threaded server (and so ``HttpCase``) and
gevent alike. Each addon registers its webhooks with :func:`register`: a path prefix, the
model that proves the addon is installed in the database, and a ``receive(cr, token,
httprequest)`` that both paths run. The lane serves a POST under a registered prefix only
when:

* the ``chatwoot_ai_webhook_fast_lane`` option of the Odoo config file is not false;
* the request carries no ``session_id`` cookie, and its database is the one Odoo would pick
  for a session-less request (``X-Odoo-Database`` through ``db_filter``, else the single
  database ``db_list`` gives for the host);
* that database's registry is already loaded and ready in this process, with the lane's model.

Anything else (a GET such as Meta's handshake, another database, a registry still to load,
a table the loaded registry does not match any more) falls through to Odoo's own route,
which runs the same ``receive`` with ``request.env``. The answers are the same on both paths,
with ``X-ChatwootAI-Lane: fast`` or ``odoo`` saying which one served.

Round trips. A delivery costs ``BEGIN``, the INSERT and ``COMMIT``: a prefork worker keeps
its cursor between deliveries (:func:`lane_cursor`; Odoo's pool would reset the connection
with ``DISCARD ALL`` at each borrow), and the Chatwoot webhook remembers the account's
credentials per worker, which its INSERT checks in the same snapshot
(``RememberedCredentials``), so the credentials' own query is only run for a token the
worker has not seen, or before answering anything but a stored delivery. Both together
took a delivery from 1.27 to 0.86 ms of in-process time, measured back to back.

Elsewhere ``registry.cursor()`` serves each delivery: the test cursor in ``HttpCase``
(nothing is committed outside the test).

A serialization failure is replayed a few times, as ``service.model.retrying`` does; any
other error is rolled back and answered 503, never 500. Only the first delivery of a
burst needs the ORM: the ``after`` callable a ``receive`` returns (queue the drain job) gets a
superuser Environment on the same cursor, before the commit.
"""

import atexit
import io
import json
import logging
import random
import select
import threading
import time
from contextlib import closing, contextmanager
from functools import partial
from typing import NamedTuple

import psycopg2
import werkzeug.http
import werkzeug.wrappers
from werkzeug.exceptions import RequestEntityTooLarge

import odoo
from odoo import SUPERUSER_ID, api, http, sql_db
from odoo.modules.registry import Registry
from odoo.orm.environments import Transaction
from odoo.service import server as odoo_server
from odoo.service.model import MAX_TRIES_ON_CONCURRENCY_FAILURE, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.service.server import thread_local
from odoo.tools import config, str2bool
from odoo.tools.misc import real_time

_logger = logging.getLogger(__name__)

#: The Odoo config file option that turns the fast lane off (``= False``).
FAST_LANE_OPTION = "chatwoot_ai_webhook_fast_lane"
#: The answer's header that says which path served it: ``fast`` or ``odoo``.
LANE_HEADER = "X-ChatwootAI-Lane"
#: The suite's webhook bodies are a few kB; anything this big is not a delivery.
MAX_BODY_BYTES = 10 * 1024 * 1024
#: Where ``read_body`` leaves the body in the WSGI environ, for Odoo if the lane steps aside.
BODY_KEY = "chatwoot_ai.body"
#: What a loaded registry raises when the database changed under it (module uninstalled or
#: upgraded by another process): Odoo's route reloads the registry and serves the request.
STALE_REGISTRY_ERRORS = (psycopg2.errors.UndefinedTable, psycopg2.errors.UndefinedColumn)
#: What a kept connection raises when it died while idle (see ``lane_cursor``).
LOST_CONNECTION_ERRORS = (psycopg2.OperationalError, psycopg2.InterfaceError)
UNAVAILABLE = {"error": "temporarily unavailable, retry later"}


class WebhookRejected(Exception):
    """A delivery refused with a 4xx answer and a reason."""

    def __init__(self, status, reason):
        super().__init__(reason)
        self.status = status
        self.reason = reason


class Lane(NamedTuple):
    """A webhook the fast lane serves (see the module's docstring)."""

    prefix: str
    model: str
    receive: object
    what: str


#: The registered lanes by path prefix.
LANES = {}


def register(prefix, model, receive, what):
    """Serve POST ``<prefix><token>`` in the fast lane when ``model`` is in the database.

    ``receive(cr, token, httprequest)`` returns ``(status, body, after)``: the JSON answer and
    None, or a callable that gets a superuser Environment on ``cr`` before the commit (for
    what needs the ORM, such as queueing a job). It raises :class:`WebhookRejected` for a 4xx.
    """
    lane = Lane(prefix, model, receive, what)
    LANES[prefix] = lane
    # The base addon's post_load installs the lane too; a process that imported the addon
    # before Odoo loaded it as a module (pytest-odoo) never runs post_load.
    install()
    return lane


def enabled():
    """Whether the Odoo config file leaves the fast lane on (the default)."""
    value = config.get(FAST_LANE_OPTION, True)
    return str2bool(value, True) if isinstance(value, str) else bool(value)


def read_body(limit=MAX_BODY_BYTES, httprequest=None):
    """The request's raw body, read before anything parses it; 413 above ``limit`` bytes.

    Shared by the suite's webhooks (Chatwoot here, Meta and Mercado Livre in the social
    addon), on Odoo's request (the default) or the fast lane's.
    """
    httprequest = httprequest or http.request.httprequest
    length = httprequest.content_length
    if length is not None and length > limit:
        raise WebhookRejected(413, "body over 10 MB")
    httprequest.max_content_length = limit
    try:
        raw = httprequest.get_data()
    except RequestEntityTooLarge:
        raise WebhookRejected(413, "body over 10 MB") from None
    if len(raw) > limit:  # a chunked body has no length to check up front
        raise WebhookRejected(413, "body over 10 MB")
    httprequest.environ[BODY_KEY] = raw
    return raw


def guarded(receive, what, cr, passthrough=PG_CONCURRENCY_EXCEPTIONS_TO_RETRY):
    """``receive()``'s ``(status, body)``, never a 500: a :class:`WebhookRejected` is its
    4xx; the ``passthrough`` errors propagate (concurrency errors: the caller replays the
    request, and a redelivery then finds its row: a duplicate); anything else is logged,
    rolled back and answered 503, which the sender retries."""
    try:
        return receive()
    except WebhookRejected as rejection:
        return rejection.status, {"error": rejection.reason}
    except passthrough:
        raise
    except Exception:
        _logger.exception("%s could not be stored", what)
        cr.rollback()
        return 503, UNAVAILABLE


def _run(lane, cr, token, httprequest, make_env):
    status, body, after = lane.receive(cr, token, httprequest)
    if after is not None:
        after(make_env())
    return status, body


def answer_webhook(receive, what):
    """Odoo's JSON answer of ``receive()`` (it returns ``(status, body)``), never 500."""
    request = http.request
    status, body = guarded(receive, what, request.env.cr)
    return request.make_json_response(body, status=status)


def answer_on_request(lane, token):
    """Odoo's route of a lane: the same ``receive`` on the request's cursor (Odoo commits,
    and replays the request after a serialization failure)."""
    request = http.request
    env = request.env(user=SUPERUSER_ID)
    receive = partial(_run, lane, env.cr, token, request.httprequest, lambda: env)
    response = answer_webhook(receive, lane.what)
    response.headers[LANE_HEADER] = "odoo"
    return response


# ---------------------------------------------------------------------- the WSGI lane
def serve(environ):
    """The fast lane's response to a WSGI request, or None to leave it to Odoo."""
    if environ.get("REQUEST_METHOD") != "POST" or not LANES:
        return None
    path = environ.get("PATH_INFO") or ""
    lane = next((lane for prefix, lane in LANES.items() if path.startswith(prefix)), None)
    if lane is None:
        return None
    token = path[len(lane.prefix) :]
    if not token or "/" in token or not enabled():
        return None
    dbname = _database(environ)
    registry = _loaded_registry(dbname) if dbname else None
    if registry is None or lane.model not in registry:
        return None
    _start_request(dbname, path)
    httprequest = werkzeug.wrappers.Request(environ)
    try:
        answer = _deliver(lane, registry, token, httprequest)
    except Exception:
        _logger.exception("%s: the fast lane failed", lane.what)
        answer = 503, UNAVAILABLE
    if answer is None:
        if BODY_KEY in environ:  # Odoo reads the body again
            environ["wsgi.input"] = io.BytesIO(environ[BODY_KEY])
            environ["CONTENT_LENGTH"] = str(len(environ[BODY_KEY]))
        return None
    return _json_response(*answer)


def _database(environ):
    """The database Odoo serves a session-less request from (``_get_session_and_dbname``),
    or None: for a request with a session cookie, Odoo decides."""
    cookies = environ.get("HTTP_COOKIE")
    if cookies and "session_id" in werkzeug.http.parse_cookie(cookies):
        return None
    host = environ.get("HTTP_HOST", "")
    if config["proxy_mode"] and environ.get("HTTP_X_FORWARDED_HOST"):
        forwarded = dict(environ)  # as Application.__call__, without changing the request
        http.ProxyFix(lambda _environ, _start: [])(forwarded, lambda *_args: None)
        host = forwarded.get("HTTP_HOST", "")
    header = environ.get("HTTP_X_ODOO_DATABASE")
    if header:
        return header if http.db_filter([header], host=host) else None
    databases = http.db_list(force=True, host=host)
    return databases[0] if len(databases) == 1 else None


def _loaded_registry(dbname):
    """The registry of ``dbname`` when this process has it loaded and ready, else None
    (Odoo's route loads it)."""
    registries = Registry.registries
    try:
        registry = registries[dbname] if dbname in registries else None
    except KeyError:  # evicted meanwhile
        return None
    return registry if registry is not None and registry.ready else None


def _start_request(dbname, path):
    """What ``Application.__call__`` resets per request, for the log lines of this one."""
    current = threading.current_thread()
    current.query_count = 0
    current.query_time = 0
    current.perf_t0 = real_time()
    current.cursor_mode = "rw"
    current.dbname = dbname
    current.url = path
    if hasattr(current, "uid"):
        del current.uid
    thread_local.rpc_model_method = ""


def _deliver(lane, registry, token, httprequest, keep=None):
    """``(status, body)`` once committed, or None when the registry is stale; ``keep``: see
    :func:`lane_cursor`."""
    tryno = 0
    while tryno < MAX_TRIES_ON_CONCURRENCY_FAILURE:
        tryno += 1
        with lane_cursor(registry, keep) as cr:
            envs = []
            try:
                return guarded(
                    partial(_attempt, lane, registry, cr, token, httprequest, envs),
                    lane.what,
                    cr,
                    passthrough=PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
                    + STALE_REGISTRY_ERRORS
                    + (LOST_CONNECTION_ERRORS if cr.kept else ()),
                )
            except STALE_REGISTRY_ERRORS:
                cr.rollback()
                return None
            except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY as error:
                cr.rollback()
                if envs:
                    envs[0].transaction.reset()
                    envs[0].registry.reset_changes()
                if tryno == MAX_TRIES_ON_CONCURRENCY_FAILURE:
                    _logger.info("%s: %s, maximum number of tries reached", lane.what, error)
                    return 503, UNAVAILABLE
            except LOST_CONNECTION_ERRORS as error:
                if not cr.kept:
                    raise
                # The kept connection died while idle (database restarted, connection
                # killed): this try stored nothing, or its commit went through and the
                # replay finds a duplicate. Replay it once on a new connection.
                _logger.warning(
                    "%s: the webhook lane's kept database connection was lost (%s); "
                    "delivery replayed on a new connection",
                    lane.what,
                    str(error).strip(),
                )
                tryno -= 1
                continue
        # Wait without holding a connection, as service.model.retrying does.
        time.sleep(random.uniform(0.0, 2**tryno))
    return 503, UNAVAILABLE  # not reached


#: The cursor each thread keeps between deliveries, by thread: one, for the database it
#: served last (see ``lane_cursor``). Module-level rather than thread-local, so that it
#: outlives a worker's serving thread and is closed properly when the process exits.
KEPT_CURSORS = {}


def kept_cursor(dbname):
    """The cursor this thread keeps for ``dbname``, or None."""
    cr = KEPT_CURSORS.get(threading.get_ident())
    return cr if cr is not None and cr.dbname == dbname else None


@atexit.register
def close_kept_cursors():
    """Close every kept cursor (a worker exiting after its request limit)."""
    while KEPT_CURSORS:
        _thread, cr = KEPT_CURSORS.popitem()
        _close_quietly(cr)


def keeps_cursor():
    """Whether this process is a prefork HTTP worker: one long-lived thread serves its
    requests one at a time, and can keep its cursor from one delivery to the next. The
    threaded server (``HttpCase`` included) and gevent start a thread or greenlet per
    request."""
    prefork = isinstance(odoo_server.server, odoo_server.PreforkServer)
    return prefork and not getattr(odoo, "evented", False)


@contextmanager
def lane_cursor(registry, keep=None):
    """A cursor for one delivery; its ``kept`` attribute says whether it served before.

    A cursor borrowed from Odoo's pool costs a ``DISCARD ALL`` round trip and the pool's
    bookkeeping each time: 18 % of a worker's time in the profiled benchmark. A prefork
    worker (``keep``, by default :func:`keeps_cursor`) keeps one cursor instead, for the
    database it served last (one connection per worker even with many databases, so the
    pool never runs short), rolled back after each delivery (which has committed by then),
    with a fresh ORM transaction for the next one. It is dropped after any error, or when
    its connection was closed meanwhile (registry reloaded, database dropped). Elsewhere,
    the registry's cursor: the test cursor in ``HttpCase``.
    """
    keep = keeps_cursor() if keep is None else keep
    if not keep:
        with closing(registry.cursor()) as cr:
            cr.kept = False
            yield cr
        return
    thread = threading.get_ident()
    cr = KEPT_CURSORS.pop(thread, None)
    if cr is not None and (cr.dbname != registry.db_name or not _still_open(cr)):
        _close_quietly(cr)  # one kept connection per worker, whatever the databases
        cr = None
    if cr is None:
        cr = sql_db.db_connect(registry.db_name).cursor()
        cr.kept = False
    try:
        yield cr
    except BaseException:
        _close_quietly(cr)
        raise
    try:
        cr.rollback()
    except psycopg2.Error:  # its connection died: not kept
        _close_quietly(cr)
        return
    cr.transaction = None
    cr.cache.clear()
    cr.kept = True
    KEPT_CURSORS[thread] = cr


def _still_open(cr):
    """Whether a kept cursor's connection can serve: not closed here, and with nothing to
    read from the server. An idle connection that listens to nothing only becomes readable
    when the server ends it (restart, ``pg_terminate_backend``, idle timeout): one
    zero-timeout ``select`` finds it without a round trip."""
    if cr.closed or cr._cnx.closed:
        return False
    if select.select([cr._cnx], [], [], 0)[0]:
        _logger.warning(
            "The webhook lane's kept database connection was closed by the server; a new "
            "connection serves the delivery"
        )
        return False
    return True


def _close_quietly(cr):
    """Close ``cr``; its connection may be dead (the pool then forgets it)."""
    try:
        cr.close()
    except psycopg2.Error:
        _logger.debug("closing a cursor whose connection died", exc_info=True)


def _attempt(lane, registry, cr, token, httprequest, envs):
    """One try of a delivery: receive, commit, and signal what the ORM part changed."""
    answer = _run(lane, cr, token, httprequest, partial(_environment, registry, cr, envs))
    cr.commit()
    if envs:  # what service.model.retrying does after the ORM's commit
        envs[0].registry.signal_changes()
    return answer


def _environment(registry, cr, envs):
    """A superuser Environment on the lane's cursor, on an up-to-date registry (kept in
    ``envs`` for what follows the commit)."""
    registry = registry.check_signaling(cr)
    if cr.transaction is None:
        cr.transaction = Transaction(registry)
    env = api.Environment(cr, SUPERUSER_ID, {})
    envs.append(env)
    return env


def _json_response(status, body):
    data = json.dumps(body, ensure_ascii=False).encode()
    return werkzeug.wrappers.Response(
        data,
        status=status,
        headers=[
            ("Content-Type", "application/json; charset=utf-8"),
            ("X-Content-Type-Options", "nosniff"),
            (LANE_HEADER, "fast"),
        ],
    )


def install():
    """Put the fast lane in front of Odoo's WSGI application, once per process."""
    odoo_call = http.Application.__call__
    if getattr(odoo_call, "chatwoot_fast_lane", False):
        return

    def __call__(self, environ, start_response):
        response = serve(environ)
        if response is None:
            return odoo_call(self, environ, start_response)
        return response(environ, start_response)

    __call__.chatwoot_fast_lane = True
    __call__.__wrapped__ = odoo_call
    http.Application.__call__ = __call__
