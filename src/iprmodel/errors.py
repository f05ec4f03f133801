# SPDX-License-Identifier: MIT
"""The one exception hierarchy of iprmodel.

Messages are English templates with named parameters, so the command line can show
them in Bokmål, Nynorsk or English (:mod:`iprmodel.l10n`); ``str()`` gives English.

>>> error = LoadError((Problem(path="councils[0].id", template="{field} must not be empty",
...                            params=(("field", "id"),)),))
>>> print(error)
councils[0].id: id must not be empty
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar, Final

import attrs


class IprModelError(Exception):
    """Base class of every error iprmodel raises on purpose."""


class Phrase(str):
    """A message parameter that is itself English words, translated with the template.

    ``InvalidValue("expected {expected}", expected=Phrase("an integer"))`` reads
    "venta eit heiltal" in Nynorsk, not "venta an integer".
    """

    __slots__ = ()


def _identity(template: str) -> str:
    return template


# What text from the input must never bring to a terminal: control characters
# (newline included: a forged "Summary: 0 errors" line), ESC sequences, line and
# paragraph separators, bidirectional marks and overrides, lone surrogates; and the
# characters that show as nothing (zero-width, soft hyphen, BOM, tags, Hangul fillers),
# since "name\u200b: unknown key" must not read as "name: unknown key".
_UNSAFE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\u3164\ud800-\udfff\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f]"
)


def _code(match: re.Match[str]) -> str:
    point = ord(match.group())
    return f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}"


def escape(text: str) -> str:
    r"""``text`` with every character that could forge or recolour terminal output as ``\uXXXX``.

    Every message shows input text (ids, keys, values, paths) through this.

    >>> print(escape("gol\nSummary: 0 errors \x1b[32m\u202eok"))
    gol\u000aSummary: 0 errors \u001b[32m\u202eok
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_code, text)


def _json_code(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\t\n\r":  # outside strings: JSON's own whitespace (inside, always escaped)
        return char
    units = char.encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{units[i]:02x}{units[i + 1]:02x}" for i in range(0, len(units), 2))


def escape_json(text: str) -> str:
    r"""JSON ``text`` with what :func:`escape` escapes written as JSON ``\uXXXX`` escapes.

    A parser reads the same strings; a terminal showing the text shows no bidi override.

    >>> print(escape_json('{"path": "x‮abc"}'))
    {"path": "x\u202eabc"}
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_json_code, text)


def render(
    template: str, params: Mapping[str, Any], translate: Callable[[str], str] = _identity
) -> str:
    """Fill ``template`` with ``params`` after translating it (and any :class:`Phrase`).

    Other text parameters come from the input: they are shown escaped (:func:`escape`).
    """
    values = {
        key: translate(v) if isinstance(v, Phrase) else escape(v) if isinstance(v, str) else v
        for key, v in params.items()
    }
    return translate(template).format(**values)


class TemplatedError(IprModelError):
    """An error whose message is an English template with named parameters.

    :attr:`domain` and :attr:`localedir` name the gettext catalog that translates the
    template, so the command line shows the message in nb, nn or en.
    """

    #: The gettext domain holding the template.
    domain: ClassVar[str] = "iprmodel"
    #: The folder of that domain's catalogs; ``None``: the core's folder.
    localedir: ClassVar[Path | None] = None

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(render(template, params))

    #: Where inside the object the problem is (``persons[3].id``), when the check that
    #: found it runs on a whole object; loading appends it to the object's path.
    at: str | None = None

    def message(self, translate: Callable[[str], str] = _identity) -> str:
        """The message in the language of ``translate`` (a gettext function)."""
        return render(self.template, self.params, translate)


class InvalidValue(TemplatedError, ValueError):
    """A value breaks a rule of the model. ``template`` is an English message template."""


class InvalidType(InvalidValue, TypeError):
    """A value has the wrong type (3 where text was expected)."""


@attrs.frozen(kw_only=True)
class Problem:
    """One problem found while loading: where (a path) and what (a message)."""

    path: str
    template: str
    params: tuple[tuple[str, Any], ...] = ()

    def message(self, translate: Callable[[str], str] = _identity) -> str:
        """The message, with ``translate`` applied to the template and to :class:`Phrase` params."""
        return render(self.template, dict(self.params), translate)

    def line(self, translate: Callable[[str], str] = _identity) -> str:
        """``path: message``, the form the command line prints (the path escaped)."""
        message = self.message(translate)
        return f"{escape(self.path)}: {message}" if self.path else message


class LoadError(IprModelError):
    """Data could not be loaded; ``problems`` lists the problems found, one per path.

    Loading stops collecting after a limit (``max_problems``, 200 by default): then
    :attr:`omitted` is how many more were found, and the last entry of ``problems``
    (without a path) says so: "… and 12 more problems".
    """

    def __init__(self, problems: Iterable[Problem], *, omitted: int = 0) -> None:
        self.problems = tuple(problems)
        #: Problems found beyond the limit and not listed (a lower bound if checking stopped).
        self.omitted = omitted
        super().__init__("\n".join(p.line() for p in self.problems))


class FormatVersionError(LoadError):
    """The data is in a format version this release cannot read."""


class UnknownExporterError(IprModelError, LookupError):
    """No exporter is installed under that name; ``available`` lists those that are."""

    def __init__(self, name: str, available: Iterable[str]) -> None:
        self.name = name
        self.available = tuple(sorted(available))
        listed = ", ".join(self.available) or "none"
        super().__init__(f"no exporter named {name!r}; installed: {listed}")


class ExportError(TemplatedError):
    """An exporter could not produce its file from the data and options given.

    A plugin whose templates live in its own gettext catalog raises a subclass that
    sets :attr:`domain` and :attr:`localedir` to that catalog.
    """
