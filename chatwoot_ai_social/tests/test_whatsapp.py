# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""WhatsApp Cloud API deliveries end to end: signed POSTs into the real webhook, the drain job,
the messages kept with the sender's identity and the delivery statuses the campaigns read."""

from odoo.tests import tagged

from .common import PHONE_NUMBER_ID, SocialHttpCase

WABA_ID = "102290129340398"


def wa_delivery(messages=(), statuses=(), contacts=()):
    """A ``whatsapp_business_account`` delivery shaped like Meta's (reference §5.7)."""
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "5511900000000", "phone_number_id": PHONE_NUMBER_ID},
    }
    if contacts:
        value["contacts"] = list(contacts)
    if messages:
        value["messages"] = list(messages)
    if statuses:
        value["statuses"] = list(statuses)
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": WABA_ID, "changes": [{"field": "messages", "value": value}]}],
    }


def text_message(wamid, body, sender=None, timestamp=1757000000, **extra):
    message = {"id": wamid, "timestamp": str(timestamp), "type": "text", "text": {"body": body}}
    if sender:
        message["from"] = sender
    message.update(extra)
    return message


def status(wamid, state, timestamp, recipient="5511999998888", errors=None):
    row = {
        "id": wamid,
        "status": state,
        "timestamp": str(timestamp),
        "recipient_id": recipient,
        "pricing": {"pricing_model": "PMP", "category": "marketing", "type": "regular"},
    }
    if errors:
        row["errors"] = errors
    return row


@tagged("post_install", "-at_install")
class TestWhatsAppMessages(SocialHttpCase):
    def deliver(self, payload):
        response = self.post_delivery(self.whatsapp, payload)
        self.assertEqual(response.status_code, 200, response.text)
        self.whatsapp._job_drain_events()
        return response

    def messages(self):
        return self.env["chatwoot.social.message"].search(
            [("account_id", "=", self.whatsapp.id)], order="id"
        )

    def identities(self, partner):
        return {
            (identity.identity_type, identity.value)
            for identity in self.env["chatwoot.contact"].search([("partner_id", "=", partner.id)])
        }

    def test_message_from_a_known_number_is_kept_with_that_customer(self):
        maria = self.env["res.partner"].create({"name": "Maria Lima", "phone": "+55 11 99999-8888"})
        self.deliver(
            wa_delivery(
                contacts=[
                    {
                        "profile": {"name": "Maria"},
                        "wa_id": "5511999998888",
                        "user_id": "BR.1502576394655843",
                    }
                ],
                messages=[text_message("wamid.A1", "Olá, meu pedido atrasou 😟", "5511999998888")],
            )
        )
        message = self.messages()
        self.assertEqual(len(message), 1)
        self.assertEqual(message.partner_id, maria)
        self.assertEqual(message.body, "Olá, meu pedido atrasou 😟")
        self.assertEqual((message.wa_id, message.user_id), ("5511999998888", "BR.1502576394655843"))
        self.assertIn(("whatsapp", "+5511999998888"), self.identities(maria))
        self.assertIn(("bsuid", "BR.1502576394655843"), self.identities(maria))
        self.assertIn(message.identity_id.identity_type, ("bsuid", "whatsapp"))
        self.assertEqual(message.identity_id.partner_id, maria)

    def test_bsuid_without_a_phone_number_finds_the_same_person_again(self):
        contact = {"profile": {"name": "Jo", "username": "jo.rocha"}, "user_id": "BR.7788"}
        self.deliver(
            wa_delivery(contacts=[contact], messages=[text_message("wamid.B1", "Oi", "BR.7788")])
        )
        first = self.messages()
        self.assertTrue(first.partner_id, "a customer is created for a BSUID-only sender")
        self.assertFalse(first.wa_id)
        self.assertFalse(first.partner_id.phone)
        self.assertEqual(self.identities(first.partner_id), {("bsuid", "BR.7788")})
        partners = self.env["res.partner"].search_count([])
        self.deliver(
            wa_delivery(
                contacts=[contact], messages=[text_message("wamid.B2", "Tem o batom?", "BR.7788")]
            )
        )
        self.assertEqual(self.messages().partner_id, first.partner_id)
        self.assertEqual(self.env["res.partner"].search_count([]), partners, "no second partner")
        # The number arrives later: it joins the same person.
        self.deliver(
            wa_delivery(
                contacts=[dict(contact, wa_id="5521988887777")],
                messages=[text_message("wamid.B3", "Meu número", "5521988887777")],
            )
        )
        self.assertEqual(self.messages().partner_id, first.partner_id)
        self.assertIn(("whatsapp", "+5521988887777"), self.identities(first.partner_id))

    def test_bsuid_moving_to_another_customers_number_is_suggested_not_merged(self):
        contact = {"profile": {"name": "Rui"}, "wa_id": "5511911112222", "user_id": "BR.4455"}
        self.deliver(wa_delivery(contacts=[contact], messages=[text_message("wamid.C1", "Oi")]))
        rui = self.messages().partner_id
        other = self.env["res.partner"].create({"name": "Rui Costa", "phone": "+5511933334444"})
        moved = dict(contact, wa_id="5511933334444")
        self.deliver(wa_delivery(contacts=[moved], messages=[text_message("wamid.C2", "Novo nº")]))
        self.assertEqual(self.messages()[-1].partner_id, rui, "the BSUID decides")
        suggestion = self.env["chatwoot.identity.suggestion"].search(
            [("partner_id", "in", (rui | other).ids), ("duplicate_id", "in", (rui | other).ids)]
        )
        self.assertEqual(len(suggestion), 1)
        self.assertEqual((suggestion.evidence, suggestion.state), ("bsuid_moved", "pending"))
        self.assertEqual(suggestion.evidence_value, "BR.4455")
        self.assertGreater(suggestion.score, 0)
        self.assertTrue(rui.exists() and other.exists(), "nothing merged silently")

    def test_redelivered_message_is_stored_once(self):
        payload = wa_delivery(
            contacts=[{"profile": {"name": "Bia"}, "wa_id": "5511955556666"}],
            messages=[text_message("wamid.D1", "Oi", "5511955556666")],
        )
        self.deliver(payload)
        response = self.deliver(payload)
        self.assertEqual(response.json()["new"], 0)
        self.assertEqual(len(self.messages()), 1)

    def test_batched_messages_of_one_delivery_are_all_kept(self):
        self.deliver(
            wa_delivery(
                contacts=[{"profile": {"name": "Lia"}, "wa_id": "5511977778888"}],
                messages=[
                    text_message("wamid.E1", "primeira", "5511977778888", timestamp=1757000001),
                    text_message("wamid.E2", "segunda", "5511977778888", timestamp=1757000002),
                    {
                        "id": "wamid.E3",
                        "from": "5511977778888",
                        "timestamp": "1757000003",
                        "type": "image",
                        "image": {"caption": "essa cor", "mime_type": "image/jpeg"},
                    },
                ],
            )
        )
        messages = self.messages()
        self.assertEqual(messages.mapped("body"), ["primeira", "segunda", "essa cor"])
        self.assertEqual(messages.mapped("message_type"), ["text", "text", "image"])
        self.assertEqual(len(messages.partner_id), 1)


