# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The SQL the catalog and knowledge search read: one query per question, built here, run by
:mod:`..models.chatwoot_context` (no ORM, no cursor: builders of ``SQL`` only).

The pure :mod:`..search` package decides what to ask (terms, groups, weights); this module
turns it into statements over the index tables of :mod:`..models.product_template`.

Every level of a ranking statement that computes a costly function (``ts_rank``, trigram
similarities) ends with ``OFFSET 0``: it keeps PostgreSQL from inlining the level into the
next, where an output column used twice (in a column and in the score that orders the
rows) would be computed twice.
"""

from odoo.tools import SQL

from ..search import WEIGHTS, transpositions, tsquery_text

SEARCH_TABLE = "chatwoot_product_search"
WORD_TABLE = "chatwoot_product_search_word"
#: PostgreSQL text search configurations the documents are indexed with.
TS_CONFIGS = {"pt": "portuguese", "es": "spanish", "en": "english"}

#: A typo is corrected to vocabulary words at least this similar (pg_trgm similarity).
CORRECTION_SIMILARITY = 0.3  # a swapped pair of letters ("bricno") scores about 0.3
#: Terms shorter than this are never "corrected" (too many near neighbours).
CORRECTION_MIN_LENGTH = 4
#: Knowledge entries whose title matches the whole query this well count as hits.
KNOWLEDGE_TITLE_SIMILARITY = 0.5
#: How many of the best full-text matches the trigram components re-rank.
RERANK_ROWS = 60
#: Matching mode of a product ranking, by its operator (and when terms are in the name).
MODES = {"&": "all_terms", "|": "any_term", None: "name_similarity"}


def score_components(groups, any_text, name_text, similar_text):
    """SQL of each ranking component over the columns of an ``s`` row (see WEIGHTS), and
    the function building the "matches this tsquery text in any configuration" condition."""
    configs = list(TS_CONFIGS.items())

    def matches(text):
        return SQL(" OR ").join(
            SQL("s.%s @@ to_tsquery(%s::regconfig, %s)", SQL.identifier(f"tsv_{key}"), cfg, text)
            for key, cfg in configs
        )

    coverage = (
        SQL(" + ").join(SQL("(%s)::int", matches(tsquery_text([group]))) for group in groups)
        if groups
        else SQL("0")
    )
    return {
        "fts": SQL(
            "GREATEST(%s)", SQL(", ").join(ts_rank(key, cfg, any_text) for key, cfg in configs)
        ),
        "coverage": SQL("(%s)::float / %s", coverage, max(len(groups), 1)),
        "name_similarity": SQL("similarity(s.name_norm, %s)", similar_text),
        "word_similarity": SQL("word_similarity(%s, s.doc_norm)", similar_text),
        "name_match": SQL("(%s)::int", matches(name_text)) if groups else SQL("0"),
    }, matches


def ts_rank(key, config, text):
    """``ts_rank`` of an ``s`` row's vector of one configuration (scaled to [0, 1[)."""
    return SQL(
        "ts_rank(s.%s, to_tsquery(%s::regconfig, %s), 32)",
        SQL.identifier(f"tsv_{key}"),
        config,
        text,
    )


def columns(components):
    """``expression AS name, ...`` of the components."""
    return SQL(", ").join(
        SQL("%s AS %s", expression, SQL.identifier(name)) for name, expression in components.items()
    )


def weighted(components):
    """The weighted sum of the components' expressions (part of the score)."""
    return SQL(" + ").join(SQL("%s * (%s)", WEIGHTS[name], sql) for name, sql in components.items())


def of_row(names, alias="c"):
    """{name: ``alias.name``}: components already computed, read from a row."""
    return {name: SQL("%s.%s", SQL.identifier(alias), SQL.identifier(name)) for name in names}


def ranked(candidates, limit):
    """Order the candidate rows (a SQL with the component columns) by weighted score."""
    score = SQL(" + ").join(
        SQL("%s * c.%s", weight, SQL.identifier(name)) for name, weight in WEIGHTS.items()
    )
    return SQL(
        "SELECT c.*, %s AS score FROM (SELECT * FROM (%s) c OFFSET 0) c"
        " ORDER BY score DESC, c.id LIMIT %s",
        score,
        candidates,
        limit,
    )


