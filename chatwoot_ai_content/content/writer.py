# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The offline writer: useful, varied copy from a product's facts, with no language model.

Choices between alternative phrasings are seeded by the product's key, the kind and the slot,
so the same product always gets the same text (tests and reviews are reproducible) while two
products of one category get different openings, hooks and calls to action. Every figure in
the text comes from the product (its name, attributes, description and price), never from a
template.
"""

import re
import zlib

from .briefs import brief_text
from .constants import LIMITS, MAX_BULLETS, MIN_BULLETS
from .phrases import DEFAULT_EMOJIS, EMOJIS, PHRASES
from .text import capitalise, fold, hashtag, join_words, truncate

FIRST_NAME = "{{1}}"


class OfflineWriter:
    """Writes one piece of ``kind`` for ``facts`` in ``language`` with the brand ``voice``.

    ``format_price(amount, currency, language)`` writes prices the local way (injected by
    the model layer: the base addon's formatter).
    """

    def __init__(self, format_price):
        self.format_price = format_price

    def compose(self, kind, facts, voice, language, briefs=()):
        """The text of one piece; ``briefs`` are ``briefs.build_brief`` dicts (image briefs)."""
        language = language if language in PHRASES else "pt"
        method = getattr(self, f"_{kind}")
        if kind == "image_brief":
            return method(facts, voice, language, briefs)
        return method(facts, voice, language)

    # Helpers ---------------------------------------------------------------------------------

    def _pick(self, facts, language, slot, kind=""):
        options = PHRASES[language][slot]
        seed = zlib.crc32(f"{facts.key}|{facts.name}|{kind}|{slot}".encode())
        return options[seed % len(options)]

    def _values(self, facts, language):
        price = self.format_price(facts.price, facts.currency, language) if facts.price else ""
        values = {
            "name": facts.name,
            "category": (facts.category or facts.name).lower(),
            "company": facts.company or facts.name,
            "price": price,
            "first_name": FIRST_NAME,
            "link": facts.link,
            "campaign": "",
            "old": "",
            "new": "",
            "percent": "",
        }
        if facts.promotion:
            promo = facts.promotion
            values.update(
                old=self.format_price(promo.old_price, facts.currency, language),
                new=self.format_price(promo.new_price, facts.currency, language),
                percent=str(promo.discount_percent),
                campaign=promo.campaign,
            )
        values["lead"] = self._lead(facts, language, values)
        values["Lead"] = capitalise(values["lead"])
        return values

    def _lead(self, facts, language, values):
        described = facts.description_sentences()
        if described:
            lead = described[0]
            return lead[0].lower() + lead[1:] if lead[:2].istitle() and len(lead) > 1 else lead
        return self._pick(facts, language, "lead_fallback").format(**values)

    def _phrase(self, facts, language, slot, values, kind=""):
        return self._pick(facts, language, slot, kind).format(**values)

    def _attribute_lines(self, facts, language, slot="attribute", kind=""):
        lines = []
        for attribute, values in facts.attributes:
            if not values:
                continue
            template = (
                PHRASES[language][slot]
                if isinstance(PHRASES[language][slot], str)
                else self._pick(facts, language, slot, kind + attribute)
            )
            line = template.format(
                attribute=attribute.lower() if slot == "attribute" else attribute,
                values=join_words(values, PHRASES[language]["and"]),
            )
            lines.append(capitalise(line))
        return lines

    def _price_line(self, facts, language, values, kind):
        if facts.promotion and facts.promotion.discount_percent:
            line = self._phrase(facts, language, "offer", values, kind)
            if facts.promotion.campaign:
                line = f"{PHRASES[language]['offer_campaign'].format(**values)} {line}"
            return line
        if values["price"]:
            return self._phrase(facts, language, "price", values, kind)
        return ""

    def _closing(self, facts, language, values, kind):
        slot = "closing" if facts.promotion else "closing_plain"
        return self._phrase(facts, language, slot, values, kind)

    def _emojis(self, facts, voice):
        if voice.emoji_policy == "none":
            return ("", "")
        words = fold(f"{facts.category} {facts.name}")
        for stems, first, second in EMOJIS:
            if any(stem in words for stem in stems):
                return (first, second)
        return DEFAULT_EMOJIS

    def _hashtags(self, facts, voice):
        words = [facts.category, facts.name, facts.company]
        for _attribute, values in facts.attributes:
            words.extend(values)
        tags = []
        for word in words + list(voice.hashtags):
            tag = hashtag(word)
            if tag and tag not in tags:
                tags.append(tag)
        # Single words of a multi-word name are relevant too ("#batom", "#matte").
        for word in re.findall(r"[^\W\d_]{4,}", f"{facts.name} {facts.category}"):
            tag = hashtag(word)
            if tag not in tags:
                tags.append(tag)
        return tags[:12]

    # Kinds ---------------------------------------------------------------------------------

    def _short_description(self, facts, voice, language):
        values = self._values(facts, language)
        text = self._phrase(facts, language, "short_open", values, "short")
        return truncate(text, LIMITS["short_description"])

    def _long_description(self, facts, voice, language):
        values = self._values(facts, language)
        paragraphs = [self._phrase(facts, language, "intro", values, "long")]
        described = facts.description_sentences()
        if described:
            paragraphs.append(". ".join(described) + ".")
        attributes = self._attribute_lines(facts, language, kind="long")
        if attributes:
            paragraphs.append(" ".join(attributes))
        if facts.knowledge:
            paragraphs.append(" ".join(k.rstrip(".") + "." for k in facts.knowledge[:2]))
        closing = " ".join(p for p in (self._price_line(facts, language, values, "long"),) if p)
        closing = f"{closing} {self._closing(facts, language, values, 'long')}".strip()
        paragraphs.append(closing)
        return truncate("\n\n".join(paragraphs), LIMITS["long_description"])

    def _seo_title(self, facts, voice, language):
        values = self._values(facts, language)
        title = self._phrase(facts, language, "seo", values, "seo")
        if facts.company and len(title) + len(facts.company) + 3 <= LIMITS["seo_title"]:
            title = f"{title} | {facts.company}"
        return truncate(title, LIMITS["seo_title"], ellipsis=False)

    def _meta_description(self, facts, voice, language):
        values = self._values(facts, language)
        text = self._phrase(facts, language, "meta", values, "meta")
        price = self._price_line(facts, language, values, "meta")
        if price and len(text) + len(price) + 1 <= LIMITS["meta_description"]:
            text = f"{text} {price}"
        return truncate(text, LIMITS["meta_description"])

    def _bullets(self, facts, voice, language):
        values = self._values(facts, language)
        bank = PHRASES[language]
        bullets = [s for s in facts.description_sentences() if len(s) <= 120][:2]
        bullets += self._attribute_lines(facts, language, "bullet_attribute")
        if facts.promotion and facts.promotion.discount_percent:
            bullets.append(bank["bullet_offer"].format(**values))
        elif values["price"]:
            bullets.append(bank["bullet_price"].format(**values))
        fillers = list(facts.knowledge)
        if facts.promotion and facts.promotion.discount_percent:
            fillers.insert(0, bank["bullet_percent"].format(**values))
        if facts.category:
            fillers.append(bank["bullet_category"].format(**values))
        if facts.company:
            fillers.append(bank["bullet_company"].format(**values))
        for filler in fillers:
            if len(bullets) >= MIN_BULLETS:
                break
            bullets.append(filler.rstrip("."))
        return "\n".join(f"• {b.rstrip('.')}" for b in bullets[:MAX_BULLETS])

    def _instagram_caption(self, facts, voice, language):
        values = self._values(facts, language)
        first, second = self._emojis(facts, voice)
        lines = [f"{self._phrase(facts, language, 'hook', values, 'ig')} {first}".strip()]
        described = facts.description_sentences()
        if described:
            lines.append(described[0] + ".")
        attributes = self._attribute_lines(facts, language, kind="ig")
        lines.extend(attributes[:2])
        price = self._price_line(facts, language, values, "ig")
        if price:
            suffix = f" {second}" if voice.emoji_policy == "rich" else ""
            lines.append(price + suffix)
        lines.append(self._phrase(facts, language, "cta_social", values, "ig"))
        text = "\n".join(lines)
        tags = " ".join(f"#{t}" for t in self._hashtags(facts, voice))
        limit = LIMITS["instagram_caption"] - len(tags) - 2
        return f"{truncate(text, limit)}\n\n{tags}".strip()

    def _facebook_post(self, facts, voice, language):
        values = self._values(facts, language)
        first, _second = self._emojis(facts, voice)
        paragraphs = [f"{self._phrase(facts, language, 'hook', values, 'fb')} {first}".strip()]
        paragraphs.append(self._phrase(facts, language, "intro", values, "fb"))
        described = facts.description_sentences()
        if described:
            paragraphs.append(". ".join(described[:3]) + ".")
        attributes = self._attribute_lines(facts, language, kind="fb")
        if attributes:
            paragraphs.append(" ".join(attributes))
        price = self._price_line(facts, language, values, "fb")
        closing = f"{price} {self._closing(facts, language, values, 'fb')}".strip()
        paragraphs.append(closing)
        if facts.link:
            paragraphs.append(PHRASES[language]["cta_link"].format(**values))
        return truncate("\n\n".join(paragraphs), LIMITS["facebook_post"])

    def _whatsapp_broadcast(self, facts, voice, language):
        values = self._values(facts, language)
        first, _second = self._emojis(facts, voice)
        lines = [f"{self._phrase(facts, language, 'wa_open', values, 'wa')} {first}".strip()]
        described = facts.description_sentences()
        if described:
            lines.append(described[0] + ".")
        price = self._price_line(facts, language, values, "wa")
        if price:
            lines.append(price)
        if facts.link:
            lines.append(facts.link)
        lines.append(self._phrase(facts, language, "wa_close", values, "wa"))
        return truncate("\n".join(lines), LIMITS["whatsapp_broadcast"])

    def _email_subject(self, facts, voice, language):
        values = self._values(facts, language)
        slot = (
            "subject_offer" if facts.promotion and facts.promotion.discount_percent else "subject"
        )
        subject = self._phrase(facts, language, slot, values, "subject")
        if len(subject) > LIMITS["email_subject"]:
            subject = facts.name
        return truncate(subject, LIMITS["email_subject"], ellipsis=False)

    def _email_body(self, facts, voice, language):
        values = self._values(facts, language)
        bank = PHRASES[language]
        paragraphs = [bank["mail_greeting"].format(**values)]
        paragraphs.append(self._phrase(facts, language, "intro", values, "mail"))
        described = facts.description_sentences()
        if described:
            paragraphs.append(". ".join(described[:3]) + ".")
        bullets = self._bullets(facts, voice, language)
        paragraphs.append(bullets)
        price = self._price_line(facts, language, values, "mail")
        paragraphs.append(f"{price} {self._closing(facts, language, values, 'mail')}".strip())
        if facts.link:
            paragraphs.append(bank["cta_link"].format(**values))
        paragraphs.append(bank["mail_sign"].format(**values))
        return "\n\n".join(paragraphs)

    def _image_brief(self, facts, voice, language, briefs):
        """The briefs' text for designers (the structured briefs are built by ``briefs``)."""
        values = self._values(facts, language)
        headline = truncate(facts.name, 40, ellipsis=False)
        overlay = values["new"] or values["price"] or headline
        return "\n\n".join(
            brief_text(brief, facts, language, headline=headline, overlay=overlay)
            for brief in briefs
        )
