# SPDX-License-Identifier: MIT
"""The draft cooperation agreement (samarbeidsavtale, koml. § 18-4).

The council's own clauses come first: numbered by Word (1., 2., …) when the register's
clause numbers are the plain sequence, else under the source's own labels ("3 a)").
A clause text that is a list becomes a real Word list. For every item of koml. § 18-4
fourth paragraph a–h no clause covers, :func:`~.suggestions.suggest` writes a clause
from the register, marked as a suggestion; ownership and liability shares are a table
that sums to 100 %; a checklist a–h says where each item is covered.

>>> split_blocks("Hallingtinget:\\n• vedtek budsjett\\n• vel utval\\n1. første")
[('text', ['Hallingtinget:']), ('bullets', ['vedtek budsjett', 'vel utval']), ('numbers', ['første'])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import attrs
from stdnum.no import orgnr as orgnr_check

from iprmodel.model import (
    STATUTORY_TOPICS,
    Adopter,
    Adoption,
    Agreement,
    AgreementKind,
    ClauseTopic,
    Council,
    LocalizedText,
    Register,
)
from iprmodel_docx.builder import Builder, Cell
from iprmodel_docx.provenance import Notes
from iprmodel_docx.suggestions import cap as _cap
from iprmodel_docx.suggestions import members, party_name, share_rows, suggest
from iprmodel_docx.words import Gaps, Words

__all__ = [
    "AgreementPlan",
    "adoption_status",
    "agreement_for",
    "party_name",
    "plan_agreement",
    "split_blocks",
    "suggest",
    "write_agreement",
]

_PARAGRAPHS = re.compile(r"\n[ \t]*\n+")
_BULLET = re.compile(r"^\s*[\u2022\u2013\u25cf\u25aa*-]\s+")
_NUMBER = re.compile(r"^\s*(\d{1,2}|[a-z])[.)]\s+")
_FORMAL_WORDS = "interkommunalt politisk råd"


def split_blocks(text: str) -> list[tuple[str, list[str]]]:
    """A clause text as blocks: ``text`` paragraphs, ``bullets`` and ``numbers`` lists.

    A line starting with •, – or - is a bullet; with ``1.`` or ``a)`` a numbered item
    (Word numbers it, so the typed number goes).
    """
    blocks: list[tuple[str, list[str]]] = []
    for paragraph in _PARAGRAPHS.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        for line in paragraph.split("\n"):
            if not line.strip():
                continue
            if _BULLET.match(line):
                kind, value = "bullets", _BULLET.sub("", line, count=1)
            elif _NUMBER.match(line):
                kind, value = "numbers", _NUMBER.sub("", line, count=1)
            else:
                kind, value = "text", line.strip()
            if blocks and blocks[-1][0] == kind and kind != "text":
                blocks[-1][1].append(value.strip())
            else:
                blocks.append((kind, [value.strip()]))
    return blocks


def agreement_for(council: Council, agreement_id: str | None = None) -> Agreement | None:
    """The agreement to draft: ``agreement_id``, else the council's first cooperation agreement."""
    if agreement_id is not None:
        return next((a for a in council.agreements if a.id == agreement_id), None)
    return next((a for a in council.agreements if a.kind is AgreementKind.COOPERATION), None)


def party_orgnr(register: Register, party_id: str, gaps: Gaps | None = None) -> str:
    """The organisation number, grouped ``964 952 612``; without one, the marker
    (reported through ``gaps``) or, with no ``gaps``, ``""``."""
    participant = register.participant(party_id)
    number = participant.orgnr if participant is not None else None
    if number is None:
        organisation = next((o for o in register.organisations if o.id == party_id), None)
        number = organisation.orgnr if organisation is not None else None
    if number:
        return orgnr_check.format(number)
    return gaps.missing("the organisation number of a party") if gaps is not None else ""


_HEADINGS = {
    ClauseTopic.NAME: "Name",
    ClauseTopic.LEGAL_ENTITY: "Legal status",
    ClauseTopic.SEATS: "The representantskap",
    ClauseTopic.MATTERS: "Matters",
    ClauseTopic.AUTHORITY: "Authority",
    ClauseTopic.SHARES: "Ownership and liability shares",
    ClauseTopic.WITHDRAWAL: "Withdrawal",
    ClauseTopic.DISSOLUTION: "Dissolution and archives",
}


@attrs.frozen(kw_only=True)
class PlannedClause:
    """One numbered clause as it will appear: heading, paragraphs, whether suggested."""

    heading: str
    paragraphs: tuple[str, ...]
    topics: frozenset[ClauseTopic]
    suggested: bool
    #: The source's own label ("3 a)"); ``None`` where Word numbers the clause.
    label: str | None = None


