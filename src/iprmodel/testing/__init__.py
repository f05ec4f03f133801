# SPDX-License-Identifier: MIT
"""The public test kit: hypothesis strategies, a synthetic national dataset and the
:class:`~iprmodel.testing.contract.ExporterContract` every plugin's tests subclass.

Needs the ``testing`` extra (``pip install "iprmodel[testing]"``); never imported by
:mod:`iprmodel` itself.
"""

from __future__ import annotations

import os
import shutil

import pytest

__all__ = ["in_ci", "require_tool"]


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
