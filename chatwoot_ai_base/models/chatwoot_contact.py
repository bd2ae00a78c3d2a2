# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

IDENTITY_TYPES = [
    ("chatwoot", "Chatwoot contact"),
    ("whatsapp", "WhatsApp number"),
    ("bsuid", "WhatsApp BSUID"),
    ("email", "E-mail"),
    ("phone", "Phone"),
]


class ChatwootContact(models.Model):
    """One channel identity of a customer: how Chatwoot or a channel knows them.

    A partner may have many (a Chatwoot contact per account, a WhatsApp number, e-mails);
    matching incoming contacts goes through these before phone and e-mail heuristics.
    """

    _name = "chatwoot.contact"
    _description = "Chatwoot Contact Identity"
    _order = "partner_id, identity_type, id"
    _rec_name = "value"

    account_id = fields.Many2one("chatwoot.account", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade")
    identity_type = fields.Selection(IDENTITY_TYPES, required=True)
    value = fields.Char(required=True, help="Contact id, E.164 number, BSUID or e-mail.")
    name = fields.Char(help="Name Chatwoot shows for this identity.")

    _identity_uniq = models.Constraint(
        "UNIQUE(account_id, identity_type, value)",
        "This identity already belongs to a customer of the account.",
    )

    # ------------------------------------------------------------------ matching
    @api.model
    def _match_partner(self, account, contact, channel_type=None, source_id=None):
        """The partner a Chatwoot contact is, found or created, with its identities recorded.

        Order: a known Chatwoot contact id, then the phone in E.164 (for WhatsApp the
        contact inbox's ``source_id`` carries it), then the e-mail. Two partners are never
        merged: an identity already owned by another partner stays with that partner.
        """
        if not contact:
            return self.env["res.partner"]
        phone = self._e164(
            account, contact.get("phone") or self._whatsapp_number(channel_type, source_id)
        )
        email = contact.get("email")
        partner = (
            self._partner_by_identity(account, "chatwoot", str(contact["id"]))
            or self._partner_by_phone(account, phone)
            or self._partner_by_email(account, email)
        )
        if not partner:
            partner = self._create_partner(account, contact, phone, email)
        phone_type = "whatsapp" if channel_type == "Channel::Whatsapp" else "phone"
        identities = [("chatwoot", str(contact["id"])), (phone_type, phone), ("email", email)]
        self._remember_identities(account, partner, identities, contact.get("name"))
        return partner

    @api.model
    def _whatsapp_number(self, channel_type, source_id):
        # WhatsApp's source_id is the wa_id: the number's digits without "+".
        if channel_type == "Channel::Whatsapp" and source_id and str(source_id).isdigit():
            return f"+{source_id}"
        return None

    @api.model
    def _e164(self, account, number):
        if not number:
            return None
        country = account.company_id.country_id or self.env.ref("base.br")
        return self.env["res.partner"]._phone_format(number=number, country=country) or None

    def _partner_by_identity(self, account, identity_type, value):
        if not value:
            return self.env["res.partner"]
        identity = self.search(
            [
                ("account_id", "=", account.id),
                ("identity_type", "=", identity_type),
                ("value", "=", value),
            ],
            limit=1,
        )
        return identity.partner_id

    def _partner_by_phone(self, account, phone):
        if not phone:
            return self.env["res.partner"]
        return (
            self._partner_by_identity(account, "whatsapp", phone)
            or self._partner_by_identity(account, "phone", phone)
            or self._oldest_partner([("phone_sanitized", "=", phone)], account)
        )

    def _partner_by_email(self, account, email):
        if not email:
            return self.env["res.partner"]
        return self._partner_by_identity(account, "email", email) or self._oldest_partner(
            [("email_normalized", "=", email)], account
        )

    def _oldest_partner(self, domain, account):
        # Several partners may share a number (a family, a shop): take the oldest, never merge.
        company_domain = [("company_id", "in", (False, account.company_id.id))]
        return self.env["res.partner"].search(domain + company_domain, order="id", limit=1)

    def _create_partner(self, account, contact, phone, email):
        name = (
            contact.get("name")
            or phone
            or email
            or self.env._("Chatwoot contact %s", contact["id"])
        )
        return self.env["res.partner"].create(
            {
                "name": name,
                "phone": phone,
                "email": email,
                "company_id": False,
                "customer_rank": 1,
            }
        )

    def _remember_identities(self, account, partner, identities, name):
        for identity_type, value in identities:
            if not value:
                continue
            owner = self._partner_by_identity(account, identity_type, value)
            if owner and owner != partner:
                _logger.info(
                    "Chatwoot %s identity %s stays with partner %s, not %s",
                    identity_type,
                    value,
                    owner.id,
                    partner.id,
                )
                continue
            if not owner:
                self.create(
                    {
                        "account_id": account.id,
                        "partner_id": partner.id,
                        "identity_type": identity_type,
                        "value": value,
                        "name": name,
                    }
                )
