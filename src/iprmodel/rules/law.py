# SPDX-License-Identifier: MIT
"""Check a register against kommuneloven (koml.) chapters 18, 11, 14 and 7.

:func:`check` returns :class:`~iprmodel.rules.findings.Finding` objects: every row of
the rule table that the model can express is a check with a stable code (listed in
:data:`CODES` and explained in docs/rules.md). Loading rejects *malformed* data; these
checks *report*, because a draft council may be incomplete. Where the record leaves
something out (an agreement whose text we do not have), the finding is a warning that
says what is missing; where the record shows the law broken, it is an error.

The consistency checks of :mod:`iprmodel.rules.consistency` run too.

>>> from iprmodel.model import Council, LocalizedText, Register
>>> register = Register(councils=(Council(id="demo",
...     formal_name=LocalizedText(nb="Demo interkommunalt politisk råd")),))
>>> [f.code for f in check(register) if f.severity is Severity.ERROR]
['IPR-18-1-PARTICIPANTS', 'IPR-18-3-REPRESENTANTSKAP']
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Final

import attrs

from iprmodel.model import (
    STATUTORY_TOPICS,
    Adopter,
    Agreement,
    AgreementKind,
    Appointment,
    Body,
    BodyKind,
    CaseKind,
    ClauseTopic,
    ClosedBasis,
    Council,
    CountyAuthority,
    Gender,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Municipality,
    Participation,
    ParticipationRole,
    Person,
    Power,
    RecordedOutcome,
    Register,
    SeatKind,
    Tally,
)
from iprmodel.model.text import LocalizedText
from iprmodel.rules import consistency, provenance
from iprmodel.rules._text import N_, Message, Param, Ref, Word
from iprmodel.rules.findings import Finding, Severity
from iprmodel.rules.voting import (
    NON_CORE_AMENDMENT_RULE,
    BlankVoteError,
    MeetingSeats,
    VoteRecordError,
    evaluate,
    meeting_seats,
    seat_index,
)
from iprmodel.rules.voting import (
    _evaluate_item as evaluate_item_with,
)

__all__ = ["CODES", "Severity", "check", "check_council"]

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: The codes :func:`check` can return, with the paragraph each enforces.
CODES: Final[dict[str, Ref | None]] = {
    "IPR-18-1-PARTICIPANTS": Ref(section="18-1", paragraph=1),
    "IPR-18-1-NAME": Ref(section="18-1", paragraph=3),
    "IPR-18-1-NAME-INFLECTED": Ref(section="18-1", paragraph=3),
    "IPR-18-1-ENKELTVEDTAK": Ref(section="18-1", paragraph=2),
    "IPR-18-2-SHARES": Ref(section="18-2", paragraph=1),
    "IPR-18-2-SHARES-PARTIAL": Ref(section="18-4", paragraph=4, letter="f"),
    "IPR-18-3-REPRESENTANTSKAP": Ref(section="18-3", paragraph=1),
    "IPR-18-3-MEMBERS": Ref(section="18-3", paragraph=1),
    "IPR-18-3-MEMBERS-UNKNOWN": Ref(section="18-3", paragraph=1),
    "IPR-18-3-DEPUTIES": Ref(section="18-3", paragraph=1),
    "IPR-18-3-DEPUTIES-UNKNOWN": Ref(section="18-3", paragraph=1),
    "IPR-18-3-TERM": Ref(section="18-3", paragraph=3),
    "IPR-18-4-AGREEMENT": Ref(section="18-4", paragraph=1),
    "IPR-18-4-PARTIES": Ref(section="18-4", paragraph=1),
    "IPR-18-4-CONTENT": Ref(section="18-4", paragraph=4),
    "IPR-18-4-ADOPTION": Ref(section="18-4", paragraph=2),
    "IPR-18-4-AMENDMENT": Ref(section="18-4", paragraph=3),
    "IPR-18-4-AMENDMENT-UNKNOWN": Ref(section="18-4", paragraph=3),
    "IPR-11-9-QUORUM": Ref(section="11-9", paragraph=1),
    "IPR-11-9-OUTCOME": Ref(section="11-9", paragraph=2),
    "IPR-11-9-VOTES": Ref(section="11-9"),
    "IPR-8-1-BLANK": Ref(section="8-1", paragraph=2),
    "IPR-11-4-TIME-PLACE": Ref(section="11-4"),
    "IPR-11-4-ATTENDANCE": Ref(section="11-4"),
    "IPR-11-4-MATTERS": Ref(section="11-4"),
    "IPR-11-4-DECISIONS": Ref(section="11-4"),
    "IPR-11-4-VOTE-RESULTS": Ref(section="11-4"),
    "IPR-11-7-REMOTE-CLOSED": Ref(section="11-7"),
    "IPR-14-8-BUDGET": Ref(section="14-8", paragraph=1),
    "IPR-7-2-CONSENT": Ref(section="7-2", paragraph=4),
    "IPR-7-2-CONSENT-UNKNOWN": Ref(section="7-2", paragraph=4),
    "IPR-7-7-GENDER": Ref(section="7-5", last_section="7-7"),
    "IPR-7-7-GENDER-UNKNOWN": Ref(section="7-5", last_section="7-7"),
    "IPR-OWN-MEETINGS-PER-YEAR": None,
    **consistency.CODES,
    **provenance.CODES,
}

_EXACT_NAME: Final = "interkommunalt politisk råd"
# Any inflection of the three words (Nynorsk "interkommunale politiske råd", definite forms).
_INFLECTED_NAME: Final = re.compile(r"interkommunal\w*\s+politisk\w*\s+råd", re.IGNORECASE)
_CORE_LETTERS: Final = {topic: topic.statutory_letter or "" for topic in STATUTORY_TOPICS}
_BUDGET_POWERS: Final = frozenset(
    {Power.ADOPT_BUDGET, Power.ADOPT_ACCOUNTS, Power.ADOPT_ANNUAL_REPORT}
)


def _finding(
    code: str,
    severity: Severity,
    path: str,
    template: str,
    *,
    interpretation: bool = False,
    **params: Param,
) -> Finding:
    return Finding.of(
        code,
        severity,
        path,
        template,
        reference=CODES[code],
        interpretation=interpretation,
        **params,
    )


@attrs.frozen(kw_only=True)
class _Context:
    """What the checks of one council need, indexed once."""

    register: Register
    council: Council
    path: str
    #: Current member participants, in participation order.
    members: tuple[str, ...]
    participants: dict[str, Municipality | CountyAuthority]
    representantskap: tuple[Body, ...]
    cooperation: tuple[Agreement, ...]
    appointments_by_body: dict[str, tuple[Appointment, ...]]
    persons: dict[str, Person]

    def name(self, participant: str) -> LocalizedText | str:
        """A participant's name for messages (its id when unknown)."""
        found = self.participants.get(participant)
        return found.name if found is not None else participant

    def names(self, participants: Iterable[str]) -> tuple[LocalizedText | str, ...]:
        """Names of several participants."""
        return tuple(self.name(p) for p in participants)

    def person_name(self, person: str) -> str:
        """A person's name for messages (the id when unknown)."""
        found = self.persons.get(person)
        return found.name if found is not None else person


