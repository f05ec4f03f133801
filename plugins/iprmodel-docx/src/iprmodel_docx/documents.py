# SPDX-License-Identifier: MIT
"""Action plans, evaluations, meeting notices (møteinnkalling) and minutes (møtebok).

Each ``write_*`` function fills a :class:`~iprmodel_docx.builder.Builder` from the
model. Minutes follow koml. § 11-4 (time and place, who attended, matters, decisions,
vote results, disqualifications and the basis for closed items); closed items show
their koml. § 11-5 basis instead of sensitive detail.

>>> from iprmodel.model import Tally
>>> from iprmodel_docx.words import Words
>>> tally_text(Tally(votes_for=7, votes_against=2), Words("nn"))
'7 for, 2 mot'
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from types import ModuleType
from typing import Any

from iprmodel.errors import IprModelError
from iprmodel.model import (
    ActionPlan,
    AgendaItem,
    Appointment,
    AttendanceStatus,
    Council,
    Evaluation,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Register,
    SeatKind,
    Tally,
    Task,
    VoteChoice,
)
from iprmodel_docx.agreement import party_name
from iprmodel_docx.builder import Builder
from iprmodel_docx.words import Words

__all__ = [
    "latest_evaluation",
    "latest_meeting",
    "latest_plan",
    "tally_text",
    "write_action_plan",
    "write_evaluation",
    "write_minutes",
    "write_notice",
]


def latest_plan(council: Council) -> ActionPlan | None:
    """The action plan with the latest period."""
    return max(council.action_plans, key=lambda p: (p.end_year, p.start_year), default=None)


def latest_evaluation(plan: ActionPlan, year: int | None = None) -> Evaluation | None:
    """The evaluation of ``year``, else the latest one."""
    if year is not None:
        return next((e for e in plan.evaluations if e.year == year), None)
    return max(plan.evaluations, key=lambda e: e.year, default=None)


def latest_meeting(
    council: Council, body: str | None = None, *, held: bool = False
) -> Meeting | None:
    """The latest meeting with an agenda (else the latest meeting), optionally of ``body``.

    With ``held`` (minutes) only held meetings count.
    """
    meetings = [
        m for m in council.meetings if body is None or m.body == body or body in m.joint_bodies
    ]
    if held:
        # Minutes are only for meetings that took place; a plan is no møtebok.
        meetings = [m for m in meetings if m.status is MeetingStatus.HELD]
    with_agenda = [m for m in meetings if m.agenda]
    return max(with_agenda or meetings, key=lambda m: (m.start, m.id), default=None)


def _person(register: Register, person_id: str) -> str:
    person = register.person(person_id)
    return person.name if person is not None else person_id


def _valid_on(appointment: Appointment, day: date) -> bool:
    return (appointment.valid_from is None or appointment.valid_from <= day) and (
        appointment.valid_to is None or day <= appointment.valid_to
    )


def _body_name(council: Council, body_id: str, words: Words) -> str:
    body = council.body(body_id)
    if body is None:
        return body_id
    return words.text(body.everyday_name) or words.text(body.name)


def meeting_title(council: Council, meeting: Meeting, words: Words) -> str:
    """``Hallingtinget 23.04.2026`` (or the meeting's own title)."""
    name = meeting.title or _body_name(council, meeting.body, words)
    return f"{name} {words.date(meeting.start.date())}"


# -- action plan -------------------------------------------------------------------


def _task_row(task: Task, register: Register, words: Words) -> tuple[str, ...]:
    partners = [party_name(register, p, words) for p in task.partners] + list(task.partner_names)
    funding = []
    for source in task.funding:
        who = (
            party_name(register, source.funder, words)
            if source.funder
            else words.text(source.funder_group)
        )
        funding.append(f"{who} {words.money(source.amount)}" if source.amount is not None else who)
    return (
        words.text(task.title),
        words.label(task.mode) if task.mode is not None else "",
        party_name(register, task.lead, words) if task.lead else "",
        ", ".join(partners),
        words.date(task.due) if task.due is not None else "",
        words.money(task.budget) if task.budget is not None else "",
        "; ".join(funding),
        words.label(task.status),
    )


def _themes_of(plan: ActionPlan, council: Council) -> list[tuple[str | None, list[Task]]]:
    groups: dict[str | None, list[Task]] = defaultdict(list)
    for task in plan.tasks:
        groups[task.theme].append(task)
    order = list(plan.themes) + [t.id for t in council.themes if t.id not in plan.themes]
    ordered: list[tuple[str | None, list[Task]]] = [
        (t, groups.pop(t)) for t in order if t in groups
    ]
    ordered.extend(sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or "")))
    return ordered


