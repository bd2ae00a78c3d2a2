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

import io
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


class BasketCounts(NamedTuple):
    """What the rules are computed from: ``order_count`` baskets, the sorted ``products`` keys
    and ``pairs``, the symmetric CSR ``X.T @ X`` over them (diagonal: orders holding each
    product). Counts of disjoint sets of orders add up (:func:`merge_counts`), which is what
    lets a refresh recount only the orders that changed."""

    order_count: int
    products: np.ndarray
    pairs: sparse.csr_matrix


def basket_counts(order_ids, product_ids):
    """:class:`BasketCounts` of order lines given as two parallel sequences.

    >>> counts = basket_counts([1, 1, 2], [7, 9, 7])
    >>> counts.order_count, counts.products.tolist(), counts.pairs.toarray().tolist()
    (2, [7, 9], [[2, 1], [1, 1]])
    """
    if not len(order_ids):
        return BasketCounts(
            0, np.zeros(0, dtype=np.int64), sparse.csr_matrix((0, 0), dtype=np.int64)
        )
    matrix, products = incidence_matrix(order_ids, product_ids)
    return BasketCounts(matrix.shape[0], products, (matrix.T @ matrix).tocsr())


def merge_counts(parts):
    """The :class:`BasketCounts` of the union of disjoint sets of orders (one sparse sum).

    >>> merged = merge_counts([basket_counts([1, 1], [7, 9]), basket_counts([2], [8])])
    >>> merged.order_count, merged.products.tolist(), merged.pairs.diagonal().tolist()
    (2, [7, 8, 9], [1, 1, 1])
    """
    parts = [part for part in parts if part.order_count]
    if not parts:
        return basket_counts([], [])
    products = np.unique(np.concatenate([part.products for part in parts]))
    rows, columns, values = [], [], []
    for part in parts:
        coo = part.pairs.tocoo()
        position = np.searchsorted(products, part.products)
        rows.append(position[coo.row])
        columns.append(position[coo.col])
        values.append(coo.data.astype(np.int64))
    pairs = sparse.csr_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(columns))),
        shape=(len(products), len(products)),
    )
    pairs.sum_duplicates()
    return BasketCounts(sum(part.order_count for part in parts), products, pairs)


def counts_to_bytes(counts):
    """:class:`BasketCounts` as ``.npz`` bytes (numbers only, read back without pickle); only
    the upper triangle is kept, the matrix being symmetric."""
    coo = sparse.triu(counts.pairs).tocoo()
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        order_count=np.array([counts.order_count], dtype=np.int64),
        products=np.asarray(counts.products, dtype=np.int64),
        row=coo.row.astype(np.int32),
        col=coo.col.astype(np.int32),
        data=coo.data.astype(np.int64),
    )
    return buffer.getvalue()


def counts_from_bytes(data):
    """The :class:`BasketCounts` :func:`counts_to_bytes` stored.

    >>> counts = basket_counts([1, 1, 2, 3], [7, 9, 7, 9])
    >>> again = counts_from_bytes(counts_to_bytes(counts))
    >>> again.order_count, (again.pairs != counts.pairs).nnz
    (3, 0)
    """
    with np.load(io.BytesIO(bytes(data)), allow_pickle=False) as stored:
        products = stored["products"]
        upper = sparse.coo_matrix(
            (stored["data"], (stored["row"], stored["col"])),
            shape=(len(products), len(products)),
        )
        pairs = (upper + sparse.triu(upper, k=1).T).tocsr()
        return BasketCounts(int(stored["order_count"][0]), products, pairs)


def bought_together(order_ids, product_ids, min_support=0.0, min_pairs=2, top_n=None):
    """Pair rules ``product -> other`` of order lines given as two parallel sequences.

    ``order_ids[i]`` and ``product_ids[i]`` describe one order line (any hashable, sortable keys;
    the Odoo side passes ids straight from SQL); see :func:`rules_from_counts`.
    """
    if not len(order_ids):
        return []
    return rules_from_counts(
        basket_counts(order_ids, product_ids),
        min_support=min_support,
        min_pairs=min_pairs,
        top_n=top_n,
    )


def rules_from_counts(baskets, min_support=0.0, min_pairs=2, top_n=None):
    """Pair rules ``product -> other`` of :class:`BasketCounts`.

    Rules need at least ``min_pairs`` orders holding both products and a support of at least
    ``min_support``; ``top_n`` keeps the best ``top_n`` rules per product. Rules come back
    grouped by product (sorted keys), best first: highest lift, then highest count, then other
    key. Both directions of a pair are returned because confidence is not symmetric.
    """
    order_count, products, matrix = baskets
    if not order_count:
        return []
    item_counts = matrix.diagonal().astype(np.int64)
    pair_counts = matrix.tocoo()
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
