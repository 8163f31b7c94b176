"""``gisdesk plugin new`` writes a project that ``pip install`` turns into a working installed plugin,
found through the ``gisdesk.plugins`` entry point (no ``--plugins-dir``).

The plugin's wheel is built offline (this environment's setuptools) and installed with
``--no-deps --no-index`` into a fresh virtual environment; gisdesk and its dependencies are
those of the running environment, reached through a ``.pth`` line.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
from pathlib import Path

import pytest

from gisdesk.plugins.scaffold import new_plugin

pytestmark = pytest.mark.packaging
BIN = "Scripts" if os.name == "nt" else "bin"
CHECKOUT = Path(__file__).resolve().parents[2]


def _run(cmd: list[str], timeout: float, **kw) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=timeout, **kw)
    assert done.returncode == 0, f"{cmd} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def _build_isolation_flag() -> list[str]:
    """Build offline with this environment's setuptools when it can make wheels by itself (>= 70.1)."""
    from importlib.metadata import version

    try:
        major, minor = (int(x) for x in version("setuptools").split(".")[:2])
    except Exception:
        return []
    return ["--no-build-isolation"] if (major, minor) >= (70, 1) else []


def test_a_scaffolded_plugin_installs_with_pip_and_is_found_by_its_entry_point(tmp_path):
    project = new_plugin("river_gauges", tmp_path / "src")
    assert (project / "river_gauges" / "gisdesk-plugin.toml").is_file()  # the manifest travels in the package
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", *_build_isolation_flag(), project,
          "-w", tmp_path / "dist"], timeout=180, cwd=tmp_path)
    [wheel] = (tmp_path / "dist").glob("gisdesk_river_gauges-*.whl")
    venv = tmp_path / "venv"
    _run([getattr(sys, "_base_executable", sys.executable), "-m", "venv", "--without-pip", venv], timeout=60)
    python = venv / BIN / "python"
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel], timeout=60,
         cwd=tmp_path)
    purelib = _run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], timeout=30).stdout.strip()
    deps = site.getsitepackages() + ([site.getusersitepackages()] if site.ENABLE_USER_SITE else [])
    (Path(purelib) / "gisdesk-test-deps.pth").write_text("\n".join([str(CHECKOUT), *deps]) + "\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "PYTHONPATH": ""}
    out = _run([python, "-m", "gisdesk.cli", "plugins", "--json"], timeout=300, env=env, cwd=tmp_path)
    plugins = {p["name"]: p for p in json.loads(out.stdout)["plugins"]}
    mine = plugins["river_gauges"]
    assert mine["source"] == "entry point" and mine["state"] == "active", mine
    assert Path(mine["path"]).resolve().is_relative_to(Path(purelib).resolve())  # the installed copy, not src
    assert "river_gauges.panel" in json.dumps(mine)
