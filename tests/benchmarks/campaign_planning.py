# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: planning a WhatsApp campaign for 100,000 people, against reading them.

Uses the database ``bench_campaign`` (built on the first run, a few minutes): the campaign
addon installed and a seeded population of 100,000 partners (five Brazilian area codes,
half without a time zone, 90 % with a WhatsApp consent of which 5 % opted out, 1 % on the
phone blacklist). In one ``odoo-bin shell`` process it times ``_plan()`` of a campaign over
the whole population (audience SQL, consent, blacklist and weekly caps, time zones from the
area code, windows and spreading, one ``INSERT``), rolled back afterwards, against the floor:
one ``SELECT`` of the same partners' id, phone and time zone into Python. The budget of the
issue is 10 s. Prints one JSON line with the process's peak RSS before and after planning.

    python3 tests/benchmarks/campaign_planning.py --config .local/odoo.cfg
"""

import argparse
import json

from _campaignlib import POPULATION, build, shell, value

SCRIPT = """
import json, resource, time
from datetime import datetime
wa = env['chatwoot.social.account'].create({'name': 'Bench WA', 'platform': 'whatsapp',
    'external_id': 'BENCHPHONE', 'access_token': 'x'})
campaign = env['chatwoot.campaign'].create({
    'name': 'Bench planning', 'channel': 'whatsapp_cloud', 'template_name': 'promo',
    'audience_domain': "[('name', '=like', 'Bench %')]", 'message': 'Oi {first_name}',
    'window_start': 9, 'window_end': 20, 'quiet_weekdays': '6',
    'start_at': datetime(2026, 1, 5, 10, 0),
    'sender_ids': [(0, 0, {'name': 'WA', 'social_account_id': wa.id, 'rate_per_minute': 3000})]})
env.flush_all()
started = time.perf_counter()
env.cr.execute("SELECT id, phone_sanitized, tz FROM res_partner WHERE name LIKE 'Bench %%'")
rows = env.cr.fetchall()
floor = time.perf_counter() - started
rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
result = env['chatwoot.campaign.planner']._plan(campaign, now=datetime(2026, 1, 5, 10, 0))
planning = time.perf_counter() - started
rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
env.cr.execute("SELECT COUNT(*) FROM chatwoot_campaign_recipient WHERE campaign_id = %s",
               [campaign.id])
stored = env.cr.fetchone()[0]
print('RESULT=' + json.dumps({
    'read_rows': len(rows), 'floor_s': round(floor, 3), 'planning_s': round(planning, 3),
    'planned': len(result.planned), 'skipped': result.reasons(), 'stored': stored,
    'peak_rss_before_mb': round(rss_before / 1024, 1),
    'peak_rss_after_mb': round(rss_after / 1024, 1)}))
env.cr.rollback()
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    args = parser.parse_args()
    built = build(args.config)
    data = json.loads(value(shell(args.config, SCRIPT), "RESULT"))
    print(
        json.dumps(
            {
                "benchmark": "campaign_planning",
                "population": POPULATION,
                "database_built": built,
                **data,
                "ratio": round(data["planning_s"] / max(data["floor_s"], 1e-6), 1),
                "budget_s": 10,
                "within_budget": data["planning_s"] <= 10,
            }
        )
    )


if __name__ == "__main__":
    main()
