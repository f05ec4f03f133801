# SPDX-License-Identifier: MIT
"""The ``einnsyn`` format: records for the eInnsyn API, as JSON ready to send.

Two kinds of file per council:

* ``<council>.<body>.enhet.json``: the body as an ``Enhet`` of type ``UTVALG`` with
  its names in Bokmål, Nynorsk and English. It is an update (``PATCH /enhet/{id}``):
  eInnsyn's administrators create units, with the contact and FOI-request e-mail
  addresses the register does not hold;
* ``<council>.<meeting>.moetemappe.json``: a ``Moetemappe`` (``POST /moetemappe``)
  with its ``Moetesak`` records, each decided one with its ``Vedtak`` (decision text,
  the tally as ``Behandlingsprotokoll``, and ``Votering`` with a ``Moetedeltaker`` per
  member where the register has per-member votes).

Write payloads carry no read-only field (``id``, ``entity``, ``utvalgObjekt`` ...).
A closed item (koml. § 11-5) is published as offentleglova allows: its case number,
type and the legal basis in place of the title; no proposal, decision text or votes.
``systemId`` is a name-based UUID of our ids, so sending again updates the record.

>>> from iprmodel.model import Council, LocalizedText, Register
>>> register = Register(councils=(Council(id="demo",
...     formal_name=LocalizedText(nb="Demo interkommunalt politisk råd")),))
>>> records(register, ExportRequest())
{}
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from iprmodel.exporters import ExportRequest
from iprmodel.model import AgendaItem, Body, CaseKind, Council, Meeting, Register, VoteChoice
from iprmodel.model.text import Locale
from iprmodel_fiks.common import (
    body_name,
    decided,
    locale_of,
    meeting_title,
    meetings_of,
    narrow,
    parse_case_number,
    stable_uuid,
)
from iprmodel_fiks.fiks import public_title, status_of
from iprmodel_fiks.people import Index, function, seat_on
from iprmodel_fiks.provenance import councils, note, shortened

__all__ = ["MOETESAKSTYPE", "records"]

#: eInnsyn ``moetesakstype`` of our case kinds; every other kind is ``politisk``.
MOETESAKSTYPE: Final = {
    CaseKind.ORIENTATION: "orientering",
    # Melding om hastevedtak: a decision taken under delegated urgent powers.
    CaseKind.URGENT_DECISION_REPORT: "delegert",
}
_STEMME: Final = {VoteChoice.FOR: "Ja", VoteChoice.AGAINST: "Nei", VoteChoice.BLANK: "Blankt"}
_PLAIN: Final = "text/plain"


def enhet(council: Council, body: Body) -> dict[str, Any]:
    """The body as an eInnsyn ``Enhet`` update: names, type, dissolution date."""
    names = body.name
    record: dict[str, Any] = {
        "slug": f"{council.id}-{body.id}",
        "navn": names.get("nb"),
        "enhetstype": "UTVALG",
    }
    if names.nn:
        record["navnNynorsk"] = names.nn
    if names.en:
        record["navnEngelsk"] = names.en
    return record


def _text(text: str) -> dict[str, str]:
    return {"tekstInnhold": text, "tekstFormat": _PLAIN}


def _votering(
    index: Index, council: Council, meeting: Meeting, item: AgendaItem, locale: Locale
) -> list[dict[str, Any]]:
    day = meeting.start.date()
    rows = []
    for vote in item.votes:
        deltaker: dict[str, Any] = {"moetedeltakerNavn": index.person_name(vote.person)}
        appointment = seat_on(index, council, meeting.body, vote.person, day)
        if appointment is not None:
            deltaker["moetedeltakerFunksjon"] = function(appointment, locale)
        rows.append({"moetedeltaker": deltaker, "stemme": _STEMME[vote.choice]})
    return rows


def _vedtak(ctx: _Context, council: Council, meeting: Meeting, item: AgendaItem) -> dict[str, Any]:
    index, locale = ctx.index, ctx.locale
    closed = item.closed_basis is not None
    status = status_of(item, locale, ctx.statuses)
    summary = None if status is None else status["kodebeskrivelse"]
    text = public_title(item, locale) if closed else item.decision or summary or ""
    vedtak: dict[str, Any] = {
        "vedtakstekst": _text(text),
        "dato": meeting.start.date().isoformat(),
    }
    if not closed:
        if summary is not None:
            vedtak["behandlingsprotokoll"] = _text(summary)
        if item.votes:
            vedtak["votering"] = _votering(index, council, meeting, item, locale)
    return vedtak


def _moetesak(
    ctx: _Context, council: Council, meeting: Meeting, item: AgendaItem, utvalg: str
) -> dict[str, Any]:
    title = public_title(item, ctx.locale)
    sak: dict[str, Any] = {
        "systemId": stable_uuid(council.id, meeting.id, item.id, str(item.order)),
        "moetesakstype": MOETESAKSTYPE.get(item.kind, "politisk"),
        "utvalg": utvalg,
        # Both titles are public in eInnsyn's search for a time; a closed item's
        # subject is in neither.
        "offentligTittel": title,
        "offentligTittelSensitiv": title,
    }
    # Year and sequence number are optional in eInnsyn: left out when the case
    # number is not written N/YYYY.
    parsed = parse_case_number(item.number)
    if parsed is not None:
        sak["moetesaksaar"], sak["moetesakssekvensnummer"] = parsed
    if item.closed_basis is None and item.proposal:
        sak["innstilling"] = _text(item.proposal)
    if decided(item):
        sak["vedtak"] = _vedtak(ctx, council, meeting, item)
    return sak


@attrs.frozen(kw_only=True)
class _Context:
    index: Index
    locale: Locale
    statuses: dict[tuple[Any, ...], dict[str, str] | None] = attrs.field(factory=dict)


def moetemappe(ctx: _Context, council: Council, meeting: Meeting) -> dict[str, Any]:
    """The meeting as an eInnsyn ``Moetemappe`` with its cases."""
    locale = ctx.locale
    utvalg = body_name(council.body(meeting.body), meeting.body, locale)
    title = meeting_title(meeting, utvalg, locale)
    mappe: dict[str, Any] = {
        "systemId": stable_uuid(council.id, meeting.id),
        "moetenummer": f"{meeting.number}/{meeting.start.year}",
        "utvalg": utvalg,
        "moetedato": meeting.start.isoformat(),
        "offentligTittel": title,
        "offentligTittelSensitiv": title,
    }
    provenance = note(council, meeting, locale)
    if provenance is not None:
        mappe["beskrivelse"] = shortened(provenance)
    location = meeting.location
    if location is not None:
        place = ", ".join(part for part in (location.place, location.address) if part)
        if place:
            mappe["moetested"] = place
    saker = [
        _moetesak(ctx, council, meeting, item, utvalg)
        for item in sorted(meeting.agenda, key=lambda i: i.order)
    ]
    if saker:
        mappe["moetesak"] = saker
    return mappe


def records(register: Register, request: ExportRequest) -> dict[str, Any]:
    """Every eInnsyn record of ``register``, by file name, in a stable order."""
    register = narrow(register, request, "einnsyn")
    out: dict[str, Any] = {}
    index = Index.of(register)
    for council in councils(register, request, "einnsyn"):
        ctx = _Context(index=index, locale=locale_of(request, council))
        for body in council.bodies:
            out[f"{council.id}.{body.id}.enhet.json"] = enhet(council, body)
        for meeting in meetings_of(council):
            out[f"{council.id}.{meeting.id}.moetemappe.json"] = moetemappe(ctx, council, meeting)
    return out
