"""gisdesk.sh: without root, a missing system package stops set-up with the exact command to run."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fake_tools(folder: Path, missing: set[str]) -> None:
    """A non-root user on a Debian machine where ``missing`` packages are not installed."""
    folder.mkdir()
    scripts = {
        "id": '#!/bin/sh\n[ "$1" = "-u" ] && echo 1000 || /usr/bin/id "$@"\n',
        "sudo": "#!/bin/sh\nexit 1\n",  # no password-less sudo
        "dpkg": "#!/bin/sh\ncase \" %s \" in *\" $2 \"*) exit 1;; esac\nexit 0\n" % " ".join(sorted(missing)),
    }
    for name, text in scripts.items():
        p = folder / name
        p.write_text(text)
        p.chmod(0o755)


def test_missing_spatialite_without_root_prints_the_install_command(tmp_path):
    fake_tools(tmp_path / "bin", {"libsqlite3-mod-spatialite"})
    env = {**os.environ, "PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin"}
    venv_before = (ROOT / ".venv").stat().st_mtime if (ROOT / ".venv").exists() else None
    proc = subprocess.run(["bash", str(ROOT / "gisdesk.sh")], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 1
    assert "sudo apt-get update && sudo apt-get install -y --no-install-recommends libsqlite3-mod-spatialite" in proc.stderr
    assert "missing" in proc.stderr
    if venv_before is not None:
        assert (ROOT / ".venv").stat().st_mtime == venv_before  # stopped before touching the environment


def test_test_mode_asks_for_the_interop_peers_too(tmp_path):
    fake_tools(tmp_path / "bin", {"gdal-bin", "qgis"})
    env = {**os.environ, "PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin"}
    proc = subprocess.run(["bash", str(ROOT / "gisdesk.sh"), "test"], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 1
    assert "apt-get install -y --no-install-recommends gdal-bin qgis" in proc.stderr


def test_test_mode_installs_postgis_for_the_server_tests(tmp_path):
    fake_tools(tmp_path / "bin", {"postgresql-15-postgis-3"})
    env = {**os.environ, "PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin"}
    proc = subprocess.run(["bash", str(ROOT / "gisdesk.sh"), "test"], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 1
    assert "apt-get install -y --no-install-recommends postgresql-15-postgis-3" in proc.stderr
