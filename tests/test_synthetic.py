# SPDX-License-Identifier: MIT
"""The synthetic national register: deterministic, valid, proportional, clearly synthetic."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections import defaultdict

import orjson
import pytest

from iprmodel import serialization
from iprmodel.errors import LoadError
from iprmodel.model import (
    AttendanceStatus,
    CaseKind,
    MeetingStatus,
    RecordedOutcome,
    Register,
)
from iprmodel.model._fields import OSLO
from iprmodel.testing import synthetic
from iprmodel.testing.synthetic import clear_cache, counts, national, national_bytes

SMALL = 0.01


def test_same_scale_and_seed_give_the_same_bytes() -> None:
    """Two fresh builds give identical bytes; another seed gives other data."""
    first = national_bytes(SMALL)
    clear_cache()

    again = national_bytes(SMALL)

    assert first == again
    assert national_bytes(SMALL, seed=7) != first


def test_bytes_do_not_depend_on_hash_randomisation() -> None:
    """Another interpreter with another PYTHONHASHSEED writes the same bytes."""
    script = (
        "import hashlib; from iprmodel.testing.synthetic import national_bytes;"
        f" print(hashlib.sha256(national_bytes({SMALL})).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}

    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )

    assert result.stdout.strip() == hashlib.sha256(national_bytes(SMALL)).hexdigest()


def test_counts_grow_in_proportion_to_scale() -> None:
    """Doubling the scale doubles meetings and items exactly, the rest roughly."""
    small, large = counts(national(0.05)), counts(national(0.1))

    assert (small["meetings"], small["agenda_items"]) == (600, 5_000)
    assert (large["meetings"], large["agenda_items"]) == (1_200, 10_000)
    assert large["councils"] == 7
    for key in ("participants", "persons", "appointments", "attendance"):
        assert 1.6 <= large[key] / small[key] <= 2.4, key


def test_scale_one_sizes_are_those_of_the_country() -> None:
    """The sizes at scale 1 are those the issue names (checked on the constants)."""
    sizes = synthetic.SCALE_1

    assert sizes["councils"] == 70
    assert sizes["municipalities"] + sizes["counties"] == 400
    assert (sizes["meetings"], sizes["agenda_items"]) == (12_000, 100_000)


def test_round_trip_through_json_is_lossless() -> None:
    """dumps -> loads gives an equal register and the same bytes again."""
    register = national(SMALL)
    data = national_bytes(SMALL)

    loaded = serialization.loads(data)

    assert loaded == register
    assert serialization.dumps(loaded, indent=False) == data


def test_every_reference_resolves_and_is_checked() -> None:
    """No dangling reference; removing a person makes loading name where it is used."""
    plain = orjson.loads(national_bytes(SMALL))
    assert list(serialization.check_references(plain)) == []
    mayor = "ordforer-kommune-0001"
    plain["persons"] = [p for p in plain["persons"] if p["id"] != mayor]

    with pytest.raises(LoadError) as raised:
        serialization.structure(plain)

    dangling = [p for p in raised.value.problems if f'"{mayor}"' in p.line()]
    assert dangling
    assert all(p.path.startswith("councils[region-001]") for p in dangling)


def test_a_mayor_sits_in_two_councils() -> None:
    """Like Jevnaker's mayor, some persons hold seats in two councils."""
    register = national(SMALL)
    councils_of: dict[str, set[str]] = defaultdict(set)
    for council in register.councils:
        for appointment in council.appointments:
            councils_of[appointment.person].add(council.id)

    in_two = {person for person, ids in councils_of.items() if len(ids) >= 2}

    assert any(person.startswith("ordforer-kommune-") for person in in_two)


def test_meetings_are_aware_in_oslo_and_complete_when_held() -> None:
    """Times are in Europe/Oslo; held meetings have attendance and recorded votes."""
    register = national(0.02)
    meetings = [m for c in register.councils for m in c.meetings]
    statuses = {m.status for m in meetings}
    assert {MeetingStatus.HELD, MeetingStatus.CANCELLED, MeetingStatus.PLANNED} <= statuses

    for meeting in meetings:
        assert meeting.start.tzinfo is OSLO
        assert meeting.end.tzinfo is OSLO
        assert meeting.modified.tzinfo is OSLO
        if meeting.status is MeetingStatus.CANCELLED:
            assert meeting.agenda == ()
        if meeting.status is not MeetingStatus.HELD:
            continue
        assert any(a.status is AttendanceStatus.PRESENT for a in meeting.attendance)
        for item in meeting.agenda:
            if item.kind in (CaseKind.ORIENTATION, CaseKind.URGENT_DECISION_REPORT):
                assert item.outcome is None  # noted, not voted on
            elif item.outcome is not RecordedOutcome.NOT_QUORATE:
                assert item.outcome is not None
                assert item.tally is not None or item.votes


def test_closed_items_cite_koml_11_5_and_substitutes_stand_in() -> None:
    """Some items are closed with a § 11-5 basis; excused members have substitutes."""
    register = national(0.02)
    items = [i for c in register.councils for m in c.meetings for i in m.agenda]
    attendance = [a for c in register.councils for m in c.meetings for a in m.attendance]

    assert any(item.closed_basis is not None for item in items)
    assert any(a.substitute_for is not None for a in attendance)


def test_everything_is_clearly_synthetic() -> None:
    """Participants are "Syntetisk ..."; persons are role placeholders, never names."""
    register = national(SMALL)

    assert all(p.name.get("nb").startswith("Syntetisk ") for p in register.participants)
    assert all(p.placeholder and "Syntetisk " in p.name for p in register.persons)
    assert all(o.orgnr is not None and o.orgnr.startswith("1") for o in register.organisations)


@pytest.mark.parametrize("scale", [0, -1, float("nan"), float("inf"), True, "1"])
def test_a_bad_scale_is_refused(scale: object) -> None:
    """A scale that is not a positive finite number is a clear error."""
    with pytest.raises(ValueError, match="scale must be a positive number"):
        national(scale)  # type: ignore[arg-type]


def test_national_returns_a_register() -> None:
    """The result is a Register (and the same object while cached)."""
    register = national(SMALL)

    assert isinstance(register, Register)
    assert national(SMALL) is register
