# SPDX-License-Identifier: MIT
"""The minutes (møtebok, koml. § 11-4) of a held meeting.

Time and place, the chair (møteleiar) and the minute-taker, attendance as a table
(members present, absent with notice, deputies who met and for whom; others with the
right to speak apart), each case with its proposal, the vote as Norwegian minutes
write it, the rule when it is not a simple majority, the decision, and the approval
block. Closed items show their koml. § 11-5 basis and never their title in the public
copy. Rule-check findings are never written here: they belong to ``iprmodel validate``.

>>> from iprmodel.model import RecordedOutcome, Tally
>>> from iprmodel_docx.words import Words
>>> vote_text(Tally(votes_for=5, votes_against=2), RecordedOutcome.ADOPTED, False, Words("nn"))
'Vedteke med 5 mot 2 røyster.'
>>> vote_text(Tally(votes_for=7, votes_against=0), RecordedOutcome.ADOPTED, False, Words("nb"))
'Enstemmig vedtatt.'
"""

from __future__ import annotations

import importlib
from fractions import Fraction
from typing import Any

from iprmodel.errors import IprModelError
from iprmodel.l10n import access_basis
from iprmodel.model import (
    AgendaItem,
    AttendanceStatus,
    ConsensusRule,
    Council,
    ElectionRule,
    MajorityRule,
    Meeting,
    Position,
    RecordedOutcome,
    Register,
    SeatKind,
    Tally,
    UnanimityRule,
    VoteBase,
    VoteChoice,
)
from iprmodel_docx.agreement import party_name
from iprmodel_docx.builder import Builder, Cell
from iprmodel_docx.meetings import chair_of, opening, seats, who
from iprmodel_docx.provenance import Notes
from iprmodel_docx.words import Gaps, Words

__all__ = ["rule_text", "tally_of", "vote_text", "votes", "write_minutes"]


def tally_of(item: AgendaItem) -> Tally | None:
    """The item's tally: counted from named votes, else as recorded."""
    if item.votes:
        counts = dict.fromkeys(VoteChoice, 0)
        for vote in item.votes:
            counts[vote.choice] += 1
        return Tally(
            votes_for=counts[VoteChoice.FOR],
            votes_against=counts[VoteChoice.AGAINST],
            blank=counts[VoteChoice.BLANK],
        )
    return item.tally


def votes(count: int, words: Words) -> str:
    """``1 røyst``, ``5 røyster``: the noun agrees with the number (Norwegian minutes
    write "5 mot 1 røyst")."""
    return words("{count} vote", count=count) if count == 1 else words("{count} votes", count=count)


def vote_text(tally: Tally, outcome: RecordedOutcome | None, casting: bool, words: Words) -> str:
    """``Samrøystes vedteke.``, ``Vedteke med 5 mot 2 røyster.``, ``Vedteke med 5 mot 1
    røyst.``, ``Vedteke med møteleiaren si dobbeltrøyst.`` (and the Bokmål and English forms).

    The noun goes with the last number: ``Vedtatt med 5 mot 1 stemme.``

    >>> vote_text(Tally(votes_for=5, votes_against=1), RecordedOutcome.ADOPTED, False, Words("nb"))
    'Vedtatt med 5 mot 1 stemme.'
    """
    f, a = tally.votes_for, tally.votes_against
    if outcome is RecordedOutcome.NOT_QUORATE:
        text = words("Not quorate: no decision.")
    elif outcome is RecordedOutcome.REJECTED:
        text = (
            words("Unanimously rejected.")
            if f == 0
            else words(
                "Rejected by {against} to {votes_for}.", against=a, votes_for=votes(f, words)
            )
        )
    elif casting:
        text = words(
            "Adopted by the chair's casting vote ({votes_for} to {against}).",
            votes_for=f,
            against=votes(a, words),
        )
    elif a == 0 and outcome is RecordedOutcome.ADOPTED:
        text = words("Unanimously adopted.")
    elif outcome is RecordedOutcome.ADOPTED:
        text = words("Adopted by {votes_for} to {against}.", votes_for=f, against=votes(a, words))
    else:
        text = words("{votes_for} for, {against} against.", votes_for=votes(f, words), against=a)
    if tally.blank:
        text += " " + words("Blank votes: {blank}.", blank=tally.blank)
    return text


