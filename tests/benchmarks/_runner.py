# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run the benchmarks several times each and write ``docs/benchmarks.md``.

Each benchmark script prints one JSON line; this runner runs it ``--runs`` times (3 by
default), keeps every run's figures in ``docs/benchmarks.json`` (so that running one
benchmark keeps the others' last figures) and writes ``docs/benchmarks.md``: per benchmark
the median of the runs for its headline figure, its baseline measured in the same run and
their ratio, the command, the machine (CPU cores, memory, load average before and after)
and every figure of every run.

    python3 tests/benchmarks/_runner.py --config .local/odoo.cfg [--runs 3] [product_search ...]
    python3 tests/benchmarks/_runner.py --config .local/odoo.cfg \\
        --args "product_search=--database my_bench --keep --reuse" product_search
    python3 tests/benchmarks/_runner.py --render   # rewrite the markdown from the JSON

Not a benchmark itself (`make bench` runs it; its name starts with `_`).
"""

import argparse
import datetime
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DOCS = ROOT / "docs"

#: benchmark -> (headline figure, its baseline measured in the same run, their ratio, what
#: the ratio means), as dotted paths into the JSON line.
HEADLINES = {
    "product_search": (
        "search_ms.p95",
        "ilike_baseline_ms.p95",
        "ratio_p95_vs_ilike",
        "p95 latency (ms) of the agent's catalog search / of an ORM ilike name search",
    ),
    "analytics_refresh": (
        "full_refresh_s",
        "sql_floor_s",
        "ratio_full_vs_sql_floor",
        "full refresh (s) / one SQL GROUP BY over the order lines (s)",
    ),
    "bot_reply_latency": (
        "webhook_to_reply.p50_ms",
        "baseline_webhook_stored.p50_ms",
        "ratio_p50_vs_baseline",
        "p50 webhook-to-reply (ms) / webhook stored and queued (ms)",
    ),
    "campaign_dispatch": (
        "rate_after_restart",
        "target_rate",
        "ratio",
        "messages sent per second after a kill -9 and restart / the target rate R",
    ),
    "catalog_feed": (
        "first_generation_s",
        "search_read_s",
        "ratio_first_vs_search_read",
        "first feed of 50k products (s) / one ORM search_read of the same products (s)",
    ),
    "content_generation": (
        "per_product_in_batch_ms",
        "one_product_alone_ms",
        "ratio_batch_vs_alone",
        "per product in a 1,000-product batch (ms) / one product written alone (ms)",
    ),
    "campaign_planning": (
        "planning_s",
        "floor_s",
        "ratio",
        "planning 100k recipients (s) / reading the 100k candidate rows (s)",
    ),
    "meta_ingest": (
        "comments_stored_per_s",
        "health.per_s",
        "ratio_vs_health",
        "comments stored per second / /web/health answers per second",
    ),
    "seed_load": (
        "rows_per_s",
        "orm_baseline_rows_per_s",
        "ratio_vs_orm",
        "seed rows per second / ORM create rows per second",
    ),
    "webhook_ingest": (
        "webhook.per_s",
        "health.per_s",
        "ratio_vs_health",
        "webhook deliveries stored per second / /web/health answers per second",
    ),
}
#: Extra figures shown beside the headline (accuracy next to the time it was bought with).
EXTRAS = {
    "product_search": ("search_ms.p50", "top5_has_asked_product_share"),
    "campaign_dispatch": ("duplicates", "rate_before_kill", "rss_start_mb", "rss_end_mb"),
    "campaign_planning": ("peak_rss_after_mb", "planned"),
    "catalog_feed": ("cached_ms", "feed_rows"),
    "content_generation": ("pieces_per_s", "pieces", "failed_products"),
    "bot_reply_latency": ("webhook_to_reply.p95_ms", "missing_replies"),
    "webhook_ingest": ("drain_per_s", "exactly_once"),
    "meta_ingest": ("exactly_once",),
    "analytics_refresh": (
        "incremental_100_s",
        "incremental_refresh_s",
        "incremental_10000_s",
        "peak_rss_mb",
    ),
}


def benchmarks():
    """The benchmark scripts: every ``*.py`` here whose name does not start with ``_``."""
    return sorted(path.stem for path in HERE.glob("[!_]*.py"))


def flatten(data, prefix=""):
    """{dotted path: value} of the numeric leaves (booleans count as 0/1)."""
    flat = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{path}."))
        elif isinstance(value, (int, float)):
            flat[path] = value
        elif isinstance(value, list) and len(value) == 1 and isinstance(value[0], (int, float)):
            flat[path] = value[0]  # a one-run list (e.g. webhook_ingest's drain_per_s)
    return flat


def median(values):
    """Median of the numbers (None when there are none)."""
    numbers = [value for value in values if value is not None]
    return statistics.median(numbers) if numbers else None


def machine():
    """Cores, memory, CPU model and Python of this machine."""
    memory_kb = 0
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kb / 1024 / 1024, 1),
        "cpu": model,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def git_commit():
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return ""
    return result.stdout.strip()


def run_once(name, config, extra, log):
    """Run one benchmark script; return its JSON figures and how long it took."""
    config = str(Path(config).resolve())  # the script runs in its own folder
    command = [sys.executable, str(HERE / f"{name}.py"), "--config", config, *extra]
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    result = subprocess.run(command, cwd=HERE, stdout=subprocess.PIPE, stderr=log, text=True)
    elapsed = time.monotonic() - started
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode or not lines:
        raise RuntimeError(f"{name} failed (exit {result.returncode}), see {log.name}")
    return {
        "figures": json.loads(lines[-1]),
        "wall_s": round(elapsed, 1),
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }


def run_benchmark(name, config, runs, extra, log):
    shown = f"python3 tests/benchmarks/{name}.py --config <odoo.cfg> {shlex.join(extra)}"
    record = {
        "command": shown.strip(),
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
        "machine": machine(),
        "runs": [],
    }
    for number in range(runs):
        print(f"[bench] {name} run {number + 1}/{runs}", file=sys.stderr, flush=True)
        record["runs"].append(run_once(name, config, extra, log))
    return record


def figure(record, path):
    """Median over the runs of one dotted figure, and the runs' values."""
    values = [flatten(run["figures"]).get(path) for run in record["runs"]]
    return median(values), values


