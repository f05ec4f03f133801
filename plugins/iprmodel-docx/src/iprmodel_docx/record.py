# SPDX-License-Identifier: MIT
"""The record of an agreement that belongs to no one council (``Register.agreements``).

A county's agreements with the councils (fylkeskommunalt medlemskap) or a
bygdevekstavtale between the state and municipalities are recorded under no council, so
they are not checked against koml. § 18-4: no a–h checklist and no suggested clause. The
document records what the register holds, and only that: title and kind, date and
period, the parties with their organisation numbers, the summary and any clauses, who
adopted it and when (the municipal or county council, koml. § 5-1), the assumptions
marked and the sources listed. A summary is said to be one, never passed off as the
agreement's text.

>>> from iprmodel.model import Agreement, AgreementKind, LocalizedText, Register
>>> deal = Agreement(id="a", kind=AgreementKind.RURAL_GROWTH,
...     title=LocalizedText(nb="Bygdevekstavtale"))
>>> scoped_record(Register(agreements=(deal,)), None) is deal
True
>>> scoped_record(Register(agreements=(deal,)), "agreement:a") is deal
True
"""

from __future__ import annotations

from iprmodel.model import Adopter, Adoption, Agreement, CountyAuthority, Register
from iprmodel_docx.agreement import adoption_status, party_orgnr, split_blocks
from iprmodel_docx.builder import Builder
from iprmodel_docx.provenance import Notes
from iprmodel_docx.suggestions import cap, party_name
from iprmodel_docx.words import DocxExportError, Gaps, Words

__all__ = ["scoped_record", "write_record"]


def scoped_record(register: Register, scope: str | None) -> Agreement | None:
    """The register's own agreement an ``agreement`` document is for, if it is one.

    ``agreement:ID`` naming one of ``Register.agreements``; no scope, in a register
    whose councils are all in outline, its first. ``None``: a council's agreement.

    Raises:
        DocxExportError: ``agreement:`` without an id, or an id no agreement has.
    """
    kind, _, ident = (scope or "").partition(":")
    if scope is not None and kind != "agreement":
        return None
    if scope is not None:
        known = [a.id for c in register.councils for a in c.agreements]
        known += [a.id for a in register.agreements]
        if not ident:
            raise DocxExportError("--scope agreement: needs the id of an agreement")
        if ident not in known:
            raise DocxExportError(
                "no agreement with the id {ident!r}; the register holds: {ids}",
                ident=ident,
                ids=", ".join(known) or "-",
            )
    if ident:
        if any(a.id == ident for c in register.councils for a in c.agreements):
            return None  # a council's own agreement: drafted, not recorded
        return next(a for a in register.agreements if a.id == ident)
    # No scope: only a register with no council to draft from (none, or all in outline).
    if any(not c.outline for c in register.councils):
        return None
    return register.agreements[0] if register.agreements else None


def _period(agreement: Agreement, words: Words) -> str | None:
    start, end = agreement.valid_from, agreement.valid_to
    if start is not None and end is not None:
        return f"{words.date(start)}\u2013{words.date(end)}"
    if start is not None:
        return words("from {date}", date=words.date(start))
    if end is not None:
        return words("until {date}", date=words.date(end))
    return None


def _adopter(register: Register, adoption: Adoption, words: Words) -> str:
    if adoption.by is Adopter.PARTICIPANT_COUNCIL:
        participant = register.participant(adoption.party)
        # The municipal or county council itself (kommunestyret, fylkestinget; koml. § 5-1).
        if isinstance(participant, CountyAuthority):
            return words("County council")
        if participant is not None:
            return words("Municipal council")
    return cap(words.label(adoption.by))


def write_record(
    builder: Builder,
    agreement: Agreement,
    register: Register,
    words: Words,
    notes: Notes,
    gaps: Gaps | None = None,
) -> None:
    """Write the record's body: title, kind, dates, parties, summary, clauses, adoptions."""
    title = words.text(agreement.title)
    kind = cap(words.label(agreement.kind))
    # The kind under the title, unless the title is the kind ("Bygdevekstavtale").
    subtitle = words("Record from the register") if kind.casefold() == title.casefold() else kind
    builder.heading(title, 0)
    builder.paragraph(subtitle, "Subtitle" if builder.style_id("Subtitle") else "Normal")
    # The assumption concerns the entry's parties, dates and scope: marked where they stand.
    mark = notes.mark(agreement)
    period = _period(agreement, words)
    if agreement.dated is not None:
        dated = words.dated(agreement.dated, agreement.date_precision)
        builder.paragraph(dated + ("" if period else mark), label=words("Dated:"))
    if period is not None:
        builder.paragraph(period + mark, label=words("Period:"))
    if agreement.source:
        builder.paragraph(agreement.source, label=words("Full text:"))
    builder.paragraph(
        words(
            "What the register holds about the agreement. It is recorded under no one council, so it is not checked against koml. § 18-4 here."
        )
        + (
            ""
            if agreement.text_complete
            else " " + words("The register holds a summary, not the agreement's text.")
        ),
        "Note",
    )

    builder.heading(words("Parties") + mark, 1)
    if agreement.parties:
        builder.table(
            [
                (party_name(register, p, words), party_orgnr(register, p, gaps))
                for p in agreement.parties
            ],
            header=(words("Party"), words("Organisation number")),
            widths=(3, 1.4),
        )
    else:
        builder.paragraph(words("The register records no parties to this agreement."))

    summary = words.text(agreement.summary)
    if summary.strip():
        builder.heading(words("Summary"), 1)
        _blocks(builder, summary)
    if agreement.clauses:
        builder.heading(words("Clauses"), 1)
        for clause in agreement.clauses:
            heading = words.text(clause.heading) or words("Clause {number}", number=clause.number)
            builder.clause(heading + notes.mark(clause), 2, label=clause.number.strip() or None)
            text = words.text(clause.text)
            if text.strip():
                _blocks(builder, text)
            else:
                builder.paragraph(words("[The text of this clause is not recorded.]"), "Note")

    builder.heading(words("Political consideration"), 1)
    if agreement.adoptions:
        builder.table(
            [
                (
                    party_name(register, a.party, words),
                    _adopter(register, a, words),
                    adoption_status(a, words),
                )
                for a in agreement.adoptions
            ],
            header=(words("Party"), words("Adopted by"), words("Status")),
            widths=(2.6, 1.8, 2),
        )
    else:
        builder.paragraph(words("The register records no adoption of this agreement."))


def _blocks(builder: Builder, text: str) -> None:
    for kind, lines in split_blocks(text):
        if kind == "bullets":
            builder.bullets(lines)
        elif kind == "numbers":
            builder.numbered(lines)
        else:
            builder.paragraph(lines[0])