def write_action_plan(
    builder: Builder, plan: ActionPlan | None, council: Council, register: Register, words: Words
) -> None:
    """Per theme, a table of tasks: what, mode, lead, partners, due, budget, funding, status."""
    name = words.text(council.formal_name)
    if plan is None:
        builder.heading(words("Action plan"), 0)
        builder.paragraph(words("{council} has no action plan in the register.", council=name))
        return
    builder.heading(words.text(plan.title), 0)
    builder.paragraph(name, "Subtitle" if builder.style_id("Subtitle") else "Normal")
    period = (
        f"{plan.start_year}\u2013{plan.end_year}"
        if plan.end_year != plan.start_year
        else str(plan.start_year)
    )
    builder.paragraph(period, label=words("Period:"))
    if plan.adopted is not None:
        builder.paragraph(words.date(plan.adopted), label=words("Adopted:"))
    else:
        builder.paragraph(words("Draft: the plan is not adopted."), "Note")
    if plan.note is not None:
        builder.paragraph(words.text(plan.note))
    header = (
        words("Task"),
        words("Role"),
        words("Lead"),
        words("Partners"),
        words("Due"),
        words("Budget"),
        words("Funding"),
        words("Status"),
    )
    themes = {t.id: t for t in council.themes}
    if not plan.tasks:
        builder.paragraph(words("The plan has no tasks yet."), "Note")
    for theme_id, tasks in _themes_of(plan, council):
        theme = themes.get(theme_id) if theme_id is not None else None
        builder.heading(
            words.text(theme.title) if theme is not None else (theme_id or words("Other tasks")), 1
        )
        if theme is not None and theme.description is not None:
            builder.paragraph(words.text(theme.description))
        builder.table(
            [_task_row(task, register, words) for task in tasks],
            header=header,
            widths=(3.2, 1.3, 1.4, 1.8, 1.1, 1.2, 1.6, 1.1),
        )


# -- evaluation --------------------------------------------------------------------


def write_evaluation(
    builder: Builder,
    plan: ActionPlan | None,
    evaluation: Evaluation | None,
    council: Council,
    register: Register,
    words: Words,
) -> None:
    """Status and achievement per task, trends, next priorities, and unresourced tasks."""
    name = words.text(council.formal_name)
    if plan is None:
        builder.heading(words("Annual evaluation"), 0)
        builder.paragraph(words("{council} has no action plan in the register.", council=name))
        return
    year = evaluation.year if evaluation is not None else plan.end_year
    builder.heading(words("Annual evaluation {year}", year=year), 0)
    builder.paragraph(
        f"{words.text(plan.title)} \u2013 {name}",
        "Subtitle" if builder.style_id("Subtitle") else "Normal",
    )
    if evaluation is not None and evaluation.dated is not None:
        builder.paragraph(words.date(evaluation.dated), label=words("Dated:"))
    tasks = {t.id: t for t in plan.tasks}

    builder.heading(words("Status and achievement"), 1)
    if evaluation is None or not evaluation.tasks:
        builder.paragraph(words("No task has been evaluated yet."), "Note")
    else:
        rows = []
        for item in evaluation.tasks:
            task = tasks.get(item.task)
            rows.append(
                (
                    words.text(task.title) if task is not None else item.task,
                    words.label(item.status),
                    words.label(item.achievement),
                    words.text(item.comment),
                )
            )
        builder.table(
            rows,
            header=(words("Task"), words("Status"), words("Achievement"), words("Comment")),
            widths=(3, 1.2, 1.5, 3),
        )

    builder.heading(words("Trends"), 1)
    trends = [words.text(t) for t in (evaluation.trends if evaluation is not None else ())]
    if trends:
        builder.bullets(trends)
    else:
        builder.paragraph(words("None recorded."), "Note")

    builder.heading(words("Next priorities"), 1)
    priorities = [
        words.text(t) for t in (evaluation.next_priorities if evaluation is not None else ())
    ]
    if priorities:
        builder.bullets(priorities)
    else:
        builder.paragraph(words("None recorded."), "Note")

    builder.heading(words("Tasks without resources"), 1)
    unresourced = [t for t in plan.tasks if t.resourced is False]
    rule = plan.evaluation_rule
    if rule is not None and rule.drop_unresourced:
        builder.paragraph(
            words(
                "The council's rule: tasks without resources leave the shared regional priorities."
            ),
            "Note",
        )
    if unresourced:
        builder.bullets([words.text(t.title) for t in unresourced])
    else:
        builder.paragraph(words("Every task has resources, or none has been assessed."))


