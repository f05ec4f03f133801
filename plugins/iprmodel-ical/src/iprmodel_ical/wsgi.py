# SPDX-License-Identifier: MIT
"""A WSGI application serving the feed site's URLs straight from a register.

The same paths as :func:`iprmodel_ical.site.publish` writes (``/``, ``/index.nn.html``,
``/all.ics``, ``/council/ID.ics``, ``/body/COUNCIL/ID.ics``, ``/participant/ID.ics``),
with what calendar clients and caches rely on: ``Content-Type: text/calendar;
charset=utf-8``, a strong ``ETag`` from the bytes, ``304`` to ``If-None-Match`` (and
to ``If-Modified-Since``), ``HEAD``, ``Last-Modified`` from the newest
``Meeting.modified`` in the feed, ``Cache-Control``, ``404`` for unknown paths and
``405`` for other methods. A failure never shows a traceback to the client.

Each feed is built once per register and kept; a new register (the source callable
returns another object) starts afresh.

>>> from iprmodel import examples
>>> app = FeedApp(examples.load("hallingdal"))
>>> seen = []
>>> body = app({"REQUEST_METHOD": "GET", "PATH_INFO": "/all.ics"},
...            lambda status, headers: seen.append((status, dict(headers))))
>>> seen[0][0], seen[0][1]["Content-Type"]
('200 OK', 'text/calendar; charset=utf-8')
>>> environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/all.ics",
...            "HTTP_IF_NONE_MATCH": seen[0][1]["ETag"]}
>>> list(app(environ, lambda status, headers: seen.append((status, headers))))
[]
>>> seen[-1][0]
'304 Not Modified'
"""

from __future__ import annotations

import hashlib
import sys
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from typing import Any, Final

import attrs

from iprmodel.errors import LoadError
from iprmodel.exporters import ExportRequest
from iprmodel.model import Register
from iprmodel.model.text import Locale
from iprmodel_ical.exporter import FeedWriter, feed_options
from iprmodel_ical.page import LOCALES, index_page, page_name
from iprmodel_ical.scopes import Selection, feed_locale
from iprmodel_ical.site import scope_for_path

__all__ = ["FeedApp", "FileSource"]

StartResponse = Callable[..., Any]
_ICS: Final = "text/calendar; charset=utf-8"
_HTML: Final = "text/html; charset=utf-8"
_TEXT: Final = "text/plain; charset=utf-8"


@attrs.frozen(kw_only=True)
class _Resource:
    body: bytes
    content_type: str
    etag: str
    modified: datetime | None
    headers: tuple[tuple[str, str], ...]  # worked out once: a 304 is then a lookup


def _resource(body: bytes, content_type: str, modified: datetime | None, cache: str) -> _Resource:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = [("Content-Type", content_type), ("ETag", etag), ("Cache-Control", cache)]
    if modified is not None:
        headers.append(("Last-Modified", format_datetime(modified.astimezone(UTC), usegmt=True)))
    return _Resource(
        body=body, content_type=content_type, etag=etag, modified=modified, headers=tuple(headers)
    )


def _newest(selection: Selection) -> datetime | None:
    return max((m.modified for _c, m, _r in selection.items), default=None)


class _Site:
    """The resources of one register, built on first request and kept."""

    def __init__(self, register: Register, app: FeedApp) -> None:
        options = {"remote_links": "true" if app.remote_links else "false"}
        self.writer = FeedWriter(register, ExportRequest(locale=app.locale, options=options))
        self.app = app
        self.register = register
        self.scopes = self.writer.index.scopes(persons=app.persons)
        self.allowed = frozenset(self.scopes)
        # Only real resources are kept: unknown paths must not fill the memory.
        self.resources: dict[str, _Resource] = {}
        self.lock = threading.Lock()

    def get(self, path: str) -> _Resource | None:
        found = self.resources.get(path)
        if found is not None:
            return found
        with self.lock:
            built = self._build(path)
            if built is not None:
                self.resources[path] = built
        return built

    def _build(self, path: str) -> _Resource | None:
        index = self.writer.index
        pages: dict[str, Locale] = {page_name(loc): loc for loc in LOCALES}
        if path in {"", "index.html"} or path in pages:
            default = self.app.locale or feed_locale(None, self.register.councils)
            selections = [index.select(scope) for scope in self.scopes]
            page = index_page(
                self.register, selections, pages.get(path, default), base_url=self.app.base_url
            )
            return _resource(page, _HTML, _newest(index.select("all")), self.app.cache_control)
        scope = scope_for_path(path)
        if scope is None or scope not in self.allowed:
            return None
        selection = index.select(scope)
        url = f"{self.app.base_url}{path}" if self.app.base_url else None
        body = self.writer.write(selection, url=url)
        return _resource(body, _ICS, _newest(selection), self.app.cache_control)


