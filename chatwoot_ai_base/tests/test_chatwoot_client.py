# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Chatwoot API client against a local HTTP server: headers, bodies, retries, errors."""

import doctest
import email.utils
import json

import requests

from odoo.tests import BaseCase

from ..chatwoot import client as client_module
from ..chatwoot.client import (
    ChatwootAuthError,
    ChatwootClient,
    ChatwootError,
    ChatwootNotFound,
    ChatwootRateLimited,
    ChatwootRequestError,
    ChatwootUnavailable,
)
from .common import LocalRequestsMixin
from .fake_chatwoot import FakeChatwoot

TOKEN = "cw-token-7f3a9b2c"
API = "/api/v1/accounts/1"
NOW = 1_767_225_600  # 2026-01-01T00:00:00Z, the injected clock
MESSAGE = {"id": 9001, "content": "Olá!", "message_type": 1, "private": False}


class RecordingSession(requests.Session):
    """A real session that also notes the keyword arguments of every request."""

    def __init__(self):
        super().__init__()
        self.calls = []

    def request(self, method, url, **kwargs):
        self.calls.append({"method": method, **kwargs})
        return super().request(method, url, **kwargs)


class ClientCase(LocalRequestsMixin, BaseCase):
    def setUp(self):
        super().setUp()
        self.fake = FakeChatwoot().start()
        self.addCleanup(self.fake.stop)
        self.sleeps = []
        self.client = self.make_client()

    def make_client(self, **options):
        options.setdefault("sleep", self.sleeps.append)
        options.setdefault("clock", lambda: NOW)
        client = ChatwootClient(self.fake.url, 1, TOKEN, **options)
        self.addCleanup(client.close)
        return client

    def assert_token_absent(self, error):
        for text in (str(error), repr(error), json.dumps(error.to_dict())):
            self.assertNotIn(TOKEN, text)


