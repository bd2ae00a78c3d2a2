# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Message sentiment for pt-BR, es and en: a written lexicon plus a logistic regression.

Two signals are combined, because each fails where the other is good:

* the **lexicon** (``data/sentiment_lexicon_{pt,es,en}.tsv``, written by the team, scores -3..3)
  knows words the training set never saw, and applies the rules a small data set cannot learn
  reliably: a negated word (``neg_`` prefix from :mod:`.text`) counts ``NEGATION_FACTOR`` times its
  score ("não gostei" is negative, "não é ruim" positive), an intensifier before it ("muito",
  "super", "bem", "muy", "very"...) or one after it ("demais", "gostei muito") adds
  ``INTENSIFIER_BOOST`` of its score, and exclamation marks amplify. The sum is squashed to
  -1..1 like VADER's compound score;
* a **logistic regression** over hashed TF-IDF word, bigram and stem features, with the lexicon
  scores as three extra columns, trained at first use on the labelled chat messages the team
  wrote (``data/sentiment_{pt,es,en}.tsv``; public pt-BR review corpora are non-commercial).

``score`` is ``SCORE_MODEL_WEIGHT`` of P(positive) - P(negative) plus the rest of the lexicon
compound, so intensified or repeated praise scores higher than plain praise, and the label is the
most probable class. Accuracy on the hand-written held-out pt-BR set
(``data/sentiment_pt_holdout.tsv``, never used in training) is asserted in the tests.
"""

from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

from . import text as textlib

DATA_DIR = Path(__file__).parent / "data"
LANGUAGES = ("pt", "es", "en")
LABELS = ("negative", "neutral", "positive")
NEGATION_FACTOR = -0.6
INTENSIFIER_BOOST = 0.5
EXCLAMATION_BOOST = 0.25
# VADER's normalisation x / sqrt(x^2 + alpha), with alpha sized for our -3..3 word scores.
COMPOUND_ALPHA = 6.0
SCORE_MODEL_WEIGHT = 0.7


def load_labelled(path):
    """``(texts, labels)`` of a ``text<TAB>label`` file; blank lines and ``#`` comments skipped."""
    texts, labels = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            text, label = line.rsplit("\t", 1)
            texts.append(text)
            labels.append(label.strip())
    return texts, labels


def load_training_set(prefix, languages=LANGUAGES):
    """All shipped ``<prefix>_<language>.tsv`` training rows, languages concatenated."""
    texts, labels = [], []
    for language in languages:
        more_texts, more_labels = load_labelled(DATA_DIR / f"{prefix}_{language}.tsv")
        texts += more_texts
        labels += more_labels
    return texts, labels


class Lexicon:
    """Word scores turned into one weight per hashed feature, so scoring a batch is one product."""

    def __init__(self, word_scores):
        self.word_scores = dict(word_scores)
        features, weights = [], []
        for word, score in self.word_scores.items():
            for feature, weight in self._rule_features(word, score):
                features.append(feature)
                weights.append(weight)
        columns = textlib.feature_indexes(features)
        self.weights = np.zeros(textlib.HASH_FEATURES)
        np.add.at(self.weights, np.asarray(columns, dtype=np.int64), np.asarray(weights))

    @staticmethod
    def _rule_features(word, score):
        """The features carrying ``word``'s score: plain, negated and intensified forms."""
        yield word, score
        if " " in word:  # a two-word phrase is one bigram feature; no rules on top of it
            return
        yield textlib.NEGATION_PREFIX + word, NEGATION_FACTOR * score
        for intensifier in textlib.INTENSIFIERS:
            yield f"{intensifier} {word}", INTENSIFIER_BOOST * score
        for intensifier in textlib.POST_INTENSIFIERS:
            yield f"{word} {intensifier}", INTENSIFIER_BOOST * score

    @classmethod
    def load(cls, languages=LANGUAGES):
        scores = {}
        for language in languages:
            path = DATA_DIR / f"sentiment_lexicon_{language}.tsv"
            words, values = load_labelled(path)
            for word, value in zip(textlib.normalize_many(words), values, strict=True):
                scores[word] = float(value)
        return cls(scores)

    def features(self, normalized, counts):
        """``(n, 3)`` array: compound score, positive mass and negative mass of each text."""
        raw = counts @ self.weights
        positive = counts @ np.maximum(self.weights, 0.0)
        negative = counts @ np.minimum(self.weights, 0.0)
        exclamations = np.fromiter(
            (min(text.count("!"), 3) for text in normalized), float, len(normalized)
        )
        raw = raw * (1.0 + EXCLAMATION_BOOST * exclamations)
        compound = raw / np.sqrt(raw * raw + COMPOUND_ALPHA)
        return np.column_stack([compound, np.tanh(positive / 3.0), np.tanh(negative / 3.0)])


