"""The window's language: Qt translators for gisdesk, its plugins and Qt itself, and View › Language.

:func:`install` is called once before the window is built (``gisdesk --lang vi``, else the
saved choice, else the system locale; see :mod:`gisdesk.core.i18n`). Choosing another
language in View › Language saves it; it applies from the next start (the open window keeps
its texts). Catalogues are ``.qm`` files built from the ``.ts`` sources by
``gisdesk i18n compile`` (the set-up and the wheel build run it): gisdesk's in
``resources/i18n/gisdesk_<lang>.qm``, a plugin's in ``<plugin folder>/i18n/<name>_<lang>.qm``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup

from gisdesk.core import i18n
from gisdesk.core.shipped import resources_dir

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_plugin_roots: set[Path] = set()


def tr(text: str) -> str:
    return QCoreApplication.translate("Language", text)


# Qt's own dialog buttons (QPlatformTheme): Qt ships no Vietnamese catalogue, so gisdesk's carries
# these texts; they are registered in gisdesk/ui/_texts.py.


def catalogue_dir() -> Path:
    """Where gisdesk's ``.ts`` and ``.qm`` files are (``resources/i18n``)."""
    return resources_dir() / "i18n"


def _load(path: Path) -> bool:
    if not path.is_file():
        return False
    app = QCoreApplication.instance()
    translator = QTranslator(app)
    if not translator.load(str(path)):
        log.warning("could not read the translation catalogue %s", path)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def install(language: str | None = None, settings: QSettings | None = None) -> str:
    """Install the translators for ``language`` (or the saved or system choice) and return the language used.

    Earlier gisdesk translators are removed first, so calling it again switches language for
    texts made afterwards. Sets the default ``QLocale`` (dates and numbers) and the language
    Qt-free code sorts by.
    """
    app = QCoreApplication.instance()
    saved = str(settings.value(i18n.SETTING, "") or "") if settings is not None else None
    lang = i18n.choose_language(language, saved)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _plugin_roots.clear()
    i18n.set_current(lang)
    # dates and numbers: the language's locale; English keeps the system's (an English window on a
    # German system still writes 1.234,5)
    QLocale.setDefault(QLocale(lang) if lang != "en" else QLocale.system())
    if lang == "en":
        return lang
    _build_if_stale(catalogue_dir())
    if not _load(catalogue_dir() / f"gisdesk_{lang}.qm"):
        log.warning("no compiled catalogue for %s in %s: run 'gisdesk i18n compile'", lang, catalogue_dir())
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    _load(qt_dir / f"qtbase_{lang}.qm")
    return lang


def _build_if_stale(folder: Path) -> None:
    """A source checkout run without the set-up: build missing or outdated ``.qm`` files from the ``.ts``."""
    stale = [ts for ts in folder.glob("*.ts")
             if not ts.with_suffix(".qm").exists() or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime]
    if stale:
        from gisdesk.i18n_catalogue import compile_tree

        try:
            compile_tree(folder)
        except OSError as exc:  # a read-only install: say so once, run in English
            log.warning("could not build the translation catalogues in %s: %s", folder, exc)


def load_plugin_catalogue(root: Path | None, name: str) -> bool:
    """Install the plugin's own catalogue ``<root>/i18n/<name>_<lang>.qm`` for the language in use (once)."""
    lang = i18n.current()
    if root is None or lang == "en" or Path(root) in _plugin_roots:
        return False
    _plugin_roots.add(Path(root))
    _build_if_stale(Path(root) / "i18n")
    return _load(Path(root) / "i18n" / f"{name}_{lang}.qm")


def plugin_text(record: Any, text: str) -> str:
    """A manifest text (title, about) of a plugin, translated under the plugin's name as context."""
    if not text:
        return text
    return QCoreApplication.translate(getattr(record, "name", "") or "", text)


def add_language_menu(window: Any, menu: Any) -> Any:
    """View › Language: one checkable entry per catalogue language; a choice is saved for the next start."""
    from gisdesk.ui.actions import icon

    sub = menu.addMenu(icon("mdi6.translate"), tr("&Language"))
    sub.setObjectName("gisdesk.view.language")
    group = QActionGroup(sub)
    saved = str(window.settings.value(i18n.SETTING, "") or "")
    system = QAction(tr("System language"), sub, checkable=True)
    system.setData("")
    entries = [system] + [QAction(name, sub, checkable=True) for name in i18n.LANGUAGES.values()]
    for act, code in zip(entries[1:], i18n.LANGUAGES, strict=True):
        act.setData(code)
    for act in entries:
        act.setObjectName(f"language:{act.data() or 'system'}")  # a radio entry: its check mark shows the choice
        act.setChecked(act.data() == saved)
        group.addAction(act)
        sub.addAction(act)

    def choose(act: QAction) -> None:
        window.settings.setValue(i18n.SETTING, act.data())
        window.messages.show_message(tr("The language changes when gisdesk starts next time."), "info")

    group.triggered.connect(choose)
    return sub