def fmt(value):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 10 else f"{value:,.1f}"
    return f"{value:,}"


def shared_load(record):
    """True when the machine was busier than its cores before the first run started.

    Only the load before the first run counts: the ingest benchmarks load both cores
    themselves (16 connections, two workers, PostgreSQL), so the load after a run, and before
    the next one, says nothing about anyone else."""
    cores = record["machine"]["cores"] or 1
    return bool(record["runs"]) and record["runs"][0]["load_before"] > cores


def render(results):
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`tests/benchmarks/_runner.py`): every benchmark script runs",
        "three times; each figure is the **median of the runs**, beside the baseline the script",
        "measures in the same run and their ratio (the ratio is what compares across machines",
        "and load). `make bench BENCH=product_search` runs one benchmark and keeps the others'",
        "last figures (`docs/benchmarks.json` holds every run).",
        "",
        "| benchmark | figure (median) | baseline, same run | ratio | runs | measured |",
        "|---|---|---|---|---|---|",
    ]
    for name in sorted(results):
        record = results[name]
        main_path, base_path, ratio_path, _meaning = HEADLINES.get(name, (None,) * 4)
        cells = [figure(record, path)[0] if path else None for path in (main_path, base_path)]
        ratio = figure(record, ratio_path)[0] if ratio_path else None
        load = "shared load" if shared_load(record) else "idle machine"
        lines.append(
            f"| [{name}](#{name.replace('_', '-')}) | {fmt(cells[0])} | {fmt(cells[1])}"
            f" | {fmt(ratio)} | {len(record['runs'])} | {record['date']}, {load} |"
        )
    for name in sorted(results):
        lines += ["", *section(name, results[name])]
    return "\n".join(lines) + "\n"


