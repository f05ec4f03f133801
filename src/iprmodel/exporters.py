# SPDX-License-Identifier: MIT
"""The exporter seam: a protocol and a lazy registry over the ``iprmodel.exporters`` group.

A plugin is a separate distribution that declares, in its ``pyproject.toml``::

    [project.entry-points."iprmodel.exporters"]
    ics = "iprmodel_ical:ICalExporter"

The entry point names a class with a no-argument constructor that meets
:class:`Exporter`. Nothing is imported until asked for; a plugin that fails to import
is reported by :func:`broken` and skipped, never fatal.

>>> registry = Registry(entry_points={})
>>> registry.names()
()
>>> registry.load("ics")
Traceback (most recent call last):
...
iprmodel.errors.UnknownExporterError: no exporter named 'ics'; installed: none
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Mapping
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Final, Protocol, TextIO, runtime_checkable

import attrs

from iprmodel.errors import ExportError, TemplatedError, UnknownExporterError
from iprmodel.model import Register
from iprmodel.model.text import Locale

__all__ = [
    "EXPORTERS_GROUP",
    "ExportRequest",
    "ExportWarning",
    "Exporter",
    "Registry",
    "available",
    "broken",
    "load",
    "write_warnings",
]

#: The entry-point group plugins register their exporter classes in.
EXPORTERS_GROUP: Final = "iprmodel.exporters"

_log = logging.getLogger(__name__)
_ON: Final = frozenset({"1", "true", "yes", "ja", "on"})
_OFF: Final = frozenset({"", "0", "false", "no", "nei", "off"})


class ExportWarning(TemplatedError):
    """Something the output shows but the user should know: a required value missing.

    Not raised: an exporter hands it to :meth:`ExportRequest.warn` and still writes
    its file (with a visible marker where the value belongs). A plugin whose templates
    live in its own catalog subclasses it with its :attr:`domain` and :attr:`localedir`.

    >>> ExportWarning("the meeting {meeting} has no place", meeting="rr-1").message()
    'the meeting rr-1 has no place'
    """


@attrs.frozen(kw_only=True)
class ExportRequest:
    """What to export and how.

    ``locale`` ``None`` lets the exporter choose the council's own written standard.
    ``scope`` narrows the export: ``council:ID``, ``body:ID``, ``participant:ID``,
    ``person:ID`` (``None``: everything). ``document`` picks a document kind for
    exporters that make several (the Word plugin). ``options`` carries further
    ``key=value`` settings an exporter documents itself. ``on_warning`` receives each
    :class:`ExportWarning` the exporter reports (``None``: warnings are dropped).

    >>> found = []
    >>> request = ExportRequest(on_warning=found.append)
    >>> request.warn(ExportWarning("no place"))
    >>> [w.message() for w in found]
    ['no place']
    """

    locale: Locale | None = None
    scope: str | None = None
    document: str | None = None
    template: Path | None = None
    options: Mapping[str, str] = attrs.field(factory=dict)
    on_warning: Callable[[ExportWarning], None] | None = attrs.field(
        default=None, eq=False, repr=False
    )

    def warn(self, warning: ExportWarning) -> None:
        """Report ``warning`` to whoever asked (the command line prints it on stderr)."""
        if self.on_warning is not None:
            self.on_warning(warning)

    def option(self, key: str, default: str | None = None) -> str | None:
        """The option ``key``, or ``default``."""
        return self.options.get(key, default)

    def flag(self, key: str) -> bool:
        """Whether option ``key`` is on: ``yes``/``true``/``1``/``ja``; off when absent.

        Raises:
            ExportError: the value is neither on nor off (``attendees=maybe``).
        """
        value = (self.options.get(key) or "").strip().lower()
        if value in _ON:
            return True
        if value in _OFF:
            return False
        raise ExportError(
            "option {key} takes yes or no, got {value}", key=key, value=repr(self.options[key])
        )


@runtime_checkable
class Exporter(Protocol):
    """What every exporter plugin provides.

    ``export`` is a pure function of its arguments: the same register and request
    give the same bytes (no clock, no random ids).
    """

    #: The name users pass to ``--format`` (``ics``, ``docx``, ``json``).
    name: str
    #: The file suffix, with the dot (``.ics``).
    suffix: str
    #: The media type (``text/calendar``).
    media_type: str
    # Optional, read with getattr: ``documents`` (the kinds ``--document`` may name),
    # ``options`` (the ``--option`` keys it reads; others are refused) and
    # ``files(register, request) -> dict[str, bytes]`` (a format of many files: the
    # command line writes them into ``DIR/<source>-<name>/`` when ``-o`` is a folder).

    def export(self, register: Register, request: ExportRequest) -> bytes:
        """Render ``register`` as this format."""
        ...


@attrs.define
class Registry:
    """The installed exporters, discovered lazily through entry points.

    Pass ``entry_points`` (name -> loader) to test without installed plugins.
    """

    entry_points: Mapping[str, Callable[[], object]] | None = None
    _broken: dict[str, str] = attrs.field(factory=dict, init=False)
    _loaded: dict[str, Exporter] = attrs.field(factory=dict, init=False)

    def _sources(self) -> Mapping[str, Callable[[], object]]:
        if self.entry_points is None:
            found: dict[str, EntryPoint] = {}
            for entry_point in entry_points(group=EXPORTERS_GROUP):
                found.setdefault(entry_point.name, entry_point)
            self.entry_points = {name: ep.load for name, ep in found.items()}
        return self.entry_points

    def names(self) -> tuple[str, ...]:
        """The names of the installed exporters, sorted (broken ones included)."""
        return tuple(sorted(self._sources()))

    def load(self, name: str) -> Exporter:
        """The exporter ``name``; :class:`UnknownExporterError` lists the valid names."""
        if name in self._loaded:
            return self._loaded[name]
        sources = self._sources()
        if name not in sources:
            raise UnknownExporterError(name, self.working())
        try:
            factory = sources[name]()
            exporter = factory() if isinstance(factory, type) else factory
        except Exception as error:  # a plugin's failure must not take the host down
            self._broken[name] = f"{type(error).__name__}: {error}"
            _log.warning("exporter %r failed to load: %s", name, self._broken[name])
            raise UnknownExporterError(name, self.working()) from error
        if not isinstance(exporter, Exporter):
            self._broken[name] = "does not provide name, suffix, media_type and export()"
            raise UnknownExporterError(name, self.working())
        self._loaded[name] = exporter
        return exporter

    def working(self) -> tuple[str, ...]:
        """Names that have not failed to load so far."""
        return tuple(name for name in self.names() if name not in self._broken)

    def broken(self) -> dict[str, str]:
        """Exporters that failed to load, with the reason: tries every one not yet loaded."""
        for name in self.names():
            if name not in self._loaded and name not in self._broken:
                with contextlib.suppress(UnknownExporterError):
                    self.load(name)
        return dict(self._broken)


def write_warnings(warnings: Iterable[ExportWarning], locale: Locale, err: TextIO) -> None:
    """Write each warning as one line ``warning: ...`` in ``locale`` (nb, nn, en).

    Each warning is translated by its own catalog (a plugin's domain); control
    characters in the parameters cannot forge further terminal lines.

    >>> import io
    >>> out = io.StringIO()
    >>> write_warnings([ExportWarning("the meeting {m} has no place", m="a\\nb")], "en", out)
    >>> out.getvalue()
    'warning: the meeting a\\\\u000ab has no place\\n'
    """
    from iprmodel.l10n import LOCALEDIR, translator

    prefix = translator(locale).gettext("warning: {message}")
    for warning in warnings:
        catalog = translator(locale, warning.domain, warning.localedir or LOCALEDIR)
        text = " ".join(warning.message(catalog.gettext).split())
        text = "".join(c for c in text if c.isprintable())
        err.write(prefix.format(message=text) + "\n")


_default: Registry | None = None


def _registry() -> Registry:
    global _default
    if _default is None:
        _default = Registry()
    return _default


def available() -> tuple[str, ...]:
    """Names of the installed exporters."""
    return _registry().names()


def load(name: str) -> Exporter:
    """Load the installed exporter ``name``."""
    return _registry().load(name)


def broken() -> dict[str, str]:
    """Installed exporters that fail to load, with the reason."""
    return _registry().broken()
