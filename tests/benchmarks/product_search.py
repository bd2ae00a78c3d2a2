# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: the agent's catalog search over 50,000 products, against a plain ILIKE search.

Creates the database ``bench_product_search`` (dropped first if it exists), installs
chatwoot_ai_base without demo data, writes 50,000 saleable product templates (one variant
each, a third with colour attribute lines) with SQL, rebuilds the search index, then times
500 realistic customer queries (pt-BR, es, en, typos, missing accents, chatty sentences)
through ``chatwoot.context._search_products`` (ranking, pricing with a partner pricelist,
reading the results) and, as the baseline in the same run, an ORM ``ilike`` name search
reading name and price. Prints one JSON line (latency percentiles in ms, the CPU time per
search of this process and of the database backend, which shared cores inflate far less
than latency, and the share of queries whose five results include a product named like the
one the query was made from); Odoo's log goes to stderr.

    python3 tests/benchmarks/product_search.py --config .local/odoo.cfg
"""

import argparse
import json
import os
import random
import statistics
import time
import unicodedata

from _benchlib import db_options, drop_database
from seed_load import install, open_environment  # install without demo; Odoo env on the DB

DATABASE = "bench_product_search"
PRODUCTS = 50_000
QUERIES = 500
WARMUP = 30
LINES = (
    "Glow", "Intense", "Soft", "Pro", "Nutri", "Max", "Essencial", "Premium", "Natural",
    "Vegano", "Clássico", "Urbano", "Tropical", "Noite", "Verão", "Sublime", "Fresh",
    "Delicato", "Luxo", "Daily", "Ultra", "Velvet", "Seda", "Brilho", "Puro",
)  # fmt: skip
BENEFITS = (
    "longa duração", "toque seco", "alta cobertura", "hidratação profunda", "sem parabenos",
    "fórmula vegana", "proteção UV", "acabamento aveludado", "fragrância suave",
    "tecido respirável", "algodão orgânico", "ajuste confortável", "resistente à água",
)  # fmt: skip
#: Customer phrasings around the product words, per language.
PHRASES = {
    "pt": ("{q}", "vocês têm {q}?", "quanto custa o {q}", "queria um {q}", "tem {q} disponível?"),
    "es": ("{q}", "¿tienen {q}?", "cuánto cuesta {q}", "busco {q}"),
    "en": ("{q}", "do you have {q}?", "how much is the {q}", "looking for {q}"),
}
#: What a Spanish or English customer types for some Portuguese product words.
FOREIGN = {
    "es": {"batom": "labial", "vermelho": "rojo", "creme": "crema", "protetor": "protector",
           "vestido": "vestido", "calça": "pantalon", "bolsa": "bolso", "preto": "negro",
           "cabelo": "cabello", "óleo": "aceite", "sabonete": "jabon", "óculos": "gafas"},
    "en": {"batom": "lipstick", "vermelho": "red", "creme": "cream", "protetor": "sunscreen",
           "vestido": "dress", "calça": "pants", "bolsa": "bag", "preto": "black",
           "cabelo": "hair", "óleo": "oil", "sabonete": "soap", "óculos": "sunglasses"},
}  # fmt: skip


def catalog_rows(rng):
    """(name, description, category key, price, colour values) of every product."""
    from odoo.addons.chatwoot_ai_base.seed.catalog import COLOR, build_catalog

    templates = build_catalog().templates
    rows = []
    for number in range(PRODUCTS):
        template = templates[number % len(templates)]
        line = LINES[(number // len(templates)) % len(LINES)]
        edition = number // (len(templates) * len(LINES))
        name = f"{template.name} {line}" + (f" {edition + 1}" if edition else "")
        kind = template.name.split(" ")[0].lower()
        benefits = rng.sample(BENEFITS, 2)
        description = (
            f"{template.name} com {benefits[0]} e {benefits[1]}. Ideal para o dia a dia: {kind}."
        )
        colours = next((values for attr, values in template.options if attr == COLOR), ())
        price = round(template.price / 100 * rng.uniform(0.8, 1.3), 1)
        rows.append((name, description, template.category, price, colours))
    return rows


def load_products(env, rows):
    """Write the products with plain SQL, copying a prototype's other columns."""
    from odoo import Command

    from odoo.addons.chatwoot_ai_base.seed.catalog import CATEGORIES

    cr = env.cr
    categories = {
        key: env["product.category"].create({"name": name}).id
        for key, (name, _prefix) in CATEGORIES.items()
    }
    colour = env["product.attribute"].create({"name": "Cor", "create_variant": "no_variant"})
    all_colours = sorted({c for row in rows for c in row[4]})
    values = {
        name: env["product.attribute.value"].create({"attribute_id": colour.id, "name": name}).id
        for name in all_colours
    }
    prototype = env["product.template"].create(
        {"name": "Prototype", "list_price": 1.0, "sale_ok": True, "taxes_id": [Command.clear()]}
    )
    env.flush_all()
    ids = insert_like(cr, "product_template", prototype.id, len(rows), {
        "name": [json.dumps({"en_US": row[0], "pt_BR": row[0]}) for row in rows],
        "description_sale": [json.dumps({"en_US": row[1]}) for row in rows],
        "categ_id": [categories[row[2]] for row in rows],
        "list_price": [row[3] for row in rows],
    })  # fmt: skip
    variant = prototype.product_variant_id.id
    insert_like(cr, "product_product", variant, len(ids), {"product_tmpl_id": ids})
    coloured = [(tid, row[4]) for tid, row in zip(ids, rows, strict=True) if row[4]][::3]
    line_ids = insert_like(cr, "product_template_attribute_line", None, len(coloured), {
        "product_tmpl_id": [tid for tid, _c in coloured],
        "attribute_id": [colour.id] * len(coloured),
        "active": [True] * len(coloured),
        "value_count": [len(c) for _t, c in coloured],
    })  # fmt: skip
    cr.execute(
        "INSERT INTO product_attribute_value_product_template_attribute_line_rel"
        " (product_template_attribute_line_id, product_attribute_value_id)"
        " SELECT * FROM unnest(%s::int[], %s::int[])",
        (
            [lid for lid, (_t, c) in zip(line_ids, coloured, strict=True) for _v in c],
            [values[v] for _t, c in coloured for v in c],
        ),
    )
    prototype.active = False
    env.flush_all()
    env.invalidate_all()
    return ids


