# SPDX-License-Identifier: MIT
"""The plugin's own words (gettext domain ``iprmodel_fiks``) in nb, nn and en.

Message ids are English; ``locale`` ``None`` gives Bokmål, the default of the
command line. Enum words (seat kinds, positions) come from the core catalog
(:func:`iprmodel.l10n.label`).

>>> gettext("nn", "{body}, meeting {number}")
'{body}, møte {number}'
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from iprmodel.l10n import translator
from iprmodel.model.text import Locale

__all__ = ["DOMAIN", "LOCALEDIR", "gettext"]

#: The plugin's gettext domain.
DOMAIN: Final = "iprmodel_fiks"
#: Where its catalogs live: ``locale/<lang>/LC_MESSAGES/iprmodel_fiks.po``.
LOCALEDIR: Final = Path(__file__).parent / "locale"


def gettext(locale: Locale | None, message: str) -> str:
    """``message`` in ``locale`` (Bokmål when ``None``)."""
    return translator(locale or "nb", DOMAIN, LOCALEDIR).gettext(message)
