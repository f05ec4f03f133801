# SPDX-License-Identifier: MIT
"""Word (.docx) documents for interkommunale politiske råd.

The exporter ``docx`` writes one of five documents, picked by
``ExportRequest.document``:

``agreement``
    draft cooperation agreement (samarbeidsavtale, koml. § 18-4) with Word-numbered
    clauses, suggested clauses for uncovered items a–h, a checklist, adoption status
    and signature blocks;
``action-plan``
    the action plan (handlingsplan) as task tables per theme;
``evaluation``
    the annual evaluation of an action plan;
``notice``
    the meeting notice (møteinnkalling);
``minutes``
    the minutes (møtebok, koml. § 11-4).

``ExportRequest.scope`` picks what: ``council:ID``, ``agreement:ID``, ``plan:ID``,
``meeting:ID`` or ``body:ID``. Without a scope the register's only council is used (a
register with several councils needs one), its first cooperation agreement, its action
plan with the latest period, and its latest meeting that has an agenda (for minutes:
its latest *held* meeting). An agreement of the register itself (``Register.agreements``:
a county's membership agreements, a bygdevekstavtale) is written as a record of what the
register holds (:mod:`iprmodel_docx.record`); it is the default ``agreement`` of a
register whose councils are all kept in outline. Options: ``year=YYYY`` (evaluation), ``show-closed=yes``
(minutes: print closed items in full, for the exempt copy).

A document with nothing to show (minutes when no meeting is held, an action plan the
council has not got) is refused with an :class:`~iprmodel.errors.ExportError` naming
what the register lacks. A required value the register lacks (the place of a meeting)
is printed as a visible marker and reported through ``ExportRequest.on_warning``.

>>> from iprmodel.exporters import ExportRequest
>>> from iprmodel.model import Council, LocalizedText, Register
>>> register = Register(councils=(Council(id="demo",
...     formal_name=LocalizedText(nb="Demo interkommunalt politisk råd")),))
>>> data = DocxExporter().export(register, ExportRequest(document="agreement"))
>>> data[:2]
b'PK'
>>> DocxExporter().export(register, ExportRequest(document="letter"))
Traceback (most recent call last):
...
iprmodel_docx.words.DocxExportError: unknown document 'letter'; choose one of: agreement, action-plan, evaluation, notice, minutes
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Final

from iprmodel.errors import Phrase
from iprmodel.exporters import ExportRequest
from iprmodel.model import (
    ActionPlan,
    Agreement,
    Council,
    Meeting,
    MeetingStatus,
    Register,
    WrittenStandard,
)
from iprmodel.model.text import Locale
from iprmodel_docx.agreement import agreement_date, agreement_for, plan_agreement, write_agreement
from iprmodel_docx.builder import Builder
from iprmodel_docx.folder import folder
from iprmodel_docx.meetings import body_name, latest_meeting, meeting_title, write_notice
from iprmodel_docx.minutes import write_minutes
from iprmodel_docx.plans import latest_evaluation, latest_plan, write_action_plan, write_evaluation
from iprmodel_docx.provenance import Notes
from iprmodel_docx.record import scoped_record, write_record
from iprmodel_docx.words import DocxExportError, Gaps, Words

__all__ = ["DOCUMENT_KINDS", "SCOPE_KINDS", "DocxExporter", "render"]

#: The documents the exporter makes, in the order they are listed to users.
DOCUMENT_KINDS: Final = ("agreement", "action-plan", "evaluation", "notice", "minutes")
#: The scope prefixes understood (``council:hallingdal``).
SCOPE_KINDS: Final = ("council", "agreement", "plan", "meeting", "body")
#: The noun for each scope prefix in messages ("no meeting with id …").
_SCOPE_NOUNS: Final = {
    "council": Phrase("council"),
    "agreement": Phrase("agreement"),
    "plan": Phrase("action plan"),
    "meeting": Phrase("meeting"),
    "body": Phrase("body"),
}


class DocxExporter:
    """The ``docx`` exporter (entry point ``iprmodel.exporters``)."""

    name = "docx"
    suffix = ".docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    #: The document kinds (the command line's ``--document`` choices).
    documents = DOCUMENT_KINDS
    #: The ``--option`` keys it reads: show-closed (yes/no) and year (of an evaluation).
    options = ("show-closed", "year")

    def export(self, register: Register, request: ExportRequest) -> bytes:
        """Render the requested document; the same input gives the same bytes.

        Raises:
            ExportError: unknown document or scope, an id that is not in the register,
                nothing to show, or an unusable template.
        """
        return render(register, request).finish()

    def files(self, register: Register, request: ExportRequest) -> dict[str, bytes]:
        """Every document the register has, by file name (``agreement.docx`` …), for a
        folder (``-o DIR/`` without ``--document``).

        The register's own agreements (``Register.agreements``) are records named by id,
        ``agreement-<id>.docx``; with several councils and no scope, each council's
        are ``<council>.<kind>.docx``. A kind the register has nothing for (no held meeting:
        no minutes) is left out with a warning saying why, one per reason; when nothing
        can be written, the first refusal stops the export. With ``request.document``
        set, only that document.
        """
        return folder(register, request)


def default_locale(council: Council) -> Locale:
    """The council's own written standard: Nynorsk for Hallingdal, else Bokmål."""
    return "nn" if council.written_standard is WrittenStandard.NYNORSK else "nb"


