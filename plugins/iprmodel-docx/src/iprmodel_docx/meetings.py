# SPDX-License-Identifier: MIT
"""The meeting notice (møteinnkalling, koml. § 11-3) and what it shares with the minutes.

A notice gives the body, time, place (or the remote link), the agenda with case numbers
and kinds, where the case documents are, who is called (members, how deputies are
called in, others with the right to speak), and the sender with the date of dispatch.
Closed items (koml. § 11-5) show their basis, never their title. A required value the
register lacks is printed as a visible marker and reported (:class:`~.words.Gaps`).

>>> from iprmodel.model import AgendaItem, ClosedBasis
>>> from iprmodel_docx.words import Words
>>> item = AgendaItem(id="s", order=1, number="PS 3/2026", title="Lønn",
...     closed_basis=ClosedBasis.EMPLOYEE)
>>> "Lønn" in closed_text(item, Words("nn"))
False
"""

from __future__ import annotations

from datetime import date

from iprmodel.l10n import access_basis
from iprmodel.model import (
    AgendaItem,
    Appointment,
    CaseKind,
    Council,
    LocalizedText,
    Meeting,
    MeetingKind,
    MeetingMode,
    MeetingStatus,
    Position,
    Register,
    SeatKind,
    StaffRole,
)
from iprmodel_docx.agreement import party_name
from iprmodel_docx.builder import Builder
from iprmodel_docx.provenance import Notes, placeholder_name
from iprmodel_docx.words import Gaps, Words

__all__ = [
    "body_name",
    "closed_text",
    "latest_meeting",
    "meeting_title",
    "opening",
    "seats",
    "write_notice",
]


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


def _valid_on(appointment: Appointment, day: date) -> bool:
    return (appointment.valid_from is None or appointment.valid_from <= day) and (
        appointment.valid_to is None or day <= appointment.valid_to
    )


def seats(council: Council, meeting: Meeting) -> list[Appointment]:
    """The appointments to the meeting's bodies valid on the meeting day."""
    bodies = {meeting.body, *meeting.joint_bodies}
    day = meeting.start.date()
    return [a for a in council.appointments if a.body in bodies and _valid_on(a, day)]


def body_name(council: Council, body_id: str, words: Words) -> str:
    """The body's everyday name (Hallingtinget), else its name, else the id."""
    body = council.body(body_id)
    if body is None:
        return body_id
    return words.text(body.everyday_name) or words.text(body.name)


def meeting_title(council: Council, meeting: Meeting, words: Words) -> str:
    """``Hallingtinget 23.04.2026`` (or the meeting's own title)."""
    name = meeting.title or body_name(council, meeting.body, words)
    return f"{name} {words.date(meeting.start.date())}"


def closed_text(item: AgendaItem, words: Words) -> str:
    """``Unnateke offentlegheit etter koml. § 11-5 …`` for a closed item (never its title)."""
    basis = access_basis(item, words.locale)
    assert basis is not None
    return words("Closed: {basis}", basis=basis)


def who(register: Register, person_id: str, words: Words, council: Council | None = None) -> str:
    """A person's name; an unknown id as itself; a placeholder in brackets, named from
    their seat in ``council`` in the document's language (``[Ordførar i Gol]``)."""
    person = register.person(person_id)
    if person is not None and person.placeholder:
        role = placeholder_name(register, council, person_id, words)
        if role is not None:
            return f"[{role}]"
    return words.person(person, person_id)


