# SPDX-License-Identifier: MIT
"""Findings: what the legal and consistency checks report.

A :class:`Finding` has a stable ``code`` (``IPR-18-3-MEMBERS``), a :class:`Severity`,
the ``path`` of the object in the same style as the loader's errors
(``councils[hallingdal].bodies[hallingtinget]``), an English message template with
parameters, the paragraph it enforces (:class:`~iprmodel.rules.Ref`) and whether the
rule rests on an interpretation of the law (then the message says so).

>>> from iprmodel.rules._text import Ref
>>> finding = Finding(
...     code="IPR-18-3-REPRESENTANTSKAP", severity=Severity.ERROR, path="councils[demo]",
...     template="The council has no representantskap.",
...     reference=Ref(section="18-3", paragraph=1),
... )
>>> finding.english()
'The council has no representantskap.'
>>> str(finding.reference)
'koml. § 18-3 first paragraph'
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

from iprmodel.model.text import Locale
from iprmodel.rules._text import N_, Message, Param, Ref, pgettext, translations

__all__ = ["INTERPRETATION_NOTE", "SEVERITY_ORDER", "Finding", "Severity"]


class Severity(enum.Enum):
    """How serious a finding is."""

    #: The law (or the data's own consistency) is broken.
    ERROR = "error"
    #: Something is missing or doubtful; the record should be completed or checked.
    WARNING = "warning"
    #: Worth knowing; nothing to fix.
    INFO = "info"

    def label(self, locale: Locale) -> str:
        """The word for the severity in ``locale``."""
        return pgettext(locale, "severity", _SEVERITY_WORDS[self])


_SEVERITY_WORDS: Final = {
    Severity.ERROR: N_("error"),
    Severity.WARNING: N_("warning"),
    Severity.INFO: N_("info"),
}

#: Most serious first.
SEVERITY_ORDER: Final = (Severity.ERROR, Severity.WARNING, Severity.INFO)

#: Appended to the message of a finding that rests on an interpretation.
INTERPRETATION_NOTE: Final = N_(
    "(Interpretation: the law does not settle this; the check follows the reading"
    " explained in the documentation.)"
)


@attrs.frozen(kw_only=True)
class Finding:
    """One result of a check: where, what, how serious, and which paragraph."""

    code: str
    severity: Severity
    path: str
    template: str
    params: tuple[tuple[str, Param], ...] = ()
    reference: Ref | None = None
    interpretation: bool = False

    @classmethod
    def of(
        cls,
        code: str,
        severity: Severity,
        path: str,
        template: str,
        /,
        *,
        reference: Ref | None = None,
        interpretation: bool = False,
        **params: Param,
    ) -> Finding:
        """Build a finding with keyword parameters for the template."""
        return cls(
            code=code,
            severity=severity,
            path=path,
            template=template,
            params=tuple(sorted(params.items())),
            reference=reference,
            interpretation=interpretation,
        )

    @property
    def text(self) -> Message:
        """The message template and parameters."""
        return Message(template=self.template, params=self.params)

    def message(self, locale: Locale) -> str:
        """The message in ``locale``; interpretations say so."""
        text = self.text.render(locale)
        if self.interpretation:
            text = f"{text} {translations(locale).gettext(INTERPRETATION_NOTE)}"
        return text

    def reference_text(self, locale: Locale) -> str:
        """The paragraph in the words of ``locale``; empty when the rule is the body's own."""
        return self.reference.render(locale) if self.reference is not None else ""

    def english(self) -> str:
        """The message in English from the template alone (no catalogs needed)."""
        text = self.text.english()
        return f"{text} {INTERPRETATION_NOTE}" if self.interpretation else text
