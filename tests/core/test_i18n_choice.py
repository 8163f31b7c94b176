"""Which language the window speaks (issue 16): --lang, then the setting, then the system locale."""

from __future__ import annotations

import pytest

from gisdesk.core import i18n


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for var in ("GISDESK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)


def test_command_line_beats_the_setting_and_the_system(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert i18n.choose_language("vi", "en") == "vi"


def test_the_setting_beats_the_system(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert i18n.choose_language(None, "vi") == "vi"


def test_the_system_locale_is_the_default(monkeypatch):
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert i18n.choose_language(None, "") == "vi"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert i18n.choose_language(None, None) == "zh_CN"


def test_languages_without_a_catalogue_fall_back_to_english(monkeypatch):
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.choose_language("fr", None) == "en"
    assert i18n.normalise("zh_TW") is None  # traditional Chinese has no catalogue yet


@pytest.mark.parametrize("code, expected", [("vi", "vi"), ("vi-VN", "vi"), ("zh", "zh_CN"), ("zh_Hans_CN", "zh_CN"),
                                            ("en_GB.UTF-8", "en"), ("C", None), ("", None)])
def test_locale_names(code, expected):
    assert i18n.normalise(code) == expected
