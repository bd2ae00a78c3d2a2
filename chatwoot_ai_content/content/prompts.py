# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Prompts of the content crew for a remote language model.

The offline provider does not read them (the writer works from the facts directly); they
carry the same rules the validator enforces, so a model knows what will be rejected.
"""

from .constants import LIMITS, MAX_HASHTAGS

LANGUAGE_NAMES = {"pt": "Brazilian Portuguese", "es": "Latin American Spanish", "en": "English"}
KIND_TASKS = {
    "short_description": "a short product description",
    "long_description": "a long product description in short paragraphs",
    "seo_title": "an SEO page title",
    "meta_description": "an SEO meta description",
    "bullets": "3 to 5 benefit bullets, one per line starting with •",
    "instagram_caption": "an Instagram caption with relevant hashtags at the end",
    "facebook_post": "a Facebook Page post",
    "whatsapp_broadcast": "a WhatsApp broadcast; greet the customer with {{1}} (first name)",
    "email_subject": "an e-mail subject line",
    "email_body": "a marketing e-mail body; greet the customer with {{1}} (first name)",
    "image_brief": "an image and layout brief for a designer",
}
ROLE = "Copywriter of {company}"
GOAL = "Write product copy that sells, in the brand's voice, using only the product's facts."


def facts_block(facts, price_texts):
    """The product's facts as the model reads them (``price_texts`` already formatted)."""
    lines = [f"Product: {facts.name}"]
    if facts.category:
        lines.append(f"Category: {facts.category}")
    for attribute, values in facts.attributes:
        lines.append(f"{attribute}: {', '.join(values)}")
    if facts.description:
        lines.append(f"Description: {facts.description}")
    lines.extend(f"{label}: {text}" for label, text in price_texts if text)
    lines.extend(f"Shop information: {k}" for k in facts.knowledge)
    if facts.link:
        lines.append(f"Link: {facts.link}")
    return "\n".join(lines)


def task_prompt(kind, facts, voice, language, price_texts, feedback=()):
    """The task description for one piece; ``feedback`` lists why the last try was rejected."""
    rules = [
        f"Write {KIND_TASKS[kind]} in {LANGUAGE_NAMES.get(language, 'Portuguese')}.",
        "Use only the facts below. Never state a number, price, size, material or "
        "ingredient that is not in them. Write prices exactly as given.",
        f"Tone: {voice.tone}. Emojis: {voice.emoji_policy}.",
    ]
    if LIMITS.get(kind):
        rules.append(f"At most {LIMITS[kind]} characters.")
    if kind == "instagram_caption":
        rules.append(
            f"At most {MAX_HASHTAGS} hashtags, only words of the product, category or brand."
        )
    if voice.use_words:
        rules.append(f"Prefer these words: {', '.join(voice.use_words)}.")
    if voice.avoid_words:
        rules.append(f"Never use these words: {', '.join(voice.avoid_words)}.")
    if feedback:
        rules.append("Your previous answer was rejected: " + "; ".join(feedback) + ". Fix it.")
    rules.append("Answer with the text only.")
    return "\n".join(rules) + "\n\n" + facts_block(facts, price_texts)
