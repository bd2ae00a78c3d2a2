# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the crew may say about a product: the facts, the brand's voice and an offer.

Everything the writer states comes from a ``ProductFacts``; the validator checks the text
against ``ProductFacts.source_text()``.
"""

import re
from dataclasses import dataclass, field

_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


def plain_text(html):
    """Text of ``html`` without tags and with whitespace collapsed.

    >>> plain_text("<p>Batom <b>matte</b></p>\\n<p>longa duração</p>")
    'Batom matte longa duração'
    """
    text = _TAGS.sub(" ", html or "")
    text = text.replace("&nbsp;", " ").replace("&amp;", "&")
    return _SPACES.sub(" ", text).strip()


def sentences(text):
    """The sentences of a plain text, stripped, without the final period.

    >>> sentences("Hidrata. Não resseca! Dura o dia")
    ['Hidrata', 'Não resseca!', 'Dura o dia']
    """
    parts = re.split(r"(?<=[.!?])\s+", plain_text(text))
    return [p.rstrip(".").strip() for p in parts if p.strip(" .")]


@dataclass(frozen=True)
class Promotion:
    """A real offer: the prices come from the pricelist or the discount the marketer set."""

    old_price: float
    new_price: float
    campaign: str = ""

    @property
    def discount_percent(self):
        """Rounded percentage off (0 when there is no discount)."""
        if not self.old_price or self.new_price >= self.old_price:
            return 0
        return round(100 * (self.old_price - self.new_price) / self.old_price)


@dataclass(frozen=True)
class ProductFacts:
    """One product as the crew sees it. ``attributes`` is a tuple of (name, (values, ...))."""

    key: str
    name: str
    category: str = ""
    description: str = ""
    attributes: tuple = ()
    price: float | None = None
    currency: str = "BRL"
    company: str = ""
    knowledge: tuple = ()
    link: str = ""
    promotion: Promotion | None = None

    def description_sentences(self):
        return sentences(self.description)

    def source_text(self):
        """All the product's data as one text: what a piece may state."""
        parts = [self.name, self.category, self.description, self.company]
        for attribute, values in self.attributes:
            parts.append(attribute)
            parts.extend(values)
        parts.extend(self.knowledge)
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class BrandVoice:
    """How the company writes: tone, words to use and to avoid, emojis, colours, language."""

    tone: str = "friendly"
    use_words: tuple = ()
    avoid_words: tuple = ()
    emoji_policy: str = "light"
    colours: tuple = ()
    language: str = "pt"
    segment: str = "retail"
    hashtags: tuple = field(default=())
