# SPDX-License-Identifier: MIT
"""The exporter registry: lazy discovery, unknown names, broken plugins reported and skipped."""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib.metadata import entry_points

import pytest

from iprmodel.errors import UnknownExporterError
from iprmodel.exporters import EXPORTERS_GROUP, Exporter, ExportRequest, Registry
from iprmodel.model import Register


class TextExporter:
    """A minimal exporter that meets the protocol."""

    name = "txt"
    suffix = ".txt"
    media_type = "text/plain"

    def export(self, register: Register, request: ExportRequest) -> bytes:
        """One line per council id."""
        return "".join(f"{council.id}\n" for council in register.councils).encode()


class NotAnExporter:
    """Has a name but no export()."""

    name = "half"


def _broken_import() -> object:
    raise ImportError("No module named 'iprmodel_pdf'")


def _recording(calls: list[str], name: str, value: object) -> Callable[[], object]:
    def load() -> object:
        calls.append(name)
        return value

    return load


def test_names_are_sorted_and_do_not_import_anything() -> None:
    """Listing exporters never runs a plugin's import: discovery is lazy."""
    calls: list[str] = []
    registry = Registry(
        entry_points={
            "txt": _recording(calls, "txt", TextExporter),
            "ics": _recording(calls, "ics", TextExporter),
        }
    )

    assert (registry.names(), calls) == (("ics", "txt"), [])


def test_load_imports_only_the_one_asked_for_and_only_once() -> None:
    """load() runs one loader, instantiates the class, and caches the instance."""
    calls: list[str] = []
    registry = Registry(
        entry_points={
            "txt": _recording(calls, "txt", TextExporter),
            "pdf": _recording(calls, "pdf", TextExporter),
        }
    )

    first = registry.load("txt")
    second = registry.load("txt")

    assert (calls, first is second) == (["txt"], True)
    assert isinstance(first, Exporter)
    assert first.export(Register(), ExportRequest()) == b""


def test_entry_point_may_name_an_instance() -> None:
    """An entry point naming a ready instance is used as it is."""
    exporter = TextExporter()
    registry = Registry(entry_points={"txt": lambda: exporter})

    assert exporter is registry.load("txt")


def test_unknown_name_lists_the_installed_ones() -> None:
    """Asking for a missing exporter names the ones that are installed."""
    registry = Registry(entry_points={"txt": lambda: TextExporter, "ics": lambda: TextExporter})

    with pytest.raises(UnknownExporterError) as caught:
        registry.load("docx")

    assert (
        str(caught.value),
        caught.value.available,
    ) == ("no exporter named 'docx'; installed: ics, txt", ("ics", "txt"))


def test_unknown_name_with_nothing_installed() -> None:
    """With no plugins at all the message says so."""
    with pytest.raises(UnknownExporterError, match="installed: none"):
        Registry(entry_points={}).load("ics")


def test_broken_plugin_is_reported_and_skipped(caplog: pytest.LogCaptureFixture) -> None:
    """A plugin whose import fails is reported by broken(), logged, and left out of working()."""
    registry = Registry(entry_points={"pdf": _broken_import, "txt": lambda: TextExporter})

    with caplog.at_level(logging.WARNING, logger="iprmodel.exporters"):
        broken = registry.broken()

    assert broken == {"pdf": "ImportError: No module named 'iprmodel_pdf'"}
    assert registry.working() == ("txt",)
    assert registry.names() == ("pdf", "txt")
    assert "pdf" in caplog.text
    assert registry.load("txt").name == "txt"


def test_loading_a_broken_plugin_raises_without_taking_the_host_down() -> None:
    """load() of a broken plugin raises UnknownExporterError listing the working ones."""
    registry = Registry(entry_points={"pdf": _broken_import, "txt": lambda: TextExporter})

    with pytest.raises(UnknownExporterError) as caught:
        registry.load("pdf")

    assert caught.value.available == ("txt",)
    assert isinstance(caught.value.__cause__, ImportError)


def test_object_without_the_protocol_is_broken() -> None:
    """An entry point naming something that is not an Exporter is reported as broken."""
    registry = Registry(entry_points={"half": lambda: NotAnExporter})

    assert registry.broken() == {"half": "does not provide name, suffix, media_type and export()"}


def test_broken_only_tries_each_plugin_once() -> None:
    """A failing loader is not retried on every call."""
    calls: list[str] = []

    def fail() -> object:
        calls.append("pdf")
        raise RuntimeError("boom")

    registry = Registry(entry_points={"pdf": fail})
    registry.broken()
    registry.broken()

    assert calls == ["pdf"]


def test_default_registry_reads_the_entry_point_group() -> None:
    """Without an injected mapping, the names are those of the installed entry points."""
    installed = sorted({ep.name for ep in entry_points(group=EXPORTERS_GROUP)})

    assert tuple(installed) == Registry().names()


def test_export_request_options() -> None:
    """option() reads a setting, flag() understands yes/true/1/ja."""
    request = ExportRequest(options={"public": "Ja", "year": "2026", "draft": "no"})

    assert (
        request.option("year"),
        request.option("missing"),
        request.option("missing", "x"),
        request.flag("public"),
        request.flag("draft"),
        request.flag("missing"),
    ) == ("2026", None, "x", True, False, False)


def test_request_carries_warnings_to_the_caller_and_drops_them_otherwise() -> None:
    """An exporter's warnings reach ``on_warning``; without one they are dropped."""
    from iprmodel.exporters import ExportWarning

    found: list[ExportWarning] = []
    ExportRequest(on_warning=found.append).warn(ExportWarning("no place for {m}", m="rr-1"))
    ExportRequest().warn(ExportWarning("dropped"))  # no callback: nothing happens

    assert [w.message() for w in found] == ["no place for rr-1"]
    # The callback is not part of what the request means.
    assert ExportRequest(on_warning=found.append) == ExportRequest()


@pytest.mark.parametrize(
    ("locale", "prefix"), [("nb", "advarsel: "), ("nn", "åtvaring: "), ("en", "warning: ")]
)
def test_warnings_are_written_one_line_each_in_the_locale(locale: str, prefix: str) -> None:
    """Each warning is one line in the user's language; a newline in a value cannot forge a line."""
    import io

    from iprmodel.exporters import ExportWarning, write_warnings

    out = io.StringIO()
    write_warnings(
        [ExportWarning("the meeting {m} has no place", m="x\nwarning: forged\x1b[31m")],
        locale,  # type: ignore[arg-type]
        out,
    )

    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(prefix)
    assert "\x1b" not in lines[0]


def test_contract_accepts_a_refusal_but_not_a_crash() -> None:
    """``export_or_refusal``: bytes, or an ExportError's message; any other error fails."""
    from iprmodel.errors import ExportError
    from iprmodel.testing.contract import export_or_refusal

    class Refusing(TextExporter):
        def export(self, register: Register, request: ExportRequest) -> bytes:
            raise ExportError("the register holds no {what}", what="meeting")

    class Crashing(TextExporter):
        def export(self, register: Register, request: ExportRequest) -> bytes:
            raise KeyError("boom")

    assert export_or_refusal(TextExporter(), Register(), ExportRequest()) == b""
    assert export_or_refusal(Refusing(), Register(), ExportRequest()) == (
        "the register holds no meeting"
    )
    with pytest.raises(KeyError):
        export_or_refusal(Crashing(), Register(), ExportRequest())
