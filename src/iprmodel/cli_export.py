# SPDX-License-Identifier: MIT
"""``iprmodel export``: write a register in one or more formats.

::

    iprmodel export SOURCE --format NAME[,NAME…] -o PATH [--scope KIND:ID]
        [--document KIND] [--template FILE] [--option KEY=VALUE]…

Every format runs before anything is written, so a format that cannot run stops the
command with no file changed; files are written atomically. ``-o DIR/`` gives each
format its file (or, for a format of many files, its folder ``DIR/<source>-<format>/``,
from which files of that format the run did not write are removed, so a message no
longer in the register is not sent again).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from iprmodel.cli_common import (
    EXIT_OK,
    _check_folder,
    _Failure,
    _load,
    _say,
    _Translate,
    input_help,
    source_help,
)
from iprmodel.model.text import Locale

__all__ = ["add_parser", "run"]


def add_parser(commands: Any, common: argparse.ArgumentParser, _: _Translate) -> None:
    """Add ``export`` to the subcommands."""
    export = commands.add_parser("export", parents=[common], help=_("write a register as a file"))
    export.add_argument("source", metavar="SOURCE", help=source_help(_))
    export.add_argument("--input-format", choices=("json", "toml"), help=input_help(_))
    export.add_argument(
        "--format",
        dest="formats",
        required=True,
        metavar="NAME",
        help=_("export format (see 'iprmodel formats'); several separated by commas"),
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PATH",
        help=_("file to write, '-' for standard output, or a folder ending in '/'"),
    )
    export.add_argument(
        "--scope",
        help=_(
            "what to include: council:ID, body:ID, participant:ID, person:ID, or for"
            " documents agreement:ID, plan:ID, meeting:ID"
        ),
    )
    export.add_argument("--document", help=_("document kind, for formats that make several"))
    export.add_argument("--template", type=Path, help=_("a letterhead file to use as template"))
    export.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=_("a further setting for the exporter; may be repeated"),
    )


def _options(pairs: Sequence[str], _: _Translate) -> dict[str, str]:
    options: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise _Failure(_("--option takes KEY=VALUE, got {value}").format(value=repr(pair)))
        options[key.strip()] = value
    return options


def _format_names(text: str, _: _Translate) -> list[str]:
    names = [name.strip() for name in text.split(",")]
    if not any(names):
        raise _Failure(_("--format needs a format name; see 'iprmodel formats'"))
    if not all(names):
        raise _Failure(_say(_("--format has an empty name: {value}"), value=repr(text)))
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise _Failure(_say(_("--format names {name} twice"), name=twice[0]))
    return names


def _output_names(
    stem: str, names: Sequence[str], exporters: Sequence[Any], documents: Sequence[str | None]
) -> list[str]:
    """File names in an output folder: two formats with the same suffix never collide.

    ``json`` and ``popolo`` both write ``.json``: then each name carries its format
    (``hallingdal-json.json``, ``hallingdal-popolo.json``); a lone format keeps the
    plain name.
    """
    plain = [
        f"{stem}{f'-{document}' if document else ''}{exporter.suffix}"
        for exporter, document in zip(exporters, documents, strict=True)
    ]
    return [
        file
        if plain.count(file) == 1
        else f"{file.removesuffix(exporter.suffix)}-{name}{exporter.suffix}"
        for file, name, exporter in zip(plain, names, exporters, strict=True)
    ]


def _target(path: Path) -> Path:
    # Decided: -o through a symlink writes the file the link points to, atomically
    # (the link stays a link); replacing the link itself would surprise whoever made it.
    # A link to a pipe or device (/dev/stdout) is written through, as it has no file name.
    if not path.is_symlink() or (path.exists() and not path.is_file()):
        return path
    return Path(os.path.realpath(path))


def run(args: argparse.Namespace, locale: Locale, out: TextIO, _: _Translate) -> int:
    from iprmodel.exporters import ExportRequest, ExportWarning, Registry, write_warnings
    from iprmodel.files import write_atomic

    if not args.output:
        raise _Failure(_("-o needs a file, a folder ending in '/', or - for standard output"))
    names = _format_names(args.formats, _)
    registry = Registry()
    exporters = [registry.load(name) for name in names]
    register = _load(args.source, _, args.input_format)
    if args.template is not None and not args.template.is_file():
        raise _Failure(_say(_("{path}: no such file"), path=args.template))
    options = _options(args.option, _)
    # A mistyped option must not pass silently: every key needs a format that reads it.
    known = {k for e in exporters for k in getattr(e, "options", ())}
    for key in sorted(options):
        if key not in known:
            raise _Failure(
                _say(
                    _("no chosen format reads the option {key}; options: {known}"),
                    key=repr(key),
                    known=", ".join(sorted(known)) or "-",
                )
            )
    # A document kind goes only to the exporters that make that kind (docx's agreement,
    # json's schema), so one command can export a calendar, an agreement and the data.
    takers = [e for e in exporters if args.document in getattr(e, "documents", ())]
    if args.document is not None and not takers:
        kinds = sorted({k for e in exporters for k in getattr(e, "documents", ())})
        raise _Failure(
            _say(
                _("no chosen format makes the document {document}; document kinds: {kinds}"),
                document=repr(args.document),
                kinds=", ".join(kinds) or "-",
            )
        )
    target = args.output
    is_folder = target.endswith(("/", os.sep)) or Path(target).is_dir()
    if is_folder:
        _check_folder(target, _)
    if len(exporters) > 1 and not is_folder:
        raise _Failure(_("several formats need a folder as output, e.g. -o out/"))
    if target != "-" and not is_folder and not Path(target).parent.is_dir():
        # A mistyped path must not quietly create folders.
        raise _Failure(_say(_("{path}: no such folder"), path=Path(target).parent))
    stem = args.source.removeprefix("example:")
    stem = Path(stem).stem if not args.source.startswith("example:") else stem
    stem = "register" if stem in ("-", "") else stem
    documents = [args.document if exporter in takers else None for exporter in exporters]
    # Every format runs before anything is written: one that cannot run with these
    # options stops the command with no file changed.
    warnings: list[ExportWarning] = []
    outputs: list[bytes | dict[str, bytes]] = []
    for exporter, document in zip(exporters, documents, strict=True):
        request = ExportRequest(
            locale=args.locale,
            scope=args.scope,
            document=document,
            template=args.template,
            options=options,
            on_warning=warnings.append,
        )
        files = getattr(exporter, "files", None)
        if is_folder and files is not None and document is None:
            # A format of many files (messages; every Word document when none is named).
            outputs.append(files(register, request))
        else:
            outputs.append(exporter.export(register, request))
    write_warnings(warnings, locale, sys.stderr)
    if target == "-":
        assert isinstance(outputs[0], bytes)  # many files go only into a folder
        sys.stdout.flush()
        sys.stdout.buffer.write(outputs[0])
        return EXIT_OK
    paths = [Path(target)]
    if is_folder:
        Path(target).mkdir(parents=True, exist_ok=True)
        paths = [Path(target) / name for name in _output_names(stem, names, exporters, documents)]
    for path, name, exporter, output in zip(paths, names, exporters, outputs, strict=True):
        if isinstance(output, dict):
            # A format of many files (one per message) gets a folder of its own, holding
            # this run's files only: a message no longer in the register must not be sent.
            folder = Path(target) / f"{stem}-{name}"
            if output:
                folder.mkdir(parents=True, exist_ok=True)
            for file_name, data in output.items():
                write_atomic(_target(folder / file_name), data)
            for old in sorted(folder.glob(f"*{exporter.suffix}")) if folder.is_dir() else ():
                if old.name not in output and old.is_file():
                    old.unlink()
            if not output:
                # Nothing the format carries (councils in outline only): said, no folder.
                out.write(
                    _say(_("{format}: nothing to write; no file written"), format=name) + "\n"
                )
                continue
            out.write(_say(_("wrote {path}"), path=folder) + "\n")
            continue
        written = _target(path)
        write_atomic(written, output)
        # Into a pipe or device (-o /dev/stdout) the bytes are the output: a "wrote" line
        # would land in the same stream as the data.
        if written.is_file():
            out.write(_say(_("wrote {path}"), path=path) + "\n")
    return EXIT_OK
