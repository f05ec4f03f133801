# SPDX-License-Identifier: MIT
"""The built-in table of municipalities and counties: complete, consistent, rebuildable."""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from iprmodel import municipalities as table
from iprmodel.municipalities import build

#: The project's reference notes live beside the clone (../shared/reference).
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "kommuneloven.md"

#: The 2024 county numbers (koml. reference § 5.1 and Kartverket).
COUNTY_NUMBERS_2024 = [
    "03",
    "11",
    "15",
    "18",
    "31",
    "32",
    "33",
    "34",
    "39",
    "40",
    "42",
    "46",
    "50",
    "55",
    "56",
]


def test_357_municipalities_and_15_counties_since_2024() -> None:
    assert len(table.municipalities()) == 357
    assert len({m.number for m in table.municipalities()}) == 357
    assert [c.number for c in table.counties()] == list(COUNTY_NUMBERS_2024)


def test_every_number_begins_with_its_county() -> None:
    for municipality in table.municipalities():
        assert re.fullmatch(r"[0-9]{4}", municipality.number)
        assert municipality.number[:2] == municipality.county.number
        assert municipality.name.strip() == municipality.name != ""


def test_every_county_has_municipalities_and_a_written_standard() -> None:
    used = {m.county.number for m in table.municipalities()}
    assert used == set(COUNTY_NUMBERS_2024)
    for county in table.counties():
        assert county.written_standard in {"nb", "nn", "neutral"}
        assert county.names["nor"] in county.name


def test_numbers_of_the_reference_table_match() -> None:
    """Every 2024 number and county in kommuneloven.md § 5.2 is the table's."""
    if not REFERENCE.is_file():
        pytest.skip(f"reference notes not found at {REFERENCE}")
    text = REFERENCE.read_text(encoding="utf-8").split("### 5.2", 1)[1].split("###", 1)[0]
    rows = re.findall(
        r"^\| (?P<name>[^|*]+?)\*? \| (?P<number>\d{4}) \| [^|]* \| (?P<county>[^|(]+) \((?P<cn>\d\d)\) \|",
        text,
        flags=re.MULTILINE,
    )
    assert len(rows) >= 18
    for name, number, county_name, county_number in rows:
        municipality = table.municipality(number)
        assert municipality.name == name
        assert municipality.county.number == county_number
        assert municipality.county.name == county_name.strip()


def test_sami_and_kven_forms() -> None:
    troms = table.county("55")
    assert troms.names == {"fkv": "Tromssa", "sme": "Romsa", "nor": "Troms"}
    assert troms.norwegian_name == "Troms"
    assert troms.sami_administrative_area
    assert table.municipality("5622").forms == ("Porsanger", "Porsáŋgu", "Porsanki")
    assert table.municipality("3226").forms == ("Aurskog-Høland",)


def test_sami_names_adopted_in_2024_are_there() -> None:
    """Kartverket's extract predates the Council of State's decision of 2024-02-16."""
    assert table.municipality("1833").forms == ("Rana", "Raane")
    assert table.municipality("5516").name == "Gratangen - Rivtták"


#: Municipalities per county: Språkrådet, "Språkvedtak", kommuneoversikt ("Kommunar i alt").
SPRAKRADET_COUNTS = {
    "Østfold": 12,
    "Akershus": 21,
    "Buskerud": 18,
    "Oslo": 1,
    "Innlandet": 46,
    "Vestfold": 6,
    "Telemark": 17,
    "Agder": 25,
    "Rogaland": 23,
    "Vestland": 43,
    "Møre og Romsdal": 27,
    "Trøndelag": 38,
    "Nordland": 41,
    "Troms": 21,
    "Finnmark": 18,
}


def test_municipalities_per_county_match_sprakradet() -> None:
    """An independent official count (Språkrådet's table, 357 in all) per county."""
    counts = Counter(m.county.norwegian_name for m in table.municipalities())
    assert counts == SPRAKRADET_COUNTS
    assert sum(SPRAKRADET_COUNTS.values()) == 357


def test_unknown_numbers_are_named() -> None:
    for number in ("9999", "3054", "30", "1", "abcd"):
        with pytest.raises(table.UnknownNumberError, match=re.escape(number)):
            table.lookup(number)
    with pytest.raises(LookupError):
        table.county("01")


def _fixture(tmp_path: Path) -> tuple[Path, Path]:
    counties = {
        "Fylke": {
            "type": "FeatureCollection",
            "features": [
                {
                    "properties": {
                        "fylkesnummer": "56",
                        "fylkesnavn": "Finnmark - Finnmárku - Finmarkku",
                        "samiskForvaltningsområde": True,
                        "administrativenhetnavn": [
                            {"navn": "Finmarkku", "rekkefolge": "3", "sprak": "fkv"},
                            {"navn": "Finnmark", "rekkefolge": "1", "sprak": "nor"},
                            {"navn": "Finnmárku", "rekkefolge": "2", "sprak": "sme"},
                        ],
                    },
                    "geometry": None,
                }
            ],
        }
    }
    towns = {
        "type": "FeatureCollection",
        "features": [
            {"properties": {"kommunenummer": n, "kommunenavn": name}, "geometry": None}
            for n, name in (("5612", "Guovdageaidnu - Kautokeino"), ("5601", "Alta"))
        ],
    }
    (tmp_path / "f.geojson").write_text(json.dumps(counties), encoding="utf-8")
    (tmp_path / "k.geojson").write_text(json.dumps(towns), encoding="utf-8")
    return tmp_path / "f.geojson", tmp_path / "k.geojson"


def test_build_converts_the_source_files(tmp_path: Path) -> None:
    counties, towns = _fixture(tmp_path)
    out = tmp_path / "data.toml"
    assert build.main([str(counties), str(towns), "-o", str(out)]) == 0
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    assert data["counties"] == [
        {
            "number": "56",
            "name": "Finnmark - Finnmárku - Finmarkku",
            "names": {"nor": "Finnmark", "sme": "Finnmárku", "fkv": "Finmarkku"},
            "written_standard": "neutral",
            "sami_administrative_area": True,
        }
    ]
    assert [m["number"] for m in data["municipalities"]] == ["5601", "5612"]
    assert build.build(counties, towns) == out.read_bytes()  # same inputs, same bytes


def test_shipped_table_is_what_the_build_writes() -> None:
    """The shipped file has the build's shape and header (it was not edited by hand)."""
    shipped = Path(table.__file__).with_name("data.toml").read_text(encoding="utf-8")
    assert shipped.startswith(build._HEADER)
    data = tomllib.loads(shipped)
    assert set(data) == {"sources", "counties", "municipalities"}
    assert {c["names"]["nor"] for c in data["counties"]} == set(build.COUNTY_WRITTEN_STANDARD)
