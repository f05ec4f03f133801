# SPDX-License-Identifier: MIT
"""Check a register against kommuneloven (koml.): :func:`check`.

:func:`check` returns :class:`~iprmodel.rules.findings.Finding` objects: every rule of
:mod:`iprmodel.rules.registry` that the model can express, with a stable code (listed in
:data:`CODES` and explained in docs/rules.md). Loading rejects *malformed* data; these
checks *report*, because a draft council may be incomplete. Where the record leaves
something out (an agreement whose text we do not have), the finding is a warning that
says what is missing; where the record shows the law broken, it is an error.

The checks live one module per chapter of the act: :mod:`~iprmodel.rules.chapter07`,
:mod:`~iprmodel.rules.chapter08`, :mod:`~iprmodel.rules.chapter11`,
:mod:`~iprmodel.rules.chapter14`, :mod:`~iprmodel.rules.chapter18`; the consistency
checks of :mod:`iprmodel.rules.consistency` run too.

>>> from iprmodel.model import Council, LocalizedText, Register
>>> register = Register(councils=(Council(id="demo",
...     formal_name=LocalizedText(nb="Demo interkommunalt politisk råd")),))
>>> [f.code for f in check(register) if f.severity is Severity.ERROR]
['IPR-18-1-PARTICIPANTS', 'IPR-18-3-REPRESENTANTSKAP']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Final

from iprmodel.model import AgreementKind, Appointment, BodyKind, Council, Person, Register
from iprmodel.rules import (
    chapter07,
    chapter08,
    chapter11,
    chapter14,
    chapter18,
    consistency,
    provenance,
)
from iprmodel.rules.context import Context, current_members
from iprmodel.rules.decisions import delegation, seat_index
from iprmodel.rules.findings import Finding, Severity
from iprmodel.rules.registry import CODES

__all__ = ["CHECKS", "CODES", "Severity", "check", "check_council", "delegation"]

#: Every check, in the order findings are reported: the council (chapter 18) first.
CHECKS: Final[tuple[Callable[[Context], Iterator[Finding]], ...]] = (
    chapter18.participants,
    chapter18.name,
    chapter18.powers,
    chapter18.shares,
    chapter18.representantskap,
    chapter07.representantskap,
    chapter18.chair,
    chapter18.other_bodies,
    chapter07.exclusions,
    chapter18.agreement,
    chapter18.amending_bodies,
    chapter18.deputies_stand_in,
    chapter07.deputy_votes,
    *chapter11.CHECKS,
    *chapter08.CHECKS,
    *chapter14.CHECKS,
)


def check_council(
    register: Register, council: Council, *, persons: dict[str, Person] | None = None
) -> tuple[Finding, ...]:
    """The legal findings for one council of ``register`` (without consistency checks).

    ``persons`` is an index of the register's persons by id, to share between councils.
    """
    by_body: dict[str, list[Appointment]] = defaultdict(list)
    for appointment in council.appointments:
        by_body[appointment.body].append(appointment)
    ctx = Context(
        register=register,
        council=council,
        path=f"councils[{council.id}]",
        members=current_members(council),
        participants={p.id: p for p in register.participants},
        representantskap=tuple(b for b in council.bodies if b.kind is BodyKind.REPRESENTANTSKAP),
        cooperation=tuple(
            a
            for a in council.agreements
            if a.kind is AgreementKind.COOPERATION and a.valid_to is None
        )
        or tuple(a for a in council.agreements if a.kind is AgreementKind.COOPERATION)[-1:],
        appointments_by_body={k: tuple(v) for k, v in by_body.items()},
        persons=persons if persons is not None else {p.id: p for p in register.persons},
        bodies={b.id: b for b in council.bodies},
        seats=seat_index(council),
    )
    return tuple(finding for step in CHECKS for finding in step(ctx))


def check(register: Register) -> tuple[Finding, ...]:
    """Every legal and consistency finding for ``register``, council by council.

    Args:
        register: The register to check.

    Returns:
        The findings, in a stable order: per council, check by check.
    """
    findings: list[Finding] = []
    persons = {p.id: p for p in register.persons}
    for council in register.councils:
        if not council.outline:  # only what a source says: no complete record to check
            findings.extend(check_council(register, council, persons=persons))
    findings.extend(consistency.check(register))
    findings.extend(provenance.check(register))
    return tuple(findings)
