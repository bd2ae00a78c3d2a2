# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Prediction over many short texts, shared by the sentiment, intent and topic steps.

Plain Python, no numpy or scikit-learn: the models import it at load time.
"""


def predict_unique(predict, texts):
    """``predict(texts)`` computed once per distinct text: chat messages repeat a lot ("ok",
    "obrigado", "qual o prazo?"), and 300k messages hold about a sixth as many distinct texts.

    >>> predict_unique(lambda texts: [len(t) for t in texts], ["ok", "oi!", "ok"])
    [2, 3, 2]
    """
    distinct = list(dict.fromkeys(texts))
    results = dict(zip(distinct, predict(distinct), strict=True))
    return [results[text] for text in texts]
