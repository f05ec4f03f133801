# SPDX-License-Identifier: MIT
"""Provenance in both formats: sources and assumptions in the free-text fields, outlines left out."""

from __future__ import annotations

import attrs
import orjson
import pytest
from iprmodel_fiks import EinnsynExporter, FiksExporter
from iprmodel_fiks.l10n import DOMAIN, LOCALEDIR

from iprmodel import examples
from iprmodel.exporters import ExportRequest, ExportWarning
from iprmodel.l10n import translator
from iprmodel.model import LocalizedText


def test_sources_travel_in_saksbeskrivelse_and_beskrivelse() -> None:
    """Hallingdal's council sources reach Fiks saksbeskrivelse and eInnsyn beskrivelse."""
    register = examples.load("hallingdal")
    council = register.councils[0]
    assert council.sources
    title = council.sources[0].title
    request = ExportRequest(options={"avsender": "gol"}, locale="nn")

    fiks = FiksExporter().files(register, request)
    cases = orjson.loads(fiks["hallingdal.regionradet-2026-1.einnsyn.utvalgssaker.send.json"])
    text = cases["sak"][0]["saksbeskrivelse"]["tekstInnhold"]
    assert text.startswith("Kjelder: ") or "\nKjelder: " in text
    assert title in text
    mappe = orjson.loads(
        EinnsynExporter().files(register, request)["hallingdal.regionradet-2026-1.moetemappe.json"]
    )
    assert title in mappe["beskrivelse"]
    assert len(mappe["beskrivelse"]) <= 1000


def test_assumption_comes_first_and_is_marked() -> None:
    """A meeting's assumption is written before its sources, in the export's language."""
    register = examples.load("hallingdal")
    council = register.councils[0]
    meeting = attrs.evolve(
        council.meetings[0], assumption=LocalizedText(nb="Datoen er anslått.", en="Guessed.")
    )
    register = attrs.evolve(
        register, councils=(attrs.evolve(council, meetings=(meeting, *council.meetings[1:])),)
    )
    files = EinnsynExporter().files(register, ExportRequest(locale="en"))
    mappe = orjson.loads(files[f"hallingdal.{meeting.id}.moetemappe.json"])
    assert mappe["beskrivelse"].startswith("Assumption: Guessed.")


def test_outline_councils_are_left_out_with_a_warning(fiks_errors, einnsyn_errors) -> None:  # type: ignore[no-untyped-def]
    """Innlandet's outline councils beside Hallingdal: each skipped with a warning."""
    hallingdal, innlandet = examples.load("hallingdal"), examples.load("innlandet")
    outline = [c.id for c in innlandet.councils if c.outline]
    assert outline
    register = attrs.evolve(hallingdal, councils=(*hallingdal.councils, *innlandet.councils))
    for exporter, errors in ((FiksExporter(), fiks_errors), (EinnsynExporter(), einnsyn_errors)):
        warned: list[ExportWarning] = []
        request = ExportRequest(on_warning=warned.append, options={"avsender": "gol"})
        written = exporter.files(register, request)
        assert written
        assert not any(name.startswith(f"{ident}.") for ident in outline for name in written)
        assert errors(written) == []
        assert next(w.message() for w in warned).startswith(f"councils[{outline[0]}]: kept in")


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_only_outlines_writes_nothing_and_says_why(locale: str) -> None:
    """Innlandet's example holds councils in outline only: nothing to send, said per council."""
    register = examples.load("innlandet")
    for exporter in (FiksExporter(), EinnsynExporter()):
        warned: list[ExportWarning] = []
        request = ExportRequest(on_warning=warned.append, locale=locale)
        assert exporter.files(register, request) == {}
        gettext = translator(locale, DOMAIN, LOCALEDIR).gettext
        texts = [w.message(gettext) for w in warned]
        assert [t.split(":")[0] for t in texts] == [f"councils[{c.id}]" for c in register.councils]
        assert all({"nb": "omriss", "nn": "omriss", "en": "outline"}[locale] in t for t in texts)


def test_collector_pause_is_shared_between_threads() -> None:
    """Overlapping exports in two threads leave the host's collector as they found it."""
    import gc
    import threading

    from iprmodel_fiks.common import paused_collector

    assert gc.isenabled()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with paused_collector():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with paused_collector():  # begins while the first holds the pause
            second_in.set()
            first_out.wait(5)
            seen.append(gc.isenabled())  # the first ending must not switch it back on

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == [False]
    assert gc.isenabled()
