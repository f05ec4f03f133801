# SPDX-License-Identifier: MIT
"""Output files are replaced atomically: a failed write leaves the old file and no debris."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from iprmodel import files


def test_replaces_and_keeps_public_permissions(tmp_path: Path) -> None:
    target = tmp_path / "feed.ics"
    target.write_bytes(b"old")
    assert files.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["feed.ics"]


def test_unchanged_bytes_leave_the_file_and_its_mtime(tmp_path: Path) -> None:
    target = tmp_path / "feed.ics"
    files.write_atomic(target, b"same")
    os.utime(target, (1_000_000, 1_000_000))
    assert not files.write_atomic(target, b"same", skip_unchanged=True)
    assert target.stat().st_mtime == 1_000_000
    assert files.write_atomic(target, b"other", skip_unchanged=True)


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "register.json"
    target.write_bytes(b"previous")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match=r"register\.json") as caught:
        files.write_atomic(target, b"x" * 10_000)
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["register.json"]


def test_missing_folder_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as caught:
        files.write_atomic(tmp_path / "nowhere" / "a.json", b"{}")
    assert caught.value.filename == str(tmp_path / "nowhere" / "a.json")


def test_a_killed_writers_temporary_file_is_removed_by_the_next_write(tmp_path: Path) -> None:
    """kill -9 leaves .NAME.PID.XXXX.tmp behind; the next write clears it, not a live one's."""
    target = tmp_path / "feed.ics"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    orphan = tmp_path / f".feed.ics.{dead}.abc123.tmp"
    orphan.write_bytes(b"half a feed")
    live = tmp_path / f".feed.ics.{os.getppid()}.def456.tmp"
    live.write_bytes(b"someone is writing")
    other = tmp_path / f".other.ics.{dead}.abc123.tmp"
    other.write_bytes(b"another file's")

    files.write_atomic(target, b"BEGIN:VCALENDAR")

    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["feed.ics", live.name, other.name])
