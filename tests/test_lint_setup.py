# SPDX-License-Identifier: MIT
"""The README's lint line works after its set-up command, and mypy covers the plugins."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_setup_command_installs_the_lint_tools() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/ruff check . && .venv/bin/mypy" in readme
    setup = re.search(r'pip install -e "\.\[(?P<extras>[^\]]+)\]"', readme)
    assert setup is not None
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    installed = {
        re.split(r"[<>=\[ ]", dep, maxsplit=1)[0]
        for extra in setup["extras"].split(",")
        for dep in extras[extra]
    }
    assert {"ruff", "mypy", "types-polib"} <= installed


def test_mypy_checks_every_plugin() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    plugins = {
        f"plugins/{p.name}/src" for p in (ROOT / "plugins").iterdir() if (p / "src").is_dir()
    }
    assert plugins <= set(config["files"])
