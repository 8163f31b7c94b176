"""Pytest fixtures for plugin authors (registered as the pytest plugin ``gisdesk``).

Installed with gisdesk (entry point ``pytest11``), so a plugin's tests can use
them without imports; in a checkout before installing, run ``pytest -p gisdesk.testing``.

Fixtures
--------
workspace
    A fresh copy of the demo city (``sample_layers``), built once into pytest's cache
    folder and copied for each test, so a test may change it.
plugin_dir
    The plugin under test: the nearest folder at or above the test file holding
    ``gisdesk-plugin.toml``.
plugin_manager
    A headless :class:`~gisdesk.plugins.manager.PluginManager` that has started only that
    plugin on ``workspace``, with ``raise_errors=True`` (a plugin error fails the test).
plugin_context
    The plugin's :class:`~gisdesk.api.PluginContext` (from ``plugin_manager``).
main_window
    A shown :class:`~gisdesk.ui.main_window.MainWindow` on ``workspace`` with the plugin
    loaded (needs pytest-qt's ``qtbot``); ``main_window.plugin_host`` has its docks and actions.

Examples
--------
In ``my_plugin/tests/test_panel.py``::

    def test_counts_bridges(plugin_context):
        rows = plugin_context.workspace.read("SELECT count(*) AS n FROM bridges")
        assert rows[0]["n"] > 0

    def test_panel_docks(main_window):
        assert "my_plugin.panel" in main_window.plugin_host.docks
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

# Plugin tests need no display: Qt draws offscreen unless a display is there to look at.
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from gisdesk.plugins.manifest import MANIFEST_NAME

#: Incidents in the demo city the fixtures build (the full demo has 20,000).
DEMO_INCIDENTS = 2000
#: The day the test demo lives in (``gisdesk sample --today``): pinned so every run sees the same dates.
DEMO_TODAY = "2026-11-20"


def _demo_key() -> str:
    """Changes when the demo city generator changes, so a stale cached copy is rebuilt."""
    import sample_layers

    digest = hashlib.sha1(f"{DEMO_INCIDENTS} {DEMO_TODAY}".encode())
    store = Path(__file__).parent / "store"  # the schemas the generator applies (incidents, tasks, users)
    for path in sorted(Path(sample_layers.__file__).parent.glob("*.py")) + sorted(store.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def build_demo_cache(cache_root: Path) -> Path:
    """The demo city under ``cache_root/<generator hash>/hue.sqlite``, built when missing."""
    from sample_layers.generate import build_workspace

    folder = Path(cache_root) / _demo_key()
    target = folder / "hue.sqlite"
    if target.exists():
        return target
    staging = Path(cache_root) / f"building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    build_workspace(staging / "hue.sqlite", incidents=DEMO_INCIDENTS, today=DEMO_TODAY)
    try:
        staging.rename(folder)  # atomic: a parallel run sees the whole folder or none
    except OSError:  # another process won the race
        shutil.rmtree(staging, ignore_errors=True)
    return target


def find_plugin_dir(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``gisdesk-plugin.toml``, or the package
    of the nearest plugin project (``pyproject.toml`` beside a package holding the manifest)."""
    from gisdesk.plugins.discovery import project_package

    start = Path(start).resolve()
    for folder in [start if start.is_dir() else start.parent, *start.parents]:
        if (folder / MANIFEST_NAME).is_file():
            return folder
        package = project_package(folder)
        if package is not None:
            return package
    return None


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item) -> None:
    """Once a canvas has moved garbage collection to the GUI thread, collect after each test too.

    The collector's timer runs only while Qt processes events; a test that runs none
    would otherwise leave its garbage to the next one.
    """
    guard = sys.modules.get("gisdesk.ui.gc_guard")
    if guard is not None:
        guard.collect_now()


@pytest.fixture(scope="session")
def gisdesk_demo_master(request, tmp_path_factory) -> Path:
    """The cached demo city (do not change it: use ``workspace``)."""
    cache = getattr(request.config, "cache", None)
    root = Path(cache.mkdir("gisdesk-demo")) if cache is not None else tmp_path_factory.mktemp("gisdesk-demo")
    return build_demo_cache(root)


@pytest.fixture
def workspace(gisdesk_demo_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo city workspace (with its flood-depth raster) for this test."""
    dest = tmp_path / "workspace"
    dest.mkdir()
    for f in gisdesk_demo_master.parent.iterdir():
        if f.is_file():
            shutil.copy2(f, dest / f.name)
    return dest / gisdesk_demo_master.name


@pytest.fixture
def plugin_dir(request) -> Path:
    """The folder of the plugin under test (walks up from the test file to ``gisdesk-plugin.toml``)."""
    found = find_plugin_dir(Path(request.path))
    if found is None:
        pytest.fail(f"no {MANIFEST_NAME} in {Path(request.path).parent} or above: the plugin fixtures "
                    "need the test to live inside a plugin folder", pytrace=False)
    return found


@pytest.fixture
def plugin_manager(plugin_dir: Path, workspace: Path, tmp_path: Path):
    """A headless manager that started only the plugin under test (errors re-raised)."""
    from gisdesk.plugins.host import HeadlessHost
    from gisdesk.plugins.manager import PluginManager

    manager = PluginManager(HeadlessHost(workspace=workspace), folders=[(plugin_dir, "dir")], entry_points=False,
                            state_dir=tmp_path / "plugin-state", raise_errors=True)
    manager.start()
    yield manager
    manager.shutdown()


@pytest.fixture
def plugin_context(plugin_manager):
    """The :class:`~gisdesk.api.PluginContext` of the plugin under test, activated headless."""
    record = plugin_manager.records[0]
    if record.state != "active":
        pytest.fail(f"plugin {record.name} is {record.state} ({record.phase}): {record.error or record.reason}",
                    pytrace=False)
    return record.context


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "with_plugins(*names): main_window also starts these plugin folders "
                                       "(siblings of the plugin under test), before it")


@pytest.fixture
def main_window(request, qtbot, workspace: Path, tmp_path: Path):
    """A shown main window on ``workspace`` with the plugin under test (if any) loaded; errors re-raised.

    ``@pytest.mark.with_plugins("incidents")`` starts those sibling plugin folders too (e.g. a
    hand-off between two panels).
    """
    from PySide6.QtCore import QSettings

    from gisdesk.ui.main_window import MainWindow
    from gisdesk.ui.plugin_host import start_plugins

    found = find_plugin_dir(Path(request.path))
    folders = [(found, "dir")] if found else []
    marker = request.node.get_closest_marker("with_plugins")
    if marker is not None and found is not None:
        folders = [(found.parent / name, "dir") for name in marker.args] + folders
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    start_plugins(window, folders=folders, entry_points=False,
                  state_dir=tmp_path / "plugin-state", raise_errors=True)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
