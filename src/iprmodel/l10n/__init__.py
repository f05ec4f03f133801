# SPDX-License-Identifier: MIT
"""Words: gettext catalogs in Bokmål (nb), Nynorsk (nn) and English (en).

Message ids are English. The model holds no translated text; this package turns enum
members and message templates into words. Every enum member has a label in every
locale (a test fails on an empty ``msgstr`` or a ``.mo`` out of step with its ``.po``).

>>> from iprmodel.model import BodyKind
>>> label(BodyKind.REPRESENTANTSKAP, "nn")
'representantskap'
>>> translator("nb").gettext("required field missing")
'obligatorisk felt mangler'
"""

from __future__ import annotations

import enum
import functools
import gettext
from pathlib import Path
from typing import Final

from iprmodel.l10n.labels import LABELS
from iprmodel.model.meetings import AgendaItem
from iprmodel.model.text import LOCALES, Locale

__all__ = [
    "DOMAIN",
    "LOCALEDIR",
    "LOCALES",
    "Locale",
    "access_basis",
    "label",
    "parse_locale",
    "translator",
]

#: The gettext domain of the core catalog.
DOMAIN: Final = "iprmodel"
#: Where the core catalogs live: ``locale/<lang>/LC_MESSAGES/iprmodel.po``.
LOCALEDIR: Final = Path(__file__).parent / "locale"


@functools.cache
def translator(
    locale: Locale, domain: str = DOMAIN, localedir: Path = LOCALEDIR
) -> gettext.NullTranslations:
    """The catalog for ``locale`` in ``domain``; plugins pass their own domain and folder."""
    return gettext.translation(domain, localedir=localedir, languages=[locale], fallback=False)


def label(member: enum.Enum, locale: Locale) -> str:
    """The word for an enum member in ``locale``."""
    context, msgid = LABELS[member]
    return translator(locale).pgettext(context, msgid)


def access_basis(item: AgendaItem, locale: Locale) -> str | None:
    """Why a closed item is closed, as the register states it; ``None`` for an open item.

    The koml. § 11-5 paragraph that closes it, then the offentleglova exemption of its
    documents where the register gives one (``AgendaItem.exemption``): every document
    and export that shows the basis shows both. Neither is ever guessed from the other.

    >>> from iprmodel.model import ClosedBasis
    >>> item = AgendaItem(id="s", order=1, number="PS 5/2026", title="Lønn",
    ...     closed_basis=ClosedBasis.EMPLOYEE, exemption="offl. § 25 første ledd")
    >>> access_basis(item, "nn")
    'koml. § 11-5 andre ledd bokstav a (tenesteforhold); offl. § 25 første ledd'
    """
    if item.closed_basis is None:
        return None
    words = label(item.closed_basis, locale)
    return words if item.exemption is None else f"{words}; {item.exemption}"


def parse_locale(value: str) -> Locale:
    """Check a locale string: ``nb``, ``nn`` or ``en``."""
    if value not in LOCALES:
        msg = f"unknown locale {value!r}; use one of: {', '.join(LOCALES)}"
        raise ValueError(msg)
    return value