class HashedTextClassifier:
    """TF-IDF over the shared hashed features + lexicon columns + a logistic regression.

    Shared by sentiment and intent; subclasses name their training files and class list.
    """

    TRAINING_PREFIX = None
    C = 4.0

    def __init__(self, lexicon, tfidf, classes, text_coef, lexicon_coef, intercept):
        self.lexicon = lexicon
        self.tfidf = tfidf
        self.classes = list(classes)
        self._text_coef = text_coef  # (HASH_FEATURES, n_classes), dense: one fast product
        self._lexicon_coef = lexicon_coef  # (3, n_classes)
        self._intercept = intercept

    @classmethod
    def train(cls, texts, labels, lexicon=None, seed=0):
        """Fit on labelled texts; only the hashed columns the texts use enter the optimiser.

        A column no training text uses would get a zero weight anyway (its gradient is zero), so
        fitting on the few thousand used columns gives the same model as on all 2^20 of them, in
        a fraction of a second instead of about twenty.
        """
        lexicon = lexicon or Lexicon.load()
        normalized, counts = textlib.featurize(texts)
        tfidf = TfidfTransformer(sublinear_tf=True).fit(counts)
        used = np.unique(counts.indices)
        matrix = sparse.hstack(
            [tfidf.transform(counts)[:, used], lexicon.features(normalized, counts)]
        ).tocsr()
        # newton-cg: about 0.5 s here; lbfgs needs several seconds on these few thousand columns.
        classifier = LogisticRegression(
            C=cls.C, solver="newton-cg", max_iter=500, class_weight="balanced", random_state=seed
        )
        classifier.fit(matrix, labels)
        coef = classifier.coef_
        if coef.shape[0] == 1:  # binary problems come back with one row; make them two-class
            coef = np.vstack([-coef, coef])
            intercept = np.hstack([-classifier.intercept_, classifier.intercept_])
        else:
            intercept = classifier.intercept_
        text_coef = np.zeros((textlib.HASH_FEATURES, coef.shape[0]))
        text_coef[used] = coef[:, : len(used)].T
        return cls(
            lexicon, tfidf, classifier.classes_, text_coef, coef[:, len(used) :].T.copy(), intercept
        )

    @classmethod
    def default(cls):
        """The model trained on the shipped sets, trained once per process and class."""
        cached = cls.__dict__.get("_default")
        if cached is None:
            cached = cls.train(*load_training_set(cls.TRAINING_PREFIX))
            cls._default = cached
        return cached

    def _decision_and_lexicon(self, texts):
        normalized, counts = textlib.featurize(texts)
        lexicon_features = self.lexicon.features(normalized, counts)
        decision = self.tfidf.transform(counts) @ self._text_coef
        decision = decision + lexicon_features @ self._lexicon_coef + self._intercept
        return decision, lexicon_features

    def probabilities(self, texts):
        """``(n, len(classes))`` class probabilities (softmax of the decision function)."""
        if not len(texts):
            return np.zeros((0, len(self.classes)))
        return _softmax(self._decision_and_lexicon(texts)[0])


def _softmax(decision):
    decision = decision - decision.max(axis=1, keepdims=True)
    exp = np.exp(decision)
    return exp / exp.sum(axis=1, keepdims=True)


class SentimentModel(HashedTextClassifier):
    """Three-class message sentiment: ``scores`` in -1..1, ``labels`` negative/neutral/positive."""

    TRAINING_PREFIX = "sentiment"

    def predict(self, texts):
        """``[(label, score)]`` in one pass (what the Odoo side stores per message)."""
        texts = list(texts)
        if not texts:
            return []
        decision, lexicon_features = self._decision_and_lexicon(texts)
        probabilities = _softmax(decision)
        positive = probabilities[:, self.classes.index("positive")]
        negative = probabilities[:, self.classes.index("negative")]
        scores = (
            SCORE_MODEL_WEIGHT * (positive - negative)
            + (1 - SCORE_MODEL_WEIGHT) * lexicon_features[:, 0]
        )
        scores = np.clip(scores, -1.0, 1.0)
        labels = np.asarray(self.classes)[probabilities.argmax(axis=1)]
        return [(str(label), float(score)) for label, score in zip(labels, scores, strict=True)]

    def scores(self, texts):
        return [score for _label, score in self.predict(texts)]

    def labels(self, texts):
        return [label for label, _score in self.predict(texts)]


def lexicon_scores(texts, lexicon=None):
    """Lexicon-only compound scores (-1..1): the rule part of the model, for tests and tuning."""
    lexicon = lexicon or SentimentModel.default().lexicon
    normalized, counts = textlib.featurize(list(texts))
    return lexicon.features(normalized, counts)[:, 0].tolist()


def evaluate(texts, labels, model=None):
    """Accuracy and macro-F1 of ``model`` (default: the shipped one) on labelled texts."""
    model = model or SentimentModel.default()
    predicted = model.labels(texts)
    return {
        "n": len(labels),
        "accuracy": float(accuracy_score(labels, predicted)),
        "macro_f1": float(f1_score(labels, predicted, average="macro")),
    }


def holdout_path(language="pt"):
    return DATA_DIR / f"sentiment_{language}_holdout.tsv"
