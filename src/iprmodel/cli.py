# SPDX-License-Identifier: MIT
"""The ``iprmodel`` command.

::

    iprmodel examples
    iprmodel formats
    iprmodel validate SOURCE [--format text|json]
    iprmodel export SOURCE --format NAME[,NAME...] [--scope S] [--document D]
                    [--template T] [--option KEY=VALUE ...] -o PATH
    iprmodel plan SOURCE --body ID --year YYYY [--council ID]
    iprmodel vote FILE [--format text|json]
    iprmodel schema
    iprmodel init --name NAME --member NUMBER [--member NUMBER ...] -o FILE [--force]

SOURCE is a JSON or TOML file, or ``example:NAME``. Every command takes
``--locale nb|nn|en`` (default: the ``IPRMODEL_LOCALE`` environment variable, else
``nb``). Exit status: 0 success, 1 validation found errors, 2 unusable input. Messages
name what is wrong and where; a traceback is shown only with ``IPRMODEL_DEBUG=1``.

>>> main(["examples", "--locale", "en"])  # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE
all ...
0
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from iprmodel import cli_export, cli_init, cli_publish, cli_vote
from iprmodel.cli_common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNUSABLE,
    _Failure,
    _load,
    _say,
    _Translate,
    add_output_format,
    input_help,
    os_reason,
    source_help,
)
from iprmodel.errors import (
    IprModelError,
    LoadError,
    TemplatedError,
    UnknownExporterError,
    escape,
    escape_json,
)
from iprmodel.l10n import LOCALEDIR, LOCALES, translator
from iprmodel.model.text import Locale

if TYPE_CHECKING:
    from iprmodel.model import Register

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_UNUSABLE", "main"]

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a reader that stopped early


def _default_locale(argv: Sequence[str]) -> Locale:
    # The locale is needed before argparse runs, for the help texts themselves.
    for i, arg in enumerate(argv):
        value = None
        if arg == "--locale" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--locale="):
            value = arg.split("=", 1)[1]
        if value in LOCALES:
            return value
    env = os.environ.get("IPRMODEL_LOCALE", "")
    return env if env in LOCALES else "nb"


def _argparse_messages(_: _Translate) -> list[tuple[re.Pattern[str], str]]:
    """argparse's own error messages (English) and ours in the user's language."""
    return [
        (
            re.compile(r"the following arguments are required: (?P<names>.*)"),
            _("the following arguments are required: {names}"),
        ),
        (
            re.compile(r"unrecognized arguments: (?P<names>.*)"),
            _("unrecognized arguments: {names}"),
        ),
        (
            re.compile(
                r"argument (?P<name>.*?): invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)"
            ),
            _("argument {name}: invalid choice: {value} (choose from {choices})"),
        ),
        (
            re.compile(r"argument (?P<name>.*?): expected one argument"),
            _("argument {name}: expected one argument"),
        ),
        (
            re.compile(r"argument (?P<name>.*?): invalid int value: (?P<value>.*)"),
            _("argument {name}: expected a whole number, got {value}"),
        ),
    ]


class _Parser(argparse.ArgumentParser):
    """argparse speaking the user's language: usage, headings, help and errors.

    argparse translates its own words with the process-wide gettext domain; a library
    must not change that, so the few words it shows are replaced here.
    """

    def __init__(self, *args: Any, translate: _Translate, help_option: bool = True, **kwargs: Any):
        self._translate = translate
        kwargs["add_help"] = False  # the help option is added below, in the user's language
        # Parents are added after the headings are translated, so that their options
        # join ours under one heading instead of a second one.
        parents = kwargs.pop("parents", ())
        super().__init__(*args, **kwargs)
        _ = translate
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)
        if help_option:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=_("show this help message and exit"),
            )

    def _localized(self, text: str) -> str:
        _ = self._translate
        return _("usage: ") + text.removeprefix("usage: ")

    def format_usage(self) -> str:
        return self._localized(super().format_usage())

    def format_help(self) -> str:
        return self._localized(super().format_help())

    def error(self, message: str) -> NoReturn:
        for pattern, template in _argparse_messages(self._translate):
            match = pattern.fullmatch(message)
            if match is not None:
                message = template.format(**match.groupdict())
                break
        _ = self._translate
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {_('error')}: {message}\n")


def _parser(_: _Translate) -> argparse.ArgumentParser:
    locale_help = _("language of messages and documents: nb (Bokmål), nn (Nynorsk) or en")
    common = _Parser(translate=_, help_option=False)
    # Given after the command; SUPPRESS keeps one given before it (below) from being reset.
    common.add_argument("--locale", choices=LOCALES, default=argparse.SUPPRESS, help=locale_help)
    parser = _Parser(
        translate=_,
        prog="iprmodel",
        description=_(
            "Model inter-municipal political councils (kommuneloven chapter 18) and"
            " export their calendars, documents and data."
        ),
    )
    parser.add_argument("--locale", choices=LOCALES, help=locale_help)
    commands = parser.add_subparsers(  # type: ignore[call-overload]
        dest="command",
        metavar="COMMAND",
        required=True,
        title=_("commands"),
        parser_class=functools.partial(_Parser, translate=_),
    )
    commands.add_parser("examples", parents=[common], help=_("list the embedded example councils"))
    commands.add_parser("formats", parents=[common], help=_("list the installed export formats"))

    validate = commands.add_parser(
        "validate", parents=[common], help=_("check a register's structure and the law")
    )
    validate.add_argument("source", metavar="SOURCE", help=source_help(_))
    validate.add_argument("--input-format", choices=("json", "toml"), help=input_help(_))
    add_output_format(validate, _)

    cli_export.add_parser(commands, common, _)

    plan = commands.add_parser(
        "plan", parents=[common], help=_("propose a year's meetings for a body")
    )
    plan.add_argument("source", metavar="SOURCE", help=source_help(_))
    plan.add_argument("--input-format", choices=("json", "toml"), help=input_help(_))
    plan.add_argument("--body", required=True, help=_("the id of the body"))
    plan.add_argument("--year", required=True, type=int, help=_("the year to plan"))
    plan.add_argument("--council", help=_("the id of the council, if the body id is ambiguous"))

    cli_vote.add_parser(commands, common, _)

    commands.add_parser(
        "schema", parents=[common], help=_("print the JSON Schema of the data format")
    )
    cli_init.add_parser(commands, common, _)
    cli_publish.add_parser(commands, common, _)
    return parser


def _problem_lines(error: LoadError, _: _Translate) -> str:
    return "\n".join(problem.line(_) for problem in error.problems)


def _cmd_examples(_args: argparse.Namespace, locale: Locale, out: TextIO, _: _Translate) -> int:
    from iprmodel import examples
    from iprmodel.model import CountyAuthority

    for name in examples.names():
        register = examples.load(name)
        full = [c.formal_name.get(locale) for c in register.councils if not c.outline]
        if not full:
            # A county's own example (Innlandet) holds councils only in outline.
            full = [
                p.name.get(locale) for p in register.participants if isinstance(p, CountyAuthority)
            ]
        line = ", ".join(full)
        outline = [c.formal_name.get(locale) for c in register.councils if c.outline]
        if outline:
            line += " " + _("(councils in outline: {names})").format(names=", ".join(outline))
        out.write(f"{name}\t{line}\n")
    return EXIT_OK


def _cmd_formats(_args: argparse.Namespace, _locale: Locale, out: TextIO, _: _Translate) -> int:
    from iprmodel.exporters import Registry

    registry = Registry()
    broken = registry.broken()
    for name in registry.names():
        if name in broken:
            out.write(_("{name}\tfailed to load: {reason}").format(name=name, reason=broken[name]))
            out.write("\n")
            continue
        exporter = registry.load(name)
        out.write(f"{name}\t{exporter.suffix}\t{exporter.media_type}\n")
    if not registry.names():
        out.write(_("no export formats are installed") + "\n")
    return EXIT_OK


def _findings(register: Register) -> tuple[object, ...] | None:
    try:
        from iprmodel.rules import law
    except ImportError:  # the rules package is optional during development
        return None
    return tuple(law.check(register))


def _cmd_validate(args: argparse.Namespace, locale: Locale, out: TextIO, _: _Translate) -> int:
    problems: tuple[object, ...] = ()
    findings: tuple[object, ...] = ()
    try:
        register = _load(args.source, _, args.input_format)
    except LoadError as error:
        problems = error.problems
        register = None
    if register is not None:
        findings = _findings(register) or ()
    try:
        from iprmodel.rules import report
    except ImportError:
        report = None  # type: ignore[assignment]
    if report is not None:
        render = report.format_json if args.output_format == "json" else report.format_text
        text = render(problems, findings, locale)  # type: ignore[arg-type]
        shown = text.decode() if isinstance(text, bytes) else text
        out.write(escape_json(shown) if args.output_format == "json" else shown)
        if not (text.endswith(b"\n") if isinstance(text, bytes) else text.endswith("\n")):
            out.write("\n")
    else:
        for problem in problems:
            out.write(problem.line(_) + "\n")
        if not problems:
            out.write(_("no problems found") + "\n")
    if problems:
        return EXIT_UNUSABLE
    has_errors = any(
        getattr(getattr(f, "severity", None), "value", None) == "error" for f in findings
    )
    return EXIT_INVALID if has_errors else EXIT_OK


def _cmd_plan(args: argparse.Namespace, locale: Locale, out: TextIO, _: _Translate) -> int:
    try:
        from iprmodel import schedule
    except ImportError:
        raise _Failure(_("meeting planning is not available in this installation")) from None
    register = _load(args.source, _, args.input_format)
    plan = schedule.plan_year(register, council=args.council, body=args.body, year=args.year)
    out.write(schedule.format_plan(plan, locale))
    return EXIT_OK


def _cmd_schema(_args: argparse.Namespace, _locale: Locale, out: TextIO, _: _Translate) -> int:
    from iprmodel.exporters import ExportRequest, Registry

    exporter = Registry().load("json")
    out.write(exporter.export(_empty_register(), ExportRequest(document="schema")).decode())
    return EXIT_OK


def _empty_register() -> Register:
    from iprmodel.model import Register

    return Register()


_COMMANDS = {
    "examples": _cmd_examples,
    "formats": _cmd_formats,
    "validate": _cmd_validate,
    "export": cli_export.run,
    "plan": _cmd_plan,
    "vote": cli_vote.run,
    "schema": _cmd_schema,
    "init": cli_init.run,
    "publish": cli_publish.run_publish,
    "serve": cli_publish.run_serve,
}


def _fail(message: str, status: int, err: TextIO) -> int:
    # Messages escape the input they show; this catches one that forgot (a plugin's).
    lines = message.rstrip("\n").split("\n")
    err.write("\n".join(escape(line) for line in lines) + "\n")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    locale = _default_locale(args_list)
    _ = translator(locale).gettext
    parser = _parser(_)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:  # argparse has printed its usage message
        return int(exit_.code or 0)
    locale = args.locale or locale
    _ = translator(locale).gettext
    err = sys.stderr
    try:
        return _COMMANDS[args.command](args, locale, sys.stdout, _)
    except _Failure as failure:
        return _fail(str(failure), failure.status, err)
    except LoadError as error:
        return _fail(_problem_lines(error, _), EXIT_UNUSABLE, err)
    except UnknownExporterError as error:
        return _fail(
            _("no export format named {name}; installed: {names}").format(
                name=repr(error.name), names=", ".join(error.available) or "-"
            ),
            EXIT_UNUSABLE,
            err,
        )
    except TemplatedError as error:
        catalog = translator(locale, error.domain, error.localedir or LOCALEDIR)
        return _fail(error.message(catalog.gettext), EXIT_UNUSABLE, err)
    except IprModelError as error:
        return _fail(str(error), EXIT_UNUSABLE, err)
    except BrokenPipeError:
        # The reader stopped early (``iprmodel ... | head``): nothing to report. Point
        # stdout at nothing so the flush at exit does not fail again.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as error:
        return _fail(
            _say(
                _("cannot write or read {path}: {reason}"),
                path=error.filename or "",
                reason=os_reason(error, _),
            ),
            EXIT_UNUSABLE,
            err,
        )
    except KeyboardInterrupt:
        return 130
    except MemoryError:  # a file within the size limit can still be too much for this machine
        pass  # said below: out of this handler the frames that held the memory are freed
    except Exception as error:  # never a traceback for the user; one on request
        if os.environ.get("IPRMODEL_DEBUG"):
            raise
        return _fail(
            _(
                "internal error: {error}. Please report it; run with IPRMODEL_DEBUG=1"
                " to see the details."
            ).format(error=escape(f"{type(error).__name__}: {error}")),
            70,
            err,
        )
    return _fail(_("not enough memory to finish; the input is too large"), EXIT_UNUSABLE, err)


def run() -> NoReturn:
    """Entry point for ``python -m iprmodel``."""
    sys.exit(main())
