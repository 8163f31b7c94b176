"""Sorting names as their language does (issue 16): Vietnamese "Đ" after "D", tones after the letter."""

from __future__ import annotations

import pytest

from gisdesk.core import collation, i18n

# Written by hand from the Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y;
# tone marks only decide between words that are otherwise equal.
VI_EXPECTED = ["An Cựu", "Ăn", "Dương Nỗ", "Đông Ba", "Hưng", "Hương Long", "Hương Trà", "Ô Lâu", "Ơn",
               "Phú Hậu", "Phú Hội", "Thuận An", "Thuận Hòa", "Vĩ Dạ", "Vinh", "Vĩnh Ninh", "Zeta"]


@pytest.fixture(params=["builtin", "icu"])
def backend(request, monkeypatch):
    """Both the built-in key and PyICU (skipped where PyICU is not installed)."""
    if request.param == "icu":
        pytest.importorskip("icu")
    else:
        monkeypatch.setattr(collation, "_icu_collator", lambda language: None)
    return request.param


def test_the_brief_example(backend):
    assert collation.sort_texts(["An Cựu", "Đông Ba", "Dương Nỗ", "Zeta"], "vi") == [
        "An Cựu", "Dương Nỗ", "Đông Ba", "Zeta"]


def test_vietnamese_alphabet_order(backend):
    shuffled = VI_EXPECTED[::-1][3:] + VI_EXPECTED[::-1][:3]
    assert collation.sort_texts(shuffled, "vi") == VI_EXPECTED


def test_d_with_stroke_comes_after_every_d_word_and_before_e(backend):
    words = ["Đà Nẵng", "Dz", "Ea Súp", "Duy Xuyên", "đông", "dung"]
    assert collation.sort_texts(words, "vi") == ["dung", "Duy Xuyên", "Dz", "Đà Nẵng", "đông", "Ea Súp"]


def test_a_key_function_sorts_records_by_their_name(backend):
    rows = [{"name": "Đông Ba", "n": 1}, {"name": "An Hòa", "n": 2}, {"name": "Dương Nỗ", "n": 3}]
    assert [r["n"] for r in collation.sort_texts(rows, "vi", key=lambda r: r["name"])] == [2, 3, 1]


def test_the_language_in_use_is_the_default(backend, monkeypatch):
    monkeypatch.setattr(i18n, "_current", "vi")
    assert collation.sort_texts(["Zeta", "Đông Ba", "Dương Nỗ"]) == ["Dương Nỗ", "Đông Ba", "Zeta"]


def test_chinese_sorts_by_pinyin_with_icu():
    pytest.importorskip("icu")
    # ā (阿) < běi (北) < chóng (重) < shàng (上)
    assert collation.sort_texts(["上海", "重庆", "阿", "北京"], "zh_CN") == ["阿", "北京", "重庆", "上海"]
