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
``meeting:ID`` or ``body:ID``. Without a scope the first council is used, its first
cooperation agreement, its action plan with the latest period, and its latest meeting
that has an agenda (for minutes: its latest *held* meeting with an agenda). Options: ``year=YYYY`` (evaluation), ``show-closed=yes`` (minutes:
print closed items in full, for the exempt copy).

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
from iprmodel.model import ActionPlan, Agreement, Council, Meeting, Register, WrittenStandard
from iprmodel.model.text import Locale
from iprmodel_docx.agreement import agreement_date, agreement_for, plan_agreement, write_agreement
from iprmodel_docx.builder import Builder
from iprmodel_docx.documents import (
    latest_evaluation,
    latest_meeting,
    latest_plan,
    meeting_title,
    write_action_plan,
    write_evaluation,
    write_minutes,
    write_notice,
)
from iprmodel_docx.words import DocxExportError, Words

__all__ = ["DOCUMENT_KINDS", "SCOPE_KINDS", "DocxExporter", "render"]

#: The documents the exporter makes, in the order they are listed to users.
DOCUMENT_KINDS: Final = ("agreement", "action-plan", "evaluation", "notice", "minutes")
#: The scope prefixes understood (``council:hallingdal``).
SCOPE_KINDS: Final = ("council", "agreement", "plan", "meeting", "body")

# Used when the model gives no date at all: a fixed instant, never the clock.
_NO_DATE: Final = datetime(2000, 1, 1, tzinfo=UTC)


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
                or an unusable template.
        """
        return render(register, request).finish()


def default_locale(council: Council) -> Locale:
    """The council's own written standard: Nynorsk for Hallingdal, else Bokmål."""
    return "nn" if council.written_standard is WrittenStandard.NYNORSK else "nb"


def _day(value: date | None) -> datetime:
    return datetime.combine(value, time(12), tzinfo=UTC) if value is not None else _NO_DATE


def _select(register: Register, scope: str | None) -> tuple[Council, str | None, str | None]:
    """The council, the scope kind and the scoped id."""
    if not register.councils:
        raise DocxExportError("the register holds no council, so there is nothing to write")
    if scope is None:
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
        if found:
            return council, kind, ident
    raise DocxExportError("no {kind} with id {ident!r} in the register", kind=kind, ident=ident)


def render(
    register: Register, request: ExportRequest, *, builder_class: type[Builder] = Builder
) -> Builder:
    """Build the requested document and return the builder (call ``finish()`` for bytes).

    ``builder_class`` lets benchmarks compare another way of writing paragraphs.
    """
    document = request.document
    if document not in DOCUMENT_KINDS:
        raise DocxExportError(
            "unknown document {document}; choose one of: {kinds}",
            document=repr(document) if document is not None else Phrase("(none given)"),
            kinds=", ".join(DOCUMENT_KINDS),
        )
    if not register.councils and request.scope is None:
        return _no_council(request, builder_class)
    council, kind, ident = _select(register, request.scope)
    locale: Locale = request.locale or default_locale(council)
    words = Words(locale)
    builder = builder_class(
        request.template, language_tag=words.language_tag, landscape=document == "action-plan"
    )
    council_name = words.text(council.formal_name)
    draft = False
    if document == "agreement":
        agreement: Agreement | None = agreement_for(council, ident if kind == "agreement" else None)
        plan = plan_agreement(council, register, words, agreement)
        write_agreement(builder, plan, council, register, words)
        title, draft, when = plan.title, plan.draft, _day(agreement_date(council, agreement))
        subject = words("Cooperation agreement")
    elif document in ("action-plan", "evaluation"):
        action_plan: ActionPlan | None = (
            next(p for p in council.action_plans if p.id == ident)
            if kind == "plan"
            else latest_plan(council)
        )
        if document == "action-plan":
            write_action_plan(builder, action_plan, council, register, words)
            title = words.text(action_plan.title) if action_plan else words("Action plan")
            draft = action_plan is not None and action_plan.adopted is None
            when = _day(
                action_plan.adopted
                if action_plan and action_plan.adopted
                else (date(action_plan.start_year, 1, 1) if action_plan else None)
            )
            subject = words("Action plan")
        else:
            year_option = request.option("year")
            year = _year(year_option) if year_option else None
            evaluation = latest_evaluation(action_plan, year) if action_plan is not None else None
            if year is not None and evaluation is None:
                raise DocxExportError("the action plan has no evaluation for {year}", year=year)
            write_evaluation(builder, action_plan, evaluation, council, register, words)
            shown = (
                evaluation.year if evaluation else (action_plan.end_year if action_plan else None)
            )
            title = (
                words("Annual evaluation {year}", year=shown)
                if shown
                else words("Annual evaluation")
            )
            when = _day(
                evaluation.dated
                if evaluation and evaluation.dated
                else (date(evaluation.year, 12, 31) if evaluation else None)
            )
            subject = words("Annual evaluation")
    else:
        meeting: Meeting | None
        if kind == "meeting":
            meeting = next(m for m in council.meetings if m.id == ident)
        else:
            meeting = latest_meeting(
                council, ident if kind == "body" else None, held=document == "minutes"
            )
        if document == "notice":
            write_notice(builder, meeting, council, register, words)
            label = words("Meeting notice")
        else:
            write_minutes(
                builder, meeting, council, register, words, show_closed=request.flag("show-closed")
            )
            label = words("Minutes")
        title = f"{label} \u2013 {meeting_title(council, meeting, words)}" if meeting else label
        when = meeting.modified if meeting is not None else _NO_DATE
        subject = label
    builder.header_footer(
        left=council_name,
        title=subject if document == "agreement" else title,
        draft=words("DRAFT") if draft else None,
        page_words=(words("Page"), words("of")),
    )
    builder.core_properties(
        title=title,
        subject=subject,
        author=council_name,
        when=when,
        language=words.language_tag,
        keywords=words("interkommunalt politisk råd"),
    )
    return builder


_KIND_TITLES: Final = {
    "agreement": "Cooperation agreement",
    "action-plan": "Action plan",
    "evaluation": "Annual evaluation",
    "notice": "Meeting notice",
    "minutes": "Minutes",
}


def _no_council(request: ExportRequest, builder_class: type[Builder]) -> Builder:
    # An empty register still gives a valid document that says so.
    words = Words(request.locale or "nb")
    builder = builder_class(request.template, language_tag=words.language_tag)
    title = words(_KIND_TITLES[request.document or "agreement"])
    builder.heading(title, 0)
    builder.paragraph(words("The register holds no council."), "Note")
    builder.header_footer(left="", title=title, draft=None, page_words=(words("Page"), words("of")))
    builder.core_properties(
        title=title, subject=title, author="", when=_NO_DATE, language=words.language_tag
    )
    return builder


def _year(value: str) -> int:
    if not value.isdigit() or len(value) != 4:
        raise DocxExportError("option year must be a four-digit year, got {value!r}", value=value)
    return int(value)
