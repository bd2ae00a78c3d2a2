# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Kinds of content, their channels and their length limits (defined once, imported everywhere)."""

KINDS = (
    "short_description",
    "long_description",
    "seo_title",
    "meta_description",
    "bullets",
    "instagram_caption",
    "facebook_post",
    "whatsapp_broadcast",
    "email_subject",
    "email_body",
    "image_brief",
)
CHANNELS = ("website", "instagram", "facebook", "whatsapp", "email", "design")
CHANNEL_OF_KIND = {
    "short_description": "website",
    "long_description": "website",
    "seo_title": "website",
    "meta_description": "website",
    "bullets": "website",
    "instagram_caption": "instagram",
    "facebook_post": "facebook",
    "whatsapp_broadcast": "whatsapp",
    "email_subject": "email",
    "email_body": "email",
    "image_brief": "design",
}
#: Maximum characters per kind (None: no limit of the platform).
LIMITS = {
    "short_description": 160,
    "seo_title": 60,
    "meta_description": 155,
    "instagram_caption": 2200,
    "whatsapp_broadcast": 1024,
    "email_subject": 60,
    "facebook_post": 5000,
    "long_description": 9999,
    "email_body": 9999,
}
MAX_HASHTAGS = 30
MIN_BULLETS, MAX_BULLETS = 3, 5
LANGUAGES = ("pt", "es", "en")
#: Odoo language code -> writer language, and back.
ODOO_LANGUAGES = {"pt": "pt_BR", "es": "es_419", "en": "en_US"}
EMOJI_POLICIES = ("none", "light", "rich")
TONES = ("friendly", "professional", "premium", "playful")


def writer_language(code, default="pt"):
    """ "pt" / "es" / "en" for an Odoo language code such as ``es_419``.

    >>> writer_language("es_419"), writer_language("en_US"), writer_language("fr_FR")
    ('es', 'en', 'pt')
    """
    prefix = (code or "")[:2]
    return prefix if prefix in LANGUAGES else default
