"""Built-in panels are plugins written against gisdesk.api like anyone's: they import nothing else of gisdesk."""

from __future__ import annotations

import ast
from pathlib import Path

BUILTIN = Path(__file__).resolve().parents[2] / "plugins"


def private_imports(folder: Path) -> list[str]:
    """``file:line module`` for every import of gisdesk other than gisdesk.api under ``folder``."""
    found = []
    for py in sorted(folder.rglob("*.py")):
        tree = ast.parse(py.read_text(encoding="utf-8"), filename=str(py))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names if node.module == "gisdesk"]
            for name in names:
                if (name == "gisdesk" or name.startswith("gisdesk.")) and name not in ("gisdesk", "gisdesk.api"):
                    found.append(f"{py.relative_to(folder)}:{node.lineno} {name}")
    return found


def test_builtin_plugins_import_only_the_public_api():
    assert private_imports(BUILTIN) == []


def test_the_check_catches_a_private_import(tmp_path):
    panel = tmp_path / "sneaky" / "panel.py"
    panel.parent.mkdir()
    panel.write_text("from gisdesk.api import PluginContext\nfrom gisdesk.store import features\n"
                     "import gisdesk.ui.canvas\nfrom gisdesk import api, store\n", encoding="utf-8")
    assert private_imports(tmp_path) == ["sneaky/panel.py:2 gisdesk.store", "sneaky/panel.py:3 gisdesk.ui.canvas",
                                         "sneaky/panel.py:4 gisdesk.store"]
