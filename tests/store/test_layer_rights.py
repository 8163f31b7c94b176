"""Only the city adds layers to the shared workspace; a refused import changes not a byte."""

from __future__ import annotations

import hashlib
import json

import pytest

from gisdesk.core.users import PermissionDenied
from gisdesk.store.datasource import DataSource
from gisdesk.store.importer import import_vector, register_raster


def digest(workspace):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in workspace.parent.iterdir() if p.is_file()}


@pytest.fixture
def parks(tmp_path):
    sq = [[[107.58, 16.46], [107.59, 16.46], [107.59, 16.47], [107.58, 16.46]]]
    path = tmp_path / "parks.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Công viên"}, "geometry": {"type": "Polygon", "coordinates": sq}}]}),
        encoding="utf-8")
    return path


@pytest.mark.parametrize("who", ["viewer", "phu_hoi", "xaydung", "someone_unknown", None])
def test_who_is_not_the_city_cannot_import_a_layer(workspace, parks, who):
    before = digest(workspace)
    with pytest.raises(PermissionDenied):
        import_vector(workspace, parks, user=who)
    with pytest.raises(PermissionDenied):
        register_raster(workspace, next(workspace.parent.glob("*.tif")), user=who)
    assert digest(workspace) == before


@pytest.mark.parametrize("who", ["dispatcher", "admin"])
def test_the_city_imports_layers(workspace, parks, who):
    table = import_vector(workspace, parks, user=who)
    with DataSource(workspace) as ds:
        assert ds.feature_count(ds.layer(table)) == 1
