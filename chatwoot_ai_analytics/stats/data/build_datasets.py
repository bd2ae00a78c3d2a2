# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Build the shipped training sets ``sentiment_{pt,es,en}.tsv`` and ``intent_{pt,es,en}.tsv``.

Public pt-BR review corpora are non-commercial, so the team writes its own: e-commerce customer
service chat of Brazilian and Latin American shops (fashion, cosmetics, delivery, Pix / boleto).
Each language has hand-written sentences plus templates whose slots (product, days, payment...)
are filled from small lists, and a chat-style variation step (slang, no accents, emojis, typos,
lowercase) that mimics how customers type. Every row carries both labels, so one source gives
both files.

The held-out sets (``*_holdout.tsv``) are NOT built here: they are written by hand, with other
phrasings, and never used in training, so the reported accuracy is honest.

Run ``python3 build_datasets.py`` in this folder to rewrite the training files (deterministic).
"""

import random
from pathlib import Path

import corpus_en  # run as a script from this folder: the corpora sit next to it
import corpus_es
import corpus_pt

HERE = Path(__file__).parent
LANGUAGES = {"pt": corpus_pt, "es": corpus_es, "en": corpus_en}


def expand_templates(corpus, rng, per_template):
    """Fill each template ``per_template`` times with random slot values, without duplicates."""
    rows = []
    for template, sentiment, intent in corpus.TEMPLATES:
        seen = set()
        for _attempt in range(per_template * 4):
            values = {slot: rng.choice(options) for slot, options in corpus.SLOTS.items()}
            text = template.format(**values)
            if text not in seen:
                seen.add(text)
                rows.append((text, sentiment, intent))
            if len(seen) >= per_template:
                break
    return rows


def vary(text, sentiment, corpus, rng):
    """One chat-style variant of ``text``: slang, dropped accents, emoji, typo or lowercase."""
    choice = rng.random()
    if choice < 0.25:
        for formal, slang in corpus.SLANG_SWAPS:
            text = text.replace(formal, slang)
        return text
    if choice < 0.45:
        return text.lower().translate(_STRIP_ACCENTS)
    if choice < 0.65 and sentiment != "neutral":
        return text + " " + rng.choice(corpus.EMOJIS[sentiment])
    if choice < 0.8:
        words = text.split()
        index = rng.randrange(len(words))
        word = words[index]
        if len(word) > 4:
            cut = rng.randrange(1, len(word) - 1)
            words[index] = word[:cut] + word[cut + 1 :]
        return " ".join(words)
    return text.upper() if len(text) < 40 and sentiment == "negative" else text.lower()


_STRIP_ACCENTS = str.maketrans("áàâãéêíóôõúüçñÁÀÂÃÉÊÍÓÔÕÚÜÇÑ", "aaaaeeiooouucnAAAAEEIOOOUUCN")


def build(language, seed=7):
    corpus = LANGUAGES[language]
    rng = random.Random(seed)
    rows = [
        (text, mood, corpus.RELABEL.get(text, intent)) for text, mood, intent in corpus.SENTENCES
    ]
    rows += expand_templates(corpus, rng, corpus.PER_TEMPLATE)
    rows += [
        (vary(text, sentiment, corpus, rng), sentiment, intent)
        for text, sentiment, intent in list(rows)[: corpus.VARIANTS]
    ]
    unique = {}
    for text, sentiment, intent in rows:
        unique.setdefault(text.strip(), (sentiment, intent))
    rows = [(text, sentiment, intent) for text, (sentiment, intent) in unique.items()]
    rng.shuffle(rows)
    return rows


def write(language):
    rows = build(language)
    with open(HERE / f"sentiment_{language}.tsv", "w", encoding="utf-8") as handle:
        handle.writelines(f"{text}\t{sentiment}\n" for text, sentiment, _intent in rows)
    known = {text for text, _sentiment, _intent in rows}
    rows += [row for row in LANGUAGES[language].INTENT_ONLY if row[0] not in known]
    with open(HERE / f"intent_{language}.tsv", "w", encoding="utf-8") as handle:
        handle.writelines(f"{text}\t{intent}\n" for text, _sentiment, intent in rows)
    return len(rows)


if __name__ == "__main__":
    for code in LANGUAGES:
        print(code, write(code))
