"""Suite-wide settings: Qt runs offscreen, so the tests need no display."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def forget_plugin_modules(tmp_path):
    """Tests that write plugins into tmp_path: drop their modules and folders from the import system after."""
    yield
    sys.path[:] = [p for p in sys.path if not Path(p).is_relative_to(tmp_path)]
    for name, module in list(sys.modules.items()):
        if getattr(module, "__file__", None) and Path(module.__file__).is_relative_to(tmp_path):
            del sys.modules[name]