def _current_participations(council: Council) -> tuple[Participation, ...]:
    """Member participations in force (no end date); all of them if every one has ended."""
    member = [p for p in council.participations if p.role is ParticipationRole.MEMBER]
    return tuple([p for p in member if p.valid_to is None] or member)


def _current_members(council: Council) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.participant for p in _current_participations(council)))


def _letters(topics: Iterable[ClauseTopic]) -> tuple[str, ...]:
    return tuple(sorted(_CORE_LETTERS[t] for t in topics if t in _CORE_LETTERS))


# -- § 18-1 ----------------------------------------------------------------------------


def _participants(ctx: _Context) -> Iterator[Finding]:
    valid = [
        p
        for p in ctx.members
        if isinstance(ctx.participants.get(p), Municipality | CountyAuthority)
    ]
    if len(valid) < 2:
        yield _finding(
            "IPR-18-1-PARTICIPANTS",
            E,
            f"{ctx.path}.participations",
            N_(
                "The council has {count} member participant(s); an interkommunalt politisk råd"
                " needs at least two municipalities or county authorities. Add the missing"
                " participations with role 'member'."
            ),
            count=len(valid),
        )


def _name(ctx: _Context) -> Iterator[Finding]:
    name = ctx.council.formal_name
    for locale in ("nb", "nn"):
        text = getattr(name, locale)
        if not text.strip():
            continue
        path = f"{ctx.path}.formal_name.{locale}"
        if _EXACT_NAME in text.casefold():
            continue
        if _INFLECTED_NAME.search(text):
            yield _finding(
                "IPR-18-1-NAME-INFLECTED",
                W,
                path,
                N_(
                    'The formal name "{name}" contains the words in an inflected form; the law'
                    ' asks for the exact words "interkommunalt politisk råd". Check the name'
                    " in the cooperation agreement."
                ),
                name=text,
            )
        else:
            yield _finding(
                "IPR-18-1-NAME",
                E,
                path,
                N_(
                    'The formal name "{name}" does not contain the words "interkommunalt'
                    ' politisk råd". Give the council a formal name with those words.'
                ),
                name=text,
            )


