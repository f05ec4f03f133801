# SPDX-License-Identifier: MIT
"""Sources: a titled document with a date at its precision; a bad URL is refused by name."""

from __future__ import annotations

from datetime import date

import pytest

from iprmodel.errors import LoadError
from iprmodel.model import DatePrecision, Source
from iprmodel.serialization import dumps, loads, loads_toml

TOML = """
format = 1
[[councils]]
id = "demo"
formal_name = { nb = "Demo interkommunalt politisk råd" }
sources = [{ title = "Samarbeidsavtale", url = "URL", dated = 2024-12-01, date_precision = "month", locator = "punkt 3" }]
assumption = { nb = "Navnet er vår lesning.", nn = "Namnet er vår lesing." }
"""


def test_a_source_round_trips_with_its_precision() -> None:
    register = loads_toml(TOML.replace("URL", "https://regionhadeland.no/avtale.pdf"))
    (source,) = register.councils[0].sources
    assert source == Source(
        title="Samarbeidsavtale",
        url="https://regionhadeland.no/avtale.pdf",
        dated=date(2024, 12, 1),
        date_precision=DatePrecision.MONTH,
        locator="punkt 3",
    )
    assert source.date_text() == "2024-12"
    assert register.councils[0].assumption is not None
    assert loads(dumps(register)) == register


@pytest.mark.parametrize(
    "url", ["regionhadeland.no/avtale.pdf", "file:///tmp/x.pdf", "https://a b"]
)
def test_a_url_that_is_no_web_address_is_refused_where_it_is(url: str) -> None:
    with pytest.raises(LoadError) as caught:
        loads_toml(TOML.replace("URL", url))
    assert str(caught.value).startswith("councils[demo].sources[0]: url must be an absolute http")


def test_a_source_needs_a_title() -> None:
    with pytest.raises(LoadError, match=r"sources\[0\]\.title: required field missing"):
        loads_toml(TOML.replace('title = "Samarbeidsavtale", url = "URL", ', ""))