def vocabulary_lookup(terms):
    """Per term: whether the vocabulary has it, the vocabulary words one swap of letters
    away, and the (at most three) most trigram-similar ones."""
    return SQL(
        """
        SELECT t.term,
               EXISTS (SELECT 1 FROM %(words)s w WHERE w.word = t.term),
               ARRAY(SELECT w.word FROM %(words)s w
                      WHERE w.word = ANY(string_to_array(t.swaps, ' '))
                      ORDER BY w.word),
               ARRAY(SELECT w.word FROM %(words)s w
                      WHERE length(t.term) >= %(min_length)s
                        AND w.word %% t.term
                        AND similarity(w.word, t.term) >= %(similarity)s
                      ORDER BY similarity(w.word, t.term) DESC, w.word
                      LIMIT 3)
          FROM unnest(%(terms)s::text[], %(swaps)s::text[]) t(term, swaps)
        """,
        words=SQL.identifier(WORD_TABLE),
        min_length=CORRECTION_MIN_LENGTH,
        similarity=CORRECTION_SIMILARITY,
        terms=list(terms),
        swaps=[" ".join(transpositions(term)) for term in terms],
    )


def product_rank(plan, company_id, limit, operator, in_name=False):
    """The ``limit`` best sellable products of the company for a query plan (see
    ``chatwoot.context._product_query_plan``), with every component and the score.

    ``operator`` "&": every term matches (in the name only with ``in_name``); "|": any term;
    None: the name is trigram-similar to the query.
    """
    groups = plan["groups"]
    any_text = tsquery_text(groups, "|") if groups else ""
    name_text = tsquery_text(groups, "&", weight="A")
    components, matches = score_components(groups, any_text, name_text, plan["text"])
    if operator == "&":
        components["coverage"] = SQL("1.0")  # every term matches, by the WHERE clause
    if in_name:
        # The name's own words, indexed apart: no recheck of rows matching elsewhere.
        components["name_match"] = SQL("1")
        match = SQL("s.tsv_name @@ to_tsquery('simple', %s)", tsquery_text(groups))
    elif operator:
        match = matches(tsquery_text(groups, operator))
    else:
        match = SQL("s.name_norm %% %s", plan["text"])
    # Trigram functions cost ~100x a ts_rank: they only re-rank the best full-text rows. A
    # short query ("batom") matches thousands of names: those rows are ordered by their rank
    # in the first configuration, and the rank in all three is computed for the best only.
    deferred = ("fts", "name_similarity", "word_similarity") if operator else ("word_similarity",)
    first = {name: sql for name, sql in components.items() if name not in deferred}
    order = weighted(of_row(first))
    selected = dict(first)
    if operator:
        selected["fts_first"] = ts_rank(*next(iter(TS_CONFIGS.items())), any_text)
        order = SQL("%s + %s * c.fts_first", order, WEIGHTS["fts"])
    candidates = SQL(
        """
        SELECT c.*
          FROM (SELECT s.product_tmpl_id AS id, %(components)s
                  FROM %(table)s s
                 WHERE s.sellable AND (s.company_id IS NULL OR s.company_id = %(company)s)
                   AND (%(match)s)
                OFFSET 0) c
         ORDER BY %(order)s DESC, c.id
         LIMIT %(rerank)s
        """,
        components=columns(selected),
        table=SQL.identifier(SEARCH_TABLE),
        company=company_id,
        match=match,
        order=order,
        rerank=max(RERANK_ROWS, limit),
    )
    candidates = rerank(candidates, components, first, deferred, limit, plan["text"])
    return ranked(candidates, limit)


def rerank(candidates, components, first, deferred, limit, similar_text):
    """The candidate rows with the deferred components added.

    ``word_similarity`` over the whole document costs most; it is only computed for the rows
    that can still reach the ``limit`` best. The document starts with the name, so the
    word similarity within the name (a third of the text) is a floor of it, and 1 its
    ceiling: a row whose ceiling score falls below the ``limit``-th best floor cannot be
    among the results. The rows returned, and their scores, are those of computing it
    everywhere.
    """
    cheap = [name for name in deferred if name != "word_similarity"]
    kept = [*first, *cheap]
    known = weighted(of_row(kept))
    weight = WEIGHTS["word_similarity"]
    return SQL(
        """
        SELECT k.id, %(kept)s, %(word)s AS word_similarity
          FROM (SELECT k.*, nth_value(k.floor, %(limit)s) OVER (
                           ORDER BY k.floor DESC
                           ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS bar
                  FROM (SELECT c.*, %(known)s AS known,
                               %(known)s + %(weight)s * word_similarity(%(text)s, c.name_norm)
                                   AS floor
                          FROM (SELECT c.*, s.name_norm%(cheap)s
                                  FROM (%(candidates)s) c
                                  JOIN %(table)s s ON s.product_tmpl_id = c.id
                                OFFSET 0) c
                        OFFSET 0) k) k
          JOIN %(table)s s ON s.product_tmpl_id = k.id
         WHERE k.known + %(weight)s >= COALESCE(k.bar, '-infinity') - 1e-9
        """,
        kept=SQL(", ").join(of_row(kept, "k").values()),
        word=components["word_similarity"],
        limit=limit,
        cheap=SQL(", %s", columns({name: components[name] for name in cheap}))
        if cheap
        else SQL(""),
        known=SQL("(%s)", known),
        text=similar_text,
        candidates=candidates,
        table=SQL.identifier(SEARCH_TABLE),
        weight=weight,
    )


