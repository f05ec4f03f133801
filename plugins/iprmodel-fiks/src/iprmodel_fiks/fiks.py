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
from typing import Any, Final

from iprmodel.exporters import ExportRequest
from iprmodel.l10n import label
from iprmodel.model import AgendaItem, Council, Meeting, Register, VoteChoice
from iprmodel.model.text import Locale
from iprmodel_fiks.common import (
    FAGSYSTEM,
    body_name,
    case_number,
    counts,
    decided,
    item_path,
    legal_basis,
    locale_of,
    meeting_title,
    meetings_of,
    narrow,
    stable_uuid,
)
from iprmodel_fiks.l10n import gettext
from iprmodel_fiks.people import Index, members, representing, saksansvarlig, sender
from iprmodel_fiks.provenance import councils, note

__all__ = ["MESSAGE_TYPES", "PROTOCOL", "messages"]

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


def _moete(council: Council, meeting: Meeting, locale: Locale) -> dict[str, Any]:
    return {
        "moeteid": f"{council.id}/{meeting.id}",
        "moetedato": meeting.start.isoformat(),
        "tittel": meeting_title(council, meeting, locale),
    }


def _utvalg(council: Council, body_id: str, locale: Locale) -> dict[str, Any]:
    return {
        "utvalgId": f"{council.id}/{body_id}",
        "utvalgNavn": body_name(council.body(body_id), body_id, locale),
    }


def _saksnummer(council: Council, meeting: Meeting, item: AgendaItem) -> dict[str, int]:
    year, sequence = case_number(item.number, item_path(council, meeting, item) + ".number")
    return {"saksaar": year, "sakssekvensnummer": sequence}


def _skjerming(item: AgendaItem, locale: Locale) -> dict[str, Any]:
    assert item.closed_basis is not None
    basis = legal_basis(item.closed_basis, locale)
    return {
        "skjermingshjemmel": basis,
        # No code list is given by the protocol: the code is our § 11-5 paragraph.
        "tilgangsrestriksjon": {"kodeverdi": item.closed_basis.value, "kodebeskrivelse": basis},
    }


def public_title(item: AgendaItem, locale: Locale) -> str:
    """The title, or for a closed item the notice of its legal basis (never its subject)."""
    if item.closed_basis is None:
        return item.title
    return gettext(locale, "Exempt from public access: {basis}").format(
        basis=legal_basis(item.closed_basis, locale)
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
    """``status``: the outcome and tally; ``seen`` words each combination once per export."""
    tally = item.tally
    if tally is not None:
        key: tuple[Any, ...] = (item.outcome, tally.votes_for, tally.votes_against, tally.blank)
    elif item.votes:
        key = (item.outcome, *(vote.choice for vote in item.votes))
    else:
        key = (item.outcome,)
    if key not in seen:
        text = outcome_text(item, locale)
        code = item.outcome.value if item.outcome is not None else "voted"
        seen[key] = None if text is None else {"kodeverdi": code, "kodebeskrivelse": text}
    return seen[key]


def _votering(
    index: Index, council: Council, meeting: Meeting, item: AgendaItem, locale: Locale
) -> list[dict[str, Any]]:
    """Ja/Nei/Blankt per member, where the register has per-member votes.

    The v1 schema renders the stemme enum as an object that requires all three keys;
    the chosen one is ``{"valgt": true}``, the others ``{"valgt": false}``.
    """
    day = meeting.start.date()
    rows = []
    for vote in item.votes:
        rows.append(
            {
                "moetedeltaker": index.person_name(vote.person),
                "representerer": representing(
                    index, council, meeting.body, vote.person, day, locale
                ),
                "stemme": _STEMME_OBJECT[vote.choice],
            }
        )
    return rows


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v is not None and v != []}