@tagged("post_install", "-at_install")
class TestWhatsAppStatuses(SocialHttpCase):
    Status = None

    def setUp(self):
        super().setUp()
        self.Status = self.env["chatwoot.social.message.status"]

    def deliver(self, *statuses):
        response = self.post_delivery(self.whatsapp, wa_delivery(statuses=statuses))
        self.assertEqual(response.status_code, 200, response.text)
        self.whatsapp._job_drain_events()

    def test_statuses_out_of_order_never_regress(self):
        self.deliver(status("wamid.OUT1", "read", 1757000030))
        self.assertEqual(self.Status.get_statuses(["wamid.OUT1"])["wamid.OUT1"]["status"], "read")
        # delivered and sent arrive late, in separate deliveries: read stays.
        self.deliver(status("wamid.OUT1", "delivered", 1757000020))
        self.deliver(status("wamid.OUT1", "sent", 1757000010))
        answer = self.Status.get_statuses(["wamid.OUT1"])["wamid.OUT1"]
        self.assertEqual(answer["status"], "read")
        self.assertEqual(answer["timestamp"].isoformat(), "2025-09-04T15:33:50")
        self.assertEqual(
            self.Status.search([("external_message_id", "=", "wamid.OUT1")]).mapped("status"),
            ["read", "delivered", "sent"],
            "every status is kept once, newest first",
        )

    def test_failed_status_carries_its_error_code(self):
        self.deliver(
            status("wamid.OUT2", "sent", 1757000010),
            status(
                "wamid.OUT2",
                "failed",
                1757000011,
                errors=[
                    {
                        "code": 131047,
                        "title": "Re-engagement message",
                        "error_data": {"details": "More than 24 hours have passed"},
                    }
                ],
            ),
        )
        answer = self.Status.get_statuses(["wamid.OUT2"])["wamid.OUT2"]
        self.assertEqual((answer["status"], answer["error_code"]), ("failed", 131047))
        failed = self.Status.search(
            [("external_message_id", "=", "wamid.OUT2"), ("status", "=", "failed")]
        )
        self.assertEqual(failed.error_title, "Re-engagement message")

    def test_skipped_delivered_and_batched_statuses_of_several_messages(self):
        self.deliver(
            status("wamid.OUT4", "delivered", 1757000002),
            status("wamid.OUT3", "read", 1757000005),  # delivered skipped: read at once
            status("wamid.OUT3", "sent", 1757000001),
            status("wamid.OUT4", "sent", 1757000001),
        )
        answer = self.Status.get_statuses(["wamid.OUT3", "wamid.OUT4", "wamid.UNKNOWN"])
        self.assertEqual(
            {wamid: row["status"] for wamid, row in answer.items()},
            {"wamid.OUT3": "read", "wamid.OUT4": "delivered"},
        )
        self.assertEqual(self.Status.get_statuses([]), {})

    def test_redelivered_status_is_stored_once(self):
        delivered = status("wamid.OUT5", "delivered", 1757000002)
        self.deliver(delivered)
        self.deliver(delivered)
        self.assertEqual(self.Status.search_count([("external_message_id", "=", "wamid.OUT5")]), 1)

    def test_statuses_of_a_bsuid_recipient_are_kept(self):
        row = status("wamid.OUT6", "delivered", 1757000002, recipient=None)
        row.pop("recipient_id")
        row["recipient_user_id"] = "BR.99881"
        self.deliver(row)
        stored = self.Status.search([("external_message_id", "=", "wamid.OUT6")])
        self.assertEqual((stored.status, stored.recipient_id), ("delivered", "BR.99881"))

    def test_marketer_reads_statuses_for_the_campaigns(self):
        self.deliver(status("wamid.OUT7", "sent", 1757000001))
        answer = self.Status.with_user(self.marketer).get_statuses(["wamid.OUT7"])
        self.assertEqual(answer["wamid.OUT7"]["status"], "sent")