def _powers(ctx: _Context) -> Iterator[Finding]:
    for body in ctx.council.bodies:
        if Power.INDIVIDUAL_DECISIONS in body.powers:
            yield _finding(
                "IPR-18-1-ENKELTVEDTAK",
                E,
                f"{ctx.path}.bodies[{body.id}].powers",
                N_(
                    "{body} is given power to make individual decisions (enkeltvedtak). A"
                    " council may only decide internal matters and administer grant schemes:"
                    " use 'internal_decisions' or 'grant_schemes' instead."
                ),
                body=body.name,
            )


# -- § 18-2 ----------------------------------------------------------------------------


def _shares(ctx: _Context) -> Iterator[Finding]:
    rows = _current_participations(ctx.council)
    for field, label in (
        ("ownership_share", Word(N_("ownership shares"))),
        ("liability_share", Word(N_("liability shares"))),
    ):
        values = [(p, getattr(p, field)) for p in rows]
        given = [v for _, v in values if v is not None]
        if not given:
            continue
        if len(given) < len(values):
            missing = tuple(p.participant for p, v in values if v is None)
            yield _finding(
                "IPR-18-2-SHARES-PARTIAL",
                W,
                f"{ctx.path}.participations",
                N_(
                    "{what} are given for some participants but not for {participants}. Give"
                    " a share for every participant."
                ),
                what=label,
                participants=ctx.names(missing),
            )
            continue
        total = sum(given, Fraction(0))
        if total != 1:
            yield _finding(
                "IPR-18-2-SHARES",
                E,
                f"{ctx.path}.participations",
                N_(
                    "The {what} add up to {total} %, not 100 %. Correct the shares so that"
                    " together they cover all of the council's obligations."
                ),
                what=label,
                total=_percent(total),
            )


def _percent(value: Fraction) -> str:
    percent = value * 100
    if percent.denominator == 1:
        return str(percent.numerator)
    return f"{float(percent):.2f}"


# -- § 18-3 ----------------------------------------------------------------------------


def _representantskap(ctx: _Context) -> Iterator[Finding]:
    if not ctx.representantskap:
        yield _finding(
            "IPR-18-3-REPRESENTANTSKAP",
            E,
            f"{ctx.path}.bodies",
            N_(
                "The council has no representantskap, its mandatory supreme body. Add a body"
                " of kind 'representantskap' with members from every participant."
            ),
        )
        return
    for body in ctx.representantskap:
        yield from _delegations(ctx, body)
        yield from _term(ctx, body)
        yield from _gender(ctx, body)
        yield from _consent(ctx, body)


def delegation(body: Body, participant: str) -> tuple[int, int | None] | None:
    """Members and deputies ``participant`` sends to ``body`` by its composition rule.

    Entries naming the participant win over entries for every participant (``None``);
    several entries add up. Returns ``None`` when no entry applies; deputies ``None``
    when an entry does not say.
    """
    specific = [d for d in body.composition if d.participant == participant]
    entries = specific or [d for d in body.composition if d.participant is None]
    if not entries:
        return None
    members = sum(d.members for d in entries)
    deputies = (
        None if any(d.deputies is None for d in entries) else sum(d.deputies or 0 for d in entries)
    )
    return members, deputies


