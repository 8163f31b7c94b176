"""The store (and core, and the CLI entry point) import without Qt.

Checked in a fresh interpreter, so modules imported by other tests do not hide an import,
and with import-linter's contracts from pyproject.toml.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PROBE = r"""
import importlib, json, pkgutil, sys
names = []
for root in ("gisdesk.core", "gisdesk.store"):
    try:
        pkg = importlib.import_module(root)
    except ModuleNotFoundError as exc:
        if exc.name == root:
            continue
        raise
    names.append(root)
    for info in pkgutil.walk_packages(pkg.__path__, root + "."):
        importlib.import_module(info.name)
        names.append(info.name)
import gisdesk.cli
names.append("gisdesk.cli")
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
print(json.dumps({"imported": names, "qt": qt}))
"""


def test_store_core_and_cli_import_without_qt():
    res = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=REPO, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"})
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout.strip().splitlines()[-1])
    assert "gisdesk.store.datasource" in report["imported"] and "gisdesk.store.reader" in report["imported"]
    assert report["qt"] == [], f"Qt modules imported by the Qt-free layers: {report['qt']}"


def _lint_imports(*args: str) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("lint-imports")
    if not exe.exists():
        pytest.skip("import-linter is not installed in this environment")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=REPO, timeout=120)


def test_import_linter_with_pyproject_config():
    res = _lint_imports()
    if res.returncode != 0 and "include_external_packages" in res.stdout:
        pytest.xfail("pyproject.toml's [tool.importlinter] needs 'include_external_packages = true' "
                     "to forbid external packages (PySide6, shiboken6, pyqtgraph)")
    assert res.returncode == 0, res.stdout + res.stderr


def test_import_linter_contracts_hold(tmp_path):
    """The contracts of pyproject.toml, run with include_external_packages set."""
    with (REPO / "pyproject.toml").open("rb") as fh:
        cfg = tomllib.load(fh)["tool"]["importlinter"]

    def values(v) -> str:
        return "\n" + "\n".join(f"    {x}" for x in v) if isinstance(v, list) else str(v)

    lines = ["[importlinter]", f"root_packages = {values(cfg['root_packages'])}", "include_external_packages = True"]
    for i, contract in enumerate(cfg["contracts"], 1):
        lines.append(f"\n[importlinter:contract:{i}]")
        lines += [f"{k} = {values(v)}" for k, v in contract.items()]
    ini = tmp_path / "importlinter.ini"
    ini.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = _lint_imports("--config", str(ini))
    assert res.returncode == 0, res.stdout + res.stderr
    assert f"{len(cfg['contracts'])} kept, 0 broken" in res.stdout
