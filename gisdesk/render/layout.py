"""Printable map pages: title, map, legend, scale bar, north arrow, date and CRS, as PNG or PDF.

The page is laid out in millimetres on A4 (or A3) landscape and drawn with one
QPainter on either a QImage (``.png``) or a QPdfWriter (``.pdf``, vector text, the
map as an image at the chosen dpi). The map is rendered again at print
resolution with the window's :class:`~gisdesk.render.renderer.Renderer`, with
symbol sizes scaled from screen pixels (96 dpi) so markers and lines keep the
size they have on screen.

Examples
--------
>>> export_map("flood.pdf", renderer, layers, canvas.view(), "Flood risk", kinds)  # doctest: +SKIP
PosixPath('flood.pdf')
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import logging
import math
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPageLayout, QPageSize,
                           QPainter, QPainterPath, QPdfWriter, QPen, QPolygonF)

from gisdesk.core.layers import RasterLayer, VectorLayer
from gisdesk.core.style import Symbol
from gisdesk.render.colour_raster import has_own_colours
from gisdesk.render.legend import legend_entries, visible_classes
from gisdesk.render.labels import collect as collect_labels
from gisdesk.render.labels import draw as draw_labels
from gisdesk.render.renderer import Renderer, snapshot
from gisdesk.render.vector import visible_paths
from gisdesk.render.view import MapView, transformer
from gisdesk.store.errors import StoreError

log = logging.getLogger(__name__)

#: Landscape page sizes in millimetres.
PAGES = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}
#: The pixel density symbol sizes are designed for.
SCREEN_DPI = 96.0
#: The map is rendered in tiles of at most this many pixels a side (bounded memory at 600 dpi) …
TILE = 1024
#: … each rendered with this margin so markers and wide lines cross tile seams whole.
TILE_MARGIN = 48

_MARGIN, _TITLE_H, _FOOTER_H, _GAP = 10.0, 14.0, 7.0, 4.0   # mm
_LEGEND_COL = 42.0                                           # mm, widest legend column
_LEGEND_MAX_COLS = 3
_INK, _MUTED, _RULE = QColor(25, 25, 25), QColor(90, 90, 90), QColor(150, 150, 150)


# -- scale ----------------------------------------------------------------------------

def nice_length(metres: float) -> float:
    """The 1, 2 or 5 x 10^n metres closest to ``metres`` on a log scale.

    >>> nice_length(800), nice_length(1400), nice_length(3300)
    (1000.0, 1000.0, 5000.0)
    """
    if not metres > 0:
        raise ValueError("length must be positive")
    exp = math.floor(math.log10(metres))
    candidates = [m * 10.0 ** e for e in (exp - 1, exp, exp + 1) for m in (1, 2, 5)]
    return min(candidates, key=lambda c: abs(math.log(c / metres)))


def scale_bar(metres_per_pixel: float, target_px: float) -> tuple[float, float]:
    """A round bar length near ``target_px`` pixels: (metres, pixels).

    >>> scale_bar(4.0, 200)   # 4000 m across 1000 px, a bar of about a fifth of that
    (1000.0, 250.0)
    """
    metres = nice_length(metres_per_pixel * target_px)
    return metres, metres / metres_per_pixel


def format_length(metres: float) -> str:
    """``500 m``, ``1 km``, ``2.5 km``."""
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


def ground_metres_per_pixel(view: MapView) -> float:
    """Geodesic metres per pixel along the horizontal line through the middle of ``view``.

    Measured on the CRS's own ellipsoid with :class:`pyproj.Geod`, so it holds for
    geographic (EPSG:4326) and projected (UTM) maps alike. A CRS pyproj does not
    know is taken to be in metres.
    """
    import numpy as np
    from pyproj import CRS

    try:
        crs = CRS.from_user_input(view.crs)
        geodetic = crs.geodetic_crs
        if geodetic is None:
            raise ValueError("no ellipsoid")
        xs = np.linspace(view.minx, view.maxx, 65)
        ys = np.full_like(xs, (view.miny + view.maxy) / 2)
        t = transformer(view.crs, geodetic.to_string())
        lon, lat = (xs, ys) if t is None else t.transform(xs, ys)
        length = crs.get_geod().line_length(lon, lat)
        if not math.isfinite(length) or length <= 0:
            raise ValueError("no length")
        return length / view.width
    except Exception:  # unknown or local CRS: assume its units are metres
        return view.resolution


def scale_denominator(view: MapView, dpi: float) -> float:
    """The ``n`` of the printed scale 1:n (ground metres per metre of paper)."""
    return ground_metres_per_pixel(view) / (0.0254 / dpi)


# -- fonts ----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def font_families() -> tuple[str, ...]:
    """Font families for printed text: a Latin/Vietnamese face, then faces with Chinese.

    Qt takes glyphs missing from the first family (the Han characters of a
    Vietnamese-Chinese title) from the later ones.
    """
    available = QFontDatabase.families()
    lower = {f.lower(): f for f in available}
    latin = next((lower[f.lower()] for f in ("DejaVu Sans", "Noto Sans", "Segoe UI", "Arial", "Helvetica Neue",
                                             "Helvetica", "Liberation Sans") if f.lower() in lower),
                 QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family())
    chinese = [lower[f.lower()] for f in ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                                          "Microsoft YaHei", "PingFang SC", "SimHei", "Noto Sans SC")
               if f.lower() in lower]
    if not chinese:
        chinese = [f for f in available
                   if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(f)][:1]
    return tuple(dict.fromkeys([latin, *chinese]))


def _font(points: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(list(font_families()))
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


# -- layers at print size -------------------------------------------------------------

def print_layer(layer: VectorLayer | RasterLayer, factor: float, min_size: float = 0.0) -> VectorLayer | RasterLayer:
    """A copy of ``layer`` whose marker sizes and line widths are multiplied by ``factor``.

    Markers come out at least ``min_size`` pixels wide. A raster layer is returned as it is.
    """
    if isinstance(layer, RasterLayer):
        return layer

    def scaled(sym: Symbol | None) -> Symbol | None:
        if sym is None:
            return None
        return dataclasses.replace(sym, size=max(sym.size * factor, min_size), stroke_width=sym.stroke_width * factor)

    st = layer.style
    style = dataclasses.replace(
        st, symbol=scaled(st.symbol), other=scaled(st.other),
        categories=[dataclasses.replace(c, symbol=scaled(c.symbol)) for c in st.categories],
        classes=[dataclasses.replace(c, symbol=scaled(c.symbol)) for c in st.classes])
    out = copy.copy(layer)
    out.style = style
    return out


def render_map(renderer: Renderer, layers: list, view: MapView, label_factor: float | None = 1.0,
               ) -> tuple[QImage, list[str]]:
    """The map for ``view`` in tiles of at most :data:`TILE` pixels; (image, layer errors).

    The labels are placed and drawn once over the whole map (one collision grid), at
    ``label_factor`` times their screen size; None leaves them out.
    """
    out = QImage(view.width, view.height, QImage.Format.Format_RGB32)
    out.fill(QColor("white"))
    errors: list[str] = []
    res, m = view.resolution, TILE_MARGIN
    p = QPainter(out)
    for y0 in range(0, view.height, TILE):
        for x0 in range(0, view.width, TILE):
            w, h = min(TILE, view.width - x0), min(TILE, view.height - y0)
            tile = MapView(view.minx + (x0 - m) * res, view.maxy - (y0 + h + m) * res,
                           view.minx + (x0 + w + m) * res, view.maxy - (y0 - m) * res, w + 2 * m, h + 2 * m, view.crs)
            result = renderer.render([lyr for lyr in layers if _meets(renderer, lyr, tile)], tile,
                                     use_image_cache=False, labels=False)
            errors += [e for e in result.errors if e not in errors]
            p.drawImage(QPointF(x0, y0), result.image, QRectF(m, m, w, h))
    if label_factor is not None:
        label_errors: list[str] = []
        placed = collect_labels(renderer, snapshot(layers), view, renderer.user, label_factor, label_errors)
        draw_labels(p, placed, label_factor)
        for err in label_errors:  # not layer errors: the layer itself is drawn
            log.warning("export: %s", err)
    p.end()
    return out, errors


def _meets(renderer: Renderer, layer, view: MapView) -> bool:
    """Whether a visible polygon layer has a feature in ``view`` (other layers: True).

    The renderer's QPainter path for polygons fails on a view holding none of a
    layer's polygons (and leaves a painter open), so tiles skip such layers.
    """
    if not layer.visible or not isinstance(layer, VectorLayer):
        return layer.visible
    try:
        geoms = renderer.layer_data(layer, view).geoms
    except Exception:
        return True  # let the renderer report the error
    return geoms.kind != "polygon" or visible_paths(geoms, view).path_count > 0


def _has_features(renderer: Renderer, layer, view: MapView) -> bool:
    """Whether a vector layer has any feature to draw (rasters: True)."""
    if not isinstance(layer, VectorLayer):
        return True
    try:
        return renderer.layer_data(layer, view).geoms.count > 0
    except Exception:
        return True  # listed; the renderer reports the error


# -- the page -------------------------------------------------------------------------

class _Page:
    """Draws the parts of a page; lengths are given in millimetres."""

    def __init__(self, painter: QPainter, dpi: float, size_mm: tuple[float, float]) -> None:
        self.p, self.dpi, self.w, self.h = painter, dpi, *size_mm

    def mm(self, v: float) -> float:
        return v * self.dpi / 25.4

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(self.mm(x), self.mm(y), self.mm(w), self.mm(h))

    def text(self, r: QRectF, flags, text: str, points: float, bold=False, colour=_INK) -> QRectF:
        self.p.setFont(_font(points, bold))
        self.p.setPen(colour)
        return self.p.drawText(r, int(flags), text)

    def title(self, text: str) -> None:
        r = self.rect(_MARGIN, _MARGIN, self.w - 2 * _MARGIN, _TITLE_H - 2)
        self.text(r, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text, 18, bold=True)
        self.p.setPen(QPen(_INK, self.mm(0.4)))
        y = self.mm(_MARGIN + _TITLE_H)
        self.p.drawLine(QPointF(self.mm(_MARGIN), y), QPointF(self.mm(self.w - _MARGIN), y))

    def frame(self, r: QRectF) -> None:
        self.p.setPen(QPen(_INK, self.mm(0.3)))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawRect(r)

    def footer(self, left: str, right: str) -> None:
        r = self.rect(_MARGIN, self.h - _MARGIN - _FOOTER_H + 2, self.w - 2 * _MARGIN, _FOOTER_H - 2)
        self.text(r, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, left, 7.5, colour=_MUTED)
        self.text(r, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, right, 7.5, colour=_MUTED)

    def north_arrow(self, map_rect: QRectF) -> None:
        """An arrow to the top of the map: grid north (true north only for geographic maps)."""
        s = self.mm(1.0)
        box = QRectF(map_rect.right() - 15 * s, map_rect.top() + 3 * s, 12 * s, 17 * s)
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(QColor(255, 255, 255, 225))
        self.p.drawRoundedRect(box, s, s)
        cx, top, base = box.center().x(), box.top() + 6.5 * s, box.bottom() - 1.5 * s
        self.text(QRectF(box.left(), box.top() + 0.5 * s, box.width(), 6 * s), Qt.AlignmentFlag.AlignCenter,
                  "N", 10, bold=True)
        notch = base - 2.5 * s
        self.p.setPen(QPen(_INK, self.mm(0.25)))
        self.p.setBrush(_INK)
        self.p.drawPolygon(QPolygonF([QPointF(cx, top), QPointF(cx - 3.5 * s, base), QPointF(cx, notch)]))
        self.p.setBrush(QColor("white"))
        self.p.drawPolygon(QPolygonF([QPointF(cx, top), QPointF(cx + 3.5 * s, base), QPointF(cx, notch)]))

    def scale_bar(self, map_rect: QRectF, metres: float, length_px: float) -> None:
        s = self.mm(1.0)
        box = QRectF(map_rect.left() + 3 * s, map_rect.bottom() - 14 * s, length_px + 16 * s, 11 * s)
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(QColor(255, 255, 255, 225))
        self.p.drawRoundedRect(box, s, s)
        x0, y0, bar_h = box.left() + 5 * s, box.bottom() - 4.5 * s, 1.6 * s
        seg = length_px / 4
        self.p.setPen(QPen(_INK, self.mm(0.2)))
        for i in range(4):
            self.p.setBrush(_INK if i % 2 == 0 else QColor("white"))
            self.p.drawRect(QRectF(x0 + i * seg, y0, seg, bar_h))
        unit = 1000 if metres >= 1000 else 1
        for frac in (0.0, 0.5, 1.0):
            label = format_length(metres) if frac == 1.0 else f"{metres * frac / unit:g}"
            x = x0 + frac * length_px
            self.text(QRectF(x - 12 * s, y0 - 5 * s, 24 * s, 4.5 * s),
                      Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, label, 7)

    def legend(self, x_right: float, top: float, bottom: float, blocks: list, heading: str) -> QRectF:
        """Draw the legend right-aligned at ``x_right`` (px) between ``top`` and ``bottom``; its box.

        Rows flow into as many columns as the height needs (at most
        :data:`_LEGEND_MAX_COLS`; a note counts rows that did not fit). A layer
        title is never left alone at the foot of a column.
        """
        s = self.mm(1.0)
        pad = 2.5 * s
        rows = _legend_rows(blocks)
        col_w = min(max((self._row_width(r) for r in rows), default=20 * s), _LEGEND_COL * s)
        col_w = max(col_w, 25 * s)
        heights = [self._row_height(r, col_w) for r in rows]
        head_h = QFontMetricsF(_font(10, True), self.p.device()).height() + 1.5 * s
        y0, limit = top + pad + head_h, bottom - pad
        place, col, y = [], 0, y0
        for i, h in enumerate(heights):
            need = h + (heights[i + 1] if rows[i][3] and i + 1 < len(rows) and not rows[i + 1][3] else 0)
            if y + need > limit and y > y0:
                col, y = col + 1, y0
            place.append((col, y))
            y += h
        cols = min(place[-1][0] + 1 if place else 1, _LEGEND_MAX_COLS)
        width = cols * (col_w + 2 * s) + 2 * pad
        box = QRectF(x_right - width, top, width, bottom - top)
        self.frame(box)
        self.text(QRectF(box.left() + pad, top + pad, width - 2 * pad, head_h),
                  Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, heading, 10, bold=True)
        for i, (row, (c, y), h) in enumerate(zip(rows, place, heights)):
            if c >= cols:
                self.text(QRectF(box.left() + pad, limit - 4 * s, width - 2 * pad, 4 * s),
                          Qt.AlignmentFlag.AlignRight, f"… +{len(rows) - i}", 7, colour=_MUTED)
                break
            indent = row[0] * s
            self._row(QRectF(box.left() + pad + c * (col_w + 2 * s) + indent, y, col_w - indent, h), *row[1:])
        return box

    def _fonts(self, bold: bool) -> tuple[QFont, QFontMetricsF]:
        f = _font(7.5 if bold else 7, bold)
        return f, QFontMetricsF(f, self.p.device())

    def _swatch_w(self, swatch: QImage | None) -> float:
        return 0.0 if swatch is None else max(swatch.width(), self.mm(5)) + self.mm(2)

    def _row_width(self, row) -> float:
        indent, label, swatch, bold = row
        return self.mm(indent) + self._swatch_w(swatch) + self._fonts(bold)[1].horizontalAdvance(label) + self.mm(1)

    def _row_height(self, row, col_w: float) -> float:
        indent, label, swatch, bold = row
        text_w = max(col_w - self.mm(indent) - self._swatch_w(swatch), self.mm(5))
        lines = self._fonts(bold)[1].boundingRect(QRectF(0, 0, text_w, 1e6), int(Qt.TextFlag.TextWordWrap),
                                                  label or " ")
        sw = swatch.height() if swatch is not None else 0
        return max(lines.height(), sw) + self.mm(1.6 if bold else 1.0)

    def _row(self, r: QRectF, label: str, swatch: QImage | None, bold: bool) -> None:
        x = r.left()
        if swatch is not None:
            self.p.drawImage(QPointF(x, r.top()), swatch)
            x += self._swatch_w(swatch)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        self.p.setFont(self._fonts(bold)[0])
        self.p.setPen(_INK)
        self.p.drawText(QRectF(x, r.top(), r.right() - x, r.height()), int(flags), label)


def _legend_rows(blocks: list) -> list[tuple[int, str, QImage | None, bool]]:
    """(indent mm, label, swatch, is-layer-title) rows: a layer title, then its classes."""
    rows: list[tuple[int, str, QImage | None, bool]] = []
    for title, entries in blocks:
        if len(entries) == 1 and not entries[0][0]:
            rows.append((0, title, entries[0][1], True))
            continue
        rows.append((0, title, None, True))
        rows += [(3, label, img, False) for label, img in entries]
    return rows


def _legend_layer(layer, kind: str, swatch_px: int, factor: float):
    """``layer`` at print size, with markers at least 45 % of the swatch so tiny dots read."""
    if kind != "point" or isinstance(layer, RasterLayer):
        return print_layer(layer, factor)
    return print_layer(layer, factor, min_size=swatch_px * 0.45)


def export_map(path: str | os.PathLike[str], renderer: Renderer, layers: list, view: MapView, title: str,
               kinds: dict[str, str], date: dt.date | str | None = None, dpi: int = 150, page: str = "A4") -> Path:
    """Write the map of ``view`` as a printable landscape page to ``path`` (``.png`` or ``.pdf``).

    Parameters
    ----------
    path : path-like
        Output file; its suffix picks the format.
    renderer : Renderer
        Renders the map again at print resolution (its data cache is reused).
    layers : list
        The map's layers, bottom first; only visible ones are drawn and listed in the legend.
    view : MapView
        The current canvas view; its extent is widened to the map frame's shape.
    title : str
        Printed at the top; any script the installed fonts cover (Vietnamese, Chinese, …).
    kinds : dict
        Layer id -> ``point``/``line``/``polygon``/``raster``, for the legend swatches.
    date : date or str, optional
        Printed in the footer; today by default, ISO 8601.
    dpi : int
        Print resolution, 72-600.
    page : str
        ``A4`` or ``A3``.

    Returns
    -------
    Path
        The file written. The north arrow points to grid north (up the page),
        which is true north only on a geographic map; the scale bar is geodesic.

    Raises
    ------
    StoreError
        Unknown format, page or dpi, a folder that does not exist or is not
        writable, or every layer failing to draw. Nothing is left behind.
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "pdf"):
        raise StoreError(f"Cannot export to '{path.name}': unknown format.", "Name the file .png or .pdf.")
    if page not in PAGES:
        raise StoreError(f"Unknown page size '{page}'.", f"Use one of {', '.join(PAGES)}.")
    if not 72 <= dpi <= 600:
        raise StoreError(f"Resolution {dpi} dpi is out of range.", "Use 72 to 600 dpi.")
    date_text = (date or dt.date.today()).isoformat() if not isinstance(date, str) else date
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=folder)
        os.close(fd)
    except FileNotFoundError:
        raise StoreError(f"Cannot write '{path}': the folder '{folder}' does not exist.",
                         "Choose an existing folder.") from None
    except OSError as exc:
        raise StoreError(f"Cannot write '{path}': {exc.strerror or exc}.",
                         "Choose a folder you can write to.") from None
    tmp = Path(tmp_name)
    try:
        _write(tmp, fmt, renderer, layers, view, title, kinds, date_text, dpi, PAGES[page])
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes the file private; give it the usual mode
        os.replace(tmp, path)
    except OSError as exc:
        raise StoreError(f"Cannot write '{path}': {exc.strerror or exc}.", "Choose a folder you can write to.") from None
    finally:
        tmp.unlink(missing_ok=True)
    return path


