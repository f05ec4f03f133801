# SPDX-License-Identifier: MIT
"""The draft cooperation agreement (samarbeidsavtale, koml. § 18-4).

The council's own clauses come first, numbered by Word (1., 1.1., …). For every item
of koml. § 18-4 fjerde ledd a–h that no clause covers, :func:`suggest` writes a clause
from the model (seats from the representantskap's composition, shares from the
participations, …), marked as a suggestion; a checklist a–h says where each is covered.

>>> from iprmodel.model import ClauseTopic, Council, LocalizedText, Register
>>> from iprmodel_docx.words import Words
>>> council = Council(id="demo", formal_name=LocalizedText(nb="Demo interkommunalt politisk råd"))
>>> suggest(ClauseTopic.NAME, council, Register(councils=(council,)), Words("nb"))[0]
'Rådets navn er Demo interkommunalt politisk råd.'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from fractions import Fraction

import attrs
from stdnum.no import orgnr as orgnr_check

from iprmodel.model import (
    STATUTORY_TOPICS,
    Adopter,
    Agreement,
    AgreementKind,
    Body,
    BodyKind,
    ClauseTopic,
    Council,
    Delegation,
    LocalizedText,
    Participation,
    ParticipationRole,
    Register,
)
from iprmodel_docx.builder import Builder, Cell
from iprmodel_docx.words import Words

__all__ = ["AgreementPlan", "agreement_for", "plan_agreement", "suggest", "write_agreement"]

_PARAGRAPHS = re.compile(r"\n[ \t]*\n+")


def agreement_for(council: Council, agreement_id: str | None = None) -> Agreement | None:
    """The agreement to draft: ``agreement_id``, else the council's first cooperation agreement."""
    if agreement_id is not None:
        return next((a for a in council.agreements if a.id == agreement_id), None)
    return next((a for a in council.agreements if a.kind is AgreementKind.COOPERATION), None)


def party_name(register: Register, party_id: str, words: Words) -> str:
    """A participant's or organisation's name, or the id when the register lacks it."""
    participant = register.participant(party_id)
    if participant is not None:
        return participant.name.get(words.locale)
    organisation = next((o for o in register.organisations if o.id == party_id), None)
    return organisation.name.get(words.locale) if organisation is not None else party_id


def party_orgnr(register: Register, party_id: str) -> str:
    """The organisation number, grouped ``964 952 612``, or ``""``."""
    participant = register.participant(party_id)
    number = participant.orgnr if participant is not None else None
    if number is None:
        organisation = next((o for o in register.organisations if o.id == party_id), None)
        number = organisation.orgnr if organisation is not None else None
    return orgnr_check.format(number) if number else ""


def members(council: Council) -> tuple[Participation, ...]:
    """The member participations (deltakarar), in register order."""
    return tuple(p for p in council.participations if p.role is ParticipationRole.MEMBER)


def representantskap(council: Council) -> Body | None:
    """The council's representantskap (koml. § 18-3), if modelled."""
    return next((b for b in council.bodies if b.kind is BodyKind.REPRESENTANTSKAP), None)


