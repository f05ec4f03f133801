# SPDX-License-Identifier: MIT
"""Opening templates and writing the package: fixed zip times and a stable entry order.

python-docx stamps every zip entry with the current time; the same document must give
the same bytes, so the parts are written here directly (and compressed only once).

>>> normalise_zip(_zip({"b": b"2", "[Content_Types].xml": b"1"}))[:2]
b'PK'
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any, Final

import docx
from docx.opc.pkgwriter import _ContentTypesItem  # one compression pass, fixed times

from iprmodel_docx.words import DocxExportError

__all__ = ["APP_XML", "normalise_zip", "open_document", "package_bytes"]

_FIXED_ZIP_TIME: Final = (1980, 1, 1, 0, 0, 0)

#: The extended properties every document gets (the default template's name
#: "Microsoft Macintosh Word" does not describe our document).
APP_XML: Final = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>iprmodel</Application><DocSecurity>0</DocSecurity></Properties>"
)


def package_bytes(document: Any) -> bytes:
    """Write a python-docx document as a zip with fixed timestamps and a stable order."""
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    entries = {
        "[Content_Types].xml": _ContentTypesItem.from_parts(parts).blob,  # type: ignore[no-untyped-call]
        "_rels/.rels": package.rels.xml,
    }
    for part in parts:
        entries[part.partname.membername] = part.blob
        if len(part.rels):
            entries[part.partname.rels_uri.membername] = part.rels.xml
    return _zip(entries)


def _zip(entries: dict[str, bytes]) -> bytes:
    first = [n for n in entries if n == "[Content_Types].xml"]
    ordered = first + sorted(n for n in entries if n != "[Content_Types].xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, entries[name])
    return out.getvalue()


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and a stable entry order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return _zip({name: source.read(name) for name in source.namelist()})


#: The most a template may unpack to: Word's own templates are well under 1 MB, and a
#: small file that unpacks to gigabytes (a zip bomb) would exhaust memory.
MAX_TEMPLATE_BYTES: Final = 64 * 1024 * 1024


def _check_unpacked_size(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as package:
            unpacked = sum(entry.file_size for entry in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: python-docx says so below, in the usual words
    # zipfile never gives more than an entry's stated size, so the sum bounds memory.
    if unpacked > MAX_TEMPLATE_BYTES:
        raise DocxExportError(
            "the template {template} unpacks to {size} MB, more than the {limit} MB a Word "
            "template may have",
            template=str(path),
            size=unpacked // (1024 * 1024),
            limit=MAX_TEMPLATE_BYTES // (1024 * 1024),
        )


def open_document(template: Path | None) -> Any:
    """python-docx's default template, or the user's ``template`` (with a clear error)."""
    if template is None:
        return docx.Document()
    path = Path(template)
    if not path.is_file():
        raise DocxExportError("the template {template} does not exist", template=str(path))
    _check_unpacked_size(path)
    try:
        return docx.Document(str(path))
    except Exception as error:  # python-docx raises several unrelated types for bad files
        raise DocxExportError(
            "the template {template} is not a Word document (.docx): {reason}",
            template=str(path),
            reason=f"{type(error).__name__}: {error}",
        ) from error