def _delegations(ctx: _Context, body: Body) -> Iterator[Finding]:
    path = f"{ctx.path}.bodies[{body.id}]"
    seats = [a for a in ctx.appointments_by_body.get(body.id, ()) if a.valid_to is None]
    if not body.composition and not seats:
        yield _finding(
            "IPR-18-3-MEMBERS-UNKNOWN",
            W,
            f"{path}.composition",
            N_(
                "Neither the composition of {body} nor its members are recorded, so it cannot"
                " be checked that every participant has at least one member and as many"
                " deputies. Add the composition (members and deputies per participant)."
            ),
            body=body.name,
        )
        return
    for participant in ctx.members:
        rule = delegation(body, participant)
        deputies: int | None
        if rule is None and body.composition:
            members, deputies = 0, 0  # the composition is the rule, and it leaves them out
        elif rule is None:
            members = sum(
                1 for a in seats if a.participant == participant and a.seat is SeatKind.MEMBER
            )
            deputies_count = sum(
                1 for a in seats if a.participant == participant and a.seat is SeatKind.DEPUTY
            )
            deputies = deputies_count or None
        else:
            members, deputies = rule
        if members < 1:
            yield _finding(
                "IPR-18-3-MEMBERS",
                E,
                f"{path}.composition",
                N_(
                    "{participant} has no member in {body}; every participant must have at"
                    " least one. Add a composition entry or member appointments for it."
                ),
                participant=ctx.name(participant),
                body=body.name,
            )
            continue
        if deputies is None:
            yield _finding(
                "IPR-18-3-DEPUTIES-UNKNOWN",
                W,
                f"{path}.composition",
                N_(
                    "The number of deputies {participant} elects to {body} is not recorded;"
                    " it must be at least {members}, the number of its members. Add the"
                    " deputies to the composition."
                ),
                participant=ctx.name(participant),
                body=body.name,
                members=members,
            )
        elif deputies < members:
            yield _finding(
                "IPR-18-3-DEPUTIES",
                E,
                f"{path}.composition",
                N_(
                    "{participant} has {members} members but only {deputies} deputies in"
                    " {body}; it must elect at least as many deputies as members."
                ),
                participant=ctx.name(participant),
                body=body.name,
                members=members,
                deputies=deputies,
            )


def _term(ctx: _Context, body: Body) -> Iterator[Finding]:
    if body.term_years == 4:
        return
    if any(a.covers(ClauseTopic.TERM) for a in ctx.cooperation):
        return
    complete = any(a.text_complete for a in ctx.cooperation)
    yield _finding(
        "IPR-18-3-TERM",
        E if complete else W,
        f"{ctx.path}.bodies[{body.id}].term_years",
        N_(
            "The term of {body} is {years} years, but the term is four years unless the"
            " cooperation agreement says otherwise, and no clause on the term is recorded."
            " Tag the agreement's clause with the topic 'term' or set the term to 4."
        ),
        body=body.name,
        years=body.term_years,
    )


def _gender(ctx: _Context, body: Body) -> Iterator[Finding]:
    path = f"{ctx.path}.bodies[{body.id}]"
    seats = [a for a in ctx.appointments_by_body.get(body.id, ()) if a.valid_to is None]
    unknown = 0
    for participant in ctx.members:
        for seat, seat_word in (
            (SeatKind.MEMBER, N_("members")),
            (SeatKind.DEPUTY, N_("deputies")),
        ):
            genders = []
            for a in seats:
                if a.participant != participant or a.seat is not seat:
                    continue
                person = ctx.persons.get(a.person)
                genders.append(person.gender if person is not None else None)
            if None in genders:
                unknown += genders.count(None)
                continue
            count = len(genders)
            if count < 2:
                continue
            women = genders.count(Gender.FEMALE)
            fewest = min(women, count - women)
            if count <= 3 and fewest == 0:
                yield _finding(
                    "IPR-7-7-GENDER",
                    W,
                    path,
                    N_(
                        "The {count} {seats} from {participant} in {body} are all of one gender;"
                        " with two or three to elect, both genders should be represented."
                    ),
                    count=count,
                    seats=seat_word,
                    participant=ctx.name(participant),
                    body=body.name,
                    interpretation=True,
                )
            elif count >= 4 and 5 * fewest < 2 * count:
                yield _finding(
                    "IPR-7-7-GENDER",
                    W,
                    path,
                    N_(
                        "Only {fewest} of the {count} {seats} from {participant} in {body} are"
                        " of one gender; with four or more, each gender should have at least"
                        " 40 %."
                    ),
                    fewest=fewest,
                    count=count,
                    seats=seat_word,
                    participant=ctx.name(participant),
                    body=body.name,
                    interpretation=True,
                )
    if unknown:
        yield _finding(
            "IPR-7-7-GENDER-UNKNOWN",
            INFO,
            path,
            N_(
                "The gender of {count} persons appointed to {body} is not recorded, so the"
                " gender balance of their delegations cannot be checked."
            ),
            count=unknown,
            body=body.name,
        )


