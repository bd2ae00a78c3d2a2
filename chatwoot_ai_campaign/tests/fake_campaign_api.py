# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A local, stateful stand-in for Chatwoot's API and the WhatsApp Cloud API.

Unlike the scripted fake of the base addon it keeps contacts, conversations and
messages, so a campaign can be sent end to end and checked afterwards: every message
is recorded with the time it arrived, and :meth:`duplicates` tells whether any person
got the same campaign message twice. Throttling and failures are scripted per route::

    with FakeCampaignAPI() as fake:
        fake.fail("whatsapp", "PHONE1", [{"status": 400, "code": 130429}] * 2)

It also runs as a process (``python3 fake_campaign_api.py --port 8999 --log sent.jsonl``)
for the kill-and-restart check and the benchmark, which read the JSON-lines log.
"""

import argparse
import json
import re
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs

if __package__:
    from odoo.addons.chatwoot_ai_base.tests.fake_chatwoot import FakeChatwoot
else:  # run as a process: the base addon's fake is a plain module beside its tests
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "chatwoot_ai_base" / "tests"))
    from fake_chatwoot import FakeChatwoot  # pylint: disable=import-error

CHATWOOT = re.compile(r"^/api/v1/accounts/(\d+)(/.*)$")
GRAPH_MESSAGES = re.compile(r"^/v[\d.]+/([^/]+)/messages$")


class FakeCampaignAPI(FakeChatwoot):
    """The base addon's recording server (``requests``, ``requests_to``, start and stop)
    answering from its own state instead of scripted answers."""

    def __init__(self, port=0, log_path=None):
        super().__init__(port)
        self.log_path = log_path
        self.lock = threading.Lock()
        self.contacts = {}
        self.conversations = {}
        self.messages = []  # every message created, both APIs
        self.failures = {}
        self.on_message = None  # callable(message) run before answering
        self.delay = 0.0
        self._ids = iter(range(1000, 10**9))

    # ------------------------------------------------------------------ control
    def fail(self, api, route, answers):
        """The next requests to ``route`` (a phone number id or "messages") fail in turn."""
        with self.lock:
            self.failures[(api, str(route))] = list(answers)

    def sent(self, api=None):
        return [m for m in self.messages if api is None or m["api"] == api]

    def duplicates(self):
        """Keys (campaign message keys, or recipients) that arrived more than once."""
        seen, twice = set(), set()
        for message in self.messages:
            key = message.get("key") or message.get("to")
            if key in seen:
                twice.add(key)
            seen.add(key)
        return sorted(twice)

    # ------------------------------------------------------------------ routes
    def _next_failure(self, api, route):
        with self.lock:
            answers = self.failures.get((api, str(route)))
            return answers.pop(0) if answers else None

    def _record_message(self, message):
        with self.lock:
            message.setdefault("id", next(self._ids))
            message["at"] = time.time()
            self.messages.append(message)
            if self.log_path:
                with open(self.log_path, "a", encoding="utf-8") as log:
                    log.write(json.dumps(message) + "\n")
        if self.on_message:
            self.on_message(message)
        return message

    def chatwoot(self, method, path, query, body):
        if method == "GET" and path == "/contacts/search":
            q = (query.get("q") or [""])[0]
            found = [
                c for c in self.contacts.values() if q and q in (c["phone_number"], c["email"])
            ]
            return 200, {"payload": found}
        if method == "POST" and path == "/contacts":
            contact_id = next(self._ids)
            contact = {
                "id": contact_id,
                "name": body.get("name"),
                "phone_number": body.get("phone_number"),
                "email": body.get("email"),
                "contact_inboxes": [{"source_id": f"src-{contact_id}"}],
            }
            with self.lock:
                self.contacts[contact_id] = contact
            return 200, {"payload": {"contact": contact}}
        if method == "POST" and path == "/conversations":
            conversation_id = next(self._ids)
            with self.lock:
                self.conversations[conversation_id] = {"id": conversation_id, **body}
            return 200, {"id": conversation_id, "inbox_id": body.get("inbox_id")}
        match = re.match(r"^/conversations/(\d+)/messages$", path)
        if match:
            conversation_id = int(match.group(1))
            if method == "GET":
                payload = [m for m in self.messages if m.get("conversation") == conversation_id]
                return 200, {"payload": payload}
            failure = self._next_failure("chatwoot", "messages")
            if failure:
                return failure.get("status", 500), {"error": failure.get("error", "failure")}
            attributes = body.get("content_attributes") or {}
            message = self._record_message(
                {
                    "api": "chatwoot",
                    "conversation": conversation_id,
                    "content": body.get("content"),
                    "content_attributes": attributes,
                    "template_params": body.get("template_params"),
                    "key": attributes.get("campaign_key") or body.get("echo_id"),
                }
            )
            return 200, {"id": message["id"], "content": message["content"]}
        return 404, {"error": "Resource could not be found"}

    def whatsapp(self, phone_number_id, body):
        failure = self._next_failure("whatsapp", phone_number_id)
        if failure:
            error = {"message": "failure", "code": failure.get("code"), "type": "OAuthException"}
            return failure.get("status", 400), {"error": error}
        message = self._record_message(
            {
                "api": "whatsapp",
                "phone_number_id": phone_number_id,
                "to": body.get("to"),
                "type": body.get("type"),
                "template": body.get("template"),
                "text": body.get("text"),
                "key": body.get("biz_opaque_callback_data"),
                "id": f"wamid.{next(self._ids)}",
            }
        )
        return 200, {"messages": [{"id": message["id"]}], "contacts": [{"wa_id": body.get("to")}]}

    def _answer_for(self, request):
        if self.delay:
            time.sleep(self.delay)
        chatwoot = CHATWOOT.match(request.path)
        graph = GRAPH_MESSAGES.match(request.path)
        try:
            body = json.loads(request.body) if request.body else {}
        except ValueError:
            body = {key: values[0] for key, values in parse_qs(request.body.decode()).items()}
        if chatwoot:
            status, answer = self.chatwoot(request.method, chatwoot.group(2), request.query, body)
        elif graph and request.method == "POST":
            status, answer = self.whatsapp(graph.group(1), body)
        else:
            status, answer = 404, {"error": "not found"}
        return {"status": status, "json": answer}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    fake = FakeCampaignAPI(args.port, args.log).start()
    sys.stdout.write(f"listening on {fake.url}\n")
    sys.stdout.flush()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        fake.stop()


if __name__ == "__main__":
    main()
