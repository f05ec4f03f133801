# SPDX-License-Identifier: MIT
"""The documentation builds with warnings as errors (examples in it run as doctests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_docs_build_without_warnings(tmp_path: Path) -> None:
    """sphinx-build -W succeeds: no broken references, no missing pages."""
    pytest.importorskip("sphinx")
    pytest.importorskip("myst_parser")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "-T",
            "-q",
            "-b",
            "html",
            str(ROOT / "docs"),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "html" / "glossary.html").is_file()


def test_every_doc_page_is_in_a_toctree() -> None:
    """No page is orphaned: each Markdown page under docs/ is reachable from the index."""
    pages = {
        p.relative_to(ROOT / "docs").with_suffix("").as_posix()
        for p in (ROOT / "docs").rglob("*.md")
    }
    pages -= {"index"}
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    globbed = {"how-to", "reference", "explanation"}
    orphans = sorted(p for p in pages if p.split("/")[0] not in globbed and p not in index)
    assert orphans == []