def product_mode(operator, in_name=False):
    """How a ranking matched, as the results' ``score_detail`` tells it."""
    return "all_terms_in_name" if in_name else MODES[operator]


def catalog_labels(template_ids, lang):
    """Per template: its category name and "Cor: Vermelho, Nude; Tamanho: P, M", the
    variant attributes in ``lang`` (en_US as fallback), in the order the form shows them."""

    def translated(alias):
        return SQL("COALESCE(%s.name->>%s, %s.name->>'en_US')", SQL(alias), lang, SQL(alias))

    return SQL(
        """
        SELECT pt.id, COALESCE(c.name, ''),
               COALESCE((SELECT string_agg(%(attribute)s || ': ' || COALESCE(
                             (SELECT string_agg(%(value)s, ', '
                                                ORDER BY va.sequence, va.id, v.sequence, v.id)
                                FROM %(values_rel)s r
                                JOIN product_attribute_value v
                                  ON v.id = r.product_attribute_value_id
                                JOIN product_attribute va ON va.id = v.attribute_id
                               WHERE r.product_template_attribute_line_id = l.id
                                 AND v.active), ''),
                             '; ' ORDER BY l.sequence, a.sequence, a.id, l.id)
                           FROM product_template_attribute_line l
                           JOIN product_attribute a ON a.id = l.attribute_id
                          WHERE l.product_tmpl_id = pt.id AND l.active), '')
          FROM product_template pt
     LEFT JOIN product_category c ON c.id = pt.categ_id
         WHERE pt.id = ANY(%(ids)s)
        """,
        attribute=translated("a"),
        value=translated("v"),
        values_rel=SQL.identifier("product_attribute_value_product_template_attribute_line_rel"),
        ids=list(template_ids),
    )


def knowledge_ranking(company_id, groups, key, limit):
    """The ``limit`` best active knowledge entries of the company for the normalised query
    ``key`` (its expanded ``groups``), with every component and the score. Entries have no
    index table: their vectors are computed here (a shop has dozens, not thousands)."""
    any_text = tsquery_text(groups, "|")
    name_text = tsquery_text(groups, "&", weight="A")
    components, matches = score_components(groups, any_text, name_text, key)
    candidates = SQL(
        """
        SELECT d.id, %(components)s
          FROM (SELECT k.id,
                       COALESCE((SELECT string_agg(t.value, ' ')
                                   FROM jsonb_each_text(k.name) t), '')
                       || ' ' || COALESCE(k.keywords, '') AS title,
                       COALESCE((SELECT string_agg(t.value, ' ')
                                   FROM jsonb_each_text(k.content) t), '') AS body
                  FROM chatwoot_knowledge k
                 WHERE k.active AND k.company_id = %(company)s) d,
               LATERAL (SELECT %(vectors)s,
                               chatwoot_unaccent(lower(d.title)) AS name_norm,
                               chatwoot_unaccent(lower(d.title || ' ' || d.body)) AS doc_norm) s
         WHERE (%(match)s) OR word_similarity(%(key)s, s.name_norm) >= %(similarity)s
        """,
        components=columns(components),
        company=company_id,
        vectors=SQL(", ").join(
            SQL(
                "setweight(to_tsvector(%(c)s::regconfig, chatwoot_unaccent(d.title)), 'A')"
                " || setweight(to_tsvector(%(c)s::regconfig, chatwoot_unaccent(d.body)), 'C')"
                " AS %(column)s",
                c=cfg,
                column=SQL.identifier(f"tsv_{config_key}"),
            )
            for config_key, cfg in TS_CONFIGS.items()
        ),
        match=matches(any_text),
        key=key,
        similarity=KNOWLEDGE_TITLE_SIMILARITY,
    )
    return ranked(candidates, limit)
