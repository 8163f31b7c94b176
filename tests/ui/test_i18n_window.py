"""The window in Vietnamese and Chinese (issue 16, item 4): every visible text of the window and its
three panels is translated, apart from proper names and data; screenshots for a person to look at."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QDockWidget, QGroupBox, QLabel,
                               QLineEdit, QTabBar, QToolBar)

from gisdesk.core.shipped import plugins_dir, resources_dir
from gisdesk.i18n_catalogue import compile_tree
from tests.ui.test_window import signed_in, wait_render

#: Not translated on purpose: product, format and unit names, codes, map data shown as it is stored.
PROPER = {"gisdesk", "PNG", "PDF", "CSV", "KML", "GeoJSON", "GeoPackage", "EPSG", "WGS", "UTM", "VN", "OK",
          "HUE", "KPI", "English", "km", "m", "ha", "dpi", "Ctrl", "Shift", "Alt", "Left", "Right", "Up", "Down"}
TAG = re.compile(r"<[^>]*>|&nbsp;")
WORD = re.compile(r"[A-Za-z]{2,}")


def english_vocabulary(lang: str) -> set[str]:
    """Words of gisdesk's English texts that none of ``lang``'s translations uses (so a Vietnamese word
    spelt without accents, such as "Long" in a name, is not taken for English)."""
    from gisdesk.i18n_catalogue import read_ts

    sources, translated = set(), set()
    for ts in [*(resources_dir() / "i18n").glob(f"*_{lang}.ts"), *plugins_dir().glob(f"*/i18n/*_{lang}.ts")]:
        for m in read_ts(ts).messages.values():
            sources |= {w.lower() for w in WORD.findall(m.source.replace("&", ""))}
            translated |= {w.lower() for w in WORD.findall(m.translation.replace("&", ""))}
    return {w for w in sources - translated if len(w) >= 4}


def _english_words(text: str, data: set[str], vocabulary: set[str] = frozenset()) -> list[str]:
    """The English words left in ``text`` once data, proper names and numbers are taken out: every word
    of a text without Vietnamese or Chinese letters, else the words of gisdesk's English (``vocabulary``)."""
    text = TAG.sub(" ", text).replace("&", "")
    for name in sorted(data, key=len, reverse=True):
        if name and len(name) > 1:
            text = text.replace(name, " ")
    words = [w for w in WORD.findall(text) if w not in PROPER]
    if any(ch.isalpha() and ord(ch) > 127 for ch in text):  # partly translated: look for gisdesk's English
        return [w for w in words if w.lower() in vocabulary]
    return words


def _menu_texts(menu, out: list[tuple[str, str]]) -> None:
    out.append(("menu", menu.title()))
    for act in menu.actions():
        if act.isSeparator():
            continue
        if act.menu() is not None:
            _menu_texts(act.menu(), out)
        else:
            out.append(("action", act.text()))


def visible_texts(win) -> list[tuple[str, str]]:
    """(where, text) for every text a person sees: menus, toolbar tooltips, dock titles, and the labels,
    buttons, tabs, group titles, placeholders, combo texts and table headers of the shown panels."""
    out: list[tuple[str, str]] = [("window title", win.windowTitle())]
    for act in win.menuBar().actions():
        if act.menu() is not None:
            _menu_texts(act.menu(), out)
    for bar in win.findChildren(QToolBar):
        out += [("tooltip", a.toolTip()) for a in bar.actions() if not a.isSeparator() and a.isVisible()]
    from PySide6.QtWidgets import QTreeWidget

    for tree in win.findChildren(QTreeWidget):  # a panel's grouped lists: the group rows are its words
        if tree.isVisibleTo(win) and tree is not win.layer_tree:  # the layer tree: group names are data
            out += [("group row", tree.topLevelItem(i).text(0)) for i in range(tree.topLevelItemCount())]
    docks = [d for d in win.findChildren(QDockWidget) if not d.isHidden()]
    for dock in docks:
        out.append(("dock", dock.windowTitle()))
        for w in dock.findChildren(QLabel):
            if w.isVisibleTo(dock):
                out.append(("label", w.text()))
        for w in dock.findChildren(QAbstractButton):
            if w.isVisibleTo(dock):
                out.append(("button", w.text()))
                if not w.text():
                    out.append(("button tooltip", w.toolTip()))
        for w in dock.findChildren(QGroupBox):
            if w.isVisibleTo(dock):
                out.append(("group", w.title()))
        for w in dock.findChildren(QTabBar):
            if w.isVisibleTo(dock):
                out += [("tab", w.tabText(i)) for i in range(w.count())]
        for w in dock.findChildren(QLineEdit):
            if w.isVisibleTo(dock):
                out.append(("placeholder", w.placeholderText()))
        for w in dock.findChildren(QComboBox):
            if w.isVisibleTo(dock) and not w.isEditable():
                out.append(("combo", w.currentText()))
        for w in dock.findChildren(QAbstractItemView):
            header = w.horizontalHeader() if hasattr(w, "horizontalHeader") else getattr(w, "header", lambda: None)()
            if w.isVisibleTo(dock) and header is not None and not header.isHidden() and w.model() is not None:
                model = w.model()
                out += [("header", str(model.headerData(c, _HORIZONTAL) or ""))
                        for c in range(model.columnCount(QModelIndex())) if not header.isSectionHidden(c)]
    return [(where, t) for where, t in out if t and t.strip()]


