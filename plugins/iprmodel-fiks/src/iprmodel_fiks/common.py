# SPDX-License-Identifier: MIT
"""What both formats share: scope, stable UUIDs, case numbers, titles, meetings.

Every value comes from the register. Where a standard requires a value the register
does not hold, :class:`FiksExportError` stops the export with ``path: message``
naming what to add; optional fields are left out.

Stable keys: a UUID the standards need (Fiks ``referanseEksternNoekkel.noekkel``,
eInnsyn ``systemId``) is :func:`stable_uuid`, a name-based UUID (RFC 9562 version 5)
of our own ids, so the same register gives the same bytes and a re-sent message
updates the record it made before instead of making a second one.

>>> stable_uuid("hallingdal", "regionradet-2026-1", "sak-2") == stable_uuid(
...     "hallingdal", "regionradet-2026-1", "sak-2")
True
>>> case_number("PS 12/2026", "councils[x].meetings[m].agenda[a].number")
(2026, 12)
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import re
import threading
import uuid
from collections.abc import Generator, Iterable, Iterator, Sequence
from typing import Any, Final

import attrs
import orjson

from iprmodel.errors import ExportError
from iprmodel.exporters import ExportRequest
from iprmodel.l10n import access_basis, label
from iprmodel.model import (
    AgendaItem,
    Body,
    Council,
    Meeting,
    MeetingStatus,
    Register,
    Tally,
    VoteChoice,
    WrittenStandard,
)
from iprmodel.model.text import Locale
from iprmodel_fiks.l10n import DOMAIN, LOCALEDIR, gettext

__all__ = [
    "NAMESPACE",
    "FiksExportError",
    "body_name",
    "case_number",
    "closed_title",
    "counts",
    "dump",
    "legal_basis",
    "locale_of",
    "meeting_title",
    "narrow",
    "outcome_text",
    "parse_case_number",
    "paused_collector",
    "public_title",
    "stable_uuid",
    "stable_uuids",
    "status_of",
]

#: The namespace of every UUID this plugin derives: uuid5(NAMESPACE_URL, "urn:iprmodel").
NAMESPACE: Final = uuid.uuid5(uuid.NAMESPACE_URL, "urn:iprmodel")
_NAMESPACE_BYTES: Final = NAMESPACE.bytes
# A hex digit with its top two bits set to the RFC 9562 variant, 10.
_VARIANT: Final = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}
#: ``referanseEksternNoekkel.fagsystem``: the system whose keys these are.
FAGSYSTEM: Final = "iprmodel"
# "PS 12/2026", "12/2026", "Sak 012/2026": a sequence number and a four-digit year.
_CASE_NUMBER: Final = re.compile(r"^(?:[^\W\d_]+\.?\s+)?0*(\d{1,9})\s*/\s*(\d{4})$")
_NOT_HELD: Final = frozenset({MeetingStatus.CANCELLED, MeetingStatus.POSTPONED})
_CHOICES: Final = (VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.BLANK)
_SORTED: Final = orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2
_IN_ORDER: Final = orjson.OPT_INDENT_2
# A status not yet worded (None is a worded "no status"), told apart by identity.
_UNSEEN: Final[dict[str, str]] = {}


class FiksExportError(ExportError):
    """An export of this plugin failed; the message template is in its own catalog.

    >>> FiksExportError("x").message(str.upper)
    'X'
    """

    domain = DOMAIN
    localedir = LOCALEDIR


def stable_uuid(*parts: str) -> str:
    """The name-based UUID (version 5) of our ids ``parts``, in :data:`NAMESPACE`.

    The same as ``str(uuid.uuid5(NAMESPACE, "/".join(parts)))``, without building a
    UUID object (a national register needs some hundred thousand):

    >>> stable_uuid("a", "b") == str(uuid.uuid5(NAMESPACE, "a/b"))
    True
    """
    return stable_uuids(parts[:-1], parts[-1:] or ("",))[0]


def stable_uuids(prefix: Sequence[str], lasts: Iterable[str]) -> list[str]:
    """``stable_uuid(*prefix, last)`` for each of ``lasts``, in order.

    For the items of one meeting: the hash of the prefix (council and meeting) is
    worked out once and copied for each item, and the loop calls no function per
    key, which halves the time per key.

    >>> stable_uuids(("a", "b"), ["c"]) == [stable_uuid("a", "b", "c")]
    True
    """
    base = hashlib.sha1(_NAMESPACE_BYTES + "".join(f"{part}/" for part in prefix).encode())
    keys = []
    for last in lasts:
        digest = base.copy()
        digest.update(last.encode())
        h = digest.hexdigest()
        # The first 16 bytes, with the version (hex digit 12) set to 5 and the variant
        # bits (the top two of hex digit 16) to 10: patched in the text, which is
        # cheaper than patching bytes and formatting them.
        keys.append(f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}")
    return keys


#: How many exports (in any thread) have the collector paused, and whether it was on.
_PAUSE_LOCK: Final = threading.Lock()
_pauses = 0
_was_enabled = False


@contextlib.contextmanager
def paused_collector() -> Generator[None, None, None]:
    """Pause Python's cycle collector while an export builds its documents.

    An export of a national register builds some million small dicts and lists, none
    of them in a cycle; every few hundred allocations the collector walks them (and
    the register) again, which took half the export's time. Reference counting still
    frees everything. Exports in several threads share one count, so the collector
    comes back on when the last of them ends, and only if it was on before the first
    began (a collector paused by the host application stays paused).

    >>> with paused_collector():
    ...     gc.isenabled()
    False
    """
    global _pauses, _was_enabled
    with _PAUSE_LOCK:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


def dump(document: Any, *, presorted: bool = False) -> bytes:
    """JSON bytes: sorted keys, two-space indentation, UTF-8, a final newline.

    ``presorted`` says that every object in ``document`` already has its keys in
    sorted order, as the Fiks meeting messages are built: they are not sorted again
    (the same bytes; sorting was a quarter of dumping a national register's messages).

    The newline is appended here, not with ``OPT_APPEND_NEWLINE``: the sum is a new
    object of exactly its size, and orjson's larger working buffer is freed at once
    and reused by the next file. Kept as they are, those buffers cost a fresh page
    of memory per file: two fifths of dumping the 100,000 small Fiks files.
    """
    return orjson.dumps(document, option=_IN_ORDER if presorted else _SORTED) + b"\n"


def narrow(register: Register, request: ExportRequest, exporter: str) -> Register:
    """The register cut to ``request.scope``: none, ``council:ID`` or ``body:ID``.

    ``body:ID`` keeps, in each council that has the body, that body and its meetings.
    """
    scope = request.scope
    if scope is None:
        return register
    kind, _, ident = scope.partition(":")
    if kind == "council":
        council = register.council(ident)
        if council is None:
            raise FiksExportError(
                "no council has the id {id}; the data has: {known}",
                id=repr(ident),
                known=", ".join(c.id for c in register.councils) or "-",
            )
        return attrs.evolve(register, councils=(council,))
    if kind == "body":
        kept = tuple(
            attrs.evolve(
                c,
                bodies=tuple(b for b in c.bodies if b.id == ident),
                meetings=tuple(m for m in c.meetings if m.body == ident),
                appointments=tuple(a for a in c.appointments if a.body == ident),
            )
            for c in register.councils
            if c.body(ident) is not None
        )
        if not kept:
            raise FiksExportError("no body has the id {id}", id=repr(ident))
        return attrs.evolve(register, councils=kept)
    raise FiksExportError(
        "the {exporter} export cannot be narrowed to {scope}; use council:ID, body:ID or no scope",
        exporter=exporter,
        scope=repr(scope),
    )


def locale_of(request: ExportRequest, council: Council) -> Locale:
    """The locale asked for, else the council's written standard (Bokmål by default)."""
    if request.locale is not None:
        return request.locale
    return "nn" if council.written_standard is WrittenStandard.NYNORSK else "nb"


def body_name(body: Body | None, fallback: str, locale: Locale) -> str:
    """The body's name in ``locale``."""
    return body.name.get(locale) if body is not None else fallback


def meeting_title(meeting: Meeting, body: str, locale: Locale) -> str:
    """The meeting's own title, else "<body>, meeting <number>" (``body``: its name)."""
    if meeting.title:
        return meeting.title
    return gettext(locale, "{body}, meeting {number}").format(body=body, number=meeting.number)


def case_number(number: str, path: str) -> tuple[int, int]:
    """The (year, sequence number) of a case number such as ``PS 12/2026``.

    Both Fiks (``Saksnummer``: ``saksaar``, ``sakssekvensnummer``) and eInnsyn
    (``moetesaksaar``, ``moetesakssekvensnummer``) need the two numbers; a case
    number not written as ``N/YYYY`` (optionally after a prefix) stops the export.
    """
    parsed = parse_case_number(number)
    if parsed is None:
        raise FiksExportError(
            "{path}: the case number {number} has no sequence number and year; "
            "write it as N/YYYY, e.g. PS 12/2026",
            path=path,
            number=repr(number),
        )
    return parsed


@functools.lru_cache(maxsize=4096)
def parse_case_number(number: str) -> tuple[int, int] | None:
    """(year, sequence number) of ``PS 12/2026``; ``None`` for another form.

    Councils repeat the same numbers every year, so each is parsed once.

    >>> parse_case_number("PS 7/2026"), parse_case_number("sak sju")
    ((2026, 7), None)
    """
    match = _CASE_NUMBER.fullmatch(number.strip())
    return None if match is None else (int(match.group(2)), int(match.group(1)))


def item_path(council: Council, meeting: Meeting, item: AgendaItem) -> str:
    """Where an agenda item is in the register, for messages."""
    return f"councils[{council.id}].meetings[{meeting.id}].agenda[{item.id}]"


def legal_basis(item: AgendaItem, locale: Locale) -> str:
    """The legal basis of a closed item as the register states it: its koml. § 11-5
    paragraph, then its offentleglova exemption where the register gives one
    (:func:`iprmodel.l10n.access_basis`); an offentleglova paragraph is never guessed.
    """
    basis = access_basis(item, locale)
    assert basis is not None, "only a closed item has a legal basis"
    return basis


def counts(item: AgendaItem) -> Tally | None:
    """The tally: recorded, or counted from per-member votes; ``None`` without votes."""
    if item.tally is not None:
        return item.tally
    if not item.votes:
        return None
    chosen = [vote.choice for vote in item.votes]
    return Tally(
        votes_for=chosen.count(VoteChoice.FOR),
        votes_against=chosen.count(VoteChoice.AGAINST),
        blank=chosen.count(VoteChoice.BLANK),
    )


def public_title(item: AgendaItem, locale: Locale) -> str:
    """The title, or for a closed item the notice of its legal basis (never its subject)."""
    return item.title if item.closed_basis is None else closed_title(item, locale)


def closed_title(item: AgendaItem, locale: Locale) -> str:
    """What stands for a closed item's title: the notice of its legal basis."""
    return gettext(locale, "Exempt from public access: {basis}").format(
        basis=legal_basis(item, locale)
    )


def outcome_text(item: AgendaItem, locale: Locale) -> str | None:
    """The outcome and the tally in words ("vedteke, 22 for, 6 mot, 0 blanke")."""
    tally = counts(item)
    words = label(item.outcome, locale) if item.outcome is not None else None
    if tally is None:
        return words
    votes = gettext(locale, "{for} for, {against} against, {blank} blank").format(
        **{"for": tally.votes_for, "against": tally.votes_against, "blank": tally.blank}
    )
    return f"{words}, {votes}" if words else votes


def status_of(
    item: AgendaItem, locale: Locale, seen: dict[tuple[Any, ...], dict[str, str] | None]
) -> dict[str, str] | None:
    """``status``: the outcome and tally; ``seen`` words each combination once per export.

    Runs for every decided item: the key is the outcome with the counts, so a
    combination is worded once, and ``seen`` is read once per item. The outcome is
    keyed by ``id``: enum members are singletons, and ``Enum.__hash__`` is Python
    code that would run for every item.
    """
    tally, outcome = item.tally, id(item.outcome)
    if tally is not None:
        key: tuple[Any, ...] = (outcome, tally.votes_for, tally.votes_against, tally.blank)
    elif item.votes:
        chosen = [vote.choice for vote in item.votes]
        key = (outcome, *(chosen.count(choice) for choice in _CHOICES))
    else:
        key = (outcome,)
    status = seen.get(key, _UNSEEN)
    if status is not _UNSEEN:
        return status
    text = outcome_text(item, locale)
    code = item.outcome.value if item.outcome is not None else "voted"
    worded = seen[key] = None if text is None else {"kodebeskrivelse": text, "kodeverdi": code}
    return worded


def decided(item: AgendaItem) -> bool:
    """Whether an item has a decision to send: a recorded outcome or decision text."""
    return item.outcome is not None or item.decision is not None


def meetings_of(council: Council) -> Iterator[Meeting]:
    """The council's meetings that take place on their date, by start time, then id.

    Cancelled and postponed meetings are left out: neither standard has a meeting
    status, and a listed meeting would read as one that is held.
    """
    kept = [m for m in council.meetings if m.status not in _NOT_HELD]
    yield from sorted(kept, key=lambda m: (m.start, m.id))
