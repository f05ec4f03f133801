# SPDX-License-Identifier: MIT
"""kill -9 in the middle of an export leaves the previous file as it was (issue 14)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from iprmodel.testing import synthetic

_EXPORT = (sys.executable, "-m", "iprmodel", "export")
_PYTHONPATH = {key: os.environ[key] for key in ("PYTHONPATH",) if key in os.environ}


@pytest.mark.slow
def test_kill_during_a_national_export_keeps_the_old_file(tmp_path: Path) -> None:
    """The national register (75 MB of JSON) is exported over an older file and killed
    the moment its bytes start going to disk: the old file is byte-identical."""
    source = tmp_path / "national.json"
    source.write_bytes(synthetic.national_bytes())
    out = tmp_path / "out"
    out.mkdir()
    target = out / "national.json"
    old = b'{"format": 1}\n'
    target.write_bytes(old)

    process = subprocess.Popen(
        [*_EXPORT, str(source), "--format", "json", "-o", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={"PATH": "/usr/bin:/bin", **_PYTHONPATH},
    )
    deadline = time.monotonic() + 120
    try:
        # Midway: the temporary file exists, so writing has begun and not finished.
        while not any(name.endswith(".tmp") for name in os.listdir(out)):
            assert process.poll() is None, "the export ended before it was caught writing"
            assert time.monotonic() < deadline, "the export never started writing"
            time.sleep(0.001)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)

    assert process.returncode == -signal.SIGKILL
    assert target.read_bytes() == old
    leftovers = sorted(name for name in os.listdir(out) if name != "national.json")
    assert all(name.startswith(".national.json.") for name in leftovers), leftovers

    # The next export replaces the file and clears what the killed one left behind.
    status = subprocess.run(
        [*_EXPORT, str(source), "--format", "json", "-o", str(target)],
        capture_output=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", **_PYTHONPATH},
    ).returncode
    assert status == 0
    assert target.stat().st_size > 10_000_000
    assert os.listdir(out) == ["national.json"]
