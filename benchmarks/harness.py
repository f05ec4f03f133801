# SPDX-License-Identifier: MIT
"""The benchmark harness: cases, timing, result rows, growth and the printed table.

A benchmark module ``benchmarks/bench_<topic>.py`` defines
``cases(scale, quick) -> list[Case]``. Each :class:`Case` times our code (``run``)
and, in the same process and run, a baseline doing the least possible work on the
same input (``baseline_run``): the ratio between them is what we track, because
absolute seconds depend on the machine.

>>> case = Case("sum", lambda: sum(range(1000)), "len", lambda: len(range(1000)))
>>> row = measure(case, 1, quick=True)
>>> row.name, row.baseline, row.seconds > 0, row.ratio == row.seconds / row.baseline_seconds
('sum', 'len', True, True)
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Final

import attrs

__all__ = [
    "GROWTH_SLACK",
    "Case",
    "Growth",
    "Row",
    "best_of",
    "growth",
    "growth_table",
    "measure",
    "table",
]

#: Allowed growth beyond linear: time at scale 4 may be at most 4 x 1.1 = 4.4 x scale 1.
GROWTH_SLACK: Final = 1.1
_REPEATS: Final = 5
_QUICK_REPEATS: Final = 1
#: Stop repeating once the timed runs of one callable add up to this many seconds.
_BUDGET_SECONDS: Final = 10.0


# Not keyword-only: bench modules written in parallel construct it both ways.
@attrs.frozen
class Case:
    """One benchmark: our code and its baseline on the same input.

    Args:
        name: Stable name of the row, ``<topic>.<what>`` (``serialization.load``).
        run: Our code; called with no arguments, its result is discarded.
        baseline: What the baseline is (``orjson.loads``).
        baseline_run: The baseline; called like ``run``.
    """

    name: str
    run: Callable[[], object]
    baseline: str
    baseline_run: Callable[[], object]


@attrs.frozen(kw_only=True)
class Row:
    """The timing of one case at one scale; ``ratio`` is ``seconds / baseline_seconds``."""

    name: str
    scale: float
    seconds: float
    baseline: str
    baseline_seconds: float
    ratio: float

    def as_dict(self) -> dict[str, object]:
        """The row as the JSON object ``run.py --json`` writes."""
        return {
            "name": self.name,
            "scale": self.scale,
            "seconds": self.seconds,
            "baseline": self.baseline,
            "baseline_seconds": self.baseline_seconds,
            "ratio": self.ratio,
        }


@attrs.frozen(kw_only=True)
class Growth:
    """How one benchmark's time grows from the smallest to the largest scale.

    ``factor`` is ``seconds(high) / seconds(low)``; ``target`` is linear growth
    with :data:`GROWTH_SLACK` (4.4 from scale 1 to 4).
    """

    name: str
    low: float
    high: float
    factor: float
    target: float

    @property
    def ok(self) -> bool:
        """Whether growth stays within the target."""
        return self.factor <= self.target


def best_of(fn: Callable[[], object], *, repeats: int, budget: float = _BUDGET_SECONDS) -> float:
    """The fastest of up to ``repeats`` timed calls of ``fn``, after one warm-up call.

    The garbage collector is off during each timed call (collected before it), so
    a collection triggered by earlier garbage does not land in the timing. Repeats
    stop early once the timed calls add up to ``budget`` seconds; at least one
    call is always timed.

    >>> best_of(lambda: None, repeats=3) >= 0
    True
    """
    fn()  # warm-up: first-call costs (imports, generated hooks, caches) are not timed
    best = math.inf
    spent = 0.0
    for _ in range(max(1, repeats)):
        gc.collect()
        enabled = gc.isenabled()
        gc.disable()
        try:
            start = time.perf_counter()
            fn()
            elapsed = time.perf_counter() - start
        finally:
            if enabled:
                gc.enable()
        best = min(best, elapsed)
        spent += elapsed
        if spent >= budget:
            break
    return best


def measure(case: Case, scale: float, *, quick: bool = False) -> Row:
    """Time ``case`` and its baseline at ``scale`` and return the row."""
    repeats = _QUICK_REPEATS if quick else _REPEATS
    seconds = best_of(case.run, repeats=repeats)
    baseline_seconds = best_of(case.baseline_run, repeats=repeats)
    # A baseline too fast for the clock still gives a finite ratio.
    floor = max(baseline_seconds, 1e-9)
    return Row(
        name=case.name,
        scale=scale,
        seconds=seconds,
        baseline=case.baseline,
        baseline_seconds=baseline_seconds,
        ratio=seconds / floor,
    )


def growth(rows: Iterable[Row]) -> list[Growth]:
    """Growth of each benchmark measured at two or more scales, in name order.

    >>> rows = [Row(name="load", scale=s, seconds=t, baseline="b", baseline_seconds=1.0,
    ...             ratio=t) for s, t in ((1, 2.0), (4, 8.4))]
    >>> [(g.name, round(g.factor, 2), round(g.target, 2), g.ok) for g in growth(rows)]
    [('load', 4.2, 4.4, True)]
    """
    by_name: dict[str, dict[float, float]] = {}
    for row in rows:
        by_name.setdefault(row.name, {})[row.scale] = row.seconds
    result = []
    for name in sorted(by_name):
        timings = by_name[name]
        if len(timings) < 2:
            continue
        low, high = min(timings), max(timings)
        result.append(
            Growth(
                name=name,
                low=low,
                high=high,
                factor=timings[high] / max(timings[low], 1e-9),
                target=GROWTH_SLACK * high / low,
            )
        )
    return result


def _scale(value: float) -> str:
    return f"{value:g}"


def _seconds(value: float) -> str:
    return f"{value:.4f}" if value < 10 else f"{value:.2f}"


def _render(header: Sequence[str], lines: Sequence[Sequence[str]], left: set[int]) -> str:
    """Columns of text (indexes in ``left``) align left, numbers right."""
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    for line in lines:
        cells = [
            cell.ljust(w) if i in left else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


def speed(ratio: float) -> str:
    """``ratio`` (ours / baseline) in words: ``0.25`` is "4.0x faster".

    >>> speed(0.25), speed(2.0)
    ('4.0x faster', '2.0x slower')
    """
    if ratio <= 0:
        return "-"
    return f"{1 / ratio:.1f}x faster" if ratio < 1 else f"{ratio:.1f}x slower"


def table(rows: Sequence[Row]) -> str:
    """The rows as a plain-text table, one line per benchmark and scale.

    >>> print(table([Row(name="load", scale=1, seconds=8.5, baseline="orjson.loads",
    ...                  baseline_seconds=0.25, ratio=34.0)]))
    name  scale  seconds  baseline      baseline s  ratio  speed
    ----  -----  -------  ------------  ----------  -----  ------------
    load      1   8.5000  orjson.loads      0.2500  34.00  34.0x slower
    """
    header = ("name", "scale", "seconds", "baseline", "baseline s", "ratio", "speed")
    lines = [
        (
            row.name,
            _scale(row.scale),
            _seconds(row.seconds),
            row.baseline,
            _seconds(row.baseline_seconds),
            f"{row.ratio:.2f}",
            speed(row.ratio),
        )
        for row in rows
    ]
    if not lines:
        return "(no benchmarks ran)"
    return _render(header, lines, {0, 3})


def growth_table(growths: Sequence[Growth]) -> str:
    """The growth summary as a plain-text table.

    >>> print(growth_table([Growth(name="load", low=1, high=4, factor=4.2, target=4.4)]))
    name  scales  growth  target   ok
    ----  ------  ------  -------  ---
    load  1 -> 4   4.20x  <=4.40x  yes
    """
    header = ("name", "scales", "growth", "target", "ok")
    lines = [
        (
            g.name,
            f"{_scale(g.low)} -> {_scale(g.high)}",
            f"{g.factor:.2f}x",
            f"<={g.target:.2f}x",
            "yes" if g.ok else "NO",
        )
        for g in growths
    ]
    if not lines:
        return "(growth needs two or more scales)"
    return _render(header, lines, {0, 1, 4})
