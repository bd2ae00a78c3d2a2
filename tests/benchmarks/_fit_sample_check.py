# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How much the customer-insight fits move when fitted on a sample instead of everybody.

A full refresh fits BG/NBD, Gamma-Gamma and the churn classifier on a seeded
sample of ``FIT_SAMPLE`` customers (stats/customer_scoring.fit_population) and scores everyone
with them. This script fits both ways on a seeded database (default: the large benchmark
database of ``analytics_refresh.py``), scores every customer with each, and prints one JSON
line: each parameter on the sample and on the whole population, their relative change, the
fit times, and how far the customers' scores moved (mean absolute difference of P(alive),
churn probability and CLV, share of customers whose segment, cluster or risk changed).

    python3 tests/benchmarks/_fit_sample_check.py --config .local/odoo.cfg --database cw_rf_bench

Read only: nothing is written (the transaction is rolled back).
"""

import argparse
import json
import time

import numpy as np
from analytics_refresh import DATABASE, open_environment


def fit_and_score(env, company, now, data, events, sample_size):
    from odoo.addons.chatwoot_ai_analytics.stats import customer_scoring as scoring

    started = time.perf_counter()
    fits, values, model = scoring.fit_population(data, events, now.date(), sample_size)
    seconds = time.perf_counter() - started
    fits["churn"]["run_id"] = 0
    scores = scoring.score_customers(data, events, fits, now.date(), lambda _run: model, {})
    return fits, values, scores, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--database", default=DATABASE)
    args = parser.parse_args()
    cr, env = open_environment(args.config, args.database)
    try:
        from odoo.addons.chatwoot_ai_analytics.stats.customer_scoring import FIT_SAMPLE
        from odoo.addons.chatwoot_ai_analytics.stats.native import one_thread

        Insight = env["chatwoot.customer.insight"]
        company = env["res.company"].search([], limit=1)
        now = cr.now()
        data, events = Insight._extract_customers_and_events(company, now)
        count = len(data["customer_id"])
        with one_thread():
            sample = fit_and_score(env, company, now, data, events, FIT_SAMPLE)
            full = fit_and_score(env, company, now, data, events, count)
    finally:
        cr.rollback()
        cr.close()
    keys = ["bgnbd_r", "bgnbd_alpha", "bgnbd_a", "bgnbd_b", "gg_p", "gg_q", "gg_v"]
    keys += ["cluster_count", "cluster_silhouette", "churn_auc"]
    parameters = {
        key: {
            "sample": round(float(sample[1][key]), 4),
            "full": round(float(full[1][key]), 4),
            "relative_change": round(float(sample[1][key] / full[1][key] - 1), 4)
            if full[1][key]
            else None,
        }
        for key in keys
    }
    for key in ("horizon_days", "typical_gap"):
        parameters[key] = {
            "sample": round(sample[0]["churn"][key], 2),
            "full": round(full[0]["churn"][key], 2),
        }
    a, b = sample[2], full[2]
    print(
        json.dumps(
            {
                "benchmark": "fit_sample_check",
                "customers": count,
                "sample": min(FIT_SAMPLE, count),
                "fit_s": {"sample": round(sample[3], 2), "full": round(full[3], 2)},
                "parameters": parameters,
                "scores_mean_abs_diff": {
                    key: round(float(np.mean(np.abs(np.asarray(a[key]) - np.asarray(b[key])))), 4)
                    for key in ("p_alive", "churn_probability", "clv_12m")
                },
                "clv_12m_mean": {
                    "sample": round(float(np.mean(a["clv_12m"])), 2),
                    "full": round(float(np.mean(b["clv_12m"])), 2),
                },
                "share_changed": {
                    key: round(
                        float(
                            np.mean(
                                np.asarray(a[key], dtype=object) != np.asarray(b[key], dtype=object)
                            )
                        ),
                        4,
                    )
                    for key in ("rfm_segment", "cluster", "churn_risk", "stage")
                },
            }
        )
    )


if __name__ == "__main__":
    main()
