# SPDX-License-Identifier: MIT
"""``iprmodel init``: a starting register for a new council.

::

    iprmodel init --name "Nordhordland interkommunalt politisk råd" \\
                  --member 4631 --member 4632 -o nordhordland.toml

The members are official municipality (four digits) or county (two digits) numbers;
their names and counties come from :mod:`iprmodel.municipalities`. The file has the
participants, the council with a representantskap, and a cooperation agreement with
one open clause per item a-h of koml. § 18-4 fourth paragraph; its comments, in the
chosen language, say what to fill in. ``iprmodel validate`` then reports only
warnings, each naming the next step.

>>> text = skeleton("Nordhordland interkommunalt politisk råd", ["4631", "4632"], "en")
>>> 'id = "alver"' in text and 'topics = ["dissolution"]' in text
True
"""

from __future__ import annotations

import argparse
import json
import re
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from iprmodel.cli_common import _say
from iprmodel.errors import IprModelError
from iprmodel.files import write_atomic
from iprmodel.l10n import label, translator
from iprmodel.model._fields import check_text
from iprmodel.model.agreements import STATUTORY_TOPICS
from iprmodel.model.text import Locale
from iprmodel.municipalities import County, Municipality, lookup

__all__ = ["InitError", "add_parser", "run", "skeleton"]

_Translate = Callable[[str], str]

#: The day the table's numbers took effect (the 2024 county reform).
_NUMBERS_FROM = "2024-01-01"

#: Ids stay short enough to type; the model allows 80 characters.
_SLUG_LENGTH = 60

# Letters with no decomposition that slugs would otherwise lose (Norwegian and Sami).
_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ŋ": "ng", "đ": "d", "ŧ": "t"})


def _slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_ASCII))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:_SLUG_LENGTH].strip("-")
    return slug or "council"


def _string(value: str) -> str:
    # json's escaping is valid TOML for a basic string; control characters are escaped,
    # so a name can never end the line and forge TOML of its own.
    return json.dumps(value, ensure_ascii=False)


def _both(nb: str, nn: str) -> str:
    return f"{{ nb = {_string(nb)}, nn = {_string(nn)} }}"


def _comment(text: str) -> list[str]:
    return [
        f"# {wrapped}"
        for line in text.splitlines()
        for wrapped in textwrap.wrap(line, width=88, break_on_hyphens=False)
    ]


class InitError(IprModelError, ValueError):
    """A member list or output path ``init`` cannot use; the message is already translated."""


def _members(numbers: Sequence[str], _: _Translate) -> list[Municipality | County]:
    seen: set[str] = set()
    found: list[Municipality | County] = []
    for number in numbers:
        if number in seen:
            raise InitError(_("--member {number} is given twice").format(number=number))
        seen.add(number)
        if number == "03":
            raise InitError(
                _(
                    "03 is Oslo, a municipality with a county's tasks and no county"
                    " authority: give its municipality number 0301"
                )
            )
        found.append(lookup(number))
    if len(found) < 2:
        raise InitError(
            _(
                "a council needs at least two participants, municipalities or county"
                " authorities (koml. § 18-1 first paragraph); give --member twice or more"
            )
        )
    return found


def _ids(members: Sequence[Municipality | County]) -> list[str]:
    # The Norwegian form names the id; a name two municipalities share (Herøy) gets
    # the number too, so every id is unique and stable.
    bases = [_slug(m.norwegian_name if isinstance(m, County) else m.forms[0]) for m in members]
    return [
        f"{base}-{m.number}" if bases.count(base) > 1 else base
        for base, m in zip(bases, members, strict=True)
    ]


def _participant(member: Municipality | County, id_: str, _: _Translate) -> list[str]:
    fill = _("FILL IN")
    lines = ["[[participants]]"]
    if isinstance(member, County):
        name = f"{member.norwegian_name} fylkeskommune"
        lines += [
            'kind = "county_authority"',
            f"id = {_string(id_)}",
            f"name = {_both(name, name)}",
            f"numbers = [{{ value = {_string(member.number)}, valid_from = {_NUMBERS_FROM} }}]",
            f"written_standard = {_string(member.written_standard)}",
        ]
    else:
        name = f"{member.name} kommune"
        lines += [
            'kind = "municipality"',
            f"id = {_string(id_)}",
            f"name = {_both(name, name)}",
            f"numbers = [{{ value = {_string(member.number)}, valid_from = {_NUMBERS_FROM} }}]",
            *_comment(
                _(
                    "{fill}: the written standard (nb, nn or neutral) from the"
                    " municipality's språkvedtak; the built-in table does not have it."
                ).format(fill=fill)
            ),
            '# written_standard = "neutral"',
        ]
    lines += [
        *_comment(
            _("{fill}: the organisation number from Enhetsregisteret (nine digits).").format(
                fill=fill
            )
        ),
        '# orgnr = ""',
        "",
    ]
    return lines