def insert_like(cr, table, prototype_id, count, columns):
    """Insert ``count`` rows: ``columns`` from the arrays, the rest copied from a prototype
    row (or left to their defaults when there is none). Returns the new ids in order."""
    names = list(columns)
    arrays = ", ".join("%s" for _n in names)
    cr.execute(
        "SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = %s"
        " AND is_generated = 'NEVER'",
        (table,),
    )
    types = dict(cr.fetchall())
    typed = ", ".join(f"u.{n}::{types[n]}" for n in names)
    if prototype_id:
        copied = [c for c in types if c not in names and c != "id"]
        cr.execute(
            f"INSERT INTO {table} ({', '.join(names + copied)})"  # noqa: S608 - bench only
            f" SELECT {typed}, {', '.join(f'p.{c}' for c in copied)}"
            f" FROM unnest({arrays}) WITH ORDINALITY u({', '.join(names)}, n),"
            f" {table} p WHERE p.id = %s ORDER BY u.n RETURNING id",
            [*columns.values(), prototype_id],
        )
    else:
        cr.execute(
            f"INSERT INTO {table} ({', '.join(names)})"  # noqa: S608 - bench only
            f" SELECT {typed} FROM unnest({arrays}) WITH ORDINALITY u({', '.join(names)}, n)"
            " ORDER BY u.n RETURNING id",
            list(columns.values()),
        )
    return [row[0] for row in cr.fetchall()]


def strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def typo(word, rng):
    """Drop or swap one inner letter (what thumbs do)."""
    if len(word) < 5:
        return word
    index = rng.randrange(1, len(word) - 2)
    if rng.random() < 0.5:
        return word[:index] + word[index + 1 :]
    return word[:index] + word[index + 1] + word[index] + word[index + 2 :]


def queries(rows, rng):
    """Realistic customer queries: product words, some colour, typos, accents, languages.

    Returns (query, expected name prefix): the words of the product name the query was
    made from, before translation, typos and accent loss.
    """
    result = []
    while len(result) < QUERIES:
        name, _description, _category, _price, colours = rng.choice(rows)
        words = name.lower().split()[: rng.choice((1, 2, 2, 3))]
        expected = " ".join(words)
        if colours and rng.random() < 0.4:
            words.append(rng.choice(colours).lower().split()[0])
        language = rng.choices(("pt", "es", "en"), (0.7, 0.15, 0.15))[0]
        if language != "pt":
            translated = [FOREIGN[language].get(w) for w in words]
            if not any(translated):
                language = "pt"
            else:
                words = [t or w for t, w in zip(translated, words, strict=True)]
        roll = rng.random()
        if roll < 0.2:
            words = [typo(w, rng) if i == len(words) - 1 else w for i, w in enumerate(words)]
        elif roll < 0.4:
            words = [strip_accents(w) for w in words]
        result.append((rng.choice(PHRASES[language]).format(q=" ".join(words)), expected))
    return result


