# SPDX-License-Identifier: MIT
"""The register: the root document holding participants, persons and councils.

One register may hold many councils (Jevnaker sits in two), so participants and
persons live at the top and councils refer to them by id. Agreements, plans, projects
and events that belong to no one council (a county's decisions about all the councils
it works with, a state agreement with a few municipalities) live at the top too.

>>> Register().councils
()
"""

from __future__ import annotations

from typing import Final

import attrs

from iprmodel.model._fields import tuple_field, unique_tuple
from iprmodel.model.agreements import Agreement
from iprmodel.model.council import Council, HistoryEvent
from iprmodel.model.money import Project
from iprmodel.model.participants import Participant
from iprmodel.model.persons import Organisation, Person
from iprmodel.model.plans import StrategicPlan

#: The current version of the data format (the ``format`` key of a serialized register).
FORMAT_VERSION: Final = 1


@attrs.frozen(kw_only=True)
class Register:
    """Participants, other organisations, persons, councils, and what lies outside a council."""

    participants: tuple[Participant, ...] = unique_tuple()
    organisations: tuple[Organisation, ...] = unique_tuple()
    persons: tuple[Person, ...] = unique_tuple()
    councils: tuple[Council, ...] = unique_tuple()
    #: Agreements of no one council: a county's agreements with the councils, a
    #: bygdevekstavtale between the state and some municipalities.
    agreements: tuple[Agreement, ...] = unique_tuple()
    #: Regional plans and strategies of a county, not of a council.
    strategic_plans: tuple[StrategicPlan, ...] = unique_tuple()
    #: Projects of no one council (a pilot owned by some municipalities).
    projects: tuple[Project, ...] = unique_tuple()
    #: Decisions and events outside any one council (a county's tender, a fylkesting decision).
    history: tuple[HistoryEvent, ...] = tuple_field()

    def council(self, council_id: str) -> Council | None:
        """The council with ``council_id``, or ``None``."""
        return next((c for c in self.councils if c.id == council_id), None)

    def participant(self, participant_id: str) -> Participant | None:
        """The participant with ``participant_id``, or ``None``."""
        return next((p for p in self.participants if p.id == participant_id), None)

    def person(self, person_id: str) -> Person | None:
        """The person with ``person_id``, or ``None``."""
        return next((p for p in self.persons if p.id == person_id), None)
