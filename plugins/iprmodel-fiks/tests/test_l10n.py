# SPDX-License-Identifier: MIT
"""The plugin's catalogs: complete in nb, nn and en, and compiled .mo files up to date."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import iprmodel_fiks
import polib
import pytest
from iprmodel_fiks.l10n import DOMAIN, LOCALEDIR
from iprmodel_fiks.l10n import gettext as translate

LOCALES = ("nb", "nn", "en")
_FIELDS = re.compile(r"\{[a-z_]+\}")


def _po(locale: str) -> polib.POFile:
    return polib.pofile(str(LOCALEDIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"))


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_complete(locale: str) -> None:
    """Every message is translated, keeps its {placeholders}, and has a translator note."""
    po = _po(locale)

    assert po.metadata["Language"] == locale
    assert len(po) >= 10
    for entry in po:
        assert entry.msgstr.strip(), entry.msgid
        assert sorted(_FIELDS.findall(entry.msgstr)) == sorted(_FIELDS.findall(entry.msgid))
        assert entry.comment, entry.msgid
    assert {e.msgid for e in po} == {e.msgid for e in _po("nb")}


@pytest.mark.parametrize("locale", LOCALES)
def test_mo_matches_po(locale: str) -> None:
    """The committed .mo holds exactly what the .po says (recompile after editing)."""
    folder = LOCALEDIR / locale / "LC_MESSAGES"
    with (folder / f"{DOMAIN}.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in _po(locale):
        assert compiled.gettext(entry.msgid) == entry.msgstr


def _messages_in_code() -> set[str]:
    """Messages in the package: ``gettext(locale, message)`` and ``FiksExportError(message)``."""
    found: set[str] = set()
    for path in Path(iprmodel_fiks.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"gettext", "FiksExportError", "FiksExportWarning"}
                and node.args
            ):
                message = node.args[-1] if node.func.id == "gettext" else node.args[0]
                if isinstance(message, ast.Constant):
                    found.add(message.value)
    return found


def test_used_messages_exist() -> None:
    """Every message the code asks for is in the catalog (gettext would fall back silently)."""
    used = _messages_in_code()

    assert len(used) >= 10
    assert used <= {entry.msgid for entry in _po("nb")}
    assert translate("nn", "{body}, meeting {number}") == "{body}, møte {number}"
    assert translate(None, "no body has the id {id}") == "ingen organ har id-en {id}"
