"""The benchmark runner (tests/benchmarks/_runner.py): medians of the runs, the markdown it
writes, and a real run of a one-line script through its subprocess path."""

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = importlib.util.spec_from_file_location("_runner", ROOT / "tests/benchmarks/_runner.py")
runner = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(runner)


def record(p95s, baselines, loads=(0.5, 0.7)):
    return {
        "command": "python3 tests/benchmarks/product_search.py --config <odoo.cfg>",
        "date": "2026-12-06 09:00 UTC",
        "commit": "abc1234",
        "machine": {
            "cores": 2,
            "memory_gib": 7.8,
            "cpu": "Test CPU",
            "python": "3.11",
            "system": "Linux",
        },  # fmt: skip
        "runs": [
            {
                "figures": {
                    "benchmark": "product_search",
                    "search_ms": {"p50": p95 / 2, "p95": p95},
                    "ilike_baseline_ms": {"p95": baseline},
                    "ratio_p95_vs_ilike": round(p95 / baseline, 2),
                    "top5_has_asked_product_share": 0.97,
                    "exactly_once": True,
                },
                "wall_s": 10.0,
                "load_before": loads[0],
                "load_after": loads[1],
            }
            for p95, baseline in zip(p95s, baselines, strict=True)
        ],
    }


def test_flatten_keeps_numeric_leaves_with_dotted_paths():
    flat = runner.flatten({"a": {"b": 1, "c": "text"}, "d": 2.5, "e": True})
    assert flat == {"a.b": 1, "d": 2.5, "e": True}


def test_figure_is_the_median_of_the_runs():
    middle, values = runner.figure(record([30, 10, 20], [100, 300, 200]), "search_ms.p95")
    assert middle == 20
    assert values == [30, 10, 20]


def test_markdown_has_median_baseline_ratio_command_and_machine():
    text = runner.render({"product_search": record([30, 10, 20], [100, 300, 200])})
    summary = next(line for line in text.splitlines() if line.startswith("| [product_search]"))
    assert "| 20 | 200 | 0.1 | 3 |" in summary
    assert "idle machine" in summary
    assert "`python3 tests/benchmarks/product_search.py --config <odoo.cfg>`" in text
    assert "2 cores (Test CPU), 7.8 GiB memory" in text
    assert "| **top5_has_asked_product_share** | 0.97 | 0.97 | 0.97 | 0.97 |" in text


def test_runs_under_load_are_flagged():
    text = runner.render({"product_search": record([30], [100], loads=(9.1, 8.0))})
    assert "measured under shared load" in text
    assert "shared load |" in text


def test_run_once_reads_the_last_json_line_of_a_script(tmp_path, monkeypatch):
    script = tmp_path / "tiny.py"
    script.write_text(
        "import json, sys\n"
        "print('noise')\n"
        "print(json.dumps({'benchmark': 'tiny', 'value_ms': 4.5, 'argv': sys.argv[1:]}))\n"
    )
    monkeypatch.setattr(runner, "HERE", tmp_path)
    with open(tmp_path / "log", "w", encoding="utf-8") as log:
        result = runner.run_once("tiny", "odoo.cfg", ["--fast"], log)
    assert result["figures"]["value_ms"] == 4.5
    assert result["figures"]["argv"] == ["--config", str(Path("odoo.cfg").resolve()), "--fast"]
    assert result["wall_s"] >= 0


def test_render_only_keeps_stored_results(tmp_path, monkeypatch):
    output = tmp_path / "benchmarks.md"
    output.with_suffix(".json").write_text(json.dumps({"seed_load": record([5], [10])}))
    monkeypatch.setattr(sys, "argv", ["_runner.py", "--render", "--output", str(output)])
    runner.main()
    assert "## seed_load" in output.read_text()
