"""`make test-odoo`: the suite's tests under Odoo's own runner, as OCA CI runs them.

Runs ``odoo-bin -i <addons> --test-enable --test-tags /<addon>,... --stop-after-init`` on a
fresh database (at_install tests right after each addon installs, post_install tests once all
are), keeps the whole log in ``.local/test-odoo.log`` and shows the progress, each failing
test with its traceback and Odoo's summary. Fails when Odoo's exit code does, when the summary
counts a failed or erroring test, when a CRITICAL line was logged (a module that did not
install) or when no test ran at all. Other ERROR lines (tests that provoke and check an error
log one too) are counted in the last line, and are all in the log.
"""

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

LEVEL = re.compile(r"^\S+ \S+ \d+ (?P<level>[A-Z]+) \S+ \S+: (?P<message>.*)")
SUMMARY = re.compile(r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests")
SHOWN = re.compile(
    r"(loaded in .*tests|Starting post tests|post-tests in|tests when loading database)"
)
FAILED_TEST = re.compile(r"^(FAIL|ERROR): ")


def failing(match):
    """Does this log line report a failed test or a critical error?"""
    return match["level"] == "CRITICAL" or (
        match["level"] == "ERROR" and FAILED_TEST.match(match["message"])
    )


def verdict(lines, returncode):
    """``(ok, summary)`` from the log lines and Odoo's exit code.

    >>> verdict(["2026-01-01 10:00:00,000 1 INFO db odoo.tests.result: 0 failed,"
    ...          " 0 error(s) of 12 tests when loading database 'x'"], 0)
    (True, '0 failed, 0 error(s) of 12 tests')
    >>> verdict(["2026-01-01 10:00:00,000 1 ERROR db odoo.addons.x: FAIL: TestX.test_y",
    ...          "2026-01-01 10:00:00,000 1 INFO db odoo.tests.result: 0 failed,"
    ...          " 0 error(s) of 12 tests when loading database 'x'"], 0)[0]
    False
    >>> verdict([], 0)
    (False, 'no test summary in the log')
    """
    failures = [line for line in lines if (match := LEVEL.match(line)) and failing(match)]
    summaries = [match for line in lines if (match := SUMMARY.search(line))]
    if not summaries:
        return False, "no test summary in the log"
    last = summaries[-1]
    failed, erred, ran = (int(last[key]) for key in ("failed", "errors", "run"))
    ok = returncode == 0 and not failures and not failed and not erred and ran > 0
    return ok, last.group(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--odoo-bin", required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--addons", required=True, help="comma-separated")
    parser.add_argument("--log", default=".local/test-odoo.log")
    args, extra = parser.parse_known_args()
    tags = ",".join(f"/{addon}" for addon in args.addons.split(","))
    command = [
        args.odoo_bin,
        "-c",
        args.config,
        "-d",
        args.database,
        "-i",
        args.addons,
        "--with-demo",
        "--test-enable",
        f"--test-tags={tags}",
        "--stop-after-init",
        "--log-level=info",
        *extra,
    ]
    start = time.monotonic()
    lines = []
    Path(args.log).parent.mkdir(parents=True, exist_ok=True)
    with open(args.log, "w", encoding="utf-8", buffering=1) as log:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace"
        )
        in_error = False  # the lines after a failing test's line (its traceback) are shown too
        error_lines = 0
        for line in process.stdout:
            log.write(line)
            line = line.rstrip("\n")
            lines.append(line)
            match = LEVEL.match(line)
            if match:
                in_error = bool(failing(match))
                error_lines += match["level"] == "ERROR" and not in_error
            if in_error or SHOWN.search(line):
                print(line, flush=True)
        returncode = process.wait()
    ok, summary = verdict(lines, returncode)
    took = time.monotonic() - start
    print(
        f"[chatwoot-ai] Odoo's runner: {summary}, exit code {returncode}, {took:.0f} s,"
        f" {error_lines} other ERROR lines ({'passed' if ok else 'FAILED'}; log in {args.log})",
        flush=True,
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
