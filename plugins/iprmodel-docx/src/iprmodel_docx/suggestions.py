# SPDX-License-Identifier: MIT
"""Suggested clauses for the items of koml. § 18-4 fourth paragraph a–h an agreement
does not cover, written from the register (never from the agreement's text or from
work lists); where the register cannot answer, the text asks the council in brackets.

>>> from iprmodel.model import ClauseTopic, Council, LocalizedText, Register
>>> from iprmodel_docx.words import Words
>>> council = Council(id="demo", formal_name=LocalizedText(nb="Demo interkommunalt politisk råd"))
>>> suggest(ClauseTopic.NAME, council, Register(councils=(council,)), Words("nb"))[0]
'Rådets navn er Demo interkommunalt politisk råd.'
>>> [words for _, words, _ in share_rows(council, Register(), Words("nb"))]
[]
"""

from __future__ import annotations

from fractions import Fraction

from iprmodel.model import (
    Body,
    BodyKind,
    ClauseTopic,
    Council,
    Delegation,
    Participation,
    ParticipationRole,
    Register,
)
from iprmodel_docx.words import Words

__all__ = ["cap", "members", "party_name", "representantskap", "share_rows", "suggest"]


def party_name(register: Register, party_id: str, words: Words) -> str:
    """A participant's or organisation's name, or the id when the register lacks it."""
    participant = register.participant(party_id)
    if participant is not None:
        return participant.name.get(words.locale)
    organisation = next((o for o in register.organisations if o.id == party_id), None)
    return organisation.name.get(words.locale) if organisation is not None else party_id


def members(council: Council) -> tuple[Participation, ...]:
    """The member participations (deltakarar), in register order."""
    return tuple(p for p in council.participations if p.role is ParticipationRole.MEMBER)


def representantskap(council: Council) -> Body | None:
    """The council's representantskap (koml. § 18-3), if modelled."""
    return next((b for b in council.bodies if b.kind is BodyKind.REPRESENTANTSKAP), None)


def _delegation(body: Body, participant: str) -> Delegation | None:
    specific = next((d for d in body.composition if d.participant == participant), None)
    return specific or next((d for d in body.composition if d.participant is None), None)


def _members(count: int, words: Words) -> str:
    return (
        words("{count} member", count=count)
        if count == 1
        else words("{count} members", count=count)
    )


def _deputies(count: int, words: Words) -> str:
    return (
        words("{count} deputy", count=count)
        if count == 1
        else words("{count} deputies", count=count)
    )


