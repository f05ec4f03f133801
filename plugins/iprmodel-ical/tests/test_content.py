# SPDX-License-Identifier: MIT
"""The content-line writer: escaping, control characters, folding."""

from __future__ import annotations

import re
import string

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from icalendar.prop import vText
from iprmodel_ical import clean_text, escape_text, fold, param

NASTY = "; , \\ \n æøå ÆØÅ 🗳️ \x00\x0b\x1f\x7f\r\n\r tab\there"


def _physical_lines(folded: str) -> list[bytes]:
    assert folded.endswith("\r\n")
    return folded.encode().split(b"\r\n")[:-1]


def _unfold(folded: str) -> str:
    return folded[:-2].replace("\r\n ", "")


def _check_fold(line: str) -> None:
    folded = fold(line)
    physical = _physical_lines(folded)
    for i, piece in enumerate(physical):
        assert len(piece) <= 75
        piece.decode()  # raises if a UTF-8 sequence was split
        if i:
            assert piece.startswith(b" ")
        if i < len(physical) - 1:
            run = len(piece) - len(piece.rstrip(b"\\"))
            assert run % 2 == 0, f"escape split after {piece!r}"
    assert _unfold(folded) == line


def test_escape_text() -> None:
    """Backslash, semicolon, comma and newlines are escaped; controls are removed."""
    assert escape_text("Plain text æøå") == "Plain text æøå"
    assert escape_text("a;b,c\\d\ne\r\nf\rg") == "a\\;b\\,c\\\\d\\ne\\nf\\ng"
    assert escape_text("x\x00y\x0bz\x1f\x7f\x85") == "xyz"
    assert escape_text("tab\tkept") == "tab\tkept"
    assert escape_text("lone \ud800 surrogate") == "lone  surrogate"
    assert clean_text("a\r\nb") == "a\nb"


def test_param_quoting() -> None:
    """Values with ; : , are quoted; quotes and controls are dropped."""
    assert param("Kari Nordmann") == "Kari Nordmann"
    assert param('Ordførar "Gol", Hallingdal') == '"Ordførar Gol, Hallingdal"'
    assert param("a:b") == '"a:b"'
    assert param("a\nb\x00") == "ab"


def test_fold_brute_force() -> None:
    """Every padding 0-79 before escapes and multi-byte characters folds cleanly."""
    tails = ["\\n" * 40, "\\\\" * 40, "æ" * 40, "🗳️" * 20, "a\\;b\\,ø" * 12, "€\\n" * 30]
    for pad in range(80):
        for tail in tails:
            _check_fold("DESCRIPTION:" + "x" * pad + tail)
            _check_fold("X:" + "é" * pad + tail)


def test_short_lines_untouched() -> None:
    """A line of exactly 75 octets is not folded; 76 is."""
    assert fold("S:" + "a" * 73) == "S:" + "a" * 73 + "\r\n"
    assert fold("S:" + "a" * 74) == "S:" + "a" * 73 + "\r\n a\r\n"
    assert fold("S:" + "ø" * 36 + "a") == "S:" + "ø" * 36 + "a\r\n"  # 75 octets


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(
        alphabet=st.one_of(
            st.sampled_from(list("; ,\\\n\r\tæøåÆØÅ🗳️😀\x00\x0b\x1f\x7f\x85€")),
            st.characters(codec="utf-8"),
            st.sampled_from(list(string.ascii_letters)),
        ),
        max_size=300,
    ),
    pad=st.integers(0, 80),
)
def test_fuzzed_text_survives(text: str, pad: int) -> None:
    """Any text round-trips through escaping, folding and icalendar's parser.

    What comes back is the text without control characters (CR/CRLF read as LF).
    """
    # icalendar 7 unescapes "\\N" (an escaped backslash, then N) as a newline: its bug,
    # not ours (RFC 5545 § 3.3.11); ical.js and libical read it right.
    assume(re.search(r"\\[Nn]", clean_text(text)) is None)
    line = "SUMMARY:" + "p" * pad + escape_text(text)
    _check_fold(line)
    feed = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VEVENT\r\nUID:u\r\n"
        "DTSTAMP:20260101T000000Z\r\n" + fold(line) + "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    event = Calendar.from_ical(feed.encode()).walk("VEVENT")[0]
    expected = "p" * pad + clean_text(text)

    assert str(event["SUMMARY"]) == expected
    assert re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", feed.replace("\r\n", "")) is None
    # icalendar's own escaping agrees with ours on the cleaned text.
    assert vText(clean_text(text)).to_ical().decode() == escape_text(text)
