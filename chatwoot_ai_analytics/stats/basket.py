# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Products bought together: support, confidence and lift of product pairs over order baskets.

Real shop baskets are tiny (most orders hold one or two distinct products), so pair rules carry
nearly all of the "frequently bought together" value. Pairs are counted with one sparse matrix
product instead of an apriori/fpgrowth run or a SQL self-join: ``X`` is the binary order x
product incidence matrix, so ``(X.T @ X)[a, b]`` is the number of orders holding both ``a`` and
``b`` and its diagonal is the number of orders holding each product.

For a rule ``a -> b`` over ``N`` orders::

    support    = count(a and b) / N
    confidence = count(a and b) / count(a)          P(b in basket | a in basket)
    lift       = confidence / (count(b) / N)         > 1: bought together more than by chance

>>> pairs = bought_together([1, 1, 2, 2, 3], ["tea", "cup", "tea", "cup", "tea"], min_pairs=1)
>>> [(p.product, p.other, p.count, round(p.confidence, 3), round(p.lift, 3)) for p in pairs]
[('cup', 'tea', 2, 1.0, 1.0), ('tea', 'cup', 2, 0.667, 1.0)]
"""

from typing import NamedTuple

import numpy as np
from scipy import sparse


class ProductPair(NamedTuple):
    """The rule ``product -> other``; ``count`` is the number of orders holding both."""

    product: object
    other: object
    support: float
    confidence: float
    lift: float
    count: int


def _codes(values):
    # np.unique sorts, so products come back in a deterministic order whatever the row order.
    uniques, codes = np.unique(np.asarray(values), return_inverse=True)
    return uniques, codes.ravel()


def incidence_matrix(order_ids, product_ids):
    """Binary CSR order x product matrix and the product keys of its columns."""
    if len(order_ids) != len(product_ids):
        raise ValueError("order_ids and product_ids must have the same length")
    _orders, order_codes = _codes(order_ids)
    products, product_codes = _codes(product_ids)
    matrix = sparse.csr_matrix(
        (np.ones(len(order_codes), dtype=np.int64), (order_codes, product_codes)),
        shape=(len(_orders), len(products)),
    )
    # A product on two lines of the same order is still one basket membership.
    matrix.sum_duplicates()
    matrix.data[:] = 1
    return matrix, products


def pair_keys(order_ids, product_ids):
    """One int64 key per (order, product) pair of non-negative ids below 2**31, for set tests
    on whole arrays (``np.isin``).

    >>> pair_keys(np.array([1, 2]), np.array([3, 4])).tolist()
    [4294967299, 8589934596]
    """
    return np.asarray(order_ids, dtype=np.int64) * (1 << 32) + np.asarray(product_ids, np.int64)


def _rank_within_groups(groups):
    """0-based position of each element inside its run of equal ``groups`` (already grouped)."""
    if not len(groups):
        return np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    run_lengths = np.diff(np.r_[starts, len(groups)])
    return np.arange(len(groups)) - np.repeat(starts, run_lengths)


def bought_together(order_ids, product_ids, min_support=0.0, min_pairs=2, top_n=None):
    """Pair rules ``product -> other`` of order lines given as two parallel sequences.

    ``order_ids[i]`` and ``product_ids[i]`` describe one order line (any hashable, sortable keys;
    the Odoo side passes ids straight from SQL). Rules need at least ``min_pairs`` orders holding
    both products and a support of at least ``min_support``; ``top_n`` keeps the best ``top_n``
    rules per product. Rules come back grouped by product (sorted keys), best first: highest
    lift, then highest count, then other key. Both directions of a pair are returned because
    confidence is not symmetric.
    """
    if not len(order_ids):
        return []
    matrix, products = incidence_matrix(order_ids, product_ids)
    order_count = matrix.shape[0]
    item_counts = np.asarray(matrix.sum(axis=0)).ravel()
    pair_counts = (matrix.T @ matrix).tocoo()
    keep = (pair_counts.row != pair_counts.col) & (pair_counts.data >= max(min_pairs, 1))
    keep &= pair_counts.data / order_count >= min_support
    first, second, counts = pair_counts.row[keep], pair_counts.col[keep], pair_counts.data[keep]

    support = counts / order_count
    confidence = counts / item_counts[first]
    lift = confidence / (item_counts[second] / order_count)
    order = np.lexsort((second, -counts, -lift, first))
    first, second, counts = first[order], second[order], counts[order]
    support, confidence, lift = support[order], confidence[order], lift[order]
    if top_n is not None:
        best = _rank_within_groups(first) < top_n
        first, second, counts = first[best], second[best], counts[best]
        support, confidence, lift = support[best], confidence[best], lift[best]
    product_keys = products.tolist()
    return [
        ProductPair(product_keys[a], product_keys[b], s, c, lft, n)
        for a, b, s, c, lft, n in zip(
            first.tolist(),
            second.tolist(),
            support.tolist(),
            confidence.tolist(),
            lift.tolist(),
            counts.tolist(),
            strict=True,
        )
    ]
