# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Triage of a public comment: its type, priority and SLA from the analytics models' output.

The sentiment and intent come from ``chatwoot_ai_analytics``'s classifiers (the same ones
that score chat messages); this module adds what a public comment needs on top: spam and
offensive language, a purchase signal, and the order people answer in.

>>> triage("Vocês entregam em Curitiba?", ("neutral", 0.0), ("shipping", 0.8))["comment_type"]
'question'
>>> result = triage("Péssimo, meu pedido nunca chegou!", ("negative", -0.7), ("complaint", 0.9))
>>> result["comment_type"], result["priority"]
('complaint', '3')
>>> spam = triage("GANHE SEGUIDORES GRÁTIS bit.ly/x", ("neutral", 0.0), ("other", 0.3))
>>> spam["comment_type"]
'spam'
>>> triage("Amei! Lindo demais 😍", ("positive", 0.8), ("compliment", 0.9))["comment_type"]
'praise'
>>> triage("kkkk marca a Julia", ("neutral", 0.1), ("purchase", 0.26))["comment_type"]
'other'
"""

import re
import unicodedata

COMMENT_TYPES = [
    ("question", "Question"),
    ("purchase_intent", "Purchase Intent"),
    ("complaint", "Complaint"),
    ("praise", "Praise"),
    ("spam", "Spam or Offensive"),
    ("other", "Other"),
]
LANGUAGES = [("pt", "Portuguese"), ("es", "Spanish"), ("en", "English")]
PRIORITIES = [("0", "Low"), ("1", "Normal"), ("2", "High"), ("3", "Urgent")]
#: Below this confidence the intent model's label is not used (as the analytics fallback).
MIN_INTENT_CONFIDENCE = 0.4
QUESTION_INTENTS = ("price", "shipping", "support", "order_status", "exchange_return")
COMPLAINT_INTENTS = ("complaint",)

SPAM_PATTERNS = [
    r"https?://",
    r"\bbit\.ly\b",
    r"\bwww\.",
    r"\bseguidores\b",
    r"\bfollowers\b",
    r"\bseguidores gratis\b",
    r"\bganhe dinheiro\b",
    r"\bgane dinero\b",
    r"\bearn money\b",
    r"\bpix premiado\b",
    r"\bcrypto\b",
    r"\bbitcoin\b",
    r"\bpromo.{0,10}no meu perfil\b",
    r"\bchama no (pv|direct|inbox)\b.*\b(ganh|lucr)",
]
OFFENSIVE_WORDS = {
    "idiota", "idiotas", "lixo", "merda", "porra", "caralho", "otario", "otarios", "fdp",
    "vagabundo", "vagabundos", "ladrao", "ladroes", "imbecil", "estupido", "mierda",
    "pendejo", "imbecile", "idiot", "idiots", "shit", "fuck", "scammers", "bastard",
}  # fmt: skip
PURCHASE_PATTERNS = [
    r"\bquero\b",
    r"\bquero comprar\b",
    r"\bcomo (eu )?compro\b",
    r"\bonde compro\b",
    r"\bcomprar\b",
    r"\bmanda o link\b",
    r"\bpassa o link\b",
    r"\btem (no|na|em) (tamanho|cor|estoque)\b",
    r"\bquiero\b",
    r"\bcomprarlo\b",
    r"\bwant to buy\b",
    r"\bhow (can|do) i (buy|order)\b",
]


def plain(text):
    """Lower case, no accents: customers skip them."""
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in text if not unicodedata.combining(char)).lower()


def is_spam(text):
    flat = plain(text)
    if any(re.search(pattern, flat) for pattern in SPAM_PATTERNS):
        return True
    words = set(re.findall(r"\w+", flat))
    return bool(words & OFFENSIVE_WORDS)


def triage(text, sentiment, intent, sla_hours=None):
    """``{"comment_type", "priority", "sla_hours"}`` for a comment.

    ``sentiment`` is ``(label, score)`` and ``intent`` ``(label, confidence)`` as the analytics
    models predict them; ``sla_hours`` is ``(normal, urgent)`` from the account's policy.
    Complaints and negative comments come first, then purchase intent, then questions.
    """
    sentiment_label, score = sentiment
    intent_label, confidence = intent
    if confidence < MIN_INTENT_CONFIDENCE:
        intent_label = "other"
    flat = plain(text)
    if is_spam(text):
        comment_type = "spam"
    elif intent_label in COMPLAINT_INTENTS or (sentiment_label == "negative" and score < -0.3):
        comment_type = "complaint"
    elif intent_label == "purchase" or any(re.search(p, flat) for p in PURCHASE_PATTERNS):
        comment_type = "purchase_intent"
    elif "?" in text or intent_label in QUESTION_INTENTS:
        comment_type = "question"
    elif intent_label == "compliment" or sentiment_label == "positive":
        comment_type = "praise"
    else:
        comment_type = "other"
    if comment_type == "complaint" or sentiment_label == "negative" and comment_type != "spam":
        priority = "3"
    elif comment_type == "purchase_intent":
        priority = "2"
    elif comment_type == "question":
        priority = "1"
    else:
        priority = "0"
    normal, urgent = sla_hours or (None, None)
    hours = None
    if priority == "3":
        hours = urgent
    elif priority in ("1", "2"):
        hours = normal
    return {"comment_type": comment_type, "priority": priority, "sla_hours": hours}
