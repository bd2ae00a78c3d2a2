# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Print the shipped sentiment model's accuracy on every hand-written evaluation set.

Run from the repository root, with the Odoo configuration ``make bootstrap`` writes::

    python3 chatwoot_ai_analytics/stats/data/evaluate_sentiment.py .local/odoo-test.cfg

``--addons`` names another checkout's folder (for example an older commit, exported with
``mkdir /tmp/old && git archive <commit> chatwoot_ai_base chatwoot_ai_analytics | tar -x -C
/tmp/old``) to train and score that checkout's model on the sets of this one. Training sets
(``*_implicit``, ``*_events``) and lexicons are not evaluation sets and are skipped.
"""

import argparse
import math
from pathlib import Path

HERE = Path(__file__).parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", help="Odoo configuration file (.local/odoo-test.cfg)")
    parser.add_argument("--addons", help="checkout whose model is scored (default: this one)")
    args = parser.parse_args()
    from odoo.modules import module  # pylint: disable=import-outside-toplevel
    from odoo.tools import config  # pylint: disable=import-outside-toplevel

    options = ["-c", args.config] + (["--addons-path", args.addons] if args.addons else [])
    config.parse_config(options)
    module.initialize_sys_path()
    # pylint: disable=import-outside-toplevel
    from odoo.addons.chatwoot_ai_analytics.stats import sentiment

    model = sentiment.SentimentModel.default()
    supplements = tuple(f"_{name}.tsv" for name in sentiment.SUPPLEMENTS["sentiment"])
    supplements += ("_implicit.tsv", "_events.tsv")
    print(f"{'set':28} {'n':>4} {'accuracy':>9} {'macro_f1':>9}")
    for path in sorted(HERE.glob("sentiment_*_*.tsv")):
        if path.name.endswith(supplements) or "lexicon" in path.name:
            continue
        result = sentiment.evaluate(*sentiment.load_labelled(path), model)
        accuracy = math.floor(result["accuracy"] * 1000) / 1000
        name = path.name.removeprefix("sentiment_").removesuffix(".tsv")
        print(f"{name:28} {result['n']:>4} {accuracy:>9.3f} {result['macro_f1']:>9.3f}")


if __name__ == "__main__":
    main()
