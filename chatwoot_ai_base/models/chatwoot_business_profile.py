# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools

SEGMENTS = [
    ("cosmetics", "Cosmetics"),
    ("fashion", "Fashion"),
    ("health", "Health"),
    ("retail", "Retail"),
    ("food", "Food"),
    ("electronics", "Electronics"),
    ("other", "Other"),
]
AGENT_LANGUAGES = [("pt", "Portuguese"), ("es", "Spanish"), ("en", "English")]
#: Odoo language code prefix -> the agent's language code.
LANG_PREFIXES = {"pt": "pt", "es": "es", "en": "en"}


def agent_language(lang_code, default=""):
    """ "pt" / "es" / "en" for an Odoo language code such as ``pt_BR``; ``default`` otherwise."""
    return LANG_PREFIXES.get((lang_code or "")[:2], default)


def text_lines(text):
    """The non-empty, stripped lines of a one-item-per-line text field, as a tuple."""
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def business_profile(values):
    """The pure layer's BusinessProfile for plain ``values`` (the one place that builds it)."""
    from ..ai import BusinessProfile  # noqa: PLC0415 - the ai package loads crewai lazily

    return BusinessProfile(**values)


class ChatwootBusinessProfile(models.Model):
    _name = "chatwoot.business.profile"
    _inherit = ["chatwoot.ormcache.mixin"]  # _profile_values is cached
    _description = "ChatwootAI Business Profile"
    _rec_name = "company_id"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
    )
    segment = fields.Selection(SEGMENTS, required=True, default="retail")
    tone = fields.Char(help="How the agent talks, e.g. friendly, uses emojis sparingly.")
    forbidden_topics = fields.Text(
        help="One topic per line. A customer message about one of them goes to a human."
    )
    escalation_rules = fields.Text(
        help="One phrase per line. A customer message matching one goes to a human."
    )
    default_language = fields.Selection(
        AGENT_LANGUAGES,
        required=True,
        default="pt",
        help="Language of the summaries for agents, and of replies when the customer's "
        "language cannot be told.",
    )
    human_hours = fields.Char(
        string="Human Support Hours",
        help="When people answer, as customers should read it, e.g. seg-sex 9h-18h.",
    )
    extra_instructions = fields.Text(help="Anything else the agent must know or follow.")

    _company_uniq = models.Constraint("UNIQUE(company_id)", "A company has one business profile.")

    @api.model
    def _profile_for(self, company):
        """The company's profile as the agent sees it; a neutral default without a record."""
        return business_profile(self._profile_values(company.id))

    @api.model
    @tools.ormcache("company_id")
    def _profile_values(self, company_id):
        """Plain values of the profile (cached per company, cleared by any profile write)."""
        company = self.env["res.company"].sudo().browse(company_id)
        profile = self.sudo().search([("company_id", "=", company_id)], limit=1)
        values = {
            "company_name": company.name or "",
            "currency": company.currency_id.name or "BRL",
            "default_language": agent_language(company.partner_id.lang, "pt"),
        }
        if profile:
            values.update(
                segment=profile.segment,
                tone=profile.tone or "",
                forbidden_topics=text_lines(profile.forbidden_topics),
                escalation_rules=text_lines(profile.escalation_rules),
                default_language=profile.default_language,
                human_hours=profile.human_hours or "",
                extra_instructions=profile.extra_instructions or "",
            )
        return values
