# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..content.constants import EMOJI_POLICIES, writer_language
from ..content.facts import BrandVoice

TONES = [
    ("friendly", "Friendly"),
    ("professional", "Professional"),
    ("premium", "Premium"),
    ("playful", "Playful"),
]
EMOJI_POLICY_LABELS = {"none": "No emojis", "light": "A few emojis", "rich": "Many emojis"}
CONTENT_LANGUAGES = [("pt_BR", "Portuguese (Brazil)"), ("es_419", "Spanish"), ("en_US", "English")]
_HEX = re.compile(r"^#?[0-9A-Fa-f]{6}$")


def word_list(text):
    """Words or phrases of a comma- or line-separated text, stripped, as a tuple.

    >>> word_list("barato, imperdível\\n promoção ")
    ('barato', 'imperdível', 'promoção')
    """
    return tuple(w.strip() for w in re.split(r"[,\n]", text or "") if w.strip())


class ChatwootBrandVoice(models.Model):
    """How a company writes: the content crew follows it, the validator enforces it."""

    _name = "chatwoot.brand.voice"
    _description = "Brand Voice"
    _rec_name = "company_id"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
    )
    tone = fields.Selection(TONES, required=True, default="friendly")
    use_words = fields.Text(
        string="Words to Use", help="Comma- or line-separated words the crew prefers."
    )
    avoid_words = fields.Text(
        string="Words to Avoid",
        help="Comma- or line-separated words a piece must never contain; a piece with one "
        "is rewritten or sent to review with the reason.",
    )
    emoji_policy = fields.Selection(
        [(p, EMOJI_POLICY_LABELS[p]) for p in EMOJI_POLICIES], required=True, default="light"
    )
    colours = fields.Char(
        string="Brand Colours",
        help="Hex colours separated by commas, e.g. #C2185B, #222222: the palette of image "
        "briefs of products without an image.",
    )
    hashtags = fields.Char(help="Brand hashtags (without #), comma-separated.")
    default_language = fields.Selection(CONTENT_LANGUAGES, required=True, default="pt_BR")
    require_approval = fields.Boolean(
        default=True,
        help="Only ChatwootAI Managers approve pieces. When off, Marketers approve too.",
    )

    _company_uniq = models.Constraint("UNIQUE(company_id)", "A company has one brand voice.")

    @api.constrains("colours")
    def _check_colours(self):
        for voice in self:
            for colour in word_list(voice.colours):
                if not _HEX.match(colour):
                    raise ValidationError(
                        self.env._("%s is not a hex colour such as #C2185B.", colour)
                    )

    @api.model
    def _voice_of(self, company):
        """The company's voice record (sudo), or an empty recordset."""
        return self.sudo().search([("company_id", "=", company.id)], limit=1)

    @api.model
    def _pure_voice(self, company):
        """The pure layer's ``BrandVoice`` of ``company`` (defaults without a record)."""
        voice = self._voice_of(company)
        segment = (
            self.env["chatwoot.business.profile"]
            .sudo()
            .search([("company_id", "=", company.id)], limit=1)
            .segment
        )
        if not voice:
            return BrandVoice(
                language=writer_language(company.partner_id.lang), segment=segment or "retail"
            )
        return BrandVoice(
            tone=voice.tone,
            use_words=word_list(voice.use_words),
            avoid_words=word_list(voice.avoid_words),
            emoji_policy=voice.emoji_policy,
            colours=tuple(c if c.startswith("#") else f"#{c}" for c in word_list(voice.colours)),
            language=writer_language(voice.default_language),
            segment=segment or "retail",
            hashtags=tuple(h.lstrip("#") for h in word_list(voice.hashtags)),
        )

    @api.model
    def _default_language(self, company):
        return self._voice_of(company).default_language or (
            company.partner_id.lang if writer_language(company.partner_id.lang, "") else "pt_BR"
        )

    @api.model
    def _requires_approval(self, company):
        voice = self._voice_of(company)
        return voice.require_approval if voice else True
