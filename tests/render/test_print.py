"""Print layouts: page sizes and orientation, a fixed scale, georeferenced PDFs (read back by GDAL),
the atlas (one page per commune) and ``gisdesk print``.

Expected values come from the rules: A3 landscape is 420 x 297 mm = 1190.55 x 841.89 pt; at
1:10,000 one centimetre of paper is 100 m; the demo city has 40 communes, so its atlas has 40
pages; a georeferenced page's neatline is the map extent printed in its frame.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from gisdesk.core.layers import VectorLayer
from gisdesk.render.print_job import PrintOptions, atlas_pages, print_pdf
from gisdesk.render.renderer import Renderer
from gisdesk.render.view import MapView
from gisdesk.store.errors import StoreError
from gisdesk.store.layer_state import load_layer_state
from gisdesk.store.workspace import map_layers, workspace_crs

needs_gdal = pytest.mark.skipif(shutil.which("gdalinfo") is None, reason="gdalinfo (gdal-bin) is not installed")
needs_poppler = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is not installed")


@pytest.fixture
def printing(workspace, qapp):
    layers, _ = load_layer_state(workspace, map_layers(workspace))
    layers = [lyr for lyr in layers if lyr.visible]
    crs = workspace_crs(workspace)
    renderer = Renderer()
    kinds = {lyr.id: ("raster" if not isinstance(lyr, VectorLayer) else renderer.source(lyr.source).layer(lyr.name).kind)
             for lyr in layers}
    view = MapView.fit(renderer.full_extent(layers, crs), 1600, 1000, crs)
    yield renderer, layers, view, kinds
    renderer.close()


def _pdfinfo(path, page: int | None = None) -> str:
    args = ["pdfinfo"] + (["-f", str(page), "-l", str(page)] if page else []) + [str(path)]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _page_pt(info: str) -> tuple[float, float]:
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    return float(w), float(h)


def _gdal(path, page: int = 1) -> dict:
    target = str(path) if page == 1 else f"PDF:{page}:{path}"
    return json.loads(subprocess.run(["gdalinfo", "-json", target], capture_output=True, text=True, check=True).stdout)


def _neatline_bounds(info: dict) -> tuple[float, float, float, float]:
    wkt = info["metadata"][""]["NEATLINE"]
    nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", wkt)]
    xs, ys = nums[0::2], nums[1::2]
    return min(xs), min(ys), max(xs), max(ys)


@needs_gdal
@needs_poppler
def test_an_a3_print_is_georeferenced_where_its_map_is(printing, tmp_path):
    renderer, layers, view, kinds = printing
    report = print_pdf(tmp_path / "map.pdf", renderer, layers, view, kinds,
                       PrintOptions(size="A3", orientation="landscape", title="Huế", subtitle="Tuần 48",
                                    source="gisdesk demo", date="2026-11-20"))
    info = _pdfinfo(report.path)
    assert "Pages:           1" in info and _page_pt(info) == pytest.approx((1190.55, 841.89), abs=0.6)
    geo = _gdal(report.path)
    assert geo["driverShortName"] == "PDF"
    assert 'ID["EPSG",32648]' in geo["coordinateSystem"]["wkt"]
    # the neatline (where GDAL/QGIS say the map is) is exactly the extent printed in the frame
    x0, y0, x1, y1 = report.frames[0].bbox
    nx0, ny0, nx1, ny1 = _neatline_bounds(geo)
    assert (nx0, ny0, nx1, ny1) == pytest.approx((x0, y0, x1, y1), abs=0.5)  # half a metre
    # and that extent is the view's (fitted to the frame: it contains the whole view)
    assert x0 <= view.bbox[0] + 1 and x1 >= view.bbox[2] - 1 and y0 <= view.bbox[1] + 1 and y1 >= view.bbox[3] - 1
    text = subprocess.run(["pdftotext", str(report.path), "-"], capture_output=True, text=True).stdout
    assert "Huế" in text and "Tuần 48" in text and "gisdesk demo" in text and "2026-11-20" in text


@needs_poppler
def test_a_fixed_scale_puts_100_m_in_a_centimetre_at_1_to_10000(printing, tmp_path):
    renderer, layers, view, kinds = printing
    report = print_pdf(tmp_path / "s.pdf", renderer, layers, view, kinds,
                       PrintOptions(size="A4", orientation="portrait", scale=10_000))
    f = report.frames[0]
    frame_cm = (f.x1 - f.x0) / 72 * 2.54
    map_m = f.bbox[2] - f.bbox[0]
    assert map_m == pytest.approx(frame_cm * 100, rel=1e-3)
    centre = ((f.bbox[0] + f.bbox[2]) / 2, (f.bbox[1] + f.bbox[3]) / 2)
    assert centre == pytest.approx(((view.bbox[0] + view.bbox[2]) / 2, (view.bbox[1] + view.bbox[3]) / 2), abs=1)
    assert _page_pt(_pdfinfo(report.path)) == pytest.approx((595.28, 841.89), abs=0.6)  # A4 portrait


@needs_gdal
@needs_poppler
def test_the_atlas_has_one_georeferenced_page_per_commune(printing, workspace, tmp_path):
    renderer, layers, view, kinds = printing
    pages = atlas_pages(workspace, "communes", view.crs)
    assert len(pages) == 40  # the demo city's communes
    assert [p.name for p in pages] == sorted(p.name for p in pages)
    report = print_pdf(tmp_path / "atlas.pdf", renderer, layers, view, kinds, PrintOptions(title="Huế", dpi=96),
                       atlas=pages)
    assert report.pages == 40 and "Pages:           40" in _pdfinfo(report.path)
    text = subprocess.run(["pdftotext", str(report.path), "-"], capture_output=True, text=True).stdout
    assert all(f"Huế — {p.name}" in text for p in pages)
    for number in (1, 17, 40):  # each page: its own commune's extent (plus the margin), fitted to the frame
        bx0, by0, bx1, by1 = pages[number - 1].bbox
        nx0, ny0, nx1, ny1 = _neatline_bounds(_gdal(report.path, number))
        assert nx0 <= bx0 + 0.5 and ny0 <= by0 + 0.5 and nx1 >= bx1 - 0.5 and ny1 >= by1 - 0.5
        assert min(nx1 - nx0 - (bx1 - bx0), ny1 - ny0 - (by1 - by0)) < 1.0  # fitted: one side touches


def test_atlas_refuses_case_layers_and_options_are_checked(workspace, printing, tmp_path):
    renderer, layers, view, kinds = printing
    with pytest.raises(StoreError, match="reference layer"):
        atlas_pages(workspace, "incidents", view.crs)
    for bad, words in ((PrintOptions(size="B5"), "page size"), (PrintOptions(orientation="up"), "orientation"),
                       (PrintOptions(dpi=10), "dpi"), (PrintOptions(scale=5), "Scale")):
        with pytest.raises(StoreError, match=words):
            print_pdf(tmp_path / "x.pdf", renderer, layers, view, kinds, bad)
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*"))  # nothing left behind


def test_print_command_writes_the_pdf_and_refuses_bad_input_in_one_line(workspace, tmp_path):
    out = tmp_path / "week.pdf"
    ok = subprocess.run([sys.executable, "-m", "gisdesk.cli", "print", str(workspace), "-o", str(out), "--size", "A4",
                         "--layers", "communes,roads", "--title", "Roads"], capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    assert out.read_bytes().startswith(b"%PDF") and "1 page, A4 landscape, georeferenced" in ok.stdout
    before = workspace.read_bytes()
    for args, words in ((["--layers", "nowhere"], "No layer 'nowhere'"), (["--size", "B5"], "invalid choice"),
                        (["--atlas", "incidents"], "reference layer")):
        bad = subprocess.run([sys.executable, "-m", "gisdesk.cli", "print", str(workspace), "-o",
                              str(tmp_path / "bad.pdf"), *args], capture_output=True, text=True, timeout=300)
        assert bad.returncode == 2 and words in bad.stderr and "Traceback" not in bad.stderr
    over = subprocess.run([sys.executable, "-m", "gisdesk.cli", "print", str(workspace), "-o", str(workspace)],
                          capture_output=True, text=True, timeout=300)
    assert over.returncode == 2 and workspace.read_bytes() == before


def test_the_legend_lists_only_the_classes_present_in_the_printed_extent(printing, workspace):
    """Zoomed on one commune, the incidents legend lists the categories of the open incidents drawn there
    (the demo map shows open incidents by category), as an independent SQL query over that box finds
    them (QGIS: "only symbols present in the extent")."""
    from gisdesk.core.incidents import OPEN_STATUSES
    from gisdesk.render.layout import legend_blocks
    from gisdesk.store.datasource import DataSource

    renderer, layers, view, kinds = printing
    incidents = next(lyr for lyr in layers if getattr(lyr, "name", "") == "incidents")
    assert incidents.style.mode == "rules"
    with DataSource(workspace) as ds:
        conn = ds.connection(text=True)
        x0, y0, x1, y1 = conn.execute("SELECT MbrMinX(geom), MbrMinY(geom), MbrMaxX(geom), MbrMaxY(geom) "
                                      "FROM communes ORDER BY fid LIMIT 1").fetchone()
        box = MapView.fit((x0, y0, x1, y1), 800, 600, view.crs)
        b = box.bbox
        marks = ", ".join("?" for _ in OPEN_STATUSES)
        present = {r[0] for r in conn.execute(
            f"SELECT DISTINCT category FROM incidents WHERE X(geom) BETWEEN ? AND ? AND Y(geom) BETWEEN ? AND ? "
            f"AND status IN ({marks})", (b[0], b[2], b[1], b[3], *sorted(OPEN_STATUSES)))}
    blocks = dict(legend_blocks(renderer, [incidents], box, kinds, 96))
    labels = {label for label, _ in blocks.get(incidents.title, [])}
    known = {r.label for r in incidents.style.rules}
    assert labels & known == present & known  # exactly the categories drawn in that box
    everything = {label for label, _ in dict(legend_blocks(renderer, [incidents], view, kinds, 96))[incidents.title]}
    assert len(everything & known) > len(labels & known)  # the whole city has more
