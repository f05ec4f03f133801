# SPDX-License-Identifier: MIT
"""Persons and other organisations (funders, partners).

A person named in a source keeps the name; where a source names only a role, the
person is a *placeholder* named for the role ("Ordførar i Gol") and marked so, so
that no invented name is ever presented as real.

>>> Person(id="ordforar-gol", name="Ordførar i Gol", placeholder=True).placeholder
True
"""

from __future__ import annotations

import enum

import attrs

from iprmodel.model._fields import (
    bool_field,
    enum_field,
    id_field,
    optional_text,
    orgnr_field,
    required_text,
)
from iprmodel.model.provenance import Source, sources_field
from iprmodel.model.text import LocalizedText


class Gender(enum.Enum):
    """Gender as used by the gender-balance rules (koml. §§ 7-5 to 7-7)."""

    FEMALE = "female"
    MALE = "male"


@attrs.frozen(kw_only=True)
class Contact:
    """How to reach a person. Public feeds never publish these."""

    email: str | None = optional_text()
    phone: str | None = optional_text()


@attrs.frozen(kw_only=True)
class Person:
    """A person: politician, chief executive, staff member."""

    id: str = id_field()
    name: str = required_text()
    gender: Gender | None = enum_field(Gender, optional=True)
    contact: Contact | None = None
    #: True when ``name`` is a role description standing in for an unnamed person.
    placeholder: bool = bool_field(default=False)


class OrganisationKind(enum.Enum):
    """What kind of organisation a non-participant is."""

    STATE_AGENCY = "state_agency"
    FOUNDATION = "foundation"
    COMPANY = "company"
    ASSOCIATION = "association"
    INTERMUNICIPAL = "intermunicipal"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Organisation:
    """An organisation that is not a participant: a funder, partner or network."""

    id: str = id_field()
    name: LocalizedText
    kind: OrganisationKind = enum_field(OrganisationKind, default=OrganisationKind.OTHER)
    orgnr: str | None = orgnr_field()
    website: str | None = optional_text()
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None