def rule_text(rule: Any, words: Words) -> str | None:
    """The rule, when it is not a simple majority of votes cast: ``Krev minst 2/3 …``."""
    if isinstance(rule, MajorityRule):
        simple = rule.threshold == Fraction(1, 2) and rule.strict
        if simple and rule.base is VoteBase.VOTES_CAST:
            return None
        share = f"{rule.threshold.numerator}/{rule.threshold.denominator}"
        base = {
            VoteBase.VOTES_CAST: words("of the votes cast"),
            VoteBase.MEMBERS_PRESENT: words("of the members present"),
            VoteBase.ALL_MEMBERS: words("of all members"),
        }[rule.base]
        if rule.strict:
            return words("Requires more than {share} {base}.", share=share, base=base)
        return words("Requires at least {share} {base}.", share=share, base=base)
    if isinstance(rule, ConsensusRule):
        return words("Requires consensus: nobody may vote against.")
    if isinstance(rule, UnanimityRule):
        return words("Requires a unanimous decision.")
    if isinstance(rule, ElectionRule):
        return None
    return None


def _decided_by(council: Council, meeting: Meeting, item: AgendaItem) -> str | None:
    # The rules package says what settled the vote (``casting_vote``, ``pending`` ...);
    # a record the rules cannot read is left to ``iprmodel validate`` (nothing here).
    try:
        voting = importlib.import_module("iprmodel.rules.voting")
        outcome = voting.evaluate_item(council, meeting, item)
    except (ImportError, IprModelError):
        return None
    return None if outcome is None else str(outcome.decided_by.value)


def _vote_line(
    tally: Tally, item: AgendaItem, rule: Any, decided_by: str | None, words: Words, gaps: Gaps
) -> str:
    if decided_by == "pending" and isinstance(rule, ElectionRule):
        return words("Not decided yet: a second ballot or a draw is needed (koml. § 7-8).")
    if decided_by == "pending" and tally.votes_for == tally.votes_against:
        # A tie recorded by totals only: the chair's vote decides (koml. § 11-9 andre
        # ledd), and the register does not say how the chair voted.
        return (
            words(
                "Tied, {votes_for} to {against}. The chair's vote decides a tie (koml. § 11-9 second paragraph) and is not recorded:",
                votes_for=tally.votes_for,
                against=votes(tally.votes_against, words),
            )
            + " "
            + gaps.missing("the chair's vote in a tied vote")
        )
    return vote_text(tally, item.outcome, decided_by == "casting_vote", words)


def _attendance(
    builder: Builder,
    meeting: Meeting,
    council: Council,
    register: Register,
    words: Words,
    notes: Notes,
) -> None:
    appointments = {a.person: a for a in seats(council, meeting)}
    member_rows: list[tuple[str, ...]] = []
    other_rows: list[tuple[str, ...]] = []
    placeholders = False
    for entry in meeting.attendance:
        appointment = appointments.get(entry.person)
        person = register.person(entry.person)
        placeholders = placeholders or bool(person and person.placeholder)
        party = (
            party_name(register, appointment.participant, words)
            if appointment is not None and appointment.participant
            else ""
        )
        if entry.substitute_for is not None:
            status = words(
                "met as deputy for {member}",
                member=who(register, entry.substitute_for, words, council),
            )
        else:
            status = words.label(entry.status)
        name = who(register, entry.person, words, council) + notes.mark(appointment)
        row = (name, party, status)
        is_member = appointment is not None and appointment.seat in (
            SeatKind.MEMBER,
            SeatKind.DEPUTY,
        )
        (member_rows if is_member or entry.substitute_for else other_rows).append(row)
    present = sum(
        1
        for a in meeting.attendance
        if a.status is AttendanceStatus.PRESENT
        and (
            a.person in appointments
            and appointments[a.person].seat in (SeatKind.MEMBER, SeatKind.DEPUTY)
        )
    )
    builder.heading(words("Attendance"), 1)
    # Out of the seats, so the reader sees the quorum (koml. § 11-9 første ledd: at least
    # half the members present).
    seats_count = meeting.expected_members or sum(
        1 for a in appointments.values() if a.seat is SeatKind.MEMBER
    )
    builder.paragraph(
        words("{present} of {seats}", present=present, seats=seats_count)
        if seats_count
        else str(present),
        label=words("Members and deputies present:"),
    )
    header = (words("Name"), words("Participant"), words("Attended"))
    builder.table(member_rows, header=header, widths=(2.6, 2.2, 2.4))
    if other_rows:
        builder.heading(words("Also present, with the right to speak"), 2)
        builder.table(other_rows, header=header, widths=(2.6, 2.2, 2.4))
    if placeholders:
        builder.paragraph(
            words("Names in square brackets are placeholders: the register has no name."), "Note"
        )


