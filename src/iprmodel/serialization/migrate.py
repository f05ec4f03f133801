# SPDX-License-Identifier: MIT
"""The ``format`` version tag: refuse newer versions, migrate older ones step by step."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from iprmodel.errors import FormatVersionError, Problem
from iprmodel.model.register import FORMAT_VERSION
from iprmodel.serialization.converter import Unreadable, _show

__all__ = ["MIGRATIONS"]

MIGRATIONS: Final[dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {}


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("format")
    if "format" not in data:
        raise FormatVersionError(
            (
                Problem(
                    path="format",
                    template=(
                        'missing: add the format version at the top: "format": {version}'
                        " in JSON, format = {version} in TOML"
                    ),
                    params=(("version", FORMAT_VERSION),),
                ),
            )
        )
    if isinstance(version, Unreadable):
        raise FormatVersionError(
            (
                Problem(
                    path="format", template=version.template, params=tuple(version.params.items())
                ),
            )
        )
    if type(version) is not int or version < 1:
        raise FormatVersionError(
            (
                Problem(
                    path="format",
                    template="expected a format version number such as {version}, got {got}",
                    params=(("version", FORMAT_VERSION), ("got", _show(version))),
                ),
            )
        )
    if version > FORMAT_VERSION:
        raise FormatVersionError(
            (
                Problem(
                    path="format",
                    template="the data is in format {got}, written by a newer iprmodel; this version reads formats 1 to {version}: upgrade iprmodel",
                    params=(("got", version), ("version", FORMAT_VERSION)),
                ),
            )
        )
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return {key: value for key, value in data.items() if key != "format"}
