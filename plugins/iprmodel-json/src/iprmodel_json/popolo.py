# SPDX-License-Identifier: MIT
"""The ``popolo`` exporter: a register as Popolo JSON (popoloproject.com, version 1.0.1).

One JSON object with the Popolo collections ``organizations``, ``persons``,
``posts``, ``memberships``, ``events``, ``motions`` and ``vote_events``, each sorted
by id, every object valid against the Popolo schema of its class. The mapping is
documented in ``docs/reference/popolo.md``; in short:

* councils, their bodies (``parent_id`` the council), participants and other
  organisations are Organizations; kommunenummer, fylkesnummer and
  organisasjonsnummer are ``identifiers``;
* a participant's participation is a Membership with the participant as ``member``
  (Popolo lets an organisation be a member); a person's appointment is a Membership
  of the body ``on_behalf_of`` the participant;
* the seats of a body's composition are Posts; meetings are Events; agenda items with
  a proposal, decision or vote are Motions, and recorded votes are Vote events with
  counts and votes;
* an object's ``sources`` with a URL are Popolo ``sources`` (a Link: ``url``, the title
  as ``note``, ``+date`` and ``+locator``); those without one, which a Link cannot
  hold, are ``+unlinked_sources``; an ``assumption`` note is ``+assumption``.

Popolo has no agenda items (popolo-spec issue #121) and no attendance status, so
those travel in extension keys marked with a ``+`` prefix, as Popolo's JSON patterns
appendix recommends (``+agenda_items``, ``+attendance``, ...).

Ids are stable and derived from ours: ``council/hallingdal``,
``body/hallingdal/regionradet``, ``person/ordforar-gol`` ...; the same register gives
the same bytes.

>>> from iprmodel.exporters import ExportRequest
>>> from iprmodel.model import Council, LocalizedText, Register
>>> register = Register(councils=(Council(id="demo",
...     formal_name=LocalizedText(nb="Demo interkommunalt politisk råd")),))
>>> import orjson
>>> document = orjson.loads(PopoloExporter().export(register, ExportRequest()))
>>> document["organizations"][0]["id"], document["organizations"][0]["classification"]
('council/demo', 'council')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from fractions import Fraction
from typing import Any, Final

import attrs
import orjson

from iprmodel.exporters import ExportRequest
from iprmodel.l10n import access_basis, label
from iprmodel.model import (
    AgendaItem,
    Appointment,
    Body,
    ConsensusRule,
    Council,
    CountyAuthority,
    DatePrecision,
    ElectionRule,
    LocalizedText,
    MajorityRule,
    Meeting,
    Municipality,
    Organisation,
    ParticipationRole,
    Person,
    Position,
    RecordedOutcome,
    Register,
    SeatKind,
    Source,
    UnanimityRule,
    VoteChoice,
    VotingRule,
    WrittenStandard,
)
from iprmodel.model.text import Locale
from iprmodel_json.canonical import JsonExportError, narrow
from iprmodel_json.l10n import gettext

__all__ = ["COLLECTIONS", "ID_SCHEME", "PopoloExporter", "to_popolo"]

#: The top-level collections of the document, each a list of Popolo objects.
COLLECTIONS: Final = (
    "events",
    "memberships",
    "motions",
    "organizations",
    "persons",
    "posts",
    "vote_events",
)
#: The identifier scheme under which every object carries our own id.
ID_SCHEME: Final = "iprmodel"

# Popolo's option and result code lists (vote.json, count.json, motion.json).
_OPTION: Final = {VoteChoice.FOR: "yes", VoteChoice.AGAINST: "no", VoteChoice.BLANK: "blank"}
_RESULT: Final = {
    RecordedOutcome.ADOPTED: "pass",
    RecordedOutcome.REJECTED: "fail",
    RecordedOutcome.NOT_QUORATE: "not_quorate",
}
# Only plain absolute http(s) URLs become links: Popolo's link.url is format "uri",
# and a free-text website ("www.gol.kommune.no", "see minutes") is not one.
_URL_RE: Final = re.compile(
    r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*)?$"
)


def _link(url: str | None, note: str) -> list[dict[str, str]]:
    if url is None or not _URL_RE.fullmatch(url):
        return []
    return [{"url": url, "note": note}]


def _source_links(sources: tuple[Source, ...]) -> list[dict[str, str]]:
    """The sources with a URL as Popolo Links: the title is the note."""
    return [
        _clean({"url": s.url, "note": s.title, "+date": s.date_text(), "+locator": s.locator})
        for s in sources
        if s.url is not None and _URL_RE.fullmatch(s.url)
    ]


def _provenance(
    sources: tuple[Source, ...], assumption: LocalizedText | None, locale: Locale
) -> dict[str, Any]:
    """``+unlinked_sources`` (no URL: a Link needs one) and ``+assumption`` of an object."""
    unlinked = [
        _clean({"title": s.title, "date": s.date_text(), "locator": s.locator})
        for s in sources
        if s.url is None or not _URL_RE.fullmatch(s.url)
    ]
    return {
        "+unlinked_sources": unlinked,
        "+assumption": assumption.get(locale) if assumption is not None else None,
    }


def _ident(value: str) -> list[dict[str, str]]:
    return [{"identifier": value, "scheme": ID_SCHEME}]


def _locale(request: ExportRequest, standard: WrittenStandard | None) -> Locale:
    # No locale asked for: each organisation in its own written standard (målform).
    if request.locale is not None:
        return request.locale
    return "nn" if standard is WrittenStandard.NYNORSK else "nb"


def _names(text: LocalizedText, locale: Locale) -> dict[str, Any]:
    """``name`` in ``locale`` and the other written variants as ``other_names``."""
    name = text.get(locale)
    others = [
        {"name": value, "note": f"locale:{code}"}
        for code in ("nb", "nn", "en")
        if (value := getattr(text, code)) and value != name
    ]
    return {"name": name, "other_names": others} if others else {"name": name}


def _founding(day: date | None, precision: DatePrecision) -> str | None:
    if day is None:
        return None
    if precision is DatePrecision.YEAR:
        return f"{day.year:04d}"
    if precision is DatePrecision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _instant(moment: datetime) -> str:
    # Popolo's date pattern has no fractional seconds.
    return moment.isoformat(timespec="seconds")


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    """Drop keys whose value is ``None`` or an empty list: Popolo fields are optional."""
    return {key: value for key, value in obj.items() if value is not None and value != []}


def _fraction(value: Fraction) -> str:
    return str(value)


def requirement(rule: VotingRule, locale: Locale) -> str:
    """The voting rule as the text of a Popolo Motion's ``requirement``.

    >>> requirement(MajorityRule(), "en")
    "more than 1/2 of votes cast; tie: the chair's casting vote"
    >>> requirement(ConsensusRule(), "nn")
    'konsensus blant medlemene'
    """
    if isinstance(rule, MajorityRule):
        text = gettext(
            locale,
            "more than {threshold} of {base}" if rule.strict else "at least {threshold} of {base}",
        ).format(threshold=_fraction(rule.threshold), base=label(rule.base, locale))
        tie = gettext(locale, "tie: {tie_break}").format(tie_break=label(rule.tie_break, locale))
        return f"{text}; {tie}"
    if isinstance(rule, ConsensusRule):
        return label(rule.unit, locale)
    if isinstance(rule, UnanimityRule):
        if rule.written:
            return gettext(locale, "unanimity, by written procedure")
        return gettext(locale, "unanimity")
    if isinstance(rule, ElectionRule):
        if rule.second_ballot:
            return gettext(locale, "election by majority of votes cast, with a second ballot")
        return gettext(locale, "election by majority of votes cast")
    msg = f"unknown voting rule {rule!r}"  # pragma: no cover - the union is closed
    raise TypeError(msg)


class _Ids:
    """The prefix scheme of Popolo ids."""

    @staticmethod
    def person(person: str) -> str:
        return f"person/{person}"

    @staticmethod
    def party(party: str, participants: frozenset[str]) -> str:
        return f"participant/{party}" if party in participants else f"organisation/{party}"

    @staticmethod
    def council(council: str) -> str:
        return f"council/{council}"

    @staticmethod
    def body(council: str, body: str) -> str:
        return f"body/{council}/{body}"

    @staticmethod
    def meeting(council: str, meeting: str) -> str:
        return f"event/{council}/{meeting}"

    @staticmethod
    def motion(council: str, meeting: str, item: str) -> str:
        return f"motion/{council}/{meeting}/{item}"

    @staticmethod
    def vote_event(council: str, meeting: str, item: str) -> str:
        return f"vote-event/{council}/{meeting}/{item}"


_ID: Final = _Ids()


@attrs.frozen(kw_only=True)
class _Context:
    register: Register
    request: ExportRequest
    participants: frozenset[str]

    def party_name(self, party: str, locale: Locale) -> str:
        for item in (*self.register.participants, *self.register.organisations):
            if item.id == party:
                return item.name.get(locale)
        return party  # pragma: no cover - references are checked on load


def _participant_org(item: Municipality | CountyAuthority, ctx: _Context) -> dict[str, Any]:
    locale = _locale(ctx.request, item.written_standard)
    scheme = "kommunenummer" if isinstance(item, Municipality) else "fylkesnummer"
    identifiers = [
        *_ident(item.id),
        # Numbers change (Lunner 3054 -> 3234 in 2024): each keeps its validity period.
        *(
            _clean(
                {
                    "identifier": n.value,
                    "scheme": scheme,
                    "+valid_from": n.valid_from.isoformat() if n.valid_from else None,
                    "+valid_to": n.valid_to.isoformat() if n.valid_to else None,
                }
            )
            for n in item.numbers
        ),
    ]
    if item.orgnr:
        identifiers.append({"identifier": item.orgnr, "scheme": "organisasjonsnummer"})
    return _clean(
        {
            "id": _ID.party(item.id, ctx.participants),
            **_names(item.name, locale),
            "classification": "municipality"
            if isinstance(item, Municipality)
            else "county_authority",
            "identifiers": identifiers,
            "links": _link(item.website, "website"),
            "sources": _source_links(item.sources),
            **_provenance(item.sources, item.assumption, locale),
        }
    )


def _organisation_org(item: Organisation, ctx: _Context) -> dict[str, Any]:
    locale = _locale(ctx.request, None)
    identifiers = _ident(item.id)
    if item.orgnr:
        identifiers.append({"identifier": item.orgnr, "scheme": "organisasjonsnummer"})
    return _clean(
        {
            "id": _ID.party(item.id, ctx.participants),
            **_names(item.name, locale),
            "classification": item.kind.value,
            "identifiers": identifiers,
            "links": _link(item.website, "website"),
            "sources": _source_links(item.sources),
            **_provenance(item.sources, item.assumption, locale),
        }
    )


def _person(person: Person) -> dict[str, Any]:
    return _clean(
        {
            "id": _ID.person(person.id),
            "name": person.name,
            "identifiers": _ident(person.id),
            "gender": person.gender.value if person.gender else None,
            # A placeholder's name is a role ("Ordførar i Gol"), not a real name.
            "+placeholder": True if person.placeholder else None,
        }
    )


def _council_org(council: Council, ctx: _Context, locale: Locale) -> dict[str, Any]:
    sources = _link(council.website, "website")
    for agreement in council.agreements:
        sources += _link(agreement.source, f"agreement {agreement.id}")
    sources += _source_links(council.sources)
    return _clean(
        {
            "id": _ID.council(council.id),
            **_names(council.formal_name, locale),
            "classification": "council",
            "identifiers": [
                *_ident(council.id),
                *(
                    [{"identifier": council.orgnr, "scheme": "organisasjonsnummer"}]
                    if council.orgnr
                    else []
                ),
            ],
            "founding_date": _founding(council.established, council.established_precision),
            "description": council.purpose.get(locale) if council.purpose else None,
            "sources": sources,
            **_provenance(council.sources, council.assumption, locale),
            "+outline": True if council.outline else None,
        }
    )


def _body_org(council: Council, body: Body, locale: Locale) -> dict[str, Any]:
    names = _names(body.name, locale)
    if body.everyday_name is not None:
        everyday = body.everyday_name.get(locale)
        if everyday != names["name"]:
            names.setdefault("other_names", []).insert(
                0, {"name": everyday, "note": "everyday name"}
            )
    return _clean(
        {
            "id": _ID.body(council.id, body.id),
            **names,
            "classification": body.kind.value,
            "identifiers": _ident(body.id),
            "parent_id": _ID.council(council.id),
            "description": body.description.get(locale) if body.description else None,
            "sources": _source_links(body.sources),
            **_provenance(body.sources, body.assumption, locale),
        }
    )


def _member_participants(council: Council) -> list[str]:
    seen: dict[str, None] = {}
    for participation in council.participations:
        if participation.role is ParticipationRole.MEMBER:
            seen.setdefault(participation.participant)
    return list(seen)


#: The most seats one body's Posts are written for. A body of every municipality in the
#: country with five members and five deputies each has under 4,000; a count past this is
#: a typing error, and writing a Post for each seat would exhaust memory.
MAX_SEATS: Final = 100_000


def _seats(body: Body, everyone: list[str]) -> int:
    return sum(
        (d.members + (d.deputies or 0)) * (1 if d.participant else len(everyone))
        for d in body.composition
    ) + sum(o.count for o in body.observers)


def _posts(council: Council, body: Body, ctx: _Context, locale: Locale) -> Iterator[dict[str, Any]]:
    """One Post per seat of the body's composition, observers and ex officio seats.

    Seats are numbered per holder and kind (``member-1``, ``deputy-2``), in the order
    the composition lists them.
    """
    body_id = _ID.body(council.id, body.id)
    ordinals: dict[tuple[str, str], int] = {}

    def post(holder: str, seat: SeatKind, word: str) -> dict[str, Any]:
        ordinal = ordinals[holder, seat.value] = ordinals.get((holder, seat.value), 0) + 1
        return {
            "id": _post_id(council.id, body.id, _ID.party(holder, ctx.participants), seat, ordinal),
            "label": gettext(locale, "{seat} {ordinal} for {holder}").format(
                seat=word, ordinal=ordinal, holder=ctx.party_name(holder, locale)
            ),
            "role": seat.value,
            "organization_id": body_id,
            "+on_behalf_of_id": _ID.party(holder, ctx.participants),
        }

    everyone = _member_participants(council)
    seats = _seats(body, everyone)
    if seats > MAX_SEATS:
        raise JsonExportError(
            "{body}: {seats} seats are more than one body can have ({limit} at most);"
            " check the numbers of members, deputies and observers",
            body=f"councils[{council.id}].bodies[{body.id}]",
            seats=seats,
            limit=MAX_SEATS,
        )
    for delegation in body.composition:
        for holder in [delegation.participant] if delegation.participant else everyone:
            for _ in range(delegation.members):
                yield post(holder, SeatKind.MEMBER, label(SeatKind.MEMBER, locale))
            for _ in range(delegation.deputies or 0):
                yield post(holder, SeatKind.DEPUTY, label(SeatKind.DEPUTY, locale))
    for observer in body.observers:
        observer_from = observer.participant or observer.organisation
        for _ in range(observer.count if observer_from else 0):
            yield post(observer_from or "", SeatKind.OBSERVER, label(SeatKind.OBSERVER, locale))
    for seat in body.ex_officio:
        for holder in [seat.participant] if seat.participant else everyone:
            yield post(holder, SeatKind.EX_OFFICIO, label(seat.office, locale))


def _post_id(council: str, body: str, holder: str, seat: SeatKind, ordinal: int) -> str:
    # holder is the Popolo id of the participant or organisation ("participant/gol").
    return f"post/{council}/{body}/{holder}/{seat.value}-{ordinal}"


def _overlap(a: Appointment, b: Appointment) -> bool:
    return (a.valid_to is None or b.valid_from is None or b.valid_from <= a.valid_to) and (
        b.valid_to is None or a.valid_from is None or a.valid_from <= b.valid_to
    )


def _appointment_post(
    council: Council, appointment: Appointment, post_ids: frozenset[str]
) -> str | None:
    """The Post an appointment fills, when its seat is one of the composition's."""
    if appointment.participant is None:
        return None
    if appointment.seat is SeatKind.DEPUTY and appointment.deputy_order is not None:
        ordinal = appointment.deputy_order
    else:
        # Members fill seats 1, 2 ... in id order among those holding office at the same time.
        peers = sorted(
            a.id
            for a in council.appointments
            if (a.body, a.participant, a.seat)
            == (appointment.body, appointment.participant, appointment.seat)
            and _overlap(a, appointment)
        )
        ordinal = peers.index(appointment.id) + 1
    candidate = _post_id(
        council.id,
        appointment.body,
        f"participant/{appointment.participant}",
        appointment.seat,
        ordinal,
    )
    return candidate if candidate in post_ids else None