from PySide6.QtCore import Qt  # noqa: E402

_HORIZONTAL = Qt.Orientation.Horizontal


def _data_names(win) -> set[str]:
    """Texts that are data: layer titles, commune names, users' names, the workspace file."""
    from gisdesk.store.connection import connect

    names = {layer.title for layer in win.model.layers} | {win.workspace.name, win.workspace.stem}
    with connect(win.workspace) as conn:
        names |= {r[0] for r in conn.execute("SELECT name FROM communes")}
        names |= {r[0] for r in conn.execute("SELECT DISTINCT category FROM incidents")}
        names |= {r[0] for r in conn.execute("SELECT username FROM users")}
        names |= {r[0] for r in conn.execute("SELECT display_name FROM users WHERE display_name IS NOT NULL")}
    if win.user is not None:
        names |= {win.user.name}
    return {n for n in names if n}


@pytest.fixture(scope="module", autouse=True)
def compiled():
    """Build the .qm catalogues from the .ts sources, as the set-up does."""
    compile_tree(resources_dir() / "i18n")
    compile_tree(plugins_dir())


@pytest.fixture
def window_in(qtbot, workspace, tmp_path, monkeypatch):
    from gisdesk.ui import language
    from gisdesk.ui.main_window import MainWindow

    opened = []

    def open_in(lang: str):
        for var in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
            monkeypatch.setenv(var, str(tmp_path / var.lower()))
        assert language.install(lang) == lang
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        win = MainWindow(workspace, settings, plugin_dirs=[], user=signed_in(workspace, "dispatcher"))
        qtbot.addWidget(win)
        win.resize(1600, 1000)
        win.show()
        wait_render(qtbot, win.canvas)
        opened.append(win)
        return win

    yield open_in
    language.install("en")


@pytest.mark.parametrize("lang", ["vi", "zh_CN"])
def test_every_visible_text_is_translated(window_in, lang):
    win = window_in(lang)
    docks = {d.objectName() for d in win.findChildren(QDockWidget) if not d.isHidden()}
    assert {"incidents.panel", "tasks.panel", "dashboards.panel"} <= docks  # the three panels are open
    data = _data_names(win)
    texts = visible_texts(win)
    vocabulary = english_vocabulary(lang)
    english = [(where, t) for where, t in texts if _english_words(t, data, vocabulary)]
    share = 1 - len(english) / len(texts)
    listing = "\n".join(f"  {where}: {t!r}" for where, t in english)
    assert len(texts) > 150, f"only {len(texts)} visible texts found: the walk is broken"
    assert share >= 0.95, f"{lang}: {len(english)} of {len(texts)} visible texts are still English:\n{listing}"


def test_the_walk_finds_english_in_the_english_window(window_in):
    """The check above can fail: in English most of the same texts are English words."""
    win = window_in("en")
    texts = visible_texts(win)
    english = [t for _, t in texts if _english_words(t, _data_names(win))]
    assert len(english) > 0.6 * len(texts)
    assert "&Open workspace…" in english and "Layers" in english


@pytest.mark.parametrize("lang", ["vi", "zh_CN"])
def test_window_menus_and_panel_titles_in_the_language(window_in, lang):
    win = window_in(lang)
    menus = [a.menu().title() for a in win.menuBar().actions() if a.menu() is not None]
    expected = {"vi": ("&Tệp", "&Hiển thị", "Sự &cố", "&Nhiệm vụ"), "zh_CN": ("文件(&F)", "视图(&V)", "事件", "任务")}[lang]
    assert menus[:2] == list(expected[:2])
    titles = {d.objectName(): d.windowTitle() for d in win.findChildren(QDockWidget)}
    assert titles["incidents.panel"] == expected[2].replace("&", "")
    assert titles["tasks.panel"] == expected[3].replace("&", "")
    assert titles["layers"] == {"vi": "Lớp", "zh_CN": "图层"}[lang]


@pytest.mark.parametrize("lang", ["vi", "zh_CN"])
def test_screenshot(window_in, lang, tmp_path):
    """A picture of the window in the language, for a person to look at (kept when GISDESK_SHOTS is set)."""
    win = window_in(lang)
    folder = Path(os.environ.get("GISDESK_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"window_{lang}.png"
    assert win.grab().save(str(path))
    assert path.stat().st_size > 10_000
