# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The pure signature and payload code, against Chatwoot's published test vector."""

import doctest
import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import BaseCase

from ..chatwoot import drain, payloads, signature
from ..chatwoot.payloads import (
    INT32_MAX,
    PayloadError,
    check_storable,
    dedupe_key,
    parse_body,
    parse_contact,
    parse_conversation,
    parse_message,
)

FIXTURES = Path(__file__).parent / "fixtures" / "chatwoot"


def load_vector():
    text = (FIXTURES / "signature_test_vector.txt").read_text()
    lines = text.splitlines()
    body = lines[lines.index(next(line for line in lines if line.startswith("raw body"))) + 1]
    return {
        "secret": re.search(r"secret\s*:\s*(\S+)", text).group(1),
        "timestamp": re.search(r"X-Chatwoot-Timestamp:\s*(\d+)", text).group(1),
        "body": body.encode(),
        "expected": re.search(r"expected X-Chatwoot-Signature:\s*(\S+)", text).group(1),
        "body_only": re.search(r"HMAC\(secret, raw_body\) = (\S+)", text).group(1),
    }


class TestSignatureVector(BaseCase):
    def setUp(self):
        super().setUp()
        self.vector = load_vector()
        self.now = int(self.vector["timestamp"]) + 5  # the clock is injected

    def verify(self, header, now=None):
        v = self.vector
        return signature.verify_signature(
            v["secret"], v["timestamp"], v["body"], header, now or self.now
        )

    def test_vector_signature_is_accepted(self):
        self.assertEqual(
            signature.sign(self.vector["secret"], self.vector["timestamp"], self.vector["body"]),
            self.vector["expected"],
        )
        self.assertEqual(self.verify(self.vector["expected"]), (True, ""))

    def test_body_only_signature_is_rejected(self):
        self.assertEqual(self.verify(self.vector["body_only"]), (False, "bad signature"))

    def test_window_is_300_seconds_back_and_30_ahead(self):
        ts = int(self.vector["timestamp"])
        self.assertTrue(self.verify(self.vector["expected"], now=ts + 300)[0])
        self.assertEqual(self.verify(self.vector["expected"], now=ts + 301)[1], "stale timestamp")
        self.assertTrue(self.verify(self.vector["expected"], now=ts - 30)[0])
        self.assertEqual(
            self.verify(self.vector["expected"], now=ts - 31)[1], "timestamp in the future"
        )

    def test_one_changed_byte_is_rejected(self):
        v = self.vector
        tampered = v["body"].replace(b'"hi"', b'"hj"')
        ok, reason = signature.verify_signature(
            v["secret"], v["timestamp"], tampered, v["expected"], self.now
        )
        self.assertEqual((ok, reason), (False, "bad signature"))

    def test_doctests(self):
        result = doctest.testmod(signature)
        self.assertEqual(result.failed, 0)
        self.assertGreater(result.attempted, 0)

    def test_drain_pacing_doctests(self):
        result = doctest.testmod(drain)
        self.assertEqual(result.failed, 0)
        self.assertGreater(result.attempted, 0)


