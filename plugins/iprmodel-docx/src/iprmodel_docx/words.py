# SPDX-License-Identifier: MIT
"""Words for Word documents: the plugin's own catalog, enum labels, dates, money.

Headings and labels live in the gettext domain ``iprmodel_docx`` (English msgids,
Bokmål ``nb``, Nynorsk ``nn`` and English ``en`` catalogs under ``locale/``); enum
words come from the core catalog through :func:`iprmodel.l10n.label`.

>>> from datetime import date
>>> from decimal import Decimal
>>> words = Words("nn")
>>> words("Minutes")
'Møtebok'
>>> words.date(date(2026, 4, 23))
'23.04.2026'
>>> words.money(Decimal("200000"))
'200\\xa0000\\xa0kr'
>>> Words("en").date(date(2026, 4, 23))
'23 April 2026'
"""

from __future__ import annotations

import enum
import gettext
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import date as _Date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import ClassVar, Final

import attrs
from stdnum.no.orgnr import format as orgnr_format

from iprmodel.errors import ExportError, Phrase, escape
from iprmodel.exporters import ExportRequest, ExportWarning
from iprmodel.l10n import label, translator
from iprmodel.l10n.dates import month_name, short_date, weekday_name
from iprmodel.model import Council, DatePrecision, LocalizedText, Meeting, Person
from iprmodel.model.text import Locale

__all__ = [
    "DOMAIN",
    "LANGUAGE_TAGS",
    "LOCALEDIR",
    "CouncilWarning",
    "DocxExportError",
    "DocxExportWarning",
    "Gaps",
    "NotWritten",
    "Words",
]

#: The gettext domain of this plugin's catalog.
DOMAIN: Final = "iprmodel_docx"
#: Where the catalogs live: ``locale/<lang>/LC_MESSAGES/iprmodel_docx.po``.
LOCALEDIR: Final = Path(__file__).parent / "locale"


class DocxExportError(ExportError):
    """An :class:`~iprmodel.errors.ExportError` whose template is in this plugin's catalog."""

    domain: ClassVar[str] = DOMAIN
    localedir: ClassVar[Path | None] = LOCALEDIR


class DocxExportWarning(ExportWarning):
    """An :class:`~iprmodel.exporters.ExportWarning` from this plugin's catalog."""

    domain: ClassVar[str] = DOMAIN
    localedir: ClassVar[Path | None] = LOCALEDIR


#: The warning for a document left out of a folder (see :class:`NotWritten`).
_NOT_WRITTEN: Final = "{document}: not written: {reason}"


class NotWritten(DocxExportWarning):
    """A document left out of a folder of documents, and why (the refusal's own words)."""

    def __init__(self, document: str, reason: DocxExportError) -> None:
        super().__init__(_NOT_WRITTEN, document=document, reason=reason.message())
        self.reason = reason

    def message(self, translate: Callable[[str], str] = str) -> str:
        """The message, the reason translated by the same catalog."""
        return translate(_NOT_WRITTEN).format(
            document=self.params["document"], reason=self.reason.message(translate)
        )


class CouncilWarning(DocxExportWarning):
    """A document's warning in a folder of several councils: the council's id first."""

    def __init__(self, council: str, warning: DocxExportWarning) -> None:
        super().__init__("{council}: {warning}", council=council, warning=warning.message())
        self.council, self.warning = council, warning

    def message(self, translate: Callable[[str], str] = str) -> str:
        """``hallingdal: notice: …``, the warning translated by the same catalog."""
        return f"{escape(self.council)}: {self.warning.message(translate)}"


#: The BCP 47 tag Word and LibreOffice use for spell-checking, per locale.
LANGUAGE_TAGS: Final[dict[Locale, str]] = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}


