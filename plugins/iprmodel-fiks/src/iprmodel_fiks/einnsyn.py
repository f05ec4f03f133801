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

from collections.abc import Iterator
from operator import attrgetter
from typing import Any, Final

from iprmodel.exporters import ExportRequest
from iprmodel.model import AgendaItem, Body, CaseKind, Council, Meeting, Register, VoteChoice
from iprmodel.model.text import Locale
from iprmodel_fiks.common import (
    locale_of,
    meeting_title,
    meetings_of,
    narrow,
    parse_case_number,
    public_title,
    stable_uuid,
    stable_uuids,
    status_of,
)
from iprmodel_fiks.people import Index, function, seat_on
from iprmodel_fiks.provenance import councils, note, shortened

__all__ = ["MOETESAKSTYPE", "iter_records", "records"]

#: eInnsyn ``moetesakstype`` of our case kinds; every other kind is ``politisk``.
MOETESAKSTYPE: Final = {
    CaseKind.ORIENTATION: "orientering",
    # Melding om hastevedtak: a decision taken under delegated urgent powers.
    CaseKind.URGENT_DECISION_REPORT: "delegert",
}
_STEMME: Final = {VoteChoice.FOR: "Ja", VoteChoice.AGAINST: "Nei", VoteChoice.BLANK: "Blankt"}
_PLAIN: Final = "text/plain"
_ORDER: Final = attrgetter("order")


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


class _Builder:
    """One council's records. What its meetings repeat is worked out once, and the
    same objects are shared by every record that carries them."""

    def __init__(self, index: Index, council: Council, locale: Locale) -> None:
        self.index = index
        self.council = council
        self.locale = locale
        # Body names in the export's locale (the first body with an id, as Council.body).
        self.names: dict[str, str] = {}
        for body in council.bodies:
            self.names.setdefault(body.id, body.name.get(locale))
        self.statuses: dict[tuple[Any, ...], dict[str, str] | None] = {}
        # Text objects of the outcome words, by the words: the same for many items.
        self.summaries: dict[str, dict[str, str]] = {}

    def summary(self, words: str) -> dict[str, str]:
        text = self.summaries.get(words)
        if text is None:
            text = self.summaries[words] = _text(words)
        return text

    def votering(
        self, meeting: Meeting, item: AgendaItem, voters: dict[str, dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """A ``Votering`` per vote; ``voters`` holds the meeting's ``Moetedeltaker``
        by person (the same member votes on every item, in the seat held that day)."""
        rows = []
        for vote in item.votes:
            deltaker = voters.get(vote.person)
            if deltaker is None:
                deltaker = voters[vote.person] = self.deltaker(meeting, vote.person)
            rows.append({"moetedeltaker": deltaker, "stemme": _STEMME[vote.choice]})
        return rows

    def deltaker(self, meeting: Meeting, person: str) -> dict[str, Any]:
        deltaker: dict[str, Any] = {"moetedeltakerNavn": self.index.person_name(person)}
        day = meeting.start.date()
        appointment = seat_on(self.index, self.council, meeting.body, person, day)
        if appointment is not None:
            deltaker["moetedeltakerFunksjon"] = function(appointment, self.locale)
        return deltaker

    def vedtak(
        self, item: AgendaItem, dato: str, meeting: Meeting, voters: dict[str, dict[str, Any]]
    ) -> dict[str, Any]:
        status = status_of(item, self.locale, self.statuses)
        summary = None if status is None else status["kodebeskrivelse"]
        if item.closed_basis is not None:
            # Only the legal basis is public: no decision text, protocol or votes.
            return {"vedtakstekst": _text(public_title(item, self.locale)), "dato": dato}
        text = _text(item.decision) if item.decision else self.summary(summary or "")
        vedtak: dict[str, Any] = {"vedtakstekst": text, "dato": dato}
        if summary is not None:
            vedtak["behandlingsprotokoll"] = self.summary(summary)
        if item.votes:
            vedtak["votering"] = self.votering(meeting, item, voters)
        return vedtak

    def moetemappe(self, meeting: Meeting) -> dict[str, Any]:
        """The meeting as an eInnsyn ``Moetemappe`` with its cases.

        The loop over the agenda runs for every item of the register, so what the
        meeting's items share (the body's name, the date, the key's prefix) is
        worked out before it.
        """
        council, locale = self.council, self.locale
        utvalg = self.names.get(meeting.body, meeting.body)
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
        dato = meeting.start.date().isoformat()
        voters: dict[str, dict[str, Any]] = {}
        saker = []
        agenda = sorted(meeting.agenda, key=_ORDER)
        keys = stable_uuids((council.id, meeting.id), [f"{i.id}/{i.order}" for i in agenda])
        for item, system_id in zip(agenda, keys, strict=True):
            title = public_title(item, locale)
            sak: dict[str, Any] = {
                "systemId": system_id,
                "moetesakstype": MOETESAKSTYPE.get(item.kind, "politisk"),
                "utvalg": utvalg,
                # Both titles are public in eInnsyn's search for a time; a closed
                # item's subject is in neither.
                "offentligTittel": title,
                "offentligTittelSensitiv": title,
            }
            # Year and sequence number are optional in eInnsyn: left out when the
            # case number is not written N/YYYY.
            parsed = parse_case_number(item.number)
            if parsed is not None:
                sak["moetesaksaar"], sak["moetesakssekvensnummer"] = parsed
            if item.closed_basis is None and item.proposal:
                sak["innstilling"] = _text(item.proposal)
            if item.outcome is not None or item.decision is not None:  # common.decided
                sak["vedtak"] = self.vedtak(item, dato, meeting, voters)
            saker.append(sak)
        if saker:
            mappe["moetesak"] = saker
        return mappe


def iter_records(register: Register, request: ExportRequest) -> Iterator[tuple[str, Any]]:
    """Every eInnsyn record of ``register`` with its file name, in a stable order.

    One at a time, so that each can be written while it is fresh in memory.
    """
    register = narrow(register, request, "einnsyn")
    index = Index.of(register)
    for council in councils(register, request, "einnsyn"):
        build = _Builder(index, council, locale_of(request, council))
        for body in council.bodies:
            yield f"{council.id}.{body.id}.enhet.json", enhet(council, body)
        for meeting in meetings_of(council):
            yield f"{council.id}.{meeting.id}.moetemappe.json", build.moetemappe(meeting)


def records(register: Register, request: ExportRequest) -> dict[str, Any]:
    """Every eInnsyn record of ``register``, by file name, in a stable order."""
    return dict(iter_records(register, request))
