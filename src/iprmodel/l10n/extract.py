# SPDX-License-Identifier: MIT
"""Extract the core's messages into the nb, nn and en catalogs and compile them.

Run ``python -m iprmodel.l10n.extract`` after adding or changing a message; then fill
the new empty ``msgstr`` entries in ``nb`` and ``nn`` (English repeats the msgid) and
run it again to compile the ``.mo`` files. ``--check`` writes nothing and exits 1 when
a catalog lacks a message or a translation (for CI).

Messages are found with :mod:`ast` in ``src/iprmodel/**/*.py``:

* the first positional string argument of ``InvalidValue``, ``InvalidType``,
  ``ExportError`` and of the gettext markers ``_``, ``N_``, ``gettext``
  (``pgettext(context, message)`` and ``ngettext(singular, plural, n)`` too);
* ``template=`` keyword arguments (``Problem(path=..., template="...")``) and
  assignments to a variable named ``template``;
* both branches of ``"a" if cond else "b"`` in those places;
* every enum label in :data:`iprmodel.l10n.labels.LABELS` (with its class as context).

``src/iprmodel/rules/`` has its own domain (``iprmodel_rules``): there only exception
templates count, because the core renders those.

A comment on the line(s) just above a marked string becomes the translator note
(``#.``). Nothing time-dependent is written (no creation date), so the same sources
give the same catalog bytes.

>>> ("BodyKind", "council of representatives") in catalog_messages()
True
>>> (None, "required field missing") in catalog_messages()
True
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

import attrs
import polib

from iprmodel.l10n import DOMAIN, LOCALEDIR, LOCALES
from iprmodel.l10n.labels import LABELS

__all__ = ["Message", "catalog_messages", "main", "scan", "update_catalogs"]

#: The package sources scanned (``src/iprmodel``).
SOURCE_ROOT: Final = Path(__file__).resolve().parents[1]
#: Calls whose first positional argument is a message template.
TEMPLATE_CALLS: Final = frozenset(
    {
        "InvalidValue",
        "InvalidType",
        "ExportError",
        "_",
        "N_",
        "gettext",
        # the converter's "expected {expected}" helper: its argument is shown to users.
        "_expected",
        # English words passed as message parameters, translated with the template.
        "Phrase",
    }
)
#: gettext markers; in a folder with its own domain they belong to that domain.
GETTEXT_CALLS: Final = frozenset({"_", "N_", "gettext", "pgettext", "ngettext"})
#: Folders of ``src/iprmodel`` with their own gettext domain. A module that sets a
#: module-level ``DOMAIN = "..."`` other than the core's has its own domain too.
OWN_DOMAIN_DIRS: Final = frozenset({"rules", "schedule"})

PLURAL_FORMS: Final = "nplurals=2; plural=(n != 1);"
_LANGUAGE_TEAMS: Final = {"nb": "Norwegian Bokmål", "nn": "Norwegian Nynorsk", "en": "English"}

Key = tuple[str | None, str]


@attrs.frozen(kw_only=True)
class Message:
    """One message found in the sources: context, id, plural id, notes and where."""

    msgctxt: str | None = None
    msgid: str
    msgid_plural: str = ""
    comments: tuple[str, ...] = ()
    occurrences: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> Key:
        """``(msgctxt, msgid)``: what identifies the message in a catalog."""
        return (self.msgctxt, self.msgid)


def _callee(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _literals(node: ast.expr | None) -> Iterator[str]:
    """The string literals ``node`` may evaluate to (a literal or a conditional of them)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)


def _comments_above(line: int, comments: dict[int, str]) -> tuple[str, ...]:
    found: list[str] = []
    while line - 1 in comments:
        line -= 1
        found.insert(0, comments[line])
    return tuple(found)


def _own_domain(tree: ast.Module) -> bool:
    """Whether the module declares a gettext domain other than the core's."""
    value: ast.expr | None
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign):
            targets, value = [node.target], node.value
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == "DOMAIN" for t in targets):
            return isinstance(value, ast.Constant) and value.value != DOMAIN
    return False


