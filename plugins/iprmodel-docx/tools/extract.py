# SPDX-License-Identifier: MIT
"""List the message ids the plugin translates (``words("...")`` calls and the tables
of headings and weekdays), so the catalogs can be checked for completeness.

Run: ``python plugins/iprmodel-docx/tools/extract.py``.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "iprmodel_docx"
TABLES = {"_HEADINGS", "_KIND_TITLES", "_NOT_WRITTEN", "_OFFICE_ROLES"}


def msgids() -> list[str]:
    """Every message id, in first-seen order."""
    found: dict[str, None] = {}
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and (
                    (
                        isinstance(node.func, ast.Name)
                        and node.func.id
                        in {"words", "self", "DocxExportError", "DocxExportWarning", "Phrase"}
                    )
                    # gaps.missing("the place of the meeting")
                    or (isinstance(node.func, ast.Attribute) and node.func.attr == "missing")
                )
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value)
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if (
                    any(isinstance(t, ast.Name) and t.id in TABLES for t in targets)
                    and node.value is not None
                ):
                    # For a dict, the values are the messages (the keys are ids).
                    value = node.value
                    roots = value.values if isinstance(value, ast.Dict) else [value]
                    for sub in (s for root in roots if root is not None for s in ast.walk(root)):
                        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                            found.setdefault(sub.value)
    return list(found)


if __name__ == "__main__":
    for msgid in msgids():
        print(msgid)
