"""Sorting names as their language does (Qt-free): ICU collation, or a built-in Vietnamese order.

With PyICU installed (``pip install gisdesk[icu]``; ``gisdesk.sh`` installs it) every
language sorts by ICU's rules: Vietnamese puts "Đ" after "D" and "Ư" after "U", Chinese
sorts by pinyin. Without it, a built-in key sorts Vietnamese (and English) correctly:
the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư …) at the first level, tone marks
at the second, case at the third; other scripts follow by code point (so Chinese is not in
pinyin order without PyICU).

Examples
--------
>>> sort_texts(["Zeta", "Đông Ba", "Dương Nỗ", "An Cựu"], "vi")
['An Cựu', 'Dương Nỗ', 'Đông Ba', 'Zeta']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, TypeVar

from gisdesk.core import i18n

T = TypeVar("T")

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# letter-making marks (they change the letter: a → ă, â; o → ô, ơ; u → ư) and tone marks (second level)
_LETTER_MARKS = {"\u0306": "breve", "\u0302": "circumflex", "\u031b": "horn"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng
_COMBINED = {("a", "breve"): "ă", ("a", "circumflex"): "â", ("e", "circumflex"): "ê",
             ("o", "circumflex"): "ô", ("o", "horn"): "ơ", ("u", "horn"): "ư"}
_LETTERS_START = 1000  # spaces, punctuation and digits sort before letters, as in ICU


@lru_cache(maxsize=8)
def _icu_collator(language: str) -> Any:
    try:
        import icu  # PyICU
    except ImportError:
        return None
    loc = {"zh_CN": "zh_Hans_CN"}.get(language, language)
    return icu.Collator.createInstance(icu.Locale(loc))


def backend() -> str:
    """``"icu"`` when PyICU sorts, ``"builtin"`` otherwise."""
    return "icu" if _icu_collator("en") is not None else "builtin"


def _builtin_key(text: str) -> tuple:
    primary: list[int] = []
    tones: list[int] = []
    case: list[int] = []
    for ch in unicodedata.normalize("NFD", text or ""):
        if unicodedata.combining(ch):
            if ch in _LETTER_MARKS and primary:
                base = _ALPHABET[primary[-1] - _LETTERS_START] if primary[-1] >= _LETTERS_START else ""
                combined = _COMBINED.get((base, _LETTER_MARKS[ch]))
                if combined:
                    primary[-1] = _LETTERS_START + _RANK[combined]
                    continue
            if ch in _TONES and tones:
                tones[-1] = _TONES[ch]
            continue
        low = ch.lower()
        if low == "đ":
            primary.append(_LETTERS_START + _RANK["đ"])
        elif low in _RANK:
            primary.append(_LETTERS_START + _RANK[low])
        elif ch.isspace():
            primary.append(1)
        elif ch.isdigit():
            primary.append(500 + int(unicodedata.digit(ch, 0)))
        elif ch.isalpha():
            primary.append(_LETTERS_START + 100 + ord(low))
        else:
            primary.append(2 + ord(ch) % 400)  # punctuation and symbols
        tones.append(0)
        case.append(0 if ch == low else 1)
    return (tuple(primary), tuple(tones), tuple(case))


def sort_key(text: str, language: str | None = None) -> Any:
    """A key that orders ``text`` as ``language`` (default: the language in use) sorts it."""
    lang = language or i18n.current()
    collator = _icu_collator(lang)
    if collator is not None:
        return collator.getSortKey(text or "")
    return _builtin_key(text)


def key_function(language: str | None = None) -> Callable[[str], Any]:
    """``sort_key`` bound to ``language`` (fixed when called), for ``sorted(..., key=...)``."""
    lang = language or i18n.current()
    collator = _icu_collator(lang)
    if collator is not None:
        return lambda t: collator.getSortKey(t or "")
    return _builtin_key


def sort_texts(items: Iterable[T], language: str | None = None, key: Callable[[T], str] | None = None) -> list[T]:
    """``items`` sorted by their text (``key(item)``, or the item itself) in ``language``'s order."""
    k = key_function(language)
    if key is None:
        return sorted(items, key=k)  # type: ignore[arg-type]
    return sorted(items, key=lambda item: k(key(item)))