def opening(
    builder: Builder,
    title: str,
    meeting: Meeting,
    council: Council,
    words: Words,
    gaps: Gaps,
    notes: Notes | None = None,
    *,
    clock: bool = False,
) -> None:
    """Title, the illustrative-date note, cancellation, body, time, place and form.

    With ``clock`` (the notice) a meeting recorded by its day only asks for the time of
    day: members are called to a time, not to a day.
    """
    notes = notes or Notes(words)
    builder.heading(title, 0)
    builder.paragraph(
        meeting_title(council, meeting, words) + notes.mark(meeting),
        "Subtitle" if builder.style_id("Subtitle") else "Normal",
    )
    if meeting.illustrative:
        # One unobtrusive note under the title: the date comes from a generated plan.
        builder.paragraph(
            words("Illustrative date from a generated meeting plan, not a real one."), "Note"
        )
    if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
        builder.paragraph(
            words("The meeting is cancelled.")
            if meeting.status is MeetingStatus.CANCELLED
            else words("The meeting is postponed."),
            "Notice",
        )
    bodies = (meeting.body, *meeting.joint_bodies)
    # A joint meeting (fellesmøte) names every body that meets, not only the first.
    organ = body_name(council, meeting.body, words)
    if meeting.joint_bodies:
        organ = words(
            "Joint meeting of {bodies}",
            bodies=words.join([body_name(council, b, words) for b in bodies]),
        )
    builder.paragraph(
        organ + notes.mark(*(council.body(b) for b in bodies)),
        label=words("Body:"),
    )
    when = words.meeting_time(meeting)
    if clock and meeting.all_day:
        when = words(
            "{days}, time of day: {time}",
            days=when,
            time=gaps.missing("the time of day of the meeting"),
        )
    builder.paragraph(when, label=words("Time:"))
    location = meeting.location
    remote = meeting.mode in (MeetingMode.REMOTE, MeetingMode.HYBRID)
    if location is not None and (location.place or location.address):
        where = ", ".join(x for x in (location.place, location.address) if x)
        builder.paragraph(where, label=words("Place:"))
    elif meeting.mode is not MeetingMode.REMOTE and meeting.mode is not MeetingMode.WRITTEN:
        builder.paragraph(gaps.missing("the place of the meeting"), label=words("Place:"))
    builder.paragraph(words.label(meeting.mode), label=words("Form:"))
    if meeting.kind is not MeetingKind.ORDINARY:  # ekstraordinært møte, hastemøte
        builder.paragraph(words.label(meeting.kind), label=words("Kind of meeting:"))
    if remote:
        link = location.remote_url if location is not None else None
        builder.paragraph(
            link or gaps.missing("the link to the remote meeting"), label=words("Remote link:")
        )


def chair_of(council: Council, meeting: Meeting, position: Position) -> Appointment | None:
    """The member appointment holding ``position`` (chair, deputy chair) in the meeting's body."""
    return next(
        (a for a in seats(council, meeting) if a.position is position and a.body == meeting.body),
        None,
    )


def _sender(
    council: Council, meeting: Meeting, register: Register, words: Words
) -> tuple[str, str] | None:
    """``(label, name)``: the secretariat's general manager, else the body's chair."""
    manager = next((s for s in council.staff if s.role is StaffRole.GENERAL_MANAGER), None)
    if manager is not None:
        person = register.person(manager.person)
        name = who(register, manager.person, words, council)
        if person is None or not person.placeholder:  # a placeholder already names the role
            name += f", {_lower_title(_staff_title(manager.title, manager.role, words))}"
        return words("For the secretariat:"), name
    chair = chair_of(council, meeting, Position.CHAIR)
    if chair is not None:
        # The chair calls the meeting in their own name, not for the secretariat.
        return words(
            "Called by:"
        ), f"{who(register, chair.person, words, council)}, {words.label(Position.CHAIR)}"
    return None


def _staff_title(title: LocalizedText | None, role: StaffRole, words: Words) -> str:
    """The staff member's title; one that only names the role ("Daglig leder" given in
    Bokmål alone) is the role's word in the document's language ("dagleg leiar")."""
    text = words.text(title) if title is not None else ""
    names = {Words(locale).label(role).casefold() for locale in ("nb", "nn", "en")}
    return words.label(role) if not text or text.casefold() in names else text


def _lower_title(title: str) -> str:
    # "Ingunn Granaasen, daglig leder": a title after a comma is lower case, but an
    # abbreviation ("IT-sjef") keeps its capitals.
    if title[:1].isupper() and title[1:2].islower():
        return title[:1].lower() + title[1:]
    return title