def legend_blocks(renderer: Renderer, layers: list, view: MapView, kinds: dict[str, str], dpi: float) -> list:
    """Legend blocks of the visible layers that have features in ``view``, top of the map first; a
    classified layer lists only the classes of the features in ``view`` (QGIS's "only show
    symbols present in the map extent")."""
    factor = dpi / SCREEN_DPI
    swatch_px = max(8, round(4.2 * dpi / 25.4))
    blocks = []
    for lyr in reversed([lyr for lyr in layers if lyr.visible]):  # top of the map first, as in the layer tree
        if not _has_features(renderer, lyr, view) or (isinstance(lyr, RasterLayer) and has_own_colours(lyr.path)):
            continue  # an empty layer (e.g. no line incidents yet), a basemap or an RGB image: nothing to explain
        kind = kinds.get(lyr.id, "raster" if isinstance(lyr, RasterLayer) else "polygon")
        rows = legend_entries(_legend_layer(lyr, kind, swatch_px, factor), kind, swatch_px)
        shown = visible_classes(renderer, lyr, view)
        if shown is not None:
            n = len(lyr.style.items())  # rows: one per class (code 1…n), then "other" (code 0) when drawn
            rows = [row for i, row in enumerate(rows) if (i + 1 if i < n else 0) in shown]
        if rows:
            blocks.append((lyr.title, rows))
    return blocks


