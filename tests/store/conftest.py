"""Fixtures for the store tests: real files, shared per session (tests must not modify them)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .builders import Spec, build_spatialite


@pytest.fixture(scope="session")
def spatialite_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Spec]]:
    """The fixture SpatiaLite file (do not modify it: tests share it)."""
    path = tmp_path_factory.mktemp("sl") / "layers.sqlite"
    return path, build_spatialite(path)


@pytest.fixture(scope="session")
def gpkg_file(spatialite_file: tuple[Path, list[Spec]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture file converted by ``ogr2ogr -f GPKG`` (skips without GDAL)."""
    if shutil.which("ogr2ogr") is None:
        pytest.skip("ogr2ogr (Debian gdal-bin) is not installed")
    src, _ = spatialite_file
    out = tmp_path_factory.mktemp("gpkg") / "layers.gpkg"
    res = subprocess.run(["ogr2ogr", "-f", "GPKG", str(out), str(src)], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    return out
