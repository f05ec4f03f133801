# SPDX-License-Identifier: MIT
"""ExporterContract: the conformance tests every exporter plugin inherits.

A plugin's test module subclasses it and sets ``exporter_name``::

    from iprmodel.testing.contract import ExporterContract

    class TestIcsContract(ExporterContract):
        exporter_name = "ics"

The inherited tests check what every user relies on: the exporter loads through its
entry point, returns bytes, is deterministic, works in nb, nn and en, copes with an
empty council, and holds for any generated register.

An exporter may *refuse* a request it cannot honestly fulfil (a document with nothing
to show, a single-council document asked of a register with several councils) by
raising :class:`~iprmodel.errors.ExportError` with a message that names what is
missing. The contract accepts such a refusal wherever it accepts bytes, as long as
the same input always gives the same answer; every other exception fails.
"""

from __future__ import annotations

from typing import ClassVar

from hypothesis import HealthCheck, given, settings

from iprmodel import examples
from iprmodel.errors import ExportError
from iprmodel.exporters import EXPORTERS_GROUP, Exporter, ExportRequest, Registry
from iprmodel.model import Council, LocalizedText, Register
from iprmodel.testing import strategies

__all__ = ["ExporterContract", "export_or_refusal"]


def export_or_refusal(
    exporter: Exporter, register: Register, request: ExportRequest
) -> bytes | str:
    """The exported bytes, or the English message of the exporter's refusal.

    A refusal must be an :class:`ExportError` with a message; anything else raised
    fails the test that calls this.
    """
    try:
        output = exporter.export(register, request)
    except ExportError as error:
        message = error.message()
    else:
        assert isinstance(output, bytes), type(output)
        return output
    assert message.strip(), "a refusal without a message"
    return message


class ExporterContract:
    """Base class of every plugin's conformance tests."""

    #: The entry-point name of the exporter under test.
    exporter_name: ClassVar[str]
    #: Extra requests to try besides the default one (e.g. each document kind).
    requests: ClassVar[tuple[ExportRequest, ...]] = (ExportRequest(),)
    #: The example registers the contract exports.
    example_names: ClassVar[tuple[str, ...]] = ("hallingdal", "all")

    def exporter(self) -> Exporter:
        """The exporter, loaded through its entry point like a user would."""
        return Registry().load(self.exporter_name)

    def test_loads_through_entry_point(self) -> None:
        """The plugin is registered in the ``iprmodel.exporters`` group."""
        from importlib.metadata import entry_points

        names = {ep.name for ep in entry_points(group=EXPORTERS_GROUP)}
        assert self.exporter_name in names
        exporter = self.exporter()
        assert exporter.name == self.exporter_name
        assert exporter.suffix.startswith(".")
        assert "/" in exporter.media_type

    def test_returns_bytes_for_examples(self) -> None:
        """Every example exports to non-empty bytes (or a clean refusal) for every request,
        and to bytes for at least one."""
        exporter = self.exporter()
        for name in self.example_names:
            register = examples.load(name)
            outputs = [export_or_refusal(exporter, register, r) for r in self.requests]
            assert all(outputs)
            assert any(isinstance(o, bytes) for o in outputs), (name, outputs)

    def test_deterministic(self) -> None:
        """The same register and request give the same bytes."""
        exporter = self.exporter()
        for name in self.example_names:
            for request in self.requests:
                first = export_or_refusal(exporter, examples.load(name), request)
                second = export_or_refusal(exporter, examples.load(name), request)
                assert first == second

    def test_every_locale(self) -> None:
        """Every locale works (formats with words differ by locale; data formats need not)."""
        exporter = self.exporter()
        register = examples.load("hallingdal")
        for request in self.requests:
            outputs = {
                locale: export_or_refusal(
                    exporter,
                    register,
                    ExportRequest(
                        locale=locale,
                        scope=request.scope,
                        document=request.document,
                        template=request.template,
                        options=request.options,
                    ),
                )
                for locale in ("nb", "nn", "en")
            }
            assert all(outputs.values())
            # A refusal does not depend on the language asked for.
            assert len({isinstance(o, bytes) for o in outputs.values()}) == 1, outputs

    def test_empty_council(self) -> None:
        """A council with nothing but a name exports, or is refused with a message."""
        register = Register(
            councils=(
                Council(
                    id="tom",
                    formal_name=LocalizedText(nb="Tomt interkommunalt politisk råd"),
                ),
            )
        )
        exporter = self.exporter()
        for request in self.requests:
            assert export_or_refusal(exporter, register, request)

    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            # Every plugin's subclass runs this inherited test: a different executor each.
            HealthCheck.differing_executors,
        ],
    )
    @given(register=strategies.registers())
    def test_any_generated_register(self, register: Register) -> None:
        """Any valid register exports to bytes (or a refusal), deterministically."""
        exporter = self.exporter()
        for request in self.requests:
            first = export_or_refusal(exporter, register, request)
            assert first
            assert first == export_or_refusal(exporter, register, request)