def _consent(ctx: _Context, body: Body) -> Iterator[Finding]:
    unknown = 0
    for a in ctx.appointments_by_body.get(body.id, ()):
        if a.seat not in (SeatKind.MEMBER, SeatKind.DEPUTY):
            continue
        if a.written_consent is None:
            unknown += 1
        elif not a.written_consent:
            yield _finding(
                "IPR-7-2-CONSENT",
                E,
                f"{ctx.path}.appointments[{a.id}]",
                N_(
                    "{person} has not given written consent to the election to {body}; written"
                    " consent is the condition for being elected to a representantskap."
                ),
                person=ctx.person_name(a.person),
                body=body.name,
            )
    if unknown:
        yield _finding(
            "IPR-7-2-CONSENT-UNKNOWN",
            INFO,
            f"{ctx.path}.bodies[{body.id}]",
            N_("Whether {count} persons elected to {body} gave written consent is not recorded."),
            count=unknown,
            body=body.name,
        )


# -- § 18-4 ----------------------------------------------------------------------------


def _agreement(ctx: _Context) -> Iterator[Finding]:
    if not ctx.cooperation:
        yield _finding(
            "IPR-18-4-AGREEMENT",
            W,
            f"{ctx.path}.agreements",
            N_(
                "No cooperation agreement (samarbeidsavtale) is recorded; every council must"
                " have a written one between all participants. Add it as an agreement of"
                " kind 'cooperation'."
            ),
        )
        return
    members = set(ctx.members)
    for agreement in ctx.cooperation:
        path = f"{ctx.path}.agreements[{agreement.id}]"
        yield from _content(agreement, path)
        if agreement.parties:
            missing = tuple(p for p in ctx.members if p not in set(agreement.parties))
            if missing:
                yield _finding(
                    "IPR-18-4-PARTIES",
                    E,
                    f"{path}.parties",
                    N_(
                        "The cooperation agreement must be between all participants, but"
                        " {participants} are not parties to it."
                    ),
                    participants=ctx.names(missing),
                )
        yield from _adoptions(ctx, agreement, path, members)
        yield from _amendments(ctx, agreement, path, members)


def _content(agreement: Agreement, path: str) -> Iterator[Finding]:
    missing = tuple(t for t in STATUTORY_TOPICS if not agreement.covers(t))
    if not missing:
        return
    if agreement.text_complete:
        yield _finding(
            "IPR-18-4-CONTENT",
            E,
            f"{path}.clauses",
            N_(
                "The cooperation agreement has no clause on item(s) {letters} of the fourth"
                " paragraph ({topics}). Add clauses on them."
            ),
            letters=_letters(missing),
            topics=missing,
        )
    else:
        yield _finding(
            "IPR-18-4-CONTENT",
            W,
            f"{path}.clauses",
            N_(
                "The recorded clauses of the cooperation agreement do not show item(s) {letters}"
                " ({topics}); its full text is not recorded. Add the clauses and tag them"
                " with their topics, then mark the text complete."
            ),
            letters=_letters(missing),
            topics=missing,
        )


def _adoptions(
    ctx: _Context, agreement: Agreement, path: str, members: set[str]
) -> Iterator[Finding]:
    if not agreement.adoptions:
        yield _finding(
            "IPR-18-4-ADOPTION",
            W,
            f"{path}.adoptions",
            N_(
                "The adoption of the cooperation agreement by each participant's council is"
                " not recorded. Add each council's decision (date and case number)."
            ),
        )
        return
    for i, adoption in enumerate(agreement.adoptions):
        if adoption.party in members and adoption.by is not Adopter.PARTICIPANT_COUNCIL:
            yield _finding(
                "IPR-18-4-ADOPTION",
                E,
                f"{path}.adoptions[{i}]",
                N_(
                    "The cooperation agreement for {participant} was adopted by someone other"
                    " than its municipal or county council; the council must adopt it itself."
                ),
                participant=ctx.name(adoption.party),
            )
    adopted = {a.party for a in agreement.adoptions if a.by is Adopter.PARTICIPANT_COUNCIL}
    missing = tuple(p for p in ctx.members if p not in adopted)
    if missing:
        yield _finding(
            "IPR-18-4-ADOPTION",
            E,
            f"{path}.adoptions",
            N_(
                "The cooperation agreement is not recorded as adopted by the council of"
                " {participants}; each participant's council must adopt it itself."
            ),
            participants=ctx.names(missing),
        )


