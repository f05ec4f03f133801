# SPDX-License-Identifier: MIT
"""iprmodel-json: canonical JSON with its JSON Schema, and a Popolo export.

Two exporters, found through the ``iprmodel.exporters`` entry-point group:

* ``json`` (:class:`JsonExporter`): the canonical document that
  :func:`iprmodel.serialization.loads` reads back byte for byte, or, with
  ``document="schema"``, its JSON Schema (draft 2020-12), generated from the model
  (:mod:`iprmodel_json.schema`);
* ``popolo`` (:class:`PopoloExporter`): Popolo JSON for civic-tech tools
  (:mod:`iprmodel_json.popolo`).

>>> from iprmodel.exporters import ExportRequest
>>> from iprmodel.model import Register
>>> JsonExporter().export(Register(), ExportRequest())
b'{\\n  "format": 1\\n}\\n'
"""

from __future__ import annotations

from iprmodel_json.canonical import JsonExporter
from iprmodel_json.popolo import PopoloExporter
from iprmodel_json.schema import build_schema, load_schema

__all__ = ["JsonExporter", "PopoloExporter", "build_schema", "load_schema"]
