# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How a customer's query is searched: each term with the catalog words it stands for.

>>> vocabulary = {"batom": (True, []), "vermlho": (False, ["vermelho"])}
>>> plan = query_plan(["batom", "vermlho", "snglasses", "zzzq"], vocabulary)
>>> plan["groups"]
[('batom', ()), ('vermlho', ('vermelho',)), ('snglasses', ('oculos',))]
>>> plan["corrections"], plan["ignored"], plan["text"]
({'vermlho': ['vermelho'], 'snglasses': ['sunglasses']}, ['zzzq'], 'batom vermelho oculos')
"""

from .text import GLOSSARY, close_glossary_word, expand_terms


def query_plan(terms, vocabulary):
    """The search plan of ``terms`` given what the catalog's vocabulary knows of them
    (``{term: (in the vocabulary, [vocabulary words it may be a typo of, best first])}``).

    A term found in the vocabulary is kept; a Spanish or English word takes its glossary
    translations; any other term is replaced by the vocabulary words it may be a typo of, or
    else by the translations of the glossary word it misspells; a term with none of these
    is ignored. ``text`` is what the customer meant (best correction or translation), which
    trigram similarity is measured on.
    """
    groups, corrections, ignored = [], {}, []
    for term, translations in expand_terms(terms):
        known, similar = vocabulary.get(term, (False, []))
        glossary_word = not (translations or known or similar) and close_glossary_word(term)
        if translations or known:
            groups.append((term, translations))
        elif similar:
            corrections[term] = similar
            groups.append((term, tuple(similar)))
        elif glossary_word:  # a typo in a Spanish or English word
            corrections[term] = [glossary_word]
            groups.append((term, GLOSSARY[glossary_word]))
        else:
            ignored.append(term)
    meant = [alternatives[0] if alternatives else term for term, alternatives in groups]
    return {
        "terms": terms,
        "groups": groups,
        "corrections": corrections,
        "ignored": ignored,
        "text": " ".join(meant or terms),
    }
