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
from collections.abc import Callable, Iterator
from operator import attrgetter
from typing import Any, Final

from iprmodel.exporters import ExportRequest
from iprmodel.l10n import label
from iprmodel.model import AgendaItem, Council, Meeting, Register, VoteChoice
from iprmodel.model.meetings import ClosedBasis
from iprmodel.model.text import Locale
from iprmodel_fiks.common import (
    FAGSYSTEM,
    case_number,
    closed_title,
    dump,
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

__all__ = ["MESSAGE_TYPES", "PROTOCOL", "iter_files", "iter_messages", "messages"]

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
    chosen: {
        word: {"valgt": choice is chosen}
        for choice, word in sorted(_STEMME.items(), key=lambda cw: cw[1])
    }
    for chosen in _STEMME
}
_ORDER: Final = attrgetter("order")
#: What a closed item's decision to eInnsyn leaves out (koml. § 11-5, offentleglova).
_NOT_PUBLIC: Final = frozenset({"vedtak", "votering"})


def _moete(meeting: Meeting, moeteid: str, title: str) -> dict[str, Any]:
    return {"moetedato": meeting.start.isoformat(), "moeteid": moeteid, "tittel": title}


def _skjerming(item: AgendaItem, basis: ClosedBasis, locale: Locale) -> dict[str, Any]:
    return {
        "skjermingshjemmel": legal_basis(item, locale),
        # No code list is given by the protocol: the code is our § 11-5 paragraph.
        "tilgangsrestriksjon": {"kodebeskrivelse": label(basis, locale), "kodeverdi": basis.value},
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
        # (public title, skjerming) of a closed item, by its koml. § 11-5 basis and
        # offentleglova exemption.
        self.closed: dict[tuple[ClosedBasis, str | None], tuple[str, dict[str, Any]]] = {}

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

    def closed_item(self, item: AgendaItem, basis: ClosedBasis) -> tuple[str, dict[str, Any]]:
        """A closed item's public title (the notice of its legal basis) and skjerming,
        worked out once per koml. § 11-5 basis and offentleglova exemption."""
        key = (basis, item.exemption)
        found = self.closed.get(key)
        if found is None:
            found = self.closed[key] = (
                closed_title(item, self.locale),
                _skjerming(item, basis, self.locale),
            )
        return found

    def votering(
        self, meeting: Meeting, item: AgendaItem, rows: dict[tuple[str, int], Any]
    ) -> list[dict[str, Any]]:
        """Ja/Nei/Blankt per member, where the register has per-member votes.

        The v1 schema renders the stemme enum as an object that requires all three
        keys; the chosen one is ``{"valgt": true}``, the others ``{"valgt": false}``.
        ``rows`` holds the meeting's rows by voter and choice: the same member votes
        on every item of a meeting, and the seat held that day does not change.
        """
        out = []
        for vote in item.votes:
            # The choice by its id: hashing an Enum member runs Python code, per vote.
            key = (vote.person, id(vote.choice))
            row = rows.get(key)
            if row is None:
                day = meeting.start.date()
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
        self, meeting: Meeting, moete: dict[str, Any], out: Callable[..., Any]
    ) -> Iterator[tuple[str, Any]]:
        """A meeting's cases, decisions and per-item decisions, each item mapped once.

        This loop runs for every agenda item of the register (100,000 in the national
        benchmark), so it builds each object once and shares it between the three
        messages that carry it, looks repeated values up in the council's tables and
        calls no helper for what is the same for the whole meeting. Every object is
        built with its keys in sorted order (shared ones as well), so these messages
        are dumped without sorting (:func:`iter_files`). Each message is given as
        ``out(message, presorted=True)``.
        """
        council, locale = self.council, self.locale
        officer = saksansvarlig(self.index, council)
        utvalg = self.utvalg(meeting.body)
        utvalg_id, utvalg_navn = utvalg["utvalgId"], utvalg["utvalgNavn"]
        moeteid, moetedato = moete["moeteid"], moete["moetedato"]
        avsender = self.avsender(meeting)
        day = meeting.start.date().isoformat()
        stem = f"{council.id}.{meeting.id}"
        provenance = note(council, meeting, locale)
        beskrivelse = (
            None if provenance is None else {"tekstFormat": _TEXT, "tekstInnhold": provenance}
        )
        ids = [i.id for i in meeting.agenda]
        # Counted only when some id repeats: building a Counter per meeting costs more.
        repeated = (
            {ident for ident, n in Counter(ids).items() if n > 1}
            if len(set(ids)) < len(ids)
            else set()
        )
        numbers, statuses = self.numbers, self.statuses
        rows: dict[tuple[str, int], dict[str, Any]] = {}
        saker, public, internal = [], [], []
        agenda = sorted(meeting.agenda, key=_ORDER)
        # An id the meeting uses twice (not an error) gets the item's order.
        keys = [f"{i.id}-{i.order}" if i.id in repeated else i.id for i in agenda]
        uuids = stable_uuids((council.id, meeting.id), keys)
        for item, key, noekkel in zip(agenda, keys, uuids, strict=True):
            ref = {"fagsystem": FAGSYSTEM, "noekkel": noekkel}
            number = numbers.get(item.number) or self.saksnummer(meeting, item)
            closed = item.closed_basis
            if closed is None:
                title, skjerming = item.title, None
            else:
                title, skjerming = self.closed_item(item, closed)
            # Keys in sorted order, as in every object below (see the docstring).
            sak: dict[str, Any]
            if skjerming is None and item.proposal:
                forslag = {"tekstFormat": _TEXT, "tekstInnhold": item.proposal}
                sak = {
                    "forslagTilVedtak": forslag,
                    "referanseEksternNoekkel": ref,
                    "saksansvarlig": officer,
                }
            else:
                sak = {"referanseEksternNoekkel": ref, "saksansvarlig": officer}
            if beskrivelse is not None:
                sak["saksbeskrivelse"] = beskrivelse
            if skjerming is not None:
                sak["skjerming"] = skjerming
            sak["tittel"] = title
            sak["utvalgetsSaksnummer"] = number
            saker.append(sak)
            if item.outcome is None and item.decision is None:
                continue  # nothing decided (common.decided)
            status = status_of(item, locale, statuses)
            full: dict[str, Any] = {"referanseEksternNoekkel": ref, "saksansvarlig": officer}
            if skjerming is not None:
                full["skjerming"] = skjerming
            if status is not None:
                full["status"] = status
            full["tittel"] = item.title
            full["utvalgetsSaksnummer"] = number
            if item.decision:
                full["vedtak"] = {"tekstFormat": _TEXT, "tekstInnhold": item.decision}
            full["vedtaksdato"] = day
            if item.votes:
                full["votering"] = self.votering(meeting, item, rows)
            if skjerming is None:
                public.append(full)
            else:
                # To eInnsyn a closed item's title, decision text and votes stay out.
                hidden = {k: v for k, v in full.items() if k not in _NOT_PUBLIC}
                hidden["tittel"] = title
                public.append(hidden)
            internal.append((key, full))
        yield (
            f"{stem}.einnsyn.utvalgssaker.send.json",
            out(
                {"avsender": avsender, "moete": moete, "sak": saker, "utvalg": utvalg},
                presorted=True,
            ),
        )
        if not public:
            return
        vedtak = out(
            {"avsender": avsender, "moete": moete, "utvalg": utvalg, "vedtak": public},
            presorted=True,
        )
        yield f"{stem}.einnsyn.vedtak.send.json", vedtak
        # The register is the case-handling system of its own cases (interpretation);
        # it does not mark recommendations (innstilling) to another body.
        head = {
            "erEndeligVedtak": True,
            "moeteId": moeteid,
            "moetedato": moetedato,
            "sak": None,  # holds its place in key order; each file puts its own
            "utvalgId": utvalg_id,
            "utvalgNavn": utvalg_navn,
        }
        for key, full in internal:
            sak = {"fagsystemetsSaksnummer": full["utvalgetsSaksnummer"], **full}
            yield (
                f"{stem}.{key}.vedtakfrautvalg.send.json",
                out({**head, "sak": sak}, presorted=True),
            )