class TestClientRequests(ClientCase):
    def test_token_travels_in_api_access_token_header(self):
        inboxes = [{"id": 1, "name": "WhatsApp Loja", "channel_type": "Channel::Whatsapp"}]
        self.fake.script("GET", f"{API}/inboxes", [{"json": {"payload": inboxes}}])

        self.assertEqual(self.client.list_inboxes(), inboxes)

        (request,) = self.fake.requests
        self.assertEqual(request.headers["api_access_token"], TOKEN)
        self.assertNotIn("authorization", request.headers)

    def test_every_call_uses_5s_connect_and_30s_read_timeouts(self):
        session = RecordingSession()
        client = self.make_client(session=session)
        self.fake.script("GET", f"{API}/inboxes", [{"json": {"payload": []}}])
        self.fake.script("GET", f"{API}/conversations/7/labels", [{"json": {"payload": []}}])
        self.fake.script("POST", f"{API}/conversations/7/labels", [{"json": {"payload": ["a"]}}])
        self.fake.script("POST", f"{API}/conversations/7/messages", [{"json": MESSAGE}])

        client.list_inboxes()
        client.add_labels(7, ["a"])
        client.send_message(7, "Olá!")

        self.assertEqual(len(session.calls), 4)
        self.assertEqual({call["timeout"] for call in session.calls}, {(5, 30)})
        self.assertEqual({call["allow_redirects"] for call in session.calls}, {False})

    def test_send_message_posts_reply_body(self):
        self.fake.script("POST", f"{API}/conversations/7/messages", [{"json": MESSAGE}])

        answer = self.client.send_message(
            7, "Olá!", private=True, echo_id="run-42", content_attributes={"k": "v"}
        )

        self.assertEqual(answer, MESSAGE)
        (request,) = self.fake.requests
        self.assertEqual(
            request.json,
            {
                "content": "Olá!",
                "message_type": "outgoing",
                "private": True,
                "echo_id": "run-42",
                "content_attributes": {"k": "v"},
            },
        )

    def test_toggle_status_sends_status_and_snooze_time(self):
        payload = {"success": True, "current_status": "snoozed", "conversation_id": 7}
        path = f"{API}/conversations/7/toggle_status"
        self.fake.script("POST", path, [{"json": {"meta": {}, "payload": payload}}])

        self.assertEqual(self.client.toggle_status(7, "snoozed", snoozed_until=NOW), payload)

        self.assertEqual(self.fake.requests[0].json, {"status": "snoozed", "snoozed_until": NOW})

    def test_toggle_status_refuses_unknown_status_without_calling(self):
        with self.assertRaises(ValueError):
            self.client.toggle_status(7, "closed")
        self.assertEqual(self.fake.requests, [])

    def test_add_labels_merges_with_existing_labels(self):
        path = f"{API}/conversations/7/labels"
        self.fake.script("GET", path, [{"json": {"payload": ["vip"]}}])
        self.fake.script("POST", path, [{"json": {"payload": ["vip", "ai-handoff"]}}])

        labels = self.client.add_labels(7, ["ai-handoff", "vip", "ai-handoff"])

        self.assertEqual(labels, ["vip", "ai-handoff"])
        (post,) = self.fake.requests_to("POST", path)
        self.assertEqual(post.json, {"labels": ["vip", "ai-handoff"]})

    def test_add_labels_already_present_posts_nothing(self):
        path = f"{API}/conversations/7/labels"
        self.fake.script("GET", path, [{"json": {"payload": ["vip", "ai-handoff"]}}])

        self.assertEqual(self.client.add_labels(7, ["vip"]), ["vip", "ai-handoff"])

        self.assertEqual([r.method for r in self.fake.requests], ["GET"])

    def test_custom_attributes_are_merged_not_replaced(self):
        path = f"{API}/conversations/7/custom_attributes"
        self.fake.script("POST", path, [{"json": {"custom_attributes": {"order": "S0042"}}}])

        self.client.set_custom_attributes(7, {"order": "S0042"})

        self.assertEqual(
            self.fake.requests[0].json, {"custom_attributes": {"order": "S0042"}, "merge": True}
        )

    def test_search_contacts_sends_query_and_page(self):
        contacts = [{"id": 3, "name": "Ana Souza", "phone_number": "+5511987654321"}]
        path = f"{API}/contacts/search"
        self.fake.script("GET", path, [{"json": {"meta": {"count": 1}, "payload": contacts}}])

        self.assertEqual(self.client.search_contacts("+5511987654321", page=2), contacts)

        self.assertEqual(self.fake.requests[0].query, {"q": ["+5511987654321"], "page": ["2"]})

    def test_create_contact_returns_the_new_contact(self):
        contact = {"id": 12, "name": "Ana Souza", "email": "ana@example.com"}
        answer = {"payload": {"contact": contact, "contact_inbox": {"source_id": "abc"}}}
        self.fake.script("POST", f"{API}/contacts", [{"json": answer}])

        created = self.client.create_contact(name="Ana Souza", email="ana@example.com")

        self.assertEqual(created, contact)
        self.assertEqual(
            self.fake.requests[0].json, {"name": "Ana Souza", "email": "ana@example.com"}
        )

    def test_create_conversation_sends_inbox_contact_and_first_message(self):
        self.fake.script("POST", f"{API}/conversations", [{"json": {"id": 55, "inbox_id": 10}}])

        answer = self.client.create_conversation(10, contact_id=12, message="Oi", status="pending")

        self.assertEqual(answer["id"], 55)
        self.assertEqual(
            self.fake.requests[0].json,
            {"inbox_id": 10, "contact_id": 12, "status": "pending", "message": {"content": "Oi"}},
        )

    def test_search_conversations_lists_every_status_matching_query(self):
        conversations = [{"id": 7, "status": "resolved"}]
        answer = {"data": {"meta": {"all_count": 1}, "payload": conversations}}
        self.fake.script("GET", f"{API}/conversations", [{"json": answer}])

        self.assertEqual(self.client.search_conversations("batom"), conversations)

        query = self.fake.requests[0].query
        self.assertEqual((query["q"], query["status"]), (["batom"], ["all"]))

    def test_get_conversation_reads_one_conversation(self):
        self.fake.script("GET", f"{API}/conversations/7", [{"json": {"id": 7, "status": "open"}}])

        self.assertEqual(self.client.get_conversation(7)["status"], "open")


