# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where the suite keeps a person's data, and how to export or erase all of it.

Other addons declare their own personal data by extending
:meth:`ChatwootPersonalData._chatwoot_personal_data_models` with ``super()``; export and
erasure then cover it without further code.
"""

import logging
from collections import defaultdict

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tools import SQL, is_html_empty

from ..chatwoot.client import ChatwootError
from ..privacy.export import build_document, dumps, parse_json_or_text
from ..privacy.identities import (
    build_needles,
    contact_id_regex,
    job_mentions,
    like_patterns,
    payload_mentions,
)

_logger = logging.getLogger(__name__)

MANAGER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_manager"
#: Subtype of every note the suite posts on a partner's chatter: erasure removes them.
SUITE_NOTE_SUBTYPE = "chatwoot_ai_base.mt_chatwoot_ai_note"
#: ``description`` of export attachments, so that an erasure also removes earlier exports.
EXPORT_MARKER = "chatwoot_ai_base personal data export of res.partner,%s"

#: Contact data cleared on an erased partner (those missing in this database are skipped).
ANONYMISED_FIELDS = (
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "zip",
    "city",
    "state_id",
    "country_id",
    "comment",
    "website",
    "function",
    "title",
    "image_1920",
    "ref",
    "company_name",
    "barcode",
    "partner_latitude",
    "partner_longitude",
)
#: Kept while fiscal documents (posted invoices) reference the partner: tax law needs them.
FISCAL_FIELDS = ("vat", "company_registry")
PROFILE_FIELDS = (
    "name",
    "type",
    "parent_id",
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "zip",
    "city",
    "state_id",
    "country_id",
    "vat",
    "company_registry",
    "website",
    "function",
    "lang",
    "tz",
    "ref",
    "comment",
    "category_id",
    "create_date",
    "write_date",
)


class ChatwootPersonalData(models.AbstractModel):
    _name = "chatwoot.personal.data"
    _description = "ChatwootAI Personal Data"

    # ------------------------------------------------------------------ registry
    @api.model
    def _chatwoot_personal_data_models(self):
        """Every suite model that holds a person's data, as descriptor dicts.

        Keys: ``model``; ``partner_field`` (the Many2one to res.partner); ``sequence``
        (erasure order, lowest first: dependants before what they depend on); ``key`` (the
        section of the export); optional ``via`` (``[(field, model)]``: also the records
        linked to that model's records of the person); optional ``payload_field`` and
        ``account_field`` (raw text to search for the person's identities when no partner is
        linked yet); optional ``export_parent`` (``(model, field)``: nested in the export).
        Models missing from the registry are skipped, so addons may list models of others.
        """
        return [
            {
                "model": "chatwoot.webhook.event",
                "partner_field": "partner_id",
                "sequence": 10,
                "key": "webhook_events",
                "via": [("conversation_id", "chatwoot.conversation")],
                "payload_field": "payload",
                "account_field": "account_id",
            },
            {
                "model": "chatwoot.message",
                "partner_field": "partner_id",
                "sequence": 20,
                "key": "messages",
                "via": [("conversation_id", "chatwoot.conversation")],
                "export_parent": ("chatwoot.conversation", "conversation_id"),
            },
            {
                "model": "chatwoot.conversation",
                "partner_field": "partner_id",
                "sequence": 40,
                "key": "conversations",
            },
            {
                "model": "chatwoot.contact",
                "partner_field": "partner_id",
                "sequence": 50,
                "key": "identities",
            },
        ]

    @api.model
    def _chatwoot_suite_note_subtypes(self):
        """Subtypes that mark partner-chatter messages written by the suite."""
        subtype = self.env.ref(SUITE_NOTE_SUBTYPE, raise_if_not_found=False)
        return subtype or self.env["mail.message.subtype"]

    @api.model
    def _descriptors(self):
        descriptors = []
        for descriptor in self._chatwoot_personal_data_models():
            if descriptor["model"] not in self.env:
                continue
            descriptors.append(
                {"sequence": 50, "key": descriptor["model"], "via": [], **descriptor}
            )
        return sorted(descriptors, key=lambda descriptor: descriptor["sequence"])

    @api.model
    def _check_manager(self):
        if not (self.env.su or self.env.user.has_group(MANAGER_GROUP)):
            raise AccessError(self.env._("Only ChatwootAI managers can handle personal data."))

    # ------------------------------------------------------------------ who
    @api.model
    def _collect_partners(self, partner):
        """The person and their own contacts and addresses, never a company.

        LGPD and GDPR protect natural persons, and a company's people are data subjects of
        their own: erasing a company would sweep all of them. So the partner must be a person,
        and only its descendants that are not companies (delivery/invoice addresses, extra
        contacts) are included; the walk does not go below a company.
        """
        partner.ensure_one()
        if partner.is_company:
            raise UserError(
                self.env._(
                    "A company is not a data subject: open one request for each person "
                    "of the company instead."
                )
            )
        everyone = partner.with_context(active_test=False)
        partners = generation = everyone
        while generation:
            # Archived addresses hold personal data too: search, not the active-only child_ids.
            generation = (
                everyone.search([("parent_id", "in", generation.ids), ("is_company", "=", False)])
                - partners
            )
            partners |= generation
        return partners.with_env(partner.env)

    @api.model
    def _check_erasable(self, partners):
        users = (
            self.env["res.users"]
            .with_context(active_test=False)
            .search([("partner_id", "in", partners.ids)])
        )
        if users:
            raise UserError(
                self.env._(
                    "This contact is linked to a user account: delete the user first, "
                    "then erase the contact."
                )
            )
        companies = self.env["res.company"].search([("partner_id", "in", partners.ids)])
        if companies:
            raise UserError(self.env._("A company's own contact cannot be erased."))

    @api.model
    def _identities(self, partners):
        return self.env["chatwoot.contact"].search([("partner_id", "in", partners.ids)])

    @api.model
    def _needles_by_account(self, partners):
        """``(global needles, {account_id: needles with that account's contact ids})``.

        E-mails, phones and tokens identify the person everywhere; a Chatwoot contact id
        only within the account that issued it.
        """
        identities = self._identities(partners)
        by_type = defaultdict(list)
        for identity in identities:
            by_type[identity.identity_type].append(identity.value)
        emails = by_type["email"] + partners.mapped("email") + partners.mapped("email_normalized")
        phones = by_type["phone"] + by_type["whatsapp"] + partners.mapped("phone")
        phones += partners.mapped("phone_sanitized")
        common = build_needles(emails=emails, phones=phones, tokens=by_type["bsuid"])
        per_account = {}
        for account in identities.account_id:
            ids = identities.filtered(
                lambda i, account=account: i.account_id == account and i.identity_type == "chatwoot"
            ).mapped("value")
            per_account[account.id] = build_needles(
                emails=common.emails,
                phones=common.phones,
                tokens=common.tokens,
                contact_ids=ids,
            )
        return common, per_account

    # ------------------------------------------------------------------ what
    @api.model
    def _collect_records(self, partners):
        """``[(descriptor, records)]`` of every suite record about ``partners``."""
        descriptors = self._descriptors()
        common, per_account = self._needles_by_account(partners)
        # First the records linked to the partners, then what hangs on them (``via``).
        linked = []
        by_model = {}
        for descriptor in descriptors:
            model = self.env[descriptor["model"]].with_context(active_test=False)
            records = model.search([(descriptor["partner_field"], "in", partners.ids)])
            linked.append(records)
            by_model[model._name] = by_model.get(model._name, model.browse()) | records
        collected = []
        for descriptor, records in zip(descriptors, linked, strict=True):
            for field_name, via_model in descriptor["via"]:
                if by_model.get(via_model):
                    records |= records.search([(field_name, "in", by_model[via_model].ids)])
            if descriptor.get("payload_field"):
                records |= self._records_by_payload(descriptor, common, per_account)
            collected.append((descriptor, records))
        return collected

    @api.model
    def _records_by_payload(self, descriptor, common, per_account):
        """Raw deliveries linked to nobody yet whose payload is about the person.

        SQL narrows the candidates (ILIKE on e-mails/phones, a regex on contact-id keys per
        account); :func:`payload_mentions` confirms each one on the parsed JSON.
        """
        model = self.env[descriptor["model"]]
        payload_field = descriptor["payload_field"]
        account_field = descriptor.get("account_field")
        model.flush_model()
        table = SQL.identifier(model._table)
        unlinked = SQL("%s IS NULL", SQL.identifier(descriptor["partner_field"]))
        conditions = []
        patterns = like_patterns(common)
        if patterns:
            conditions.append(SQL("%s ILIKE ANY(%s)", SQL.identifier(payload_field), patterns))
        if account_field:
            for account_id, needles in per_account.items():
                regex = contact_id_regex(needles)
                if regex:
                    conditions.append(
                        SQL(
                            "(%s = %s AND %s ~ %s)",
                            SQL.identifier(account_field),
                            account_id,
                            SQL.identifier(payload_field),
                            regex,
                        )
                    )
        if not conditions:
            return model.browse()
        account_column = SQL.identifier(account_field) if account_field else SQL("NULL")
        rows = self.env.execute_query(
            SQL(
                "SELECT id, %s, %s FROM %s WHERE %s AND (%s)",
                account_column,
                SQL.identifier(payload_field),
                table,
                unlinked,
                SQL(" OR ").join(conditions),
            )
        )
        ids = [
            row_id
            for row_id, account_id, payload in rows
            if payload_mentions(payload, per_account.get(account_id, common))
        ]
        return model.browse(ids)

    # ------------------------------------------------------------------ export
    @api.model
    def _export_partner(self, partner):
        """A JSON-ready dict of everything the suite holds on ``partner`` (and its contacts)."""
        self._check_manager()
        partners = self._collect_partners(partner)
        collected = self.sudo()._collect_records(partners)
        sections = {}
        nested = []
        exported = {}
        for descriptor, records in collected:
            rows = self._export_rows(descriptor, records)
            exported[descriptor["model"]] = rows
            if descriptor.get("export_parent"):
                nested.append((descriptor, rows))
            else:
                sections[descriptor["key"]] = rows
        for descriptor, rows in nested:
            parent_model, field_name = descriptor["export_parent"]
            parents = {row["id"]: row for row in exported.get(parent_model, [])}
            orphans = []
            for row in rows:
                parent = parents.get((row.get(field_name) or [None])[0])
                if parent is None:
                    orphans.append(row)
                else:
                    parent.setdefault(descriptor["key"], []).append(row)
            if orphans:
                sections[descriptor["key"]] = orphans
        subjects = [self._export_profile(person) for person in partners]
        return build_document(fields.Datetime.now(), subjects, sections)

    @api.model
    def _export_profile(self, partner):
        names = [name for name in PROFILE_FIELDS if name in partner._fields]
        profile = partner.sudo().read(names)[0]
        if "category_id" in profile:
            profile["category_id"] = partner.sudo().category_id.mapped("name")
        return profile

    @api.model
    def _export_rows(self, descriptor, records):
        if not records:
            return []
        names = [
            name
            for name, field in records._fields.items()
            if field.store and field.type not in ("binary", "one2many", "many2many")
        ]
        rows = records.sudo().read(names)
        payload_field = descriptor.get("payload_field")
        if payload_field:
            for row in rows:
                row[payload_field] = parse_json_or_text(row.get(payload_field))
        return rows

    @api.model
    def _action_export_personal_data(self, partners):
        """Server action on a contact: download the JSON export (LGPD art. 18)."""
        self._check_manager()
        if len(partners) != 1:
            raise UserError(self.env._("Export the personal data of one contact at a time."))
        document = self._export_partner(partners)
        stamp = fields.Datetime.now().strftime("%Y%m%d-%H%M%S")
        # No res_model/res_id: the file is readable by its creator and administrators only,
        # not by everyone who can read the contact. The marker lets an erasure find it.
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"personal-data-{partners.id}-{stamp}.json",
                "raw": dumps(document).encode(),
                "mimetype": "application/json",
                "description": EXPORT_MARKER % partners.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    # ------------------------------------------------------------------ erasure
    @api.model
    def _erase_partner(self, partner, delete_in_chatwoot=False):
        """Remove every trace of the person from the suite and anonymise the partner.

        Returns ``(counts, chatwoot, mentions)``: ``{model name: count}`` of erased records,
        ``{"deleted": n, "failed": n}`` for the optional deletion in Chatwoot, and
        ``{model name: n}`` of the person's mentions replaced in other people's texts.
        """
        self._check_manager()
        service = self.sudo()
        partners = service._collect_partners(partner.sudo())
        service._check_erasable(partners)
        # Everything that identifies the person is read before anything is deleted.
        common, _per_account = service._needles_by_account(partners)
        contacts_in_chatwoot = service._chatwoot_contacts(partners) if delete_in_chatwoot else []
        scrubber = self.env["chatwoot.mention.scrub"].sudo()
        person, names = scrubber._person(partners, common), partners.mapped("name")
        collected = service._collect_records(partners)
        refs = {"res.partner": set(partners.ids)}
        for _descriptor, records in collected:
            refs.setdefault(records._name, set()).update(records.ids)
        counts = {"queue.job": service._erase_jobs(refs, common), "mail.message": 0}
        for descriptor, records in collected:
            records = records.exists()
            counts["mail.message"] += service._unlink_traces(records._name, records.ids)
            counts[descriptor["model"]] = counts.get(descriptor["model"], 0) + len(records)
            records.unlink()
        # What is left is other people's: only the person's mentions go.
        mentions = scrubber._scrub_mentions(person, names)
        counts["mail.message"] += service._erase_suite_notes(partners)
        counts["mail.tracking.value"] = service._erase_tracking_values(partners)
        counts["ir.attachment"] = service._erase_exports(partners)
        counts["res.partner.bank"] = service._erase_bank_accounts(partners)
        counts["res.partner"] = service._anonymise_partners(partners)
        self.env.flush_all()
        chatwoot = service._delete_chatwoot_contacts(contacts_in_chatwoot)
        _logger.info(
            "Erased partner %s (%s contact(s)): %s; mentions replaced: %s",
            partner.id,
            len(partners),
            counts,
            dict(mentions),
        )
        return counts, chatwoot, mentions

    @api.model
    def _unlink_traces(self, model_name, ids):
        """Chatter, activities and attachments hung on records about to be deleted.

        Records of models without ``mail.thread`` do not clean these up themselves.
        Returns the number of chatter messages removed.
        """
        if not ids:
            return 0
        messages = (
            self.env["mail.message"]
            .sudo()
            .search([("model", "=", model_name), ("res_id", "in", ids)])
        )
        count = len(messages)
        messages.unlink()
        self.env["mail.activity"].sudo().search(
            [("res_model", "=", model_name), ("res_id", "in", ids)]
        ).unlink()
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", model_name), ("res_id", "in", ids)]
        ).unlink()
        return count

    @api.model
    def _erase_jobs(self, refs, needles):
        """Delete queued jobs about the person: on or with their records, or carrying their
        e-mail, phone or tokens. Jobs about other people are left alone.

        queue_job stores ``records``, ``args`` and ``kwargs`` as a JSON *string* inside
        jsonb (``"{\\"_type\\": ...}"``): ``#>> '{}'`` unwraps it (and leaves a real object
        as its text), so the SQL works with both forms.
        """
        if "queue.job" not in self.env:
            return 0
        jobs = self.env["queue.job"].sudo()
        jobs.flush_model()
        records = SQL("((records #>> '{}')::jsonb)")
        conditions = [
            SQL(
                "(model_name = %s AND jsonb_typeof(%s->'ids') = 'array' AND EXISTS ("
                "SELECT 1 FROM jsonb_array_elements_text(%s->'ids') AS rid "
                "WHERE rid = ANY(%s)))",
                model_name,
                records,
                records,
                [str(record_id) for record_id in ids],
            )
            for model_name, ids in refs.items()
            if ids
        ]
        arguments = SQL("(COALESCE(args #>> '{}', '') || COALESCE(kwargs #>> '{}', ''))")
        arg_patterns = [f'%"model": "{model_name}"%' for model_name in refs]
        conditions.append(SQL("%s LIKE ANY(%s)", arguments, arg_patterns))
        text_patterns = like_patterns(needles)
        if text_patterns:
            conditions.append(
                SQL(
                    "concat_ws(' ', %s, func_string, name, exc_message, exc_info, result) "
                    "ILIKE ANY(%s)",
                    arguments,
                    text_patterns,
                )
            )
        rows = self.env.execute_query_dict(
            SQL(
                "SELECT id, records #>> '{}' AS records, args #>> '{}' AS args, "
                "kwargs #>> '{}' AS kwargs, func_string, name, exc_message, exc_info, result "
                "FROM queue_job WHERE %s",
                SQL(" OR ").join(conditions),
            )
        )
        ids = [row["id"] for row in rows if job_mentions(self._job_row(row), refs, needles)]
        jobs.browse(ids).unlink()
        return len(ids)

    @api.model
    def _job_row(self, row):
        texts = [row[name] for name in ("func_string", "name", "exc_message", "exc_info")]
        return {
            "records": parse_json_or_text(row["records"]),
            "args": parse_json_or_text(row["args"]),
            "kwargs": parse_json_or_text(row["kwargs"]),
            "texts": [*texts, row["result"]],
        }

    @api.model
    def _erase_suite_notes(self, partners):
        subtypes = self._chatwoot_suite_note_subtypes()
        if not subtypes:
            return 0
        notes = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", "res.partner"),
                    ("res_id", "in", partners.ids),
                    ("subtype_id", "in", subtypes.ids),
                ]
            )
        )
        count = len(notes)
        notes.unlink()
        return count

    @api.model
    def _erase_tracking_values(self, partners):
        """Old values of the anonymised fields in the partner's chatter would undo the
        anonymisation: remove those tracking lines (and messages left empty by it)."""
        names = [name for name in (*ANONYMISED_FIELDS, "name") if name in partners._fields]
        if not self._fiscal_documents(partners):
            names += [name for name in FISCAL_FIELDS if name in partners._fields]
        trackings = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", "res.partner"),
                    ("mail_message_id.res_id", "in", partners.ids),
                    ("field_id.model", "=", "res.partner"),
                    ("field_id.name", "in", names),
                ]
            )
        )
        messages = trackings.mail_message_id
        count = len(trackings)
        trackings.unlink()
        messages.filtered(
            lambda message: not message.tracking_value_ids
            and is_html_empty(message.body)
            and not message.attachment_ids
        ).unlink()
        return count

    @api.model
    def _erase_exports(self, partners):
        exports = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", False),
                    (
                        "description",
                        "in",
                        [EXPORT_MARKER % partner_id for partner_id in partners.ids],
                    ),
                ]
            )
        )
        count = len(exports)
        exports.unlink()
        return count

    @api.model
    def _fiscal_documents(self, partners):
        """Whether posted invoices or bills reference the person: those must be kept."""
        if "account.move" not in self.env:
            return False
        return bool(
            self.env["account.move"]
            .sudo()
            .search_count(
                [
                    ("state", "=", "posted"),
                    "|",
                    ("partner_id", "in", partners.ids),
                    ("commercial_partner_id", "in", partners.ids),
                ],
                limit=1,
            )
        )

    @api.model
    def _erase_bank_accounts(self, partners):
        """Bank accounts go unless posted fiscal documents may need them (payments)."""
        banks = (
            self.env["res.partner.bank"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", partners.ids)])
        )
        if not banks or self._fiscal_documents(partners):
            return 0
        count = len(banks)
        try:
            with self.env.cr.savepoint():
                # res.partner.bank.unlink() only archives, and account's override logs the
                # account number on the partner's chatter: delete through the base ORM
                # method, which still refuses rows that entries reference (foreign keys).
                models.Model.unlink(banks)
        except (UserError, ValidationError, psycopg2.Error) as error:
            _logger.info("Bank accounts of erased partners archived, not deleted: %s", error)
            banks.with_context(tracking_disable=True).write(
                {"active": False, "acc_holder_name": False}
            )
        return count

    @api.model
    def _anonymise_partners(self, partners):
        """Keep the partner (orders and invoices reference it) but not who it was."""
        keep_fiscal = self._fiscal_documents(partners)
        cleared = [name for name in ANONYMISED_FIELDS if name in partners._fields]
        if not keep_fiscal:
            cleared += [name for name in FISCAL_FIELDS if name in partners._fields]
        quiet = partners.with_context(
            tracking_disable=True, mail_notrack=True, mail_create_nolog=True
        )
        for partner in quiet:
            values = {
                name: False
                for name in cleared
                if name not in self._fields_owned_by_parent(partner, partners)
            }
            values["name"] = self.env._("Erased customer #%(id)s", id=partner.id)
            if "category_id" in partner._fields:
                values["category_id"] = [Command.clear()]
            partner.write(values)
        return len(partners)

    @api.model
    def _fields_owned_by_parent(self, partner, partners):
        """Fields that mirror a parent kept out of the erasure (the person's employer).

        Odoo writes a contact's address and synchronised commercial fields (VAT) *up* to its
        parent: clearing them on the person would wipe the company's address and VAT, and
        then every colleague's. They are the parent's data, not the person's: left alone.
        """
        parent = partner.parent_id
        if not parent or parent in partners:
            return set()
        owned = set()
        if partner.commercial_partner_id != partner:
            owned.update(partner._commercial_fields())
        if partner.type == "contact":
            owned.update(partner._address_fields())
        return owned

    # ------------------------------------------------------------------ Chatwoot
    @api.model
    def _chatwoot_contacts(self, partners):
        identities = self._identities(partners).filtered(
            lambda identity: identity.identity_type == "chatwoot"
        )
        return [(identity.account_id, identity.value) for identity in identities]

    @api.model
    def _delete_chatwoot_contacts(self, contacts):
        """Delete the person's contacts in Chatwoot; failures are counted, never raised:
        the local erasure stands whatever Chatwoot answers."""
        result = {"deleted": 0, "failed": 0}
        for account, contact_id in contacts:
            if self._delete_chatwoot_contact(account, contact_id):
                result["deleted"] += 1
            else:
                result["failed"] += 1
        return result

    @api.model
    def _delete_chatwoot_contact(self, account, contact_id):
        """True when Chatwoot no longer has the contact; failures are logged, not raised."""
        try:
            account._chatwoot_client(max_attempts=2, max_retry_after=10).delete_contact(contact_id)
        except (ChatwootError, UserError) as error:
            _logger.warning("Chatwoot contact %s not deleted: %s", contact_id, error)
            return False
        return True

    # ------------------------------------------------------------------ helpers for others
    @api.model
    def _post_suite_note(self, partner, body):
        """Post a note on a partner's chatter as the suite: erasure will remove it."""
        return partner.message_post(
            body=body,
            message_type="comment",
            subtype_id=self._chatwoot_suite_note_subtypes()[:1].id,
        )
