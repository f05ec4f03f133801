# SPDX-License-Identifier: MIT
"""Circles of links between bodies: reporting to or created by each other.

A body that reports to itself, or bodies that report to each other in a circle, have
no one to answer to; the same holds for bodies that created each other. The Council
refuses them, and the loader names each circle with the other problems. A body that
says it created itself is left to the law checks (IPR-18-3-BODIES), which name it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from iprmodel.errors import InvalidValue

__all__ = ["body_cycle_errors", "cycles"]


def cycles(links: Mapping[str, Sequence[str]]) -> Iterator[tuple[str, ...]]:
    """Each circle found by following ``links`` (id to ids), from its first member round.

    Iterative, so a long chain cannot exhaust the stack; ids that are not keys of
    ``links`` (dangling references, reported elsewhere) end a path.

    >>> list(cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["d"], "e": ["a"]}))
    [('a', 'b', 'c', 'a'), ('d', 'd')]
    """
    state: dict[str, bool] = {}  # True: on the current path; False: done
    for start in links:
        if start in state:
            continue
        path = [start]
        state[start] = True
        pending = [iter(links[start])]
        while pending:
            following = next(pending[-1], None)
            if following is None:
                state[path.pop()] = False
                pending.pop()
            elif following in links and following not in state:
                state[following] = True
                path.append(following)
                pending.append(iter(links[following]))
            elif state.get(following):
                yield (*path[path.index(following) :], following)


def _cycle_error(field: str, cycle: tuple[str, ...]) -> InvalidValue:
    shown = " → ".join(cycle)
    if field == "reports_to":
        if len(cycle) == 2:
            return InvalidValue("a body cannot report to itself")
        return InvalidValue("the bodies report to each other in a circle: {cycle}", cycle=shown)
    return InvalidValue("the bodies are created by each other in a circle: {cycle}", cycle=shown)


def body_cycle_errors(
    bodies: Sequence[tuple[str, Sequence[str], Sequence[str]]],
) -> Iterator[InvalidValue]:
    """An error for each circle of ``reports_to`` or of ``created_by`` among bodies.

    ``bodies`` are (id, reports_to, created_by) in list order; each error's
    :attr:`~iprmodel.errors.TemplatedError.at` names the first body of the circle.
    """
    order = {body_id: index for index, (body_id, _, _) in reversed(list(enumerate(bodies)))}
    for field, links in (
        ("reports_to", {body_id: reports for body_id, reports, _ in bodies}),
        ("created_by", {body_id: creators for body_id, _, creators in bodies}),
    ):
        for cycle in cycles(links):
            if field == "created_by" and len(cycle) == 2:
                # A body that says it created itself is a finding of the law checks
                # (IPR-18-3-BODIES, koml. § 18-3), not a register that cannot be read.
                continue
            first = min(cycle, key=order.__getitem__)
            error = _cycle_error(field, _rotate(cycle, first))
            error.at = f"bodies[{first}].{field}"
            yield error


def _rotate(cycle: tuple[str, ...], first: str) -> tuple[str, ...]:
    ring = cycle[:-1]
    start = ring.index(first)
    return (*ring[start:], *ring[:start], first)