# -- meetings ----------------------------------------------------------------------


def _seats(council: Council, meeting: Meeting) -> list[Appointment]:
    bodies = {meeting.body, *meeting.joint_bodies}
    day = meeting.start.date()
    return [a for a in council.appointments if a.body in bodies and _valid_on(a, day)]


def _with_party(register: Register, appointment: Appointment, words: Words) -> str:
    name = _person(register, appointment.person)
    if appointment.participant:
        return f"{name} ({party_name(register, appointment.participant, words)})"
    return name


def _when_where(builder: Builder, council: Council, meeting: Meeting, words: Words) -> None:
    builder.paragraph(_body_name(council, meeting.body, words), label=words("Body:"))
    builder.paragraph(words.meeting_time(meeting), label=words("Time:"))
    if meeting.illustrative:
        builder.paragraph(words("Illustrative date from a generated meeting plan, not a real one."))
    location = meeting.location
    if location is not None and (location.place or location.address):
        where = ", ".join(x for x in (location.place, location.address) if x)
        builder.paragraph(where, label=words("Place:"))
    builder.paragraph(words.label(meeting.mode), label=words("Form:"))
    if (
        location is not None
        and location.remote_url
        and meeting.mode in (MeetingMode.REMOTE, MeetingMode.HYBRID)
    ):
        builder.paragraph(location.remote_url, label=words("Remote link:"))


def closed_text(item: AgendaItem, words: Words) -> str:
    """``Unnateke offentlegheit etter koml. § 11-5 …`` for a closed item."""
    assert item.closed_basis is not None
    return words("Closed: {basis}", basis=words.label(item.closed_basis))


def _opening(
    builder: Builder, title: str, meeting: Meeting | None, council: Council, words: Words
) -> bool:
    """Title, meeting and when/where; ``False`` (after saying so) when there is no meeting."""
    builder.heading(title, 0)
    if meeting is None:
        builder.paragraph(
            words(
                "{council} has no meeting in the register.", council=words.text(council.formal_name)
            )
        )
        return False
    builder.paragraph(
        meeting_title(council, meeting, words),
        "Subtitle" if builder.style_id("Subtitle") else "Normal",
    )
    _when_where(builder, council, meeting, words)
    return True


