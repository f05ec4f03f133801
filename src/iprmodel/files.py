# SPDX-License-Identifier: MIT
"""Writing output files so that a crash never destroys the previous one.

Every file iprmodel writes (exports, published feeds, the schema) goes through
:func:`write_atomic`: the bytes go to a temporary file in the same folder, are flushed
to disk, and the temporary file is renamed over the target. After ``kill -9``, Ctrl-C
or a full disk the old file is intact and no partial file is left behind (a killed
writer's hidden temporary file is removed by the next write of the same file). A pipe or
a device (``/dev/null``, ``/dev/stdout``, a FIFO) is written into instead: renaming
over it would put a regular file in its place.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> write_atomic(folder / "a.ics", b"BEGIN:VCALENDAR")
True
>>> write_atomic(folder / "a.ics", b"BEGIN:VCALENDAR", skip_unchanged=True)
False
>>> sorted(p.name for p in folder.iterdir())
['a.ics']
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def _umask() -> int:
    # os.umask can only be read by setting it; set it back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes, *, skip_unchanged: bool = False) -> bool:
    """Write ``data`` to ``path`` atomically; return whether the file was written.

    With ``skip_unchanged`` an existing file with the same bytes is left alone (its
    modification time too, so web servers' ``ETag``/``Last-Modified`` stay valid) and
    ``False`` is returned. The new file gets the permissions a plain ``open()`` would
    give (``0o666`` less the umask), not the private ``0o600`` of a temporary file.

    Raises:
        OSError: the folder is missing or not writable, the disk is full, ``path`` is
            a folder or a loop of symbolic links; the error's ``filename`` is ``path``
            and the previous file is unchanged.
    """
    mode = _mode(path)
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        _write_into(path, data)
        return True
    if skip_unchanged:
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
                return False
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp"
        )
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise type(error)(error.errno, error.strerror, str(path)) from error
        raise
    _remove_orphans(path)
    # The rename is durable only once the folder's entry is on disk (POSIX).
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    return True


def _mode(path: Path) -> int | None:
    """The file type and mode of what ``path`` names (links followed); ``None``: nothing."""
    try:
        return os.stat(path).st_mode
    except FileNotFoundError:
        return None  # a dangling link too: the rename puts the file in its place
    except OSError as error:  # a loop of links, a file where a folder belongs
        raise OSError(error.errno, error.strerror, str(path)) from error


def _write_into(path: Path, data: bytes) -> None:
    # Nothing on disk can be left half-written here: the bytes go to a reader or nowhere.
    try:
        with open(path, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise type(error)(error.errno, error.strerror, str(path)) from error


def _remove_orphans(path: Path) -> None:
    """Remove the temporary files of writers of ``path`` that were killed (``kill -9``).

    A temporary file is named ``.NAME.PID.XXXX.tmp``; one whose process no longer
    exists can never be renamed into place. A live writer's file is left alone.
    """
    prefix = f".{path.name}."
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(".tmp")):
                continue
            pid = name[len(prefix) :].split(".", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True