def _representantskap_size(ctx: _Context) -> int | None:
    total = 0
    for body in ctx.representantskap[:1]:
        for participant in ctx.members:
            rule = delegation(body, participant)
            if rule is None:
                return None
            total += rule[0]
    return total or None


def _amendments(
    ctx: _Context, agreement: Agreement, path: str, members: set[str]
) -> Iterator[Finding]:
    topics_of = {clause.number: clause.topics for clause in agreement.clauses}
    for amendment in agreement.amendments:
        here = f"{path}.amendments[{amendment.id}]"
        if not amendment.clauses:
            yield _finding(
                "IPR-18-4-AMENDMENT-UNKNOWN",
                W,
                here,
                N_(
                    "The amendment does not say which clauses it changes, so it cannot be"
                    " checked who had to adopt it. List the clause numbers."
                ),
            )
            continue
        unknown = tuple(n for n in amendment.clauses if n not in topics_of)
        if unknown:
            yield _finding(
                "IPR-18-4-AMENDMENT-UNKNOWN",
                W,
                f"{here}.clauses",
                N_(
                    "The amendment changes clause(s) {clauses}, which the agreement does not"
                    " list; add them to the agreement's clauses with their topics."
                ),
                clauses=unknown,
            )
        core = {t for n in amendment.clauses for t in topics_of.get(n, ()) if t in _CORE_LETTERS}
        adopters = {a.party for a in amendment.adoptions if a.by is Adopter.PARTICIPANT_COUNCIL}
        missing = tuple(p for p in ctx.members if p not in adopters)
        if core or agreement.non_core_amendments_by is Adopter.PARTICIPANT_COUNCIL:
            if missing:
                yield _finding(
                    "IPR-18-4-AMENDMENT",
                    E,
                    here,
                    N_(
                        "The amendment changes item(s) {letters} of the fourth paragraph and"
                        " must be adopted by every participant's council; not recorded for"
                        " {participants}."
                    )
                    if core
                    else N_(
                        "The agreement requires every participant's council to adopt"
                        " amendments; not recorded for {participants}."
                    ),
                    letters=_letters(core),
                    participants=ctx.names(missing),
                )
            continue
        if not missing:
            continue  # every council adopted it: always enough
        if amendment.adopted_by is not Adopter.REPRESENTANTSKAP:
            yield _finding(
                "IPR-18-4-AMENDMENT",
                E,
                here,
                N_(
                    "The amendment must be adopted by the representantskap or by every"
                    " participant's council; it is recorded as adopted by neither."
                ),
            )
            continue
        if amendment.tally is None:
            yield _finding(
                "IPR-18-4-AMENDMENT-UNKNOWN",
                W,
                here,
                N_(
                    "The representantskap's vote on the amendment is not recorded, so the"
                    " required majority cannot be checked. Add the tally."
                ),
            )
            continue
        rule = agreement.non_core_amendment_rule or NON_CORE_AMENDMENT_RULE
        size = _representantskap_size(ctx)
        try:
            outcome = evaluate(
                rule,
                amendment.tally,
                members=size or _voted(amendment.tally),
                quorum=ctx.representantskap[0].quorum if size else None,
            )
        except VoteRecordError as error:
            yield _finding(
                "IPR-18-4-AMENDMENT",
                E,
                f"{here}.tally",
                N_("The recorded vote on the amendment cannot be right: {problem}"),
                problem=Message.of(error.template, **_params(error.params)),
            )
            continue
        if not outcome.adopted:
            yield _finding(
                "IPR-18-4-AMENDMENT",
                E,
                f"{here}.tally",
                N_(
                    "The representantskap's vote does not reach the majority the amendment"
                    " needs: {why}"
                ),
                why=outcome.reasons[-1] if outcome.reasons else "",
            )


def _voted(tally: Tally) -> int:
    return max(tally.votes_for + tally.votes_against + tally.blank, 1)


def _params(params: dict[str, object]) -> dict[str, str | int]:
    return {
        k: v if isinstance(v, int) and not isinstance(v, bool) else str(v)
        for k, v in params.items()
    }


