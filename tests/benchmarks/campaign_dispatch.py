# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: dispatch at R = 50 messages/s over two WhatsApp senders, with a kill -9.

Uses ``bench_campaign`` (see ``campaign_planning.py``). A campaign over ``--recipients``
people of the seeded population is sent through the WhatsApp Cloud API to the local fake
API (a separate process that logs every message with its arrival time) by a real Odoo server
(``_benchlib.start_server``: 2 workers, the queue_job runner on ``root:2``, so the two
senders' batch jobs send side by side); two senders of 25 messages/s each make R = 50/s.
After ``--kill-after`` seconds of sending the server's whole process group (workers and job
runner too) is killed with SIGKILL, started again, and the campaign finishes. Reported: the
rate before the kill and after the restart (messages over the span between the first and
last message of each stretch, start-up included), the best rate held over 10 s, the most
messages one sender got into any one-second window, duplicates at the fake API, the
recipients' final states, and the RSS of the server's processes (summed) at the start and
end of the second run. Prints one JSON line.

    python3 tests/benchmarks/campaign_dispatch.py --config .local/odoo.cfg
"""

import argparse
import bisect
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _benchlib import free_port
from _campaignlib import FAKE, build, connect, group_rss_mb, shell, start_server, value

RATE = 50.0
SETUP = """
env['ir.config_parameter'].set_param('chatwoot_ai_social.graph_base_url', '{fake}')
env['ir.config_parameter'].set_param('chatwoot_ai_campaign.lease_seconds', '3')
Account = env['chatwoot.social.account']
numbers = [Account.search([('external_id', '=', 'BENCH-%d' % i)]) or Account.create(
    {{'name': 'Bench %d' % i, 'platform': 'whatsapp', 'external_id': 'BENCH-%d' % i,
      'access_token': 'x'}}) for i in (1, 2)]
env.cr.execute("SELECT c.partner_id FROM chatwoot_consent c WHERE c.status = 'opted_in' "
               "AND c.channel = 'whatsapp' ORDER BY c.partner_id LIMIT %s", [{count}])
ids = [row[0] for row in env.cr.fetchall()]
campaign = env['chatwoot.campaign'].create({{
    'name': 'Bench dispatch', 'channel': 'whatsapp_cloud', 'template_name': 'promo',
    'audience_domain': str([('id', 'in', ids)]), 'message': 'Oi {{first_name}}',
    'window_start': 0, 'window_end': 24, 'quiet_weekdays': '', 'priority': 'high',
    'sender_ids': [(0, 0, {{'name': n.name, 'social_account_id': n.id,
                            'rate_per_minute': {per_sender} * 60}}) for n in numbers]}})
campaign.action_launch()
env.cr.commit()
print('CAMPAIGN=%d' % campaign.id)
"""
REDISPATCH = "env['chatwoot.campaign']._cron_dispatch(); env.cr.commit()"
CLEANUP = """
campaign = env['chatwoot.campaign'].browse({campaign})
env['queue.job'].search([('func_string', 'like', 'chatwoot.campaign(%d,)' % campaign.id)]).unlink()
campaign.unlink()
env['ir.config_parameter'].set_param('chatwoot_ai_campaign.lease_seconds', False)
env.cr.commit()
"""


def read_log(path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def states(config, campaign_id):
    connection = connect(config)
    try:
        with connection.cursor() as cr:
            cr.execute(
                "SELECT state, COUNT(*) FROM chatwoot_campaign_recipient "
                "WHERE campaign_id = %s GROUP BY state",
                [campaign_id],
            )
            return dict(cr.fetchall())
    finally:
        connection.close()


def rate(stamps):
    if len(stamps) < 2 or stamps[-1] == stamps[0]:
        return 0.0
    return round((len(stamps) - 1) / (stamps[-1] - stamps[0]), 2)


def best_rate(stamps, seconds=10.0):
    """Most stamps in any window of ``seconds``, per second (the rate held that long)."""
    stamps = sorted(stamps)
    best = max(
        (bisect.bisect_left(stamps, t + seconds) - i for i, t in enumerate(stamps)), default=0
    )
    return round(best / seconds, 2)


def max_per_second(stamps):
    """Most stamps in any half-open one-second window [t, t + 1)."""
    stamps = sorted(stamps)
    return max((bisect.bisect_left(stamps, t + 1.0) - i for i, t in enumerate(stamps)), default=0)


def wait(predicate, timeout, step=0.2):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--recipients", type=int, default=1500)
    parser.add_argument("--kill-after", type=float, default=10.0)
    args = parser.parse_args()
    build(args.config)
    folder = Path(tempfile.mkdtemp(prefix="campaign_dispatch_"))
    log_path = folder / "sent.jsonl"
    fake_port = free_port()
    fake = subprocess.Popen(
        [sys.executable, str(FAKE), "--port", str(fake_port), "--log", str(log_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    campaign_id = None
    server = None
    try:
        out = shell(
            args.config,
            SETUP.format(
                fake=f"http://127.0.0.1:{fake_port}", count=args.recipients, per_sender=RATE / 2
            ),
        )
        campaign_id = int(value(out, "CAMPAIGN"))
        with open(folder / "odoo-1.log", "wb") as log:
            server = start_server(args.config, free_port(), log)
        wait(lambda: read_log(log_path), 300)
        time.sleep(args.kill_after)
        os.killpg(server.pid, signal.SIGKILL)  # the server, its workers and the job runner
        server.wait(timeout=30)
        before = read_log(log_path)
        with open(folder / "odoo-2.log", "wb") as log:
            server = start_server(args.config, free_port(), log)
        shell(args.config, REDISPATCH)
        # The registry loads with the first job: RSS counts from the first message sent.
        wait(lambda: len(read_log(log_path)) > len(before), 300)
        rss_start = group_rss_mb(server.pid)

        def finished():
            current = states(args.config, campaign_id)
            return not (current.get("queued") or current.get("sending"))

        done = wait(finished, 600, step=1.0)
        rss_end = group_rss_mb(server.pid)
        messages = read_log(log_path)
        after = messages[len(before) :]
        keys = [m["key"] for m in messages]
        per_sender = {}
        for message in messages:
            per_sender.setdefault(message["phone_number_id"], []).append(message["at"])
        result = {
            "benchmark": "campaign_dispatch",
            "target_rate": RATE,
            "recipients": args.recipients,
            "finished": done,
            "rate_before_kill": rate([m["at"] for m in before]),
            "rate_after_restart": rate([m["at"] for m in after]),
            "best_10s_rate": best_rate([m["at"] for m in messages]),
            "sent_before_kill": len(before),
            "sent_after_restart": len(after),
            "max_per_sender_1s": {k: max_per_second(v) for k, v in sorted(per_sender.items())},
            "sender_limit_1s": RATE / 2,
            "duplicates": len(keys) - len(set(keys)),
            "final_states": states(args.config, campaign_id),
            "rss_start_mb": rss_start,
            "rss_end_mb": rss_end,
        }
        best = max(result["rate_before_kill"], result["rate_after_restart"])
        result["ratio"] = round(best / RATE, 3)
        print(json.dumps(result))
    finally:
        if server and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        fake.kill()
        fake.wait(timeout=10)
        if campaign_id:
            shell(args.config, CLEANUP.format(campaign=campaign_id))


if __name__ == "__main__":
    main()
