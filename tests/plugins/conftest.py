"""Shared fixtures of the plugin-host tests: the fixture plugin folders and isolated user folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from gisdesk.core.map_model import MapModel
from gisdesk.plugins.host import HeadlessHost
from gisdesk.plugins.manager import PluginManager

FIXTURES = Path(__file__).parent / "fixtures"
GOOD, BROKEN, NAMES = FIXTURES / "good", FIXTURES / "broken", FIXTURES / "names"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path, monkeypatch):
    """Keep the user's own plugin, config and state folders out of every test."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg_config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg_state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg_data"))


def make_manager(host, state_dir, *folders, **kwargs) -> PluginManager:
    """A manager over exactly ``folders`` (source "dir"), no entry points unless asked."""
    kwargs.setdefault("entry_points", False)
    return PluginManager(host, folders=[(f, "dir") for f in folders], state_dir=state_dir, **kwargs)


@pytest.fixture
def host():
    return HeadlessHost(model=MapModel())