def write_notice(
    builder: Builder,
    meeting: Meeting,
    council: Council,
    register: Register,
    words: Words,
    gaps: Gaps,
    notes: Notes | None = None,
) -> None:
    """The meeting notice (koml. § 11-3)."""
    notes = notes or Notes(words)
    opening(builder, words("Meeting notice"), meeting, council, words, gaps, notes, clock=True)

    builder.heading(words("Agenda"), 1)
    agenda = sorted(meeting.agenda, key=lambda i: i.order)
    if not agenda:
        builder.paragraph(gaps.missing("the agenda"))
    else:
        rows = [
            (
                item.number,
                closed_text(item, words) if item.closed_basis is not None else item.title,
                words.label(item.kind),
            )
            for item in agenda
        ]
        builder.table(
            rows,
            header=(words("Case no."), words("Case"), words("Kind of case")),
            widths=(1.1, 4.0, 1.9),
        )
        if any(i.closed_basis is not None for i in agenda):
            builder.paragraph(
                words(
                    "Items marked as closed are exempt from public access; the meeting votes on closing them with the doors open (koml. § 11-5)."
                ),
                "Note",
            )
        _proposals(builder, agenda, words, gaps)
    builder.heading(words("Case documents"), 2)
    links = [(i.number, i.url) for i in agenda if i.url and i.closed_basis is None]
    if meeting.url:
        builder.paragraph(words("The case documents are published at {url}", url=meeting.url))
    elif links:
        builder.bullets([f"{number}: {url}" for number, url in links])
    else:
        builder.paragraph(
            gaps.missing("where the case documents are published"),
            label=words("Published at:"),
        )

    appointments = seats(council, meeting)
    members = [a for a in appointments if a.seat is SeatKind.MEMBER]
    builder.heading(words("Summoned"), 1)
    if members:
        builder.table(
            [
                (
                    who(register, a.person, words, council) + notes.mark(a),
                    party_name(register, a.participant, words) if a.participant else "",
                    words.label(a.position),
                )
                for a in members
            ],
            header=(words("Name"), words("Participant"), words("Position")),
            widths=(2.5, 2.5, 1.5),
        )
    else:
        builder.paragraph(gaps.missing("the members of the body"), label=words("Members:"))
    if any(getattr(register.person(a.person), "placeholder", False) for a in members):
        builder.paragraph(
            words("Names in square brackets are placeholders: the register has no name."), "Note"
        )
    deputies = sorted(
        (a for a in appointments if a.seat is SeatKind.DEPUTY),
        key=lambda a: (
            party_name(register, a.participant, words) if a.participant else "",
            a.deputy_order or 99,
            a.person,
        ),
    )
    builder.heading(words("Deputies"), 2)
    builder.paragraph(
        words(
            "Members who cannot attend must report lawful absence (koml. § 8-1 first paragraph) to the secretariat at once and give the reason; the secretariat then calls in the deputies in their order. Deputies attend only when called in. Anyone who may be disqualified in a case must say so before the meeting (koml. § 11-10)."
        )
    )
    builder.paragraph(
        _absence_contact(council, register) or gaps.missing("where to report absence"),
        label=words("Report absence to:"),
    )
    if deputies:
        builder.table(
            [
                (
                    party_name(register, a.participant, words) if a.participant else "",
                    str(a.deputy_order or ""),
                    who(register, a.person, words, council) + notes.mark(a),
                )
                for a in deputies
            ],
            header=(words("Participant"), words("Order"), words("Name")),
            widths=(2.5, 0.8, 2.5),
        )
    else:
        builder.paragraph(words("The deputies are not in the register."), "Note")
    others = [a for a in appointments if a.seat in (SeatKind.OBSERVER, SeatKind.EX_OFFICIO)]
    if others:
        builder.heading(words("Also invited, with the right to speak"), 2)
        builder.bullets(
            [
                f"{who(register, a.person, words, council)}"
                + (f" ({party_name(register, a.participant, words)})" if a.participant else "")
                + f" \u2013 {words.label(a.seat)}"
                + notes.mark(a)
                for a in others
            ]
        )

    builder.heading(words("Sender"), 2)
    sender = _sender(council, meeting, register, words)
    label, name = sender or (
        words("For the secretariat:"),
        gaps.missing("the sender of the notice"),
    )
    builder.paragraph(name, label=label, keep_next=True)
    builder.paragraph(gaps.missing("the date the notice is sent"), label=words("Sent:"))


def _proposals(builder: Builder, agenda: list[AgendaItem], words: Words, gaps: Gaps) -> None:
    """Each open case with its proposal (innstilling / forslag til vedtak), which the
    members prepare from; a closed case shows neither its title nor its proposal, and an
    orientation without a proposal needs none (it stands in the agenda alone)."""
    cases = [
        i
        for i in agenda
        if i.closed_basis is None and (i.proposal or i.kind is not CaseKind.ORIENTATION)
    ]
    if not cases:
        return
    builder.heading(words("Cases"), 2)
    for item in cases:
        builder.paragraph(f"{item.number} {item.title}", bold=True, keep_next=True)
        builder.paragraph(
            item.proposal or gaps.missing("the proposal for a decision"),
            label=words("Proposal:"),
        )


def _absence_contact(council: Council, register: Register) -> str | None:
    """The secretariat's e-mail and telephone (its general manager's), if registered."""
    manager = next((s for s in council.staff if s.role is StaffRole.GENERAL_MANAGER), None)
    person = register.person(manager.person) if manager is not None else None
    contact = person.contact if person is not None else None
    if contact is None:
        return None
    return ", ".join(x for x in (contact.email, contact.phone) if x) or None