def skeleton(name: str, numbers: Sequence[str], locale: Locale) -> str:
    """The TOML text of a starting register; comments are in ``locale``.

    Raises :exc:`iprmodel.municipalities.UnknownNumberError` for a number that is not
    in the built-in table, :exc:`InitError` for a number given twice, for Oslo's county
    number or for fewer than two members.
    """
    _ = translator(locale).gettext
    fill = _("FILL IN")
    members = _members(numbers, _)
    ids = _ids(members)
    name_language = "nn" if locale == "nn" else "nb"
    lines = [
        *_comment(
            _(
                "Starting register for a new inter-municipal political council, written by"
                " 'iprmodel init'.\nFill in what the lines marked {fill} ask, then run"
                " 'iprmodel validate' on this file:\nevery warning it gives names the next step."
            ).format(fill=fill)
        ),
        "",
        "format = 1",
        "",
        *_comment(
            _(
                "Participants: names, numbers and counties from the built-in table"
                " (Kartverket's administrative units, valid from 2024-01-01)."
            )
        ),
        "",
    ]
    for member, id_ in zip(members, ids, strict=True):
        lines += _participant(member, id_, _)
    participations = ", ".join(f"{{ participant = {_string(id_)} }}" for id_ in ids)
    lines += [
        "[[councils]]",
        f"id = {_string(_slug(name))}",
        *_comment(
            _(
                'The formal name must contain the words "interkommunalt politisk råd"'
                " (koml. § 18-1 third paragraph); add it in the other written standard if"
                " the council uses both."
            )
        ),
        f"formal_name = {{ {name_language} = {_string(name)} }}",
        *_comment(
            _(
                "{fill}: the day the council was established, once every council has adopted the agreement."
            ).format(fill=fill)
        ),
        "# established = 2025-01-01",
        f"participations = [{participations}]",
        "",
        *_comment(
            _(
                "The representantskap is the council's highest body: every participant"
                " has at least one member in it and as many deputies (koml. § 18-3 first"
                " paragraph).\n{fill}: the members and deputies per participant, as item c"
                " of the agreement says."
            ).format(fill=fill)
        ),
        "[[councils.bodies]]",
        'id = "representantskap"',
        'kind = "representantskap"',
        f"name = {_both('Representantskapet', 'Representantskapet')}",
        "composition = [{ members = 1 }]",
        "",
        *_comment(
            _(
                "The cooperation agreement (koml. § 18-4): one clause for each item a-h of"
                " the fourth paragraph, each an open point.\n{fill}: the text of each"
                " clause; each council's adoption (date and case number); then"
                " text_complete = true."
            ).format(fill=fill)
        ),
        "[[councils.agreements]]",
        'id = "samarbeidsavtale"',
        'kind = "cooperation"',
        f"title = {_both('Samarbeidsavtale', 'Samarbeidsavtale')}",
        f"parties = [{', '.join(_string(id_) for id_ in ids)}]",
        "text_complete = false",
        "",
    ]
    for number, topic in enumerate(STATUTORY_TOPICS, start=1):
        heading_nb, heading_nn = (label(topic, language) for language in ("nb", "nn"))
        lines += [
            "[[councils.agreements.clauses]]",
            f'number = "{number}"',
            f"heading = {_both(heading_nb[:1].upper() + heading_nb[1:], heading_nn[:1].upper() + heading_nn[1:])}",
            f'topics = ["{topic.value}"]',
            f'# {fill}: text = {{ {name_language} = "..." }}  (koml. § 18-4 fourth paragraph {topic.statutory_letter})',
            "",
        ]
    return "\n".join(lines)


def add_parser(commands: Any, common: argparse.ArgumentParser, _: _Translate) -> None:
    """Register ``init`` on the command line's subcommands."""
    init = commands.add_parser(
        "init", parents=[common], help=_("write a starting register for a new council")
    )
    init.add_argument("--name", required=True, help=_("the council's formal name"))
    init.add_argument(
        "--member",
        dest="members",
        action="append",
        required=True,
        metavar="NUMBER",
        help=_("a member's municipality (four digits) or county (two digits) number; repeat"),
    )
    init.add_argument(
        "-o", "--output", required=True, type=Path, metavar="PATH", help=_("the TOML file to write")
    )
    init.add_argument("--force", action="store_true", help=_("overwrite an existing file"))


def run(args: argparse.Namespace, locale: Locale, out: TextIO, _: _Translate) -> int:
    """Write the starting register; returns the exit status."""
    path: Path = args.output
    # The file must load: a name validate would refuse is refused now.
    check_text(args.name, "--name")
    text = skeleton(args.name, args.members, locale)
    if path.exists() and not args.force:
        raise InitError(_say(_("{path} exists; give --force to overwrite it"), path=path))
    if not path.parent.is_dir():
        raise InitError(_say(_("{path}: no such folder"), path=path.parent))
    write_atomic(path, text.encode())
    out.write(_say(_("wrote {path}"), path=path) + "\n")
    return 0
