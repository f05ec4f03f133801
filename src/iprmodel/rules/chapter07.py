# SPDX-License-Identifier: MIT
"""Kommuneloven chapter 7: eligibility, exclusions and the gender balance of elections.

* § 7-2 third paragraph c with fourth paragraph: written consent to the election;
* § 7-3: officials excluded from election (a chief executive with a voting seat;
  whoever keeps the council's accounts or audits it);
* §§ 7-5 to 7-7: gender balance, per delegation (interpretation).

The elections themselves (forholdsvalg, avtalevalg, flertallsvalg) are evaluated by
the decision rules, not checked here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from iprmodel.model import Body, Gender, Office, Right, SeatKind
from iprmodel.rules._text import N_, Word
from iprmodel.rules.context import Context
from iprmodel.rules.findings import Finding
from iprmodel.rules.registry import rule

__all__ = ["CHECKS"]


def representantskap(ctx: Context) -> Iterator[Finding]:
    """Gender balance and written consent in the representantskap."""
    for body in ctx.representantskap:
        yield from _gender(ctx, body)
        yield from _consent(ctx, body)


def _gender(ctx: Context, body: Body) -> Iterator[Finding]:
    path = f"{ctx.path}.bodies[{body.id}]"
    seats = [a for a in ctx.appointments_by_body.get(body.id, ()) if a.valid_to is None]
    gender_rule = rule("IPR-7-7-GENDER")
    unknown = 0
    for participant in ctx.members:
        for seat, seat_word in (
            (SeatKind.MEMBER, N_("members")),
            (SeatKind.DEPUTY, N_("deputies")),
        ):
            genders = []
            for a in seats:
                if a.participant != participant or a.seat is not seat:
                    continue
                person = ctx.persons.get(a.person)
                genders.append(person.gender if person is not None else None)
            if None in genders:
                unknown += genders.count(None)
                continue
            count = len(genders)
            if count < 2:
                continue
            women = genders.count(Gender.FEMALE)
            fewest = min(women, count - women)
            if count <= 3 and fewest == 0:
                yield gender_rule.at(
                    path,
                    "one",
                    count=count,
                    seats=Word(seat_word),
                    participant=ctx.name(participant),
                    body=body.name,
                )
            elif count >= 4 and 5 * fewest < 2 * count:
                yield gender_rule.at(
                    path,
                    "few",
                    fewest=fewest,
                    count=count,
                    seats=Word(seat_word),
                    participant=ctx.name(participant),
                    body=body.name,
                )
    if unknown:
        yield rule("IPR-7-7-GENDER-UNKNOWN").at(path, "unknown", count=unknown, body=body.name)


def _consent(ctx: Context, body: Body) -> Iterator[Finding]:
    unknown = 0
    for a in ctx.appointments_by_body.get(body.id, ()):
        if a.seat not in (SeatKind.MEMBER, SeatKind.DEPUTY):
            continue
        if a.written_consent is None:
            unknown += 1
        elif not a.written_consent:
            yield rule("IPR-7-2-CONSENT").at(
                f"{ctx.path}.appointments[{a.id}]",
                "refused",
                person=ctx.person_name(a.person),
                body=body.name,
            )
    if unknown:
        yield rule("IPR-7-2-CONSENT-UNKNOWN").at(
            f"{ctx.path}.bodies[{body.id}]", "unknown", count=unknown, body=body.name
        )


_SEATS: Final = (SeatKind.MEMBER, SeatKind.DEPUTY)


def exclusions(ctx: Context) -> Iterator[Finding]:
    """§ 7-3: excluded officials hold no seat in the council's governing bodies."""
    keepers = set(ctx.council.accounts_keepers)
    auditors = set(ctx.council.auditors)
    for a in ctx.council.appointments:
        body = ctx.bodies.get(a.body)
        if body is None or not body.political or a.seat not in _SEATS:
            continue
        here = f"{ctx.path}.appointments[{a.id}]"
        who = ctx.person_name(a.person)
        if a.person in keepers:
            yield rule("IPR-7-3-ACCOUNTS").at(here, "accounts", person=who, body=body.name)
        elif a.person in auditors:
            yield rule("IPR-7-3-ACCOUNTS").at(here, "audit", person=who, body=body.name)
        elif a.office is Office.CHIEF_EXECUTIVE and Right.VOTE in a.rights:
            yield rule("IPR-7-3-EXCLUDED").at(
                f"{here}.rights", "voting", person=who, body=body.name
            )


CHECKS: Final = (representantskap, exclusions)
