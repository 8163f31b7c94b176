"""printable(): nothing quoted from input can drive the terminal."""

from __future__ import annotations

import pytest

from gisdesk.core.text import has_undecodable, printable


@pytest.mark.parametrize("raw,shown", [
    ("\x1b[2J", "\\x1b[2J"),                      # clear screen
    ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),   # set window title, bell
    ("a\x9bb", "a\\x9bb"),                        # the 8-bit CSI
    ("x\x00y\x7f", "x\\x00y\\x7f"),
    ("line\nnext\r", "line\\x0anext\\x0d"),
    ("abc\u202edef", "abc\\u202edef"),            # right-to-left override
    ("zero\u200bwidth", "zero\\u200bwidth"),
    ("\ufeffbom", "\\ufeffbom"),
    (b"caf\xe9".decode("utf-8", "surrogateescape"), "caf\\xe9"),  # a byte that was not UTF-8
    ("Phú Hội – cây đổ", "Phú Hội – cây đổ"),  # ordinary text is unchanged
])
def test_control_characters_are_escaped_and_text_is_kept(raw, shown):
    assert printable(raw) == shown


def test_long_values_are_cut_and_non_text_is_converted():
    assert printable("x" * 500, limit=10) == "x" * 9 + "…"
    assert printable({"a": "\x1b"}) == "{'a': '\\x1b'}"
    assert len(printable("y" * 10_000, limit=None)) == 10_000


def test_undecodable_bytes_are_found():
    assert has_undecodable("fine") == -1
    assert has_undecodable(b"ab\xff".decode("utf-8", "surrogateescape")) == 2
