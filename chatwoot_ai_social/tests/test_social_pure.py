# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The pure packages ``meta/`` and ``social/``: their doctests and a few edge cases."""

import doctest
import json

from odoo.tests import BaseCase

from ..meta import graph, payloads, signature
from ..social import comments, crew, identity, policy, replies, statuses, triage


class TestPurePackages(BaseCase):
    def test_doctests(self):
        for module in (
            graph, payloads, signature, comments, policy, replies, triage, identity, statuses, crew
        ):  # fmt: skip
            with self.subTest(module=module.__name__):
                result = doctest.testmod(module)
                self.assertEqual(result.failed, 0, module.__name__)

    def test_every_item_of_a_batch_gets_a_stable_key(self):
        value = {"item": "comment", "verb": "add", "comment_id": "1_2", "message": "oi"}
        edited = dict(value, verb="edited", message="olá")
        like = {"item": "like", "verb": "add"}
        payload = {
            "object": "page",
            "entry": [
                {"id": "1", "time": 5, "changes": [{"field": "feed", "value": value}] * 2},
                {"id": "1", "time": 9, "changes": [{"field": "feed", "value": edited}]},
                {"id": "1", "changes": [{"field": "feed", "value": like}]},
            ],
        }
        items = payloads.split_items(payloads.check_delivery(payload))
        self.assertEqual(len(items), 3)
        self.assertEqual(items[0]["key"], items[1]["key"], "a repeated change is one item")
        self.assertNotEqual(items[0]["key"], items[2]["key"], "an edit is another item")
        redelivered = payloads.split_items(json.loads(json.dumps(payload)))
        self.assertEqual([i["key"] for i in redelivered], [i["key"] for i in items])

    def test_unknown_object_is_refused(self):
        with self.assertRaises(payloads.PayloadError):
            payloads.check_delivery({"object": "user", "entry": []})

    def test_public_replies_never_carry_contact_details_or_orders(self):
        for text in ("ligue 11 3333-4444", "pedido #1234", "order S00042 shipped", "a@b.co"):
            self.assertTrue(replies.reveals_private(text), text)
        for text in ("Custa R$ 1.299,90 em 10x", "Temos nos tamanhos P, M e G!"):
            self.assertFalse(replies.reveals_private(text), text)