@attrs.frozen(kw_only=True)
class AgreementPlan:
    """What the agreement document will contain, before any XML is written."""

    title: str
    agreement: Agreement | None
    parties: tuple[str, ...]
    clauses: tuple[PlannedClause, ...]

    def covered_by(self, topic: ClauseTopic) -> tuple[str, bool] | None:
        """The label of the first clause covering ``topic`` and whether it is a suggestion."""
        for number, clause in enumerate(self.clauses, start=1):
            if topic in clause.topics:
                return clause.label or f"{number}.", clause.suggested
        return None

    @property
    def draft(self) -> bool:
        """Whether it is a draft: suggestions inside, or not every party has adopted it."""
        if any(c.suggested for c in self.clauses) or self.agreement is None:
            return True
        adopted = {
            a.party
            for a in self.agreement.adoptions
            if a.by is Adopter.PARTICIPANT_COUNCIL and a.date is not None
        }
        return not set(self.parties) <= adopted


def plan_agreement(
    council: Council, register: Register, words: Words, agreement: Agreement | None
) -> AgreementPlan:
    """Decide the clauses: the council's own, then a suggestion per uncovered a–h item."""
    name = words.text(council.formal_name)
    clauses: list[PlannedClause] = []
    if agreement is not None:
        for clause in agreement.clauses:
            heading = (
                words.text(clause.heading)
                or _topic_heading(clause.topics, words)
                or words("Clause {number}", number=clause.number)
            )
            text = words.text(clause.text)
            paragraphs = (text,) if text.strip() else ()
            clauses.append(
                PlannedClause(
                    heading=heading,
                    paragraphs=paragraphs,
                    topics=clause.topics,
                    suggested=False,
                    label=clause.number.strip(),
                )
            )
        title = words.text(agreement.title)
        parties = agreement.parties or tuple(p.participant for p in members(council))
    else:
        title = words("Cooperation agreement for {name}", name=name)
        parties = tuple(p.participant for p in members(council))
    for topic in STATUTORY_TOPICS:
        if not any(topic in c.topics for c in clauses):
            clauses.append(
                PlannedClause(
                    heading=words(_HEADINGS[topic]),
                    paragraphs=tuple(suggest(topic, council, register, words)),
                    topics=frozenset({topic}),
                    suggested=True,
                )
            )
    return AgreementPlan(
        title=title, agreement=agreement, parties=parties, clauses=_labelled(clauses)
    )


def _labelled(clauses: list[PlannedClause]) -> tuple[PlannedClause, ...]:
    # Word numbers the clauses when the source's numbers are 1, 2, 3, ...; otherwise
    # the source's labels stay and the suggestions continue after its last number.
    own = [c for c in clauses if c.label is not None]
    if all(c.label == str(i) for i, c in enumerate(own, start=1)):
        return tuple(attrs.evolve(c, label=None) for c in clauses)
    last = max((int(m.group()) for c in own if (m := re.match(r"\d+", c.label or ""))), default=0)
    labelled = []
    for clause in clauses:
        if clause.label is None:
            last += 1
            clause = attrs.evolve(clause, label=f"{last}.")
        elif clause.label.isdigit():
            clause = attrs.evolve(clause, label=f"{clause.label}.")
        labelled.append(clause)
    return tuple(labelled)


def _topic_heading(topics: frozenset[ClauseTopic], words: Words) -> str:
    ordered = sorted(topics, key=lambda t: list(ClauseTopic).index(t))
    return _cap(words.label(ordered[0])) if ordered else ""


