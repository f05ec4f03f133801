# SPDX-License-Identifier: MIT
"""Compile the plugin's ``.po`` catalogs to ``.mo`` (polib).

Run: ``python plugins/iprmodel-docx/tools/compile.py`` after editing a ``.po`` file.
"""

from __future__ import annotations

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "src" / "iprmodel_docx" / "locale"

if __name__ == "__main__":
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/iprmodel_docx.po")):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        print(po_path.with_suffix(".mo"))
