"""Layer Properties: where a layer comes from and what it holds (source, CRS, extent, count, fields).

Read through the access policy like every other read: a commune officer's incident count is
the count of the incidents they may see.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from gisdesk.core.layers import RasterLayer


def tr(text: str) -> str:
    return QCoreApplication.translate("LayerProperties", text)


def _crs_text(code: str) -> str:
    try:
        from pyproj import CRS

        return f"{CRS.from_user_input(code).name} ({code})"
    except Exception:
        return code


def layer_facts(layer: Any, user: Any = None) -> list[tuple[str, str]]:
    """(label, value) rows describing ``layer``; fields come as one row each, ``"field: type"``."""
    rows: list[tuple[str, str]] = [(tr("Name"), layer.title)]
    if isinstance(layer, RasterLayer):
        import rasterio

        with rasterio.open(layer.path) as src:
            b = src.bounds
            rows += [(tr("Source"), str(layer.path)), (tr("Kind"), tr("raster")),
                     (tr("Coordinate system"), _crs_text(f"EPSG:{src.crs.to_epsg()}") if src.crs else "—"),
                     (tr("Size"), f"{src.width} × {src.height} px, {src.count} band(s), {src.dtypes[0]}"),
                     (tr("Cell size"), f"{abs(src.res[0]):g} × {abs(src.res[1]):g}"),
                     (tr("Extent"), f"{b.left:.2f}, {b.bottom:.2f} : {b.right:.2f}, {b.top:.2f}"),
                     (tr("No data"), "—" if src.nodata is None else f"{src.nodata:g}")]
        return rows
    from gisdesk.store.datasource import DataSource

    with DataSource(layer.source, user=user) as ds:
        info = ds.layer(layer.name)
        ext = ds.extent(info)
        count = ds.feature_count(info)  # the rows this user may read (the access policy's filter)
        columns = ds.columns(info)
    rows += [(tr("Source"), f"{layer.source} | {info.table}"), (tr("Kind"), f"{info.kind} ({info.geometry_type})"),
             (tr("Coordinate system"), _crs_text(f"EPSG:{info.srid}")),
             (tr("Features"), "—" if count is None else f"{count:,}"),
             (tr("Extent"), "—" if not ext else f"{ext[0]:.2f}, {ext[1]:.2f} : {ext[2]:.2f}, {ext[3]:.2f}"),
             (tr("Spatial index"), tr("yes") if info.spatial_index else tr("no"))]
    rows += [(tr("Field"), f"{name}: {decl.lower() or '?'}") for name, decl in columns
             if name != info.geometry_column]
    return rows


class LayerPropertiesDialog(QDialog):
    """Read-only facts about a layer, as QGIS's Layer Properties › Information."""

    def __init__(self, layer: Any, user: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Layer properties — {title}").format(title=layer.title))
        self.browser = QTextBrowser()
        self.rows = layer_facts(layer, user)
        e = html.escape
        body = "".join(f"<tr><td><b>{e(k)}</b>&nbsp;&nbsp;</td><td>{e(v)}</td></tr>" for k, v in self.rows)
        self.browser.setHtml(f"<table cellspacing='3'>{body}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)
        self.resize(560, 480)


__all__ = ["LayerPropertiesDialog", "layer_facts"]