class TestClientRetries(ClientCase):
    def test_429_with_retry_after_seconds_sleeps_then_succeeds(self):
        self.fake.script(
            "GET",
            f"{API}/inboxes",
            [{"status": 429, "headers": {"Retry-After": "2"}}, {"json": {"payload": [{"id": 1}]}}],
        )

        with self.assertLogs(client_module._logger.name, "WARNING") as logs:
            self.assertEqual(self.client.list_inboxes(), [{"id": 1}])

        self.assertEqual(self.sleeps, [2])
        self.assertEqual(len(self.fake.requests), 2)
        self.assertNotIn(TOKEN, "\n".join(logs.output))

    def test_429_on_post_is_retried_because_nothing_was_applied(self):
        path = f"{API}/conversations/7/messages"
        self.fake.script(
            "POST", path, [{"status": 429, "headers": {"Retry-After": "1"}}, {"json": MESSAGE}]
        )

        self.assertEqual(self.client.send_message(7, "Olá!"), MESSAGE)

        self.assertEqual(self.sleeps, [1])
        self.assertEqual(len(self.fake.requests_to("POST", path)), 2)

    def test_retry_after_http_date_is_honoured(self):
        retry_at = email.utils.formatdate(NOW + 7, usegmt=True)
        self.fake.script(
            "GET",
            f"{API}/inboxes",
            [{"status": 429, "headers": {"Retry-After": retry_at}}, {"json": {"payload": []}}],
        )

        self.client.list_inboxes()

        self.assertEqual(self.sleeps, [7])

    def test_get_retries_503_twice_then_succeeds_with_backoff(self):
        self.fake.script(
            "GET", f"{API}/inboxes", [{"status": 503}, {"status": 503}, {"json": {"payload": []}}]
        )

        self.assertEqual(self.client.list_inboxes(), [])

        self.assertEqual(self.sleeps, [1, 2])
        self.assertEqual(len(self.fake.requests), 3)

    def test_get_gives_up_after_max_attempts_on_5xx(self):
        self.fake.script("GET", f"{API}/inboxes", [{"status": 502}])

        with self.assertRaises(ChatwootUnavailable) as caught:
            self.client.list_inboxes()

        self.assertEqual(len(self.fake.requests), 4)
        self.assertEqual(self.sleeps, [1, 2, 4])
        self.assertEqual((caught.exception.status, caught.exception.retryable), (502, True))

    def test_post_message_without_echo_id_is_not_repeated_after_500(self):
        path = f"{API}/conversations/7/messages"
        self.fake.script("POST", path, [{"status": 500}, {"json": MESSAGE}])

        with self.assertRaises(ChatwootUnavailable) as caught:
            self.client.send_message(7, "Olá!")

        self.assertEqual(len(self.fake.requests_to("POST", path)), 1)
        self.assertEqual(self.sleeps, [])
        self.assertEqual(caught.exception.status, 500)
        self.assertFalse(caught.exception.retryable)
        self.assertIn("may have applied", caught.exception.message)

    def test_post_message_with_echo_id_is_repeated_after_500(self):
        path = f"{API}/conversations/7/messages"
        self.fake.script("POST", path, [{"status": 500}, {"json": MESSAGE}])

        self.assertEqual(self.client.send_message(7, "Olá!", echo_id="run-42"), MESSAGE)

        posts = self.fake.requests_to("POST", path)
        self.assertEqual([post.json["echo_id"] for post in posts], ["run-42", "run-42"])
        self.assertEqual(self.sleeps, [1])

    def test_post_read_timeout_without_marker_is_not_repeated(self):
        client = self.make_client(timeout=(5, 0.2))
        path = f"{API}/conversations/7/messages"
        self.fake.script("POST", path, [{"delay": 1, "json": MESSAGE}])

        with self.assertRaises(ChatwootUnavailable) as caught:
            client.send_message(7, "Olá!")

        self.assertEqual(len(self.fake.requests_to("POST", path)), 1)
        self.assertEqual(self.sleeps, [])
        self.assertEqual((caught.exception.code, caught.exception.retryable), ("timeout", False))
        self.assertIn("no answer within 0.2 s", caught.exception.message)

    def test_get_read_timeout_is_retried(self):
        client = self.make_client(timeout=(5, 0.2))
        self.fake.script(
            "GET", f"{API}/inboxes", [{"delay": 1, "json": {}}, {"json": {"payload": [{"id": 1}]}}]
        )

        self.assertEqual(client.list_inboxes(), [{"id": 1}])

        self.assertEqual(len(self.fake.requests), 2)
        self.assertEqual(self.sleeps, [1])

    def test_post_dropped_after_sending_is_not_repeated(self):
        path = f"{API}/contacts"
        self.fake.script("POST", path, [{"drop": True}, {"json": {"payload": {"contact": {}}}}])

        with self.assertRaises(ChatwootUnavailable) as caught:
            self.client.create_contact(name="Ana Souza")

        self.assertEqual(len(self.fake.requests_to("POST", path)), 1)
        self.assertEqual(caught.exception.code, "connection_error")
        self.assertFalse(caught.exception.retryable)

    def test_post_is_retried_when_connection_is_refused_before_sending(self):
        closed = FakeChatwoot().start()
        url = closed.url
        closed.stop()  # nothing listens on that port any more
        client = ChatwootClient(url, 1, TOKEN, sleep=self.sleeps.append)
        self.addCleanup(client.close)

        with self.assertRaises(ChatwootUnavailable) as caught:
            client.send_message(7, "Olá!")

        self.assertEqual(self.sleeps, [1, 2, 4])
        self.assertEqual(caught.exception.code, "connection_error")
        self.assertTrue(caught.exception.retryable)
        self.assertIn("NewConnectionError", caught.exception.message)

    def test_rate_limit_exhausted_raises_rate_limited_with_retry_after(self):
        self.fake.script(
            "GET", f"{API}/inboxes", [{"status": 429, "headers": {"Retry-After": "3"}}]
        )

        with self.assertRaises(ChatwootRateLimited) as caught:
            self.client.list_inboxes()

        self.assertEqual(len(self.fake.requests), 4)
        self.assertEqual(self.sleeps, [3, 3, 3])
        self.assertEqual(caught.exception.retry_after, 3)
        self.assertTrue(caught.exception.retryable)

    def test_rate_limit_without_retry_after_uses_backoff_and_reports_a_delay(self):
        self.fake.script("GET", f"{API}/inboxes", [{"status": 429}])

        with self.assertRaises(ChatwootRateLimited) as caught:
            self.client.list_inboxes()

        self.assertEqual(self.sleeps, [1, 2, 4])
        self.assertEqual(caught.exception.retry_after, 4)

    def test_retry_after_over_the_cap_is_reported_not_slept(self):
        self.fake.script(
            "GET", f"{API}/inboxes", [{"status": 429, "headers": {"Retry-After": "3600"}}]
        )

        with self.assertRaises(ChatwootRateLimited) as caught:
            self.client.list_inboxes()

        self.assertEqual(self.sleeps, [])
        self.assertEqual(len(self.fake.requests), 1)
        self.assertEqual(caught.exception.retry_after, 3600)


