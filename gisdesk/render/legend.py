"""Legend symbols: small images of a layer's symbols, for the layer tree and printed maps."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPen

from gisdesk.core.layers import RasterLayer, VectorLayer
from gisdesk.core.style import RasterStyle, Symbol
from gisdesk.render.vector import _marker_path, _pen_brush, qcolor


def symbol_swatch(symbol: Symbol | None, kind: str, size: int = 16) -> QImage:
    """An antialiased ``size`` x ``size`` picture of ``symbol`` drawn as a ``kind`` feature."""
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    if symbol is None:
        return img
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen, brush = _pen_brush(symbol)
    if kind == "point":
        p.setPen(pen)
        p.setBrush(brush)
        shrunk = Symbol(**{**symbol.__dict__, "size": min(symbol.size, size - 2)})
        p.drawPath(_marker_path(shrunk).translated(size / 2, size / 2))
    elif kind == "line":
        line_pen = QPen(qcolor(symbol.stroke))
        line_pen.setWidthF(min(max(symbol.stroke_width, 1.0), size / 3))
        p.setPen(line_pen)
        p.drawLine(QPointF(1, size * 0.7), QPointF(size - 1, size * 0.3))
    else:
        p.setPen(pen)
        p.setBrush(brush)
        p.drawRect(QRectF(1.5, 1.5, size - 3, size - 3))
    p.end()
    return img


def ramp_swatch(style: RasterStyle, width: int = 16, height: int = 16) -> QImage:
    """The colour ramp as a horizontal gradient."""
    img = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    lo, hi = style.stops[0][0], style.stops[-1][0]
    grad = QLinearGradient(0, 0, width, 0)
    for value, colour in style.stops:
        grad.setColorAt((value - lo) / (hi - lo) if hi > lo else 0.0, qcolor(colour))
    p = QPainter(img)
    p.fillRect(QRectF(0, 0, width, height), grad)
    p.setPen(QColor(120, 120, 120))
    p.drawRect(QRectF(0, 0, width - 1, height - 1))
    p.end()
    return img


def legend_entries(layer: VectorLayer | RasterLayer, kind: str, size: int = 16) -> list[tuple[str, QImage]]:
    """(label, swatch) rows of a layer's legend: one for a single symbol, one per class otherwise."""
    if isinstance(layer, RasterLayer):
        lo, hi = layer.style.stops[0][0], layer.style.stops[-1][0]
        return [(f"{lo:g} – {hi:g}", ramp_swatch(layer.style, size * 2, size))]
    style = layer.style
    if style.mode == "single":
        return [("", symbol_swatch(style.symbol, kind, size))]
    rows = [(item.label or str(getattr(item, "value", getattr(item, "filter", ""))), symbol_swatch(item.symbol, kind, size))
            for item in style.items()]
    if style.other is not None:
        rows.append((QCoreApplication.translate("Legend", "other"), symbol_swatch(style.other, kind, size)))
    return rows


def visible_classes(renderer: Any, layer: Any, view: Any) -> set[int] | None:
    """The class codes (0 = *other*, 1… = the style's classes) of the features of ``layer`` in ``view``;
    None for a single-symbol style, a raster, or when it cannot be told (then every class is listed)."""
    import numpy as np

    from gisdesk.render.vector import path_boxes

    if not isinstance(layer, VectorLayer) or layer.style.mode == "single":
        return None
    try:
        data = renderer.layer_data(layer, view)
        if data.codes is None:
            return None
        g = data.geoms
        boxes = path_boxes(g)
        inside = ((boxes[:, 2] >= view.minx) & (boxes[:, 3] >= view.miny) & (boxes[:, 0] <= view.maxx)
                  & (boxes[:, 1] <= view.maxy))
        features = np.unique(g.path_feature[inside])
        return {int(c) for c in np.unique(np.asarray(data.codes)[features])}  # class numbers (reader: code - base)
    except Exception:  # the legend never fails a print: list every class
        return None


__all__ = ["symbol_swatch", "ramp_swatch", "legend_entries", "visible_classes"]
