# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Behavioural customer clusters: k-means on standardised features, k by silhouette.

Pipeline (all deterministic for a given ``seed``):

1. **Prepare.** Missing values take the column median. Non-negative, right-skewed columns
   (skewness > 1: spend, order counts, basket value...) are ``log1p``-transformed, so a handful of
   whales do not get a cluster of their own and everyone else one big blob. Every column is then
   standardised (z-scores) and clipped to +-3, so the few customers still far out after the log
   (a wholesale buyer in a retail shop) join the nearest cluster instead of dragging a centre;
   constant columns become 0.
2. **Choose k.** For each ``k`` in ``k_range``, k-means is fitted on a seeded sample of at most
   ``sample`` customers and scored by its mean silhouette on a smaller sub-sample (silhouette is
   quadratic in the number of points). The k with the best silhouette wins; ties go to the
   smaller k.
3. **Fit.** k-means runs once on all customers, started from the chosen sample centres, which
   keeps the 100k-customer fit at a few Lloyd iterations.
4. **Name.** Clusters are numbered by decreasing size. Each gets a readable label from its
   strongest standardised means: ``|z| >= 0.5`` counts as high/low, the two strongest traits are
   named ("Frequent buyers, high spenders"), "Typical customers" when nothing stands out.

>>> features = [[1, 900.0], [2, 950.0], [1, 1000.0], [30, 20.0], [28, 25.0], [31, 22.0]]
>>> result = cluster_customers(features, ["recency_days", "monetary"], k_range=range(2, 4))
>>> result.k, result.labels.tolist()
(2, [0, 0, 0, 1, 1, 1])
>>> [profile["label"] for profile in result.profiles]
['High spenders, recent buyers', 'Low spenders, lapsed buyers']
"""

from collections import namedtuple
from dataclasses import dataclass, field

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from threadpoolctl import threadpool_limits


def _lt(text):
    """Mark a label phrase for translation and return it unchanged.

    Odoo's translation export collects the string literals of ``_lt(...)`` calls in every
    Python file of the addon, so these phrases land in ``i18n/*.pot`` without this pure module
    importing Odoo; the Odoo side passes its translator to :func:`profile_label`.
    """
    return text


TYPICAL_LABEL = _lt("Typical customers")
DIRECTION_WORDS = {"high": _lt("high"), "low": _lt("low")}
# A standardised cluster mean this far from 0 is called high or low in the label.
TRAIT_THRESHOLD = 0.5
MAX_TRAITS_IN_LABEL = 2
DEFAULT_K_RANGE = range(2, 9)
SILHOUETTE_SAMPLE = 2000
# Lloyd iterations are cheap per step but many on structureless data; the final fit starts from
# the sample's centres, so a loose tolerance and a cap keep 100k customers at about a second.
_KMEANS_TOL = 1e-3
_KMEANS_MAX_ITER = 50
# One native thread: on a shared 2-core server OpenMP threads fighting the Odoo workers are far
# slower than one thread (measured 10x on gradient boosting).
_NATIVE_THREADS = 1
_SKEW_LOG_THRESHOLD = 1.0
_Z_CLIP = 3.0

# Words for the usual behaviour features, matched on a fragment of the feature name (first match
# wins, so "recency" is tested before "frequency"): (fragment, phrase when high, phrase when low).
# English here; profile_label translates them. Rows are _Trait(...) calls rather than bare tuples:
# the translation extractor reads a "(" right after an _lt(...) call as another _lt call, and
# would export the fragments as UI terms.
_Trait = namedtuple("_Trait", "fragment high low")
_TRAIT_PHRASES = (
    _Trait("recen", _lt("lapsed buyers"), _lt("recent buyers")),
    _Trait("days_since", _lt("lapsed buyers"), _lt("recent buyers")),
    _Trait("freq", _lt("frequent buyers"), _lt("one-time buyers")),
    _Trait("order_count", _lt("frequent buyers"), _lt("one-time buyers")),
    _Trait("basket", _lt("big baskets"), _lt("small baskets")),
    _Trait("aov", _lt("big baskets"), _lt("small baskets")),
    _Trait("monet", _lt("high spenders"), _lt("low spenders")),
    _Trait("spend", _lt("high spenders"), _lt("low spenders")),
    _Trait("revenue", _lt("high spenders"), _lt("low spenders")),
    _Trait("categor", _lt("many categories"), _lt("few categories")),
    _Trait("channel", _lt("multichannel"), _lt("single channel")),
    _Trait("sentiment", _lt("positive sentiment"), _lt("negative sentiment")),
    _Trait("complaint", _lt("many complaints"), _lt("few complaints")),
    _Trait("message", _lt("talkative"), _lt("quiet")),
    _Trait("tenure", _lt("long-standing"), _lt("newcomers")),
)


@dataclass(frozen=True)
class ClusterResult:
    """Cluster of every customer plus what is needed to name and reuse the clusters.

    ``labels[i]`` is the cluster index of row ``i``; ``profiles[c]`` describes cluster ``c``:
    ``index``, ``size``, ``label`` (readable), ``means`` (raw feature means), ``z_means``
    (standardised means) and ``traits`` (``[(feature, "high"|"low", z)]``, strongest first, for
    callers that build their own translated labels). :meth:`assign` puts new rows in the nearest
    cluster (incremental refresh) without refitting.
    """

    labels: np.ndarray
    k: int
    silhouette: float
    profiles: list
    feature_names: list
    centers: np.ndarray = field(repr=False)
    _medians: np.ndarray = field(repr=False)
    _log_columns: np.ndarray = field(repr=False)
    _means: np.ndarray = field(repr=False)
    _scales: np.ndarray = field(repr=False)

    def to_dict(self):
        """What :meth:`assign` needs, as JSON-ready plain data (no labels of the fitted rows).

        >>> fit = cluster_customers([[1, 10], [2, 11], [50, 300], [52, 310]], ["a", "b"],
        ...                         k_range=[2])
        >>> ClusterResult.from_dict(fit.to_dict()).assign([[1, 12], [51, 305]]).tolist()
        [0, 1]
        """
        return {
            "k": self.k,
            "silhouette": None if np.isnan(self.silhouette) else float(self.silhouette),
            "labels": [profile["label"] for profile in self.profiles],
            "feature_names": list(self.feature_names),
            "centers": self.centers.tolist(),
            "medians": np.nan_to_num(self._medians).tolist(),
            "log_columns": self._log_columns.tolist(),
            "means": self._means.tolist(),
            "scales": self._scales.tolist(),
        }

    @classmethod
    def from_dict(cls, data, feature_names=None):
        """The result :meth:`to_dict` stored, ready to :meth:`assign` rows (no fitted labels;
        ``profiles`` hold only the stored ``label`` of each cluster)."""
        return cls(
            labels=np.zeros(0, dtype=np.int64),
            k=data["k"],
            silhouette=np.nan if data["silhouette"] is None else data["silhouette"],
            profiles=[{"index": i, "label": label} for i, label in enumerate(data["labels"])],
            feature_names=list(data.get("feature_names") or feature_names or []),
            centers=np.asarray(data["centers"], dtype=float),
            _medians=np.asarray(data["medians"], dtype=float),
            _log_columns=np.asarray(data["log_columns"], dtype=bool),
            _means=np.asarray(data["means"], dtype=float),
            _scales=np.asarray(data["scales"], dtype=float),
        )

    def transform(self, features):
        """Standardised features of new rows, with the fitted medians, logs and scales."""
        return _standardise(
            _prepare(features, self._medians, self._log_columns), self._means, self._scales
        )

    def assign(self, features):
        """Index of the nearest cluster centre for each row of ``features``."""
        z = self.transform(features)
        if not len(z):
            return np.zeros(0, dtype=np.int64)
        distances = ((z[:, None, :] - self.centers[None, :, :]) ** 2).sum(axis=2)
        return distances.argmin(axis=1)


def _as_matrix(features, feature_count=None):
    matrix = np.asarray(features, dtype=float)
    if matrix.ndim == 1 and feature_count is not None and matrix.size == 0:
        matrix = matrix.reshape(0, feature_count)
    if matrix.ndim != 2:
        raise ValueError("features must be a 2-D array (customers x features)")
    return matrix


def _column_medians(matrix):
    medians = np.zeros(matrix.shape[1])
    for column in range(matrix.shape[1]):
        values = matrix[:, column][~np.isnan(matrix[:, column])]
        medians[column] = np.median(values) if len(values) else 0.0
    return medians


def _skewed_columns(matrix):
    mean = matrix.mean(axis=0)
    std = matrix.std(axis=0)
    safe_std = np.where(std > 0, std, 1.0)
    z = (matrix - mean) / safe_std
    skewness = (z * z * z).mean(axis=0)  # ** 3 goes through pow(): ten times slower
    return (matrix.min(axis=0) >= 0) & (std > 0) & (skewness > _SKEW_LOG_THRESHOLD)


def _prepare(features, medians, log_columns):
    matrix = _as_matrix(features, len(medians)).copy()
    missing = np.isnan(matrix)
    matrix[missing] = np.broadcast_to(medians, matrix.shape)[missing]
    # Clip at 0 first: a new row may hold a negative value in a column that was non-negative.
    matrix[:, log_columns] = np.log1p(np.maximum(matrix[:, log_columns], 0.0))
    return matrix


def _standardise(matrix, means, scales):
    return np.clip((matrix - means) / scales, -_Z_CLIP, _Z_CLIP)


def _trait_phrase(feature_name, direction, translate):
    name = feature_name.lower()
    for fragment, high, low in _TRAIT_PHRASES:
        if fragment in name:
            return translate(high if direction == "high" else low)
    return f"{translate(DIRECTION_WORDS[direction])} {feature_name.replace('_', ' ')}"


def profile_label(traits, translate=None):
    """Readable label of a cluster from its ``traits`` (``[(feature, "high"|"low", z)]``).

    ``translate`` maps each English phrase to the user's language (the Odoo side passes
    ``env._``); the two strongest distinct phrases are joined and capitalised.

    >>> profile_label([("frequency", "high", 1.4), ("monetary", "high", 1.1), ("tenure", "low", 0)])
    'Frequent buyers, high spenders'
    >>> profile_label([], translate=str.upper)
    'TYPICAL CUSTOMERS'
    """
    translate = translate or str
    phrases = []
    for feature_name, direction, _z in traits:
        phrase = _trait_phrase(feature_name, direction, translate)
        if phrase not in phrases:
            phrases.append(phrase)
        if len(phrases) == MAX_TRAITS_IN_LABEL:
            break
    if not phrases:
        return translate(TYPICAL_LABEL)
    label = ", ".join(phrases)
    return label[0].upper() + label[1:]


def _profiles(raw, z, labels, k, feature_names):
    profiles = []
    for index in range(k):
        members = labels == index
        z_means = z[members].mean(axis=0)
        strongest = np.argsort(-np.abs(z_means), kind="stable")
        traits = [
            (feature_names[j], "high" if z_means[j] > 0 else "low", float(z_means[j]))
            for j in strongest
            if abs(z_means[j]) >= TRAIT_THRESHOLD
        ]
        profiles.append(
            {
                "index": index,
                "size": int(members.sum()),
                "label": profile_label(traits),
                "means": dict(zip(feature_names, raw[members].mean(axis=0).tolist(), strict=True)),
                "z_means": dict(zip(feature_names, z_means.tolist(), strict=True)),
                "traits": traits,
            }
        )
    _disambiguate_labels(profiles)
    return profiles


def _disambiguate_labels(profiles):
    # Two clusters may share their two strongest traits; number the later ones so a report never
    # shows two different groups under one name.
    seen = {}
    for profile in profiles:
        count = seen.get(profile["label"], 0) + 1
        seen[profile["label"]] = count
        if count > 1:
            profile["label"] = f"{profile['label']} ({count})"


def _sample_indexes(count, size, rng):
    if count <= size:
        return np.arange(count)
    return np.sort(rng.choice(count, size=size, replace=False))


def _choose_k(z, k_range, seed, sample):
    rng = np.random.default_rng(seed)
    fit_rows = z[_sample_indexes(len(z), sample, rng)]
    score_positions = _sample_indexes(len(fit_rows), SILHOUETTE_SAMPLE, rng)
    distinct = len(np.unique(fit_rows, axis=0))
    best = (1, float("nan"), fit_rows.mean(axis=0, keepdims=True))
    for k in k_range:
        # Silhouette needs 2 <= k < number of distinct points in the scored sample.
        if k < 2 or k >= distinct or k >= len(score_positions):
            continue
        model = KMeans(
            n_clusters=k, n_init=1, random_state=seed, tol=_KMEANS_TOL, max_iter=_KMEANS_MAX_ITER
        ).fit(fit_rows)
        scored_labels = model.labels_[score_positions]
        if len(np.unique(scored_labels)) < 2:
            continue
        score = float(silhouette_score(fit_rows[score_positions], scored_labels))
        if np.isnan(best[1]) or score > best[1] + 1e-12:
            best = (k, score, model.cluster_centers_)
    return best


def _relabel_by_size(labels, centers):
    sizes = np.bincount(labels, minlength=len(centers))
    # Biggest cluster first; equal sizes ordered by centre coordinates, never by chance.
    order = np.lexsort((*centers.T[::-1], -sizes))
    new_index = np.empty(len(centers), dtype=np.int64)
    new_index[order] = np.arange(len(centers))
    return new_index[labels], centers[order]


def cluster_customers(features, feature_names, k_range=DEFAULT_K_RANGE, seed=0, sample=20000):
    """k-means clusters of customers (rows of ``features``, columns named by ``feature_names``).

    Returns a :class:`ClusterResult`; see the module docstring for the steps. With fewer than
    three distinct customers every customer is put in one cluster (``k`` 1, silhouette NaN)
    instead of failing, so a tiny shop still gets a profile.
    """
    feature_names = list(feature_names)
    raw = _as_matrix(features, len(feature_names))
    if raw.shape[1] != len(feature_names):
        raise ValueError("feature_names must name every column of features")
    medians = _column_medians(raw)
    filled = _prepare(raw, medians, np.zeros(raw.shape[1], dtype=bool))
    log_columns = _skewed_columns(filled) if len(filled) else np.zeros(raw.shape[1], dtype=bool)
    prepared = _prepare(raw, medians, log_columns)
    means = prepared.mean(axis=0) if len(prepared) else np.zeros(raw.shape[1])
    std = prepared.std(axis=0) if len(prepared) else np.ones(raw.shape[1])
    scales = np.where(std > 0, std, 1.0)
    z = _standardise(prepared, means, scales)

    with threadpool_limits(_NATIVE_THREADS):
        k, silhouette, centers, labels = _fit_clusters(z, k_range, seed, sample)
    return ClusterResult(
        labels=labels,
        k=k,
        silhouette=silhouette,
        profiles=_profiles(filled, z, labels, k, feature_names),
        feature_names=feature_names,
        centers=centers,
        _medians=medians,
        _log_columns=log_columns,
        _means=means,
        _scales=scales,
    )


def _fit_clusters(z, k_range, seed, sample):
    if len(z) == 0:
        return 0, float("nan"), np.zeros((0, z.shape[1])), np.zeros(0, dtype=np.int64)
    k, silhouette, start_centers = _choose_k(z, k_range, seed, sample)
    if k == 1:
        return 1, silhouette, start_centers, np.zeros(len(z), dtype=np.int64)
    model = KMeans(
        n_clusters=k,
        init=start_centers,
        n_init=1,
        random_state=seed,
        tol=_KMEANS_TOL,
        max_iter=_KMEANS_MAX_ITER,
    ).fit(z)
    labels, centers = _relabel_by_size(model.labels_, model.cluster_centers_)
    return len(centers), silhouette, centers, labels