def _officers(
    meeting: Meeting, council: Council, register: Register, words: Words, gaps: Gaps
) -> tuple[str, str]:
    present = {a.person for a in meeting.attendance if a.status is AttendanceStatus.PRESENT}
    chair = next(
        (
            a
            for position in (Position.CHAIR, Position.DEPUTY_CHAIR)
            if (a := chair_of(council, meeting, position)) is not None and a.person in present
        ),
        None,
    )
    # Only an appointment as the body's secretary names the minute-taker; a staff
    # member who attended is not assumed to have taken the minutes.
    secretary = chair_of(council, meeting, Position.SECRETARY)
    # An acting chair elected at the meeting (koml. § 11-2 tredje ledd) chairs it.
    chair_person = meeting.acting_chair or (chair.person if chair else None)
    chair_name = (
        who(register, chair_person, words, council)
        if chair_person
        else gaps.missing("the chair of the meeting")
    )
    taker_name = (
        who(register, secretary.person, words, council)
        if secretary
        else gaps.missing("the minute-taker")
    )
    return chair_name, taker_name


def write_minutes(
    builder: Builder,
    meeting: Meeting,
    council: Council,
    register: Register,
    words: Words,
    gaps: Gaps,
    *,
    show_closed: bool = False,
    notes: Notes | None = None,
) -> None:
    """The minutes (møtebok, koml. § 11-4) of a held meeting."""
    notes = notes or Notes(words)
    opening(builder, words("Minutes"), meeting, council, words, gaps, notes)
    chair_name, taker_name = _officers(meeting, council, register, words, gaps)
    acting = (
        " " + words("(acting chair, koml. § 11-2 third paragraph)") if meeting.acting_chair else ""
    )
    builder.paragraph(chair_name + acting, label=words("Chair of the meeting:"))
    builder.paragraph(taker_name, label=words("Minute-taker:"))
    if meeting.attendance:
        _attendance(builder, meeting, council, register, words, notes)
    else:
        builder.heading(words("Attendance"), 1)
        builder.paragraph(gaps.missing("who attended"), label=words("Attendance:"))

    builder.heading(words("Cases"), 1)
    body = council.body(meeting.body)
    if not meeting.agenda:
        builder.paragraph(gaps.missing("the cases dealt with"))
    for item in sorted(meeting.agenda, key=lambda i: i.order):
        closed = item.closed_basis is not None
        hide = closed and not show_closed
        # The basis has its own line below; the heading only says the item is closed.
        title = words("Exempt from public access") if hide else item.title
        builder.heading(f"{item.number} {title}", 2)
        # The short lines under the heading go with what follows: a case never leaves
        # its heading and kind alone at the foot of a page.
        builder.paragraph(words.label(item.kind), label=words("Kind of case:"), keep_next=True)
        if closed:
            builder.paragraph(
                access_basis(item, words.locale) or "",
                label=words("Closed meeting, basis:"),
                keep_next=True,
            )
        if item.chaired_by is not None:
            builder.paragraph(
                who(register, item.chaired_by, words, council), label=words("Chair for the case:")
            )
        if item.proposal and not hide:
            builder.paragraph(item.proposal, label=words("Proposal:"))
        if item.disqualified:
            builder.paragraph(
                ", ".join(who(register, p, words, council) for p in item.disqualified),
                label=words("Disqualified (koml. § 11-10):"),
            )
        if item.excused:
            builder.paragraph(
                ", ".join(who(register, p, words, council) for p in item.excused),
                label=words("Excused (koml. § 11-11):"),
            )
        tally = tally_of(item)
        if tally is not None:
            rule = body.rule_for(item.kind) if body is not None else None
            rule_line = rule_text(rule, words) if rule is not None else None
            if rule_line:
                # The rule is the body's: its assumption note (if any) goes with it.
                builder.paragraph(rule_line + notes.mark(body), label=words("Voting rule:"))
            builder.paragraph(
                _vote_line(tally, item, rule, _decided_by(council, meeting, item), words, gaps),
                label=words("Vote:"),
            )
        if item.decision and not hide:
            builder.paragraph(item.decision, label=words("Decision:"))
        elif item.decision:
            builder.paragraph(words("The decision is recorded in the exempt minutes."), "Note")

    builder.heading(words("Approval"), 1)
    builder.paragraph(words("The minutes are presented for approval at the next meeting."))
    line = "_" * 30
    builder.table(
        [
            (
                Cell(words("Chair of the meeting"), bold=True)
                + Cell(chair_name, "", line, words("Date and signature")),
                Cell(words("Minute-taker"), bold=True)
                + Cell(taker_name, "", line, words("Date and signature")),
            )
        ],
        widths=(1, 1),
        style="Normal",
        borders=False,
    )