# -- chapter 11: meetings and votes ---------------------------------------------------


_NO_DECISION_KINDS: Final = frozenset({CaseKind.ORIENTATION, CaseKind.URGENT_DECISION_REPORT})
_MUST_CLOSE: Final = frozenset({ClosedBasis.EMPLOYEE, ClosedBasis.CONFIDENTIAL})


def _meetings(ctx: _Context) -> Iterator[Finding]:
    council = ctx.council
    bodies = {b.id: b for b in council.bodies}
    seats = seat_index(council)
    for meeting in council.meetings:
        path = f"{ctx.path}.meetings[{meeting.id}]"
        if meeting.status is MeetingStatus.CANCELLED:
            continue
        body = bodies.get(meeting.body)
        if meeting.mode in (MeetingMode.REMOTE, MeetingMode.HYBRID):
            for item in meeting.agenda:
                if item.closed_basis in _MUST_CLOSE:
                    yield _finding(
                        "IPR-11-7-REMOTE-CLOSED",
                        E,
                        f"{path}.agenda[{item.id}]",
                        N_(
                            "Item {number} must be dealt with in a closed meeting ({basis}), and"
                            " such a meeting cannot be held as a remote or hybrid meeting. Hold"
                            " it with everyone in the same room."
                        ),
                        number=item.number,
                        basis=item.closed_basis,
                    )
        if meeting.status is MeetingStatus.HELD:
            yield from _minutes(meeting, path)
        if body is None:
            continue
        voting: MeetingSeats | Sequence[Appointment] = seats.get(body.id, ())
        if any(item.votes or item.tally is not None for item in meeting.agenda):
            # An unknown membership is reported for each item below, with the item's path.
            with contextlib.suppress(VoteRecordError):
                voting = meeting_seats(body, meeting, seats.get(body.id, ()))
        for item in meeting.agenda:
            if not item.votes and item.tally is None:
                continue
            here = f"{path}.agenda[{item.id}]"
            try:
                outcome = evaluate_item_with(council, body, meeting, item, voting)
            except BlankVoteError as error:
                yield _finding(
                    "IPR-8-1-BLANK",
                    E,
                    here,
                    N_(
                        "Item {number} records {count} blank vote(s), but blank votes are"
                        " allowed only in elections. Record each vote as for or against."
                    ),
                    number=item.number,
                    count=int(str(error.params.get("count", 0))),
                )
                continue
            except VoteRecordError as error:
                yield _finding(
                    "IPR-11-9-VOTES",
                    E,
                    here,
                    N_("The votes recorded for item {number} cannot be right: {problem}"),
                    number=item.number,
                    problem=Message.of(error.template, **_params(error.params)),
                )
                continue
            if outcome is None or outcome.result is None or item.outcome is None:
                continue
            if outcome.result is item.outcome:
                continue
            quorum_issue = RecordedOutcome.NOT_QUORATE in (outcome.result, item.outcome)
            yield _finding(
                "IPR-11-9-QUORUM" if quorum_issue else "IPR-11-9-OUTCOME",
                E,
                f"{here}.outcome",
                N_(
                    "The minutes record item {number} as {recorded}, but the recorded votes"
                    " give {evaluated}: {why} Check the votes or the outcome."
                ),
                number=item.number,
                recorded=item.outcome,
                evaluated=outcome.result,
                why=outcome.reasons[-1] if outcome.reasons else "",
            )


def _minutes(meeting: Meeting, path: str) -> Iterator[Finding]:
    location = meeting.location
    if meeting.mode is not MeetingMode.WRITTEN and (
        location is None or not (location.place or location.address or location.remote_url)
    ):
        yield _finding(
            "IPR-11-4-TIME-PLACE",
            W,
            f"{path}.location",
            N_("The minutes of a held meeting must state where it was held; add the place."),
        )
    if not meeting.attendance:
        yield _finding(
            "IPR-11-4-ATTENDANCE",
            W,
            f"{path}.attendance",
            N_(
                "The minutes of a held meeting must state who attended and who was absent;"
                " add the attendance."
            ),
        )
    if not meeting.agenda:
        yield _finding(
            "IPR-11-4-MATTERS",
            W,
            f"{path}.agenda",
            N_("The minutes of a held meeting must list the matters dealt with; add the agenda."),
        )
    for item in meeting.agenda:
        here = f"{path}.agenda[{item.id}]"
        if item.kind in _NO_DECISION_KINDS:
            continue
        if item.decision is None and item.outcome is None:
            yield _finding(
                "IPR-11-4-DECISIONS",
                W,
                here,
                N_(
                    "Item {number} of a held meeting records no decision; add the decision"
                    " text or the outcome."
                ),
                number=item.number,
            )
        elif item.outcome is None and not item.votes and item.tally is None:
            yield _finding(
                "IPR-11-4-VOTE-RESULTS",
                W,
                here,
                N_(
                    "Item {number} records a decision but no vote result; add the outcome"
                    " (for example adopted) or the votes."
                ),
                number=item.number,
            )


