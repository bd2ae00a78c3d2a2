# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Retention and erasure leave nothing behind; export gives the person everything."""

import base64
import json
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from ..privacy.retention import subtract_months
from .common import ChatwootAICase, FakeChatwootCase

PERSONAL_MODELS = (
    "chatwoot.webhook.event",
    "chatwoot.message",
    "chatwoot.conversation",
    "chatwoot.contact",
)


def message_payload(contact_id, email, phone, name, message_id, conversation_id):
    """A message_created delivery as Chatwoot sends it, about one contact."""
    contact = {
        "id": contact_id,
        "name": name,
        "email": email,
        "phone_number": phone,
        "identifier": None,
        "type": "contact",
    }
    return json.dumps(
        {
            "event": "message_created",
            "id": message_id,
            "content": f"Olá, sou {name}",
            "message_type": "incoming",
            "account": {"id": 41},
            "conversation": {
                "id": conversation_id,
                "contact_inbox": {"contact_id": contact_id, "source_id": phone.lstrip("+")},
                "meta": {"sender": contact},
            },
            "sender": {key: value for key, value in contact.items() if key != "type"},
        }
    )


class PrivacyCase(ChatwootAICase):
    def run_contact_action(self, xmlid, person):
        """Run a contact's server action as a Manager would, from the person's form."""
        partner = person["partner"]
        return (
            self.env.ref(xmlid)
            .with_user(self.manager)
            .with_context(active_model="res.partner", active_id=partner.id, active_ids=partner.ids)
            .run()
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cw_account = cls.env["chatwoot.account"].create(
            {
                "name": "Loja Privacidade",
                "base_url": "https://chat.example.com",
                "chatwoot_account_id": 41,
                "api_access_token": "privacy-token",
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Batom vermelho", "list_price": 30}
        )
        cls.maria = cls.make_person("Maria Lima", "maria@example.com", "+5511987650001", 501, 9000)
        cls.pedro = cls.make_person("Pedro Alves", "pedro@example.com", "+5511987650002", 502, 9100)

    @classmethod
    def make_person(cls, name, email, phone, contact_id, number):
        """A customer with everything the suite can hold on someone; returns a dict."""
        env = cls.env
        partner = env["res.partner"].create(
            {
                "name": name,
                "email": email,
                "phone": phone,
                "street": "Rua Augusta 100",
                "city": "São Paulo",
                "zip": "01305-000",
                "country_id": env.ref("base.br").id,
                "website": "https://example.com/" + email.split("@")[0],
                "function": "Designer",
                "ref": f"REF-{contact_id}",
                "comment": f"<p>{name} prefers WhatsApp</p>",
                "vat": "123.456.789-09",
            }
        )
        child = env["res.partner"].create(
            {
                "name": f"{name} (entrega)",
                "parent_id": partner.id,
                "type": "delivery",
                "street": "Rua Oscar Freire 5",
                "phone": phone.replace("0", "9", 1),
            }
        )
        identities = env["chatwoot.contact"].create(
            [
                {
                    "account_id": cls.cw_account.id,
                    "partner_id": partner.id,
                    "identity_type": identity_type,
                    "value": value,
                    "name": name,
                }
                for identity_type, value in (
                    ("chatwoot", str(contact_id)),
                    ("email", email),
                    ("whatsapp", phone),
                )
            ]
        )
        conversations = env["chatwoot.conversation"].create(
            [
                {
                    "account_id": cls.cw_account.id,
                    "display_id": number + offset,
                    "partner_id": partner.id,
                    "last_activity_at": fields.Datetime.now(),
                }
                for offset in (1, 2)
            ]
        )
        messages = env["chatwoot.message"].create(
            [
                {
                    "account_id": cls.cw_account.id,
                    "conversation_id": conversation.id,
                    "partner_id": partner.id,
                    "chatwoot_message_id": number * 10 + index,
                    "content": f"mensagem {index} de {name}",
                    "message_type": "incoming" if index % 2 else "outgoing",
                    "created_at": fields.Datetime.now(),
                }
                for index, conversation in enumerate(list(conversations) * 3)
            ]
        )
        events = cls.make_events(partner, conversations[0], contact_id, email, phone, name, number)
        # A job queued for one of the person's deliveries, and one that carries their e-mail.
        event_job = events[0].with_delay(channel="root.chatwoot")._process()
        mail_job = cls.cw_account.with_delay(description="note").message_post(
            body=f"Contact {email} asked for a call"
        )
        chatter = env["mail.message"].create(
            {
                "model": "chatwoot.conversation",
                "res_id": conversations[0].id,
                "body": f"<p>{name} called about order {number}</p>",
                "message_type": "comment",
            }
        )
        suite_note = env["chatwoot.personal.data"]._post_suite_note(
            partner, f"<p>Chatwoot matched {email}</p>"
        )
        order = env["sale.order"].create(
            {
                "partner_id": partner.id,
                "partner_shipping_id": child.id,
                "order_line": [(0, 0, {"product_id": cls.product.id, "product_uom_qty": 1})],
            }
        )
        order.action_confirm()
        return {
            "partner": partner,
            "child": child,
            "identities": identities,
            "conversations": conversations,
            "messages": messages,
            "events": events,
            "jobs": env["queue.job"].search([("uuid", "in", [event_job.uuid, mail_job.uuid])]),
            "chatter": chatter,
            "suite_note": suite_note,
            "order": order,
            "email": email,
            "phone": phone,
            "contact_id": contact_id,
        }

    @classmethod
    def make_events(cls, partner, conversation, contact_id, email, phone, name, number):
        """Processed, waiting, failed and ignored deliveries about the person."""
        events = cls.env["chatwoot.webhook.event"]
        payload = message_payload(contact_id, email, phone, name, number, number + 1)
        specs = [
            # processed: linked to the partner and the conversation
            {"state": "done", "partner_id": partner.id, "conversation_id": conversation.id},
            # waiting: nobody linked yet, found through the payload only
            {"state": "new"},
            # failed: only the phone identifies the person
            {
                "state": "failed",
                "payload": json.dumps(
                    {"event": "contact_updated", "id": 777777, "phone_number": phone}
                ),
            },
            # ignored event type: only the contact id identifies the person
            {
                "state": "ignored",
                "event": "conversation_typing_on",
                "payload": json.dumps(
                    {
                        "event": "conversation_typing_on",
                        "conversation": {"id": 1, "contact_inbox": {"contact_id": contact_id}},
                    }
                ),
            },
        ]
        for index, spec in enumerate(specs):
            values = {
                "account_id": cls.cw_account.id,
                "event": "message_created",
                "dedupe_key": f"test:{number}:{index}",
                "payload": payload,
                **spec,
            }
            events |= events.create(values)
        return events

    # ------------------------------------------------------------------ helpers
    def suite_rows(self, person):
        """Every suite record about the person, searched by partner and conversation."""
        partners = (person["partner"] | person["child"]).ids
        conversations = person["conversations"].ids
        found = {}
        for model_name in PERSONAL_MODELS:
            model = self.env[model_name]
            domain = [("partner_id", "in", partners)]
            if "conversation_id" in model._fields:
                domain = ["|", ("conversation_id", "in", conversations), *domain]
            found[model_name] = model.search_count(domain)
        return found

    def raw_mentions(self, person):
        """Raw payloads and queued jobs that still carry the person's e-mail, phone or id."""
        self.env.flush_all()
        needles = [f"%{person['email']}%", f"%{person['phone'].lstrip('+')}%"]
        payloads = self.env.execute_query(
            SQL(
                "SELECT count(*) FROM chatwoot_webhook_event WHERE payload ILIKE ANY(%s) "
                "OR payload LIKE %s",
                needles,
                f'%"contact_id": {person["contact_id"]}%',
            )
        )[0][0]
        # queue_job keeps its JSON as a string inside jsonb: #>> '{}' unwraps it.
        jobs = self.env.execute_query(
            SQL(
                "SELECT count(*) FROM queue_job WHERE concat(args #>> '{}', kwargs #>> '{}', "
                "records #>> '{}') ILIKE ANY(%s) OR (model_name = 'chatwoot.webhook.event' "
                "AND ((records #>> '{}')::jsonb)->'ids' @> ANY(%s::jsonb[]))",
                needles,
                [json.dumps([event_id]) for event_id in person["events"].ids],
            )
        )[0][0]
        return payloads, jobs

    def snapshot(self, person):
        return {
            "rows": self.suite_rows(person),
            "raw": self.raw_mentions(person),
            "jobs": person["jobs"].exists().ids,
            "chatter": person["chatter"].exists().ids,
            "suite_note": person["suite_note"].exists().ids,
            "partner": person["partner"].read(["name", "email", "phone", "street"]),
        }


@tagged("post_install", "-at_install")
class TestErasure(PrivacyCase):
    def request_for(self, person, **values):
        return (
            self.env["chatwoot.erasure.request"]
            .with_user(self.manager)
            .create({"partner_id": person["partner"].id, "note": "ticket 42", **values})
        )

    def test_erasure_leaves_nothing_behind(self):
        maria = self.maria
        before = self.suite_rows(maria)
        self.assertEqual(
            before,
            {
                "chatwoot.webhook.event": 1,
                "chatwoot.message": 6,
                "chatwoot.conversation": 2,
                "chatwoot.contact": 3,
            },
        )
        self.assertEqual(self.raw_mentions(maria), (4, 2))
        pedro_before = self.snapshot(self.pedro)
        request = self.request_for(maria)

        request.with_user(self.manager).action_execute()

        self.assertEqual(self.suite_rows(maria), dict.fromkeys(PERSONAL_MODELS, 0))
        self.assertEqual(self.raw_mentions(maria), (0, 0))
        self.assertFalse(maria["events"].exists())
        self.assertFalse(maria["jobs"].exists())
        self.assertFalse(maria["chatter"].exists(), "chatter on suite records")
        self.assertFalse(maria["suite_note"].exists(), "suite note on the partner")
        self.assertEqual(self.snapshot(self.pedro), pedro_before)

    def test_partner_is_anonymised_and_orders_stay(self):
        maria = self.maria
        partner, child, order = maria["partner"], maria["child"], maria["order"]
        bank = self.env["res.partner.bank"].create(
            {"partner_id": partner.id, "acc_number": "0001-12345-6"}
        )

        self.request_for(maria).with_user(self.manager).action_execute()

        self.assertFalse(bank.exists(), "no posted invoice needs the bank account")

        self.assertTrue(order.exists())
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.partner_id, partner)
        self.assertEqual(order.partner_shipping_id, child)
        self.assertEqual(partner.name, f"Erased customer #{partner.id}")
        self.assertEqual(child.name, f"Erased customer #{child.id}")
        self.assertTrue(partner.active)
        for person in partner | child:
            for field_name in (
                "email",
                "phone",
                "street",
                "street2",
                "city",
                "zip",
                "country_id",
                "website",
                "function",
                "ref",
                "vat",
                "image_1920",
            ):
                self.assertFalse(person[field_name], f"{field_name} of {person.id}")
            self.assertTrue(not person.comment or "Maria" not in person.comment)
        # Nothing in the contacts' chatter still tells the old values.
        self.env.flush_all()
        leftovers = self.env["mail.message"].search(
            [("model", "=", "res.partner"), ("res_id", "in", (partner | child).ids)]
        )
        text = " ".join(str(body) for body in leftovers.mapped("body"))
        self.assertNotIn("maria@example.com", text)

    def test_old_values_in_partner_tracking_are_removed(self):
        partner = self.maria["partner"]
        # As in a later transaction than the partner's creation (whose tracking is discarded),
        # and through a plain context: the shared fixtures disable tracking.
        self.env.flush_all()
        self.env.cr.precommit.run()
        partner.with_env(self.env(context={})).write({"phone": "+5511911112222"})
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracking = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "res.partner"),
                ("mail_message_id.res_id", "=", partner.id),
            ]
        )
        self.assertTrue(tracking, "the test needs a tracked change to erase")

        self.request_for(self.maria).with_user(self.manager).action_execute()

        self.assertFalse(tracking.exists())

    def test_request_keeps_counts_but_no_personal_data(self):
        maria = self.maria
        expected = {
            "chatwoot.webhook.event": 4,
            "chatwoot.message": 6,
            "chatwoot.conversation": 2,
            "chatwoot.contact": 3,
            "queue.job": 2,
            "res.partner": 2,
        }
        request = self.request_for(maria)

        request.with_user(self.manager).action_execute()

        self.assertEqual(request.state, "done")
        self.assertTrue(request.executed_at)
        self.assertEqual(request.executed_by_id, self.manager)
        counts = {line.model: line.count for line in request.line_ids}
        self.assertEqual({key: counts[key] for key in expected}, expected)
        # chatter on the conversation + the suite's note on the partner
        self.assertEqual(counts["mail.message"], 2)
        self.assertEqual(request.display_name, f"Erasure request #{request.id}")
        self.assertEqual(request.partner_ref_id, maria["partner"].id)
        dump = json.dumps(
            [request.read()[0], request.line_ids.read()], default=str, ensure_ascii=False
        )
        for secret in ("Maria", "maria@example.com", "987650001", "Rua Augusta"):
            self.assertNotIn(secret, dump)

    def test_only_managers_can_execute(self):
        request = self.request_for(self.maria)
        for user in (self.agent, self.marketer, self.employee):
            with self.assertRaises(AccessError):
                request.with_user(user).action_execute()
            with self.assertRaises(AccessError):
                self.env["chatwoot.erasure.request"].with_user(user).search([])
        self.assertEqual(request.state, "draft")
        self.assertEqual(self.suite_rows(self.maria)["chatwoot.message"], 6)

    def test_contact_action_opens_a_draft_request_for_managers(self):
        action = self.run_contact_action(
            "chatwoot_ai_base.action_chatwoot_request_erasure", self.maria
        )

        request = self.env["chatwoot.erasure.request"].browse(action["res_id"])
        self.assertEqual((request.partner_id, request.state), (self.maria["partner"], "draft"))
        self.assertEqual(request.requester_id, self.manager)
        with self.assertRaises(AccessError):
            self.env["chatwoot.erasure.request"].with_user(self.agent)._action_new_for_partners(
                self.maria["partner"]
            )

    def test_executed_request_cannot_run_twice_nor_be_deleted(self):
        request = self.request_for(self.maria)
        request.with_user(self.manager).action_execute()
        with self.assertRaises(UserError):
            request.with_user(self.manager).action_execute()
        with self.assertRaises(UserError):
            request.with_user(self.manager).unlink()

    def test_companies_and_users_are_refused(self):
        company = self.env["res.partner"].create({"name": "Loja ACME", "is_company": True})
        with self.assertRaises(UserError):
            self.env["chatwoot.personal.data"]._collect_partners(company)
        request = self.env["chatwoot.erasure.request"].create(
            {"partner_id": self.manager.partner_id.id}
        )
        with self.assertRaises(UserError):
            request.with_user(self.manager).action_execute()

    def test_person_of_a_company_leaves_the_company_alone(self):
        company = self.env["res.partner"].create(
            {
                "name": "Loja ACME",
                "is_company": True,
                "street": "Avenida Paulista 1000",
                "vat": "11.222.333/0001-81",
            }
        )
        colleague = self.env["res.partner"].create(
            {"name": "Colega", "parent_id": company.id, "email": "colega@acme.example"}
        )
        self.maria["partner"].parent_id = company

        self.request_for(self.maria).with_user(self.manager).action_execute()

        self.assertEqual(self.maria["partner"].name, f"Erased customer #{self.maria['partner'].id}")
        self.assertFalse(self.maria["partner"].email)
        company_data = company.read(["name", "street", "vat", "active"])[0]
        self.assertEqual(
            [company_data[key] for key in ("name", "street", "vat", "active")],
            ["Loja ACME", "Avenida Paulista 1000", "11.222.333/0001-81", True],
        )
        self.assertEqual(
            (colleague.email, colleague.street), ("colega@acme.example", "Avenida Paulista 1000")
        )


