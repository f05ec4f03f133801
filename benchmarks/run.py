# SPDX-License-Identifier: MIT
"""Run the national-scale benchmarks side by side with their baselines.

Usage::

    python benchmarks/run.py [--scale S ...] [--quick] [--json PATH] [--only SUBSTRING]

Finds every ``benchmarks/bench_*.py`` (each defines ``cases(scale, quick)``), runs
each case at each scale (default 1, 2 and 4) against its baseline, prints a table,
the growth of each benchmark from the smallest to the largest scale (target: at
most 1.1 x linear, so 4.4 x from scale 1 to 4) and the peak memory of building and
loading the national register, measured first in a fresh process (target at scale 1:
under 400 MB). A module that fails to import or to list its cases, and a case that
raises, are reported and skipped; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Final

HERE: Final = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from harness import Case, Row, growth, growth_table, measure, speed, table  # noqa: E402

from iprmodel.testing.synthetic import clear_cache  # noqa: E402

DEFAULT_SCALES: Final = (1.0, 2.0, 4.0)
#: Peak memory target for building and loading the register at scale 1.
MEMORY_TARGET_MB: Final = 400.0

# Runs in a fresh interpreter so the peak is that of building + loading alone.
_MEMORY_SCRIPT: Final = """
import gc, json, resource, sys
from iprmodel import serialization
from iprmodel.testing import synthetic

def peak_mb():
    # Linux keeps ru_maxrss across fork + exec, so a child of a big benchmark process
    # would report the parent's size; VmHWM starts afresh with the new program.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # macOS: bytes

scale = float(sys.argv[1])
start = peak_mb()
data = serialization.dumps(synthetic.national(scale), indent=False)
built = peak_mb()
synthetic.clear_cache()  # the built register is gone before loading
gc.collect()
register = serialization.loads(data)
print(json.dumps({"peak_rss_mb": peak_mb(), "after_build_mb": built,
                  "interpreter_mb": start, "json_mb": len(data) / 1e6}))
"""


def _fail(failures: list[str], what: str, error: BaseException) -> None:
    last = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    where = f" ({Path(last[0].filename).name}:{last[0].lineno})" if last else ""
    message = f"{what}: {type(error).__name__}: {error}{where}"
    failures.append(message)
    print(f"FAILED {message}", file=sys.stderr, flush=True)


def discover(directory: Path, failures: list[str]) -> list[ModuleType]:
    """Import every ``bench_*.py`` in ``directory`` that defines ``cases``.

    A module that fails to import, or defines no ``cases``, is added to ``failures``
    and skipped, so one broken benchmark does not stop the others.
    """
    modules = []
    for path in sorted(directory.glob("bench_*.py")):
        name = path.stem
        try:
            spec = importlib.util.spec_from_file_location(name, path)
            if spec is None or spec.loader is None:
                raise ImportError(f"cannot load {path}")
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
        except (Exception, SystemExit) as error:  # a broken module must not stop the run
            sys.modules.pop(name, None)
            _fail(failures, f"{name}: import failed", error)
            continue
        if not callable(getattr(module, "cases", None)):
            failures.append(f"{name}: defines no cases(scale, quick) function")
            print(f"FAILED {failures[-1]}", file=sys.stderr, flush=True)
            continue
        modules.append(module)
    return modules


def _as_scale(value: float) -> int | float:
    # Modules are typed ``cases(scale: int, ...)``; give them an int when it is one.
    return int(value) if float(value).is_integer() else value


def run_cases(
    modules: Sequence[ModuleType],
    scales: Sequence[float],
    *,
    quick: bool,
    only: str | None,
    failures: list[str],
) -> list[Row]:
    """Run every case of every module at every scale (scale by scale, so the
    synthetic register of one scale is built once and shared)."""
    rows = []
    for scale in scales:
        for module in modules:
            try:
                cases: list[Case] = list(module.cases(_as_scale(scale), quick))
            except Exception as error:
                _fail(failures, f"{module.__name__}.cases(scale={scale:g})", error)
                continue
            for case in cases:
                if only is not None and only not in case.name:
                    continue
                try:
                    row = measure(case, scale, quick=quick)
                except Exception as error:
                    _fail(failures, f"{case.name} at scale {scale:g}", error)
                    continue
                rows.append(row)
                print(
                    f"  {row.name} scale {scale:g}: {row.seconds:.4f} s"
                    f" vs {row.baseline} {row.baseline_seconds:.4f} s ({speed(row.ratio)})",
                    file=sys.stderr,
                    flush=True,
                )
        clear_cache()  # this scale's register and bytes are not needed again
    return rows


def peak_memory(scale: float) -> dict[str, float]:
    """Peak RSS in MB of building, dumping and loading the register at ``scale``."""
    result = subprocess.run(
        [sys.executable, "-c", _MEMORY_SCRIPT, repr(float(scale))],
        capture_output=True,
        text=True,
        check=True,
    )
    measured: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return {"scale": float(scale), **measured}


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/run.py",
        description="Time iprmodel against baselines on the synthetic national register.",
    )
    parser.add_argument(
        "--scale",
        type=float,
        action="append",
        metavar="S",
        help="scale of the national register (repeatable; default 1, 2 and 4)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="time each callable once after its warm-up"
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the results here")
    parser.add_argument(
        "--only", metavar="SUBSTRING", help="run only cases whose name contains this"
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the peak memory measurement")
    args = parser.parse_args(argv)
    for scale in args.scale or ():
        if not scale > 0:
            parser.error(f"--scale must be a positive number, got {scale:g}")
    return args


def main(argv: Sequence[str] | None = None, *, directory: Path = HERE) -> int:
    """Run the benchmarks; return 0, or 1 when a module or case failed."""
    args = _arguments(argv)
    scales = sorted(set(args.scale or DEFAULT_SCALES))
    failures: list[str] = []
    memory: dict[str, float] | None = None
    memory_line = ""
    if not args.no_memory:
        # First, while this process is still small: a forked child starts as its copy.
        # The target is for scale 1; at other scales the number is for information.
        memory_scale = 1.0 if 1.0 in scales else min(scales)
        try:
            memory = peak_memory(memory_scale)
        except (subprocess.CalledProcessError, ValueError, KeyError) as error:
            stderr = (getattr(error, "stderr", "") or "").strip().splitlines()
            reason = stderr[-1] if stderr else f"{type(error).__name__}: {error}"
            failures.append(f"peak memory at scale {memory_scale:g}: {reason}")
        else:
            target = MEMORY_TARGET_MB if memory_scale == 1.0 else None
            verdict = (
                ""
                if target is None
                else f" (target < {target:g} MB: "
                f"{'yes' if memory['peak_rss_mb'] < target else 'NO'})"
            )
            memory_line = (
                f"peak memory, build + load at scale {memory_scale:g}:"
                f" {memory['peak_rss_mb']:.0f} MB{verdict}"
            )
    modules = discover(directory, failures)
    rows = run_cases(modules, scales, quick=args.quick, only=args.only, failures=failures)
    growths = growth(rows)
    print(table(rows))
    print()
    print(growth_table(growths))
    if memory_line:
        print()
        print(memory_line)
    if failures:
        print(f"\n{len(failures)} failure(s):", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)

    if args.json is not None:
        report = {
            "rows": [row.as_dict() for row in rows],
            "growth": [
                {
                    "name": g.name,
                    "low": g.low,
                    "high": g.high,
                    "factor": g.factor,
                    "target": g.target,
                    "ok": g.ok,
                }
                for g in growths
            ],
            "memory": memory,
            "memory_target_mb": MEMORY_TARGET_MB,
            "failures": failures,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
