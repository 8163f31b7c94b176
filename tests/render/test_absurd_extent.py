"""Issue 12: one 1e308 coordinate in a layer made a full-extent render skip the other layers."""

from __future__ import annotations

import numpy as np

from gisdesk.core.default_styles import default_style
from gisdesk.core.layers import VectorLayer
from gisdesk.render.renderer import Renderer
from gisdesk.store.connection import connect


def test_a_layer_with_a_1e308_point_leaves_the_full_extent_on_the_city(workspace):
    conn = connect(workspace)
    srid = conn.execute("SELECT srid FROM geometry_columns WHERE f_table_name = 'communes'").fetchone()[0]
    conn.execute("CREATE TABLE far (fid INTEGER PRIMARY KEY)")
    conn.execute("SELECT AddGeometryColumn('far', 'geom', ?, 'POINT', 'XY')", (srid,))
    conn.execute("INSERT INTO far (geom) VALUES (MakePoint(775000, 1820000, ?))", (srid,))
    conn.execute("INSERT INTO far (geom) VALUES (MakePoint(1e308, 1820000, ?))", (srid,))
    conn.execute("SELECT CreateSpatialIndex('far', 'geom')")
    conn.commit()
    conn.close()
    crs = f"EPSG:{srid}"
    communes = VectorLayer(workspace, "communes", default_style("polygon"), title="communes")
    far = VectorLayer(workspace, "far", default_style("point"), title="far")
    alone = Renderer().full_extent([communes], crs)
    both = Renderer().full_extent([communes, far], crs)
    assert np.isfinite(both).all()
    assert both == alone  # the far layer's one real point lies inside the city