def write_agreement(
    builder: Builder,
    plan: AgreementPlan,
    council: Council,
    register: Register,
    words: Words,
    notes: Notes | None = None,
    gaps: Gaps | None = None,
) -> None:
    """Write the agreement's body: title, parties, clauses, checklist, adoptions, signatures."""
    notes = notes or Notes(words)
    builder.heading(plan.title, 0)
    formal = words.text(council.formal_name)
    builder.paragraph(
        words.council(council) + notes.mark(council, plan.agreement),
        "Subtitle" if builder.style_id("Subtitle") else "Normal",
    )
    if formal and _FORMAL_WORDS not in formal.casefold():
        builder.paragraph(
            words(
                'The formal name does not contain the words "interkommunalt politisk råd" that koml. § 18-1 third paragraph requires; the agreement should correct it.'
            ),
            "Suggestion",
        )
    agreement = plan.agreement
    if agreement is not None and agreement.dated is not None:
        dated = words.dated(agreement.dated, agreement.date_precision)
        builder.paragraph(dated, label=words("Dated:"))
    else:
        dated = None
    if plan.draft:
        builder.paragraph(
            words("Draft from the register, agreement dated {date}.", date=dated)
            if dated
            else words("Draft from the register; the agreement has no date in the register."),
            label=words("Version:"),
        )
        builder.paragraph(
            words(
                "Draft for consideration. Clauses marked as suggestions are written from the register and must be checked before adoption."
            ),
            "Note",
        )

    builder.heading(words("Parties"), 1)
    builder.paragraph(
        words("This agreement is made between the following participants (koml. § 18-4):")
    )
    builder.table(
        [
            (
                party_name(register, p, words) + notes.mark(*_participations(council, p)),
                party_orgnr(register, p, gaps),
            )
            for p in plan.parties
        ],
        header=(words("Participant"), words("Organisation number")),
        widths=(3, 1.4),
    )

    own = iter(plan.agreement.clauses if plan.agreement is not None else ())
    for clause in plan.clauses:
        # The register's own clauses come first, in its order; suggestions follow.
        marker = "" if clause.suggested else notes.mark(next(own, None))
        builder.clause(
            clause.heading + marker,
            1,
            suffix=f"({words('suggestion')})" if clause.suggested else None,
            label=clause.label,
        )
        if clause.suggested:
            letters = ", ".join(sorted(f"{t.statutory_letter})" for t in clause.topics))
            builder.paragraph(
                words(
                    "Suggestion: the agreement does not cover koml. § 18-4 fourth paragraph letter {letter}; the text is generated from the register.",
                    letter=letters,
                ),
                "Suggestion",
                keep_next=True,
            )
        if not clause.paragraphs:
            builder.paragraph(words("[The text of this clause is not recorded.]"), "Note")
        for paragraph in clause.paragraphs:
            for kind, lines in split_blocks(paragraph):
                if kind == "bullets":
                    builder.bullets(lines)
                elif kind == "numbers":
                    builder.numbered(lines)
                elif clause.label is None:
                    builder.clause(lines[0], 2)
                else:
                    builder.paragraph(lines[0], "Clause Text")
        if clause.suggested and ClauseTopic.SHARES in clause.topics:
            shares = share_rows(council, register, words)
            if shares:
                builder.table(
                    shares,
                    header=(
                        words("Participant"),
                        words("Ownership share"),
                        words("Liability share"),
                    ),
                    widths=(3, 1.6, 1.6),
                )
                if any("/" in r[1] or "/" in r[2] for r in shares):
                    builder.paragraph(
                        words(
                            "Percentages are rounded to two decimals so that they sum to 100 %; the exact shares are the fractions in brackets."
                        ),
                        "Note",
                    )

    builder.heading(words("Checklist: koml. § 18-4 fourth paragraph"), 1)
    rows: list[Sequence[str]] = []
    for topic in STATUTORY_TOPICS:
        found = plan.covered_by(topic)
        if found is None:
            where = words("missing")
        else:
            number, suggested = found
            where = f"{number} ({words('suggestion')})" if suggested else number
        rows.append((f"{topic.statutory_letter})", _cap(words.label(topic)), where))
    builder.table(
        rows, header=(words("Item"), words("Topic"), words("Clause")), widths=(0.6, 4, 1.4)
    )

    builder.heading(words("Adoption by the participants"), 1)
    builder.paragraph(
        words(
            "Each participant's municipal or county council adopts the agreement itself (koml. § 18-4 second paragraph)."
        )
    )
    adoptions = {
        a.party: a
        for a in (agreement.adoptions if agreement is not None else ())
        if a.by is Adopter.PARTICIPANT_COUNCIL
    }
    adoption_rows = []
    for party in plan.parties:
        adoption = adoptions.get(party)
        status = words("not adopted") if adoption is None else adoption_status(adoption, words)
        adoption_rows.append((party_name(register, party, words), status))
    builder.table(adoption_rows, header=(words("Participant"), words("Status")), widths=(3, 3))

    builder.heading(words("Signatures"), 1)
    signature_rows = []
    for party in plan.parties:
        name = party_name(register, party, words)
        left = Cell(name, bold=True) + Cell(words("Place:"), "", words("Date:"))
        # The empty last line keeps one party's block apart from the next.
        right = Cell("", "", "_" * 34, words("Signature"), words("Name in block letters:"), "")
        signature_rows.append((left, right))
    builder.table(signature_rows, widths=(2, 3), style="Normal", borders=False)


def adoption_status(adoption: Adoption, words: Words) -> str:
    """``vedtatt 12.02.2025, sak 25/12``: when a party adopted it, and under which case."""
    status = (
        words("adopted {date}", date=words.date(adoption.date))
        if adoption.date is not None
        else words("adopted (date not recorded)")
    )
    if adoption.case_number:
        status += words(", case {case}", case=adoption.case_number)
    return status


def _participations(council: Council, party: str) -> list[object]:
    return [p for p in council.participations if p.participant == party]


def agreement_date(council: Council | None, agreement: Agreement | None) -> date | None:
    """The date that stands for the agreement (core properties): dated, valid from, last
    adoption, else the council's founding."""
    if agreement is not None:
        adopted = [a.date for a in agreement.adoptions if a.date is not None]
        for candidate in (agreement.dated, agreement.valid_from, max(adopted, default=None)):
            if candidate is not None:
                return candidate
    return council.established if council is not None else None


def localized_title(text: LocalizedText | None, words: Words) -> str:
    """A title in the document's locale, or ``""``."""
    return words.text(text)
