# SPDX-License-Identifier: MIT
"""Meeting plans (møteplanar): a year's meetings for a body, around holidays and clashes.

No RFC 5545 here; the ``ics`` exporter plugin turns meetings into calendar feeds.

>>> from iprmodel.schedule import PlanOptions
>>> PlanOptions().weekday  # Thursday
3
"""

from __future__ import annotations

from iprmodel.schedule.planning import (
    DOMAIN,
    CountPolicy,
    MeetingPlan,
    Period,
    PlanningError,
    PlanOptions,
    SkippedDate,
    SkipReason,
    default_blackouts,
    easter_sunday,
    format_plan,
    plan_year,
)

__all__ = [
    "DOMAIN",
    "CountPolicy",
    "MeetingPlan",
    "Period",
    "PlanOptions",
    "PlanningError",
    "SkipReason",
    "SkippedDate",
    "default_blackouts",
    "easter_sunday",
    "format_plan",
    "plan_year",
]