def _moment(value: date | datetime | None) -> datetime:
    # The model's own date, never the clock; a date alone stands at noon UTC.
    if isinstance(value, datetime):
        return value
    if value is None:
        return datetime(2000, 1, 1, tzinfo=UTC)
    return datetime.combine(value, time(12), tzinfo=UTC)


def _select(register: Register, scope: str | None) -> tuple[Council, str | None, str | None]:
    """The council, the scope kind and the scoped id."""
    if not register.councils:
        raise DocxExportError("the register holds no council, so there is nothing to write")
    if all(c.outline for c in register.councils):
        # An outline council records only what a source states: too little to draft from.
        if register.agreements:
            raise DocxExportError(
                "the register holds only councils kept in outline ({ids}), with too little"
                " recorded to draft a document from; its own agreements can be written with"
                " --document agreement --scope agreement:ID ({agreements})",
                ids=", ".join(c.id for c in register.councils),
                agreements=", ".join(a.id for a in register.agreements),
            )
        raise DocxExportError(
            "the register holds only councils kept in outline ({ids}), with too little"
            " recorded to draft a document from",
            ids=", ".join(c.id for c in register.councils),
        )
    if scope is None:
        if len(register.councils) > 1:
            raise DocxExportError(
                "the register holds {count} councils ({ids}); choose one with --scope council:ID",
                count=len(register.councils),
                ids=", ".join(c.id for c in register.councils),
            )
        return register.councils[0], None, None
    kind, sep, ident = scope.partition(":")
    if not sep or kind not in SCOPE_KINDS or not ident:
        raise DocxExportError(
            "unknown scope {scope!r}; use one of: {kinds} followed by ':' and an id",
            scope=scope,
            kinds=", ".join(SCOPE_KINDS),
        )
    for council in register.councils:
        found = {
            "council": council.id == ident,
            "agreement": any(a.id == ident for a in council.agreements),
            "plan": any(p.id == ident for p in council.action_plans),
            "meeting": any(m.id == ident for m in council.meetings),
            "body": any(b.id == ident for b in council.bodies),
        }[kind]
        if found and council.outline:
            raise DocxExportError(
                "{council} is kept in outline, with too little recorded to draft a document from",
                council=council.id,
            )
        if found:
            return council, kind, ident
    raise DocxExportError(
        "no {kind} with id {ident!r} in the register", kind=_SCOPE_NOUNS[kind], ident=ident
    )


def _plan(council: Council, kind: str | None, ident: str | None) -> ActionPlan:
    plan = (
        next(p for p in council.action_plans if p.id == ident)
        if kind == "plan"
        else latest_plan(council)
    )
    if plan is None:
        raise DocxExportError(
            "{council} has no action plan in the register, so there is nothing to write",
            council=council.id,
        )
    return plan


def _meeting(council: Council, kind: str | None, ident: str | None, document: str) -> Meeting:
    held = document == "minutes"
    if kind == "meeting":
        meeting: Meeting | None = next(m for m in council.meetings if m.id == ident)
    else:
        meeting = latest_meeting(council, ident if kind == "body" else None, held=held)
    if meeting is None and held:
        raise DocxExportError(
            "{council} has no held meeting in the register, so there are no minutes to write",
            council=council.id,
        )
    if meeting is None:
        raise DocxExportError(
            "{council} has no meeting in the register, so there is no notice to write",
            council=council.id,
        )
    if held and meeting.status is not MeetingStatus.HELD:
        raise DocxExportError(
            "the meeting {meeting} is not held (its status is {status}); minutes are written "
            "only for a held meeting",
            meeting=meeting.id,
            status=meeting.status.value,
        )
    return meeting


