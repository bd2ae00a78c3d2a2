# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Message variants for an A/B/n campaign: several angles on one offer, with placeholders.

The campaign addon (when installed) gives a :class:`VariantBrief`: the campaign's name, its
goal, the offer in its own words, the coupon, and the placeholders its renderer knows. Each
variant takes another angle (a personal note, the benefit, urgency, a question…), so the texts
differ from one another, and uses only placeholders of the brief: the campaign validates them
again when they are saved.

>>> brief = VariantBrief("Semana do Cliente", offer="10% em tudo", coupon="CLIENTE10",
...                      placeholders=("first_name", "favourite_category", "coupon", "company"))
>>> texts = [v.text for v in write_offline(brief, 3, "pt", seed="7")]
>>> len(set(texts)), all("{first_name}" in text for text in texts)
(3, True)
>>> variant_issues("Oi {first_name}, use {cupom}!", brief.placeholders)
['unknown placeholder {cupom}']
"""

import re
import zlib
from dataclasses import dataclass

#: The placeholders a variant may use when the brief names none.
DEFAULT_PLACEHOLDERS = ("first_name", "company")
PLACEHOLDER_RE = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
MAX_LENGTH = 700

#: One text per angle and language; ``{offer}``, ``{campaign}`` and ``{coupon_line}`` are
#: filled here, the ``{{…}}`` fields become the campaign's placeholders.
ANGLES = {
    "pt": {
        "personal": (
            "Oi {{first_name}}! Separamos algo especial para você na {campaign}: {offer}."
            "{coupon_line}"
        ),
        "benefit": (
            "{{first_name}}, {offer} na {campaign}. Mais escolhas de {{favourite_category}} "
            "pelo melhor preço.{coupon_line}"
        ),
        "urgency": (
            "Últimos dias da {campaign}, {{first_name}}! {offer} só até acabar o estoque."
            "{coupon_line}"
        ),
        "question": (
            "{{first_name}}, já viu a {campaign}? {offer} e novidades de "
            "{{favourite_category}} esperando por você.{coupon_line}"
        ),
        "thanks": (
            "Obrigado por comprar com a {{company}}, {{first_name}}! Como agradecimento: "
            "{offer} na {campaign}.{coupon_line}"
        ),
    },
    "es": {
        "personal": (
            "¡Hola {{first_name}}! Preparamos algo especial para ti en {campaign}: {offer}."
            "{coupon_line}"
        ),
        "benefit": (
            "{{first_name}}, {offer} en {campaign}. Más opciones de {{favourite_category}} "
            "al mejor precio.{coupon_line}"
        ),
        "urgency": (
            "¡Últimos días de {campaign}, {{first_name}}! {offer} hasta agotar stock.{coupon_line}"
        ),
        "question": (
            "{{first_name}}, ¿ya viste {campaign}? {offer} y novedades de "
            "{{favourite_category}} te esperan.{coupon_line}"
        ),
        "thanks": (
            "¡Gracias por comprar en {{company}}, {{first_name}}! Para agradecerte: {offer} "
            "en {campaign}.{coupon_line}"
        ),
    },
    "en": {
        "personal": (
            "Hi {{first_name}}! We saved something special for you in {campaign}: {offer}."
            "{coupon_line}"
        ),
        "benefit": (
            "{{first_name}}, {offer} in {campaign}. More {{favourite_category}} choices at "
            "the best price.{coupon_line}"
        ),
        "urgency": (
            "Last days of {campaign}, {{first_name}}! {offer} while stocks last.{coupon_line}"
        ),
        "question": (
            "{{first_name}}, have you seen {campaign}? {offer} and new "
            "{{favourite_category}} picks are waiting for you.{coupon_line}"
        ),
        "thanks": (
            "Thank you for shopping at {{company}}, {{first_name}}! To say thanks: {offer} "
            "in {campaign}.{coupon_line}"
        ),
    },
}
COUPON_LINES = {
    "pt": " Use o cupom {coupon}.",
    "es": " Usa el cupón {coupon}.",
    "en": " Use the coupon {coupon}.",
}
DEFAULT_OFFERS = {"pt": "ofertas exclusivas", "es": "ofertas exclusivas", "en": "exclusive deals"}


@dataclass(frozen=True)
class VariantBrief:
    """What the variants are about (plain data handed over by the campaign addon)."""

    campaign: str
    goal: str = "reply"  # reply / conversion
    offer: str = ""
    coupon: str = ""
    placeholders: tuple = DEFAULT_PLACEHOLDERS
    company: str = ""


@dataclass(frozen=True)
class VariantText:
    angle: str
    text: str
    prompt: str = ""


def variant_issues(text, placeholders):
    """Why ``text`` is not a usable variant ([] when it is)."""
    issues = []
    if not (text or "").strip():
        return ["empty text"]
    for name in dict.fromkeys(PLACEHOLDER_RE.findall(text)):
        if name not in placeholders:
            issues.append(f"unknown placeholder {{{name}}}")
    if len(text) > MAX_LENGTH:
        issues.append(f"longer than {MAX_LENGTH} characters")
    return issues


def _strip_unknown(text, placeholders):
    """Drop the sentence parts naming a placeholder the campaign cannot fill."""

    def replace(match):
        return match.group(0) if match.group(1) in placeholders else ""

    return re.sub(r"\s{2,}", " ", PLACEHOLDER_RE.sub(replace, text)).strip()


def angles_for(brief, count, seed=""):
    """``count`` angles (cycling when more are asked than there are), in a stable order
    that depends on the campaign, so two campaigns do not open alike."""
    names = sorted(ANGLES["en"])
    start = zlib.crc32(f"{seed}|{brief.campaign}".encode()) % len(names)
    ordered = names[start:] + names[:start]
    return [ordered[i % len(ordered)] for i in range(count)]


def variant_prompt(brief, angle, language):
    """The instruction for a language model writing one variant."""
    names = ", ".join(f"{{{name}}}" for name in brief.placeholders)
    return (
        f"Write one short {language} marketing message for the campaign '{brief.campaign}' "
        f"(goal: {brief.goal}). Offer: {brief.offer or 'the shop’s current deals'}. "
        f"Angle: {angle}. Use only these placeholders, exactly as written: {names}. "
        "Start with the person's first name. No links, no prices that are not in the offer. "
        "Answer with the message only."
    )


def write_offline(brief, count, language, seed=""):
    """``count`` variants of ``brief`` in ``language`` (pt / es / en), all different."""
    language = language if language in ANGLES else "pt"
    offer = brief.offer.strip().rstrip(".") or DEFAULT_OFFERS[language]
    coupon_line = COUPON_LINES[language] if brief.coupon else ""
    variants, seen = [], set()
    for index, angle in enumerate(angles_for(brief, count, seed)):
        text = ANGLES[language][angle].format(
            offer=offer, campaign=brief.campaign, coupon_line=coupon_line
        )
        text = _strip_unknown(text, brief.placeholders)
        if text in seen:  # more variants than angles: number the repeats
            text = f"{text} ({index + 1})"
        seen.add(text)
        variants.append(VariantText(angle, text, variant_prompt(brief, angle, language)))
    return variants
