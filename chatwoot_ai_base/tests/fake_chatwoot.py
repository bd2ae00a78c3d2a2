# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A local stand-in for Chatwoot's HTTP API: it records requests and replays scripted answers.

Tests talk to it over real sockets, so the client's headers, timeouts, retries and
bodies are exercised exactly as against Chatwoot::

    with FakeChatwoot() as fake:
        fake.script("GET", "/api/v1/accounts/1/inboxes", [
            {"status": 429, "headers": {"Retry-After": "2"}},
            {"json": {"payload": []}},
        ])
        ...  # point a client at fake.url
        assert [r.method for r in fake.requests] == ["GET", "GET"]

An answer is a dict with any of ``status`` (200), ``json`` (a body to serialise),
``body`` (raw bytes), ``headers``, ``delay`` (seconds before answering) and ``drop``
(close the connection without answering, as a crashed upstream does). A scripted path
answers its answers in order and then repeats the last one; an unscripted path answers
404 like Chatwoot.
"""

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

NOT_FOUND = {"status": 404, "json": {"error": "Resource could not be found"}}


@dataclass
class RecordedRequest:
    """One request as the fake received it; ``headers`` keys are lower-case."""

    method: str
    path: str
    query: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)
    body: bytes = b""

    @property
    def json(self):
        return json.loads(self.body) if self.body else None


class FakeChatwoot:
    """Threaded HTTP server on 127.0.0.1 (a random free port unless ``port`` is given).

    Subclasses answer differently by overriding :meth:`_answer_for` (the whole request) or
    :meth:`_next_answer` (method and path); every request is recorded here either way.
    """

    def __init__(self, port=0):
        self.port = port
        self.requests = []
        self._answers = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = None
        self._thread = None

    @property
    def url(self):
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def script(self, method, path, responses):
        """Answer ``method path`` with ``responses`` in order, then repeat the last one."""
        with self._lock:
            self._answers[(method.upper(), path)] = list(responses)
        return self

    def requests_to(self, method, path):
        """The recorded requests for ``method path``, oldest first."""
        return [r for r in self.requests if r.method == method.upper() and r.path == path]

    def start(self):
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler_class())
        self._server.daemon_threads = True
        # A handler still sleeping on a scripted delay must not hold stop() up.
        self._server.block_on_close = False
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self):
        if self._server is None:
            return
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
        self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    def _next_answer(self, method, path):
        with self._lock:
            answers = self._answers.get((method, path))
            if not answers:
                return NOT_FOUND
            return answers.pop(0) if len(answers) > 1 else answers[0]

    def _answer_for(self, request):
        """The answer to a recorded ``request``: the scripted one for its method and path."""
        return self._next_answer(request.method, request.path)

    def _record(self, request):
        with self._lock:
            self.requests.append(request)

    def _handler_class(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            # HTTP/1.1 keeps connections alive, as Chatwoot behind nginx does; and like nginx
            # (tcp_nodelay) the body is not held back until the headers are acknowledged,
            # which costs a keep-alive client 40 ms a request (Nagle + delayed ACK).
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def do_GET(self):
                self._handle()

            def do_POST(self):
                self._handle()

            def do_PUT(self):
                self._handle()

            def do_PATCH(self):
                self._handle()

            def do_DELETE(self):
                self._handle()

            def log_message(self, *args):
                pass  # keep test output clean

            def _handle(self):
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                request = RecordedRequest(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query),
                    headers={key.lower(): value for key, value in self.headers.items()},
                    body=self.rfile.read(length) if length else b"",
                )
                fake._record(request)
                answer = fake._answer_for(request)
                if answer.get("delay"):
                    fake._stopping.wait(answer["delay"])
                if answer.get("drop"):
                    self.close_connection = True
                    return
                try:
                    self._answer(answer)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up first (read timeout): nothing to tell it

            def _answer(self, answer):
                body = answer.get("body", b"")
                if "json" in answer:
                    body = json.dumps(answer["json"]).encode()
                self.send_response(answer.get("status", 200))
                headers = {"Content-Type": "application/json; charset=utf-8"}
                headers.update(answer.get("headers") or {})
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler
