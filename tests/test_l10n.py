# SPDX-License-Identifier: MIT
"""The core catalogs (nb, nn, en): complete, well-formed, compiled, in step with the sources.

A message added to the sources without a translation fails here on purpose: run
``python -m iprmodel.l10n.extract``, fill the empty ``msgstr`` entries, run it again.
"""

from __future__ import annotations

import enum
import functools
import string
from pathlib import Path

import polib
import pytest

import iprmodel.model as model
from iprmodel.errors import LoadError, Problem
from iprmodel.l10n import LOCALES, Locale, label, translator
from iprmodel.l10n.extract import (
    PLURAL_FORMS,
    catalog_messages,
    catalog_path,
    scan,
    update_catalog,
)
from iprmodel.l10n.labels import LABELS
from iprmodel.serialization import structure

ENUMS = [
    obj
    for name in model.__all__
    if isinstance(obj := getattr(model, name), type) and issubclass(obj, enum.Enum)
]
MEMBERS = [member for enum_type in ENUMS for member in enum_type]


@functools.cache
def catalog(locale: Locale) -> polib.POFile:
    return polib.pofile(str(catalog_path(locale)))


# Scanning the sources takes about a second: once per test run.
source_messages = functools.cache(catalog_messages)


def live(locale: Locale) -> list[polib.POEntry]:
    return [entry for entry in catalog(locale) if not entry.obsolete]


def fields(text: str) -> list[str]:
    """The placeholder names in a ``str.format`` template, sorted (raises on bad braces)."""
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


class _Any:
    """Formats as ``X`` under any format spec, to fill any template."""

    def __format__(self, spec: str) -> str:
        return "X"


# -- the catalog files ----------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_has_headers(locale: Locale) -> None:
    metadata = catalog(locale).metadata
    assert metadata["Language"] == locale
    assert metadata["Content-Type"].lower() == "text/plain; charset=utf-8"
    assert metadata["Plural-Forms"] == PLURAL_FORMS
    assert catalog(locale).encoding.lower() == "utf-8"


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_has_no_duplicates(locale: Locale) -> None:
    keys = [(entry.msgctxt, entry.msgid) for entry in catalog(locale)]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("locale", LOCALES)
def test_every_entry_is_translated_and_not_fuzzy(locale: Locale) -> None:
    untranslated = [entry.msgid for entry in live(locale) if not entry.translated()]
    fuzzy = [entry.msgid for entry in live(locale) if entry.fuzzy]
    assert untranslated == [], f"fill these msgstr in {catalog_path(locale)}"
    assert fuzzy == []


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_the_placeholders(locale: Locale) -> None:
    for entry in live(locale):
        if entry.msgid_plural:
            # Form 0 is the singular in nb, nn and en (n == 1); the others the plural.
            for index, text in entry.msgstr_plural.items():
                source = entry.msgid if int(index) == 0 else entry.msgid_plural
                assert fields(text) == fields(source), entry.msgid
        else:
            assert fields(entry.msgstr) == fields(entry.msgid), entry.msgid


