# SPDX-License-Identifier: MIT
"""A static feed site: ``index.html`` in nb, nn and en, and one feed per scope.

Any web server serves the folder as it is. The layout is built from ids and stable:

==========================  ===========================================
``index.html``              the page in the default language
``index.nb.html`` …         the page in Bokmål, Nynorsk and English
``all.ics``                 every meeting of the register
``council/ID.ics``          one council
``body/COUNCIL/ID.ics``     one body
``participant/ID.ics``      one municipality or county authority
``person/ID.ics``           one person (only with ``persons=True``)
==========================  ===========================================

Publishing is incremental and atomic: every file goes through
:func:`iprmodel.files.write_atomic` with ``skip_unchanged``, so an unchanged feed
keeps its bytes and modification time (web servers' ETag and Last-Modified stay
valid), each written file appears whole, and feeds of scopes that no longer exist
are removed. Files of other names in the folder are left alone.

>>> import tempfile
>>> from iprmodel import examples
>>> folder = Path(tempfile.mkdtemp())
>>> result = publish(examples.load("hallingdal"), folder)
>>> "body/hallingdal/regionradet.ics" in result.written, result.unchanged
(True, 0)
>>> again = publish(examples.load("hallingdal"), folder)
>>> again.written, again.removed, again.unchanged == len(result.written)
((), (), True)
>>> scope_for_path("body/hallingdal/regionradet.ics"), feed_path("all")
('body:hallingdal/regionradet', 'all.ics')
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Final

import attrs

from iprmodel.exporters import ExportRequest
from iprmodel.files import write_atomic
from iprmodel.model import Register
from iprmodel.model.text import Locale
from iprmodel_ical.exporter import FeedWriter, feed_options
from iprmodel_ical.page import LOCALES, index_page, page_name
from iprmodel_ical.scopes import feed_locale

__all__ = ["PublishResult", "feed_path", "publish", "scope_for_path", "site_files"]

#: Folders of the layout that hold feeds, one per scope kind.
FEED_FOLDERS: Final = ("council", "body", "participant", "person")
_SLUG: Final = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_PATH: Final = re.compile(
    rf"^(?:(?P<all>all)|(?P<kind>council|participant|person)/(?P<id>{_SLUG})"
    rf"|body/(?P<council>{_SLUG})/(?P<body>{_SLUG}))\.ics$"
)


def feed_path(scope: str) -> str:
    """The site path of a canonical scope's feed (``body:c/b`` → ``body/c/b.ics``)."""
    if scope == "all":
        return "all.ics"
    kind, _sep, ident = scope.partition(":")
    return f"{kind}/{ident}.ics"


def scope_for_path(path: str) -> str | None:
    """The scope a site path names, or ``None`` when it names no feed."""
    match = _PATH.fullmatch(path)
    if match is None:
        return None
    if match["all"]:
        return "all"
    if match["kind"]:
        return f"{match['kind']}:{match['id']}"
    return f"body:{match['council']}/{match['body']}"


@attrs.frozen(kw_only=True)
class PublishResult:
    """What :func:`publish` did, as site paths."""

    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def site_files(
    register: Register,
    *,
    base_url: str | None = None,
    locale: Locale | None = None,
    persons: bool = False,
    remote_links: bool = False,
    writer: FeedWriter | None = None,
) -> dict[str, bytes]:
    """Every file of the site, ``site path -> bytes``; :func:`publish` writes them.

    ``remote_links`` is off by default: join links to Teams or Zoom meetings are
    often meant for members only. ``base_url`` (``https://host/path/``) makes the
    page offer ``webcal://`` and ``https://`` subscription links and writes each
    feed's own address into it.

    Raises:
        ExportError: ``base_url`` is no ``http(s)`` address.
    """
    base = base_url.rstrip("/") + "/" if base_url else None
    if writer is None:
        options = {"remote_links": "true" if remote_links else "false"}
        writer = FeedWriter(register, ExportRequest(locale=locale, options=options))
    if base is not None:
        # Refused here, before anything is written, like any feed url option.
        feed_options(ExportRequest(options={"url": base}))
    index = writer.index
    scopes = index.scopes(persons=persons)
    files: dict[str, bytes] = {}
    selections = []
    for scope in scopes:
        selection = index.select(scope)
        selections.append(selection)
        path = feed_path(scope)
        files[path] = writer.write(selection, url=f"{base}{path}" if base else None)
    default = locale or feed_locale(None, register.councils)
    for page_locale in LOCALES:
        files[page_name(page_locale)] = index_page(register, selections, page_locale, base_url=base)
    files["index.html"] = files[page_name(default)]
    return files


def publish(
    register: Register,
    folder: Path,
    *,
    base_url: str | None = None,
    locale: Locale | None = None,
    persons: bool = False,
    remote_links: bool = False,
) -> PublishResult:
    """Write the site of ``register`` into ``folder`` (see the module); creates it if needed.

    Raises:
        ExportError: an option cannot apply (see :func:`site_files`).
        OSError: a file cannot be written; files already written stay whole.
    """
    files = site_files(
        register, base_url=base_url, locale=locale, persons=persons, remote_links=remote_links
    )
    folder.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    for path, data in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if write_atomic(target, data, skip_unchanged=True):
            written.append(path)
    removed = _remove_stale(folder, set(files))
    return PublishResult(
        written=tuple(written), unchanged=len(files) - len(written), removed=removed
    )


def _remove_stale(folder: Path, keep: set[str]) -> tuple[str, ...]:
    """Remove feeds of the layout that are no longer published, then empty feed folders."""
    removed: list[str] = []
    candidates = [folder / "all.ics"]
    for name in FEED_FOLDERS:
        candidates.extend(sorted((folder / name).glob("**/*.ics")))
    for path in candidates:
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and scope_for_path(relative) and relative not in keep:
            path.unlink()
            removed.append(relative)
    for name in FEED_FOLDERS:
        for sub in sorted((folder / name).glob("**/"), key=lambda p: len(p.parts), reverse=True):
            with contextlib.suppress(OSError):  # not empty: something else lives there
                sub.rmdir()
    return tuple(removed)
