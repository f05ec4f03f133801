# SPDX-License-Identifier: MIT
"""Every rule the checks apply, registered once: code, severity, paragraph, messages.

A :class:`Rule` has a stable ``code``, the usual :class:`~iprmodel.rules.findings.Severity`,
the paragraph it enforces (:class:`~iprmodel.rules.Ref`, ``None`` for the data's own
consistency or a body's own rule), whether it rests on an interpretation, a sentence in
plain words for docs/rules.md, and its messages: English templates (msgids of the
``iprmodel_rules`` catalog, rendered in nb, nn and en). A message may name a more exact
paragraph than the rule's own (the ownership shares of ``IPR-18-2-SHARES`` are
§ 18-4 fourth paragraph f). :data:`CODES`, docs/rules.md (``python -m
iprmodel.rules.docs``) and the tests' list of rules all come from :data:`RULES`.

To add a rule: call :func:`_rule` below in the chapter's block, then in that chapter's
module ``rule("IPR-…").at(path, "message-key", **params)``; add a row to the tests'
``FIRES`` table and regenerate docs/rules.md.

>>> RULES["IPR-18-3-REPRESENTANTSKAP"].severity.value
'error'
>>> rule("IPR-18-2-SHARES").reference_for("ownership").render("en")
'koml. § 18-4 fourth paragraph (f)'
>>> rule("IPR-18-1-NAME").at("councils[demo]", "missing", name="Demo").english()
'The formal name "Demo" does not contain the words "interkommunalt politisk råd". Give the council a formal name with those words.'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from iprmodel.rules._text import N_, Param, Ref
from iprmodel.rules.findings import Finding, Severity

__all__ = ["CODES", "RULES", "Rule", "rule"]

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@attrs.frozen(kw_only=True)
class Rule:
    """One rule: its code, severity, paragraph, interpretation flag and messages."""

    code: str
    severity: Severity
    reference: Ref | None
    #: The rule in plain words (English), for docs/rules.md.
    summary: str
    #: Message key -> English template (a msgid of the ``iprmodel_rules`` catalog).
    messages: Mapping[str, str]
    #: Message key -> a more exact paragraph than ``reference`` for that message.
    references: Mapping[str, Ref] = attrs.field(factory=dict)
    #: Whether the rule rests on a reading of the law that is not settled.
    interpretation: bool = False
    #: Why the reading is taken, for docs/rules.md (interpretations only).
    reading: str = ""

    def reference_for(self, message: str) -> Ref | None:
        """The paragraph a finding with ``message`` cites."""
        return self.references.get(message, self.reference)

    def at(
        self,
        path: str,
        message: str,
        /,
        *,
        severity: Severity | None = None,
        interpretation: bool | None = None,
        **params: Param,
    ) -> Finding:
        """A finding of this rule at ``path`` with the message ``message``.

        ``severity`` overrides the usual one (an error becomes a warning when the record
        is incomplete); ``interpretation`` marks one finding of a rule that is otherwise
        settled law.

        Raises:
            KeyError: ``message`` is not one of the rule's registered messages.
        """
        return Finding.of(
            self.code,
            severity or self.severity,
            path,
            self.messages[message],
            reference=self.reference_for(message),
            interpretation=self.interpretation if interpretation is None else interpretation,
            **params,
        )

    @property
    def chapter(self) -> str:
        """The chapter of the act (``"18"``), or ``"DATA"`` / ``"OWN"``."""
        return self.code.split("-")[1]


_RULES: dict[str, Rule] = {}


def _rule(
    code: str,
    severity: Severity,
    reference: Ref | None,
    summary: str,
    /,
    *,
    references: Mapping[str, Ref] | None = None,
    interpretation: bool = False,
    reading: str = "",
    **messages: str,
) -> None:
    if code in _RULES:
        raise ValueError(f"rule {code} is registered twice")
    unknown = set(references or {}) - set(messages)
    if unknown:
        raise ValueError(f"rule {code}: references for unknown messages {sorted(unknown)}")
    _RULES[code] = Rule(
        code=code,
        severity=severity,
        reference=reference,
        summary=summary,
        messages=MappingProxyType(dict(messages)),
        references=MappingProxyType(dict(references or {})),
        interpretation=interpretation,
        reading=reading,
    )


def _ref(section: str, paragraph: int | None = None, letter: str | None = None) -> Ref:
    return Ref(section=section, paragraph=paragraph, letter=letter)


# -- chapter 18: the council ------------------------------------------------------------

_rule(
    "IPR-18-1-PARTICIPANTS",
    E,
    _ref("18-1", 1),
    "At least two member participants, each a municipality or a county authority.",
    few=N_(
        "The council has {count} member participant(s); an interkommunalt politisk råd"
        " needs at least two municipalities or county authorities. Add the missing"
        " participations with role 'member'."
    ),
)
_rule(
    "IPR-18-1-NAME",
    E,
    _ref("18-1", 3),
    'The formal name contains the words "interkommunalt politisk råd" (in any case).',
    missing=N_(
        'The formal name "{name}" does not contain the words "interkommunalt'
        ' politisk råd". Give the council a formal name with those words.'
    ),
)
_rule(
    "IPR-18-1-NAME-INFLECTED",
    W,
    _ref("18-1", 3),
    'The words are in the name but inflected ("interkommunale politiske råd").',
    interpretation=True,
    reading=(
        'The act says the name shall contain "interkommunalt politisk råd"; whether a'
        " Nynorsk or definite form of the same words satisfies it is not settled. We warn"
        " rather than report an error."
    ),
    inflected=N_(
        'The formal name "{name}" contains the words in an inflected form; the law'
        ' asks for the exact words "interkommunalt politisk råd". Check the name'
        " in the cooperation agreement."
    ),
)
_rule(
    "IPR-18-1-ENKELTVEDTAK",
    E,
    _ref("18-1", 2),
    "No body is given power to make individual decisions (enkeltvedtak), except on the"
    " council's internal matters and in grant schemes it administers. Other decisions are"
    " not limited by this rule.",
    power=N_(
        "{body} is given power to make individual decisions (enkeltvedtak). A council may"
        " make individual decisions only on its internal matters and in grant schemes it"
        " administers: use 'internal_decisions' or 'grant_schemes' instead."
    ),
)
_rule(
    "IPR-18-2-SHARES",
    E,
    _ref("18-2", 1),
    "Ownership shares (§ 18-4 fourth paragraph f) and liability shares (§ 18-2 first"
    " paragraph), when given, add up to 100 %.",
    references={"ownership": _ref("18-4", 4, "f")},
    ownership=N_(
        "The ownership shares add up to {total} %, not 100 %. Correct the shares so that"
        " together they make up the whole council."
    ),
    liability=N_(
        "The liability shares add up to {total} %, not 100 %. Correct the shares so that"
        " together they cover all of the council's obligations."
    ),
)
_rule(
    "IPR-18-2-SHARES-PARTIAL",
    W,
    _ref("18-4", 4, "f"),
    "Shares are given for some participants only.",
    partial=N_(
        "{what} are given for some participants but not for {participants}. Give"
        " a share for every participant."
    ),
)
_rule(
    "IPR-18-3-REPRESENTANTSKAP",
    E,
    _ref("18-3", 1),
    "The council has a representantskap, its supreme body.",
    missing=N_(
        "The council has no representantskap, its mandatory supreme body. Add a body"
        " of kind 'representantskap' with members from every participant."
    ),
)
_rule(
    "IPR-18-3-MEMBERS",
    E,
    _ref("18-3", 1),
    "Every member participant has at least one member in the representantskap.",
    none=N_(
        "{participant} has no member in {body}; every participant must have at"
        " least one. Add a composition entry or member appointments for it."
    ),
    vacant=N_(
        "{participant} has {seats} seat(s) in {body} by its composition, but no member"
        " appointed by it is recorded; every participant must have at least one member,"
        " elected by its own council. Add its member appointments."
    ),
)
_rule(
    "IPR-18-3-MEMBERS-UNKNOWN",
    W,
    _ref("18-3", 1),
    "Neither the composition of the representantskap nor its members are recorded.",
    unknown=N_(
        "Neither the composition of {body} nor its members are recorded, so it cannot"
        " be checked that every participant has at least one member and as many"
        " deputies. Add the composition (members and deputies per participant)."
    ),
)
_rule(
    "IPR-18-3-DEPUTIES",
    E,
    _ref("18-3", 1),
    "Every participant elects at least as many deputies as members.",
    few=N_(
        "{participant} has {members} members but only {deputies} deputies in"
        " {body}; it must elect at least as many deputies as members."
    ),
    elected=N_(
        "{participant} has appointed {members} members but only {deputies} deputies in"
        " {body}; it must elect at least as many deputies as members. Add the missing"
        " deputy appointments."
    ),
)
_rule(
    "IPR-18-3-DEPUTIES-UNKNOWN",
    W,
    _ref("18-3", 1),
    "The number of deputies a participant elects is not recorded.",
    unknown=N_(
        "The number of deputies {participant} elects to {body} is not recorded;"
        " it must be at least {members}, the number of its members. Add the"
        " deputies to the composition."
    ),
)
_rule(
    "IPR-18-3-DEPUTY-PARTICIPANT",
    E,
    _ref("18-3", 1),
    "A deputy stands in only for a member elected by the same participant: each council"
    " elects its own members and deputies (§ 18-3 first paragraph, § 7-10 first paragraph).",
    other=N_(
        "{deputy}, a deputy from {deputy_participant}, stands in for {member} from"
        " {member_participant} in meeting {meeting}. A deputy can only stand in for a"
        " member elected by the same participant: call in a deputy from"
        " {member_participant}."
    ),
)
_rule(
    "IPR-18-3-CHAIR",
    W,
    _ref("18-3", 1),
    "The representantskap elects its own chair and deputy chair unless the cooperation"
    " agreement says otherwise; a rotating chair must rest on a clause of the agreement.",
    rotating=N_(
        "The chair of {body} rotates between the participants, but no clause of the"
        " cooperation agreement on the chair is recorded; the representantskap elects its"
        " chair itself unless the agreement says otherwise. Tag the agreement's clause"
        " with the topic 'chair'."
    ),
    agreed=N_(
        "The chair of {body} is set by the agreement, but no clause of the cooperation"
        " agreement on the chair is recorded. Tag the agreement's clause with the topic"
        " 'chair'."
    ),
)
_rule(
    "IPR-18-3-TERM",
    E,
    _ref("18-3", 3),
    "The members' term of office is four years unless a clause of the agreement says"
    " otherwise (the agreement's own duration is another topic).",
    term=N_(
        "The term of {body} is {years} years, but the members' term of office is four"
        " years unless the cooperation agreement says otherwise, and no clause on the"
        " term of office is recorded. Tag the agreement's clause with the topic 'term'"
        " or set the term to 4."
    ),
)
_rule(
    "IPR-18-3-BODIES",
    E,
    _ref("18-3", 4),
    "Only the representantskap creates other governing bodies, and it elects their chair,"
    " deputy chair, members and deputies: a body that elects itself, or is created or"
    " elected by another body, is a finding (a warning when the body has no power to"
    " decide recorded, as it may only prepare matters).",
    created=N_(
        "{body} is recorded as created by {creator}, but only the representantskap can"
        " create other governing bodies of the council."
    ),
    created_unclear=N_(
        "{body} is recorded as created by {creator}, and only the representantskap can"
        " create governing bodies of the council. If {body} decides for the council, the"
        " representantskap must create it; if it only prepares matters, mark it as not"
        " political."
    ),
    self_created=N_(
        "{body} is recorded as created by itself; only the representantskap can create"
        " other governing bodies of the council."
    ),
    elected=N_(
        "{body} is recorded as elected by {elector}, but the representantskap elects the"
        " chair, deputy chair, members and deputies of the council's other governing"
        " bodies."
    ),
    self_elected=N_(
        "{body} is recorded as electing its own members; the representantskap elects the"
        " chair, deputy chair, members and deputies of the council's other governing"
        " bodies."
    ),
)
_rule(
    "IPR-18-4-AGREEMENT",
    W,
    _ref("18-4", 1),
    "A cooperation agreement is recorded.",
    missing=N_(
        "No cooperation agreement (samarbeidsavtale) is recorded; every council must"
        " have a written one between all participants. Add it as an agreement of"
        " kind 'cooperation'."
    ),
)
_rule(
    "IPR-18-4-PARTIES",
    E,
    _ref("18-4", 1),
    "The agreement is between all participants.",
    missing=N_(
        "The cooperation agreement must be between all participants, but"
        " {participants} are not parties to it."
    ),
)
_rule(
    "IPR-18-4-CONTENT",
    E,
    _ref("18-4", 4),
    "The agreement covers items a–h; a warning naming the letters when its full text is"
    " not recorded, or when a clause on an item has no text yet.",
    missing=N_(
        "The cooperation agreement has no clause on item(s) {letters} of the fourth"
        " paragraph ({topics}). Add clauses on them."
    ),
    incomplete=N_(
        "The recorded clauses of the cooperation agreement do not show item(s) {letters}"
        " ({topics}); its full text is not recorded. Add the clauses and tag them"
        " with their topics, then mark the text complete."
    ),
    empty=N_(
        "The clauses of the cooperation agreement on item(s) {letters} ({topics}) have no"
        " text yet, so they do not cover those items. Write the clauses' text."
    ),
)
_rule(
    "IPR-18-4-ADOPTION",
    E,
    _ref("18-4", 2),
    "Each participant's own council adopted the agreement (a warning when no adoption is"
    " recorded).",
    unknown=N_(
        "The adoption of the cooperation agreement by each participant's council is"
        " not recorded. Add each council's decision (date and case number)."
    ),
    other=N_(
        "The cooperation agreement for {participant} was adopted by someone other"
        " than its municipal or county council; the council must adopt it itself."
    ),
    missing=N_(
        "The cooperation agreement is not recorded as adopted by the council of"
        " {participants}; each participant's council must adopt it itself."
    ),
)
_rule(
    "IPR-18-4-AMENDMENT",
    E,
    _ref("18-4", 3),
    "Changes to items a–h are adopted by every participant's council (second paragraph,"
    " cf. fourth a–h); other changes by the representantskap itself with at least 2/3 of"
    " the votes cast unless the agreement says otherwise, never by a working committee or"
    " another body.",
    references={
        "core": Ref(section="18-4", paragraph=2, also=_ref("18-4", 4, "a–h")),
    },
    core=N_(
        "The amendment changes item(s) {letters} of the fourth paragraph and"
        " must be adopted by every participant's council; not recorded for"
        " {participants}."
    ),
    councils=N_(
        "The agreement requires every participant's council to adopt"
        " amendments; not recorded for {participants}."
    ),
    neither=N_(
        "The amendment must be adopted by the representantskap or by every"
        " participant's council; it is recorded as adopted by neither."
    ),
    body=N_(
        "The amendment is recorded as adopted in a meeting of {body}; only the"
        " representantskap itself (or every participant's council) can amend the"
        " cooperation agreement."
    ),
    item=N_(
        "Item {number} amends the cooperation agreement and is recorded as adopted by"
        " {body}; only the representantskap itself (or every participant's council) can"
        " amend it. Record the decision as a recommendation, or move it to the"
        " representantskap."
    ),
    invalid=N_("The recorded vote on the amendment cannot be right: {problem}"),
    majority=N_(
        "The representantskap's vote does not reach the majority the amendment needs: {why}"
    ),
)
_rule(
    "IPR-18-4-AMENDMENT-UNKNOWN",
    W,
    _ref("18-4", 3),
    "Which clauses an amendment changes, or the representantskap's vote on it, is not recorded.",
    clauses=N_(
        "The amendment does not say which clauses it changes, so it cannot be"
        " checked who had to adopt it. List the clause numbers."
    ),
    unlisted=N_(
        "The amendment changes clause(s) {clauses}, which the agreement does not"
        " list; add them to the agreement's clauses with their topics."
    ),
    tally=N_(
        "The representantskap's vote on the amendment is not recorded, so the"
        " required majority cannot be checked. Add the tally."
    ),
    quorum=N_(
        "The number of members of the representantskap when it voted on the amendment"
        " is not known, so whether the vote was quorate (koml. § 11-9 first paragraph)"
        " cannot be checked. Add the composition of the representantskap, or the"
        " amendment's date or meeting."
    ),
)

# -- chapter 14: economy -----------------------------------------------------------------

_rule(
    "IPR-14-8-BUDGET",
    E,
    _ref("14-8", 1),
    "The representantskap adopts the council's annual budget, annual accounts and annual"
    " report; no other body is given that power.",
    budget=N_(
        "The budget is recorded as adopted by {body}, but the representantskap"
        " adopts the council's annual budget."
    ),
    item=N_(
        "Item {number} ({kind}) is recorded as adopted by {body}, but the representantskap"
        " adopts the council's annual budget, annual accounts and annual report. Record"
        " the decision as a recommendation, or move it to the representantskap."
    ),
    power=N_(
        "{body} is given power to adopt {what}, but the representantskap adopts the"
        " council's annual budget, annual accounts and annual report (koml. § 14-8 first"
        " paragraph). Leave that power to the representantskap."
    ),
)

# -- chapter 11: meetings and votes ----------------------------------------------------

_rule(
    "IPR-11-4-TIME-PLACE",
    W,
    _ref("11-4", 1, "a"),
    "The minutes of a held meeting state where it was held.",
    missing=N_("The minutes of a held meeting must state where it was held; add the place."),
)
_rule(
    "IPR-11-4-ATTENDANCE",
    W,
    _ref("11-4", 1, "b"),
    "The minutes of a held meeting state who attended and who was absent.",
    missing=N_(
        "The minutes of a held meeting must state who attended and who was absent;"
        " add the attendance."
    ),
)
_rule(
    "IPR-11-4-MATTERS",
    W,
    _ref("11-4", 1, "c"),
    "The minutes of a held meeting list the matters dealt with.",
    missing=N_("The minutes of a held meeting must list the matters dealt with; add the agenda."),
)
_rule(
    "IPR-11-4-DECISIONS",
    W,
    _ref("11-4", 1, "d"),
    "The minutes record the decision of every item that is not for information only.",
    missing=N_(
        "Item {number} of a held meeting records no decision; add the decision text or the outcome."
    ),
)
_rule(
    "IPR-11-4-VOTE-RESULTS",
    W,
    _ref("11-4", 1, "e"),
    "The minutes record the result of the vote of every decision.",
    missing=N_(
        "Item {number} records a decision but no vote result; add the outcome"
        " (for example adopted) or the votes."
    ),
)
_rule(
    "IPR-11-7-REMOTE-CLOSED",
    E,
    _ref("11-7", 3),
    "An item that must be closed (§ 11-5 second paragraph) is not dealt with in a remote"
    " or hybrid meeting.",
    remote=N_(
        "Item {number} must be dealt with in a closed meeting ({basis}), and"
        " such a meeting cannot be held as a remote or hybrid meeting. Hold"
        " it with everyone in the same room."
    ),
)
_rule(
    "IPR-11-8-REPORT",
    E,
    _ref("11-8", 1),
    "An urgent decision taken for another body is reported to that body's next meeting.",
    missing=N_(
        "Item {number} is an urgent decision taken for {body}, but the next meeting of"
        " {body} ({meeting}) has no report on urgent decisions on its agenda. Add the"
        " report to that meeting's agenda."
    ),
)
_rule(
    "IPR-11-9-QUORUM",
    E,
    _ref("11-9", 1),
    "A recorded outcome agrees with the quorum: at least half of the members present and"
    " voting, counted against the seats the agreement sets.",
    interpretation=False,
    reading=(
        '"Members" in § 11-9 first paragraph is read as the fixed number of seats the'
        " agreement's composition sets, not the seats filled today: an empty seat does"
        " not lower the quorum. A finding that depends on this says so. When more seats are"
        " filled than the composition sets, the record contradicts itself and the filled"
        " seats are counted."
    ),
    contradiction=N_(
        "The minutes record item {number} as {recorded}, but the recorded votes"
        " give {evaluated}: {why} Check the votes or the outcome."
    ),
    election=N_(
        "Item {number} records {recorded} as elected, but the election was not quorate:"
        " {why} Nobody is elected."
    ),
)
_rule(
    "IPR-11-9-QUORUM-RULE",
    E,
    _ref("11-9", 1),
    "A body's quorum rule is not weaker than the act's: at least half of the members"
    " present and voting. The act's quorum applies whatever the body's rule says.",
    weaker=N_(
        "{body} is recorded with a quorum of {fraction} of the members, but a folkevalgt"
        " organ can only decide when at least half of its members have been present and"
        " have voted; an agreement cannot lower that. The checks apply the act's quorum."
        " Correct the body's quorum rule."
    ),
    present=N_(
        "{body} is recorded with a quorum that counts members present whether or not"
        " they vote, but the act counts only members who have been present and have"
        " voted in the matter. The checks apply the act's quorum. Correct the body's"
        " quorum rule."
    ),
)
_rule(
    "IPR-11-9-OUTCOME",
    E,
    _ref("11-9", 2),
    "A recorded outcome agrees with the votes under the body's rule for the item's kind.",
    contradiction=N_(
        "The minutes record item {number} as {recorded}, but the recorded votes"
        " give {evaluated}: {why} Check the votes or the outcome."
    ),
)
_rule(
    "IPR-11-9-VOTES",
    E,
    _ref("11-9", 1),
    "The recorded votes can be right (no more votes than members, nobody voting twice…).",
    invalid=N_("The votes recorded for item {number} cannot be right: {problem}"),
)
_rule(
    "IPR-11-9-CHAIR-VOTE",
    W,
    _ref("11-9", 2),
    "A tie recorded by totals only, without the meeting chair's vote, is undetermined: the"
    " chair's vote decides it, so the record should say how the chair voted.",
    tie=N_(
        "Item {number} is recorded as {recorded} with the votes tied ({votes_for} for,"
        " {votes_against} against); the meeting chair's vote decides a tie, but how the"
        " chair voted is not recorded. Add the chair's vote (or each member's vote)."
    ),
)
_rule(
    "IPR-11-9-CASTING-VOTE",
    E,
    _ref("11-9", 2),
    "An election is never decided by the meeting chair's double vote; a tie in an"
    " election is settled by a new ballot and then by lot (§ 7-8).",
    election=N_(
        "Item {number} is an election, but the minutes record that the chair's casting"
        " vote decided it; the casting vote does not apply to elections. A tie is"
        " settled by a new ballot and then by lot (koml. § 7-8)."
    ),
)
_rule(
    "IPR-11-9-MAJORITY-RULE",
    W,
    _ref("11-9", 2),
    "A body's own voting rule for ordinary matters other than the act's (more than half"
    " of the votes cast, the meeting chair's vote deciding a tie) is reported; agreement"
    " amendments, whose majority the agreement may set (§ 18-4 third paragraph), are not,"
    " nor consensus rules (`IPR-11-9-CONSENSUS`).",
    interpretation=True,
    reading=(
        'Decisions are made by a majority of the votes cast "hvis ikke annet følger av'
        ' lov", and in a tie the chair\'s vote decides "i andre saker enn valg". A'
        " cooperation agreement is not a law; whether it may still set another majority"
        " for an interkommunalt politisk råd (§ 18-1 fourth paragraph: the act applies"
        ' "så langt de passer") is not settled. We warn, and the checks follow the'
        " body's rule as recorded."
    ),
    own=N_(
        "{body} decides {kinds} by its own voting rule, not the act's: more than half"
        " of the votes cast, with the meeting chair's vote deciding a tie. Only a law can"
        " set another rule, so an outcome the checks give under the body's rule may"
        " differ from the act's. Check the rule against the cooperation"
        " agreement."
    ),
    default=N_(
        "The default voting rule of {body} is its own, not the act's: more"
        " than half of the votes cast, with the meeting chair's vote deciding a tie. Only a"
        " law can set another rule, so an outcome the checks give under the body's"
        " rule may differ from the act's. Check the rule against the"
        " cooperation agreement."
    ),
)
_rule(
    "IPR-11-9-CONSENSUS",
    INFO,
    _ref("11-9", 2),
    "Note: a consensus rule is the council's own rule on top of the act's majority of the"
    " votes cast; the check follows it as the agreement sets it.",
    own=N_(
        "{body} decides {kinds} by consensus. That is the council's own rule: the act"
        " decides by a majority of the votes cast, with the chair's vote deciding a tie."
        " The checks follow the consensus rule as recorded."
    ),
)

# -- chapter 8: duties of the elected -------------------------------------------------

_rule(
    "IPR-8-1-BLANK",
    W,
    _ref("8-1", 2),
    "Blank votes only in elections and hiring decisions (vedtak om ansettelse).",
    blank=N_(
        "Item {number} records {count} blank vote(s), but blank votes are allowed only"
        " in elections and hiring decisions; in other matters every member present must"
        " vote for or against. If the item is a hiring decision, give it the kind"
        " 'hiring'."
    ),
)
_rule(
    "IPR-8-1-DUTY",
    W,
    _ref("8-1", 2),
    "A member present when a matter is put to the vote votes (blank only in elections and"
    " hiring decisions).",
    silent=N_(
        "{persons} were present at item {number} but no vote is recorded for them;"
        " members present when a matter is put to the vote must vote. Add their votes,"
        " or record them as absent, disqualified or excused for the item."
    ),
)

# -- chapter 7: eligibility and elections -------------------------------------------

_rule(
    "IPR-7-2-CONSENT",
    E,
    Ref(section="7-2", paragraph=3, letter="c", also=_ref("7-2", 4)),
    "A member or deputy of the representantskap has given written consent; unknown"
    " consent is `IPR-7-2-CONSENT-UNKNOWN` (info).",
    refused=N_(
        "{person} has not given written consent to the election to {body}; written"
        " consent is the condition for being elected to a representantskap."
    ),
)
_rule(
    "IPR-7-2-CONSENT-UNKNOWN",
    INFO,
    Ref(section="7-2", paragraph=3, letter="c", also=_ref("7-2", 4)),
    "Whether members and deputies gave written consent is not recorded.",
    unknown=N_("Whether {count} persons elected to {body} gave written consent is not recorded."),
)
_rule(
    "IPR-7-3-EXCLUDED",
    E,
    _ref("7-3", 1, "b"),
    "A chief executive (kommunedirektør) or another official the act excludes does not"
    " hold a voting seat in a governing body of the council; speaking rights are fine.",
    interpretation=True,
    reading=(
        "§ 7-3 excludes listed officials from election to the bodies of § 7-2, whose"
        " letter f names a governing body of an interkommunalt politisk råd. That the"
        " exclusion of the chief executive reaches a council's bodies is our reading; the"
        " check reports only a seat with a vote, not attendance or speaking rights."
    ),
    voting=N_(
        "{person} is a chief executive (kommunedirektør) and holds a voting seat in {body};"
        " chief executives cannot be elected to a governing body. Give them attending and"
        " speaking rights only."
    ),
)
_rule(
    "IPR-7-3-ACCOUNTS",
    E,
    _ref("7-3", 5),
    "Whoever keeps the council's accounts or audits it is not eligible to its"
    " representantskap or other governing bodies.",
    accounts=N_("{person} keeps the council's accounts and cannot be elected to {body}."),
    audit=N_("{person} audits the council and cannot be elected to {body}."),
)
_rule(
    "IPR-7-10-DEPUTY-VOTE",
    E,
    _ref("7-10", 1),
    "A deputy votes only in the place of a member of the same participant who does not"
    " take part in the item (absent, disqualified or excused); a deputy voting beside"
    " all of that participant's members is an error.",
    extra=N_(
        "{count} deputy/deputies from {participant} voted on item {number}, but only"
        " {away} of its {seats} members did not take part in the item; a deputy votes"
        " only in the place of a member who is absent, disqualified or excused. Correct"
        " the votes, or record the member as absent for the item."
    ),
)
_rule(
    "IPR-7-7-GENDER",
    W,
    Ref(section="7-5", last_section="7-7"),
    "Gender balance per delegation: with two or three, both genders; with four or more,"
    " at least 40 % each. Unknown gender is `IPR-7-7-GENDER-UNKNOWN` (info).",
    interpretation=True,
    reading=(
        'The law does not say whether "the body" is each participant\'s delegation or the'
        " whole representantskap. We read it per delegation, as each council elects its"
        " own members. With one member there is no rule; with two or three, both genders"
        " should be represented; with four or more, each gender should have at least"
        " 40 %. Members and deputies are checked separately."
    ),
    one=N_(
        "The {count} {seats} from {participant} in {body} are all of one gender;"
        " with two or three to elect, both genders should be represented."
    ),
    few=N_(
        "Only {fewest} of the {count} {seats} from {participant} in {body} are"
        " of one gender; with four or more, each gender should have at least"
        " 40 %."
    ),
)
_rule(
    "IPR-7-7-GENDER-UNKNOWN",
    INFO,
    Ref(section="7-5", last_section="7-7"),
    "The gender of persons appointed is not recorded.",
    unknown=N_(
        "The gender of {count} persons appointed to {body} is not recorded, so the"
        " gender balance of their delegations cannot be checked."
    ),
)
_rule(
    "IPR-7-4-ELECTED",
    E,
    _ref("7-4"),
    "The persons the minutes record as elected (members and deputies) are those the"
    " count of the recorded election elects: forholdsvalg by §§ 7-5 and 7-6, avtalevalg"
    " by § 7-7, flertallsvalg by § 7-8. A warning when the count is not settled yet (a"
    " second ballot or a draw of lots is still needed).",
    references={
        "proportional": _ref("7-6"),
        "agreed": _ref("7-7", 2),
        "majority": _ref("7-8"),
        "deputies": _ref("7-6", 5),
        "agreed_deputies": _ref("7-7", 2),
        "pending": _ref("7-8"),
    },
    proportional=N_(
        "Item {number} records {recorded} as elected, but the count of the forholdsvalg"
        " elects {counted}. {why}"
    ),
    agreed=N_(
        "Item {number} records {recorded} as elected, but the avtalevalg elects {counted}. {why}"
    ),
    majority=N_(
        "Item {number} records {recorded} as elected, but the count of the flertallsvalg"
        " elects {counted}. {why}"
    ),
    deputies=N_(
        "Item {number} records the deputies {recorded}, but the count gives {counted}, in"
        " the order they are called (koml. § 7-10 first paragraph). {why}"
    ),
    agreed_deputies=N_(
        "Item {number} records the deputies {recorded}, but the agreed slate names {counted}. {why}"
    ),
    pending=N_(
        "Item {number} records the election as decided, but the count is not settled"
        " yet. {why} Record the second ballot or the draw of lots."
    ),
)
_rule(
    "IPR-7-7-AGREED",
    E,
    _ref("7-7", 2),
    "An avtalevalg is recorded as electing someone only when the slate was adopted"
    " unanimously and nobody demanded forholdsvalg (§ 7-4 first paragraph).",
    references={"demanded": _ref("7-4", 1)},
    against=N_(
        "Item {number} records the avtalevalg as electing its slate, but {against} voted"
        " against it; an agreed slate elects only when adopted unanimously, so the"
        " members must be elected by forholdsvalg."
    ),
    demanded=N_(
        "Item {number} records the avtalevalg as electing its slate, but a member demanded"
        " forholdsvalg; the members must then be elected by forholdsvalg."
    ),
)

# -- a body's own rules, and the data's own consistency --------------------------

_rule(
    "IPR-OWN-MEETINGS-PER-YEAR",
    W,
    None,
    "The number of meetings in a calendar year is within the body's own rule.",
    count=N_(
        "{body} has {count} meeting(s) recorded in {year}, but its own rule is"
        " {low} to {high} a year. Add the missing meetings or adjust the rule."
    ),
)
_rule(
    "IPR-DATA-NOT-APPOINTED",
    W,
    None,
    "Someone attends without a seat in the body on that day (staff excepted).",
    attends=N_(
        "{person} is listed in the attendance but holds no seat in {body} on"
        " {day}. Add the appointment or correct its dates."
    ),
)
_rule(
    "IPR-DATA-VOTER",
    E,
    None,
    "Someone votes without a voting seat that day, or without being present.",
    seat=N_("{person} voted on item {number} but has no seat with a vote in {body} on {day}."),
    absent=N_("{person} voted on item {number} but is not recorded as present at the meeting."),
)
_rule(
    "IPR-DATA-SUBSTITUTE",
    W,
    None,
    "A substitute stands in for a non-member, or is no deputy.",
    member=N_(
        "{person} is recorded as substitute for {replaced}, who is not a member of {body} on {day}."
    ),
    deputy=N_(
        "{person} stands in for {replaced} but is not a deputy of {body}"
        " on {day}. Add the deputy appointment."
    ),
)
_rule(
    "IPR-DATA-PARTICIPANT",
    W,
    None,
    "An appointment is on behalf of a participant outside the council.",
    outside=N_(
        "{person} is appointed on behalf of {participant}, which does not take part"
        " in the council. Add its participation or correct the appointment."
    ),
)
_rule(
    "IPR-DATA-OVERLAP",
    W,
    None,
    "A person is present at two meetings at the same time.",
    overlap=N_(
        "{person} is recorded as present both here and at {other}, which"
        " overlaps in time. Correct the attendance or the times."
    ),
)
_rule(
    "IPR-DATA-ORGNR",
    W,
    None,
    "One organisation number is given to two entries (participants, organisations, councils).",
    shared=N_(
        "The organisation number {orgnr} is also given to {other}. An organisation number"
        " names one unit in Enhetsregisteret; correct one of them."
    ),
)
_rule(
    "IPR-DATA-PARTIES",
    W,
    None,
    "An agreement of the register itself (of no one council) names no parties.",
    none=N_(
        "The agreement {agreement} names no parties. Add the participants or"
        " organisations that made it."
    ),
)

# -- the data's sources (docs/explanation/provenance.md) ---------------------------------

_rule(
    "IPR-DATA-ASSUMPTION",
    INFO,
    None,
    "A value is marked as an assumption (inferred or illustrative, not stated by a source):"
    " listed so that the secretariat can confirm it.",
    note=N_(
        "Marked as an assumption, not stated by a source: {note}"
        " Confirm it with a source or correct it."
    ),
)
_rule(
    "IPR-DATA-ILLUSTRATIVE",
    INFO,
    None,
    "A body's meetings come from an illustrative plan: no source gives their dates.",
    meetings=N_(
        "{count} meetings of {body} are illustrative: no source gives their dates."
        " Replace them with the adopted meeting plan."
    ),
)
_rule(
    "IPR-DATA-OUTLINE",
    INFO,
    None,
    "A council is kept in outline (only what a source states); the law's checks skip it.",
    outline=N_(
        "{council} is kept in outline: only what a source states about it is recorded,"
        " and the law's checks do not run on it."
    ),
)

#: Every rule by code, in the order of docs/rules.md.
RULES: Final[Mapping[str, Rule]] = MappingProxyType(_RULES)

#: The codes the checks can return, with the paragraph each enforces.
CODES: Final[Mapping[str, Ref | None]] = MappingProxyType(
    {code: r.reference for code, r in _RULES.items()}
)


def rule(code: str) -> Rule:
    """The registered rule with ``code``.

    Raises:
        KeyError: No rule has that code.
    """
    return RULES[code]