def render(
    register: Register, request: ExportRequest, *, builder_class: type[Builder] = Builder
) -> Builder:
    """Build the requested document and return the builder (call ``finish()`` for bytes).

    ``builder_class`` lets benchmarks compare another way of writing paragraphs.
    """
    document = request.document
    if document is None:
        raise DocxExportError(
            "no document kind given: choose one with --document ({kinds}), or give a folder"
            " (-o DIR/) to write every one the register has",
            kinds=", ".join(DOCUMENT_KINDS),
        )
    if document not in DOCUMENT_KINDS:
        raise DocxExportError(
            "unknown document {document}; choose one of: {kinds}",
            document=repr(document),
            kinds=", ".join(DOCUMENT_KINDS),
        )
    if document == "agreement":
        record = scoped_record(register, request.scope)
        if record is not None:
            return _record(register, record, request, builder_class)
    council, kind, ident = _select(register, request.scope)
    locale: Locale = request.locale or default_locale(council)
    words = Words(locale)
    gaps = Gaps(words, request, document)
    notes = Notes(words)
    # Everything that can refuse is decided before a page is built.
    if document in ("action-plan", "evaluation"):
        action_plan = _plan(council, kind, ident)
        year_option = request.option("year")
        year = _year(year_option) if year_option else None
        evaluation = latest_evaluation(action_plan, year)
        if document == "evaluation" and evaluation is None and year is not None:
            raise DocxExportError(
                "the action plan {plan} has no evaluation for {year} in the register",
                plan=action_plan.id,
                year=year,
            )
        if document == "evaluation" and evaluation is None:
            raise DocxExportError(
                "the action plan {plan} has no evaluation in the register, so there is nothing to write",
                plan=action_plan.id,
            )
    elif document in ("notice", "minutes"):
        meeting = _meeting(council, kind, ident, document)
    builder = builder_class(
        request.template, language_tag=words.language_tag, landscape=document == "action-plan"
    )
    council_name = words.text(council.formal_name)
    mark: str | None = None
    when: date | datetime | None
    if document == "agreement":
        agreement = agreement_for(council, ident if kind == "agreement" else None)
        plan = plan_agreement(council, register, words, agreement)
        write_agreement(builder, plan, council, register, words, notes, gaps)
        sources = (*(agreement.sources if agreement is not None else ()), *council.sources)
        title, when = plan.title, agreement_date(council, agreement)
        subject = header_title = words("Cooperation agreement")
        mark = words("DRAFT") if plan.draft else None
    elif document == "action-plan":
        write_action_plan(builder, action_plan, council, register, words, notes)
        sources = (*action_plan.sources, *council.sources)
        title = header_title = words.text(action_plan.title)
        mark = words("DRAFT") if action_plan.adopted is None else None
        when = action_plan.adopted or date(action_plan.start_year, 1, 1)
        subject = words("Action plan")
    elif document == "evaluation":
        assert evaluation is not None
        write_evaluation(builder, action_plan, evaluation, council, register, words, notes)
        sources = (*action_plan.sources, *council.sources)
        title = header_title = words("Annual evaluation {year}", year=evaluation.year)
        when = evaluation.dated or date(evaluation.year, 12, 31)
        subject = words("Annual evaluation")
    else:
        if document == "notice":
            write_notice(builder, meeting, council, register, words, gaps, notes)
            subject = words("Meeting notice")
        else:
            write_minutes(
                builder,
                meeting,
                council,
                register,
                words,
                gaps,
                show_closed=request.flag("show-closed"),
                notes=notes,
            )
            subject = words("Minutes")
        title = f"{subject} \u2013 {meeting_title(council, meeting, words)}"
        # The header names the body and the day, which always fit on its one line; a
        # meeting's own long title would be cut before its date.
        header_title = (
            f"{subject} \u2013 {body_name(council, meeting.body, words)} "
            f"{words.date(meeting.start.date())}"
        )
        if meeting.status is MeetingStatus.CANCELLED:
            mark = words("CANCELLED")
        when = meeting.modified
        sources = (*meeting.sources, *council.sources)
    # The assumptions marked above, and the documents the facts come from.
    notes.write(builder, sources)
    builder.header_footer(
        left=council_name,
        short=words.text(council.short_name) or None,
        title=header_title,
        mark=mark,
        page_words=(words("Page"), words("of")),
    )
    builder.core_properties(
        title=title,
        subject=subject,
        author=council_name,
        when=_moment(when),
        language=words.language_tag,
        keywords=words("interkommunalt politisk råd"),
    )
    return builder


def _record(
    register: Register, agreement: Agreement, request: ExportRequest, builder_class: type[Builder]
) -> Builder:
    # An agreement of the register itself: a record in Bokmål unless a locale is asked for.
    words = Words(request.locale or "nb")
    notes = Notes(words)
    builder = builder_class(request.template, language_tag=words.language_tag)
    write_record(builder, agreement, register, words, notes, Gaps(words, request, "agreement"))
    # The parties' sources too: their organisation numbers are shown.
    parties: list[object] = [register.participant(p) for p in agreement.parties]
    parties += [o for o in register.organisations if o.id in agreement.parties]
    notes.write(
        builder,
        (*agreement.sources, *(s for p in parties for s in getattr(p, "sources", ()))),
    )
    # No party is the document's author: the record is the register's, not theirs.
    title = words.text(agreement.title)
    builder.header_footer(
        left=words("Record from the register"),
        short=None,
        title=title,
        mark=None,
        page_words=(words("Page"), words("of")),
    )
    builder.core_properties(
        title=title,
        subject=words("Agreement"),
        author="",
        when=_moment(agreement_date(None, agreement)),
        language=words.language_tag,
        keywords=words("interkommunalt politisk råd"),
    )
    return builder


def _year(value: str) -> int:
    if not value.isdigit() or len(value) != 4:
        raise DocxExportError("option year must be a four-digit year, got {value!r}", value=value)
    return int(value)