@tagged("post_install", "-at_install")
class TestErasureScrubsMentions(PrivacyCase):
    """Other people's texts keep what they said, not who the erased person was."""

    def write_about_maria(self):
        pedro = self.pedro
        conversation = pedro["conversations"][0]

        def message(number, content, message_type="outgoing", private=True):
            return self.env["chatwoot.message"].create(
                {
                    "account_id": self.cw_account.id,
                    "conversation_id": conversation.id,
                    "chatwoot_message_id": 77_000 + number,
                    "content": content,
                    "message_type": message_type,
                    "private": private,
                    "created_at": fields.Datetime.now(),
                }
            )

        texts = {
            "phone": message(1, "Ligar para a Maria no +55 11 98765-0001 amanhã"),
            "email": message(2, "Mandei o boleto para MARIA@example.com"),
            "full_name": message(3, "A Maria Lima indicou a loja", "incoming", False),
            "namesake": message(4, "A Maria da loja ao lado ligou"),
        }
        run = self.env["chatwoot.ai.run"].create(
            {
                "account_id": self.cw_account.id,
                "conversation_id": conversation.id,
                "kind": "suggest",
                "state": "done",
                "summary": "Cliente citou Maria Lima",
                "context_snapshot": {"notes": ["Maria: 11 98765-0001"], "orders": [3]},
            }
        )
        event = self.env["chatwoot.webhook.event"].create(
            {
                "account_id": self.cw_account.id,
                "event": "message_created",
                "dedupe_key": "scrub:1",
                "state": "done",
                "partner_id": pedro["partner"].id,
                "conversation_id": conversation.id,
                "payload": json.dumps(
                    {
                        "event": "message_created",
                        "content": "Falar com Maria Lima (maria@example.com)",
                    }
                ),
            }
        )
        return texts, run, event

    def test_mentions_in_other_peoples_records_are_replaced_and_counted(self):
        texts, run, event = self.write_about_maria()
        request = (
            self.env["chatwoot.erasure.request"]
            .with_user(self.manager)
            .create({"partner_id": self.maria["partner"].id})
        )
        request.with_user(self.manager).action_execute()
        self.env.invalidate_all()
        self.assertEqual(texts["phone"].content, "Ligar para a [erased] no [erased] amanhã")
        self.assertEqual(texts["email"].content, "Mandei o boleto para [erased]")
        self.assertEqual(texts["full_name"].content, "A [erased] indicou a loja")
        # A first name alone, with nothing else of Maria's, is somebody else's.
        self.assertEqual(texts["namesake"].content, "A Maria da loja ao lado ligou")
        self.assertEqual(run.summary, "Cliente citou [erased]")
        self.assertEqual(run.context_snapshot, {"notes": ["[erased]: [erased]"], "orders": [3]})
        self.assertEqual(json.loads(event.payload)["content"], "Falar com [erased] ([erased])")
        # 2 + 1 + 1 in messages, 1 + 2 in the AI run, 2 in the delivery.
        self.assertEqual(request.mentions_replaced, 9)
        # Pedro's own data is untouched, and still his.
        self.assertTrue(texts["phone"].exists())
        self.assertEqual(event.partner_id, self.pedro["partner"])
        self.assertIn("Pedro Alves", self.pedro["messages"][0].content)

    def test_nothing_to_replace_counts_zero(self):
        request = (
            self.env["chatwoot.erasure.request"]
            .with_user(self.manager)
            .create({"partner_id": self.pedro["partner"].id})
        )
        request.with_user(self.manager).action_execute()
        self.assertEqual(request.mentions_replaced, 0)
        # Maria's records never mentioned Pedro: unchanged.
        self.assertIn("Maria Lima", self.maria["messages"][0].content)


