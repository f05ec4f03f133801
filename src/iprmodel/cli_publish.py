# SPDX-License-Identifier: MIT
"""``iprmodel publish`` and ``iprmodel serve``: meeting feeds people can subscribe to.

::

    iprmodel publish SOURCE -o DIR [--base-url URL] [--persons] [--remote-links]
    iprmodel serve SOURCE [--host 127.0.0.1] [--port 8080] [--base-url URL] [--persons]

Both come from the ``iprmodel-ical`` plugin, loaded only when one of them runs; without
it they stop with a message saying how to install it.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

from iprmodel.model.text import Locale

__all__ = ["add_parser", "run_publish", "run_serve"]

_Translate = Callable[[str], str]


def _options(command: argparse.ArgumentParser, _: _Translate) -> None:
    command.add_argument("source", metavar="SOURCE", help=_("a JSON or TOML file, or example:NAME"))
    command.add_argument(
        "--base-url",
        metavar="URL",
        help=_("the public https:// address of the site, for webcal:// subscription links"),
    )
    command.add_argument(
        "--persons", action="store_true", help=_("also publish one feed per person")
    )
    command.add_argument(
        "--remote-links",
        action="store_true",
        help=_("include remote-meeting join links (left out by default: often for members only)"),
    )


def add_parser(commands: Any, common: argparse.ArgumentParser, _: _Translate) -> None:
    """Register ``publish`` and ``serve`` on the subcommand parser ``commands``."""
    publish = commands.add_parser(
        "publish", parents=[common], help=_("write a static site of meeting feeds")
    )
    _options(publish, _)
    publish.add_argument(
        "-o", "--output", required=True, metavar="DIR", help=_("the folder to write the site to")
    )
    serve = commands.add_parser(
        "serve", parents=[common], help=_("serve the meeting feeds over HTTP")
    )
    _options(serve, _)
    serve.add_argument("--host", default="127.0.0.1", help=_("address to listen on"))
    serve.add_argument("--port", type=int, default=8080, help=_("port to listen on"))


def _plugin(name: str, _: _Translate) -> ModuleType:
    from iprmodel.cli_common import _Failure

    try:
        return importlib.import_module(name)
    except ImportError:
        raise _Failure(
            _(
                "publishing feeds needs the iprmodel-ical plugin, which is not installed;"
                " install it with: pip install iprmodel-ical"
            )
        ) from None


def run_publish(args: argparse.Namespace, locale: Locale, out: TextIO, _: _Translate) -> int:
    """``iprmodel publish``: write or update the site; report what changed."""
    from iprmodel.cli_common import _check_folder, _load, _say

    _check_folder(args.output, _)
    site = _plugin("iprmodel_ical.site", _)
    register = _load(args.source, _)
    # The register lives until the end: keep the garbage collector from walking its
    # millions of objects again and again while the feeds are written.
    gc.freeze()
    result = site.publish(
        register,
        Path(args.output),
        base_url=args.base_url,
        locale=args.locale,
        persons=args.persons,
        remote_links=args.remote_links,
    )
    out.write(
        _say(
            _("{folder}: {written} written, {unchanged} unchanged, {removed} removed"),
            folder=args.output,
            written=len(result.written),
            unchanged=result.unchanged,
            removed=len(result.removed),
        )
        + "\n"
    )
    return 0


def run_serve(args: argparse.Namespace, locale: Locale, out: TextIO, _: _Translate) -> int:
    """``iprmodel serve``: answer feed requests until stopped (Ctrl-C)."""
    from iprmodel.cli_common import _Failure, _load

    if not 0 < args.port < 65536:
        raise _Failure(_("--port must be between 1 and 65535, got {port}").format(port=args.port))
    wsgi = _plugin("iprmodel_ical.wsgi", _)
    waitress = _plugin("waitress", _)
    path = Path(args.source)
    # A file is watched and loaded again when it changes; a broken first load stops here
    # (exit 2 with the problems), a broken later one keeps the last good register.
    source = wsgi.FileSource(path) if path.is_file() else _load(args.source, _)
    app = wsgi.FeedApp(
        source,
        base_url=args.base_url,
        locale=args.locale,
        persons=args.persons,
        remote_links=args.remote_links,
    )
    app.check()
    # waitress warns in English on every request that waits in its queue; under load
    # that floods the terminal (or a log pipe) with words the user did not ask for.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    server = waitress.create_server(app, host=args.host, port=args.port, ident="iprmodel")
    out.write(
        _("serving {url} (stop with Ctrl-C)").format(url=f"http://{args.host}:{args.port}/") + "\n"
    )
    out.flush()
    try:
        server.run()
    finally:
        server.close()
    return 0
