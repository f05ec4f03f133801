# SPDX-License-Identifier: MIT
"""Where a meeting's facts come from, in the one free-text field each standard has.

Neither standard has a field for sources. Each has one free text that describes the
record: Fiks ``saksbeskrivelse`` on a case (``einnsyn.utvalgssaker.send``), eInnsyn
``beskrivelse`` on a ``Moetemappe`` (at most 1000 characters). :func:`note` writes
the meeting's provenance there: the assumption first (what a reader must confirm),
then that the meeting is illustrative, then the sources (the meeting's own, else the
council's: sources are inherited downwards).

Councils kept in outline (``Council.outline``) record only what a source says about
them, not a meeting plan: :func:`councils` leaves them out with a warning, and stops
the export when nothing else is left.

>>> from iprmodel.model import Council, LocalizedText, Meeting, Source
>>> from datetime import datetime, timedelta, timezone
>>> council = Council(id="x", formal_name=LocalizedText(nb="X"),
...     sources=(Source(title="Årsmelding 2025", url="https://example.org/a.pdf"),))
>>> at = datetime(2026, 3, 12, 10, tzinfo=timezone.utc)
>>> meeting = Meeting(id="m", body="rr", number=1, illustrative=True,
...     start=at, end=at + timedelta(hours=2), modified=at)
>>> print(note(council, meeting, "nn"))
Illustrativt møte: ingen kjelde gjev denne datoen.
Kjelder: Årsmelding 2025 <https://example.org/a.pdf>
"""

from __future__ import annotations

from typing import Final

from iprmodel.exporters import ExportRequest, ExportWarning
from iprmodel.model import Council, Meeting, Register, Source
from iprmodel.model.text import Locale
from iprmodel_fiks.l10n import DOMAIN, LOCALEDIR, gettext

__all__ = ["BESKRIVELSE_MAX", "FiksExportWarning", "councils", "note", "source_text"]

#: eInnsyn's ``maxLength`` of ``beskrivelse`` (Mappe and Registrering).
BESKRIVELSE_MAX: Final = 1000


class FiksExportWarning(ExportWarning):
    """An :class:`~iprmodel.exporters.ExportWarning` from this plugin's catalog."""

    domain = DOMAIN
    localedir = LOCALEDIR


def source_text(source: Source) -> str:
    """``Title (2024-12, punkt 6.5) <https://...>``: what a reader needs to find it.

    >>> source_text(Source(title="Samarbeidsavtale", locator="punkt 3"))
    'Samarbeidsavtale (punkt 3)'
    """
    where = ", ".join(part for part in (source.date_text(), source.locator) if part)
    text = f"{source.title} ({where})" if where else source.title
    return f"{text} <{source.url}>" if source.url else text


def note(council: Council, meeting: Meeting, locale: Locale) -> str | None:
    """The meeting's assumption, illustrative mark and sources as lines; ``None`` if none."""
    lines = []
    if meeting.assumption is not None:
        lines.append(
            gettext(locale, "Assumption: {text}").format(text=meeting.assumption.get(locale))
        )
    if meeting.illustrative:
        lines.append(gettext(locale, "Illustrative meeting: no source gives this date."))
    sources = meeting.sources or council.sources
    if sources:
        lines.append(
            gettext(locale, "Sources: {sources}").format(
                sources="; ".join(source_text(s) for s in sources)
            )
        )
    return "\n".join(lines) if lines else None


def shortened(text: str, limit: int = BESKRIVELSE_MAX) -> str:
    """``text`` cut to ``limit`` characters, the cut marked with an ellipsis.

    >>> shortened("abcdef", 4)
    'abc…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def councils(register: Register, request: ExportRequest, exporter: str) -> tuple[Council, ...]:
    """The councils to export: outline councils left out with a warning each.

    A register of outline councils only (Innlandet's example) has nothing either
    standard carries, since both send bodies, meetings and cases: the export writes
    nothing for them and says so, as for a council with no bodies, rather than stop a
    job that exports several registers.
    """
    for council in register.councils:
        if council.outline:
            request.warn(
                FiksExportWarning(
                    "councils[{council}]: kept in outline (only what a source says), so it is "
                    "left out of the {exporter} export",
                    council=council.id,
                    exporter=exporter,
                )
            )
    return tuple(c for c in register.councils if not c.outline)