@tagged("post_install", "-at_install")
class TestErasureInChatwoot(PrivacyCase, FakeChatwootCase):
    def setUp(self):
        super().setUp()
        self.cw_account.base_url = self.fake.url
        self.path = "/api/v1/accounts/41/contacts/501"

    def execute(self):
        request = self.env["chatwoot.erasure.request"].create(
            {"partner_id": self.maria["partner"].id, "delete_in_chatwoot": True}
        )
        request.with_user(self.manager).action_execute()
        return request

    def test_contact_is_deleted_in_chatwoot(self):
        self.fake.script("DELETE", self.path, [{"status": 200, "json": {}}])

        request = self.execute()

        sent = self.fake.requests_to("DELETE", self.path)
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent[0].headers["api_access_token"], "privacy-token")
        self.assertEqual((request.chatwoot_deleted_count, request.chatwoot_failed_count), (1, 0))
        self.assertFalse(self.fake.requests_to("DELETE", "/api/v1/accounts/41/contacts/502"))

    def test_chatwoot_failure_is_counted_and_local_erasure_stands(self):
        self.fake.script("DELETE", self.path, [{"status": 500, "json": {"error": "boom"}}])

        request = self.execute()

        self.assertEqual((request.chatwoot_deleted_count, request.chatwoot_failed_count), (0, 1))
        self.assertEqual(request.state, "done")
        self.assertEqual(self.suite_rows(self.maria), dict.fromkeys(PERSONAL_MODELS, 0))