class TestPayloads(BaseCase):
    def payload(self, name):
        return json.loads((FIXTURES / name).read_bytes())

    def test_message_type_string_at_top_and_integer_inside(self):
        data = parse_message(self.payload("docs_message_created_webwidget.json"))
        self.assertEqual(data["message_type"], "incoming")
        self.assertEqual(data["conversation"]["display_id"], 10)
        self.assertEqual(data["conversation"]["channel_type"], "Channel::WebWidget")

    def test_times_are_utc_whatever_their_form(self):
        data = parse_message(self.payload("cw4141_message_created_incoming_api.json"))
        self.assertEqual(str(data["created_at"]), "2026-06-01 15:47:22")
        self.assertEqual(str(data["conversation"]["created_at"]), "2026-06-01 15:47:22")
        self.assertAlmostEqual(data["conversation"]["updated_at"], 1780328842.630672)

    def test_status_changed_reads_status_from_the_payload(self):
        payload = self.payload("cw4141_conversation_status_changed_api.json")
        self.assertIsNone(payload["changed_attributes"])
        self.assertEqual(parse_conversation(payload, payload["event"])["status"], "resolved")

    def test_legacy_events_carry_their_status(self):
        payload = self.payload("cw4141_conversation_created_api.json")
        self.assertEqual(parse_conversation(payload, "conversation_resolved")["status"], "resolved")

    def test_dedupe_key_versions_only_update_events(self):
        created = self.payload("cw4141_conversation_created_api.json")
        self.assertEqual(dedupe_key(created, b""), "conversation_created:1")
        status = self.payload("cw4141_conversation_status_changed_api.json")
        self.assertTrue(dedupe_key(status, b"").startswith("conversation_status_changed:1:"))
        message = self.payload("cw4141_message_created_incoming_api.json")
        self.assertEqual(dedupe_key(message, b""), "message_created:1")
        updated = dict(message, event="message_updated")
        self.assertEqual(dedupe_key(updated, b""), "message_updated:1:2026-06-01T15:47:22.624Z")

    def test_parse_body_rejects_what_is_not_an_event(self):
        for body in (b"", b"nul", b"[1]", b'{"event": ""}', b'{"id": 1}'):
            with self.assertRaises(PayloadError):
                parse_body(body)

    def test_every_supported_event_is_classified_once(self):
        kinds = (payloads.MESSAGE_EVENTS, payloads.CONVERSATION_EVENTS, payloads.CONTACT_EVENTS)
        self.assertEqual(sum(len(k) for k in kinds), len(set(payloads.SUPPORTED_EVENTS)))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


def payload_like():
    """Dicts shaped like deliveries: a real or random event, ids of any JSON type."""
    return st.fixed_dictionaries(
        {"event": st.sampled_from(payloads.SUPPORTED_EVENTS) | st.text(max_size=12)},
        optional={
            "id": JSON_VALUES,
            "conversation": st.dictionaries(st.sampled_from(["id", "messages"]), JSON_VALUES),
            "updated_at": JSON_VALUES,
        },
    )


class TestPayloadFuzz(BaseCase):
    """Whatever the body, the parser answers with a payload or a PayloadError (a 400)."""

    @settings(max_examples=300, deadline=None)
    @given(st.binary(max_size=300))
    def test_any_bytes_parse_or_raise_payload_error(self, body):
        try:
            payload = parse_body(body)
        except PayloadError:
            return
        self.assertIsInstance(payload["event"], str)

    @settings(max_examples=300, deadline=None)
    @given(payload_like())
    def test_any_event_keys_or_raises_payload_error(self, payload):
        body = json.dumps(payload).encode()
        try:
            parsed = parse_body(body)
            if parsed["event"] not in payloads.SUPPORTED_EVENTS:
                return
            key = dedupe_key(parsed, body)
        except PayloadError:
            return
        self.assertTrue(key.startswith(f"{parsed['event']}:"))

    def test_utf16_body_is_rejected_not_crashed(self):
        with self.assertRaises(PayloadError):
            parse_body('{"event": "message_created"}'.encode("utf-16"))


#: Every Chatwoot id a delivery hands to an integer column (or ``int()``), by event fixture.
ID_FIELDS = {
    "cw4141_message_created_incoming_api.json": (
        ("id",),
        ("conversation", "id"),
        ("conversation", "inbox_id"),
        ("conversation", "meta", "sender", "id"),
        ("sender", "id"),
    ),
    "cw4141_conversation_created_api.json": (
        ("id",),
        ("inbox_id",),
        ("meta", "sender", "id"),
    ),
}
FIELD_NAMES = {
    ("id",): ("message id", "conversation id"),
    ("conversation", "id"): ("conversation.id",),
    ("conversation", "inbox_id"): ("conversation.inbox_id",),
    ("conversation", "meta", "sender", "id"): ("conversation.meta.sender.id",),
    ("sender", "id"): ("sender.id",),
    ("inbox_id",): ("inbox_id",),
    ("meta", "sender", "id"): ("meta.sender.id",),
}
UNSTORABLE = (INT32_MAX + 1, 10**12, -1, 0, 12.5, "12.5", "abc", True, [1], {"id": 1})