def _delegation(body: Body, participant: str) -> Delegation | None:
    specific = next((d for d in body.composition if d.participant == participant), None)
    return specific or next((d for d in body.composition if d.participant is None), None)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def suggest(topic: ClauseTopic, council: Council, register: Register, words: Words) -> list[str]:
    """Paragraphs of a suggested clause for a koml. § 18-4 item, written from the model.

    Where the model cannot answer (dissolution, an unknown legal status), the text asks
    the council to decide, in square brackets.
    """
    name = words.text(council.formal_name)
    parties = members(council)
    if topic is ClauseTopic.NAME:
        lines = [words("The council's name is {name}.", name=name)]
        if council.short_name is not None:
            lines.append(words("Short name: {short}.", short=words.text(council.short_name)))
        return lines
    if topic is ClauseTopic.LEGAL_ENTITY:
        if council.legal_entity is True:
            return [words("The council is a separate legal entity (koml. § 18-1).")]
        if council.legal_entity is False:
            lines = [words("The council is not a separate legal entity.")]
            if council.office_municipality:
                office = party_name(register, council.office_municipality, words)
                lines.append(
                    words(
                        "{office} keeps the council's accounts and acts on its behalf as office municipality.",
                        office=office,
                    )
                )
            return lines
        return [words("[The council must decide whether it is to be a separate legal entity.]")]
    if topic is ClauseTopic.SEATS:
        body = representantskap(council)
        if body is None or not body.composition:
            return [
                words(
                    "[Each participant has at least one member and as many deputies in the representantskap (koml. § 18-3); the council must fill in the numbers.]"
                )
            ]
        lines = [
            words(
                "The representantskap is the council's supreme body. The participants are represented as follows:"
            )
        ]
        for participation in parties:
            delegation = _delegation(body, participation.participant)
            if delegation is None:
                continue
            who = party_name(register, participation.participant, words)
            offices = words.join([words.label(o) for o in delegation.member_offices])
            deputies = (
                delegation.deputies if delegation.deputies is not None else delegation.members
            )
            line = words(
                "{party}: members {members}, deputies {deputies}",
                party=who,
                members=delegation.members,
                deputies=deputies,
            )
            lines.append(line + (f" ({offices})" if offices else "") + ".")
        if len(lines) == 1:
            generic = body.composition[0]
            lines.append(
                words(
                    "Each participant: members {members}, deputies {deputies}.",
                    members=generic.members,
                    deputies=generic.deputies if generic.deputies is not None else generic.members,
                )
            )
        lines.append(
            words(
                "The term of office is {years} years and follows the municipal election period.",
                years=body.term_years,
            )
        )
        return lines
    if topic is ClauseTopic.MATTERS:
        themes = [words.text(t.title) for t in council.themes]
        lines = []
        if themes:
            lines.append(
                words(
                    "The council may deal with matters of shared regional interest, in particular: {themes}.",
                    themes=words.join(themes),
                )
            )
        lines.extend(words.text(m) for m in council.mandate)
        return lines or [words("[The council must list the matters it may deal with.]")]
    if topic is ClauseTopic.AUTHORITY:
        lines = []
        for body in council.bodies:
            powers = sorted(body.powers, key=lambda p: p.value)
            if powers:
                lines.append(
                    words(
                        "{body} may: {powers}.",
                        body=words.text(body.name),
                        powers=words.join([words.label(p) for p in powers]),
                    )
                )
        lines.append(
            words(
                "The council may not make individual decisions (enkeltvedtak) other than on internal matters and grant schemes (koml. § 18-1 second paragraph)."
            )
        )
        return lines
    if topic is ClauseTopic.SHARES:
        return _shares(council, register, words)
    if topic is ClauseTopic.WITHDRAWAL:
        notices = {
            p.withdrawal_notice_months for p in parties if p.withdrawal_notice_months is not None
        }
        if len(notices) == 1:
            months = notices.pop()
            lines = [
                words(
                    "A participant may withdraw by written notice to the representantskap with {months} months' notice.",
                    months=months,
                )
            ]
        elif notices:
            lines = [
                words(
                    "A participant may withdraw by written notice to the representantskap, with this notice:"
                )
            ]
            for p in parties:
                if p.withdrawal_notice_months is not None:
                    lines.append(
                        words(
                            "{party}: {months} months.",
                            party=party_name(register, p.participant, words),
                            months=p.withdrawal_notice_months,
                        )
                    )
        else:
            lines = [
                words(
                    "[The council must decide the notice period for withdrawal; 12 months from 1 January is common.]"
                )
            ]
        lines.append(
            words(
                "A participant that withdraws remains liable for its share of obligations incurred while it took part (koml. § 18-2 third paragraph)."
            )
        )
        return lines
    # DISSOLUTION and anything else the model cannot answer
    return [
        words("The council is dissolved when every participant's council so decides."),
        words(
            "[The council must decide how assets and liabilities are shared on dissolution, and which participant keeps the council's archives (arkivlova).]"
        ),
    ]


def _shares(council: Council, register: Register, words: Words) -> list[str]:
    parties = members(council)
    if not parties:
        return [
            words(
                "[The council must state each participant's ownership share and, where it differs, its share of liability.]"
            )
        ]
    given = [p for p in parties if p.ownership_share is not None]
    lines: list[str] = []
    if given:
        lines.append(words("The participants' ownership shares are:"))
        for p in parties:
            who = party_name(register, p.participant, words)
            share = p.ownership_share
            text = words(
                "{party}: {share}",
                party=who,
                share=words.percent(share) if share is not None else "?",
            )
            if p.liability_share is not None and p.liability_share != share:
                text += words(" (liability share {share})", share=words.percent(p.liability_share))
            lines.append(text + ".")
    else:
        share = Fraction(1, len(parties))
        lines.append(
            words(
                "Suggested: the participants own equal shares, {share} each, and are liable in proportion to their ownership shares.",
                share=words.percent(share),
            )
        )
        lines.extend(
            f"{party_name(register, p.participant, words)}: {words.percent(share)}."
            for p in parties
        )
    return lines


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