def _meetings_per_year(ctx: _Context) -> Iterator[Finding]:
    counted: dict[str, Counter[int]] = defaultdict(Counter)
    for meeting in ctx.council.meetings:
        if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
            continue
        for body_id in dict.fromkeys((meeting.body, *meeting.joint_bodies)):
            counted[body_id][meeting.start.year] += 1
    for body in ctx.council.bodies:
        allowed = body.meetings_per_year
        if allowed is None:
            continue
        for year, count in sorted(counted.get(body.id, Counter()).items()):
            if count in allowed:
                continue
            yield _finding(
                "IPR-OWN-MEETINGS-PER-YEAR",
                W,
                f"{ctx.path}.bodies[{body.id}].meetings_per_year",
                N_(
                    "{body} has {count} meeting(s) recorded in {year}, but its own rule is"
                    " {low} to {high} a year. Add the missing meetings or adjust the rule."
                ),
                body=body.name,
                count=count,
                year=str(year),
                low=allowed.min,
                high=allowed.max,
            )


def _budgets(ctx: _Context) -> Iterator[Finding]:
    kinds = {b.id: b for b in ctx.council.bodies}
    for budget in ctx.council.budgets:
        body = kinds.get(budget.adopted_by) if budget.adopted_by else None
        if body is not None and body.kind is not BodyKind.REPRESENTANTSKAP:
            yield _finding(
                "IPR-14-8-BUDGET",
                E,
                f"{ctx.path}.budgets[{budget.id}].adopted_by",
                N_(
                    "The budget is recorded as adopted by {body}, but the representantskap"
                    " adopts the council's annual budget."
                ),
                body=body.name,
            )


_CHECKS: Final[tuple[Callable[[_Context], Iterator[Finding]], ...]] = (
    _participants,
    _name,
    _powers,
    _shares,
    _representantskap,
    _agreement,
    _meetings,
    _meetings_per_year,
    _budgets,
)


def check_council(
    register: Register, council: Council, *, persons: dict[str, Person] | None = None
) -> tuple[Finding, ...]:
    """The legal findings for one council of ``register`` (without consistency checks).

    ``persons`` is an index of the register's persons by id, to share between councils.
    """
    by_body: dict[str, list[Appointment]] = defaultdict(list)
    for appointment in council.appointments:
        by_body[appointment.body].append(appointment)
    ctx = _Context(
        register=register,
        council=council,
        path=f"councils[{council.id}]",
        members=_current_members(council),
        participants={p.id: p for p in register.participants},
        representantskap=tuple(b for b in council.bodies if b.kind is BodyKind.REPRESENTANTSKAP),
        cooperation=tuple(
            a
            for a in council.agreements
            if a.kind is AgreementKind.COOPERATION and a.valid_to is None
        )
        or tuple(a for a in council.agreements if a.kind is AgreementKind.COOPERATION)[-1:],
        appointments_by_body={k: tuple(v) for k, v in by_body.items()},
        persons=persons if persons is not None else {p.id: p for p in register.persons},
    )
    return tuple(finding for step in _CHECKS for finding in step(ctx))


def check(register: Register) -> tuple[Finding, ...]:
    """Every legal and consistency finding for ``register``, council by council.

    Args:
        register: The register to check.

    Returns:
        The findings, in a stable order: per council, check by check.
    """
    findings: list[Finding] = []
    persons = {p.id: p for p in register.persons}
    for council in register.councils:
        if not council.outline:  # only what a source says: no complete record to check
            findings.extend(check_council(register, council, persons=persons))
    findings.extend(consistency.check(register))
    findings.extend(provenance.check(register))
    return tuple(findings)
