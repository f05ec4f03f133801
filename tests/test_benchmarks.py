# SPDX-License-Identifier: MIT
"""The benchmark runner: it runs, writes the JSON it promises, and survives broken modules.

These tests check the harness works, not how fast anything is: timings are never
asserted against a limit (benchmarks/README.md has the targets).
"""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
ROW_KEYS = {"name", "scale", "seconds", "baseline", "baseline_seconds", "ratio"}


def _load(name: str) -> ModuleType:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_run_writes_rows_growth_and_memory(tmp_path: Path) -> None:
    """run.py at two small scales writes every row key, positive times and the summaries."""
    out = tmp_path / "bench.json"
    command = [sys.executable, str(BENCHMARKS / "run.py"), "--scale", "0.01", "--scale", "0.02"]
    command += ["--quick", "--only", "serialization", "--json", str(out)]

    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    rows = report["rows"]
    assert {(r["name"], r["scale"]) for r in rows} == {
        (name, scale)
        for name in ("serialization.load", "serialization.dump")
        for scale in (0.01, 0.02)
    }
    for row in rows:
        assert set(row) == ROW_KEYS
        assert row["seconds"] > 0
        assert row["baseline_seconds"] > 0
        assert math.isclose(row["ratio"], row["seconds"] / row["baseline_seconds"])
    assert {g["name"] for g in report["growth"]} == {"serialization.load", "serialization.dump"}
    assert all(math.isclose(g["target"], 2.2) for g in report["growth"])
    assert report["memory"]["peak_rss_mb"] > 0
    assert report["failures"] == []
    assert "serialization.load" in result.stdout
    assert "orjson.loads" in result.stdout


_GOOD = """
from harness import Case

def cases(scale, quick):
    return [Case("good.sum", lambda: sum(range(100)), "len", lambda: len(range(100)))]
"""
_RAISES = """
from harness import Case

def boom():
    raise RuntimeError("case exploded")

def cases(scale, quick):
    return [Case("raises.boom", boom, "len", lambda: len(range(100)))]
"""


def test_a_broken_module_is_reported_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Import errors, a missing cases() and a raising case are reported; the rest runs."""
    run = _load("run")
    (tmp_path / "bench_good.py").write_text(_GOOD, encoding="utf-8")
    (tmp_path / "bench_broken.py").write_text("import no_such_module_anywhere\n", encoding="utf-8")
    (tmp_path / "bench_nocases.py").write_text("X = 1\n", encoding="utf-8")
    (tmp_path / "bench_raises.py").write_text(_RAISES, encoding="utf-8")
    out = tmp_path / "out.json"

    status = run.main(
        ["--scale", "1", "--quick", "--no-memory", "--json", str(out)], directory=tmp_path
    )

    assert status == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [row["name"] for row in report["rows"]] == ["good.sum"]
    failures = "\n".join(report["failures"])
    assert "bench_broken: import failed: ModuleNotFoundError" in failures
    assert "bench_nocases: defines no cases(scale, quick) function" in failures
    assert "raises.boom at scale 1: RuntimeError: case exploded" in failures
    assert "good.sum" in capsys.readouterr().out


def test_growth_flags_worse_than_linear() -> None:
    """Growth beyond 1.1 x linear is not ok; within it is."""
    harness = _load("harness")
    rows = [
        harness.Row(name=name, scale=s, seconds=t, baseline="b", baseline_seconds=1.0, ratio=t)
        for name, s, t in (("linear", 1, 1.0), ("linear", 4, 4.3), ("square", 1, 1.0))
    ]
    rows.append(
        harness.Row(
            name="square", scale=4, seconds=16.0, baseline="b", baseline_seconds=1.0, ratio=16
        )
    )

    verdicts = {g.name: g.ok for g in harness.growth(rows)}

    assert verdicts == {"linear": True, "square": False}


def test_best_of_keeps_the_fastest_run() -> None:
    """best_of reports the fastest timed call, not the warm-up or the average."""
    harness = _load("harness")
    calls = []

    def slow_first() -> None:
        calls.append(1)
        if len(calls) == 1:
            sum(range(2_000_000))  # only the warm-up is slow

    seconds = harness.best_of(slow_first, repeats=3)

    assert len(calls) == 4
    assert seconds < 0.01
