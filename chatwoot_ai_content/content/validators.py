# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What makes a piece unfit to publish: too long, bad hashtags, invented facts, banned words.

``validate`` returns a list of ``Issue``; an empty list means the piece may go to review.
Numbers are compared by value, whatever the separators (``59,90`` = ``59.90``), so a price
written the local way matches the product's price.

    >>> from .facts import BrandVoice, ProductFacts
    >>> facts = ProductFacts(key="1", name="Batom Matte 3,5 g", price=59.9)
    >>> [i.code for i in validate("short_description", "Batom Matte 3,5 g: R$ 59,90.", facts)]
    []
    >>> [i.code for i in validate("short_description", "Batom com 12 horas de duração", facts)]
    ['invented_number']
"""

import re
from dataclasses import dataclass

from .constants import LIMITS, MAX_BULLETS, MAX_HASHTAGS, MIN_BULLETS
from .text import fold, hashtag

_TEMPLATE_VARIABLE = re.compile(r"\{\{\s*\d+\s*\}\}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_HASHTAG = re.compile(r"#(\w+)")
_URL = re.compile(r"https?://\S+")
_HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\b")
#: Materials, ingredients and sizes a shop's copy must not claim unless the product says so
#: (normalised, pt / es / en).
CLAIM_TERMS = frozenset(
    """
    algodao algodon cotton couro cuero leather seda silk linho lino linen lana wool
    poliester polyester silicone ouro oro gold prata plata silver aco acero steel bambu bamboo
    vitamina vitamin colageno colageno collagen retinol niacinamida niacinamide parabenos
    parabens vegano vegan organico organic hipoalergenico hypoallergenic
    acido hialuronico hyaluronic keratina queratina keratin argan karite shea aloe
    gluten lactose lactosa acucar azucar sugar cafeina caffeine
    pp gg xg xgg xl xxl xs
    """.split()
)


@dataclass(frozen=True)
class Issue:
    """One reason to reject a piece; ``detail`` names the offending text."""

    code: str
    detail: str = ""

    def __str__(self):
        return f"{self.code}: {self.detail}" if self.detail else self.code


def parse_numbers(token):
    """Possible values of a number as written, in either decimal convention.

    >>> sorted(parse_numbers("1.234,56")), sorted(parse_numbers("59.90")), parse_numbers("38")
    ([1234.56], [59.9], {38.0})
    """
    values = set()
    for thousands, point in ((".", ","), (",", ".")):
        whole, _sep, decimals = token.partition(point)
        if point in decimals:
            continue
        groups = whole.split(thousands)
        if any(len(group) != 3 for group in groups[1:]) or thousands in decimals:
            continue
        values.add(round(float("".join(groups) + "." + (decimals or "0")), 4))
    return values


def allowed_numbers(facts, extra=()):
    """Every value the product's data contains, plus its prices and discount."""
    allowed = set()
    for token in _NUMBER.findall(facts.source_text()):
        allowed |= parse_numbers(token)
    prices = [facts.price]
    if facts.promotion:
        prices += [
            facts.promotion.old_price,
            facts.promotion.new_price,
            facts.promotion.discount_percent,
        ]
    allowed |= {round(float(p), 4) for p in prices if p is not None}
    for value in extra:
        allowed |= parse_numbers(str(value))
    return allowed


def _stated_numbers(text):
    text = _HEX_COLOUR.sub(" ", _URL.sub(" ", _TEMPLATE_VARIABLE.sub(" ", text)))
    return _NUMBER.findall(text)


def validate(kind, text, facts, voice=None, extra_numbers=()):
    """Issues of piece ``text`` of ``kind`` about ``facts``; ``[]`` when it is fit."""
    issues = []
    text = text or ""
    if not text.strip():
        return [Issue("empty")]
    limit = LIMITS.get(kind)
    if limit and len(text) > limit:
        issues.append(Issue("too_long", f"{len(text)} > {limit}"))
    issues += _hashtag_issues(kind, text, facts, voice)
    if kind == "bullets":
        count = len([line for line in text.splitlines() if line.strip()])
        if not MIN_BULLETS <= count <= MAX_BULLETS:
            issues.append(Issue("bullet_count", str(count)))
    allowed = allowed_numbers(facts, extra_numbers)
    for token in _stated_numbers(text):
        if not parse_numbers(token) & allowed:
            issues.append(Issue("invented_number", token))
    source_words = set(fold(facts.source_text()).split())
    for word in sorted(set(fold(_URL.sub(" ", text)).split()) & CLAIM_TERMS - source_words):
        issues.append(Issue("invented_claim", word))
    if voice:
        plain = f" {fold(text)} "
        for word in voice.avoid_words:
            if fold(word) and f" {fold(word)} " in plain:
                issues.append(Issue("avoided_word", word))
    return issues


def _hashtag_issues(kind, text, facts, voice):
    tags = _HASHTAG.findall(text)
    if not tags:
        return []
    issues = []
    if len(tags) > MAX_HASHTAGS:
        issues.append(Issue("too_many_hashtags", f"{len(tags)} > {MAX_HASHTAGS}"))
    if kind not in ("instagram_caption", "facebook_post"):
        return issues
    source = hashtag(facts.source_text())
    words = set(fold(facts.source_text()).split())
    words |= {hashtag(tag) for tag in (voice.hashtags if voice else ())}
    for tag in tags:
        folded = hashtag(tag)
        if folded not in source and folded not in words:
            issues.append(Issue("irrelevant_hashtag", f"#{tag}"))
    return issues
