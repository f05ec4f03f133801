# SPDX-License-Identifier: MIT
"""The register: the root document holding participants, persons and councils.

One register may hold many councils (Jevnaker sits in two), so participants and
persons live at the top and councils refer to them by id.

>>> Register().councils
()
"""

from __future__ import annotations

from typing import Final

import attrs

from iprmodel.model._fields import unique_tuple
from iprmodel.model.council import Council
from iprmodel.model.participants import Participant
from iprmodel.model.persons import Organisation, Person

#: The current version of the data format (the ``format`` key of a serialized register).
FORMAT_VERSION: Final = 1


@attrs.frozen(kw_only=True)
class Register:
    """Participants, other organisations, persons and councils."""

    participants: tuple[Participant, ...] = unique_tuple()
    organisations: tuple[Organisation, ...] = unique_tuple()
    persons: tuple[Person, ...] = unique_tuple()
    councils: tuple[Council, ...] = unique_tuple()

    def council(self, council_id: str) -> Council | None:
        """The council with ``council_id``, or ``None``."""
        return next((c for c in self.councils if c.id == council_id), None)

    def participant(self, participant_id: str) -> Participant | None:
        """The participant with ``participant_id``, or ``None``."""
        return next((p for p in self.participants if p.id == participant_id), None)

    def person(self, person_id: str) -> Person | None:
        """The person with ``person_id``, or ``None``."""
        return next((p for p in self.persons if p.id == person_id), None)
