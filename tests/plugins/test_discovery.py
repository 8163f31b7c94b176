"""Manifest validation messages, and discovery that never raises whatever it finds on disk."""

from __future__ import annotations

import importlib.metadata
import os

import pytest

from gisdesk.plugins.discovery import default_folders, discover, user_plugins_dir
from gisdesk.plugins.manifest import ManifestError, load_manifest, parse_manifest

from .conftest import GOOD

BASE = {"name": "demo", "version": "1.0", "api_version": "1"}


def manifest(**plugin):
    return {"plugin": {**BASE, **plugin}}


def test_full_manifest_reads_every_field():
    m = load_manifest(GOOD / "gd_full")
    assert (m.name, m.version, m.api_version, m.title, m.category) == ("gd_full", "1.2.0", "1", "Full test plugin",
                                                                          "Panels")
    assert m.tags == ("test",) and m.activate == "gd_full:activate" and m.root == GOOD / "gd_full"
    assert [s.id for _, s in m.contributions()] == ["gd_full.panel", "gd_full.hello", "gd_full.pick", "gd_full.csv"]
    assert m.panels[0].area == "left" and m.commands[0].shortcut == "Ctrl+Alt+H" and m.warnings == ()


@pytest.mark.parametrize("data, field, words", [
    ({"plugin": {"version": "1", "api_version": "1"}}, "plugin.name", "missing"),
    (manifest(name="Flood-Watch"), "plugin.name", "lower-case letters"),
    ({"plugin": {"name": "demo", "api_version": "1"}}, "plugin.version", "missing"),
    (manifest(api_version=1), "plugin.api_version", "put it in quotes"),
    (manifest(tags="flood"), "plugin.tags", "list of strings"),
    (manifest(experimental="yes"), "plugin.experimental", "true or false"),
    (manifest(activate="demo.activate"), "plugin.activate", "module:function"),
    ({"plugin": BASE, "contributes": {"panels": [{"id": "demo.p", "title": "P"}]}},
     "contributes.panels[0].factory", "missing"),
    ({"plugin": BASE, "contributes": {"panels": [{"id": "other.p", "title": "P", "factory": "m:f"}]}},
     "contributes.panels[0].id", "starting with the plugin name"),
    ({"plugin": BASE, "contributes": {"panels": [{"id": "demo.p", "title": "P", "factory": "m:f", "area": "top"}]}},
     "contributes.panels[0].area", "left, right, bottom"),
    ({"plugin": BASE, "contributes": {"commands": [{"id": "demo.c", "title": "C", "callback": "nocolon"}]}},
     "contributes.commands[0].callback", "module:attr"),
    ({"plugin": BASE, "contributes": {"readers": [{"id": "demo.r", "title": "R", "reader": "m:f",
                                                   "extensions": ["csv"]}]}},
     "contributes.readers[0].extensions", "with their dot"),
    ({"plugin": BASE, "contributes": {"panels": {"id": "demo.p"}}}, "contributes.panels", "array of tables"),
])
def test_invalid_manifest_names_the_field(tmp_path, data, field, words):
    path = tmp_path / "gisdesk-plugin.toml"
    with pytest.raises(ManifestError) as err:
        parse_manifest(data, path)
    assert err.value.field == field
    assert str(err.value).startswith(f"{path}: {field}: ") and words in str(err.value)


def test_unknown_keys_are_warnings_not_errors():
    m = parse_manifest({"plugin": {**BASE, "activte": "x:y"}, "contributes": {"widgets": []}, "extra": {}})
    assert m.warnings == ("unknown table [extra] ignored", "unknown key plugin.activte ignored",
                          "unknown contribution kind contributes.widgets ignored")


@pytest.mark.parametrize("content, words", [
    (b"\x00\xff\xfe garbage \x89PNG\r\n", "not UTF-8"),
    (b"[plugin\nname = 'x'", "not valid TOML"),
    (b"", "missing [plugin] table"),
    (b"plugin = 3", "missing [plugin] table"),
])
def test_garbage_manifests_are_reported_not_raised(tmp_path, content, words):
    (tmp_path / "p" / "junk").mkdir(parents=True)
    (tmp_path / "p" / "junk" / "gisdesk-plugin.toml").write_bytes(content)
    [cand] = discover([(tmp_path / "p", "dir")], entry_points=False)
    assert cand.manifest is None and cand.name == "junk" and words in cand.error


def test_discovery_never_raises_on_odd_folders(tmp_path):
    a_file = tmp_path / "not_a_folder.txt"
    a_file.write_text("hello")
    odd = tmp_path / "odd"
    odd.mkdir()
    (odd / "manifest_is_a_folder" / "gisdesk-plugin.toml").mkdir(parents=True)
    (odd / "dangling").mkdir()
    (odd / "dangling" / "gisdesk-plugin.toml").symlink_to(tmp_path / "nowhere.toml")
    (odd / "loop").symlink_to(odd / "loop")
    (odd / "code_without_manifest").mkdir()
    (odd / "code_without_manifest" / "thing.py").write_text("")
    (odd / "README.md").write_text("a file among plugin folders is fine")
    (odd / "__pycache__").mkdir()
    locked = tmp_path / "locked"
    (locked / "p").mkdir(parents=True)
    (locked / "p" / "gisdesk-plugin.toml").write_text("[plugin]\nname='p'\nversion='1'\napi_version='1'\n")
    os.chmod(locked, 0)
    try:
        found = discover([(a_file, "dir"), (tmp_path / "missing", "dir"), (tmp_path / "missing", "user"),
                          (odd, "dir"), (locked, "dir")],
                         entry_points=[importlib.metadata.EntryPoint("weird", "", "gisdesk.plugins"),
                                       importlib.metadata.EntryPoint("mod", "textwrap", "gisdesk.plugins"),
                                       importlib.metadata.EntryPoint("pkg", "json", "gisdesk.plugins")])
    finally:
        os.chmod(locked, 0o755)
    errors = {c.name: c.error for c in found if c.error}
    assert "is a file, not a plugins folder" in errors["not_a_folder.txt"]
    assert "does not exist" in errors["missing"]  # only --plugins-dir; a missing user folder is normal
    assert "cannot read" in errors["manifest_is_a_folder"]
    assert "no such file" in errors["dangling"]
    assert "has no gisdesk-plugin.toml" in errors["code_without_manifest"]
    assert "is a module, not a package folder" in errors["mod"]
    assert "no gisdesk-plugin.toml in" in errors["pkg"] and "weird" in errors
    names = [c.name for c in found]
    assert "README.md" not in names and "__pycache__" not in names
    # as root the locked folder can still be read; either way discovery returned
    assert "p" in names or "locked" in errors


def test_same_folder_twice_is_not_a_duplicate(tmp_path):
    found = discover([(GOOD, "user"), (GOOD, "dir")], entry_points=False)
    assert [(c.name, c.source, c.error) for c in found] == [("gd_full", "user", ""), ("gd_minimal", "user", "")]


def test_a_folder_holding_a_manifest_is_one_plugin():
    [cand] = discover([(GOOD / "gd_minimal", "dir")], entry_points=False)
    assert cand.name == "gd_minimal" and cand.error == ""


def test_default_folders_are_builtin_user_then_extra(tmp_path):
    folders = default_folders([tmp_path])
    assert [s for _, s in folders] == ["builtin", "user", "dir"]
    assert folders[0][0].name == "plugins" and (folders[0][0].parent / "gisdesk").is_dir()
    assert folders[1][0] == user_plugins_dir() and str(tmp_path / "xdg_config") in str(user_plugins_dir())
