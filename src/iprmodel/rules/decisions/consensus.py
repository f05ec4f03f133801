# SPDX-License-Identifier: MIT
"""Consensus (the agreement's konsensusprinsipp) and unanimity (koml. § 11-8 fjerde ledd).

Consensus is a council's own rule, not the act's: koml. § 11-9 andre ledd decides by a
majority of the votes cast. The checks follow it as the agreement sets it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from iprmodel.model import (
    ConsensusRule,
    ConsensusUnit,
    RecordedOutcome,
    Tally,
    UnanimityRule,
    Vote,
    VoteChoice,
)
from iprmodel.rules._text import N_, Message
from iprmodel.rules.decisions.outcome import (
    WRITTEN_REF,
    DecidedBy,
    Decision,
    VoteRecordError,
    blank_error,
)

__all__ = ["consensus", "unanimity"]


def consensus(
    rule: ConsensusRule,
    tally: Tally,
    votes: Sequence[Vote] | None,
    delegations: Mapping[str, str] | None,
    *,
    blank_allowed: bool = False,
) -> Decision:
    """Decide under a consensus rule; a blank vote (hiring only) is neither for nor against."""
    if tally.blank and not blank_allowed:
        raise blank_error(tally.blank)
    if rule.unit is ConsensusUnit.MEMBERS:
        if tally.votes_against:
            reason = Message.of(
                N_("Consensus is broken: {votes_against} voted against."),
                votes_against=tally.votes_against,
            )
            return Decision(
                result=RecordedOutcome.REJECTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
            )
        if not tally.votes_for:
            reason = Message.of(N_("Nobody voted for, so there is no consensus."))
            return Decision(
                result=RecordedOutcome.REJECTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
            )
        reason = Message.of(
            N_("Consensus: {votes_for} voted for and nobody against."), votes_for=tally.votes_for
        )
        return Decision(
            result=RecordedOutcome.ADOPTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
        )
    if (votes is None or delegations is None) and tally.votes_against:
        reason = Message.of(
            N_("Consensus is broken: {votes_against} voted against."),
            votes_against=tally.votes_against,
        )
        return Decision(
            result=RecordedOutcome.REJECTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
        )
    if votes is None or delegations is None:
        raise VoteRecordError(
            "consensus by participants needs each person's vote and the participant they"
            " represent (delegations), not only a tally"
        )
    favour: set[str] = set()
    against: set[str] = set()
    for vote in votes:
        participant = delegations.get(vote.person)
        if participant is None:
            raise VoteRecordError(
                "{person} voted but represents no participant in this body", person=vote.person
            )
        if vote.choice is VoteChoice.FOR:
            favour.add(participant)
        elif vote.choice is VoteChoice.AGAINST:
            against.add(participant)
    participants = set(delegations.values())
    if against:
        reason = Message.of(
            N_(
                "Consensus among the participants is broken: someone from {participants} voted against."
            ),
            participants=tuple(sorted(against)),
        )
        return Decision(
            result=RecordedOutcome.REJECTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
        )
    silent = participants - favour
    if silent:
        reason = Message.of(
            N_(
                "Consensus among the participants is missing: nobody from {participants} voted for."
            ),
            participants=tuple(sorted(silent)),
        )
        return Decision(
            result=RecordedOutcome.REJECTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
        )
    reason = Message.of(
        N_("Consensus: every participant ({count}) voted for and none against."),
        count=len(participants),
    )
    return Decision(
        result=RecordedOutcome.ADOPTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
    )


def unanimity(
    rule: UnanimityRule, tally: Tally, *, members: int, blank_allowed: bool = False
) -> Decision:
    """Decide under unanimity: every member votes for."""
    if tally.blank and not blank_allowed:
        raise blank_error(tally.blank)
    refs = (WRITTEN_REF,) if rule.written else ()
    adopted = tally.votes_for == members
    reasons = [
        Message.of(
            N_("Unanimity: all {members} members agreed.")
            if adopted
            else N_("Unanimity is missing: {votes_for} of {members} members agreed."),
            members=members,
            votes_for=tally.votes_for,
        )
    ]
    if rule.written:
        reasons.append(
            Message.of(
                N_("A matter decided in writing needs every member to agree to the proposal.")
            )
        )
    return Decision(
        result=RecordedOutcome.ADOPTED if adopted else RecordedOutcome.REJECTED,
        decided_by=DecidedBy.UNANIMITY,
        reasons=tuple(reasons),
        references=refs,
    )
