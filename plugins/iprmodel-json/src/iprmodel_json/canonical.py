# SPDX-License-Identifier: MIT
"""The ``json`` exporter: the canonical document, or its JSON Schema.

The bytes are :func:`iprmodel.serialization.dumps`: keys sorted, the ``format``
version tag, two-space indentation (option ``compact`` for none), UTF-8 and a final
newline, so loading a file and writing it again gives the same bytes.

>>> from iprmodel.exporters import ExportRequest
>>> from iprmodel.model import LocalizedText, Municipality, Register
>>> register = Register(participants=(Municipality(id="gol", name=LocalizedText(nn="Gol")),))
>>> print(JsonExporter().export(register, ExportRequest(options={"compact": "yes"})).decode())
{"format":1,"participants":[{"id":"gol","kind":"municipality","name":{"nn":"Gol"}}]}
<BLANKLINE>
>>> JsonExporter().export(register, ExportRequest(document="schema")).startswith(b"{")
True
"""

from __future__ import annotations

from typing import Final

import attrs

from iprmodel.errors import ExportError
from iprmodel.exporters import ExportRequest
from iprmodel.model import Register
from iprmodel.serialization import dumps
from iprmodel_json.l10n import DOMAIN, LOCALEDIR
from iprmodel_json.schema import shipped_bytes

__all__ = ["DOCUMENTS", "JsonExportError", "JsonExporter", "narrow"]

#: The documents the ``json`` exporter makes: the register (default) or its schema.
DOCUMENTS: Final = ("register", "schema")


class JsonExportError(ExportError):
    """An export of this plugin failed; the message template is in its own catalog.

    >>> error = JsonExportError("unanimity")
    >>> error.message(lambda template: template.upper())
    'UNANIMITY'
    """

    domain = DOMAIN
    localedir = LOCALEDIR


def narrow(register: Register, request: ExportRequest, exporter: str) -> Register:
    """The register cut to ``request.scope``: ``None`` or ``council:ID``.

    Participants, organisations and persons stay whole, so every reference the kept
    councils make still resolves. Any other scope is a :class:`JsonExportError`
    naming the scopes this exporter takes.
    """
    scope = request.scope
    if scope is None:
        return register
    kind, _, ident = scope.partition(":")
    if kind == "council":
        council = register.council(ident)
        if council is None:
            known = ", ".join(c.id for c in register.councils) or "-"
            raise JsonExportError(
                "no council has the id {id}; the data has: {known}",
                id=repr(ident),
                known=known,
            )
        return attrs.evolve(register, councils=(council,))
    raise JsonExportError(
        "the {exporter} export cannot be narrowed to {scope}; use council:ID or no scope",
        exporter=exporter,
        scope=repr(scope),
    )


@attrs.frozen(kw_only=True)
class JsonExporter:
    """Canonical JSON (``.json``): what :func:`iprmodel.serialization.loads` reads back.

    Options: ``compact`` (no indentation). ``document="schema"`` returns the JSON
    Schema (draft 2020-12) of the format instead; ``iprmodel schema`` prints it.
    """

    name: str = "json"
    suffix: str = ".json"
    media_type: str = "application/json"
    #: The document kinds ``--document`` may ask for.
    documents: tuple[str, ...] = DOCUMENTS
    #: The ``--option`` keys it reads: compact (yes/no).
    options: tuple[str, ...] = ("compact",)

    def export(self, register: Register, request: ExportRequest) -> bytes:
        """The canonical bytes of ``register`` (or the schema), per ``request``."""
        document = request.document or "register"
        if document == "schema":
            return shipped_bytes()
        if document != "register":
            raise JsonExportError(
                "the {exporter} export has no document {document}; it makes: {documents}",
                exporter=self.name,
                document=repr(document),
                documents=", ".join(DOCUMENTS),
            )
        return dumps(narrow(register, request, self.name), indent=not request.flag("compact"))
