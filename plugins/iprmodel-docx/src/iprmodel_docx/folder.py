# SPDX-License-Identifier: MIT
"""A folder of Word documents: every document a register has (``-o DIR/`` without
``--document``), each kind it has nothing for named in a warning with the reason.

>>> from collections.abc import Callable

from iprmodel.exporters import ExportRequest, ExportWarning
>>> from iprmodel.model import Council, LocalizedText, Register
>>> register = Register(councils=(Council(id="demo",
...     formal_name=LocalizedText(nb="Demo interkommunalt politisk råd")),))
>>> sorted(folder(register, ExportRequest()))
['agreement.docx']
"""

from __future__ import annotations

from collections.abc import Callable

from attrs import evolve

from iprmodel.exporters import ExportRequest, ExportWarning
from iprmodel.model import Register
from iprmodel_docx.record import scoped_record
from iprmodel_docx.words import CouncilWarning, DocxExportError, DocxExportWarning, NotWritten

__all__ = ["folder"]


def folder(register: Register, request: ExportRequest) -> dict[str, bytes]:
    """Every document of ``register`` by file name (see :meth:`DocxExporter.files`)."""
    # Imported here: the package's render() imports this module.
    from iprmodel_docx import DOCUMENT_KINDS, render

    if request.document is not None:
        return {f"{request.document}.docx": render(register, request).finish()}
    drafted = [c.id for c in register.councils if not c.outline]
    written: dict[str, bytes] = {}
    refused: dict[str, tuple[list[str], DocxExportError]] = {}
    record = scoped_record(register, request.scope)
    if request.scope is None and len(drafted) > 1:
        # Several councils: each one's documents as <council>.<kind>.docx.
        for ident in drafted:
            scoped = evolve(request, scope=f"council:{ident}", on_warning=_named(request, ident))
            own = folder(register, scoped)
            written.update({f"{ident}.{name}": data for name, data in own.items()})
    else:
        for kind in DOCUMENT_KINDS:
            if kind == "agreement" and record is not None:
                continue  # a record of the register's own, written by id below
            try:
                written[f"{kind}.docx"] = render(register, evolve(request, document=kind)).finish()
            except DocxExportError as error:
                refused.setdefault(error.message(), ([], error))[0].append(kind)
    # The register's own agreements, each a record named by its id.
    records = register.agreements if request.scope is None else (record,) if record else ()
    for agreement in records:
        scoped = evolve(request, document="agreement", scope=f"agreement:{agreement.id}")
        written[f"agreement-{agreement.id}.docx"] = render(register, scoped).finish()
    if not written:
        raise next(iter(refused.values()))[1]
    for kinds, reason in refused.values():
        request.warn(NotWritten(", ".join(kinds), reason))
    return written


def _named(request: ExportRequest, council: str) -> Callable[[ExportWarning], None]:
    # Each council's warnings say whose they are.
    def warn(warning: ExportWarning) -> None:
        if isinstance(warning, DocxExportWarning):
            warning = CouncilWarning(council, warning)
        request.warn(warning)

    return warn