def iter_messages(register: Register, request: ExportRequest) -> Iterator[tuple[str, Any]]:
    """Every message payload of ``register`` with its file name, in a stable order.

    One at a time, so that each can be written while it is fresh in memory.
    """
    return _iterate(register, request, dumped=False)


def iter_files(register: Register, request: ExportRequest) -> Iterator[tuple[str, bytes]]:
    """Every message as its file's bytes (:func:`~iprmodel_fiks.common.dump` of
    :func:`iter_messages`), each dumped as soon as it is built.

    The meeting messages, nine in ten files, are built with their keys in order and so
    dumped without sorting them again.
    """
    return _iterate(register, request, dumped=True)


def _iterate(register: Register, request: ExportRequest, *, dumped: bool) -> Iterator[Any]:
    register = narrow(register, request, "fiks")
    index = Index.of(register)
    numbers: dict[str, dict[str, int]] = {}
    out = dump if dumped else _itself
    for council in councils(register, request, "fiks"):
        build = _Builder(request, council, index, numbers)
        prefix = council.id
        yield f"{prefix}.utvalg.hent.resultat.json", out(build.utvalg_hent_resultat())
        for body in council.bodies:
            years = sorted({m.start.year for m, _ in build.planned(body.id)})
            for year in years:
                name = f"{prefix}.{body.id}.{year}.moeteplan.hent.resultat.json"
                yield name, out(build.moeteplan_hent_resultat(body.id, year))
        if council.bodies:
            yield f"{prefix}.einnsyn.moeteplan.send.json", out(build.einnsyn_moeteplan_send())
        for meeting, moete in build.meetings:
            if meeting.agenda:
                yield from build.meeting_messages(meeting, moete, out)


def _itself(document: Any, *, presorted: bool = False) -> Any:
    return document


def messages(register: Register, request: ExportRequest) -> dict[str, Any]:
    """Every message payload of ``register``, by file name, in a stable order."""
    return dict(iter_messages(register, request))
