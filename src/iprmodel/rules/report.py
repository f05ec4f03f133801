# SPDX-License-Identifier: MIT
"""Reports for people and machines: findings as text or JSON, and one vote from plain data.

:func:`format_text` groups structural problems (from loading) and findings by severity,
each line with its code, path, message and paragraph, and ends with a summary line;
every word comes from the gettext catalogs in Bokmål, Nynorsk or English.
:func:`format_json` gives the same as sorted-key JSON bytes. :func:`vote_from_plain`
evaluates one vote or counts one election described in a small JSON object (the
``iprmodel vote`` command); :func:`format_outcome` and :func:`outcome_json` show the
result to people and to machines.

>>> outcome = vote_from_plain({
...     "rule": {"kind": "majority", "threshold": "2/3", "strict": False},
...     "votes": {"for": 10, "against": 5, "blank": 0},
...     "members": 16, "present": 15, "chair": "for",
... })
>>> outcome.result.value
'adopted'
>>> print(format_text((), (), "en"), end="")
No problems found.
Summary: 0 errors, 0 warnings, 0 notes
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import orjson
from cattrs.errors import ClassValidationError, IterableValidationError

from iprmodel.errors import InvalidValue, LoadError, Problem, escape
from iprmodel.model import Election, QuorumRule, Tally, Vote, VoteChoice, VotingRule
from iprmodel.model.text import Locale
from iprmodel.rules._text import N_, Message, pgettext, translations
from iprmodel.rules.elections import (
    Elected,
    ElectionDecision,
    ElectionResult,
    ElectionStatus,
    count_election,
)
from iprmodel.rules.findings import SEVERITY_ORDER, Finding, Severity
from iprmodel.rules.voting import DecidedBy, Outcome, evaluate

__all__ = [
    "error_message",
    "format_json",
    "format_outcome",
    "format_text",
    "outcome_json",
    "problem_message",
    "vote_from_plain",
]

_HEADINGS: Final = {
    Severity.ERROR: N_("Errors"),
    Severity.WARNING: N_("Warnings"),
    Severity.INFO: N_("Notes"),
}
# Control characters (including newlines) and bidi overrides from user text must not
# break or forge a report line: escaped as every message is (iprmodel.errors.escape).
_clean: Final = escape


def problem_message(problem: Problem, locale: Locale) -> str:
    """A loading problem's message in ``locale``.

    The template is looked up in the core catalog, then in the rules catalog (the
    ``iprmodel vote`` input errors).
    """
    return problem.message(_either_catalog(locale))


def _either_catalog(locale: Locale) -> Callable[[str], str]:
    """A gettext function trying the core catalog, then the rules catalog."""
    from iprmodel.l10n import translator

    core, rules = translator(locale).gettext, translations(locale).gettext

    def translate(message: str) -> str:
        text = core(message)
        return rules(message) if text == message else text

    return translate


def error_message(error: InvalidValue, locale: Locale) -> str:
    """The message of a vote error (:class:`~iprmodel.rules.voting.VoteRecordError`) in ``locale``."""
    return problem_message(
        Problem(path="", template=error.template, params=tuple(error.params.items())), locale
    )


def _summary(locale: Locale, errors: int, warnings: int, notes: int) -> str:
    t = translations(locale)
    parts = (
        t.ngettext("{count} error", "{count} errors", errors).format(count=errors),
        t.ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        t.ngettext("{count} note", "{count} notes", notes).format(count=notes),
    )
    return t.gettext("Summary: {counts}").format(counts=", ".join(parts))


def _sorted(findings: Sequence[Finding]) -> dict[Severity, list[Finding]]:
    groups: dict[Severity, list[Finding]] = {severity: [] for severity in SEVERITY_ORDER}
    for finding in findings:
        groups[finding.severity].append(finding)
    return groups


#: Findings shown per severity in the text report; the rest are counted (the JSON
#: report lists every one). A register with 100,000 faults would print 100,000 lines.
SHOWN_PER_SEVERITY: Final = 200


def format_text(problems: Sequence[Problem], findings: Sequence[Finding], locale: Locale) -> str:
    """Problems and findings as text, grouped by severity, with a summary line.

    Structural problems (the data could not be loaded) are errors without a paragraph.
    Each finding line reads ``[CODE] path: message (paragraph)``; after
    :data:`SHOWN_PER_SEVERITY` of one severity, a line counts the rest (the summary
    counts them all).
    """
    t = translations(locale)
    groups = _sorted(findings)
    lines: list[str] = []
    errors = len(problems) + len(groups[Severity.ERROR])
    for severity in SEVERITY_ORDER:
        group = groups[severity]
        count = len(group) + (len(problems) if severity is Severity.ERROR else 0)
        if not count:
            continue
        lines.append(f"{t.gettext(_HEADINGS[severity])} ({count})")
        if severity is Severity.ERROR:
            for problem in problems:
                where = f"{_clean(problem.path)}: " if problem.path else ""
                lines.append(f"  {where}{_clean(problem_message(problem, locale))}")
        for finding in group[:SHOWN_PER_SEVERITY]:
            reference = finding.reference_text(locale)
            tail = f" ({reference})" if reference else ""
            lines.append(
                f"  [{finding.code}] {_clean(finding.path)}:"
                f" {_clean(finding.message(locale))}{tail}"
            )
        if len(group) > SHOWN_PER_SEVERITY:
            more = t.gettext("… and {count} more; --format json lists them all")
            lines.append("  " + more.format(count=len(group) - SHOWN_PER_SEVERITY))
    if not lines:
        lines.append(t.gettext("No problems found."))
    lines.append(
        _summary(locale, errors, len(groups[Severity.WARNING]), len(groups[Severity.INFO]))
    )
    return "\n".join(lines) + "\n"


def format_json(problems: Sequence[Problem], findings: Sequence[Finding], locale: Locale) -> bytes:
    """Problems and findings as JSON bytes (UTF-8, sorted keys, final newline).

    The object has ``locale``, ``summary`` (counts of errors, warnings and info),
    ``problems`` (path, message) and ``findings`` (code, severity, path, message,
    reference, interpretation), findings ordered by severity.
    """
    groups = _sorted(findings)
    ordered = [f for severity in SEVERITY_ORDER for f in groups[severity]]
    document = {
        "locale": locale,
        "summary": {
            "errors": len(problems) + len(groups[Severity.ERROR]),
            "warnings": len(groups[Severity.WARNING]),
            "info": len(groups[Severity.INFO]),
        },
        "problems": [
            {"path": p.path, "message": problem_message(p, locale), "severity": "error"}
            for p in problems
        ],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "path": f.path,
                "message": f.message(locale),
                "reference": f.reference_text(locale) or None,
                "interpretation": f.interpretation,
            }
            for f in ordered
        ],
    }
    return orjson.dumps(
        document, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
    )


_RESULT_WORDS: Final = {
    "adopted": N_("Result: adopted"),
    "rejected": N_("Result: not adopted"),
    "not_quorate": N_("Result: not quorate (no valid decision)"),
    None: N_("Result: not decided yet"),
}
_DECIDED_WORDS: Final = {
    DecidedBy.QUORUM: N_("quorum"),
    DecidedBy.MAJORITY: N_("majority"),
    DecidedBy.CASTING_VOTE: N_("the chair's casting vote"),
    DecidedBy.TIE: N_("tie without a tie-break"),
    DecidedBy.LOT: N_("lot"),
    DecidedBy.CONSENSUS: N_("consensus"),
    DecidedBy.UNANIMITY: N_("unanimity"),
    DecidedBy.ELECTION: N_("election: more than half of the votes cast"),
    DecidedBy.SECOND_BALLOT: N_("election: second ballot"),
    DecidedBy.PENDING: N_("not decided yet"),
}


_STATUS_WORDS: Final = {
    ElectionStatus.ELECTED: N_("Result: elected"),
    ElectionStatus.NOBODY_ELECTED: N_("Result: nobody elected"),
    ElectionStatus.PENDING: N_("Result: not decided yet"),
}
_ELECTION_DECIDED_WORDS: Final = {
    ElectionDecision.FIRST_BALLOT: N_("election: more than half of the votes cast"),
    ElectionDecision.SECOND_BALLOT: N_("election: second ballot"),
    ElectionDecision.LOT: N_("lot"),
    ElectionDecision.DIVISORS: N_("forholdsvalg: divisors 1, 2, 3 ..."),
    ElectionDecision.UNANIMOUS: N_("avtalevalg: the slate adopted unanimously"),
    ElectionDecision.NOT_UNANIMOUS: N_("avtalevalg without unanimity"),
    ElectionDecision.INVALID_SLATE: N_("avtalevalg on an unlawful slate"),
    ElectionDecision.PENDING: N_("not decided yet"),
}


def _person(person: Elected, locale: Locale) -> str:
    t = translations(locale)
    text = f"{person.rank}. {_clean(person.name)}"
    if person.moved_up:
        text += " " + t.gettext("(moved up for gender balance)")
    return text


def _election_lines(result: ElectionResult, locale: Locale) -> list[str]:
    t = translations(locale)
    lines = [t.gettext(_STATUS_WORDS[result.status])]
    lines.append(Message.of(N_("Method: {method}"), method=result.method).render(locale))
    decided = pgettext(locale, "decided by", _ELECTION_DECIDED_WORDS[result.decided_by])
    lines.append(t.gettext("Decided by: {what}").format(what=decided))
    for share in result.lists:
        lines.append(
            t.gettext("List {list}: votes {votes}, seats {seats}, deputies {deputies}").format(
                list=_clean(share.name),
                votes="-" if share.votes is None else share.votes,
                seats=share.seats,
                deputies=share.deputies,
            )
        )
    for heading, people in ((N_("Elected:"), result.elected), (N_("Deputies:"), result.deputies)):
        if not people:
            continue
        lines.append(t.gettext(heading))
        lines.extend(
            f"  {_clean(p.list)}: {_person(p, locale)}" if p.list else f"  {_clean(p.name)}"
            for p in people
        )
    return lines


def format_outcome(outcome: Outcome | ElectionResult, locale: Locale) -> str:
    """An outcome as text: result, what decided it, who is elected, the reasons and paragraphs."""
    t = translations(locale)
    if isinstance(outcome, ElectionResult):
        lines = _election_lines(outcome, locale)
    else:
        result = outcome.result.value if outcome.result is not None else None
        lines = [t.gettext(_RESULT_WORDS[result])]
        if outcome.elected is not None:
            lines.append(
                t.gettext("Elected: {candidate}").format(candidate=_clean(outcome.elected))
            )
        decided = pgettext(locale, "decided by", _DECIDED_WORDS[outcome.decided_by])
        lines.append(t.gettext("Decided by: {what}").format(what=decided))
    lines.extend(f"- {_clean(reason)}" for reason in outcome.explain(locale))
    refs = outcome.reference_texts(locale)
    if refs:
        lines.append(t.gettext("Paragraphs applied: {refs}").format(refs="; ".join(refs)))
    return "\n".join(lines) + "\n"


def _elected_json(people: Sequence[Elected]) -> list[dict[str, Any]]:
    return [
        {
            "name": p.name,
            "list": p.list,
            "rank": p.rank,
            "gender": None if p.gender is None else p.gender.value,
            "person": p.person,
            "moved_up": p.moved_up,
        }
        for p in people
    ]


def outcome_json(outcome: Outcome | ElectionResult, locale: Locale) -> bytes:
    """An outcome as JSON bytes for machines (sorted keys, final newline).

    Both kinds have ``kind`` (``vote`` or ``election``), ``result``, ``decided_by``,
    ``elected``, ``candidates``, ``reasons`` and ``references`` (in ``locale``); a
    vote adds ``tally`` and ``quorate``, an election ``method``, ``lists`` (seats per
    list), ``deputies`` and ``blank``.
    """
    document: dict[str, Any] = {
        "locale": locale,
        "decided_by": outcome.decided_by.value,
        "candidates": [{"candidate": c, "votes": n} for c, n in outcome.candidates],
        "reasons": list(outcome.explain(locale)),
        "references": list(outcome.reference_texts(locale)),
    }
    if isinstance(outcome, ElectionResult):
        document |= {
            "kind": "election",
            "method": outcome.method.value,
            "result": outcome.status.value,
            "lists": [
                {"name": s.name, "votes": s.votes, "seats": s.seats, "deputies": s.deputies}
                for s in outcome.lists
            ],
            "elected": _elected_json(outcome.elected),
            "deputies": _elected_json(outcome.deputies),
            "blank": outcome.blank,
        }
    else:
        document |= {
            "kind": "vote",
            "result": None if outcome.result is None else outcome.result.value,
            "quorate": outcome.quorate,
            "tally": {
                "for": outcome.tally.votes_for,
                "against": outcome.tally.votes_against,
                "blank": outcome.tally.blank,
            },
            "elected": [] if outcome.elected is None else [{"name": outcome.elected}],
        }
    return orjson.dumps(
        document, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
    )


# -- one vote from plain data ---------------------------------------------------------

_VOTE_KEYS: Final = (
    "chair",
    "delegations",
    "election",
    "members",
    "present",
    "quorum",
    "rule",
    "second_ballot",
    "seed",
    "votes",
)
_TALLY_KEYS: Final = {"for": "votes_for", "against": "votes_against", "blank": "blank"}


def _fail(path: str, template: str, **params: Any) -> LoadError:
    return LoadError((Problem(path=path, template=template, params=tuple(params.items())),))


def _structure(value: object, type_: Any, path: str) -> Any:
    from iprmodel.serialization import _problems, converter

    try:
        return converter.structure(value, type_)
    except (ClassValidationError, IterableValidationError) as error:
        raise LoadError(tuple(_problems(error, path, value))) from None
    except (TypeError, ValueError, KeyError) as error:
        from iprmodel.serialization import _problem

        raise LoadError((_problem(error, path, value),)) from None


def _whole(data: Mapping[str, Any], key: str, *, required: bool, minimum: int) -> int | None:
    value = data.get(key)
    if value is None:
        if required:
            raise _fail(key, "required field missing")
        return None
    if type(value) is not int or value < minimum:
        raise _fail(
            key,
            N_("expected a whole number of at least {minimum}, got {got}"),
            minimum=minimum,
            got=repr(value),
        )
    return value


def _votes(value: object, path: str) -> Sequence[Vote] | Tally | Mapping[str, int]:
    if isinstance(value, list):
        return tuple(_structure(value, tuple[Vote, ...], path))
    if not isinstance(value, dict):
        raise _fail(
            path,
            N_(
                'give the votes as {{"for": 10, "against": 5, "blank": 0}}, as a list of'
                ' {{"person": ..., "choice": ...}}, or in elections as {{"candidates":'
                ' {{"name": votes}}}}'
            ),
        )
    if "candidates" in value:
        candidates = value["candidates"]
        extra = sorted(set(value) - {"candidates"})
        if extra:
            raise _fail(
                f"{path}.{extra[0]}", "unknown key; allowed here: {allowed}", allowed="candidates"
            )
        if not isinstance(candidates, dict) or not all(
            isinstance(k, str) and type(v) is int and v >= 0 for k, v in candidates.items()
        ):
            raise _fail(
                f"{path}.candidates",
                N_("expected candidate names with a whole number of votes each"),
            )
        return dict(candidates)
    extra = sorted(set(value) - set(_TALLY_KEYS))
    if extra:
        raise _fail(
            f"{path}.{extra[0]}",
            "unknown key; allowed here: {allowed}",
            allowed=", ".join(sorted(_TALLY_KEYS)),
        )
    counts: dict[str, int] = {}
    for key, field in _TALLY_KEYS.items():
        number = value.get(key, 0)
        if type(number) is not int or number < 0:
            raise _fail(
                f"{path}.{key}",
                N_("expected a whole number of at least {minimum}, got {got}"),
                minimum=0,
                got=repr(number),
            )
        counts[field] = number
    return Tally(**counts)


_ELECTION_KEYS: Final = ("election", "members", "seed")


def _election_from_plain(data: Mapping[str, Any]) -> ElectionResult:
    extra = sorted(set(data) - set(_ELECTION_KEYS))
    if extra:
        raise _fail(
            extra[0],
            N_("not used with an election; allowed with election: {allowed}"),
            allowed=", ".join(_ELECTION_KEYS),
        )
    election = _structure(data["election"], Election, "election")
    members = _whole(data, "members", required=False, minimum=1)
    seed = _whole(data, "seed", required=False, minimum=0)
    return count_election(election, seed=seed, members=members)


def vote_from_plain(data: Mapping[str, Any]) -> Outcome | ElectionResult:
    """Evaluate one vote described in plain data (parsed JSON).

    Keys: ``rule`` (a voting rule as in a register, e.g. ``{"kind": "majority",
    "threshold": "2/3", "strict": false}``), ``votes`` (``{"for": 10, "against": 5,
    "blank": 0}``, a list of ``{"person", "choice", "candidate"}``, or in elections
    ``{"candidates": {"Kari": 5}}``), ``members``, and optionally ``present``, ``chair``
    (``"for"`` / ``"against"``), ``quorum``, ``delegations`` (person -> participant),
    ``seed`` (for drawing lots) and ``second_ballot`` (elections).

    Instead of ``rule`` and ``votes``, ``election`` holds an election as in a register
    (:class:`~iprmodel.model.Election`: ``method`` forholdsvalg ``proportional``,
    avtalevalg ``agreed`` or flertallsvalg ``majority``, with ``lists`` or
    ``ballots``), with optional ``members`` and ``seed``; the result is then an
    :class:`~iprmodel.rules.elections.ElectionResult`.

    Raises:
        LoadError: The data is not a valid vote description; each problem names its key.
        iprmodel.rules.voting.VoteRecordError: The numbers cannot be right (more votes
            than members, a blank vote outside an election...).
    """
    if not isinstance(data, Mapping):
        raise _fail("", N_("expected a JSON object with rule, votes and members"))
    extra = sorted(set(data) - set(_VOTE_KEYS))
    if extra:
        raise _fail(extra[0], "unknown key; allowed here: {allowed}", allowed=", ".join(_VOTE_KEYS))
    if "election" in data:
        return _election_from_plain(data)
    if "rule" not in data:
        raise _fail("rule", "required field missing")
    if "votes" not in data:
        raise _fail("votes", "required field missing")
    rule = _structure(data["rule"], VotingRule, "rule")
    votes = _votes(data["votes"], "votes")
    members = _whole(data, "members", required=True, minimum=1)
    present = _whole(data, "present", required=False, minimum=0)
    seed = _whole(data, "seed", required=False, minimum=0)
    chair = data.get("chair")
    chair_vote = None
    if chair is not None:
        if chair not in ("for", "against"):
            raise _fail(
                "chair",
                "expected one of {choices}; got {got}",
                choices="against, for",
                got=repr(chair),
            )
        chair_vote = VoteChoice(chair)
    quorum = _structure(data["quorum"], QuorumRule, "quorum") if "quorum" in data else QuorumRule()
    delegations = data.get("delegations")
    if delegations is not None and not (
        isinstance(delegations, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in delegations.items())
    ):
        raise _fail("delegations", N_("expected an object mapping each person to a participant"))
    second = None
    if "second_ballot" in data:
        parsed = _votes(data["second_ballot"], "second_ballot")
        if isinstance(parsed, Tally):
            raise _fail(
                "second_ballot", N_("expected the votes per candidate of the second ballot")
            )
        second = parsed
    assert members is not None  # required above
    return evaluate(
        rule,
        votes,
        members=members,
        present=present,
        chair_vote=chair_vote,
        delegations=delegations,
        quorum=quorum,
        seed=seed,
        second_ballot=second,
    )