@attrs.frozen(kw_only=True)
class AgreementPlan:
    """What the agreement document will contain, before any XML is written."""

    title: str
    agreement: Agreement | None
    parties: tuple[str, ...]
    clauses: tuple[PlannedClause, ...]

    def covered_by(self, topic: ClauseTopic) -> tuple[int, bool] | None:
        """The 1-based number of the first clause covering ``topic`` and whether it is a suggestion."""
        for number, clause in enumerate(self.clauses, start=1):
            if topic in clause.topics:
                return number, clause.suggested
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
            paragraphs = tuple(p.strip() for p in _PARAGRAPHS.split(text) if p.strip())
            clauses.append(
                PlannedClause(
                    heading=heading, paragraphs=paragraphs, topics=clause.topics, suggested=False
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
    return AgreementPlan(title=title, agreement=agreement, parties=parties, clauses=tuple(clauses))


def _topic_heading(topics: frozenset[ClauseTopic], words: Words) -> str:
    ordered = sorted(topics, key=lambda t: list(ClauseTopic).index(t))
    return _cap(words.label(ordered[0])) if ordered else ""


def write_agreement(
    builder: Builder, plan: AgreementPlan, council: Council, register: Register, words: Words
) -> None:
    """Write the agreement's body: title, parties, clauses, checklist, adoptions, signatures."""
    builder.heading(plan.title, 0)
    builder.paragraph(
        words.text(council.formal_name), "Subtitle" if builder.style_id("Subtitle") else "Normal"
    )
    agreement = plan.agreement
    if agreement is not None and agreement.dated is not None:
        builder.paragraph(words.date(agreement.dated), label=words("Dated:"))
    if plan.draft:
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
        [(party_name(register, p, words), party_orgnr(register, p)) for p in plan.parties],
        header=(words("Participant"), words("Organisation number")),
        widths=(3, 1.4),
    )

    for clause in plan.clauses:
        builder.clause(
            clause.heading, 1, suffix=f"({words('suggestion')})" if clause.suggested else None
        )
        if clause.suggested:
            builder.paragraph(
                words(
                    "Suggestion: the agreement does not cover this item of koml. § 18-4; the text below is generated from the register."
                ),
                "Suggestion",
                keep_next=True,
            )
        if not clause.paragraphs:
            builder.paragraph(words("[The text of this clause is not recorded.]"), "Note")
        for paragraph in clause.paragraphs:
            builder.clause(paragraph, 2)

    builder.heading(words("Checklist: koml. § 18-4 fourth paragraph"), 1)
    rows: list[Sequence[str]] = []
    for topic in STATUTORY_TOPICS:
        found = plan.covered_by(topic)
        if found is None:
            where = words("missing")
        else:
            number, suggested = found
            where = f"{number}. ({words('suggestion')})" if suggested else f"{number}."
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
        if adoption is None:
            status = words("not adopted")
        elif adoption.date is not None:
            status = words("adopted {date}", date=words.date(adoption.date))
        else:
            status = words("adopted (date not recorded)")
        if adoption is not None and adoption.case_number:
            status += words(", case {case}", case=adoption.case_number)
        adoption_rows.append((party_name(register, party, words), status))
    builder.table(adoption_rows, header=(words("Participant"), words("Status")), widths=(3, 3))

    builder.heading(words("Signatures"), 1)
    signature_rows = []
    for party in plan.parties:
        name = party_name(register, party, words)
        left = Cell(name, bold=True) + Cell(words("Place:"), "", words("Date:"))
        right = Cell("", "", "_" * 34, words("Signature"), words("Name in block letters:"))
        signature_rows.append((left, right))
    builder.table(signature_rows, widths=(2, 3), style="Normal")


def agreement_date(council: Council, agreement: Agreement | None) -> date | None:
    """The date that stands for the agreement (core properties): dated, valid from, last adoption."""
    if agreement is not None:
        adopted = [a.date for a in agreement.adoptions if a.date is not None]
        for candidate in (agreement.dated, agreement.valid_from, max(adopted, default=None)):
            if candidate is not None:
                return candidate
    return council.established


def localized_title(text: LocalizedText | None, words: Words) -> str:
    """A title in the document's locale, or ``""``."""
    return words.text(text)