def write_notice(
    builder: Builder, meeting: Meeting | None, council: Council, register: Register, words: Words
) -> None:
    """The meeting notice: body, time, place or link, agenda, who is summoned, deputies."""
    if not _opening(builder, words("Meeting notice"), meeting, council, words) or meeting is None:
        return

    builder.heading(words("Agenda"), 1)
    if not meeting.agenda:
        builder.paragraph(words("The agenda is not ready yet."), "Note")
    else:
        rows = []
        for item in sorted(meeting.agenda, key=lambda i: i.order):
            title = closed_text(item, words) if item.closed_basis is not None else item.title
            rows.append((item.number, title))
        builder.table(rows, header=(words("Case no."), words("Case")), widths=(1.3, 5))
        if any(i.closed_basis is not None for i in meeting.agenda):
            builder.paragraph(
                words(
                    "Items marked as closed are exempt from public access; the meeting votes on closing them with the doors open (koml. § 11-5)."
                ),
                "Note",
            )

    seats = _seats(council, meeting)
    members = [a for a in seats if a.seat is SeatKind.MEMBER]
    builder.heading(words("Summoned"), 1)
    if members:
        builder.table(
            [
                (
                    _person(register, a.person),
                    party_name(register, a.participant, words) if a.participant else "",
                    words.label(a.position),
                )
                for a in members
            ],
            header=(words("Name"), words("Participant"), words("Position")),
            widths=(2.5, 2.5, 1.5),
        )
    else:
        builder.paragraph(words("No members are registered for this body."), "Note")
    deputies = sorted(
        (a for a in seats if a.seat is SeatKind.DEPUTY),
        key=lambda a: (
            party_name(register, a.participant, words) if a.participant else "",
            a.deputy_order or 99,
            a.person,
        ),
    )
    builder.heading(words("Deputies"), 2)
    if deputies:
        builder.table(
            [
                (
                    party_name(register, a.participant, words) if a.participant else "",
                    str(a.deputy_order or ""),
                    _person(register, a.person),
                )
                for a in deputies
            ],
            header=(words("Participant"), words("Order"), words("Name")),
            widths=(2.5, 0.8, 2.5),
        )
    else:
        builder.paragraph(words("No deputies are registered."), "Note")
    others = [a for a in seats if a.seat in (SeatKind.OBSERVER, SeatKind.EX_OFFICIO)]
    if others:
        builder.heading(words("Also invited"), 2)
        builder.bullets(
            [f"{_with_party(register, a, words)} \u2013 {words.label(a.seat)}" for a in others]
        )
    builder.paragraph(
        words("Members who cannot attend must report it at once so that a deputy can be called."),
        "Note",
    )


def _tally_of(item: AgendaItem) -> Tally | None:
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


def tally_text(tally: Tally, words: Words) -> str:
    """``7 for, 2 mot`` (with blank votes when there are any)."""
    text = words(
        "{votes_for} for, {votes_against} against",
        votes_for=tally.votes_for,
        votes_against=tally.votes_against,
    )
    if tally.blank:
        text += words(", {blank} blank", blank=tally.blank)
    return text


def _voting_rules() -> ModuleType | None:
    # The rules package evaluates votes; minutes fall back to the recorded outcome
    # when an older core without it is installed.
    try:
        return importlib.import_module("iprmodel.rules.voting")
    except ImportError:
        return None


def vote_lines(council: Council, meeting: Meeting, item: AgendaItem, words: Words) -> list[str]:
    """The vote result lines of an item: tally, evaluated outcome, recorded outcome."""
    lines: list[str] = []
    tally = _tally_of(item)
    if tally is not None:
        lines.append(words("Vote: {tally}.", tally=tally_text(tally, words)))
    rules = _voting_rules()
    outcome: Any = None
    if rules is not None and tally is not None:
        try:
            outcome = rules.evaluate_item(council, meeting, item)
        except IprModelError as error:
            lines.append(
                words("The recorded votes could not be checked: {reason}", reason=str(error))
            )
    if outcome is not None:
        if outcome.result is None:
            lines.append(
                words(
                    "Result under the voting rule: not decided (a second ballot or a draw is needed)."
                )
            )
        else:
            lines.append(
                words(
                    "Result under the voting rule: {result} ({how}).",
                    result=words.label(outcome.result),
                    how=_decided_by(outcome.decided_by.value, words),
                )
            )
        if (
            item.outcome is not None
            and outcome.result is not None
            and item.outcome is not outcome.result
        ):
            lines.append(
                words(
                    "Note: the minutes record {recorded}, which differs from the rule's result.",
                    recorded=words.label(item.outcome),
                )
            )
    elif item.outcome is not None:
        lines.append(words("Result: {result}.", result=words.label(item.outcome)))
    return lines