def _memberships(
    council: Council, ctx: _Context, locale: Locale, post_ids: frozenset[str]
) -> Iterator[dict[str, Any]]:
    council_id = _ID.council(council.id)
    counts: dict[str, int] = {}
    for participation in council.participations:
        n = counts[participation.participant] = counts.get(participation.participant, 0) + 1
        yield _clean(
            {
                "id": f"membership/{council.id}/participant/{participation.participant}/{n}",
                "member": {
                    "@type": "Organization",
                    "id": _ID.party(participation.participant, ctx.participants),
                },
                "organization_id": council_id,
                "role": participation.role.value,
                "label": label(participation.role, locale),
                "start_date": _day(participation.valid_from),
                "end_date": _day(participation.valid_to),
                "+ownership_share": str(participation.ownership_share)
                if participation.ownership_share is not None
                else None,
                "+liability_share": str(participation.liability_share)
                if participation.liability_share is not None
                else None,
                "sources": _source_links(participation.sources),
                **_provenance(participation.sources, participation.assumption, locale),
            }
        )
    for appointment in council.appointments:
        position = appointment.position
        role = appointment.seat.value if position is Position.MEMBER else position.value
        word = (
            appointment.role.get(locale)
            if appointment.role is not None
            else label(appointment.seat if position is Position.MEMBER else position, locale)
        )
        yield _clean(
            {
                "id": f"membership/{council.id}/appointment/{appointment.id}",
                "person_id": _ID.person(appointment.person),
                "organization_id": _ID.body(council.id, appointment.body),
                "post_id": _appointment_post(council, appointment, post_ids),
                "on_behalf_of_id": _ID.party(appointment.participant, ctx.participants)
                if appointment.participant
                else None,
                "role": role,
                "label": word,
                "start_date": _day(appointment.valid_from),
                "end_date": _day(appointment.valid_to),
                "+seat": appointment.seat.value,
                "+deputy_order": appointment.deputy_order,
                "+office": appointment.office.value if appointment.office else None,
                "sources": _source_links(appointment.sources),
                **_provenance(appointment.sources, appointment.assumption, locale),
            }
        )


