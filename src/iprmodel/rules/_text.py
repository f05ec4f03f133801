# SPDX-License-Identifier: MIT
"""Words for the rules: message templates with parameters, and legal references.

Reasons and findings keep an English message template (the gettext ``msgid`` of the
``iprmodel_rules`` domain) and its parameters; they are rendered in Bokmål, Nynorsk or
English only when asked for. Parameters that are enum members are rendered through
:func:`iprmodel.l10n.label`, :class:`~iprmodel.model.LocalizedText` in the locale asked
for, and a :class:`Ref` (a paragraph of kommuneloven, "koml.") in the words of the locale.

>>> Ref(section="18-3", paragraph=1).render("nb")
'koml. § 18-3 første ledd'
>>> Ref(section="18-4", paragraph=4, letter="f").render("en")
'koml. § 18-4 fourth paragraph (f)'
>>> Message.of("{count} votes for", count=3).render("en")
'3 votes for'
"""

from __future__ import annotations

import enum
import gettext
from collections.abc import Callable
from fractions import Fraction
from typing import Final, TypeAlias

import attrs

from iprmodel.model.text import Locale, LocalizedText

#: The gettext domain of the rules' own words.
DOMAIN: Final = "iprmodel_rules"

#: A value a message template can show.
Scalar: TypeAlias = "str | int | Fraction | enum.Enum | LocalizedText | Ref | Word | Message"
Param: TypeAlias = "Scalar | tuple[Scalar, ...]"


def N_(message: str) -> str:
    """Mark ``message`` as a msgid of the ``iprmodel_rules`` catalog; return it unchanged."""
    return message


def translations(locale: Locale) -> gettext.NullTranslations:
    """The ``iprmodel_rules`` catalog for ``locale``."""
    # Imported here so voting evaluation works without loading catalogs.
    from iprmodel.l10n import translator

    return translator(locale, DOMAIN)


_ORDINALS: Final = (
    N_("first"),
    N_("second"),
    N_("third"),
    N_("fourth"),
    N_("fifth"),
    N_("sixth"),
)


@attrs.frozen(kw_only=True)
class Ref:
    """A paragraph of kommuneloven (koml.): section, optional ledd and bokstav.

    ``last_section`` makes a range ("koml. §§ 7-5–7-7"); ``also`` a second paragraph the
    first is read with ("koml. § 18-4 andre ledd, jf. fjerde ledd bokstav a–h").

    >>> Ref(section="7-2", paragraph=3, letter="c",
    ...     also=Ref(section="7-2", paragraph=4)).render("nb")
    'koml. § 7-2 tredje ledd bokstav c, jf. fjerde ledd'
    """

    section: str
    paragraph: int | None = None
    letter: str | None = None
    last_section: str | None = None
    also: Ref | None = None

    def render(self, locale: Locale) -> str:
        """The reference in the words of ``locale``."""
        text = self._render_one(locale)
        if self.also is None:
            return text
        t = translations(locale)
        return t.gettext("{reference}, cf. {other}").format(
            reference=text, other=self.also._render_one(locale, within=self.section)
        )

    def _render_one(self, locale: Locale, *, within: str | None = None) -> str:
        t = translations(locale)
        if within == self.section and self.paragraph is not None and self.last_section is None:
            ordinal = t.pgettext("paragraph", _ORDINALS[self.paragraph - 1])
            if self.letter is None:
                return t.gettext("{ordinal} paragraph").format(ordinal=ordinal)
            return t.gettext("{ordinal} paragraph ({letter})").format(
                ordinal=ordinal, letter=self.letter
            )
        if self.last_section is not None:
            return t.gettext("koml. §§ {first}–{last}").format(
                first=self.section, last=self.last_section
            )
        if self.paragraph is None:
            return t.gettext("koml. § {section}").format(section=self.section)
        ordinal = t.pgettext("paragraph", _ORDINALS[self.paragraph - 1])
        if self.letter is None:
            return t.gettext("koml. § {section} {ordinal} paragraph").format(
                section=self.section, ordinal=ordinal
            )
        return t.gettext("koml. § {section} {ordinal} paragraph ({letter})").format(
            section=self.section, ordinal=ordinal, letter=self.letter
        )

    def __str__(self) -> str:
        """The reference in English words (no catalog needed)."""
        if self.also is None:
            return self._english()
        other = self.also
        if other.section == self.section and other.paragraph is not None:
            tail = f"{_ORDINALS[other.paragraph - 1]} paragraph"
            tail = tail if other.letter is None else f"{tail} ({other.letter})"
        else:
            tail = str(other)
        return f"{self._english()}, cf. {tail}"

    def _english(self) -> str:
        if self.last_section is not None:
            return f"koml. §§ {self.section}–{self.last_section}"
        if self.paragraph is None:
            return f"koml. § {self.section}"
        text = f"koml. § {self.section} {_ORDINALS[self.paragraph - 1]} paragraph"
        return text if self.letter is None else f"{text} ({self.letter})"


@attrs.frozen
class Word:
    """A word or phrase of the rules catalog used as a parameter ("the votes cast")."""

    msgid: str

    def __str__(self) -> str:
        return self.msgid


def _render_scalar(value: Scalar, locale: Locale, t: gettext.NullTranslations) -> str:
    if isinstance(value, Word):
        return t.gettext(value.msgid)
    if isinstance(value, Message):
        return value.render(locale)
    if isinstance(value, Ref):
        return value.render(locale)
    if isinstance(value, LocalizedText):
        return value.get(locale)
    if isinstance(value, enum.Enum):
        from iprmodel.l10n import label

        return label(value, locale)
    if isinstance(value, Fraction):
        return str(value)
    return str(value)


def render_param(value: Param, locale: Locale) -> str:
    """One parameter in the words of ``locale``; tuples are joined with commas.

    A tuple of messages is a run of sentences, so it is joined with spaces.
    """
    t = translations(locale)
    if isinstance(value, tuple):
        joiner = " " if value and all(isinstance(item, Message) for item in value) else ", "
        return joiner.join(_render_scalar(item, locale, t) for item in value)
    return _render_scalar(value, locale, t)


def _english(value: Param) -> str:
    if isinstance(value, Message):
        return value.english()
    if isinstance(value, tuple):
        joiner = " " if value and all(isinstance(item, Message) for item in value) else ", "
        return joiner.join(_english(item) for item in value)
    if isinstance(value, LocalizedText):
        return value.get("en")
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


@attrs.frozen(kw_only=True)
class Message:
    """An English message template (a msgid) and its named parameters."""

    template: str
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(cls, template: str, /, **params: Param) -> Message:
        """Build a message; parameters keep the (deterministic) order they are given in."""
        return cls(template=template, params=tuple(params.items()))

    def render(self, locale: Locale) -> str:
        """The message in ``locale``."""
        t = translations(locale)
        values = {name: render_param(value, locale) for name, value in self.params}
        return t.gettext(self.template).format(**values)

    def english(self) -> str:
        """The message in English from the template alone, without catalogs or labels."""
        return self.template.format(**{name: _english(value) for name, value in self.params})


def pgettext(locale: Locale, context: str, message: str) -> str:
    """``pgettext`` in the rules catalog (words such as severities and decision kinds)."""
    return translations(locale).pgettext(context, message)


Translate = Callable[[str], str]

__all__ = [
    "DOMAIN",
    "N_",
    "Message",
    "Param",
    "Ref",
    "Scalar",
    "Word",
    "pgettext",
    "render_param",
    "translations",
]
