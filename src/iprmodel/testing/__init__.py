# SPDX-License-Identifier: MIT
"""The public test kit: hypothesis strategies, a synthetic national dataset and the
:class:`~iprmodel.testing.contract.ExporterContract` every plugin's tests subclass.

Needs the ``testing`` extra (``pip install "iprmodel[testing]"``); never imported by
:mod:`iprmodel` itself.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable

import attrs
import pytest

from iprmodel.model import AgendaItem, Register

__all__ = ["in_ci", "require_tool", "with_exemption", "with_items"]


def in_ci() -> bool:
    """Whether the tests run in CI (``CI=true``), where no external tool may be missing."""
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_tool(name: str, why: str = "") -> str:
    """The path of program ``name``; skip the test when it is missing, fail in CI.

    A test that needs LibreOffice, node or libical may skip on a laptop, but CI
    installs them, so a missing tool there is a failure, not a silent skip.
    """
    path = shutil.which(name)
    if path is None:
        reason = f"{name} is not installed" + (f" ({why})" if why else "")
        if in_ci():
            pytest.fail(f"{reason}; CI must install it (see .ci/run)")
        pytest.skip(reason)
    return path


def with_items(register: Register, change: Callable[[AgendaItem], AgendaItem]) -> Register:
    """``register`` with ``change`` made to every agenda item of every meeting.

    >>> from iprmodel import examples
    >>> register = with_items(examples.load("hallingdal"),
    ...     lambda item: attrs.evolve(item, url=None))
    >>> any(i.url for c in register.councils for m in c.meetings for i in m.agenda)
    False
    """
    councils = tuple(
        attrs.evolve(
            council,
            meetings=tuple(
                attrs.evolve(meeting, agenda=tuple(change(item) for item in meeting.agenda))
                for meeting in council.meetings
            ),
        )
        for council in register.councils
    )
    return attrs.evolve(register, councils=councils)


def with_exemption(register: Register, exemption: str) -> Register:
    """``register`` with the offentleglova ``exemption`` on every closed agenda item.

    >>> from iprmodel import examples
    >>> register = with_exemption(examples.load("hallingdal"), "offl. § 25")
    >>> {i.exemption for c in register.councils for m in c.meetings for i in m.agenda
    ...  if i.closed_basis}
    {'offl. § 25'}
    """
    return with_items(
        register,
        lambda item: attrs.evolve(item, exemption=exemption) if item.closed_basis else item,
    )
