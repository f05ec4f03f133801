# SPDX-License-Identifier: MIT
"""Kommuneloven chapter 8: the duties of the elected.

§ 8-1 andre ledd: "Medlemmer som er til stede i et kommunalt eller fylkeskommunalt folkevalgt
organ når en sak tas opp til avstemning, plikter å stemme. Ved valg og vedtak om ansettelse er
det adgang til å stemme blankt."

* a blank vote outside elections and hiring decisions (``IPR-8-1-BLANK``, a warning: like
  a member who does not vote, it breaks the member's duty to vote, not the minutes) is found
  where the votes are evaluated, in :mod:`~iprmodel.rules.chapter11`;
* a member present who does not vote (``IPR-8-1-DUTY``) is found here, from per-person
  votes and the attendance.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from iprmodel.model import AttendanceStatus, MeetingStatus
from iprmodel.rules.context import Context
from iprmodel.rules.findings import Finding
from iprmodel.rules.registry import rule

__all__ = ["CHECKS"]


def duty_to_vote(ctx: Context) -> Iterator[Finding]:
    """Members (and deputies standing in) present at an item with per-person votes vote."""
    for meeting in ctx.council.meetings:
        if meeting.status is MeetingStatus.CANCELLED or not meeting.attendance:
            continue
        if not any(item.votes for item in meeting.agenda):
            continue
        seats = ctx.seats_in(meeting)
        if seats is None or seats.attending is None:
            continue
        standing_in = {
            entry.person
            for entry in meeting.attendance
            if entry.status is AttendanceStatus.PRESENT and entry.substitute_for is not None
        }
        # Who must vote: members present, and deputies present in a member's place.
        bound = {p for p in seats.attending if p in seats.member_persons or p in standing_in}
        for item in meeting.agenda:
            if not item.votes:
                continue
            silent = bound - {v.person for v in item.votes}
            silent -= {*item.disqualified, *item.excused}
            if silent:
                yield rule("IPR-8-1-DUTY").at(
                    f"{ctx.path}.meetings[{meeting.id}].agenda[{item.id}].votes",
                    "silent",
                    persons=tuple(ctx.person_name(p) for p in sorted(silent)),
                    number=item.number,
                )


CHECKS: Final = (duty_to_vote,)