@tagged("post_install", "-at_install")
class TestExport(PrivacyCase):
    def test_export_holds_the_person_and_not_the_other(self):
        document = (
            self.env["chatwoot.personal.data"]
            .with_user(self.manager)
            ._export_partner(self.maria["partner"])
        )

        self.assertIn("LGPD", document["export"]["legal_basis"])
        self.assertEqual(
            {subject["id"] for subject in document["subjects"]},
            set((self.maria["partner"] | self.maria["child"]).ids),
        )
        self.assertEqual(document["subjects"][0]["email"], "maria@example.com")
        conversations = document["conversations"]
        self.assertEqual(len(conversations), 2)
        self.assertEqual(sum(len(c["messages"]) for c in conversations), 6)
        self.assertEqual(
            {identity["value"] for identity in document["identities"]},
            {"501", "maria@example.com", "+5511987650001"},
        )
        events = document["webhook_events"]
        self.assertEqual(len(events), 4)
        self.assertTrue(all(isinstance(event["payload"], dict) for event in events))
        text = json.dumps(document, default=str, ensure_ascii=False)
        for other in ("Pedro", "pedro@example.com", "987650002"):
            self.assertNotIn(other, text)

    def test_export_action_downloads_a_private_json_file(self):
        action = self.run_contact_action(
            "chatwoot_ai_base.action_chatwoot_export_personal_data", self.maria
        )

        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertFalse(attachment.res_model)
        self.assertEqual(attachment.create_uid, self.manager)
        document = json.loads(base64.b64decode(attachment.datas))
        self.assertEqual(len(document["conversations"]), 2)
        with self.assertRaises(AccessError):
            attachment.with_user(self.agent).read(["datas"])

        self.env["chatwoot.erasure.request"].create(
            {"partner_id": self.maria["partner"].id}
        ).with_user(self.manager).action_execute()
        self.assertFalse(attachment.exists(), "an erasure also removes earlier exports")

    def test_only_managers_can_export(self):
        with self.assertRaises(AccessError):
            self.env["chatwoot.personal.data"].with_user(self.agent)._export_partner(
                self.maria["partner"]
            )


