# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Intent of a customer message: what the customer wants from the shop (pt-BR, es, en).

A logistic regression over the same TF-IDF features and lexicon columns as the sentiment
model (:class:`.sentiment.LinearTextClassifier`), trained at first use on the labelled chat
messages the team wrote (``data/intent_{pt,es,en}.tsv``). The lexicon columns matter here too:
"complaint" and "compliment" differ mostly by sentiment.

Messages the classifier is unsure about (top probability below ``min_confidence``) can be sent
to an optional ``fallback`` callable, e.g. an LLM prompt on the Odoo side; this module stays pure
and only calls what it is given. Macro-F1 on the hand-written held-out pt-BR set
(``data/intent_pt_holdout.tsv``) is computed by :func:`evaluate` and asserted in the tests.
"""

import numpy as np
from sklearn.metrics import accuracy_score, f1_score

from .sentiment import DATA_DIR, LinearTextClassifier, load_labelled

INTENTS = (
    "purchase",
    "price",
    "order_status",
    "shipping",
    "exchange_return",
    "complaint",
    "compliment",
    "support",
    "other",
)
DEFAULT_MIN_CONFIDENCE = 0.4


class IntentModel(LinearTextClassifier):
    """Nine-intent classifier; ``predict`` returns ``(intent, confidence)`` per text."""

    TRAINING_PREFIX = "intent"
    C = 8.0

    def predict(self, texts, fallback=None, min_confidence=DEFAULT_MIN_CONFIDENCE):
        """``[(intent, confidence)]``; confidence is the top class probability (0..1).

        ``fallback(text)`` is called only for texts whose confidence is below ``min_confidence``.
        It may return an intent, ``(intent, confidence)`` or ``None`` (keep the model's answer).
        A bare intent is accepted at ``min_confidence``: trusted enough to keep, still marked as
        not the classifier's own sure answer.
        """
        texts = list(texts)
        if not texts:
            return []
        probabilities = self.probabilities(texts)
        best = probabilities.argmax(axis=1)
        confidences = probabilities[np.arange(len(texts)), best]
        classes = np.asarray(self.classes)
        result = [
            (str(intent), float(confidence))
            for intent, confidence in zip(classes[best], confidences, strict=True)
        ]
        if fallback is not None:
            for position in np.flatnonzero(confidences < min_confidence):
                result[position] = (
                    _fallback_answer(fallback, texts[position], min_confidence) or result[position]
                )
        return result


def _fallback_answer(fallback, text, min_confidence):
    answer = fallback(text)
    if isinstance(answer, tuple):
        intent, confidence = answer
    else:
        intent, confidence = answer, min_confidence
    if intent not in INTENTS:
        return None
    return str(intent), float(confidence)


def evaluate(texts, labels, model=None, fallback=None):
    """Accuracy, macro-F1 and per-intent F1 of ``model`` (default: the shipped one)."""
    model = model or IntentModel.default()
    predicted = [intent for intent, _confidence in model.predict(texts, fallback=fallback)]
    present = [intent for intent in INTENTS if intent in set(labels)]
    per_intent = f1_score(labels, predicted, labels=present, average=None, zero_division=0)
    return {
        "n": len(labels),
        "accuracy": float(accuracy_score(labels, predicted)),
        "macro_f1": float(
            f1_score(labels, predicted, labels=present, average="macro", zero_division=0)
        ),
        "f1_per_intent": {
            intent: float(value) for intent, value in zip(present, per_intent, strict=True)
        },
    }


def holdout_path(language="pt"):
    return DATA_DIR / f"intent_{language}_holdout.tsv"


def load_holdout(language="pt"):
    return load_labelled(holdout_path(language))
