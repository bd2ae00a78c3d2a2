# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Conversation topics: TF-IDF + NMF, readable labels, trending topics per period.

* :func:`fit_topics` fits on a seeded sample of at most ``max_docs`` messages (the vocabulary and
  the topic-term matrix), so a nightly refresh over 300k messages stays bounded; the returned
  :class:`TopicModel` then assigns every message in one batch (:meth:`TopicModel.assign`).
* Texts are normalised by :mod:`.text` (lowercase, no accents, slang expanded) and stripped of
  pt/es/en stop words and chat fillers (``data/stopwords_*.txt``); features are words and word
  bigrams. NMF starts from NNDSVDA, so the same texts and seed always give the same topics.
* A label is the three strongest terms of a topic, shown with their most frequent spelling in the
  sample (accents back): ``"entrega · atraso · prazo"``.
* With ``n_topics=None`` the number of topics is the candidate with the best mean UMass coherence
  of its top terms (how often top terms share documents), a cheap, standard rule that prefers
  topics a person recognises over ones that only lower the reconstruction error.
* :func:`trending_topics` compares each topic's share of messages between the last two complete
  periods (the running month is left out: two days of it are not a month): growth, and a
  two-proportion z-test so a topic going from 2 to 4 messages is not "trending"; its
  ``direction`` agrees with the figure (:func:`.trends.trend_direction`).