def section(name, record):
    box = record["machine"]
    main_path, base_path, ratio_path, meaning = HEADLINES.get(name, (None, None, None, ""))
    loads = ", ".join(f"{run['load_before']}→{run['load_after']}" for run in record["runs"])
    lines = [
        f"## {name}",
        "",
        f"- command: `{record['command']}`",
        f"- machine: {box['cores']} cores ({box['cpu']}), {box['memory_gib']} GiB memory,"
        f" {box['system']}, Python {box['python']}",
        f"- measured {record['date']} at commit `{record['commit']}`;"
        f" load average (1 min) before→after each run: {loads}"
        + (" — **measured under shared load**" if shared_load(record) else ""),
    ]
    if meaning:
        lines.append(f"- headline: {meaning}")
    if record.get("note"):  # written by hand into docs/benchmarks.json, dropped by a new run
        lines.append(f"- note: {record['note']}")
    lines += ["", "| figure | median | " + " | ".join(
        f"run {n + 1}" for n in range(len(record["runs"]))
    ) + " |", "|---|---|" + "---|" * len(record["runs"])]  # fmt: skip
    first = [path for path in (main_path, base_path, ratio_path) if path]
    first += list(EXTRAS.get(name, ()))
    every = []
    for run in record["runs"]:
        every += [path for path in flatten(run["figures"]) if path not in every]
    for path in first + [path for path in every if path not in first]:
        middle, values = figure(record, path)
        label = f"**{path}**" if path in first else path
        lines.append(
            f"| {label} | {fmt(middle)} | " + " | ".join(fmt(value) for value in values) + " |"
        )
    lines.append(
        "| wall time of the script (s) | "
        + fmt(median([run["wall_s"] for run in record["runs"]]))
        + " | "
        + " | ".join(fmt(run["wall_s"]) for run in record["runs"])
        + " |"
    )
    return lines


def parse_extra(pairs):
    """{benchmark: [arguments]} from ``NAME=ARGS`` pairs."""
    extra = {}
    for pair in pairs:
        name, _sep, arguments = pair.partition("=")
        extra[name] = shlex.split(arguments)
    return extra


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--config", help="Odoo configuration file")
    parser.add_argument("--runs", type=int, default=3, help="runs per benchmark (median)")
    parser.add_argument(
        "--args",
        action="append",
        default=[],
        metavar="NAME=ARGS",
        help="extra arguments for one benchmark script (repeatable)",
    )
    parser.add_argument("--output", default=str(DOCS / "benchmarks.md"))
    parser.add_argument("--log", default=str(ROOT / ".local" / "bench.log"), help="scripts' stderr")
    parser.add_argument("--render", action="store_true", help="only rewrite the markdown")
    args = parser.parse_args()
    output = Path(args.output)
    store = output.with_suffix(".json")
    results = json.loads(store.read_text()) if store.exists() else {}
    if not args.render:
        if not args.config:
            parser.error("--config is required to run benchmarks")
        known = benchmarks()
        names = args.names or known
        unknown = sorted(set(names) - set(known))
        if unknown:
            parser.error(f"unknown benchmark(s) {', '.join(unknown)}; known: {', '.join(known)}")
        extra = parse_extra(args.args)
        output.parent.mkdir(parents=True, exist_ok=True)
        Path(args.log).parent.mkdir(parents=True, exist_ok=True)
        with open(args.log, "a", encoding="utf-8") as log:
            for name in names:
                record = run_benchmark(name, args.config, args.runs, extra.get(name, []), log)
                results[name] = record
                store.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
                print(json.dumps({name: figure(record, HEADLINES.get(name, ("",))[0])[0]}))
    output.write_text(render(results), encoding="utf-8")
    print(f"[bench] wrote {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
