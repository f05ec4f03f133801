# SPDX-License-Identifier: MIT
"""The registry is the one list of rules: codes, docs/rules.md and messages come from it."""

from __future__ import annotations

import re

import pytest

from iprmodel.rules import consistency, law, registry
from iprmodel.rules.docs import PAGE, main, render_page
from iprmodel.rules.findings import Severity


def test_committed_rules_page_is_the_generated_one():
    """docs/rules.md is what ``python -m iprmodel.rules.docs`` makes from the registry."""
    assert PAGE.read_text(encoding="utf-8") == render_page(PAGE.read_text(encoding="utf-8"))
    assert main(["--check"]) == 0


def test_a_stale_page_is_reported(tmp_path, capsys):
    """A page whose table differs from the registry fails the check and names the fix."""
    stale = tmp_path / "rules.md"
    text = PAGE.read_text(encoding="utf-8").replace("`IPR-18-1-NAME`", "`IPR-18-1-NAMES`")
    stale.write_text(text, encoding="utf-8")
    assert main(["--check", "--page", str(stale)]) == 1
    assert "python -m iprmodel.rules.docs" in capsys.readouterr().err
    assert main(["--page", str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == PAGE.read_text(encoding="utf-8")


def test_page_lists_every_rule_with_its_paragraph():
    """Each code appears in the page once, with the paragraph in Bokmål words."""
    page = PAGE.read_text(encoding="utf-8")
    for code, rule in registry.RULES.items():
        assert page.count(f"| `{code}` |") == 1, code
        if rule.reference is not None:
            row = next(line for line in page.splitlines() if line.startswith(f"| `{code}` |"))
            assert rule.reference.render("nb") in row


def test_codes_come_from_the_registry():
    """``law.CODES`` and ``consistency.CODES`` are views of the registry."""
    assert dict(law.CODES) == {code: r.reference for code, r in registry.RULES.items()}
    assert set(consistency.CODES) == {c for c in registry.RULES if c.startswith("IPR-DATA-")}


def test_every_rule_is_well_formed():
    """A stable code, a message, a summary; interpretations explain their reading."""
    for code, rule in registry.RULES.items():
        assert re.fullmatch(r"IPR-(\d+-\d+|DATA|OWN)(-[A-Z0-9]+)*", code), code
        assert rule.messages, code
        assert rule.summary.strip(), code
        if rule.interpretation:
            assert rule.reading, code
        if rule.chapter not in ("DATA", "OWN"):
            assert rule.reference is not None, code


@pytest.mark.parametrize("locale", ["nb", "nn"])
def test_every_message_is_translated(locale):
    """Every registered message has its own words in Bokmål and Nynorsk."""
    from iprmodel.rules._text import translations

    t = translations(locale)
    for rule in registry.RULES.values():
        for template in rule.messages.values():
            assert t.gettext(template) != template, (rule.code, template)


def test_a_message_that_is_not_registered_is_refused():
    """A check cannot report a message its rule does not list."""
    with pytest.raises(KeyError):
        registry.rule("IPR-18-1-NAME").at("councils[demo]", "no-such-message")


def test_registering_a_code_twice_is_refused():
    """Each rule is registered once."""
    with pytest.raises(ValueError, match="twice"):
        registry._rule("IPR-18-1-NAME", Severity.ERROR, None, "again", missing="x")


@pytest.mark.parametrize(
    ("code", "message", "cited"),
    [
        # Core amendments: § 18-4 second paragraph, read with the fourth's items a–h.
        ("IPR-18-4-AMENDMENT", "core", "koml. § 18-4 andre ledd, jf. fjerde ledd bokstav a–h"),
        # Amendments by the representantskap alone: the third paragraph.
        ("IPR-18-4-AMENDMENT", "majority", "koml. § 18-4 tredje ledd"),
        ("IPR-18-3-CHAIR", "rotating", "koml. § 18-3 første ledd"),
        ("IPR-18-3-BODIES", "created", "koml. § 18-3 fjerde ledd"),
        ("IPR-18-2-SHARES", "ownership", "koml. § 18-4 fjerde ledd bokstav f"),
        ("IPR-18-2-SHARES", "liability", "koml. § 18-2 første ledd"),
        ("IPR-11-7-REMOTE-CLOSED", "remote", "koml. § 11-7 tredje ledd"),
        ("IPR-11-4-TIME-PLACE", "missing", "koml. § 11-4 første ledd bokstav a"),
        ("IPR-11-4-VOTE-RESULTS", "missing", "koml. § 11-4 første ledd bokstav e"),
        ("IPR-7-2-CONSENT", "refused", "koml. § 7-2 tredje ledd bokstav c, jf. fjerde ledd"),
        ("IPR-8-1-DUTY", "silent", "koml. § 8-1 andre ledd"),
        ("IPR-11-8-REPORT", "missing", "koml. § 11-8 første ledd"),
    ],
)
def test_rules_cite_the_paragraph_the_act_puts_them_in(code, message, cited):
    """The citations the law review found wrong, and the new rules' paragraphs."""
    assert registry.rule(code).reference_for(message).render("nb") == cited


def test_enkeltvedtak_rule_limits_individual_decisions_only():
    """§ 18-1 andre ledd limits enkeltvedtak, not the council's decisions in general."""
    text = registry.rule("IPR-18-1-ENKELTVEDTAK").messages["power"]
    assert "may make individual decisions only on" in text
    assert "may only decide" not in text


def test_inflected_name_rests_on_an_interpretation_and_says_so():
    """The act asks for the words; whether an inflected form does is not settled."""
    finding = registry.rule("IPR-18-1-NAME-INFLECTED").at("councils[x]", "inflected", name="x")
    assert finding.interpretation
    assert "Tolking" in finding.message("nn")


def test_term_of_office_and_duration_of_the_agreement_are_two_topics():
    """The members' term (§ 18-3 tredje ledd) is not the agreement's duration."""
    from iprmodel.l10n import label
    from iprmodel.model import ClauseTopic

    assert label(ClauseTopic.TERM, "nb") != label(ClauseTopic.DURATION, "nb")
    assert "valgperiode" in label(ClauseTopic.TERM, "nb")