@attrs.frozen
class Words:
    """Translate and format for one locale.

    Calling the object translates an English message id and fills in ``{named}``
    parameters.
    """

    locale: Locale
    _catalog: gettext.NullTranslations = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self, "_catalog", translator(self.locale, domain=DOMAIN, localedir=LOCALEDIR)
        )

    def __call__(self, msgid: str, /, **params: object) -> str:
        """The translation of ``msgid`` with ``params`` filled in."""
        text = self._catalog.gettext(msgid)
        return text.format(**params) if params else text

    @property
    def language_tag(self) -> str:
        """``nb-NO``, ``nn-NO`` or ``en-GB``."""
        return LANGUAGE_TAGS[self.locale]

    def label(self, member: enum.Enum) -> str:
        """The core catalog's word for an enum member."""
        return label(member, self.locale)

    def text(self, value: LocalizedText | None, default: str = "") -> str:
        """A user-written text in this locale (with the model's fallbacks)."""
        return value.get(self.locale) if value is not None else default

    def council(self, council: Council) -> str:
        """The council's formal name, with its own organisation number where it has one
        (``Hallingdal interkommunale politiske råd, org.nr. 975 576 469``)."""
        name = self.text(council.formal_name)
        if council.orgnr is None:
            return name
        return name + ", " + self("org. no. {number}", number=orgnr_format(council.orgnr))

    def date(self, day: date) -> str:
        """``23.04.2026`` (nb, nn) or ``23 April 2026`` (en)."""
        return short_date(day, self.locale)

    def dated(self, day: _Date, precision: DatePrecision = DatePrecision.DAY) -> str:
        """A date at the precision the register knows: ``desember 2024``, ``2024``."""
        if precision is DatePrecision.YEAR:
            return str(day.year)
        if precision is DatePrecision.MONTH:
            return f"{month_name(day.month, self.locale)} {day.year}"
        return self.date(day)

    def person(self, person: Person | None, fallback: str = "") -> str:
        """A person's name; a placeholder (a role, no name known) in square brackets."""
        if person is None:
            return fallback
        return f"[{person.name}]" if person.placeholder else person.name

    def weekday(self, day: _Date) -> str:
        """The weekday's name, lower case in Norwegian."""
        return weekday_name(day, self.locale)

    def clock(self, moment: datetime) -> str:
        """``kl. 10.00`` (nb, nn) or ``10:00`` (en)."""
        if self.locale == "en":
            return f"{moment.hour:02d}:{moment.minute:02d}"
        return f"kl. {moment.hour:02d}.{moment.minute:02d}"

    def span(self, start: datetime, end: datetime) -> str:
        """A meeting's time: weekday, date and clock times."""
        first = f"{self.weekday(start.date())} {self.date(start.date())} {self.clock(start)}"
        if end.date() == start.date():
            until = (
                f"{end.hour:02d}:{end.minute:02d}"
                if self.locale == "en"
                else f"{end.hour:02d}.{end.minute:02d}"
            )
            return f"{first}\u2013{until}"
        return f"{first} \u2013 {self.date(end.date())} {self.clock(end)}"

    def meeting_time(self, meeting: Meeting) -> str:
        """When a meeting is: clock times, or only the day(s) for an all-day meeting."""
        if not meeting.all_day:
            return self.span(meeting.start, meeting.end)
        first = meeting.start.date()
        last = meeting.end.date() - timedelta(days=1)  # an all-day end is exclusive
        text = f"{self.weekday(first)} {self.date(first)}"
        if last > first:
            text += f" \u2013 {self.weekday(last)} {self.date(last)}"
        return text

    def money(self, amount: Decimal) -> str:
        """``200 000 kr`` with no-break spaces (nb, nn) or ``NOK 200,000`` (en)."""
        whole = amount.quantize(Decimal(1)) if amount == amount.to_integral() else amount
        grouped = f"{whole:,}"
        # No-break spaces also before the unit: "200 000" and "kr" never part at a line end.
        if self.locale == "en":
            return f"NOK\xa0{grouped}"
        integer, _, fraction = grouped.partition(".")
        integer = integer.replace(",", "\xa0")
        return f"{integer},{fraction}\xa0kr" if fraction else f"{integer}\xa0kr"

    def percent(self, share: Fraction) -> str:
        """A share as a percentage with up to two decimals: ``33,33 %``."""
        value = Decimal(share.numerator) / Decimal(share.denominator) * 100
        text = f"{value.quantize(Decimal('0.01')).normalize():f}"
        if self.locale == "en":
            return f"{text} %"
        return f"{text.replace('.', ',')}\xa0%"

    def join(self, items: list[str] | tuple[str, ...]) -> str:
        """``a, b og c`` (nb, nn) or ``a, b and c`` (en)."""
        if not items:
            return ""
        if len(items) == 1:
            return items[0]
        return f"{', '.join(items[:-1])} {self('and')} {items[-1]}"


class Gaps:
    """Visible markers for required values the register lacks, each also reported as a
    warning through the request (the command line prints them).

    >>> found = []
    >>> gaps = Gaps(Words("nn"), ExportRequest(on_warning=found.append), "notice")
    >>> gaps.missing("the place of the meeting")
    '[ikkje fastsett]'
    >>> found[0].message()
    'notice: the place of the meeting is not in the register; the document shows a marker'
    """

    def __init__(self, words: Words, request: ExportRequest, document: str) -> None:
        self.words = words
        self.request = request
        self.document = document
        self.reported: list[str] = []

    def missing(self, what: str) -> str:
        """Report ``what`` (an English phrase in the catalog) and return the marker."""
        if what not in self.reported:
            self.reported.append(what)
            self.request.warn(
                DocxExportWarning(
                    "{document}: {what} is not in the register; the document shows a marker",
                    document=self.document,
                    what=Phrase(what),
                )
            )
        words = self.words
        return words("[not set]")