def percentiles(samples_ms):
    ordered = sorted(samples_ms)

    def at(share):
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 2)

    return {
        "p50": at(0.50),
        "p95": at(0.95),
        "p99": at(0.99),
        "mean": round(statistics.fmean(ordered), 2),
    }


def time_queries(env, texts, run):
    samples = []
    for text in texts:
        env.invalidate_all()  # every customer message is a new request
        started = time.perf_counter()
        run(text)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def backend_cpu_seconds(cr):
    """CPU seconds the database backend of ``cr`` has used, or None when it runs on
    another host (its /proc entry is not this machine's)."""
    cr.execute("SELECT pg_backend_pid()")
    try:
        with open(f"/proc/{cr.fetchone()[0]}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_per_query(env, texts, run):
    """CPU milliseconds per query, this process and the database backend apart: unlike
    latency, barely inflated when other processes share the cores."""
    backend, own = backend_cpu_seconds(env.cr), time.process_time()
    time_queries(env, texts, run)
    own = time.process_time() - own
    backend = backend_cpu_seconds(env.cr) - backend if backend is not None else None
    return {
        "python": round(own * 1000 / len(texts), 2),
        "postgres": round(backend * 1000 / len(texts), 2) if backend is not None else None,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--database", default=DATABASE, help="database to (re)create")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="reuse a kept database")
    args = parser.parse_args()
    dsn = db_options(args.config)
    rng = random.Random(args.seed)

    if not args.reuse:
        drop_database(dsn, args.database)
        install(args.config, args.database)
    cr, env = open_environment(args.config, args.database)
    try:
        rows = catalog_rows(rng)
        Template = env["product.template"]
        loaded = Template.search_count([("name", "=like", rows[0][0])])
        load_seconds = 0.0
        if not loaded:
            started = time.perf_counter()
            load_products(env, rows)
            load_seconds = time.perf_counter() - started
        started = time.perf_counter()
        indexed = Template._chatwoot_search_rebuild()
        cr.commit()
        rebuild_seconds = time.perf_counter() - started
        cr.execute("ANALYZE")  # planner statistics for the new rows (kept: committed)
        cr.commit()
        partner = env["res.partner"].create(
            {
                "name": "Cliente Bench",
                "property_product_pricelist": env["product.pricelist"]
                .create(
                    {
                        "name": "Bench -10%",
                        "item_ids": [(0, 0, {"compute_price": "percentage", "percent_price": 10})],
                    }
                )
                .id,
            }
        )
        asked = queries(rows, rng)
        texts = [text for text, _expected in asked]
        expected = dict(asked)
        context = env["chatwoot.context"]
        hits = []

        def search(text):
            names = [r["name"].lower() for r in context._search_products(text, partner=partner)]
            hits.append(any(name.startswith(expected[text]) for name in names))

        def baseline(text):
            Template.search([("name", "ilike", text), ("sale_ok", "=", True)], limit=5).read(
                ["name", "list_price"]
            )

        def ranking_only(text):
            context._product_candidates(context._product_query_plan(text), env.company, 5)

        time_queries(env, texts[:WARMUP], search)
        time_queries(env, texts[:WARMUP], baseline)
        hits.clear()
        search_ms = percentiles(time_queries(env, texts, search))
        ranking_ms = percentiles(time_queries(env, texts, ranking_only))
        baseline_ms = percentiles(time_queries(env, texts, baseline))
        search_cpu = cpu_per_query(
            env, texts, lambda text: context._search_products(text, partner=partner)
        )
        baseline_hits = sum(
            bool(Template.search([("name", "ilike", text)], limit=1)) for text in texts
        )
        cr.rollback()
    finally:
        cr.close()
        from odoo.sql_db import close_db

        close_db(args.database)
    if not args.keep:
        drop_database(dsn, args.database)
    print(
        json.dumps(
            {
                "benchmark": "product_search",
                "products": indexed,
                "queries": len(texts),
                "load_s": round(load_seconds, 1),
                "index_rebuild_s": round(rebuild_seconds, 1),
                "search_ms": search_ms,
                "ranking_sql_ms": ranking_ms,
                "search_cpu_ms_per_query": search_cpu,
                "ilike_baseline_ms": baseline_ms,
                "ratio_p95_vs_ilike": round(search_ms["p95"] / baseline_ms["p95"], 2),
                "goal_p95_ms": 20,
                "goal_top5_share": 0.97,
                "top5_has_asked_product_share": round(sum(hits) / len(hits), 3),
                "ilike_queries_with_results": baseline_hits,
            }
        )
    )


if __name__ == "__main__":
    main()
