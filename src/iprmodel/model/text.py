# SPDX-License-Identifier: MIT
"""User-supplied text in the two written standards (målformer) and English.

The model holds no translated words of its own (enums carry meaning, :mod:`iprmodel.l10n`
turns them into words); only names and texts that people wrote are stored, in Bokmål
(``nb``), Nynorsk (``nn``) and optionally English (``en``) where they differ.

>>> name = LocalizedText(nn="Regionrådet for Hallingdal")
>>> name.get("nb")
'Regionrådet for Hallingdal'
>>> LocalizedText(nb="Gran kommune").get("nn")
'Gran kommune'
"""

from __future__ import annotations

from typing import Literal

import attrs

from iprmodel.errors import InvalidValue
from iprmodel.model._fields import text_field

#: The locales every user-visible word exists in.
Locale = Literal["nb", "nn", "en"]
LOCALES: tuple[Locale, ...] = ("nb", "nn", "en")


@attrs.frozen(kw_only=True)
class LocalizedText:
    """A text written by people, in Bokmål, Nynorsk and/or English.

    At least one of ``nb`` and ``nn`` must be given. :meth:`get` falls back to the
    other written standard, and English falls back to Bokmål, then Nynorsk.
    """

    nb: str = text_field(default="")
    nn: str = text_field(default="")
    en: str = text_field(default="")

    def __attrs_post_init__(self) -> None:
        if not (self.nb.strip() or self.nn.strip()):
            raise InvalidValue("give the text in Bokmål (nb) or Nynorsk (nn); both are empty")

    def get(self, locale: Locale) -> str:
        """Return the text for ``locale``, falling back as described above."""
        if locale == "nn":
            return self.nn or self.nb
        if locale == "en":
            return self.en or self.nb or self.nn
        return self.nb or self.nn
