# SPDX-License-Identifier: MIT
"""The kommuneloven checks on the national register, against a full walk of the same data.

* ``rules.check``: :func:`iprmodel.rules.law.check` (every legal and consistency check,
  every recorded vote evaluated) against the floor
  :func:`iprmodel.serialization.unstructure` of the same register: one full walk over
  every object, which any check has to do at least once. The ratio says how much more
  than "look at everything once" the checks cost; growth across scales shows that no
  check is quadratic (the overlapping-meetings check sorts per person; every lookup is
  indexed by id once per council).
"""

from __future__ import annotations

from harness import Case

from iprmodel import serialization
from iprmodel.rules import law
from iprmodel.testing.synthetic import national


def cases(scale: float, quick: bool) -> list[Case]:
    """The ``rules.check`` case at ``scale`` (``quick`` changes nothing here)."""
    register = national(scale)
    return [
        Case(
            name="rules.check",
            run=lambda: law.check(register),
            baseline="serialization.unstructure",
            baseline_run=lambda: serialization.unstructure(register),
        )
    ]