@tagged("post_install", "-at_install")
class TestRetention(ChatwootAICase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.now = fields.Datetime.now()
        cls.company2 = cls.env["res.company"].create({"name": "Loja Dois"})
        cls.policy = cls.env["chatwoot.retention.policy"]._get_for_company(cls.env.company)
        cls.policy.write({"interaction_months": 12, "transactional_years": 5})
        cls.policy2 = cls.env["chatwoot.retention.policy"]._get_for_company(cls.company2)
        cls.policy2.write({"interaction_months": 6, "transactional_years": 3})
        cls.account2 = cls.env["chatwoot.account"].create(
            {
                "name": "Loja Dois",
                "base_url": "https://chat2.example.com",
                "chatwoot_account_id": 2,
                "company_id": cls.company2.id,
            }
        )
        cls.cron = cls.env.ref("chatwoot_ai_base.ir_cron_chatwoot_apply_retention")

    def months_ago(self, months):
        return subtract_months(self.now, months) - timedelta(days=1)

    def make_conversation(self, account, number, last_activity):
        return self.env["chatwoot.conversation"].create(
            {"account_id": account.id, "display_id": number, "last_activity_at": last_activity}
        )

    def make_message(self, conversation, number, created_at):
        return self.env["chatwoot.message"].create(
            {
                "account_id": conversation.account_id.id,
                "conversation_id": conversation.id,
                "chatwoot_message_id": number,
                "content": f"message {number}",
                "created_at": created_at,
            }
        )

    def make_event(self, account, key, received_at):
        return self.env["chatwoot.webhook.event"].create(
            {
                "account_id": account.id,
                "event": "message_created",
                "dedupe_key": key,
                "payload": "{}",
                "received_at": received_at,
            }
        )

    def build(self):
        """Per company: records just past and just inside the policy's limits."""
        # Start from a database where nothing has expired yet (demo data may be old).
        self.run_cron()
        active = self.make_conversation(self.account, 7001, self.now)
        active2 = self.make_conversation(self.account2, 7001, self.now)
        rows = {
            "expired": [
                self.make_message(active, 1, self.months_ago(12)),
                self.make_event(self.account, "old", self.months_ago(12)),
                self.make_conversation(self.account, 7002, self.months_ago(60)),
                self.make_message(active2, 1, self.months_ago(6)),
                self.make_event(self.account2, "old", self.months_ago(6)),
                self.make_conversation(self.account2, 7002, self.months_ago(36)),
            ],
            "kept": [
                active,
                active2,
                self.make_message(active, 2, self.months_ago(11)),
                self.make_message(active, 3, self.months_ago(7)),  # 7 months: fine for 12
                self.make_event(self.account, "recent", self.months_ago(11)),
                self.make_conversation(self.account, 7003, self.months_ago(48)),
                self.make_message(active2, 2, self.months_ago(5)),
                self.make_event(self.account2, "recent", self.months_ago(5)),
                self.make_conversation(self.account2, 7003, self.months_ago(24)),
            ],
        }
        # A message without its date counts from its creation.
        undated = self.make_message(active, 4, False)
        self.env.flush_all()
        self.env.execute_query(
            SQL(
                "UPDATE chatwoot_message SET created_at = NULL, create_date = %s WHERE id = %s",
                self.months_ago(13),
                undated.id,
            )
        )
        undated.invalidate_recordset()
        rows["expired"].append(undated)
        return rows

    def run_cron(self):
        """Run the scheduled action as the scheduler does, its cursors on the test's one."""
        with self.enter_registry_test_mode():
            self.cron.method_direct_trigger()

    def last_progress(self):
        return self.env["ir.cron.progress"].search(
            [("cron_id", "=", self.cron.id)], order="id desc", limit=1
        )

    def assert_applied(self, rows):
        for record in rows["expired"]:
            self.assertFalse(record.exists(), f"{record} should be deleted")
        for record in rows["kept"]:
            self.assertTrue(record.exists(), f"{record} should be kept")

    def test_cron_deletes_expired_records_per_company(self):
        rows = self.build()

        self.run_cron()

        self.assert_applied(rows)
        self.assertEqual(
            self.policy.last_run_counts,
            {"chatwoot.conversation": 1, "chatwoot.message": 2, "chatwoot.webhook.event": 1},
        )
        self.assertEqual(
            self.policy2.last_run_counts,
            {"chatwoot.conversation": 1, "chatwoot.message": 1, "chatwoot.webhook.event": 1},
        )
        self.assertEqual(self.policy.last_run_state, "done")
        self.assertEqual(self.policy.last_run_total, 4)
        progress = self.last_progress()
        self.assertEqual((progress.done, progress.remaining), (7, 0))

    def test_cron_works_in_small_batches(self):
        rows = self.build()
        extra = [self.make_event(self.account, f"old-{n}", self.months_ago(13)) for n in range(5)]
        self.cron.code = "model._cron_apply_retention(batch_size=2)"

        self.run_cron()

        self.assert_applied({**rows, "expired": rows["expired"] + extra})
        self.assertEqual(self.policy.last_run_counts["chatwoot.webhook.event"], 6)
        progress = self.last_progress()
        self.assertEqual((progress.done, progress.remaining), (12, 0))

    def test_companies_get_a_policy_on_first_run(self):
        company3 = self.env["res.company"].create({"name": "Loja Três"})

        self.run_cron()

        policy = self.env["chatwoot.retention.policy"].search([("company_id", "=", company3.id)])
        self.assertEqual((policy.interaction_months, policy.transactional_years), (12, 5))
        self.assertEqual(policy.last_run_state, "done")

    def test_periods_outside_the_law_are_rejected(self):
        for values in (
            {"interaction_months": 13},
            {"interaction_months": 5},
            {"transactional_years": 2},
            {"transactional_years": 6},
        ):
            with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
                with self.env.cr.savepoint():
                    self.policy.write(values)
                    self.policy.flush_recordset()
            self.policy.invalidate_recordset()

    def test_one_policy_per_company(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.env["chatwoot.retention.policy"].create({"company_id": self.company2.id})
                self.env.flush_all()

    def test_core_targets_are_interactions_and_conversations(self):
        targets = [(t[0], t[2]) for t in self.env["chatwoot.retention.policy"]._targets()]
        self.assertEqual(
            targets,
            [
                ("chatwoot.webhook.event", "interaction"),
                ("chatwoot.message", "interaction"),
                ("chatwoot.conversation", "transactional"),
            ],
        )

    def test_policy_views_open_for_managers_only(self):
        menus = self.menus_of("chatwoot_ai_base").filtered(
            lambda menu: menu.action
            and menu.action._name == "ir.actions.act_window"
            and menu.action.res_model in ("chatwoot.retention.policy", "chatwoot.erasure.request")
        )
        self.assertEqual(len(menus), 2)
        self.assertEqual(self.visible_menus(self.manager, menus), menus)
        self.assertFalse(self.visible_menus(self.agent, menus))
        self.assertFalse(self.visible_menus(self.marketer, menus))
        self.assert_actions_open(self.manager, menus)
