# SPDX-License-Identifier: MIT
"""The plugin's words: its gettext catalog, enum labels and the names of councils and bodies.

>>> from iprmodel import examples
>>> hallingdal = examples.load("hallingdal").council("hallingdal")
>>> council_label(hallingdal, "nn"), default_locale((hallingdal,))
('Hallingdal IPR', 'nn')
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final

import attrs

from iprmodel.l10n import label, translator
from iprmodel.model import Body, BodyKind, Council, MeetingKind
from iprmodel.model.participants import WrittenStandard
from iprmodel.model.text import Locale

__all__ = [
    "DOMAIN",
    "LOCALEDIR",
    "Words",
    "body_label",
    "council_label",
    "default_locale",
    "words",
]

#: The gettext domain of this plugin's words (summaries, agenda heading, feed names).
DOMAIN: Final = "iprmodel_ical"
#: Where this plugin's catalogs live.
LOCALEDIR: Final = Path(__file__).parent / "locale"


@attrs.frozen(kw_only=True)
class Words:
    """Everything locale-dependent, looked up once per locale."""

    locale: Locale
    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]
    body_kinds: dict[BodyKind, str]
    meeting_kinds: dict[MeetingKind, str]


@functools.cache
def words(locale: Locale) -> Words:
    """The plugin's words in ``locale`` (cached)."""
    catalog: gettext.NullTranslations = translator(locale, DOMAIN, LOCALEDIR)
    return Words(
        locale=locale,
        gettext=catalog.gettext,
        ngettext=catalog.ngettext,
        body_kinds={kind: label(kind, locale) for kind in BodyKind},
        meeting_kinds={kind: label(kind, locale) for kind in MeetingKind},
    )


def default_locale(councils: Iterable[Council]) -> Locale:
    """The councils' own written standard when they agree (Hallingdal: nn), else nb."""
    standards = {c.written_standard for c in councils}
    if standards == {WrittenStandard.NYNORSK}:
        return "nn"
    return "nb"


def council_label(council: Council, locale: Locale) -> str:
    """The name that says whose a meeting is: short ("Hadeland IPR"), everyday or formal."""
    name = council.short_name or council.everyday_name or council.formal_name
    return name.get(locale)


def body_label(body: Body, locale: Locale) -> str:
    """A body's everyday name, else its name."""
    return (body.everyday_name or body.name).get(locale)


def names_council(council: Council, body_name: str, locale: Locale) -> bool:
    """Whether ``body_name`` already says whose it is (Hallingdal's "Regionrådet for Hallingdal")."""
    folded = body_name.casefold()
    names = (council.short_name, council.everyday_name, council.formal_name)
    return any(name is not None and name.get(locale).casefold() in folded for name in names)
