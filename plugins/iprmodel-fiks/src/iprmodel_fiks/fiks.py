# SPDX-License-Identifier: MIT
"""The ``fiks`` format: KS Fiks Politisk Behandling v1 message payloads.

One JSON payload (``payload.json`` of the Fiks IO message) per message, named
``<council>[.<body or meeting>[.<item>]].<message type>.json`` with the message type
``no.ks.fiks.politisk.behandling.v1.`` left out:

* ``utvalg.hent.resultat``: the council's bodies (one per council);
* ``moeteplan.hent.resultat``: a body's meetings in one calendar year;
* ``einnsyn.moeteplan.send``: every body with its meetings and members, in order;
* ``einnsyn.utvalgssaker.send``: a meeting's agenda items as cases;
* ``einnsyn.vedtak.send``: a meeting's decisions, with the votes;
* ``vedtakfrautvalg.send``: one decision, to the case-handling system.

Messages to eInnsyn are public: a closed item (koml. § 11-5) is sent with its
``skjerming`` and legal basis, and without its title, proposal, decision or votes.
The mapping, field by field, is ``docs/reference/fiks.md``.

>>> from iprmodel.model import Council, LocalizedText, Register
>>> register = Register(councils=(Council(id="demo",
...     formal_name=LocalizedText(nb="Demo interkommunalt politisk råd")),))
>>> sorted(messages(register, ExportRequest()))
['demo.utvalg.hent.resultat.json']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from operator import attrgetter
from typing import Any, Final

from iprmodel.exporters import ExportRequest
from iprmodel.model import AgendaItem, Council, Meeting, Register, VoteChoice
from iprmodel.model.meetings import ClosedBasis
from iprmodel.model.text import Locale
from iprmodel_fiks.common import (
    FAGSYSTEM,
    case_number,
    closed_title,
    item_path,
    legal_basis,
    locale_of,
    meeting_title,
    meetings_of,
    narrow,
    stable_uuids,
    status_of,
)
from iprmodel_fiks.people import (
    Index,
    Sending,
    members,
    representing,
    saksansvarlig,
    sender_on,
    sending,
)
from iprmodel_fiks.provenance import councils, note

__all__ = ["MESSAGE_TYPES", "PROTOCOL", "iter_messages", "messages"]

#: The protocol prefix of every message type.
PROTOCOL: Final = "no.ks.fiks.politisk.behandling.v1"
#: The message types this format writes (without :data:`PROTOCOL`).
MESSAGE_TYPES: Final = (
    "utvalg.hent.resultat",
    "moeteplan.hent.resultat",
    "einnsyn.moeteplan.send",
    "einnsyn.utvalgssaker.send",
    "einnsyn.vedtak.send",
    "vedtakfrautvalg.send",
)
_STEMME: Final = {VoteChoice.FOR: "Ja", VoteChoice.AGAINST: "Nei", VoteChoice.BLANK: "Blankt"}
_TEXT: Final = {"kodeverdi": "text/plain"}
_STEMME_OBJECT: Final = {
    chosen: {word: {"valgt": choice is chosen} for choice, word in _STEMME.items()}
    for chosen in _STEMME
}
_ORDER: Final = attrgetter("order")
#: What a closed item's decision to eInnsyn leaves out (koml. § 11-5, offentleglova).
_NOT_PUBLIC: Final = frozenset({"vedtak", "votering"})


def _moete(meeting: Meeting, moeteid: str, title: str) -> dict[str, Any]:
    return {"moeteid": moeteid, "moetedato": meeting.start.isoformat(), "tittel": title}


def _skjerming(basis: ClosedBasis, locale: Locale) -> dict[str, Any]:
    words = legal_basis(basis, locale)
    return {
        "skjermingshjemmel": words,
        # No code list is given by the protocol: the code is our § 11-5 paragraph.
        "tilgangsrestriksjon": {"kodeverdi": basis.value, "kodebeskrivelse": words},
    }


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v is not None and v != []}


class _Builder:
    """One council's messages. What its meetings and items repeat is worked out once
    and the same objects are shared by every message (orjson writes them each time)."""

    def __init__(
        self,
        request: ExportRequest,
        council: Council,
        index: Index,
        numbers: dict[str, dict[str, int]],
    ) -> None:
        self.request = request
        self.council = council
        self.locale = locale_of(request, council)
        self.index = index
        # Body names in the export's locale (the first body with an id, as Council.body).
        self.names: dict[str, str] = {}
        for body in council.bodies:
            self.names.setdefault(body.id, body.name.get(self.locale))
        # The meetings with their moete objects, in every plan and message about them,
        # and by body.
        self.meetings = [(m, self.moete(m)) for m in meetings_of(council)]
        self.plans: dict[str, list[tuple[Meeting, dict[str, Any]]]] = {}
        for pair in self.meetings:
            self.plans.setdefault(pair[0].body, []).append(pair)
        # A body's members, the same in every message about its meetings.
        self.medlem: dict[str, list[dict[str, Any]]] = {}
        self.statuses: dict[tuple[Any, ...], dict[str, str] | None] = {}
        # Saksnummer objects by case number, parsed once per export.
        self.numbers = numbers
        self.sender: Sending | None = None
        # (public title, skjerming) of a closed item, by its koml. § 11-5 basis.
        self.closed: dict[ClosedBasis, tuple[str, dict[str, Any]]] = {}

    def utvalg(self, body: str) -> dict[str, Any]:
        return {"utvalgId": f"{self.council.id}/{body}", "utvalgNavn": self.names.get(body, body)}

    def moete(self, meeting: Meeting) -> dict[str, Any]:
        title = meeting_title(meeting, self.names.get(meeting.body, meeting.body), self.locale)
        return _moete(meeting, f"{self.council.id}/{meeting.id}", title)

    def utvalg_hent_resultat(self) -> dict[str, Any]:
        return {"utvalg": [self.utvalg(b.id) for b in self.council.bodies]}

    def planned(self, body: str) -> list[tuple[Meeting, dict[str, Any]]]:
        return self.plans.get(body, [])

    def moeteplan_hent_resultat(self, body: str, year: int) -> dict[str, Any]:
        utvalg = self.utvalg(body)
        utvalg["moete"] = [moete for m, moete in self.planned(body) if m.start.year == year]
        return {"utvalg": [utvalg]}

    def full_utvalg(self, body: str) -> dict[str, Any]:
        utvalg = self.utvalg(body)
        utvalg["moete"] = [moete for _, moete in self.planned(body)]
        if body not in self.medlem:
            self.medlem[body] = members(self.index, self.council, body, self.locale)
        utvalg["medlem"] = self.medlem[body]
        return _clean(utvalg)

    def avsender(self, meeting: Meeting | None) -> dict[str, str]:
        if self.sender is None:  # found and checked at the first message that needs it
            self.sender = sending(self.index, self.council, self.request)
        return sender_on(self.sender, meeting.start.date() if meeting is not None else None)

    def einnsyn_moeteplan_send(self) -> dict[str, Any]:
        return {
            "avsender": self.avsender(None),
            "utvalg": [self.full_utvalg(b.id) for b in self.council.bodies],
        }

    def saksnummer(self, meeting: Meeting, item: AgendaItem) -> dict[str, int]:
        """``utvalgetsSaksnummer`` of the item's case number (a shared object)."""
        path = item_path(self.council, meeting, item) + ".number"
        year, sequence = case_number(item.number, path)
        number = self.numbers[item.number] = {"saksaar": year, "sakssekvensnummer": sequence}
        return number

    def closed_item(self, basis: ClosedBasis) -> tuple[str, dict[str, Any]]:
        """A closed item's public title (the notice of its legal basis) and skjerming."""
        if basis not in self.closed:
            self.closed[basis] = (closed_title(basis, self.locale), _skjerming(basis, self.locale))
        return self.closed[basis]

    def votering(
        self, meeting: Meeting, item: AgendaItem, rows: dict[tuple[str, VoteChoice], Any]
    ) -> list[dict[str, Any]]:
        """Ja/Nei/Blankt per member, where the register has per-member votes.

        The v1 schema renders the stemme enum as an object that requires all three
        keys; the chosen one is ``{"valgt": true}``, the others ``{"valgt": false}``.
        ``rows`` holds the meeting's rows by voter and choice: the same member votes
        on every item of a meeting, and the seat held that day does not change.
        """
        out, day = [], meeting.start.date()
        for vote in item.votes:
            key = (vote.person, vote.choice)
            row = rows.get(key)
            if row is None:
                row = rows[key] = {
                    "moetedeltaker": self.index.person_name(vote.person),
                    "representerer": representing(
                        self.index, self.council, meeting.body, vote.person, day, self.locale
                    ),
                    "stemme": _STEMME_OBJECT[vote.choice],
                }
            out.append(row)
        return out

    def meeting_messages(
        self, meeting: Meeting, moete: dict[str, Any]
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """A meeting's cases, decisions and per-item decisions, each item mapped once.

        This loop runs for every agenda item of the register (100,000 in the national
        benchmark), so it builds each object once and shares it between the three
        messages that carry it, looks repeated values up in the council's tables and
        calls no helper for what is the same for the whole meeting.
        """
        council, locale = self.council, self.locale
        officer = saksansvarlig(self.index, council)
        utvalg = self.utvalg(meeting.body)
        avsender = self.avsender(meeting)
        day = meeting.start.date().isoformat()
        stem = f"{council.id}.{meeting.id}"
        provenance = note(council, meeting, locale)
        beskrivelse = (
            None if provenance is None else {"tekstInnhold": provenance, "tekstFormat": _TEXT}
        )
        ids = [i.id for i in meeting.agenda]
        # Counted only when some id repeats: building a Counter per meeting costs more.
        repeated = (
            {ident for ident, n in Counter(ids).items() if n > 1}
            if len(set(ids)) < len(ids)
            else set()
        )
        numbers, statuses = self.numbers, self.statuses
        rows: dict[tuple[str, VoteChoice], dict[str, Any]] = {}
        saker, public, internal = [], [], []
        agenda = sorted(meeting.agenda, key=_ORDER)
        # An id the meeting uses twice (not an error) gets the item's order.
        keys = [f"{i.id}-{i.order}" if i.id in repeated else i.id for i in agenda]
        uuids = stable_uuids((council.id, meeting.id), keys)
        for item, key, noekkel in zip(agenda, keys, uuids, strict=True):
            ref = {"fagsystem": FAGSYSTEM, "noekkel": noekkel}
            number = numbers.get(item.number) or self.saksnummer(meeting, item)
            closed = item.closed_basis
            title, skjerming = (item.title, None) if closed is None else self.closed_item(closed)
            sak = {
                "referanseEksternNoekkel": ref,
                "utvalgetsSaksnummer": number,
                "saksansvarlig": officer,
                "tittel": title,
            }
            if skjerming is not None:
                sak["skjerming"] = skjerming
            elif item.proposal:
                sak["forslagTilVedtak"] = {"tekstInnhold": item.proposal, "tekstFormat": _TEXT}
            if beskrivelse is not None:
                sak["saksbeskrivelse"] = beskrivelse
            saker.append(sak)
            if item.outcome is None and item.decision is None:
                continue  # nothing decided (common.decided)
            status = status_of(item, locale, statuses)
            full = {
                "referanseEksternNoekkel": ref,
                "utvalgetsSaksnummer": number,
                "saksansvarlig": officer,
                "tittel": item.title,
                "vedtaksdato": day,
            }
            if status is not None:
                full["status"] = status
            if item.decision:
                full["vedtak"] = {"tekstInnhold": item.decision, "tekstFormat": _TEXT}
            if item.votes:
                full["votering"] = self.votering(meeting, item, rows)
            if skjerming is None:
                public.append(full)
            else:
                full["skjerming"] = skjerming
                # To eInnsyn a closed item's title, decision text and votes stay out.
                hidden = {k: v for k, v in full.items() if k not in _NOT_PUBLIC}
                hidden["tittel"] = title
                public.append(hidden)
            internal.append((key, full))
        yield (
            f"{stem}.einnsyn.utvalgssaker.send.json",
            {"moete": moete, "utvalg": utvalg, "avsender": avsender, "sak": saker},
        )
        if not public:
            return
        yield (
            f"{stem}.einnsyn.vedtak.send.json",
            {"moete": moete, "utvalg": utvalg, "avsender": avsender, "vedtak": public},
        )
        # The register does not mark recommendations (innstilling) to another body.
        head = {**utvalg, "moeteId": moete["moeteid"], "moetedato": moete["moetedato"]}
        head["erEndeligVedtak"] = True
        for key, full in internal:
            # The register is the case-handling system of its own cases (interpretation).
            sak = {**full, "fagsystemetsSaksnummer": full["utvalgetsSaksnummer"]}
            yield f"{stem}.{key}.vedtakfrautvalg.send.json", {**head, "sak": sak}


def iter_messages(register: Register, request: ExportRequest) -> Iterator[tuple[str, Any]]:
    """Every message payload of ``register`` with its file name, in a stable order.

    One at a time, so that each can be written while it is fresh in memory.
    """
    register = narrow(register, request, "fiks")
    index = Index.of(register)
    numbers: dict[str, dict[str, int]] = {}
    for council in councils(register, request, "fiks"):
        build = _Builder(request, council, index, numbers)
        prefix = council.id
        yield f"{prefix}.utvalg.hent.resultat.json", build.utvalg_hent_resultat()
        for body in council.bodies:
            years = sorted({m.start.year for m, _ in build.planned(body.id)})
            for year in years:
                name = f"{prefix}.{body.id}.{year}.moeteplan.hent.resultat.json"
                yield name, build.moeteplan_hent_resultat(body.id, year)
        if council.bodies:
            yield f"{prefix}.einnsyn.moeteplan.send.json", build.einnsyn_moeteplan_send()
        for meeting, moete in build.meetings:
            if meeting.agenda:
                yield from build.meeting_messages(meeting, moete)


def messages(register: Register, request: ExportRequest) -> dict[str, Any]:
    """Every message payload of ``register``, by file name, in a stable order."""
    return dict(iter_messages(register, request))