def _item_key(meeting: Meeting, item: AgendaItem) -> str:
    """The item's id, with its order when the meeting uses the id twice (not an error)."""
    if sum(1 for other in meeting.agenda if other.id == item.id) > 1:
        return f"{item.id}@{item.order}"
    return item.id


def _has_motion(item: AgendaItem) -> bool:
    return bool(
        item.proposal or item.decision or item.votes or item.tally or item.outcome is not None
    )


def _event(council: Council, meeting: Meeting, ctx: _Context, locale: Locale) -> dict[str, Any]:
    body = council.body(meeting.body)
    body_name = body.name.get(locale) if body else meeting.body
    persons = {p.id: p for p in ctx.register.persons}
    attendees = [
        {"id": _ID.person(a.person), "name": persons[a.person].name}
        for a in meeting.attendance
        if a.status.value == "present" and a.person in persons
    ]
    location = meeting.location
    place = (
        ", ".join(part for part in (location.place, location.address, location.remote_url) if part)
        if location
        else ""
    )
    agenda = [
        _clean(
            {
                "order": item.order,
                "number": item.number,
                "title": _public_title(item, locale),
                "classification": item.kind.value,
                "closed_basis": item.closed_basis.value if item.closed_basis else None,
                "motion_id": _ID.motion(council.id, meeting.id, _item_key(meeting, item))
                if _has_motion(item)
                else None,
                "url": item.url,
            }
        )
        for item in sorted(meeting.agenda, key=lambda i: i.order)
    ]
    return _clean(
        {
            "id": _ID.meeting(council.id, meeting.id),
            "name": meeting.title
            or gettext(locale, "{body}, meeting {number}").format(
                body=body_name, number=meeting.number
            ),
            "start_date": _instant(meeting.start),
            "end_date": _instant(meeting.end),
            "location": place or None,
            "status": meeting.status.value,
            "classification": meeting.kind.value,
            "identifiers": _ident(meeting.id),
            "organization_id": _ID.body(council.id, meeting.body),
            "attendees": attendees,
            "updated_at": _instant(meeting.modified),
            "sources": _link(meeting.url, "meeting") + _source_links(meeting.sources),
            **_provenance(meeting.sources, meeting.assumption, locale),
            "+agenda_items": agenda,
            "+attendance": [
                _clean(
                    {
                        "person_id": _ID.person(a.person),
                        "status": a.status.value,
                        "substitute_for_id": _ID.person(a.substitute_for)
                        if a.substitute_for
                        else None,
                    }
                )
                for a in meeting.attendance
            ],
            "+joint_organization_ids": [_ID.body(council.id, b) for b in meeting.joint_bodies],
            "+mode": meeting.mode.value,
            "+revision": meeting.revision,
            "+illustrative": True if meeting.illustrative else None,
        }
    )