class _Builder:
    def __init__(
        self,
        register: Register,
        request: ExportRequest,
        council: Council,
        index: Index | None = None,
    ) -> None:
        self.register = register
        self.request = request
        self.council = council
        self.locale = locale_of(request, council)
        self.index = Index.of(register) if index is None else index
        self.meetings = list(meetings_of(council))
        # A body's members, the same in every message about its meetings.
        self.medlem: dict[str, list[dict[str, Any]]] = {}
        self.statuses: dict[tuple[Any, ...], dict[str, str] | None] = {}

    def utvalg_hent_resultat(self) -> dict[str, Any]:
        return {"utvalg": [_utvalg(self.council, b.id, self.locale) for b in self.council.bodies]}

    def planned(self, body: str | None = None) -> list[Meeting]:
        return [m for m in self.meetings if body is None or m.body == body]

    def moeteplan_hent_resultat(self, body: str, year: int) -> dict[str, Any]:
        plan = [m for m in self.planned(body) if m.start.year == year]
        utvalg = _utvalg(self.council, body, self.locale)
        utvalg["moete"] = [_moete(self.council, m, self.locale) for m in plan]
        return {"utvalg": [utvalg]}

    def full_utvalg(self, body: str, plan: bool) -> dict[str, Any]:
        utvalg = _utvalg(self.council, body, self.locale)
        if plan:
            utvalg["moete"] = [_moete(self.council, m, self.locale) for m in self.planned(body)]
        if body not in self.medlem:
            self.medlem[body] = members(self.index, self.council, body, self.locale)
        utvalg["medlem"] = self.medlem[body]
        return _clean(utvalg)

    def avsender(self, meeting: Meeting | None) -> dict[str, str]:
        day = meeting.start.date() if meeting is not None else None
        return sender(self.index, self.council, self.request, day)

    def einnsyn_moeteplan_send(self) -> dict[str, Any]:
        return {
            "avsender": self.avsender(None),
            "utvalg": [self.full_utvalg(b.id, plan=True) for b in self.council.bodies],
        }

    def meeting_messages(self, meeting: Meeting) -> Iterator[tuple[str, dict[str, Any]]]:
        """A meeting's cases, decisions and per-item decisions, each item mapped once."""
        officer = saksansvarlig(self.index, self.council)
        moete = _moete(self.council, meeting, self.locale)
        utvalg = _utvalg(self.council, meeting.body, self.locale)
        avsender = self.avsender(meeting)
        day = meeting.start.date().isoformat()
        stem = f"{self.council.id}.{meeting.id}"
        provenance = note(self.council, meeting, self.locale)
        beskrivelse = (
            None if provenance is None else {"tekstInnhold": provenance, "tekstFormat": _TEXT}
        )
        repeated = {ident for ident, n in Counter(i.id for i in meeting.agenda).items() if n > 1}
        saker, public, internal = [], [], []
        for item in sorted(meeting.agenda, key=lambda i: i.order):
            # An id the meeting uses twice (not an error) gets the item's order.
            key = f"{item.id}-{item.order}" if item.id in repeated else item.id
            common = {
                "referanseEksternNoekkel": {
                    "fagsystem": FAGSYSTEM,
                    "noekkel": stable_uuid(self.council.id, meeting.id, key),
                },
                "utvalgetsSaksnummer": _saksnummer(self.council, meeting, item),
                "saksansvarlig": officer,
            }
            title = public_title(item, self.locale)
            skjerming = _skjerming(item, self.locale) if item.closed_basis is not None else None
            sak = {**common, "tittel": title}
            if beskrivelse is not None:
                sak["saksbeskrivelse"] = beskrivelse
            if skjerming is not None:
                sak["skjerming"] = skjerming
            elif item.proposal:
                sak["forslagTilVedtak"] = {"tekstInnhold": item.proposal, "tekstFormat": _TEXT}
            saker.append(sak)
            if not decided(item):
                continue
            status = status_of(item, self.locale, self.statuses)
            hidden = {**common, "tittel": title, "vedtaksdato": day}
            if status is not None:
                hidden["status"] = status
            if skjerming is not None:
                hidden["skjerming"] = skjerming
            full = {**hidden, "tittel": item.title}
            if item.decision:
                full["vedtak"] = {"tekstInnhold": item.decision, "tekstFormat": _TEXT}
            if item.votes:
                full["votering"] = _votering(self.index, self.council, meeting, item, self.locale)
            # To eInnsyn a closed item's decision text and votes stay out.
            public.append(hidden if skjerming is not None else {**full, "tittel": title})
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
        for key, full in internal:
            # The register is the case-handling system of its own cases (interpretation).
            full["fagsystemetsSaksnummer"] = full["utvalgetsSaksnummer"]
            yield (
                f"{stem}.{key}.vedtakfrautvalg.send.json",
                {
                    **utvalg,
                    "moeteId": moete["moeteid"],
                    "moetedato": moete["moetedato"],
                    # The register does not mark recommendations (innstilling) to another body.
                    "erEndeligVedtak": True,
                    "sak": full,
                },
            )


def messages(register: Register, request: ExportRequest) -> dict[str, Any]:
    """Every message payload of ``register``, by file name, in a stable order."""
    register = narrow(register, request, "fiks")
    out: dict[str, Any] = {}
    index = Index.of(register)
    for council in councils(register, request, "fiks"):
        build = _Builder(register, request, council, index)
        prefix = council.id
        out[f"{prefix}.utvalg.hent.resultat.json"] = build.utvalg_hent_resultat()
        for body in council.bodies:
            years = sorted({m.start.year for m in build.planned(body.id)})
            for year in years:
                name = f"{prefix}.{body.id}.{year}.moeteplan.hent.resultat.json"
                out[name] = build.moeteplan_hent_resultat(body.id, year)
        if council.bodies:
            out[f"{prefix}.einnsyn.moeteplan.send.json"] = build.einnsyn_moeteplan_send()
        for meeting in build.meetings:
            if meeting.agenda:
                out.update(build.meeting_messages(meeting))
    return out
