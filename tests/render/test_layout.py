"""Map export: the printed page a planning officer gets, as PNG and PDF, from the real demo city."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest
from pyproj import Transformer

from gisdesk.render.layout import (export_map, font_families, ground_metres_per_pixel, nice_length,
                                   scale_bar)
from gisdesk.render.renderer import Renderer
from gisdesk.render.view import MapView
from gisdesk.store.datasource import DataSource
from gisdesk.store.errors import StoreError
from gisdesk.store.workspace import map_layers

A4_MM = (297.0, 210.0)


@pytest.fixture(scope="module")
def city(tmp_path_factory, qapp):
    from sample_layers.generate import build_workspace

    path = tmp_path_factory.mktemp("city") / "hue.sqlite"
    build_workspace(path, incidents=2000)
    layers = map_layers(path)
    with DataSource(path) as ds:
        kinds = {lyr.id: ds.layer(lyr.name).kind for lyr in layers if hasattr(lyr, "name")}
    kinds.update({lyr.id: "raster" for lyr in layers if lyr.id not in kinds})
    renderer = Renderer()
    view = MapView.fit(renderer.full_extent(layers, "EPSG:32648"), 1200, 800, "EPSG:32648")
    yield layers, kinds, renderer, view
    renderer.close()


def pixels(path) -> np.ndarray:
    from PySide6.QtGui import QImage

    img = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    arr = np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes()).reshape(img.height(), img.bytesPerLine())
    return arr[:, : img.width() * 3].reshape(img.height(), img.width(), 3).copy()


def region(arr, dpi, x0, y0, x1, y1):
    """The part of a page image between two corners given in millimetres."""
    k = dpi / 25.4
    return arr[round(y0 * k):round(y1 * k), round(x0 * k):round(x1 * k)]


def test_png_page_has_title_map_and_legend(city, tmp_path):
    layers, kinds, renderer, view = city
    out = export_map(tmp_path / "flood.png", renderer, layers, view, "Flood risk, Hue", kinds, dpi=150)
    assert out == tmp_path / "flood.png" and out.exists()
    arr = pixels(out)
    assert arr.shape[:2] == (round(210 / 25.4 * 150), round(297 / 25.4 * 150))  # A4 landscape at 150 dpi
    dark = arr.max(axis=2) < 80
    title = region(dark, 150, 10, 10, 150, 23)
    assert title.mean() > 0.03, "the title band has dark lettering"
    mapped = region(arr, 150, 50, 50, 160, 150)  # the middle of the map frame, where the city is
    assert (mapped.min(axis=2) < 235).mean() > 0.6, "the map frame is mostly drawn, not blank paper"
    legend = region(arr, 150, 200, 30, 287, 190)
    colourful = (legend.max(axis=2).astype(int) - legend.min(axis=2)) > 60
    assert colourful.sum() > 2000, "the legend shows coloured swatches"
    assert region(dark, 150, 10, 196, 120, 200).mean() == 0  # the footer is grey, not black …
    assert (region(arr, 150, 10, 194, 120, 200).max(axis=2) < 160).mean() > 0.01  # … but has text


def test_pdf_is_one_a4_landscape_page(city, tmp_path):
    layers, kinds, renderer, view = city
    out = export_map(tmp_path / "flood.pdf", renderer, layers, view, "Flood risk", kinds, date="2025-10-28", dpi=100)
    assert out.read_bytes()[:4] == b"%PDF"
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Pages"].strip() == "1"
    w, h = (float(v) for v in fields["Page size"].split("pts")[0].split("x"))
    assert w == pytest.approx(A4_MM[0] / 25.4 * 72, abs=1) and h == pytest.approx(A4_MM[1] / 25.4 * 72, abs=1)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert "Flood risk" in text and "2025-10-28" in text and "EPSG:32648" in text  # text stays text


def test_nice_scale_bar_length():
    metres, px = scale_bar(4000 / 1000, 200)  # 4000 m across 1000 px, aim at a fifth of it
    assert metres == 1000 and px == pytest.approx(250)
    assert [nice_length(v) for v in (0.9, 140, 180, 380, 700, 2600)] == [1, 100, 200, 500, 500, 2000]


def test_scale_bar_is_geodesic_in_degrees_and_utm():
    # the same 6 km stretch across Hue, in UTM 48N and in longitude/latitude
    utm = MapView(756000.0, 1813000.0, 762000.0, 1817000.0, 600, 400, "EPSG:32648")
    to_ll = Transformer.from_crs("EPSG:32648", "EPSG:4326", always_xy=True)
    cy = (utm.miny + utm.maxy) / 2
    (lon0, lon1), (lat, _) = to_ll.transform([utm.minx, utm.maxx], [cy, cy])
    ll = MapView(lon0, lat - 0.02, lon1, lat + 0.02, 600, 400, "EPSG:4326")
    m_utm, m_ll = ground_metres_per_pixel(utm), ground_metres_per_pixel(ll)
    assert m_utm == pytest.approx(10.0, rel=0.01)  # 6 km over 600 px
    assert m_ll == pytest.approx(m_utm, rel=0.01)
    assert scale_bar(m_ll, 120)[0] == scale_bar(m_utm, 120)[0] == 1000


def test_unwritable_path_is_a_clear_error_and_leaves_nothing(city, tmp_path):
    layers, kinds, renderer, view = city
    target = tmp_path / "no such folder" / "map.pdf"
    with pytest.raises(StoreError, match="does not exist"):
        export_map(target, renderer, layers, view, "Flood", kinds)
    assert not target.parent.exists() and list(tmp_path.iterdir()) == []
    with pytest.raises(StoreError, match="format"):
        export_map(tmp_path / "map.docx", renderer, layers, view, "Flood", kinds)
    assert list(tmp_path.iterdir()) == []


def test_vietnamese_and_chinese_title(city, tmp_path):
    from PySide6.QtGui import QFont, QFontDatabase, QRawFont

    layers, kinds, renderer, view = city
    title = "Bản đồ ngập lụt Huế 顺化洪水图"
    for suffix in ("png", "pdf"):
        out = export_map(tmp_path / f"hue.{suffix}", renderer, layers, view, title, kinds, dpi=96)
        assert out.stat().st_size > 10_000
    families = font_families()
    has_han = any(QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(f) for f in families)
    if not has_han:
        pytest.skip("no font with Chinese glyphs is installed (Debian: fonts-noto-cjk or fonts-wqy-microhei)")
    raw = [QRawFont.fromFont(QFont(f)) for f in families]
    assert all(any(r.supportsCharacter(ord(ch)) for r in raw) for ch in title if not ch.isspace())


def test_only_visible_layers_are_drawn(city, tmp_path):
    layers, kinds, renderer, view = city
    hidden = [type(lyr)(**{**lyr.__dict__, "visible": False}) for lyr in layers]
    for a, b in zip(hidden, layers):
        kinds.setdefault(a.id, kinds[b.id])
    out = export_map(tmp_path / "empty.png", renderer, hidden, view, "Nothing shown", kinds, dpi=72)
    mapped = region(pixels(out), 72, 50, 50, 160, 150)
    assert (mapped.min(axis=2) < 235).mean() < 0.01