class FeedApp:
    """WSGI application over a register, or over a callable returning the current one.

    Args:
        source: A :class:`~iprmodel.model.Register`, or a callable returning one per
            request (e.g. :class:`FileSource`, which reloads a file when it changes).
        base_url: The public ``https://`` address the app is mounted at, for the
            page's ``webcal://`` links and each feed's own URL.
        locale: Language of feeds and of ``/``; default: the councils' standard.
        persons: Serve ``/person/ID.ics`` too.
        remote_links: Include remote-meeting join links (default: no).
        cache_control: The ``Cache-Control`` header of every answer.
    """

    def __init__(
        self,
        source: Register | Callable[[], Register],
        *,
        base_url: str | None = None,
        locale: Locale | None = None,
        persons: bool = False,
        remote_links: bool = False,
        cache_control: str = "public, max-age=3600",
    ) -> None:
        self._source = source
        self.base_url = base_url.rstrip("/") + "/" if base_url else None
        self.locale: Locale | None = locale
        self.persons = persons
        self.remote_links = remote_links
        self.cache_control = cache_control
        self._site: _Site | None = None
        if self.base_url:
            feed_options(ExportRequest(options={"url": self.base_url}))

    def check(self) -> None:
        """Load the register and index it now, so a server starts only on usable data.

        Raises:
            LoadError: the source could not be loaded.
        """
        self._current()

    def _current(self) -> _Site:
        source = self._source
        register = source if isinstance(source, Register) else source()
        site = self._site
        if site is None or site.register is not register:
            site = self._site = _Site(register, self)
        return site

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """Answer one request (PEP 3333)."""
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in {"GET", "HEAD"}:
            return _plain(
                start_response,
                "405 Method Not Allowed",
                "method not allowed\n",
                [("Allow", "GET, HEAD")],
            )
        path = str(environ.get("PATH_INFO", "")).lstrip("/")
        try:
            resource = self._current().get(path)
        except Exception as error:  # never a traceback to the client
            stream = environ.get("wsgi.errors", sys.stderr)
            print(f"iprmodel feed: {type(error).__name__}: {error}", file=stream)
            return _plain(start_response, "500 Internal Server Error", "internal error\n")
        if resource is None:
            return _plain(start_response, "404 Not Found", "not found\n")
        headers = list(resource.headers)
        if _not_modified(environ, resource):
            start_response("304 Not Modified", headers)
            return []
        headers.append(("Content-Length", str(len(resource.body))))
        start_response("200 OK", headers)
        return [] if method == "HEAD" else [resource.body]


def _not_modified(environ: dict[str, Any], resource: _Resource) -> bool:
    match = environ.get("HTTP_IF_NONE_MATCH")
    if match is not None:
        tags = {t.strip().removeprefix("W/") for t in str(match).split(",")}
        return "*" in tags or resource.etag in tags
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if since and resource.modified is not None:
        try:
            when = parsedate_to_datetime(str(since))
        except (TypeError, ValueError):
            return False
        if when.tzinfo is None:
            return False
        return resource.modified.replace(microsecond=0) <= when
    return False


def _plain(
    start_response: StartResponse,
    status: str,
    text: str,
    extra: list[tuple[str, str]] | None = None,
) -> list[bytes]:
    body = text.encode()
    headers = [("Content-Type", _TEXT), ("Content-Length", str(len(body))), *(extra or [])]
    start_response(status, headers)
    return [body]


class FileSource:
    """A register file, loaded again when it changes (checked at most once a second).

    A file that no longer loads (saved half-way, a typo) is reported on ``errors``
    and the last good register stays in service.

    Raises:
        LoadError: the first load finds problems (nothing to serve yet).
    """

    def __init__(self, path: Path, *, errors: Callable[[str], None] | None = None) -> None:
        from iprmodel import serialization

        self._load = serialization.load
        self.path = path
        self._errors = errors or (lambda text: print(text, file=sys.stderr))
        self._stamp = self._stat()
        self.register: Register = self._load(path)
        self._checked = 0.0
        self._lock = threading.Lock()

    def _stat(self) -> tuple[int, int]:
        info = self.path.stat()
        return info.st_mtime_ns, info.st_size

    def __call__(self) -> Register:
        """The current register."""
        import time

        now = time.monotonic()
        if now - self._checked < 1.0:
            return self.register
        with self._lock:
            self._checked = now
            try:
                stamp = self._stat()
            except OSError as error:  # moved away while being saved: try again later
                self._errors(f"{self.path}: {error.strerror or error}")
                return self.register
            if stamp != self._stamp:
                self._stamp = stamp  # a broken file is reported once, not every second
                try:
                    self.register = self._load(self.path)
                except LoadError as error:  # keep serving the last good register
                    self._errors("\n".join(problem.line() for problem in error.problems))
        return self.register