def _decided_by(value: str, words: Words) -> str:
    phrases = {
        "quorum": words("not quorate"),
        "majority": words("by majority"),
        "casting_vote": words("by the chair's casting vote"),
        "tie": words("tied, no casting vote"),
        "lot": words("by lot"),
        "consensus": words("by consensus"),
        "unanimity": words("unanimously"),
        "election": words("elected in the first ballot"),
        "second_ballot": words("in the second ballot"),
        "pending": words("pending"),
    }
    return phrases.get(value, value)


def write_minutes(
    builder: Builder,
    meeting: Meeting | None,
    council: Council,
    register: Register,
    words: Words,
    *,
    show_closed: bool = False,
) -> None:
    """The minutes (møtebok, koml. § 11-4)."""
    if not _opening(builder, words("Minutes"), meeting, council, words) or meeting is None:
        return

    builder.heading(words("Attendance"), 1)
    seats = {a.person: a for a in _seats(council, meeting)}

    def who(person_id: str) -> str:
        appointment = seats.get(person_id)
        if appointment is not None:
            return _with_party(register, appointment, words)
        return _person(register, person_id)

    present = [
        a
        for a in meeting.attendance
        if a.status is AttendanceStatus.PRESENT and a.substitute_for is None
    ]
    substitutes = [
        a
        for a in meeting.attendance
        if a.status is AttendanceStatus.PRESENT and a.substitute_for is not None
    ]
    away = [a for a in meeting.attendance if a.status is not AttendanceStatus.PRESENT]
    if not meeting.attendance:
        builder.paragraph(words("Attendance is not recorded."), "Note")
    if present:
        builder.paragraph(", ".join(who(a.person) for a in present), label=words("Present:"))
    if substitutes:
        builder.paragraph(
            ", ".join(
                words(
                    "{deputy} for {member}",
                    deputy=who(a.person),
                    member=_person(register, a.substitute_for or ""),
                )
                for a in substitutes
            ),
            label=words("Deputies present:"),
        )
    if away:
        builder.paragraph(
            ", ".join(f"{who(a.person)} ({words.label(a.status)})" for a in away),
            label=words("Absent:"),
        )

    builder.heading(words("Cases"), 1)
    if not meeting.agenda:
        builder.paragraph(words("No cases."), "Note")
    for item in sorted(meeting.agenda, key=lambda i: i.order):
        closed = item.closed_basis is not None
        hide = closed and not show_closed
        builder.heading(f"{item.number} {closed_text(item, words) if hide else item.title}", 2)
        builder.paragraph(words.label(item.kind), label=words("Kind of case:"))
        if closed:
            builder.paragraph(
                words.label(item.closed_basis) if item.closed_basis else "",
                label=words("Closed meeting, basis:"),
            )
        if item.proposal and not hide:
            builder.paragraph(item.proposal, label=words("Proposal:"))
        if item.disqualified:
            builder.paragraph(
                ", ".join(who(p) for p in item.disqualified),
                label=words("Disqualified (koml. § 11-10):"),
            )
        if item.excused:
            builder.paragraph(
                ", ".join(who(p) for p in item.excused), label=words("Excused (koml. § 11-11):")
            )
        for line in vote_lines(council, meeting, item, words):
            builder.paragraph(line)
        if item.decision and not hide:
            builder.paragraph(item.decision, label=words("Decision:"))
        elif item.decision:
            builder.paragraph(words("The decision is recorded in the exempt minutes."), "Note")


def sorted_agenda(meeting: Meeting) -> Sequence[AgendaItem]:
    """The agenda in order."""
    return sorted(meeting.agenda, key=lambda i: i.order)
