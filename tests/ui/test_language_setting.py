"""The language setting (issue 16): View › Language saves the choice, the next start uses it, --lang wins."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from gisdesk.core import i18n
from gisdesk.ui import language


@pytest.fixture(autouse=True)
def english_afterwards(monkeypatch):
    for var in ("GISDESK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    yield
    language.install("en")


def test_view_language_saves_the_choice_for_the_next_start(qtbot, workspace, tmp_path):
    from gisdesk.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(workspace, settings, plugin_dirs=None)
    qtbot.addWidget(win)
    entries = {a.objectName(): a for a in win.findChildren(type(win.actions["gisdesk.file.open"]))
               if a.objectName().startswith("language:")}
    assert set(entries) == {"language:system", "language:en",
                            "language:vi", "language:zh_CN"}
    assert entries["language:system"].isChecked()  # nothing saved: follow the system
    entries["language:vi"].trigger()
    assert settings.value(i18n.SETTING) == "vi"
    assert entries["language:vi"].isChecked()
    # the next start: the saved choice, unless --lang says otherwise
    assert language.install(None, settings) == "vi"
    assert QCoreApplication.translate("MainWindow", "Layers") == "Lớp"
    assert QLocale().name() == "vi_VN"  # dates and numbers follow
    assert language.install("zh_CN", settings) == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "Layers") == "图层"
    assert language.install("en", settings) == "en"
    assert QCoreApplication.translate("MainWindow", "Layers") == "Layers"


def test_the_system_locale_is_the_default(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert language.install(None, settings) == "zh_CN"
    assert QCoreApplication.translate("Commands", "&Quit") == "退出(&Q)"


def test_a_plugin_manifest_title_is_translated_under_the_plugin_name(qapp):
    from gisdesk.core.shipped import plugins_dir

    language.install("vi")
    assert language.load_plugin_catalogue(plugins_dir() / "incidents", "incidents")

    class Record:
        name = "incidents"

    assert language.plugin_text(Record(), "Incident point") == "Điểm sự cố"


def test_lang_on_the_command_line():
    from gisdesk.cli import app_parser

    assert app_parser().parse_args(["--lang", "vi", "x.sqlite"]).lang == "vi"
    assert app_parser().parse_args([]).lang is None
