# SPDX-License-Identifier: MIT
"""Norway's municipalities and counties valid from 1 January 2024: a built-in table.

357 municipalities (kommunar) and 15 counties (fylke), with their official numbers
and names, from Kartverket's administrative units (see :data:`SOURCES` and
``docs/reference/municipalities.md``); the counties' written standard (målform) from
Språkrådet's list. A municipality's number begins with its county's.

>>> gran = municipality("3446")
>>> gran.name, gran.county.name
('Gran', 'Innlandet')
>>> county("55").names["sme"]
'Romsa'
>>> municipality("5612").forms
('Guovdageaidnu', 'Kautokeino')
>>> len(municipalities()), len(counties())
(357, 15)
>>> lookup("46").written_standard
'nn'
>>> municipality("9999")
Traceback (most recent call last):
...
iprmodel.municipalities.UnknownNumberError: 9999 is not a municipality number in the built-in table of 2024 (357 municipalities)
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Final, Literal, TypeVar

import attrs

from iprmodel.errors import InvalidValue

__all__ = [
    "SOURCES",
    "County",
    "Municipality",
    "UnknownNumberError",
    "counties",
    "county",
    "lookup",
    "municipalities",
    "municipality",
]

#: The official sources the table is built from (title, publisher, version, URL).
SOURCES: Final = (
    "Kartverket: Administrative enheter – fylker (Basisdata_0000_Norge_25833_Fylker_GeoJSON),"
    " extract 2023-12-15, valid from 2024-01-01, https://kartkatalog.geonorge.no, CC BY 4.0",
    "Kartverket: Administrative enheter – kommuner 2024 (kommunenummer, kommunenavn), as"
    " redistributed in github.com/robhop/fylker-og-kommuner Kommuner-S.geojson at commit"
    " ae8782500090144c2b74d6bb2a89365a7ff2236d, CC BY 4.0",
    "Språkrådet: Språkvedtak – fylkestingsvedtak med krav om skriftspråk,"
    " https://sprakradet.no/spraklova/norsk-sprak/sprakvedtak/",
)

WrittenStandardCode = Literal["nb", "nn", "neutral"]
_Row = TypeVar("_Row")


class UnknownNumberError(InvalidValue, LookupError):
    """A number that is not in the table (the message names it)."""


@attrs.frozen(kw_only=True)
class County:
    """A county (fylke): number, official name, name per language, written standard."""

    number: str
    #: The official name, every official form joined by " - " ("Troms - Romsa - Tromssa").
    name: str
    #: The name per language (ISO 639-3: ``nor``, ``sme``, ``sma``, ``smj``, ``fkv``).
    names: dict[str, str] = attrs.field(eq=False, hash=False)
    #: ``nb``, ``nn`` or ``neutral``, from the county council's språkvedtak.
    written_standard: WrittenStandardCode
    #: Part of the administrative area for Sami languages (samelova § 3-1).
    sami_administrative_area: bool

    @property
    def norwegian_name(self) -> str:
        """The Norwegian form of the name ("Troms")."""
        return self.names.get("nor", self.name)


@attrs.frozen(kw_only=True)
class Municipality:
    """A municipality (kommune): number, official name and county.

    The source gives the official forms of a name only joined ("Guovdageaidnu -
    Kautokeino"), not which language each is in; :attr:`forms` splits them. Its
    written standard is not in the source, so it is not recorded here.
    """

    number: str
    name: str
    county: County

    @property
    def forms(self) -> tuple[str, ...]:
        """The official forms of the name, in the order the source writes them."""
        return tuple(self.name.split(" - "))


@functools.cache
def _table() -> tuple[dict[str, County], dict[str, Municipality]]:
    data = tomllib.loads(resources.files(__name__).joinpath("data.toml").read_text("utf-8"))
    by_county = {
        row["number"]: County(
            number=row["number"],
            name=row["name"],
            names=dict(row["names"]),
            written_standard=row["written_standard"],
            sami_administrative_area=row["sami_administrative_area"],
        )
        for row in data["counties"]
    }
    by_municipality = {
        row["number"]: Municipality(
            number=row["number"], name=row["name"], county=by_county[row["number"][:2]]
        )
        for row in data["municipalities"]
    }
    return by_county, by_municipality


def municipalities() -> tuple[Municipality, ...]:
    """Every municipality, in number order."""
    return tuple(_table()[1].values())


def counties() -> tuple[County, ...]:
    """Every county, in number order."""
    return tuple(_table()[0].values())


def _find(rows: dict[str, _Row], number: str, template: str) -> _Row:
    found = rows.get(number)
    if found is None:
        raise UnknownNumberError(template, number=number, count=len(rows))
    return found


def municipality(number: str) -> Municipality:
    """The municipality with this four-digit number; :exc:`UnknownNumberError` if none."""
    template = (
        "{number} is not a municipality number in the built-in table of 2024"
        " ({count} municipalities)"
    )
    return _find(_table()[1], number, template)


def county(number: str) -> County:
    """The county with this two-digit number; :exc:`UnknownNumberError` if none."""
    template = "{number} is not a county number in the built-in table of 2024 ({count} counties)"
    return _find(_table()[0], number, template)


def lookup(number: str) -> Municipality | County:
    """A municipality (four digits) or a county (two digits) by its official number."""
    if len(number) == 2:
        return county(number)
    if len(number) == 4:
        return municipality(number)
    template = "{number} is not a municipality number (four digits) or a county number (two digits)"
    raise UnknownNumberError(template, number=number)
