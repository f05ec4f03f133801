# SPDX-License-Identifier: MIT
"""Root pytest configuration: Hypothesis profiles for every test (core and plugins).

``default`` for local runs, ``ci`` (more examples, derandomized so a CI run is
reproducible) and ``fast`` (few examples, for a quick edit-test loop). Pick one with
``HYPOTHESIS_PROFILE=ci`` or ``FAST=1``; with ``CI=true`` the default is ``ci``. No deadline: generated registers vary in
size and CI machines in speed, so timing would make tests flaky.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

from iprmodel.testing import in_ci

# Sphinx's configuration is not a test module.
collect_ignore = ["docs/conf.py"]

_COMMON = {
    "deadline": None,
    # Registers are deliberately rich objects; generating them is slow by design.
    "suppress_health_check": (HealthCheck.too_slow, HealthCheck.data_too_large),
}

settings.register_profile("default", max_examples=25, **_COMMON)
settings.register_profile("ci", max_examples=40, derandomize=True, print_blob=True, **_COMMON)
settings.register_profile("fast", max_examples=8, **_COMMON)

if os.environ.get("FAST") == "1":
    settings.load_profile("fast")
else:
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if in_ci() else "default"))
