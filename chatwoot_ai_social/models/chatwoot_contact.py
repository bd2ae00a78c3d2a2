# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

SOCIAL_IDENTITY_TYPES = [
    ("facebook", "Facebook PSID / ASID"),
    ("instagram", "Instagram IGSID"),
    ("instagram_username", "Instagram username"),
    ("mercadolivre", "Mercado Livre user id"),
]
#: The identity kind a comment author's id is, per platform.
AUTHOR_IDENTITY = {
    "facebook": "facebook",
    "instagram": "instagram",
    "mercadolivre": "mercadolivre",
}


class ChatwootContact(models.Model):
    """Channel identities of social accounts, next to the Chatwoot ones.

    A social identity belongs to a ``chatwoot.social.account`` instead of a Chatwoot
    account; its company comes from whichever of the two it has.
    """

    _inherit = "chatwoot.contact"

    identity_type = fields.Selection(
        selection_add=SOCIAL_IDENTITY_TYPES,
        ondelete={key: "cascade" for key, _label in SOCIAL_IDENTITY_TYPES},
    )
    account_id = fields.Many2one(required=False)
    social_account_id = fields.Many2one(
        "chatwoot.social.account", index="btree_not_null", ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", related=False, compute="_compute_company_id", store=True, index=True
    )

    _social_identity_uniq = models.UniqueIndex(
        "(social_account_id, identity_type, value) WHERE social_account_id IS NOT NULL"
    )
    _has_account = models.Constraint(
        "CHECK(account_id IS NOT NULL OR social_account_id IS NOT NULL)",
        "An identity belongs to a Chatwoot account or a social account.",
    )

    @api.depends("account_id.company_id", "social_account_id.company_id")
    def _compute_company_id(self):
        for identity in self:
            identity.company_id = (
                identity.account_id.company_id or identity.social_account_id.company_id
            )

    # ------------------------------------------------------------------ social matching
    @api.model
    def _social_partner(self, account, identity_type, value):
        """The partner owning ``value`` of ``identity_type`` in the account's company."""
        if not value:
            return self.env["res.partner"]
        identity = self.search(
            [
                ("company_id", "=", account.company_id.id),
                ("identity_type", "=", identity_type),
                ("value", "=", value),
            ],
            order="id",
            limit=1,
        )
        return identity.partner_id

    @api.model
    def _remember_social(self, account, partner, identity_type, value, name=None):
        """The identity record, created when new; one owned by another partner is left alone."""
        if not value:
            return self.browse()
        identity = self.search(
            [
                ("social_account_id", "=", account.id),
                ("identity_type", "=", identity_type),
                ("value", "=", value),
            ],
            limit=1,
        )
        if identity:
            return identity
        return self.create(
            {
                "social_account_id": account.id,
                "partner_id": partner.id,
                "identity_type": identity_type,
                "value": value,
                "name": name,
            }
        )

    @api.model
    def _match_social_author(self, account, author_id, name, username=None):
        """The partner a comment or question author is, found or created."""
        identity_type = AUTHOR_IDENTITY.get(account.platform, "facebook")
        partner = self._social_partner(account, identity_type, author_id)
        if not partner and username:
            partner = self._social_partner(account, "instagram_username", username)
        if not partner:
            partner = self.env["res.partner"].create(
                {"name": name or username or author_id, "company_id": False}
            )
        self._remember_social(account, partner, identity_type, author_id, name)
        if account.platform == "instagram" and (username or name):
            self._remember_social(account, partner, "instagram_username", username or name)
        return partner

    @api.model
    def _match_whatsapp(self, account, data):
        """``(partner, identity)`` of a WhatsApp sender, by BSUID first, then by ``wa_id``.

        A BSUID seen on another partner's number is evidence for a merge suggestion, never a
        silent merge.
        """
        bsuid = data.get("user_id")
        phone = self._e164_social(account, data.get("wa_id"))
        by_bsuid = self._social_partner(account, "bsuid", bsuid)
        by_phone = self._social_partner(account, "whatsapp", phone) or (
            phone
            and self.env["res.partner"].search(
                [("phone_sanitized", "=", phone)], order="id", limit=1
            )
        )
        by_phone = by_phone or self.env["res.partner"]
        if by_bsuid and by_phone and by_bsuid != by_phone:
            self.env["chatwoot.identity.suggestion"]._suggest(
                by_bsuid, by_phone, "bsuid_moved", bsuid, company=account.company_id
            )
        partner = by_bsuid or by_phone
        if not partner:
            partner = self.env["res.partner"].create(
                {
                    "name": data.get("name") or data.get("username") or phone or bsuid,
                    "phone": phone,
                    "company_id": False,
                }
            )
        identity = self._remember_social(account, partner, "bsuid", bsuid, data.get("name"))
        phone_identity = self._remember_social(
            account, partner, "whatsapp", phone, data.get("name")
        )
        return partner, identity or phone_identity

    @api.model
    def _e164_social(self, account, wa_id):
        if not wa_id or not str(wa_id).isdigit():
            return None
        country = account.company_id.country_id or self.env.ref("base.br")
        return (
            self.env["res.partner"]._phone_format(number=f"+{wa_id}", country=country)
            or f"+{wa_id}"
        )
