# SPDX-License-Identifier: MIT
"""The plugin's gettext catalogs are complete, and the .mo files match the .po files."""

from __future__ import annotations

import gettext
import importlib.util
from pathlib import Path

import polib
import pytest
from iprmodel_docx.words import DOMAIN, LOCALEDIR

TOOLS = Path(__file__).resolve().parent.parent / "tools" / "extract.py"


def _msgids() -> list[str]:
    spec = importlib.util.spec_from_file_location("docx_extract", TOOLS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.msgids())


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_catalog_complete_and_compiled(locale: str, tmp_path: Path) -> None:
    """Every message the code uses is translated, and the committed .mo is current."""
    po_path = LOCALEDIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
    catalog = polib.pofile(str(po_path))
    translated = {entry.msgid: entry.msgstr for entry in catalog}
    missing = [m for m in _msgids() if not translated.get(m)]
    assert missing == []
    assert [e.msgid for e in catalog if not e.msgstr.strip()] == []
    fresh = tmp_path / "fresh.mo"
    catalog.save_as_mofile(str(fresh))
    with fresh.open("rb") as new, po_path.with_suffix(".mo").open("rb") as old:
        assert gettext.GNUTranslations(new)._catalog == gettext.GNUTranslations(old)._catalog  # type: ignore[attr-defined]


def test_placeholders_survive_translation() -> None:
    """A translation keeps exactly the {named} fields of its msgid."""
    import re

    field = re.compile(r"\{(\w+)\}")
    for locale in ("nb", "nn"):
        for entry in polib.pofile(str(LOCALEDIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po")):
            assert set(field.findall(entry.msgid)) == set(field.findall(entry.msgstr)), entry.msgid
