"""Text from outside (feeds, files, column names) made safe to show.

Anything quoted from input in a message passes through :func:`printable` first, so a
feed cannot clear the terminal (``"\\x1b[2J"``), reorder a line (``U+202E``) or hide
bytes that were not UTF-8.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, zero-width and bidi controls, line/paragraph separators, BOM,
# and lone surrogates (bytes that were not UTF-8, decoded with ``surrogateescape``).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a raw byte kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(value: object, limit: int | None = 200) -> str:
    """``value`` as one line of text with every control character escaped.

    Parameters
    ----------
    value : object
        Usually a string from input; anything else is converted with ``str``.
    limit : int, optional
        Longer results are cut to this many characters and end with ``…``
        (``None``: no limit).

    Returns
    -------
    str
        Text without control, bidi or zero-width characters: they appear as
        ``\\x1b`` / ``\\u202e`` escapes, as in a Python literal.

    Examples
    --------
    >>> printable("red\\x1b[2J light")
    'red\\\\x1b[2J light'
    >>> printable("a" * 10, limit=5)
    'aaaa…'
    """
    text = value if isinstance(value, str) else str(value)
    out = _UNSAFE.sub(_escape, text)
    if limit is not None and len(out) > limit:
        out = out[: max(limit - 1, 0)] + "…"
    return out


def has_undecodable(text: str) -> int:
    """Index of the first byte that was not UTF-8 (a ``surrogateescape`` surrogate), or -1."""
    m = re.search("[\udc80-\udcff]", text)
    return m.start() if m else -1


__all__ = ["printable", "has_undecodable"]
