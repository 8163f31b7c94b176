"""The map draws only the incidents the signed-in user may read (issue 12: every commune saw all of them).

The rule (gisdesk.core.access): a commune officer reads the incidents of their own commune; a
viewer and the city read all. Expected values come from SQL written here, not from the renderer.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from gisdesk.core.layers import VectorLayer
from gisdesk.core.style import Symbol, VectorStyle
from gisdesk.core.users import User
from gisdesk.render.renderer import Renderer
from gisdesk.render.view import MapView
from gisdesk.store.connection import connect

PHU_HOI = User("phu_hoi", "Cán bộ Phú Hội", "commune_officer", commune="Phú Hội")
VIEWER = User("viewer", "Người xem", "viewer")
SIZE = 800
MARK = 3  # marker size in pixels (a small square)


def points(workspace, where: str, params=()) -> np.ndarray:
    conn = connect(workspace, read_only=True)
    try:
        rows = conn.execute(f"SELECT X(geom), Y(geom) FROM incidents WHERE geom IS NOT NULL AND {where}",
                            params).fetchall()
    finally:
        conn.close()
    return np.array(rows, float).reshape(-1, 2)


def srid(workspace) -> int:
    conn = connect(workspace, read_only=True)
    try:
        return int(conn.execute("SELECT srid FROM geometry_columns WHERE f_table_name = 'incidents'").fetchone()[0])
    finally:
        conn.close()


def painted(img: QImage) -> np.ndarray:
    img = img.convertToFormat(QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes()).reshape(img.height(), img.bytesPerLine())
    return arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[:, :, 3] > 0  # transparent background


def near(px: np.ndarray, r: int) -> np.ndarray:
    """Pixels within ``r`` (square) of any of the pixel positions ``px``."""
    mask = np.zeros((SIZE, SIZE), bool)
    for x, y in np.round(px).astype(int):
        mask[max(0, y - r):max(0, y + r + 1), max(0, x - r):max(0, x + r + 1)] = True
    return mask


@pytest.fixture
def scene(workspace):
    own = points(workspace, "commune = ?", ("Phú Hội",))
    other = points(workspace, "commune IS NOT ?", ("Phú Hội",))
    everything = np.vstack([own, other])
    pad = 50.0
    view = MapView.fit((everything[:, 0].min() - pad, everything[:, 1].min() - pad,
                        everything[:, 0].max() + pad, everything[:, 1].max() + pad), SIZE, SIZE,
                       f"EPSG:{srid(workspace)}")
    layer = VectorLayer(workspace, "incidents", VectorStyle(symbol=Symbol(
        shape="square", size=MARK, fill="#ff0000", stroke="#ff0000", stroke_width=0)))
    return own, other, view, layer


def test_a_commune_officer_sees_only_the_incidents_of_the_commune(scene):
    own, other, view, layer = scene
    assert len(own) == 57 and len(other) > 1000  # the demo city has incidents everywhere
    renderer = Renderer(background="")
    try:
        renderer.set_user(PHU_HOI)
        assert renderer.layer_data(layer, view).geoms.count == len(own)
        ink = painted(renderer.render([layer], view).image)
        own_px, other_px = view.to_pixels(own), view.to_pixels(other)
        assert not (ink & ~near(own_px, MARK + 1)).any()  # nothing painted away from Phú Hội's incidents
        for x, y in np.round(own_px).astype(int):  # and each of them is there
            assert ink[max(0, y - 2):y + 3, max(0, x - 2):x + 3].any()
        lonely = ~near(own_px, 3 * MARK)[np.clip(np.round(other_px[:, 1]).astype(int), 0, SIZE - 1),
                                          np.clip(np.round(other_px[:, 0]).astype(int), 0, SIZE - 1)]
        assert lonely.sum() > 1000  # foreign incidents well away from any Phú Hội one
        foreign_ink = near(other_px[lonely], 1)
        assert not (ink & foreign_ink).any()

        # The same renderer, the same view: the caches must not hand a viewer's image to the officer or back.
        renderer.set_user(VIEWER)
        seen = painted(renderer.render([layer], view).image)
        assert renderer.layer_data(layer, view).geoms.count == len(own) + len(other)
        for x, y in np.round(other_px[lonely][:200]).astype(int):
            assert seen[max(0, y - 2):y + 3, max(0, x - 2):x + 3].any()
        renderer.set_user(PHU_HOI)
        again = painted(renderer.render([layer], view).image)
        assert (again == ink).all()
    finally:
        renderer.close()


def test_the_background_render_keeps_the_user_it_started_with(scene):
    own, other, view, layer = scene
    renderer = Renderer(background="")
    try:
        renderer.set_user(PHU_HOI)
        future, _ = renderer.submit([layer], view)
        renderer.set_user(VIEWER)  # someone else signs in while the worker draws
        ink = painted(future.result(timeout=60).image)
        assert not (ink & ~near(view.to_pixels(own), MARK + 1)).any()
    finally:
        renderer.close()


def test_zoom_to_layer_covers_only_the_readable_incidents(scene):
    own, other, view, layer = scene
    renderer = Renderer()
    try:
        renderer.set_user(PHU_HOI)
        ext = renderer.full_extent([layer], view.crs)
        assert ext == pytest.approx((own[:, 0].min(), own[:, 1].min(), own[:, 0].max(), own[:, 1].max()))
    finally:
        renderer.close()