def _public_title(item: AgendaItem, locale: Locale) -> str:
    """The title, or for a closed item the § 11-5 basis that closes it (never its subject)."""
    return access_basis(item, locale) or item.title


def _motion_and_vote(
    council: Council, meeting: Meeting, item: AgendaItem, locale: Locale
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    body = council.body(meeting.body)
    motion_id = _ID.motion(council.id, meeting.id, _item_key(meeting, item))
    event_id = _ID.meeting(council.id, meeting.id)
    organization_id = _ID.body(council.id, meeting.body)
    result = _RESULT[item.outcome] if item.outcome is not None else None
    motion = _clean(
        {
            "id": motion_id,
            "organization_id": organization_id,
            "legislative_session_id": event_id,
            # A closed item (koml. § 11-5) is public only as its number and basis.
            "text": None if item.closed_basis else item.proposal,
            "identifier": item.number,
            "classification": item.kind.value,
            "date": _instant(meeting.start),
            "requirement": requirement(body.rule_for(item.kind), locale) if body else None,
            "result": result,
            "sources": _link(item.url, "case"),
            "+title": _public_title(item, locale),
            "+decision": None if item.closed_basis else item.decision,
        }
    )
    if not (item.votes or item.tally):
        return motion, None
    if item.tally is not None:
        counts = {"yes": item.tally.votes_for, "no": item.tally.votes_against}
        if item.tally.blank:
            counts["blank"] = item.tally.blank
    else:
        counts = {}
        for vote in item.votes:
            option = _OPTION[vote.choice]
            counts[option] = counts.get(option, 0) + 1
    vote_event_id = _ID.vote_event(council.id, meeting.id, _item_key(meeting, item))
    vote_event = _clean(
        {
            "id": vote_event_id,
            "organization_id": organization_id,
            "legislative_session_id": event_id,
            "identifier": item.number,
            "motion_id": motion_id,
            "classification": item.kind.value,
            "start_date": _instant(meeting.start),
            "result": result,
            "counts": [
                {"option": option, "value": value} for option, value in sorted(counts.items())
            ],
            "votes": [
                _clean(
                    {
                        "vote_event_id": vote_event_id,
                        "voter_id": _ID.person(vote.person),
                        "option": _OPTION[vote.choice],
                        "+candidate_id": _ID.person(vote.candidate) if vote.candidate else None,
                    }
                )
                for vote in sorted(item.votes, key=lambda v: (v.person, v.candidate or ""))
            ],
        }
    )
    return motion, vote_event


def to_popolo(register: Register, request: ExportRequest) -> dict[str, list[dict[str, Any]]]:
    """The Popolo document of ``register`` as plain data, each collection sorted by id."""
    register = narrow(register, request, "popolo")
    ctx = _Context(
        register=register,
        request=request,
        participants=frozenset(p.id for p in register.participants),
    )
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in COLLECTIONS}
    out["organizations"] += (_participant_org(p, ctx) for p in register.participants)
    out["organizations"] += (_organisation_org(o, ctx) for o in register.organisations)
    out["persons"] += (_person(p) for p in register.persons)
    for council in register.councils:
        locale = _locale(request, council.written_standard)
        out["organizations"].append(_council_org(council, ctx, locale))
        posts: list[dict[str, Any]] = []
        for body in council.bodies:
            out["organizations"].append(_body_org(council, body, locale))
            posts += _posts(council, body, ctx, locale)
        out["posts"] += posts
        post_ids = frozenset(p["id"] for p in posts)
        out["memberships"] += _memberships(council, ctx, locale, post_ids)
        for meeting in council.meetings:
            out["events"].append(_event(council, meeting, ctx, locale))
            for item in meeting.agenda:
                if not _has_motion(item):
                    continue
                motion, vote_event = _motion_and_vote(council, meeting, item, locale)
                out["motions"].append(motion)
                if vote_event is not None:
                    out["vote_events"].append(vote_event)
    return {name: sorted(items, key=_key) for name, items in out.items()}


def _key(obj: dict[str, Any]) -> str:
    return str(obj["id"])


@attrs.frozen(kw_only=True)
class PopoloExporter:
    """Popolo JSON (``.json``) for civic-tech tools: organisations, people, votes.

    Options: ``compact`` (no indentation). ``locale`` picks the language of names
    and labels; without it each organisation is named in its own written standard.
    """

    name: str = "popolo"
    suffix: str = ".json"
    media_type: str = "application/json"
    #: The ``--option`` keys it reads: compact (yes/no).
    options: tuple[str, ...] = ("compact",)

    def export(self, register: Register, request: ExportRequest) -> bytes:
        """The Popolo document of ``register``."""
        option = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
        if not request.flag("compact"):
            option |= orjson.OPT_INDENT_2
        return orjson.dumps(to_popolo(register, request), option=option)
