# SPDX-License-Identifier: MIT
"""The plugin's catalogs: complete in nb, nn and en, and compiled .mo files up to date."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import iprmodel_json
import polib
import pytest
from iprmodel_json.l10n import DOMAIN, LOCALEDIR
from iprmodel_json.l10n import gettext as translate

LOCALES = ("nb", "nn", "en")
_FIELDS = re.compile(r"\{[a-z_]+\}")


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_complete(locale: str) -> None:
    """Every message is translated, keeps its {placeholders}, and has a translator note."""
    po = polib.pofile(str(LOCALEDIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"))

    assert po.metadata["Language"] == locale
    assert len(po) >= 10
    for entry in po:
        assert entry.msgstr.strip(), entry.msgid
        assert sorted(_FIELDS.findall(entry.msgstr)) == sorted(_FIELDS.findall(entry.msgid))
        assert entry.comment, entry.msgid
    msgids = [entry.msgid for entry in po]
    assert len(msgids) == len(set(msgids))


def test_catalogs_have_the_same_messages() -> None:
    """nb, nn and en list the same message ids."""
    ids = {
        locale: {
            e.msgid for e in polib.pofile(str(LOCALEDIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"))
        }
        for locale in LOCALES
    }
    assert ids["nb"] == ids["nn"] == ids["en"]


@pytest.mark.parametrize("locale", LOCALES)
def test_mo_matches_po(locale: str) -> None:
    """The committed .mo holds exactly what the .po says (recompile after editing)."""
    folder = LOCALEDIR / locale / "LC_MESSAGES"
    po = polib.pofile(str(folder / f"{DOMAIN}.po"))
    with (folder / f"{DOMAIN}.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in po:
        assert compiled.gettext(entry.msgid) == entry.msgstr


def _messages_in_code() -> set[str]:
    """Messages in the package: ``gettext(locale, message)`` and ``JsonExportError(message)``."""
    found: set[str] = set()
    for path in Path(iprmodel_json.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"gettext", "JsonExportError"}
                and node.args
            ):
                message = node.args[-1] if node.func.id == "gettext" else node.args[0]
                if isinstance(message, ast.IfExp):
                    found |= {
                        m.value
                        for m in (message.body, message.orelse)
                        if isinstance(m, ast.Constant)
                    }
                elif isinstance(message, ast.Constant):
                    found.add(message.value)
                elif isinstance(message, ast.Name):
                    continue  # a variable: its values are literals found elsewhere
    return found


def test_used_messages_exist() -> None:
    """Every message the code asks for is in the catalog (gettext would fall back silently)."""
    po = polib.pofile(str(LOCALEDIR / "nb" / "LC_MESSAGES" / f"{DOMAIN}.po"))
    used = _messages_in_code()

    assert len(used) >= 10
    assert used <= {entry.msgid for entry in po}
    assert translate("nn", "{body}, meeting {number}") == "{body}, møte {number}"
    assert translate(None, "unanimity") == "enstemmighet"
