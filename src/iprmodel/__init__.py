# SPDX-License-Identifier: MIT
"""iprmodel: Norway's inter-municipal political councils (kommuneloven kapittel 18) as data.

>>> from iprmodel import examples
>>> register = examples.load("hallingdal")
>>> register.councils[0].id
'hallingdal'
"""

from __future__ import annotations

from typing import Any

from iprmodel.errors import IprModelError, LoadError, Problem, UnknownExporterError
from iprmodel.model import Council, LocalizedText, Register
from iprmodel.serialization import dumps, loads, structure, unstructure

__all__ = [
    "Council",
    "IprModelError",
    "LoadError",
    "LocalizedText",
    "Problem",
    "Register",
    "UnknownExporterError",
    "__version__",
    "dumps",
    "loads",
    "structure",
    "unstructure",
]


def __getattr__(name: str) -> Any:
    # The version comes from the installed metadata, read only when asked for.
    if name == "__version__":
        from importlib.metadata import version

        return version("iprmodel")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
