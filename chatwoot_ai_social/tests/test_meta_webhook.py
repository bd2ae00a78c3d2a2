# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Meta webhook end to end: real HTTP requests into a real Odoo, real jobs, real rows."""

import json

from odoo.tests import tagged

from ..meta.signature import sign
from .common import APP_SECRET, PAGE_ID, SocialHttpCase, delivery, fb_change, ig_change


@tagged("post_install", "-at_install")
class TestMetaHandshake(SocialHttpCase):
    def verify(self, token, **params):
        query = "&".join(f"{key}={value}" for key, value in params.items())
        return self.url_open(f"/chatwoot_ai/meta/webhook/{token}?{query}", timeout=30)

    def test_handshake_echoes_the_raw_challenge_as_plain_text(self):
        response = self.verify(
            self.page.webhook_token,
            **{
                "hub.mode": "subscribe",
                "hub.verify_token": self.page.verify_token,
                "hub.challenge": "1158201444",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.text, "1158201444")
        self.assertTrue(response.headers["Content-Type"].startswith("text/plain"))

    def test_wrong_verify_token_or_mode_is_403(self):
        token = self.page.webhook_token
        wrong = self.verify(
            token, **{"hub.mode": "subscribe", "hub.verify_token": "x", "hub.challenge": "1"}
        )
        mode = self.verify(
            token,
            **{
                "hub.mode": "unsubscribe",
                "hub.verify_token": self.page.verify_token,
                "hub.challenge": "1",
            },
        )
        self.assertEqual((wrong.status_code, mode.status_code), (403, 403))

    def test_unknown_token_is_404_for_both_methods(self):
        self.assertEqual(self.verify("nope", **{"hub.mode": "subscribe"}).status_code, 404)
        response = self.url_open("/chatwoot_ai/meta/webhook/nope", data=b"{}", timeout=30)
        self.assertEqual(response.status_code, 404)


@tagged("post_install", "-at_install")
class TestMetaDeliveries(SocialHttpCase):
    def events(self, account=None):
        account = account or self.page
        return self.env["chatwoot.social.event"].search([("account_id", "=", account.id)])

    def test_missing_or_wrong_signature_is_401_and_stores_nothing(self):
        payload = delivery("page", PAGE_ID, fb_change(f"{PAGE_ID}_1", message="Oi"))
        self.assertEqual(self.post_delivery(self.page, payload, secret=None).status_code, 401)
        self.assertEqual(self.post_delivery(self.page, payload, secret="other").status_code, 401)
        self.assertFalse(self.events())

    def test_signature_is_checked_over_the_raw_escaped_bytes(self):
        # Meta signs \\u-escaped JSON: the same text re-serialised as UTF-8 is another body.
        raw = json.dumps(
            delivery("page", PAGE_ID, fb_change(f"{PAGE_ID}_2", message="Preço? 😍 ñ")),
            ensure_ascii=True,
        ).encode()
        self.assertIn(b"\\ud83d\\ude0d", raw)
        from ..meta.signature import sign

        reencoded = json.dumps(json.loads(raw), ensure_ascii=False).encode()
        forged = self.post_delivery(
            self.page, None, raw=reencoded, secret=None,
            headers={"X-Hub-Signature-256": sign(APP_SECRET, raw)},
        )  # fmt: skip
        self.assertEqual(forged.status_code, 401)
        response = self.post_delivery(self.page, None, raw=raw)
        self.assertEqual(response.status_code, 200)
        self.run_jobs()
        self.assertEqual(self.comment(f"{PAGE_ID}_2").body, "Preço? 😍 ñ")

    def test_malformed_json_or_unknown_object_is_400(self):
        bodies = [
            b"{not json",
            b"[]",
            b"\xff\xfe",
            b'{"object":"user","entry":[]}',
            b'{"object":"page"}',
        ]
        for raw in bodies:
            response = self.post_delivery(self.page, None, raw=raw)
            self.assertEqual(response.status_code, 400, raw)
            self.assertIn("error", response.json())
        self.assertFalse(self.events())

    def test_body_over_10_mb_is_413(self):
        raw = b'{"object":"page","entry":[],"pad":"' + b"x" * (10 * 1024 * 1024) + b'"}'
        response = self.post_delivery(self.page, None, raw=raw)
        self.assertEqual(response.status_code, 413)
        self.assertFalse(self.events())

    def test_every_entry_and_change_of_a_batch_is_stored_once(self):
        payload = delivery(
            "page",
            PAGE_ID,
            fb_change(f"{PAGE_ID}_10", message="Tem no tamanho M?"),
            fb_change(f"{PAGE_ID}_11", message="Amei!"),
        )
        payload["entry"].append(
            {"id": PAGE_ID, "time": 1, "changes": [fb_change(f"{PAGE_ID}_12", message="Quero")]}
        )
        first = self.post_delivery(self.page, payload)
        again = self.post_delivery(self.page, payload)  # Meta redelivers
        self.assertEqual((first.status_code, again.status_code), (200, 200))
        self.assertEqual((first.json()["new"], again.json()["new"]), (3, 0))
        self.assertEqual(len(self.events()), 3)
        self.run_jobs()
        self.assertEqual(set(self.events().mapped("state")), {"done"})
        comments = self.env["chatwoot.social.comment"].search([("account_id", "=", self.page.id)])
        self.assertEqual(len(comments), 3)

    def test_a_regenerated_or_archived_token_stops_working_at_once(self):
        payload = delivery("page", PAGE_ID, fb_change(f"{PAGE_ID}_20", message="Oi"))
        old_token = self.page.webhook_token
        self.assertEqual(self.post_delivery(self.page, payload).status_code, 200)  # now cached
        self.page.action_regenerate_webhook_token()
        body = json.dumps(payload).encode()
        stale = self.url_open(
            f"/chatwoot_ai/meta/webhook/{old_token}",
            data=body,
            headers={"X-Hub-Signature-256": sign(APP_SECRET, body)},
            timeout=60,
        )
        self.assertEqual(stale.status_code, 404)
        self.assertEqual(self.post_delivery(self.page, payload).status_code, 200)
        self.page.active = False
        self.assertEqual(self.post_delivery(self.page, payload).status_code, 404)

    def test_instagram_items_reach_their_own_account_through_one_callback(self):
        # One Meta app, one callback URL: the entry id routes the item to its account.
        payload = delivery("instagram", self.instagram.external_id, ig_change("1801", "Lindo!"))
        response = self.post_delivery(self.page, payload)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self.events(self.instagram)), 1)
        self.assertFalse(self.events(self.page))

    def test_a_failure_while_storing_answers_503_never_500(self):
        # An item too long for the key column cannot be stored: Meta must retry, not give up.
        payload = delivery("page", PAGE_ID, fb_change("x" * 3000, message="Oi"))
        self.env.cr.execute(
            "ALTER TABLE chatwoot_social_event ADD CONSTRAINT test_short_key "
            "CHECK (length(item_key) < 1000)"
        )
        response = self.post_delivery(self.page, payload)
        self.assertEqual(response.status_code, 503)