def cap(text: str) -> str:
    """The text with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def suggest(topic: ClauseTopic, council: Council, register: Register, words: Words) -> list[str]:
    """Paragraphs of a suggested clause for a koml. § 18-4 item, written from the model.

    Where the model cannot answer (dissolution, an unknown legal status), the text asks
    the council to decide, in square brackets.
    """
    name = words.text(council.formal_name)
    parties = members(council)
    if topic is ClauseTopic.NAME:
        lines = [words("The council's name is {name}.", name=name)]
        if council.short_name is not None:
            lines.append(words("Short name: {short}.", short=words.text(council.short_name)))
        return lines
    if topic is ClauseTopic.LEGAL_ENTITY:
        if council.legal_entity is True:
            return [words("The council is a separate legal entity (koml. § 18-1).")]
        if council.legal_entity is False:
            lines = [words("The council is not a separate legal entity.")]
            if council.office_municipality:
                office = party_name(register, council.office_municipality, words)
                lines.append(
                    words(
                        "{office} keeps the council's accounts and acts on its behalf as office municipality.",
                        office=office,
                    )
                )
            return lines
        return [words("[The council must decide whether it is to be a separate legal entity.]")]
    if topic is ClauseTopic.SEATS:
        body = representantskap(council)
        if body is None or not body.composition:
            return [
                words(
                    "[Each participant has at least one member and as many deputies in the representantskap (koml. § 18-3); the council must fill in the numbers.]"
                )
            ]
        intro = words(
            "The representantskap is the council's supreme body. The participants are represented as follows:"
        )
        lines = []
        for participation in parties:
            delegation = _delegation(body, participation.participant)
            if delegation is None:
                continue
            who = party_name(register, participation.participant, words)
            offices = words.join([words.label(o) for o in delegation.member_offices])
            deputies = (
                delegation.deputies if delegation.deputies is not None else delegation.members
            )
            line = words(
                "{party}: {members} and {deputies}",
                party=who,
                members=_members(delegation.members, words),
                deputies=_deputies(deputies, words),
            )
            lines.append(line + (f" ({offices})" if offices else "") + ".")
        if lines:
            # One list item per participant (a real Word list, not numbered subclauses).
            lines = ["\n".join([intro, *(f"\u2022 {line}" for line in lines)])]
        else:
            generic = body.composition[0]
            lines = [
                intro,
                words(
                    "Each participant: {members} and {deputies}.",
                    members=_members(generic.members, words),
                    deputies=_deputies(
                        generic.deputies if generic.deputies is not None else generic.members,
                        words,
                    ),
                ),
            ]
        lines.append(
            words(
                "The term of office is {years} years and follows the municipal election period.",
                years=body.term_years,
            )
        )
        return lines
    if topic is ClauseTopic.MATTERS:
        # The council's adopted themes only: a mandate's work list is no clause text.
        themes = [words.text(t.title) for t in council.themes]
        if themes:
            return [
                "\n".join(
                    [
                        words(
                            "The council may deal with matters of shared regional interest, in particular:"
                        ),
                        *(f"\u2022 {theme}" for theme in themes),
                    ]
                )
            ]
        return [words("[The council must list the matters it may deal with.]")]
    if topic is ClauseTopic.AUTHORITY:
        lines = []
        for body in council.bodies:
            powers = sorted(body.powers, key=lambda p: p.value)
            if powers:
                lines.append(
                    words(
                        "{body} may {powers}.",
                        body=words.text(body.name),
                        powers=words.join([words.label(p) for p in powers]),
                    )
                )
        lines.append(
            words(
                "The council may not make individual decisions (enkeltvedtak) other than on internal matters and grant schemes (koml. § 18-1 second paragraph)."
            )
        )
        return lines
    if topic is ClauseTopic.SHARES:
        return _shares(council, register, words)
    if topic is ClauseTopic.WITHDRAWAL:
        notices = {
            p.withdrawal_notice_months for p in parties if p.withdrawal_notice_months is not None
        }
        if len(notices) == 1:
            months = notices.pop()
            lines = [
                words(
                    "A participant may withdraw by written notice to the representantskap with {months} months' notice.",
                    months=months,
                )
            ]
        elif notices:
            items = [
                words(
                    "A participant may withdraw by written notice to the representantskap, with this notice:"
                )
            ]
            for p in parties:
                if p.withdrawal_notice_months is not None:
                    items.append(
                        "\u2022 "
                        + words(
                            "{party}: {months} months.",
                            party=party_name(register, p.participant, words),
                            months=p.withdrawal_notice_months,
                        )
                    )
            lines = ["\n".join(items)]
        else:
            lines = [
                words(
                    "[The council must decide the notice period for withdrawal; 12 months from 1 January is common.]"
                )
            ]
        lines.append(
            words(
                "A participant that withdraws remains liable for its share of obligations incurred while it took part (koml. § 18-2 third paragraph)."
            )
        )
        return lines
    # DISSOLUTION and anything else the model cannot answer
    return [
        words("The council is dissolved when every participant's council so decides."),
        words(
            "[The council must decide how assets and liabilities are shared on dissolution, and which participant keeps the council's archives (arkivlova).]"
        ),
    ]


def _shares(council: Council, register: Register, words: Words) -> list[str]:
    parties = members(council)
    if not parties:
        return [
            words(
                "[The council must state each participant's ownership share and, where it differs, its share of liability.]"
            )
        ]
    if any(p.ownership_share is not None for p in parties):
        return [words("The participants' ownership and liability shares are:")]
    return [
        words(
            "The participants own equal shares and are liable in proportion to their ownership shares:"
        )
    ]


def _rounded(shares: list[Fraction]) -> list[Fraction]:
    # Largest remainder to hundredths of a per cent, so the printed shares sum to
    # exactly 100 when the shares do.
    units = [s * 10000 for s in shares]
    floors = [Fraction(int(u)) for u in units]
    left = int(sum(units) - sum(floors))
    order = sorted(range(len(units)), key=lambda i: (-(units[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [f / 10000 for f in floors]


def share_rows(council: Council, register: Register, words: Words) -> list[tuple[str, str, str]]:
    """``(participant, ownership, liability)`` rows and a sum row; exact fractions
    beside the percentages when a share is not a whole hundredth."""
    parties = members(council)
    if not parties:
        return []
    given = any(p.ownership_share is not None for p in parties)
    owned = [
        (p.ownership_share if given else Fraction(1, len(parties))) or Fraction(0) for p in parties
    ]
    liable = [
        p.liability_share if p.liability_share is not None else owned[i]
        for i, p in enumerate(parties)
    ]

    def shown(exact: Fraction, rounded: Fraction) -> str:
        text = words.percent(rounded)
        return text if exact == rounded else f"{text} ({exact.numerator}/{exact.denominator})"

    rows = [
        (party_name(register, p.participant, words), shown(o, ro), shown(li, rl))
        for p, o, li, ro, rl in zip(
            parties, owned, liable, _rounded(owned), _rounded(liable), strict=True
        )
    ]
    rows.append(
        (
            words("Sum"),
            words.percent(sum(owned, Fraction(0))),
            words.percent(sum(liable, Fraction(0))),
        )
    )
    return rows
