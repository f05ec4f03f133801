# SPDX-License-Identifier: MIT
"""Kommuneloven chapter 14: the council's economy.

§ 14-8 first paragraph: the representantskap adopts the council's annual budget,
annual accounts and annual report; no other body may be given that power or adopt
them in its meetings (it may recommend them).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from iprmodel.model import BodyKind, CaseKind, Power
from iprmodel.rules.context import Context, adopted_outside_representantskap
from iprmodel.rules.findings import Finding
from iprmodel.rules.registry import rule

__all__ = ["CHECKS"]

#: The powers § 14-8 first paragraph gives the representantskap alone.
RESERVED_POWERS: Final = (Power.ADOPT_BUDGET, Power.ADOPT_ACCOUNTS, Power.ADOPT_ANNUAL_REPORT)


def budgets(ctx: Context) -> Iterator[Finding]:
    """A budget is adopted by the representantskap."""
    for budget in ctx.council.budgets:
        body = ctx.bodies.get(budget.adopted_by) if budget.adopted_by else None
        if body is not None and body.kind is not BodyKind.REPRESENTANTSKAP:
            yield rule("IPR-14-8-BUDGET").at(
                f"{ctx.path}.budgets[{budget.id}].adopted_by", "budget", body=body.name
            )


def powers(ctx: Context) -> Iterator[Finding]:
    """No body but the representantskap has power to adopt budget, accounts or report."""
    for body in ctx.council.bodies:
        if body.kind is BodyKind.REPRESENTANTSKAP:
            continue
        given = tuple(p for p in RESERVED_POWERS if p in body.powers)
        if given:
            yield rule("IPR-14-8-BUDGET").at(
                f"{ctx.path}.bodies[{body.id}].powers", "power", body=body.name, what=given
            )


#: The case kinds § 14-8 first paragraph leaves to the representantskap.
RESERVED_KINDS: Final = (CaseKind.BUDGET, CaseKind.ACCOUNTS, CaseKind.ANNUAL_REPORT)


def items(ctx: Context) -> Iterator[Finding]:
    """No other body adopts the budget, the accounts or the annual report in a meeting."""
    for path, body, item in adopted_outside_representantskap(ctx, RESERVED_KINDS):
        yield rule("IPR-14-8-BUDGET").at(
            path, "item", number=item.number, kind=item.kind, body=body.name
        )


CHECKS: Final = (budgets, powers, items)
