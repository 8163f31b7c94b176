"""The manifest as QGIS and npe2 authors expect: versions, dependencies, the JSON Schema,
``gisdesk plugin validate`` and the scaffold's name checks."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import gisdesk
from gisdesk.plugins.manifest import (CONTRIBUTION_KINDS, PLUGIN_KEYS, ManifestError, parse_manifest, version_problem,
                                      version_tuple)
from gisdesk.plugins.scaffold import ScaffoldError, new_plugin
from gisdesk.plugins.validate import validate_plugin

SCHEMA = Path(gisdesk.__file__).parent / "plugins" / "manifest.schema.json"
SHIPPED = Path(__file__).resolve().parents[2] / "plugins"


def _m(**plugin) -> dict:
    return {"plugin": {"name": "gauges", "version": "1.0", "api_version": "1", **plugin}}


def test_schema_lists_exactly_the_keys_the_parser_knows():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    props = schema["properties"]["plugin"]["properties"]
    assert set(props) == set(PLUGIN_KEYS)
    assert schema["properties"]["plugin"]["required"] == ["name", "version", "api_version"]
    kinds = schema["properties"]["contributes"]["properties"]
    assert set(kinds) == set(CONTRIBUTION_KINDS)
    for kind, ref in kinds.items():
        spec, required = CONTRIBUTION_KINDS[kind]
        definition = schema["$defs"][ref["items"]["$ref"].rsplit("/", 1)[1]]
        assert set(definition["properties"]) == set(spec.__dataclass_fields__), kind
        assert set(definition["required"]) == set(required), kind


def test_version_bounds_follow_the_numbers_not_the_text():
    assert version_tuple("0.10") > version_tuple("0.9")  # as numbers: 10 > 9
    assert version_tuple("1.2") == version_tuple("1.2.0") == (1, 2, 0, 0)
    m = parse_manifest(_m(min_gisdesk="0.2", max_gisdesk="0.9"))
    assert version_problem(m, "0.1.9") == "needs gisdesk 0.2 or newer (this is 0.1.9)"
    assert version_problem(m, "0.2.0") is None and version_problem(m, "0.9") is None  # bounds are included
    assert "up to 0.9" in version_problem(m, "0.10.0")
    with pytest.raises(ManifestError, match="plugin.min_gisdesk"):
        parse_manifest(_m(min_gisdesk="latest"))


def test_dependencies_must_be_other_plugins_names():
    assert parse_manifest(_m(dependencies=["incidents"])).dependencies == ("incidents",)
    with pytest.raises(ManifestError, match="plugin.dependencies"):
        parse_manifest(_m(dependencies=["gauges"]))  # itself
    with pytest.raises(ManifestError, match="plugin.dependencies"):
        parse_manifest(_m(dependencies=["Flood-Watch"]))


def _plugin(root: Path, name: str, extra: str = "", code: str = "def activate(ctx):\n    pass\n") -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "gisdesk-plugin.toml").write_text(textwrap.dedent(f"""\
        [plugin]
        name = "{name}"
        version = "1.0"
        api_version = "1"
        activate = "{name}_code:activate"
        """) + textwrap.dedent(extra), encoding="utf-8")
    (folder / f"{name}_code.py").write_text(code, encoding="utf-8")
    return folder


def test_validate_finds_what_would_stop_the_plugin_without_running_it(tmp_path):
    ran = tmp_path / "ran.txt"
    folder = _plugin(tmp_path, "gauges", """\
        icon = "gauge.svg"
        translations = "i18n"
        max_gisdesk = "0.0.1"
        colour = "blue"

        [[contributes.panels]]
        id = "gauges.panel"
        title = "Gauges"
        factory = "gauges_ui.panel:make"
        """, code=f"open({str(ran)!r}, 'w').write('ran')\ndef activate(ctx):\n    pass\n")
    result = validate_plugin(folder)
    text = "\n".join(result.errors)
    assert not result.ok
    assert "contributes.panels[0].factory: no module 'gauges_ui.panel'" in text
    assert "plugin.icon: 'gauge.svg' is not a file" in text
    assert "plugin.translations: 'i18n' is not a folder" in text
    assert "works with gisdesk up to 0.0.1" in text
    assert result.warnings == ["unknown key plugin.colour ignored"]
    assert not ran.exists()  # nothing of the plugin was imported


@pytest.mark.parametrize("name", ["dashboards", "incidents", "tasks"])
def test_the_shipped_panels_validate(name):
    result = validate_plugin(SHIPPED / name)
    assert result.ok and result.warnings == [], result.errors + result.warnings


def test_validate_command_exit_codes(tmp_path):
    good = _plugin(tmp_path, "good")
    bad = _plugin(tmp_path, "bad", 'icon = "nope.png"\n')
    run = lambda d: subprocess.run([sys.executable, "-m", "gisdesk.cli", "plugin", "validate", str(d)],  # noqa: E731
                                   capture_output=True, text=True, timeout=120)
    ok, fail, missing = run(good), run(bad), run(tmp_path / "nowhere")
    assert ok.returncode == 0 and ok.stdout.strip() == "good 1.0: valid (0 contributions)"
    assert fail.returncode == 2 and "plugin.icon" in fail.stderr and "Traceback" not in fail.stderr
    assert missing.returncode == 2 and "no such file" in missing.stderr


@pytest.mark.parametrize("name, words", [("json", "standard-library module"), ("tasks", "already installed"),
                                         ("numpy", "installed Python package")])
def test_scaffold_refuses_names_that_would_shadow_something(tmp_path, name, words):
    with pytest.raises(ScaffoldError, match=words):
        new_plugin(name, tmp_path)
    assert not any(tmp_path.iterdir())


def test_manager_starts_dependencies_first_and_refuses_a_missing_or_too_new_one(tmp_path, qtbot):
    from gisdesk.plugins.manager import PluginManager
    from gisdesk.plugins.host import HeadlessHost

    root = tmp_path / "plugins"
    # "aa_report" sorts first but needs "zz_base": the manager starts zz_base first
    order = tmp_path / "order.txt"
    log = "def activate(ctx):\n    open({!r}, 'a').write({!r} + ' ')\n"
    _plugin(root, "aa_report", 'dependencies = ["zz_base"]\n', code=log.format(str(order), "aa_report"))
    _plugin(root, "zz_base", code=log.format(str(order), "zz_base"))
    _plugin(root, "orphan", 'dependencies = ["nowhere"]\n')
    _plugin(root, "needs_future", 'min_gisdesk = "99.0"\n')
    _plugin(root, "needs_orphan", 'dependencies = ["orphan"]\n')
    manager = PluginManager(HeadlessHost(), folders=[(root, "dir")], entry_points=False,
                            state_dir=tmp_path / "state")
    manager.guard.raise_errors = False
    manager.start()
    state = {r.name: (r.state, r.error) for r in manager.records}
    assert state["zz_base"][0] == "active" and state["aa_report"][0] == "active", state
    assert order.read_text().split() == ["zz_base", "aa_report"]
    assert state["orphan"] == ("failed", "needs the plugin 'nowhere', which is not installed")
    assert state["needs_future"][0] == "failed" and "needs gisdesk 99.0 or newer" in state["needs_future"][1]
    assert state["needs_orphan"] == ("failed", "needs the plugin 'orphan', which is failed")
    manager.shutdown()


def test_the_plugin_manager_shows_each_plugins_own_icon(tmp_path, qtbot):
    from PySide6.QtGui import QColor, QImage

    from gisdesk.plugins.host import HeadlessHost
    from gisdesk.plugins.manager import PluginManager
    from gisdesk.ui.plugin_manager import PluginManagerDialog

    root = tmp_path / "plugins"
    folder = _plugin(root, "gauges", 'icon = "gauge.png"\ndescription = "Water levels at a glance."\n')
    img = QImage(32, 32, QImage.Format.Format_ARGB32)
    img.fill(QColor("#d23c3c"))
    assert img.save(str(folder / "gauge.png"))
    _plugin(root, "plain")
    manager = PluginManager(HeadlessHost(), folders=[(root, "dir")], entry_points=False, state_dir=tmp_path / "s")
    manager.start()
    dialog = PluginManagerDialog(manager)
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 0) for r in range(dialog.table.rowCount())}
    own = rows["gauges"].icon().pixmap(16, 16).toImage()
    assert own.pixelColor(8, 8).name() == "#d23c3c"
    assert not rows["plain"].icon().isNull()  # a generic plug-in icon, not a blank
    dialog.select("gauges")
    assert "Water levels at a glance." in dialog.about.toPlainText()
    manager.shutdown()
