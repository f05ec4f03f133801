# SPDX-License-Identifier: MIT
"""RFC 5545 content lines: TEXT escaping, parameter quoting and folding.

Small and strict on purpose, because feeds are written line by line, fast:

* :func:`escape_text` removes control characters (RFC 5545 TEXT excludes CTLs
  except HTAB) and unpaired surrogates, turns CR, LF, CRLF and the Unicode line and
  paragraph separators (U+2028, U+2029: one client drops a property holding them)
  into ``\\n`` and escapes backslash, semicolon and comma (§ 3.3.11).
* :func:`param` quotes a parameter value and drops what a quoted value may not
  hold (``"`` and controls, § 3.1).
* :func:`fold` breaks a line into 75-octet pieces (§ 3.1), never inside a UTF-8
  sequence and never between a backslash and the character it escapes (some
  clients, Google among them, drop an event whose escape is split).

>>> escape_text("Budsjett; 2027, del 1\\nC:\\\\mappe\\x00")
'Budsjett\\\\; 2027\\\\, del 1\\\\nC:\\\\\\\\mappe'
>>> param("Ordførar, Gol")
'"Ordførar, Gol"'
>>> print(fold("SUMMARY:" + "æ" * 40).replace("\\r\\n", "|"))
SUMMARY:æææææææææææææææææææææææææææææææææ| æææææææ|
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["clean_text", "escape_text", "fold", "param"]

# C0 controls except HTAB/LF/CR, DEL, C1 controls, and lone surrogates (not encodable).
_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_NEEDS_WORK: Final = re.compile(
    "[\\\\;,\n\r\u2028\u2029\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]"
)
_PARAM_BAD: Final = re.compile('["\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]')
_PARAM_QUOTE: Final = re.compile("[;:,]")
_LIMIT: Final = 75


def clean_text(value: str) -> str:
    """``value`` without control characters; CR, CRLF, U+2028 and U+2029 become LF.

    >>> clean_text("a\\r\\nb\\x0bc\\u2028d")
    'a\\nbc\\nd'
    """
    value = _CONTROL.sub("", value)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in value or "\u2029" in value:
        value = value.replace("\u2028", "\n").replace("\u2029", "\n")
    return value


def escape_text(value: str) -> str:
    """``value`` as an RFC 5545 TEXT value (§ 3.3.11), cleaned of control characters."""
    if _NEEDS_WORK.search(value) is None:
        return value  # the common case: nothing to do
    return (
        clean_text(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


def param(value: str) -> str:
    """A parameter value, quoted when it holds ``;``, ``:`` or ``,`` (RFC 5545 § 3.1).

    A quoted value cannot hold ``"`` or control characters, so they are dropped
    (RFC 6868 ``^'`` escapes confuse older clients).
    """
    value = _PARAM_BAD.sub("", value).replace("\t", " ")
    return f'"{value}"' if _PARAM_QUOTE.search(value) else value


def fold(line: str) -> str:
    """``line`` folded at 75 octets and ended with CRLF (RFC 5545 § 3.1).

    A piece never ends inside a UTF-8 sequence nor right after a backslash that
    starts an escape, so every physical line is valid UTF-8 and every escape is whole.

    >>> fold("DESCRIPTION:" + "a" * 70).split("\\r\\n")
    ['DESCRIPTION:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', ' aaaaaaa', '']
    >>> [len(p.encode()) for p in fold("X:" + "ø" * 80).split("\\r\\n")]
    [74, 75, 15, 0]
    """
    if len(line) <= _LIMIT and (line.isascii() or len(line.encode()) <= _LIMIT):
        return line + "\r\n"
    data = line.encode()
    if len(data) <= _LIMIT:
        return line + "\r\n"
    pieces: list[bytes] = []
    start = 0
    limit = _LIMIT
    size = len(data)
    while size - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: back up to a character start
            cut -= 1
        run = cut
        while run > start and data[run - 1] == 0x5C:  # backslashes just before the cut
            run -= 1
        if (cut - run) % 2:  # an odd run: the last backslash escapes the next character
            cut -= 1
        pieces.append(data[start:cut])
        start = cut
        limit = _LIMIT - 1  # continuation lines start with a space
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode() + "\r\n"
