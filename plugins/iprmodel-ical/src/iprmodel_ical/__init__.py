# SPDX-License-Identifier: MIT
"""iprmodel-ical: iCalendar (RFC 5545) meeting feeds for iprmodel.

Registered as the ``ics`` exporter in the ``iprmodel.exporters`` entry-point group,
so ``iprmodel export SOURCE --format ics`` and
:func:`iprmodel.exporters.load` ``("ics")`` find it.

>>> from iprmodel import examples
>>> from iprmodel.exporters import ExportRequest
>>> feed = ICalExporter().export(examples.load("hadeland"), ExportRequest())
>>> feed.startswith(b"BEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\n")
True
>>> b"METHOD" in feed
False
"""

from __future__ import annotations

from typing import Any

from iprmodel_ical.content import clean_text, escape_text, fold, param
from iprmodel_ical.exporter import (
    DOMAIN,
    LOCALEDIR,
    PRODID,
    SCOPE_FORMS,
    FeedWriter,
    ICalExporter,
    uid_for,
)
from iprmodel_ical.scopes import FeedIndex
from iprmodel_ical.timezone import TZID, VTIMEZONE, VTIMEZONE_LINES

__all__ = [
    "DOMAIN",
    "LOCALEDIR",
    "PRODID",
    "SCOPE_FORMS",
    "TZID",
    "VTIMEZONE",
    "VTIMEZONE_LINES",
    "FeedIndex",
    "FeedWriter",
    "ICalExporter",
    "__version__",
    "clean_text",
    "escape_text",
    "fold",
    "param",
    "uid_for",
]


def __getattr__(name: str) -> Any:
    # The version comes from the installed metadata, read only when asked for.
    if name == "__version__":
        from importlib.metadata import version

        return version("iprmodel-ical")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
