# SPDX-License-Identifier: MIT
r"""What the command line's commands share: exit statuses, the failure that stops a
command with a message, escaped messages, and reading a register from SOURCE.

>>> print(_say("wrote {path}", path="out/\x1b[31m.ics"))
wrote out/\u001b[31m.ics
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from iprmodel.errors import escape

if TYPE_CHECKING:
    from iprmodel.model import Register

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_UNUSABLE",
    "add_output_format",
    "input_help",
    "os_reason",
    "source_help",
]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNUSABLE = 2

_Translate = Callable[[str], str]


def os_reason(error: OSError, _: _Translate) -> str:
    """Why a file could not be read or written, in the user's language where we know
    the reason (the system's own words, in English, otherwise)."""
    reasons = {
        errno.ENOENT: _("there is no such file or folder"),
        errno.EEXIST: _("it exists already"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("permission denied"),
        errno.ENOSPC: _("the disk is full"),
        errno.EISDIR: _("it is a folder"),
        errno.ENOTDIR: _("a part of the path is not a folder"),
        errno.EROFS: _("the file system is read-only"),
        errno.ENAMETOOLONG: _("the name is too long"),
        errno.ELOOP: _("the symbolic links form a loop"),
    }
    return reasons.get(error.errno or 0) or error.strerror or str(error)


def source_help(_: _Translate) -> str:
    """The help of a SOURCE argument."""
    return _("a JSON or TOML file, example:NAME, or - for standard input")


def input_help(_: _Translate) -> str:
    """The help of ``--input-format``."""
    return _("read SOURCE as json or toml (default: by the file name; json for -)")


def add_output_format(parser: argparse.ArgumentParser, _: _Translate) -> None:
    """``--format text|json`` (``args.output_format``) of a command that reports."""
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json"),
        default="text",
        help=_("text for people, json for machines"),
    )


class _Failure(Exception):
    """Stops a command with a message and an exit status."""

    def __init__(self, message: str, status: int = EXIT_UNUSABLE) -> None:
        super().__init__(message)
        self.status = status


def _say(message: str, **params: object) -> str:
    """A translated message filled with ``params`` escaped: paths and names are input too."""
    return message.format(**{key: escape(str(value)) for key, value in params.items()})


def _check_folder(path: str, _: _Translate) -> None:
    """Stop when ``path`` names something other than a folder (a file, ``/dev/null``)."""
    name = path.rstrip("/" + os.sep) or path  # "file/" does not exist: "file" does
    if os.path.lexists(name) and not Path(name).is_dir():
        raise _Failure(_say(_("{path} is not a folder"), path=name))


def _load(source: str, _: _Translate, input_format: str | None = None) -> Register:
    from iprmodel import examples, serialization

    if source.startswith("example:"):
        name = source.removeprefix("example:")
        if name not in examples.names():
            raise _Failure(
                _say(
                    _("no example named {name}; choose one of: {names}"),
                    name=repr(name),
                    names=", ".join(examples.names()),
                )
            )
        return examples.load(name)
    if source == "-":
        content = serialization.read_limited(sys.stdin.buffer)
    else:
        path = Path(source)
        if path.is_dir():
            raise _Failure(_say(_("{path} is a folder, not a file"), path=source))
        if not path.exists():
            raise _Failure(_say(_("{path}: no such file"), path=source))
        # Not only regular files: a FIFO, /dev/stdin or /dev/null reads as any file.
        try:
            with path.open("rb") as stream:
                content = serialization.read_limited(stream)
        except OSError as error:
            raise _Failure(
                _say(
                    _("cannot write or read {path}: {reason}"),
                    path=source,
                    reason=os_reason(error, _),
                )
            ) from None
        if input_format is None and path.suffix.lower() == ".toml":
            input_format = "toml"
    if input_format == "toml":
        return serialization.loads_toml(content)
    return serialization.loads(content)