class TestClientErrors(ClientCase):
    def test_401_raises_auth_error_without_the_token(self):
        # Chatwoot does not echo tokens, but a proxy might: the client must still hide it.
        body = {"error": f"Invalid access token {TOKEN}"}
        self.fake.script("GET", f"{API}/inboxes", [{"status": 401, "json": body}])

        with self.assertRaises(ChatwootAuthError) as caught:
            self.client.list_inboxes()

        error = caught.exception
        self.assertEqual((error.status, error.code, error.retryable), (401, "unauthorized", False))
        self.assertEqual(len(self.fake.requests), 1)
        self.assertIn("Invalid access token", error.message)
        self.assert_token_absent(error)
        self.assertNotIn(TOKEN, repr(self.client))

    def test_404_raises_not_found(self):
        with self.assertRaises(ChatwootNotFound) as caught:
            self.client.get_conversation(404)

        self.assertEqual(caught.exception.message, "Resource could not be found")
        self.assertEqual(caught.exception.path, f"{API}/conversations/404")

    def test_422_carries_chatwoots_message(self):
        body = {"message": "Email has already been taken", "attributes": ["email"]}
        self.fake.script("POST", f"{API}/contacts", [{"status": 422, "json": body}])

        with self.assertRaises(ChatwootRequestError) as caught:
            self.client.create_contact(email="ana@example.com")

        error = caught.exception
        self.assertEqual((error.code, error.message), ("http_422", body["message"]))
        self.assertEqual(
            error.to_dict(),
            {
                "type": "ChatwootRequestError",
                "status": 422,
                "method": "POST",
                "path": f"{API}/contacts",
                "code": "http_422",
                "message": "Email has already been taken",
                "retry_after": None,
                "retryable": False,
            },
        )

    def test_redirect_is_not_followed(self):
        # Following it would hand the token header to whatever host the redirect names.
        location = "https://elsewhere.example.com/api/v1/accounts/1/inboxes"
        self.fake.script(
            "GET", f"{API}/inboxes", [{"status": 301, "headers": {"Location": location}}]
        )

        with self.assertRaises(ChatwootRequestError) as caught:
            self.client.list_inboxes()

        self.assertEqual(caught.exception.code, "redirect")
        self.assertIn(location, caught.exception.message)
        self.assertEqual(len(self.fake.requests), 1)

    def test_non_json_success_is_an_error(self):
        html = b"<html>Chatwoot login</html>"
        self.fake.script(
            "GET", f"{API}/inboxes", [{"body": html, "headers": {"Content-Type": "text/html"}}]
        )

        with self.assertRaises(ChatwootError) as caught:
            self.client.list_inboxes()

        self.assertEqual(caught.exception.code, "invalid_response")

    def test_invalid_base_url_is_a_request_error(self):
        client = ChatwootClient("chat.example.com", 1, TOKEN, sleep=self.sleeps.append)

        with self.assertRaises(ChatwootRequestError) as caught:
            client.list_inboxes()

        self.assertEqual(caught.exception.code, "invalid_url")
        self.assertEqual(self.sleeps, [])


class TestClientDoctests(BaseCase):
    def test_doctests(self):
        result = doctest.testmod(client_module)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)