def _scan_file(path: Path, relative: str) -> Iterator[Message | str]:
    """Messages in one file, and warnings (as text) for templates that cannot be translated."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=relative)
    # Whole-line comments by line number, for translator notes. (Plain line matching,
    # not tokenize: it is ten times faster, and a string line starting with "#" right
    # above a marked message would only add a note.)
    comments = {
        number: line.strip().lstrip("#").strip()
        for number, line in enumerate(source.splitlines(), start=1)
        if line.lstrip().startswith("#")
    }
    own_domain = relative.split("/", 1)[0] in OWN_DOMAIN_DIRS or _own_domain(tree)

    def found(node: ast.expr | ast.stmt, msgid: str, **extra: str) -> Message:
        # The file without a line number: a catalog should not change when code moves.
        notes = _comments_above(node.lineno, comments)
        return Message(msgid=msgid, comments=notes, occurrences=((relative, ""),), **extra)

    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and not own_domain
            and any(isinstance(t, ast.Name) and t.id == "template" for t in node.targets)
        ):
            yield from (found(node, msgid) for msgid in _literals(node.value))
        if not isinstance(node, ast.Call):
            continue
        name, args = _callee(node), node.args
        if own_domain and name in GETTEXT_CALLS:
            continue
        if name == "pgettext" and len(args) >= 2:
            for context in _literals(args[0]):
                yield from (found(node, m, msgctxt=context) for m in _literals(args[1]))
        elif name == "ngettext" and len(args) >= 2:
            for singular in _literals(args[0]):
                yield from (found(node, singular, msgid_plural=p) for p in _literals(args[1]))
        elif name in TEMPLATE_CALLS and args:
            if isinstance(args[0], ast.JoinedStr):
                yield f"{relative}:{node.lineno}: an f-string passed to {name}() cannot be translated; use a template with named parameters"
            yield from (found(node, msgid) for msgid in _literals(args[0]))
        if not own_domain:
            for keyword in node.keywords:
                if keyword.arg == "template":
                    yield from (found(keyword.value, m) for m in _literals(keyword.value))


def scan(root: Path = SOURCE_ROOT) -> tuple[dict[Key, Message], list[str]]:
    """Every message of the core domain in ``root`` and the labels, plus warnings."""
    messages: dict[Key, Message] = {}
    warnings: list[str] = []

    def add(message: Message) -> None:
        # The same message in several places: one entry, every place and note kept.
        old = messages.get(message.key)
        if old is not None:
            message = attrs.evolve(
                old,
                comments=tuple(dict.fromkeys(old.comments + message.comments)),
                occurrences=tuple(sorted(set(old.occurrences + message.occurrences))),
            )
        messages[message.key] = message

    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        for item in _scan_file(path, relative):
            if isinstance(item, str):
                warnings.append(item)
            else:
                add(item)
    for member, (context, msgid) in LABELS.items():
        summary = (type(member).__doc__ or "").strip().splitlines()[0]
        note = f"{context}.{member.name}: {summary}"
        add(Message(msgctxt=context, msgid=msgid, comments=(note,)))
    return messages, warnings


def catalog_messages() -> set[Key]:
    """``(msgctxt, msgid)`` of every message the catalogs must hold."""
    return set(scan()[0])


def _ordered(messages: dict[Key, Message]) -> list[Message]:
    # Templates alphabetically, then labels grouped by enum in LABELS order.
    templates = sorted((m for m in messages.values() if m.msgctxt is None), key=lambda m: m.msgid)
    labels = [messages[key] for key in dict.fromkeys(LABELS.values()) if key in messages]
    rest = sorted(
        (
            m
            for m in messages.values()
            if m.msgctxt is not None and m.key not in set(LABELS.values())
        ),
        key=lambda m: m.key,
    )
    return templates + labels + rest


def _metadata(locale: str, old: dict[str, str]) -> dict[str, str]:
    metadata = {
        "Project-Id-Version": "iprmodel",
        "Language-Team": _LANGUAGE_TEAMS[locale],
        **old,
        "Language": locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS,
    }
    # No dates: they would change the bytes on every run.
    for key in ("POT-Creation-Date", "PO-Revision-Date"):
        metadata.pop(key, None)
    return metadata


def _entry(message: Message, locale: str, previous: polib.POEntry | None) -> polib.POEntry:
    entry = polib.POEntry(
        msgctxt=message.msgctxt,
        msgid=message.msgid,
        comment="\n".join(message.comments),
        occurrences=list(message.occurrences),
    )
    if "{" in message.msgid:
        entry.flags.append("python-brace-format")
    if previous is not None and previous.fuzzy:
        entry.flags.append("fuzzy")
    english = locale == "en"
    if message.msgid_plural:
        entry.msgid_plural = message.msgid_plural
        old = dict(previous.msgstr_plural) if previous is not None else {}
        default = {0: message.msgid, 1: message.msgid_plural} if english else {0: "", 1: ""}
        entry.msgstr_plural = {i: old.get(i) or default[i] for i in (0, 1)}
    else:
        old_text = previous.msgstr if previous is not None else ""
        # English repeats the msgid, so an English catalog is complete by construction.
        entry.msgstr = old_text or (message.msgid if english else "")
    return entry


def update_catalog(path: Path, locale: str, messages: dict[Key, Message]) -> polib.POFile:
    """The catalog at ``path`` brought in line with ``messages`` (not saved).

    Translations are kept; new messages get an empty ``msgstr`` (the msgid in
    English); messages no longer in the sources become obsolete (``#~``) so their
    translation comes back if they return.
    """
    old = polib.pofile(str(path)) if path.exists() else polib.POFile()
    previous: dict[Key, polib.POEntry] = {(e.msgctxt, e.msgid): e for e in old}
    catalog = polib.POFile(wrapwidth=78)
    catalog.header = f"Catalog of the iprmodel core ({_LANGUAGE_TEAMS[locale]}).\nUpdate with: python -m iprmodel.l10n.extract"
    catalog.metadata = _metadata(locale, dict(old.metadata))
    for message in _ordered(messages):
        catalog.append(_entry(message, locale, previous.pop(message.key, None)))
    for key in sorted(previous, key=lambda k: (k[0] or "", k[1])):
        entry = previous[key]
        if entry.msgstr or any(entry.msgstr_plural.values()):
            entry.obsolete = True
            entry.occurrences = []
            catalog.append(entry)
    return catalog


def catalog_path(locale: str, suffix: str = ".po", localedir: Path = LOCALEDIR) -> Path:
    """``locale/<locale>/LC_MESSAGES/iprmodel<suffix>``."""
    return localedir / locale / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def untranslated(catalog: polib.POFile) -> list[str]:
    """The live entries of ``catalog`` without a usable translation (empty or fuzzy)."""
    return [
        (f"{e.msgctxt}: " if e.msgctxt else "") + e.msgid
        for e in catalog
        if not e.obsolete and not e.translated()
    ]


def update_catalogs(*, write: bool = True, localedir: Path = LOCALEDIR) -> list[str]:
    """Update every locale's ``.po`` and compile its ``.mo``; return the problems found.

    With ``write=False`` nothing is written and a catalog that would change counts as
    a problem.
    """
    messages, problems = scan()
    for locale in LOCALES:
        po_path = catalog_path(locale, ".po", localedir)
        catalog = update_catalog(po_path, locale, messages)
        text = str(catalog)
        if write:
            po_path.parent.mkdir(parents=True, exist_ok=True)
            po_path.write_text(text, encoding="utf-8")
            catalog.save_as_mofile(str(catalog_path(locale, ".mo", localedir)))
        elif not po_path.exists() or po_path.read_text(encoding="utf-8") != text:
            problems.append(f"{po_path}: out of date; run python -m iprmodel.l10n.extract")
        problems.extend(f"{po_path}: untranslated: {item}" for item in untranslated(catalog))
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: update and compile the catalogs, or ``--check`` them."""
    parser = argparse.ArgumentParser(
        prog="python -m iprmodel.l10n.extract",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 on any problem")
    args = parser.parse_args(argv)
    problems = update_catalogs(write=not args.check)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
