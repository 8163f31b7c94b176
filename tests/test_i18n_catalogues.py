"""Translation catalogues (issue 16): every translated text is looked up under the context it is filed
under, the catalogues are up to date with the code, and the .qm files gisdesk writes read in Qt."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from gisdesk.i18n_catalogue import Catalogue, Message, merge, read_ts, write_qm, write_ts
from gisdesk.i18n_cli import CHECKOUT, catalogues, manifest_messages
from gisdesk.i18n_extract import extract

FIXED_CONTEXTS = {"Commands", "QPlatformTheme"}  # the command table; Qt's own dialog buttons


@pytest.fixture(scope="module")
def extracted():
    out = {}
    for name, files, roots, folder in catalogues(CHECKOUT):
        out[name] = (extract(files, roots, folder), roots)
    return out


class Recorder(QTranslator):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, str]] = []

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 (Qt override)
        self.seen.append((context, source))
        return ""


def _import(module: str, roots: list[Path]):
    for root in roots:
        if str(root) not in sys.path:
            sys.path.insert(0, str(root))
    return importlib.import_module(module)


def test_every_helper_asks_qt_under_the_context_its_texts_are_filed_under(qapp, extracted):
    recorder = Recorder()
    qapp.installTranslator(recorder)
    try:
        checked = 0
        for _name, (found, roots) in extracted.items():
            for module, helpers in found.helpers.items():
                mod = _import(module, roots)
                for helper, context in helpers.items():
                    recorder.seen.clear()
                    getattr(mod, helper)("probe text")
                    assert recorder.seen == [(context, "probe text")], f"{module}.{helper}"
                    checked += 1
        assert checked >= 15
    finally:
        qapp.removeTranslator(recorder)


def test_self_tr_classes_are_qobjects_that_nothing_subclasses(extracted):
    """``self.tr`` looks up the class of the object at run time: a subclass would miss every text."""
    bases: dict[str, set[str]] = {}
    for found, _ in extracted.values():
        for cls, names in found.bases.items():
            bases.setdefault(cls, set()).update(names)
    for found, roots in extracted.values():
        for cls, module in found.tr_classes.items():
            obj = getattr(_import(module, roots), cls)
            assert issubclass(obj, QObject), cls
            subclasses = [c for c, names in bases.items() if cls in names]
            assert not subclasses, f"{cls} uses self.tr but is subclassed by {subclasses}"


def test_every_context_is_one_that_code_looks_up(extracted):
    looked_up = set(FIXED_CONTEXTS)
    for name, (found, _) in extracted.items():
        looked_up |= {ctx for helpers in found.helpers.values() for ctx in helpers.values()}
        looked_up |= set(found.tr_classes) | found.literal_contexts
        looked_up.add(name)  # a plugin's manifest texts (plugin_text uses the plugin's name)
    for name, (found, _) in extracted.items():
        stray = {m.context for m in found.messages.values()} - looked_up
        assert not stray, f"{name}: texts filed under contexts no code looks up: {stray}"


def test_the_catalogues_hold_every_text_of_the_code(extracted):
    for name, files, roots, folder in catalogues(CHECKOUT):
        found, _ = extracted[name]
        wanted = {m.key for m in found.messages.values()}
        manifest = folder.parent / "gisdesk-plugin.toml"
        if manifest.is_file():
            wanted |= {m.key for m in manifest_messages(manifest)}
        for lang in ("vi", "zh_CN"):
            cat = read_ts(folder / f"{name}_{lang}.ts")
            have = {k for k, m in cat.messages.items() if m.kind != "vanished"}
            missing = sorted(wanted - have)[:10]
            assert not missing, f"{name}_{lang}.ts lacks {missing}: run 'gisdesk i18n update' and translate them"


def test_the_three_panels_and_the_window_are_fully_translated():
    for ts in [*(CHECKOUT / "resources" / "i18n").glob("*.ts"), *(CHECKOUT / "plugins").glob("*/i18n/*.ts")]:
        live = [m for m in read_ts(ts).messages.values() if m.kind != "vanished"]
        left = [m.source for m in live if not m.translation or m.kind == "unfinished"]
        assert not left, f"{ts.name}: {len(left)} untranslated, e.g. {left[:5]}"


def test_placeholders_survive_translation():
    import re

    field = re.compile(r"\{[^}]*\}")
    for ts in [*(CHECKOUT / "resources" / "i18n").glob("*.ts"), *(CHECKOUT / "plugins").glob("*/i18n/*.ts")]:
        for m in read_ts(ts).messages.values():
            if m.translation:
                assert sorted(field.findall(m.source)) == sorted(field.findall(m.translation)), (ts.name, m.source)


def _sample(lang: str = "vi") -> Catalogue:
    cat = Catalogue(lang)
    for ctx, src, tr_text, comment in [("MainWindow", "&File", "&Tệp", ""), ("Commands", "Zoom &in", "Phóng &to", ""),
                                       ("X", "Open", "打开", "verb"), ("X", "Open", "Mở", ""),
                                       ("Y", "{n} layer(s)", "{n} lớp", ""), ("Y", "untranslated", "", "")]:
        m = Message(ctx, src, comment, tr_text, "" if tr_text else "unfinished")
        cat.messages[m.key] = m
    return cat


def _lookups(path: Path) -> list[str]:
    t = QTranslator()
    assert t.load(str(path))
    return [t.translate("MainWindow", "&File"), t.translate("Commands", "Zoom &in"), t.translate("X", "Open", "verb"),
            t.translate("X", "Open"), t.translate("Y", "{n} layer(s)"), t.translate("Y", "untranslated"),
            t.translate("MainWindow", "Zoom &in")]


def test_qt_reads_the_qm_files_gisdesk_writes(qapp, tmp_path):
    write_qm(_sample(), tmp_path / "mine.qm")
    assert _lookups(tmp_path / "mine.qm") == ["&Tệp", "Phóng &to", "打开", "Mở", "{n} lớp", "", ""]


def test_lrelease_agrees(qapp, tmp_path):
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease is not installed")
    write_ts(_sample(), tmp_path / "a.ts")
    write_qm(read_ts(tmp_path / "a.ts"), tmp_path / "mine.qm")
    subprocess.run([lrelease, str(tmp_path / "a.ts"), "-qm", str(tmp_path / "theirs.qm")], check=True,
                   capture_output=True)
    assert _lookups(tmp_path / "mine.qm") == _lookups(tmp_path / "theirs.qm")


def test_update_keeps_translations_and_marks_vanished_texts():
    cat = _sample()
    added, vanished = merge(cat, [Message("MainWindow", "&File"), Message("MainWindow", "New text")])
    assert (added, vanished) == (1, 5)
    assert cat.messages[("MainWindow", "&File", "")].translation == "&Tệp"
    assert cat.messages[("MainWindow", "New text", "")].kind == "unfinished"
    assert cat.messages[("Commands", "Zoom &in", "")].kind == "vanished"
    merge(cat, [Message("Commands", "Zoom &in")])  # back in the code: its translation counts again
    assert cat.messages[("Commands", "Zoom &in", "")].kind == ""


def test_the_extractor_follows_helpers_tables_and_self_tr(tmp_path):
    pkg = tmp_path / "demo"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "words.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def tr(text):\n    return QCoreApplication.translate('DemoPanel', text)\n"
        "LABELS = {'a': 'Alpha', 'b': 'Beta'}\n")
    (pkg / "panel.py").write_text(
        "from PySide6.QtCore import QCoreApplication\nfrom PySide6.QtWidgets import QWidget\n"
        "from demo.words import LABELS, tr\n"
        "class Panel(QWidget):\n"
        "    def build(self):\n"
        "        self.tr('Own text')\n"
        "        tr('Helper text')\n"
        "        QCoreApplication.translate('Other', 'Literal', 'disambiguation')\n"
        "        [tr(LABELS[k]) for k in LABELS]\n"
        "        tr(self.name)\n")
    found = extract([pkg / "words.py", pkg / "panel.py"], [tmp_path], tmp_path)
    assert set(found.messages) == {("Panel", "Own text", ""), ("DemoPanel", "Helper text", ""),
                                   ("Other", "Literal", "disambiguation"), ("DemoPanel", "Alpha", ""),
                                   ("DemoPanel", "Beta", "")}
    assert found.dynamic == ["demo/panel.py:10"]  # tr(self.name): reported, not guessed


def test_texts_shown_from_the_core_tables_are_in_the_catalogues():
    """Statuses, channels, roles, marker shapes and ramps are shown from data: a new code needs a text."""
    from gisdesk.core.incidents import CHANNELS, STATUSES
    from gisdesk.core.style import MARKER_SHAPES
    from gisdesk.core.users import ROLES
    from gisdesk.ui._style_widgets import RAMPS

    def keys(path: Path) -> set[tuple[str, str]]:
        return {(m.context, m.source) for m in read_ts(path).messages.values() if m.kind != "vanished"}

    shown = [s.replace("_", " ") for s in STATUSES] + list(CHANNELS)
    for plugin, context in (("incidents", "IncidentsPanel"), ("tasks", "TasksPanel")):
        have = keys(CHECKOUT / "plugins" / plugin / "i18n" / f"{plugin}_vi.ts")
        assert {(context, s) for s in shown} <= have, plugin
    window = keys(CHECKOUT / "resources" / "i18n" / "gisdesk_vi.ts")
    tasks = keys(CHECKOUT / "plugins" / "tasks" / "i18n" / "tasks_vi.ts")
    assert {("MainWindow", r.replace("_", " ")) for r in ROLES} <= window
    assert {("TasksPanel", r.replace("_", " ")) for r in ROLES} <= tasks
    assert {("StyleDialog", s) for s in MARKER_SHAPES} <= window
    assert {(ctx, name) for name in RAMPS for ctx in ("StyleDialog", "RampEditor")} <= window
