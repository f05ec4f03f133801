# SPDX-License-Identifier: MIT
"""Where a fact comes from: sources (kjelder) and assumptions (antakingar).

An object that states facts (a council, a participation, a body, a meeting, an
agreement, a task ...) carries ``sources``: the public documents that state it, each a
:class:`Source` with a title, a URL where there is one, a date at the precision the
document gives and an optional locator (page, section). Its ``assumption`` note says
that the object holds a value no source states: a reading, an inference or an
illustration, in words a secretariat can check and confirm. Why on objects and not on
fields: docs/explanation/provenance.md.

>>> from datetime import date
>>> source = Source(title="Hadelandserklæringen", dated=date(2023, 6, 1),
...                 date_precision=DatePrecision.MONTH)
>>> source.date_text()
'2023-06'
>>> Source(title="Strategi", url="regionhadeland.no")
Traceback (most recent call last):
...
iprmodel.errors.InvalidValue: url must be an absolute http or https address, got 'regionhadeland.no'
"""

from __future__ import annotations

import enum
import re
from datetime import date
from typing import Any, Final

import attrs

from iprmodel.errors import InvalidValue
from iprmodel.model._fields import (
    _validate_text,
    date_field,
    enum_field,
    optional_text,
    required_text,
    tuple_field,
)

__all__ = ["URL_RE", "DatePrecision", "Source", "date_text", "sources_field"]

#: What a source's ``url`` must be: an absolute http(s) address without spaces.
URL_RE: Final = re.compile(r"^https?://[^\s/?#]+[^\s]*$")


class DatePrecision(enum.Enum):
    """How much of a date the source gives ("desember 2024" is a month)."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


def date_text(day: date, precision: DatePrecision) -> str:
    """``day`` as ISO 8601 at ``precision``: ``2024``, ``2024-12`` or ``2024-12-05``.

    >>> date_text(date(2024, 12, 1), DatePrecision.MONTH)
    '2024-12'
    """
    if precision is DatePrecision.YEAR:
        return f"{day.year:04d}"
    if precision is DatePrecision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _validate_url(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate_text(inst, attribute, value)
    if isinstance(value, str) and not URL_RE.fullmatch(value):
        raise InvalidValue(
            "url must be an absolute http or https address, got {value}", value=repr(value[:80])
        )


@attrs.frozen(kw_only=True)
class Source:
    """A public document that states a fact: title, URL, date and where in it.

    ``dated`` with ``date_precision`` records the date as far as it is known (a
    presentation of 2025 is ``2025-01-01`` with precision ``year``). ``locator`` points
    into the document ("side 3", "punkt 6.5"). The title is the document's own, in its
    own language: it is not translated.
    """

    #: The document's own title ("Hadelandserklæringen"), not translated.
    title: str = required_text()
    #: Where to read it: an absolute http(s) address, when the document has one.
    url: str | None = attrs.field(default=None, validator=_validate_url)
    #: The document's date, as far as known (see ``date_precision``).
    dated: date | None = date_field()
    #: How much of ``dated`` the document gives: a day, a month or a year.
    date_precision: DatePrecision = enum_field(DatePrecision, default=DatePrecision.DAY)
    #: Where in the document: a page, a section, a slide ("punkt 6.5").
    locator: str | None = optional_text()

    def date_text(self) -> str | None:
        """The date at its precision (``2023-06``), or ``None`` when unknown."""
        return None if self.dated is None else date_text(self.dated, self.date_precision)


def sources_field() -> Any:
    """The ``sources`` of an object: a tuple of :class:`Source`, empty by default."""
    return tuple_field()