def draw_page(p: QPainter, dpi: float, size_mm: tuple[float, float], renderer: Renderer, layers: list,
              view: MapView, title: str, kinds: dict[str, str], date_text: str, *, subtitle: str = "",
              source: str = "", scale: float | None = None, page_name: str = "") -> tuple[QRectF, MapView]:
    """Lay out one printed page on ``p`` (title, map, legend, scale bar, north arrow, footer).

    ``scale`` fixes the map scale (1:``scale`` at ``dpi``) around the view's centre; None fits the
    view's extent into the frame. Returns the map frame (device pixels) and the view drawn in it,
    which is what georeferencing the page needs.
    """
    factor = dpi / SCREEN_DPI
    printed = [print_layer(lyr, factor) for lyr in layers if lyr.visible]
    blocks = legend_blocks(renderer, layers, view, kinds, dpi)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    pg = _Page(p, dpi, size_mm)
    title_h = _TITLE_H + (6.0 if subtitle else 0.0)
    top, bottom = pg.mm(_MARGIN + title_h + _GAP), pg.mm(size_mm[1] - _MARGIN - _FOOTER_H)
    legend_box = pg.legend(pg.mm(size_mm[0] - _MARGIN), top, bottom, blocks, _tr("Legend"))
    left = pg.mm(_MARGIN)
    frame = QRectF(left, top, legend_box.left() - pg.mm(_GAP) - left, bottom - top).toAlignedRect()
    if scale:
        cx, cy = (view.bbox[0] + view.bbox[2]) / 2, (view.bbox[1] + view.bbox[3]) / 2
        # metres per device pixel at 1:scale; in map units for a projected CRS in metres
        half_w, half_h = frame.width() * scale * 0.0254 / dpi / 2, frame.height() * scale * 0.0254 / dpi / 2
        map_view = MapView.fit((cx - half_w, cy - half_h, cx + half_w, cy + half_h), frame.width(), frame.height(),
                               view.crs)
    else:
        map_view = MapView.fit(view.bbox, frame.width(), frame.height(), view.crs)
    image, errors = render_map(renderer, printed, map_view, factor)
    if printed and len(errors) == len(printed):
        raise StoreError("No layer could be drawn for the export.", "; ".join(errors))
    for err in errors:
        log.warning("export: layer skipped: %s", err)
    pg.title(title)
    if subtitle:
        pg.text(pg.rect(_MARGIN, _MARGIN + _TITLE_H - 1.0, size_mm[0] - 2 * _MARGIN, 6.0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, subtitle, 11, colour=_MUTED)
    p.drawImage(frame.topLeft(), image)
    clip = QPainterPath()
    clip.addRect(QRectF(frame))
    p.save()
    p.setClipPath(clip)
    mpp = ground_metres_per_pixel(map_view)
    metres, length_px = scale_bar(mpp, frame.width() * 0.2)
    pg.scale_bar(QRectF(frame), metres, length_px)
    pg.north_arrow(QRectF(frame))
    p.restore()
    pg.frame(QRectF(frame))
    denominator = _round_sig(mpp / (0.0254 / dpi))
    page_name = page_name or next((k for k, v in PAGES.items() if v == size_mm), "")
    left_text = f"{_tr('Date')}: {date_text}    {_tr('Coordinate system')}: {_crs_label(view.crs)}"
    if source:
        left_text = f"{_tr('Source')}: {source}    " + left_text
    right = f"{_tr('Scale')} 1:{denominator:,} ({page_name})    {_tr('Made with gisdesk')}"
    pg.footer(left_text, right)
    return QRectF(frame), map_view


def _write(tmp: Path, fmt: str, renderer: Renderer, layers: list, view: MapView, title: str,
           kinds: dict[str, str], date_text: str, dpi: int, size_mm: tuple[float, float]) -> None:
    w_px, h_px = (round(v / 25.4 * dpi) for v in size_mm)
    if fmt == "png":
        device = QImage(w_px, h_px, QImage.Format.Format_RGB32)
        device.fill(QColor("white"))
        device.setDotsPerMeterX(round(dpi / 0.0254))
        device.setDotsPerMeterY(round(dpi / 0.0254))
    else:
        device = QPdfWriter(str(tmp))
        device.setResolution(dpi)
        device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4 if size_mm == PAGES["A4"]
                                                   else QPageSize.PageSizeId.A3),
                                         QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0)))
        device.setTitle(title)
        device.setCreator("gisdesk")
    p = QPainter()
    if not p.begin(device):
        raise OSError(13, "the file could not be opened for writing")
    try:
        draw_page(p, dpi, size_mm, renderer, layers, view, title, kinds, date_text)
    finally:
        p.end()
    if fmt == "png" and not device.save(str(tmp), "PNG"):
        raise OSError(5, "the image could not be saved")


def _round_sig(v: float, digits: int = 3) -> int:
    if v <= 0:
        return 0
    step = 10 ** max(0, math.floor(math.log10(v)) - digits + 1)
    return int(round(v / step) * step)


def _crs_label(crs: str) -> str:
    try:
        from pyproj import CRS

        return f"{CRS.from_user_input(crs).name} ({crs})"
    except Exception:
        return crs


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MapExport", text)


__all__ = ["draw_page", "legend_blocks", "export_map", "render_map", "print_layer", "nice_length", "scale_bar", "format_length",
           "ground_metres_per_pixel", "scale_denominator", "font_families", "PAGES"]
