# SPDX-License-Identifier: MIT
"""Where a document's facts come from: assumption notes, sources and placeholder names.

A value from an object with an ``assumption`` note is never shown as plain fact: a
marker after it refers to a numbered note in a closing "Merknader" section ("Antatt,
ikke bekreftet av en kilde: …"), and a "Kilder" section lists the documents the
council, agreement, plan or meeting is built from (docs/explanation/provenance.md). A
placeholder person (a role, no name known) is named from the office and participant of
their seat, in the document's language.

>>> from iprmodel.model import LocalizedText, Task
>>> from iprmodel_docx.words import Words
>>> notes = Notes(Words("nn"))
>>> task = Task(id="t", title=LocalizedText(nn="Fiber"),
...     assumption=LocalizedText(nn="Modusen er lesen ut av ordlyden."))
>>> notes.mark(task)
' (anteke, sjå merknad 1)'
>>> notes.mark(task), notes.notes
(' (anteke, sjå merknad 1)', ['Modusen er lesen ut av ordlyden.'])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from iprmodel.model import Council, Office, Register, Source
from iprmodel_docx.builder import Builder
from iprmodel_docx.words import Words

__all__ = ["Notes", "placeholder_name", "source_line"]

#: A placeholder's role, from the office of their seat ({place}: the participant).
_OFFICE_ROLES: Final = {
    Office.MAYOR: "Mayor of {place}",
    Office.DEPUTY_MAYOR: "Deputy mayor of {place}",
    Office.OPPOSITION: "Opposition politician from {place}",
    Office.COUNCIL_MEMBER: "Council member from {place}",
    Office.POLITICIAN: "Elected representative from {place}",
    Office.COUNTY_COUNCIL_MEMBER: "County council member from {place}",
    Office.COUNTY_EXECUTIVE: "County executive of {place}",
    Office.CHIEF_EXECUTIVE: "Chief executive of {place}",
    Office.OTHER: "Representative of {place}",
}
_SUFFIXES: Final = (" fylkeskommune", " kommune", " County Council", " Municipality")


class Notes:
    """The assumption notes of one document, numbered in the order they are first marked."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self.notes: list[str] = []

    def mark(self, *objects: object) -> str:
        """`` (antatt, se merknad 2)`` for the objects' assumption notes, else ``""``."""
        numbers: list[int] = []
        for obj in objects:
            note = getattr(obj, "assumption", None)
            if note is None:
                continue
            text = self.words.text(note).strip()
            if text not in self.notes:
                self.notes.append(text)
            number = self.notes.index(text) + 1
            if number not in numbers:
                numbers.append(number)
        if not numbers:
            return ""
        words = self.words
        return " " + words(
            "(assumed, see note {number})", number=", ".join(str(n) for n in numbers)
        )

    def write(self, builder: Builder, sources: Iterable[Source] = ()) -> None:
        """The closing "Notes" (assumptions) and "Sources" sections, when there is any."""
        words = self.words
        if self.notes:
            builder.heading(words("Notes"), 1)
            for number, note in enumerate(self.notes, start=1):
                builder.paragraph(
                    f"{number}. " + words("Assumed, not confirmed by a source: {note}", note=note),
                    "Note",
                )
        listed = list(dict.fromkeys(sources))
        if listed:
            builder.heading(words("Sources"), 1)
            builder.bullets([source_line(s, words) for s in listed])


def source_line(source: Source, words: Words) -> str:
    """``Title, desember 2024, punkt 6.5, https://…``: the date at its precision.

    >>> from datetime import date
    >>> from iprmodel.model import DatePrecision
    >>> source_line(Source(title="Avtale", dated=date(2024, 12, 1),
    ...     date_precision=DatePrecision.MONTH, url="https://example.no/a.pdf"), Words("nb"))
    'Avtale, desember 2024, https://example.no/a.pdf'
    """
    parts = [source.title]
    if source.dated is not None:
        parts.append(words.dated(source.dated, source.date_precision))
    parts += [x for x in (source.locator, source.url) if x]
    return ", ".join(parts)


def _place(register: Register, participant: str, words: Words) -> str:
    found = register.participant(participant)
    name = found.name.get(words.locale) if found is not None else participant
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def placeholder_name(
    register: Register, council: Council | None, person_id: str, words: Words
) -> str | None:
    """A placeholder's role in the document's language (``Ordførar i Gol``), from the
    office and participant of their first seat in ``council`` that gives both; ``None``
    when no seat does. Two placeholders with the same role get numbers (1), (2)."""
    if council is None:
        return None
    roles: dict[tuple[Office, str], list[str]] = {}
    for a in council.appointments:
        if a.office is not None and a.participant is not None:
            person = register.person(a.person)
            if person is not None and person.placeholder:
                same = roles.setdefault((a.office, a.participant), [])
                # One person, one role: their first seat with an office.
                if a.person not in same and not any(a.person in v for v in roles.values()):
                    same.append(a.person)
    for (office, participant), people in roles.items():
        if person_id in people:
            text = words(_OFFICE_ROLES[office], place=_place(register, participant, words))
            return text if len(people) == 1 else f"{text} ({people.index(person_id) + 1})"
    staff = next((m for m in council.staff if m.person == person_id), None)
    if staff is None:
        return None
    # The title as written in this language, else the role's word ("daglig leder").
    written = getattr(staff.title, words.locale, None) if staff.title is not None else None
    role = written or words.label(staff.role)
    council_name = words.text(council.short_name) or words.text(council.formal_name)
    return words("{role} of {council}", role=role[:1].upper() + role[1:], council=council_name)