@pytest.mark.parametrize("locale", LOCALES)
def test_mo_is_a_fresh_compile_of_the_po(locale: Locale, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.mo"
    catalog(locale).save_as_mofile(str(fresh))

    def contents(path: Path) -> dict[tuple[str | None, str], object]:
        mo = polib.mofile(str(path))
        entries: dict[tuple[str | None, str], object] = {
            (e.msgctxt, e.msgid): (e.msgstr, sorted(e.msgstr_plural.items())) for e in mo
        }
        entries[(None, "")] = sorted(mo.metadata.items())
        return entries

    assert contents(catalog_path(locale, ".mo")) == contents(fresh), (
        "recompile: python -m iprmodel.l10n.extract"
    )


def test_english_repeats_the_msgid() -> None:
    differing = [e.msgid for e in live("en") if not e.msgid_plural and e.msgstr != e.msgid]
    assert differing == []


# -- in step with the sources ---------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_holds_every_message_of_the_sources(locale: Locale) -> None:
    in_catalog = {(entry.msgctxt, entry.msgid) for entry in live(locale)}
    missing = source_messages() - in_catalog
    stale = in_catalog - source_messages()
    assert not missing, (
        f"run python -m iprmodel.l10n.extract, then translate: {sorted(missing, key=str)}"
    )
    assert not stale, f"run python -m iprmodel.l10n.extract: {sorted(stale, key=str)}"


def test_templates_in_the_sources_are_translatable() -> None:
    _, warnings = scan()
    assert warnings == []


@pytest.mark.parametrize("locale", LOCALES)
def test_every_template_formats_after_translation(locale: Locale) -> None:
    gettext = translator(locale).gettext
    for entry in live(locale):
        if entry.msgctxt is None and not entry.msgid_plural:
            names = fields(entry.msgid)
            text = gettext(entry.msgid).format(**dict.fromkeys(names, _Any()))
            assert text.strip(), entry.msgid


def test_norwegian_templates_are_translated() -> None:
    templates = [e.msgid for e in live("nb") if e.msgctxt is None]
    for locale in ("nb", "nn"):
        same = [t for t in templates if translator(locale).gettext(t) == t]
        # Only placeholders-only templates ("{reason}") and a few loan words may match.
        assert len(same) <= len(templates) // 10, same


# -- enum labels ----------------------------------------------------------------------


def test_every_enum_member_has_a_label() -> None:
    assert ENUMS, "no enums found in iprmodel.model"
    assert set(LABELS) == set(MEMBERS)
    for member, (context, msgid) in LABELS.items():
        assert context == type(member).__name__
        assert msgid.strip() == msgid != ""


def test_labels_are_distinct_within_an_enum() -> None:
    for enum_type in ENUMS:
        for locale in LOCALES:
            words = [label(member, locale) for member in enum_type]
            assert len(set(words)) == len(words), (enum_type.__name__, locale, words)


@pytest.mark.parametrize("locale", LOCALES)
def test_label_gives_a_word_in_every_locale(locale: Locale) -> None:
    for member in MEMBERS:
        word = label(member, locale)
        assert word.strip() == word != "", member
        if locale == "en":
            assert word == LABELS[member][1]


def test_norwegian_labels_differ_from_english_for_most() -> None:
    for locale in ("nb", "nn"):
        same = [m for m in MEMBERS if label(m, locale) == label(m, "en")]
        # "forum", "for", "blank", "program"... are the same words in Norwegian.
        assert len(same) <= len(MEMBERS) // 10, same


@pytest.mark.parametrize(
    ("member", "nb", "nn"),
    [
        (model.BodyKind.REPRESENTANTSKAP, "representantskap", "representantskap"),
        (model.BodyKind.WORKING_COMMITTEE, "arbeidsutvalg", "arbeidsutval"),
        (model.BodyKind.CHIEF_EXECUTIVES_COMMITTEE, "rådmannsutvalg", "rådmannsutval"),
        (model.Office.MAYOR, "ordfører", "ordførar"),
        (model.Office.DEPUTY_MAYOR, "varaordfører", "varaordførar"),
        (model.Position.CHAIR, "leder", "leiar"),
        (model.Position.DEPUTY_CHAIR, "nestleder", "nestleiar"),
        (model.RecordedOutcome.ADOPTED, "vedtatt", "vedteke"),
        (model.RecordedOutcome.NOT_QUORATE, "ikke vedtaksført", "ikkje vedtaksført"),
        (model.Right.ATTEND, "møterett", "møterett"),
        (model.Right.SPEAK, "talerett", "talerett"),
        (
            model.ClosedBasis.EMPLOYEE,
            "koml. § 11-5 andre ledd bokstav a (arbeidstakers tjenesteforhold)",
            "koml. § 11-5 andre ledd bokstav a (tenesteforhold)",
        ),
    ],
)
def test_legal_terms_in_bokmal_and_nynorsk(member: enum.Enum, nb: str, nn: str) -> None:
    assert (label(member, "nb"), label(member, "nn")) == (nb, nn)


# -- problems rendered in a locale ----------------------------------------------------


def test_problem_renders_in_nynorsk_with_its_params() -> None:
    problem = Problem(
        path="councils[0].bodies[2].meetings_per_year.min",
        template="expected {expected}, got {got}",
        params=(("expected", "an integer"), ("got", '"tre"')),
    )
    line = problem.line(translator("nn").gettext)
    assert line == 'councils[0].bodies[2].meetings_per_year.min: venta an integer, fekk "tre"'
    assert (
        problem.line()
        == 'councils[0].bodies[2].meetings_per_year.min: expected an integer, got "tre"'
    )


def test_load_errors_render_in_every_locale() -> None:
    data = {
        "format": 1,
        "persons": [{"id": "x", "name": " "}],
        "councils": [
            {
                "id": "demo",
                "formal_name": {"nb": "Demo interkommunalt politisk råd"},
                "bodies": [
                    {
                        "id": "rs",
                        "kind": "representantskap",
                        "name": {"nb": "Representantskapet"},
                        "meetings_per_year": {"min": 5, "max": 2},
                    }
                ],
            }
        ],
    }
    with pytest.raises(LoadError) as caught:
        structure(data)
    lines = {
        locale: [p.line(translator(locale).gettext) for p in caught.value.problems]
        for locale in LOCALES
    }
    assert lines["en"] == [p.line() for p in caught.value.problems]
    assert lines["nn"] == [
        "persons[x]: name kan ikkje vere tom",
        "councils[demo].bodies[rs].meetings_per_year: min (5) kan ikkje vere etter max (2)",
    ]
    assert lines["nb"] == [
        "persons[x]: name kan ikke være tom",
        "councils[demo].bodies[rs].meetings_per_year: min (5) kan ikke være etter max (2)",
    ]


# -- the extractor --------------------------------------------------------------------

_SOURCE = """
from iprmodel.errors import InvalidValue

def check(x, strict):
    # Shown when a count is negative.
    raise InvalidValue("{field} must not be" " negative", field="x")

def other(strict):
    template = "{a} before {b}" if strict else "{a} on or before {b}"
    problem = Problem(path="", template="bad {thing}", params=())
    message = _("wrote {path}")
    raise InvalidValue(f"no {x}")

def plural(n):
    return ngettext("{n} meeting", "{n} meetings", n).format(n=n)
"""

_OWN_DOMAIN = """
DOMAIN = "iprmodel_other"
_ = translator("nn", DOMAIN).gettext
print(_("belongs to the other domain"))
raise InvalidValue("but exception templates are the core's")
"""


def test_extractor_finds_templates_and_keeps_translations(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "mod.py").write_text(_SOURCE, encoding="utf-8")
    (tmp_path / "pkg" / "other.py").write_text(_OWN_DOMAIN, encoding="utf-8")
    messages, warnings = scan(tmp_path)
    templates = {key[1] for key in messages if key[0] is None}
    assert templates == {
        "{field} must not be negative",
        "{a} before {b}",
        "{a} on or before {b}",
        "bad {thing}",
        "wrote {path}",
        "but exception templates are the core's",
        "{n} meeting",
    }
    assert messages[(None, "{n} meeting")].msgid_plural == "{n} meetings"
    assert messages[(None, "{field} must not be negative")].comments == (
        "Shown when a count is negative.",
    )
    assert len(warnings) == 1
    assert "pkg/mod.py:12" in warnings[0]
    assert "f-string" in warnings[0]
    assert ("BodyKind", "council of representatives") in messages

    # An existing catalog: one kept translation, one message that left the sources.
    po_path = tmp_path / "nn.po"
    old = polib.POFile()
    old.append(polib.POEntry(msgid="wrote {path}", msgstr="skreiv {path}"))
    old.append(polib.POEntry(msgid="gone", msgstr="borte"))
    old.save(str(po_path))
    updated = update_catalog(po_path, "nn", messages)
    by_id = {entry.msgid: entry for entry in updated}
    assert by_id["wrote {path}"].msgstr == "skreiv {path}"
    assert by_id["bad {thing}"].msgstr == ""
    assert "python-brace-format" in by_id["bad {thing}"].flags
    assert by_id["gone"].obsolete
    assert updated.metadata["Language"] == "nn"
    assert str(update_catalog(po_path, "nn", messages)) == str(updated)  # deterministic
    assert by_id["{n} meeting"].msgstr_plural == {0: "", 1: ""}
    english = update_catalog(tmp_path / "en.po", "en", messages)
    assert all(e.msgstr == e.msgid for e in english if not e.msgid_plural)
    plural = next(e for e in english if e.msgid_plural)
    assert plural.msgstr_plural == {0: "{n} meeting", 1: "{n} meetings"}
    english.save_as_mofile(str(tmp_path / "en.mo"))
    compiled = polib.mofile(str(tmp_path / "en.mo"))
    assert len(compiled) == len(english)