"""

import io
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer

from . import text as textlib
from .trends import trend_direction

DATA_DIR = Path(__file__).parent / "data"
CANDIDATE_TOPIC_COUNTS = (4, 6, 8, 10, 12)
LABEL_TERMS = 3
TOP_TERMS = 10
MIN_WORD_LENGTH = 3
# Below this share of its strongest topic in a message's topic mix, the message gets no topic.
MIN_ASSIGN_WEIGHT = 0.0
SIGNIFICANCE_Z = 1.96
_SURFACE_WORD = re.compile(r"\w+")


def load_stopwords(languages=("pt", "es", "en")):
    """Normalised stop words of the given languages (accents removed like the texts)."""
    words = []
    for language in languages:
        with open(DATA_DIR / f"stopwords_{language}.txt", encoding="utf-8") as handle:
            words += [line.strip() for line in handle if line.strip() and not line.startswith("#")]
    return frozenset(textlib.normalize_many([" ".join(words)])[0].split()) | frozenset(words)


STOPWORDS = load_stopwords()
# Stop words, emoji/laughter tokens, numbers and words under MIN_WORD_LENGTH letters, removed
# from the whole batch in one regex pass (a Python loop per word costs seconds on 300k texts).
_DROP = re.compile(
    r"\b(?:[a-z0-9_]{1,"
    + str(MIN_WORD_LENGTH - 1)
    + r"}|[0-9]+|emopos|emoneg|risos|"
    + textlib.trie_pattern(STOPWORDS)
    + r")\b"
)
_SPACES = re.compile(r" {2,}")


def clean_documents(texts):
    """Content words of each text, stop words, numbers and short words removed, space-joined."""
    blob = "\n".join(textlib.normalize_many(texts))
    blob = blob.replace(textlib.NEGATION_PREFIX, "").replace("!", " ").replace("?", " ")
    blob = _SPACES.sub(" ", _DROP.sub(" ", blob))
    return [line.strip() for line in blob.split("\n")]


@dataclass
class Topic:
    index: int
    label: str
    terms: list
    size: int = 0
    examples: list = field(default_factory=list)


@dataclass
class TopicModel:
    vectorizer: TfidfVectorizer
    nmf: NMF
    topics: list
    coherence: float = float("nan")

    def weights(self, texts):
        """``(n, n_topics)`` non-negative topic mix of each text (rows of zeros: no known word)."""
        if not len(texts) or not self.topics:
            return np.zeros((len(texts), len(self.topics)))
        return self.nmf.transform(self.vectorizer.transform(clean_documents(texts)))

    def assign(self, texts, min_weight=MIN_ASSIGN_WEIGHT):
        """``[(topic index or -1, weight)]``: the strongest topic and its share of the mix."""
        return _assignments(self.weights(list(texts)), min_weight)

    def examples(self, texts, k=3, weights=None):
        """``{topic index: [positions of the k texts most typical of it]}`` (top documents)."""
        weights = self.weights(list(texts)) if weights is None else weights
        result = {}
        for topic in self.topics:
            column = weights[:, topic.index]
            best = np.argsort(-column, kind="stable")[:k]
            result[topic.index] = [int(position) for position in best if column[position] > 0]
        return result


def _assignments(weights, min_weight):
    totals = weights.sum(axis=1)
    best = weights.argmax(axis=1) if weights.shape[1] else np.zeros(len(weights), dtype=int)
    strongest = (
        weights[np.arange(len(weights)), best] if weights.shape[1] else np.zeros(len(weights))
    )
    share = np.divide(strongest, totals, out=np.zeros_like(totals), where=totals > 0)
    keep = (totals > 0) & (share >= min_weight)
    return [
        (int(topic) if kept else -1, float(weight) if kept else 0.0)
        for topic, weight, kept in zip(best, share, keep, strict=True)
    ]


def fit_topics(
    texts, n_topics=None, max_docs=20000, seed=0, candidates=CANDIDATE_TOPIC_COUNTS, n_examples=3
):
    """Fit topics on a seeded sample of ``texts`` (at most ``max_docs``); see the module doc."""
    texts = list(texts)
    rng = np.random.default_rng(seed)
    if len(texts) > max_docs:
        sample = [
            texts[index] for index in np.sort(rng.choice(len(texts), max_docs, replace=False))
        ]
    else:
        sample = texts
    documents = clean_documents(sample)
    vectorizer = _vectorizer()
    try:
        matrix = vectorizer.fit_transform(documents)
    except ValueError:
        # Too few or too plain messages ("ok", "obrigado"): no term in two documents. A shop
        # with little traffic gets no topics rather than a failed nightly refresh.
        return TopicModel(vectorizer=None, nmf=None, topics=[])
    if matrix.shape[1] < 2 or matrix.shape[0] < 2:
        return TopicModel(vectorizer=None, nmf=None, topics=[])
    vocabulary = vectorizer.get_feature_names_out()
    present = (matrix > 0).astype(np.float64).tocsc()
    if n_topics is None:
        counts = [k for k in candidates if k < min(matrix.shape)] or [max(1, min(matrix.shape) - 1)]
        fits = [_fit_nmf(matrix, k, seed) for k in counts]
        scored = [(_mean_coherence(nmf, present), nmf) for nmf in fits]
        coherence, nmf = max(scored, key=lambda pair: pair[0])  # first (smallest k) on ties
    else:
        # NNDSVD cannot start more topics than the matrix has rows or columns.
        nmf = _fit_nmf(matrix, min(n_topics, *matrix.shape), seed)
        coherence = _mean_coherence(nmf, present)
    weights = nmf.transform(matrix)
    surface = _surface_forms(sample)
    sizes = Counter(
        topic for topic, _weight in _assignments(weights, MIN_ASSIGN_WEIGHT) if topic >= 0
    )
    topics = []
    for index, component in enumerate(nmf.components_):
        terms = [
            str(vocabulary[position])
            for position in np.argsort(-component, kind="stable")[:TOP_TERMS]
        ]
        best_docs = np.argsort(-weights[:, index], kind="stable")[:n_examples]
        topics.append(
            Topic(
                index=index,
                label=make_label(terms, surface),
                terms=terms,
                size=sizes.get(index, 0),
                examples=[
                    sample[position] for position in best_docs if weights[position, index] > 0
                ],
            )
        )
    return TopicModel(vectorizer=vectorizer, nmf=nmf, topics=topics, coherence=coherence)


def _vectorizer(**fitted):
    return TfidfVectorizer(
        token_pattern=r"\S+",
        lowercase=False,
        ngram_range=(1, 2),
        min_df=2,
        max_df=0.5,
        max_features=20000,
        sublinear_tf=True,
        **fitted,
    )


def model_to_bytes(model, oov=0.0):
    """A fitted :class:`TopicModel` as ``.npz`` bytes: the vocabulary (the TF-IDF terms and
    their idf), the NMF topic-term matrix and the topics; numbers and strings only, read back
    by :func:`model_from_bytes` without pickle. ``oov`` is the out-of-vocabulary share of the
    fitted sample (:func:`oov_share`), the reference of :func:`needs_refit`."""
    buffer = io.BytesIO()
    topics = [
        {
            "index": t.index,
            "label": t.label,
            "terms": t.terms,
            "size": t.size,
            "examples": t.examples,
        }
        for t in model.topics
    ]
    arrays = {"topics": np.array([json.dumps(topics)]), "oov": np.array([oov, model.coherence])}
    if model.topics:
        terms = sorted(model.vectorizer.vocabulary_, key=model.vectorizer.vocabulary_.get)
        arrays.update(
            terms=np.array(terms), idf=model.vectorizer.idf_, components=model.nmf.components_
        )
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


def model_from_bytes(data):
    """``(model, oov)``: the :class:`TopicModel` and reference share :func:`model_to_bytes`
    stored; it assigns texts exactly as the fitted model did."""
    with np.load(io.BytesIO(bytes(data)), allow_pickle=False) as stored:
        oov, coherence = (float(value) for value in stored["oov"])
        topics = [Topic(**topic) for topic in json.loads(str(stored["topics"][0]))]
        if not topics:
            return TopicModel(vectorizer=None, nmf=None, topics=[], coherence=coherence), oov
        terms = stored["terms"].tolist()
        vectorizer = _vectorizer(vocabulary={term: i for i, term in enumerate(terms)})
        vectorizer.idf_ = stored["idf"]
        components = stored["components"]
    nmf = NMF(n_components=len(components), init="nndsvda", random_state=0, max_iter=400)
    nmf.components_ = components
    nmf.n_components_ = len(components)
    nmf.n_features_in_ = components.shape[1]
    return TopicModel(vectorizer=vectorizer, nmf=nmf, topics=topics, coherence=coherence), oov


def oov_share(model, texts):
    """Share of the content words of ``texts`` (:func:`clean_documents`) that are not in the
    model's vocabulary: 0 when every word is known, 1 without a model.

    >>> model = fit_topics(["pix pago", "pix pendente", "troca tamanho", "troca cor"], n_topics=2)
    >>> oov_share(model, ["pix troca"]), oov_share(model, ["pix boleto"])
    (0.0, 0.5)
    """
    words = " ".join(clean_documents(texts)).split()
    if not words:
        return 0.0
    if not model.topics:
        return 1.0
    known = model.vectorizer.vocabulary_
    return sum(word not in known for word in words) / len(words)


def needs_refit(fitted_oov, new_oov, age_days, margin=0.1, max_age_days=7):
    """Whether stored topics must be fitted again rather than reused for new messages.

    The vocabulary is reused while the new messages speak it: their out-of-vocabulary share
    may exceed the fitted sample's by at most ``margin`` (new products, a new complaint
    bring new words), and for at most ``max_age_days`` (a weekly refit follows slow drifts).

    >>> needs_refit(0.2, 0.25, 1), needs_refit(0.2, 0.35, 1), needs_refit(0.2, 0.2, 8)
    (False, True, True)
    """
    return new_oov > fitted_oov + margin or age_days >= max_age_days


def _fit_nmf(matrix, n_topics, seed):
    return NMF(n_components=n_topics, init="nndsvda", random_state=seed, max_iter=400).fit(matrix)


def _mean_coherence(nmf, present, top=LABEL_TERMS + 2):
    """Mean UMass coherence: sum over top-term pairs of log((D(wi, wj) + 1) / D(wj))."""
    scores = []
    doc_freq = np.asarray(present.sum(axis=0)).ravel()
    for component in nmf.components_:
        columns = np.argsort(-component, kind="stable")[:top]
        block = present[:, columns]
        co = (block.T @ block).toarray()
        pairs = [
            math.log((co[i, j] + 1.0) / max(doc_freq[columns[j]], 1.0))
            for i in range(1, len(columns))
            for j in range(i)
        ]
        scores.append(sum(pairs) / max(len(pairs), 1))
    return float(np.mean(scores)) if scores else float("-inf")


def _surface_forms(texts):
    """Most frequent written form of each normalised word (``"preco"`` -> ``"preço"``)."""
    forms = defaultdict(Counter)
    for text in texts:
        for word in _SURFACE_WORD.findall((text or "").lower()):
            forms[word.translate(textlib.ACCENT_TRANSLATION)][word] += 1
    return {word: counter.most_common(1)[0][0] for word, counter in forms.items()}


def make_label(terms, surface=None, n_terms=LABEL_TERMS):
    """``"a · b · c"`` from the strongest terms, skipping terms that repeat a word."""
    surface = surface or {}
    shown, chosen = set(), []
    for term in terms:
        words = term.split()
        if any(word in shown for word in words) or len(set(words)) < len(words):
            continue
        chosen.append(" ".join(surface.get(word, word) for word in words))
        shown.update(words)
        if len(chosen) == n_terms:
            break
    return " · ".join(chosen)


def month_before(period):
    """``"2026-01"`` -> ``"2025-12"``: the calendar month before a ``YYYY-MM`` key.

    >>> month_before("2026-01"), month_before("2026-11")
    ('2025-12', '2026-10')
    """
    year, month = (int(part) for part in period.split("-"))
    return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"


def trending_topics(assignments_by_period, n_topics, min_count=5, before=None, previous_of=None):
    """Growth of each topic's share between the last two complete periods, biggest rise first.

    ``assignments_by_period`` maps a sortable period key (``"2026-10"``, ``"2026-W44"``) to the
    topic index of each message in it (-1 = no topic, counted in the total). Periods from
    ``before`` on (the running, partial period) are left out. With ``previous_of`` (e.g.
    :func:`month_before`) the last complete period is compared with the period right before
    it, empty when it had no message, rather than with the previous period that had some.
    Each row has ``topic, previous_count, current_count, previous_share, current_share,
    growth`` (relative change of the share; ``None`` when the topic was absent before), ``z``
    (two-proportion z statistic), ``trending``: a significant rise (``z >= 1.96``) with at
    least ``min_count`` messages in the current period, and ``direction``: ``rising`` when
    trending, ``declining`` for a significant fall from at least ``min_count`` messages, else
    ``stable`` or ``uncertain`` by the size of the growth.
    """
    periods = sorted(key for key in assignments_by_period if before is None or key < before)
    if not periods:
        return []
    current_key = periods[-1]
    if previous_of is not None:
        previous_key = previous_of(current_key)
    elif len(periods) >= 2:
        previous_key = periods[-2]
    else:
        return []
    previous = np.asarray(assignments_by_period.get(previous_key, []), dtype=int)
    current = np.asarray(assignments_by_period[current_key], dtype=int)
    n_previous, n_current = max(len(previous), 1), max(len(current), 1)
    previous_counts = np.bincount(previous[previous >= 0], minlength=n_topics)[:n_topics]
    current_counts = np.bincount(current[current >= 0], minlength=n_topics)[:n_topics]
    rows = []
    for topic in range(n_topics):
        p1, p2 = previous_counts[topic] / n_previous, current_counts[topic] / n_current
        pooled = (previous_counts[topic] + current_counts[topic]) / (n_previous + n_current)
        spread = math.sqrt(pooled * (1 - pooled) * (1 / n_previous + 1 / n_current))
        z = (p2 - p1) / spread if spread > 0 else 0.0
        growth = float((p2 - p1) / p1) if p1 > 0 else None
        trending = bool(z >= SIGNIFICANCE_Z and current_counts[topic] >= min_count)
        falling = bool(z <= -SIGNIFICANCE_Z and previous_counts[topic] >= min_count)
        if not (len(previous) or len(current)) or (p1 == p2 == 0):
            direction = "stable"
        else:
            direction = trend_direction(growth, trending or falling)
        rows.append(
            {
                "topic": topic,
                "previous_period": previous_key,
                "current_period": current_key,
                "previous_count": int(previous_counts[topic]),
                "current_count": int(current_counts[topic]),
                "previous_share": float(p1),
                "current_share": float(p2),
                "growth": growth,
                "z": float(z),
                "trending": trending,
                "direction": direction,
            }
        )
    rows.sort(key=lambda row: (-row["z"], row["topic"]))
    return rows
