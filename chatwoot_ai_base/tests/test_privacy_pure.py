# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The pure privacy rules: retention cut-offs, identity matching in payloads and jobs."""

import doctest
import json
from datetime import datetime
from pathlib import Path

from odoo.tests import BaseCase

from ..privacy import export, identities, retention, scrub
from ..privacy.identities import (
    build_needles,
    contact_id_regex,
    job_mentions,
    like_patterns,
    payload_mentions,
    text_mentions,
)
from ..privacy.retention import cutoffs, merge_counts, subtract_months

FIXTURES = Path(__file__).parent / "fixtures" / "chatwoot"


def fixture(name):
    return json.loads((FIXTURES / name).read_text())


class TestDoctests(BaseCase):
    def test_doctests(self):
        for module in (retention, identities, export, scrub):
            result = doctest.testmod(module)
            self.assertGreater(result.attempted, 0, module.__name__)
            self.assertEqual(result.failed, 0, module.__name__)


class TestRetentionCutoffs(BaseCase):
    def test_month_end_is_clamped(self):
        self.assertEqual(subtract_months(datetime(2024, 3, 31), 1), datetime(2024, 2, 29))
        self.assertEqual(subtract_months(datetime(2026, 1, 15), 13), datetime(2024, 12, 15))

    def test_cutoffs_follow_the_policy(self):
        now = datetime(2026, 8, 31, 10, 30)
        limits = cutoffs(now, interaction_months=6, transactional_years=3)
        self.assertEqual(limits["interaction"], datetime(2026, 2, 28, 10, 30))
        self.assertEqual(limits["transactional"], datetime(2023, 8, 31, 10, 30))
        self.assertNotIn("analytics", limits)

    def test_periods_outside_the_law_are_refused(self):
        for months, years in ((5, 5), (13, 5), (12, 2), (12, 6)):
            with self.assertRaises(ValueError):
                cutoffs(datetime(2026, 1, 1), months, years)

    def test_partial_runs_add_up(self):
        self.assertEqual(merge_counts(None, {"x": 1}), {"x": 1})
        self.assertEqual(merge_counts({"x": 1, "y": 2}, {"x": 4}), {"x": 5, "y": 2})


class TestPayloadMatching(BaseCase):
    def setUp(self):
        super().setUp()
        self.payload = fixture("cw4141_message_created_incoming_api.json")

    def test_fixture_matches_its_contact_by_each_identity(self):
        for needles in (
            build_needles(contact_ids=[1]),
            build_needles(emails=["CONTACT@example.com"]),
            build_needles(phones=["+65 9123 4567"]),
        ):
            self.assertTrue(payload_mentions(self.payload, needles), needles)
            self.assertTrue(payload_mentions(json.dumps(self.payload), needles), needles)

    def test_other_people_do_not_match(self):
        needles = build_needles(
            emails=["someone@example.com"], phones=["+5511900000000"], contact_ids=[99]
        )
        self.assertFalse(payload_mentions(self.payload, needles))

    def test_contact_id_only_counts_in_contact_positions(self):
        # Message id, inbox id and conversation id 1 are not contact 1.
        payload = {
            "event": "message_created",
            "id": 1,
            "inbox": {"id": 1},
            "conversation": {"id": 1, "contact_inbox": {"contact_id": 2}},
            "sender": {"id": 1, "type": "user", "email": "agent@shop.example"},
            "message_type": "outgoing",
        }
        self.assertFalse(payload_mentions(payload, build_needles(contact_ids=[1])))
        self.assertTrue(payload_mentions(payload, build_needles(contact_ids=[2])))

    def test_incoming_sender_without_type_is_the_contact(self):
        payload = {"message_type": "incoming", "sender": {"id": 5}}
        self.assertTrue(payload_mentions(payload, build_needles(contact_ids=[5])))
        payload["message_type"] = "outgoing"
        self.assertFalse(payload_mentions(payload, build_needles(contact_ids=[5])))

    def test_email_anywhere_and_bsuid_tokens(self):
        needles = build_needles(emails=["ana@example.com"], tokens=["BR.123abc"])
        self.assertTrue(payload_mentions({"content": "write to ana@example.com"}, needles))
        self.assertTrue(payload_mentions({"additional": {"bsuid": "BR.123abc"}}, needles))
        self.assertFalse(payload_mentions({"content": "BR.123abcd"}, needles))

    def test_non_json_text_is_searched_as_text(self):
        needles = build_needles(phones=["+5511987654321"])
        self.assertTrue(payload_mentions("broken {json +55 11 98765-4321", needles))
        self.assertFalse(payload_mentions("broken {json 155119876543210", needles))

    def test_no_needles_match_nothing(self):
        self.assertFalse(payload_mentions(self.payload, build_needles()))

    def test_prefilters_cover_what_matches(self):
        needles = build_needles(emails=["contact@example.com"], phones=["+6591234567"])
        raw = json.dumps(self.payload)
        patterns = like_patterns(needles)
        self.assertEqual(patterns, ["%contact@example.com%", "%6591234567%"])
        for pattern in patterns:
            self.assertIn(pattern.strip("%"), raw)
        self.assertIsNone(contact_id_regex(needles))


class TestJobMatching(BaseCase):
    def recordset(self, model, ids):
        return {"_type": "odoo_recordset", "model": model, "ids": ids, "uid": 1}

    def test_job_on_other_records_is_not_matched(self):
        refs = {"chatwoot.webhook.event": {10}, "res.partner": {7}}
        job = {
            "records": self.recordset("chatwoot.webhook.event", [11]),
            "args": [self.recordset("res.partner", [8])],
            "kwargs": {"note": "bob@example.com"},
            "texts": ["chatwoot.webhook.event(11,)._job_process()"],
        }
        self.assertFalse(job_mentions(job, refs, build_needles(emails=["ana@example.com"])))

    def test_job_with_the_person_in_arguments_or_errors(self):
        refs = {"res.partner": {7}}
        needles = build_needles(emails=["ana@example.com"], phones=["+5511987654321"])
        base = {"records": self.recordset("chatwoot.account", [1]), "args": [], "kwargs": {}}
        self.assertTrue(
            job_mentions({**base, "args": [self.recordset("res.partner", [7])]}, refs, needles)
        )
        self.assertTrue(job_mentions({**base, "kwargs": {"to": "+5511987654321"}}, refs, needles))
        self.assertTrue(
            job_mentions({**base, "texts": ["ValueError: bad phone 5511987654321"]}, refs, needles)
        )
        self.assertFalse(job_mentions({**base, "texts": ["id 155119876543219"]}, refs, needles))

    def test_text_mentions_are_bounded(self):
        needles = build_needles(phones=["+5511987654321"])
        self.assertTrue(text_mentions("call +55 (11) 98765-4321 now", needles))
        self.assertFalse(text_mentions("", needles))