def with_value(payload, path, value):
    payload = json.loads(json.dumps(payload))
    target = payload
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return payload


class TestStorableIds(BaseCase):
    """Ids PostgreSQL's integer cannot hold are refused by name, before anything is stored."""

    def payload(self, name):
        return json.loads((FIXTURES / name).read_text())

    def test_the_fixtures_carry_every_checked_id(self):
        for name, paths in ID_FIELDS.items():
            for path in paths:
                value = self.payload(name)
                for key in path:
                    value = value[key]
                self.assertIsInstance(value, int, (name, path))
            check_storable(self.payload(name))

    def test_ids_out_of_range_or_not_integers_are_refused_by_name(self):
        for name, paths in ID_FIELDS.items():
            for path in paths:
                for value in UNSTORABLE:
                    with self.subTest(name=name, path=path, value=value):
                        with self.assertRaises(PayloadError) as caught:
                            check_storable(with_value(self.payload(name), path, value))
                        message = str(caught.exception)
                        self.assertTrue(
                            any(message.startswith(field) for field in FIELD_NAMES[path]),
                            message,
                        )

    def test_the_largest_integer_is_stored_as_sent(self):
        name = "cw4141_message_created_incoming_api.json"
        payload = self.payload(name)
        for path in ID_FIELDS[name]:
            payload = with_value(payload, path, INT32_MAX)
        check_storable(payload)
        parsed = parse_message(payload)
        self.assertEqual(parsed["chatwoot_message_id"], INT32_MAX)
        self.assertEqual(parsed["conversation"]["display_id"], INT32_MAX)
        self.assertEqual(parsed["contact"]["id"], INT32_MAX)

    def test_digit_strings_are_ids_too(self):
        payload = self.payload("cw4141_message_created_incoming_api.json")
        payload = with_value(payload, ("id",), "42")
        check_storable(payload)
        self.assertEqual(parse_message(payload)["chatwoot_message_id"], 42)

    def test_a_contact_id_out_of_range_is_refused(self):
        with self.assertRaisesRegex(PayloadError, "^contact id 2147483648 is out of range"):
            check_storable({"event": "contact_created", "id": INT32_MAX + 1})

    @settings(max_examples=300, deadline=None)
    @given(payload_like(), st.sampled_from(sorted(FIELD_NAMES)), JSON_VALUES)
    def test_whatever_passes_the_door_parses_into_storable_ids(self, payload, path, value):
        fixture_name = (
            "cw4141_message_created_incoming_api.json"
            if payload["event"] in payloads.MESSAGE_EVENTS
            else "cw4141_conversation_created_api.json"
        )
        base = dict(self.payload(fixture_name), event=payload["event"])
        if path not in ID_FIELDS[fixture_name]:
            path = ("id",)
        candidate = with_value(base, path, value)
        if candidate["event"] not in payloads.SUPPORTED_EVENTS:
            return
        try:
            check_storable(candidate)
        except PayloadError:
            return
        if candidate["event"] in payloads.MESSAGE_EVENTS:
            parsed = parse_message(candidate)
            ids = [parsed["chatwoot_message_id"], parsed["conversation"]["display_id"]]
            inbox = parsed["conversation"]["inbox_id"]
        elif candidate["event"] in payloads.CONVERSATION_EVENTS:
            parsed = parse_conversation(candidate, candidate["event"])
            ids, inbox = [parsed["display_id"]], parsed["inbox_id"]
        else:
            ids, inbox = [parse_contact(candidate)["id"]], None
        if inbox not in (None, ""):
            ids.append(int(inbox))
        for number in ids:
            self.assertTrue(1 <= number <= INT32_MAX, (path, value))
