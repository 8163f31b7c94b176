"""A wheel built from the source tree carries the shipped panels and resources, and finds them installed.

Regression: ``plugins/`` and ``resources/`` sit at the top of the tree and are not packages,
so ``pip install .`` left them out and an installed ``gisdesk plugins`` found no panel.

The wheel is built from a copy of the tree (what a clean clone holds, nothing written into
the checkout) and installed with ``--no-deps --no-index`` into a fresh virtual environment.
The dependencies (PySide6, shapely, …) are not downloaded: after the install, a ``.pth``
line adds the running environment's ``site-packages`` behind the new one. That only puts
those folders on ``sys.path``; their own ``.pth`` files (the checkout's editable install)
are not run, and a test below checks the checkout is not importable.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

CHECKOUT = Path(__file__).resolve().parents[1]
#: What a clean clone needs to build the wheel (tests, docs and benchmarks are not part of it).
SOURCE = ["gisdesk", "plugins", "resources", "sample_layers", "pyproject.toml", "setup.py", "MANIFEST.in",
          "README.md"]
BIN = "Scripts" if os.name == "nt" else "bin"
JUNK = shutil.ignore_patterns("__pycache__", "*.py[co]", ".*", "*.egg-info", "_shipped")


def _run(cmd: list[str], *, timeout: float, **kw) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def _build_isolation_flag() -> list[str]:
    """Build offline with this environment's setuptools when it is new enough (pyproject asks >= 77)."""
    try:
        major = int(version("setuptools").split(".")[0])
    except Exception:
        return []
    return ["--no-build-isolation"] if major >= 77 else []


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with gisdesk installed from a wheel built from a copy of the tree; returns the venv."""
    root = tmp_path_factory.mktemp("wheel")
    src = root / "src"
    src.mkdir()
    for name in SOURCE:
        path = CHECKOUT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=JUNK)
        elif path.exists():
            shutil.copy2(path, src / name)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", *_build_isolation_flag(), str(src),
          "-w", str(root / "dist")], timeout=60)
    [wheel] = (root / "dist").glob("gisdesk-*.whl")
    venv = root / "venv"
    _run([getattr(sys, "_base_executable", sys.executable), "-m", "venv", "--without-pip", str(venv)], timeout=30)
    python = venv / BIN / "python"
    # from outside the checkout: a gisdesk.egg-info in the working folder would count as "already installed"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
         timeout=30, cwd=root)
    # Only now (pip must not see, let alone uninstall, the editable gisdesk): the dependencies.
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                   timeout=30).stdout.strip()
    deps = site.getsitepackages() + ([site.getusersitepackages()] if site.ENABLE_USER_SITE else [])
    (Path(purelib) / "gisdesk-test-deps.pth").write_text("\n".join(deps) + "\n")
    return venv


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp / "config"),
               XDG_STATE_HOME=str(tmp / "state"), XDG_DATA_HOME=str(tmp / "data"), HOME=str(tmp))
    return env


def test_the_installed_gisdesk_is_the_wheel_not_the_checkout(installed, tmp_path):
    code = ("import json, sys, gisdesk; from gisdesk.core.shipped import plugins_dir, resources_dir; "
            "print(json.dumps([gisdesk.__file__, str(plugins_dir()), str(resources_dir()), sys.path]))")
    where, plugins, resources, path = json.loads(
        _run([str(installed / BIN / "python"), "-c", code], timeout=30, cwd=tmp_path, env=_env(tmp_path)).stdout)
    package = Path(where).parent
    assert package.is_relative_to(installed) and package.name == "gisdesk" and package.parent.name == "site-packages"
    assert Path(plugins) == package / "_shipped" / "plugins"
    assert Path(resources) == package / "_shipped" / "resources" and (Path(resources) / "README.md").is_file()
    # the checkout's code is not on the path (the running venv's site-packages, which the test adds for the
    # dependencies, may itself lie inside the checkout: ./gisdesk.sh keeps it in .venv)
    venv = Path(sys.prefix).resolve()
    assert not any(p and Path(p).resolve().is_relative_to(CHECKOUT) and not Path(p).resolve().is_relative_to(venv)
                   for p in path)
    # the panels' own tests stay in the source tree
    assert not list(Path(plugins).glob("*/tests")) and not (Path(plugins) / "conftest.py").exists()


def test_the_installed_gisdesk_finds_and_activates_the_three_shipped_panels(installed, tmp_path):
    done = _run([str(installed / BIN / "gisdesk"), "plugins", "--json"], timeout=60, cwd=tmp_path,
                env=_env(tmp_path))
    plugins = {p["name"]: p for p in json.loads(done.stdout)["plugins"]}
    assert {"incidents", "tasks", "dashboards"} <= set(plugins)
    for name in ("incidents", "tasks", "dashboards"):
        assert plugins[name]["source"] == "builtin"
        assert plugins[name]["state"] == "active", plugins[name]
        assert Path(plugins[name]["path"]).is_relative_to(installed)


def test_the_wheel_carries_the_compiled_translation_catalogues(installed, tmp_path):
    """The .qm files are build output (not in the source tree): the wheel build compiles them (issue 16)."""
    code = "from gisdesk.core.shipped import plugins_dir, resources_dir; print(resources_dir()); print(plugins_dir())"
    resources, plugins = _run([str(installed / BIN / "python"), "-c", code], timeout=30, cwd=tmp_path,
                              env=_env(tmp_path)).stdout.split()
    for lang in ("vi", "zh_CN"):
        assert (Path(resources) / "i18n" / f"gisdesk_{lang}.qm").stat().st_size > 1000
        for name in ("incidents", "tasks", "dashboards"):
            assert (Path(plugins) / name / "i18n" / f"{name}_{lang}.qm").stat().st_size > 1000


def test_the_wheel_carries_the_schema_migrations(installed, tmp_path):
    """The Alembic scripts ship inside the package and run without an alembic.ini (issue 13)."""
    code = ("import gisdesk.store.migrations as m, json; from gisdesk.store.schema_version import head, pending; "
            "print(json.dumps([m.__file__, head(), pending(None)]))")
    where, top, steps = json.loads(_run([str(installed / BIN / "python"), "-c", code], timeout=60, cwd=tmp_path,
                                        env=_env(tmp_path)).stdout)
    assert Path(where).is_relative_to(installed)
    assert (Path(where).parent / "env.py").is_file() and not list(Path(where).parent.glob("alembic.ini"))
    assert steps == ["0001_baseline", "0002_sync_tables"] and top == "0002_sync_tables"
