"""Print layouts: page size A4–A0, orientation, fixed or fitted scale, title, subtitle, source,
a georeferenced PDF, and the atlas (one page per feature of a layer, e.g. per commune).

Every page is laid out by :func:`gisdesk.render.layout.draw_page` (title, map, legend of the
layers with features in the view, scale bar, north arrow, date, coordinate system) on one
:class:`~PySide6.QtGui.QPdfWriter`; then :func:`gisdesk.render.geopdf.georeference` records
each page's map frame and extent, so the PDF opens in QGIS (and GDAL, Avenza-style apps) at
the right place. The file is written through a temporary file and a rename: a failure
leaves nothing and never a half-written PDF.

Examples
--------
>>> print_pdf("week48.pdf", renderer, layers, view, kinds, PrintOptions(size="A3", title="Hue"))  # doctest: +SKIP
PrintReport(pages=1, ...)
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from gisdesk.render.geopdf import MapFrame, georeference
from gisdesk.render.layout import draw_page
from gisdesk.render.renderer import Renderer
from gisdesk.render.view import MapView
from gisdesk.store.errors import StoreError

#: Portrait page sizes in millimetres, and Qt's ids for them.
SIZES = {"A4": (210.0, 297.0), "A3": (297.0, 420.0), "A2": (420.0, 594.0), "A1": (594.0, 841.0),
         "A0": (841.0, 1189.0)}
_QT_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3, "A2": QPageSize.PageSizeId.A2,
             "A1": QPageSize.PageSizeId.A1, "A0": QPageSize.PageSizeId.A0}


@dataclass(frozen=True)
class PrintOptions:
    """What a print looks like.

    Attributes
    ----------
    size : str
        ``A4`` … ``A0``.
    orientation : str
        ``landscape`` or ``portrait``.
    dpi : int
        Resolution of the map image, 72–600.
    scale : float or None
        A fixed scale 1:``scale`` around the view's centre (e.g. 10000); None fits the view.
    title, subtitle, source : str
        Printed at the top (title, subtitle) and in the footer (source of the data).
    date : str
        ISO date in the footer ('' for today).
    """

    size: str = "A4"
    orientation: str = "landscape"
    dpi: int = 150
    scale: float | None = None
    title: str = ""
    subtitle: str = ""
    source: str = ""
    date: str = ""

    def check(self) -> None:
        """Raise :class:`StoreError` naming the first option that is wrong."""
        if self.size not in SIZES:
            raise StoreError(f"Unknown page size '{self.size}'.", f"Use one of {', '.join(SIZES)}.")
        if self.orientation not in ("landscape", "portrait"):
            raise StoreError(f"Unknown orientation '{self.orientation}'.", "Use landscape or portrait.")
        if not 72 <= self.dpi <= 600:
            raise StoreError(f"Resolution {self.dpi} dpi is out of range.", "Use 72 to 600 dpi.")
        if self.scale is not None and not 100 <= self.scale <= 100_000_000:
            raise StoreError(f"Scale 1:{self.scale:g} is out of range.", "Use 1:100 to 1:100,000,000.")

    @property
    def size_mm(self) -> tuple[float, float]:
        w, h = SIZES[self.size]
        return (h, w) if self.orientation == "landscape" else (w, h)


@dataclass
class AtlasPage:
    """One atlas page: its extent (map CRS) and the name printed after the title."""

    bbox: tuple[float, float, float, float]
    name: str


@dataclass
class PrintReport:
    """What was printed: the file, its pages and the layers that could not be drawn."""

    path: Path
    pages: int
    frames: list[MapFrame] = field(default_factory=list)


def _writer(path: Path, opts: PrintOptions) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(opts.dpi)
    writer.setPageLayout(QPageLayout(QPageSize(_QT_SIZES[opts.size]),
                                     QPageLayout.Orientation.Landscape if opts.orientation == "landscape"
                                     else QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(opts.title or "gisdesk map")
    writer.setCreator("gisdesk")
    return writer


def print_pdf(path: str | os.PathLike[str], renderer: Renderer, layers: list, view: MapView, kinds: dict[str, str],
              options: PrintOptions, atlas: list[AtlasPage] | None = None,
              progress: Callable[[int, int], None] | None = None) -> PrintReport:
    """Write a georeferenced PDF of ``view`` (or one page per ``atlas`` entry) to ``path``.

    Parameters
    ----------
    path : path-like
        The PDF to write (replaced only when the whole file is written).
    renderer, layers, view, kinds
        As for :func:`gisdesk.render.layout.export_map`.
    options : PrintOptions
    atlas : list of AtlasPage, optional
        One page each, titled ``"<title> — <name>"``, in this order.
    progress : callable, optional
        ``progress(done, total)`` after each page.

    Raises
    ------
    StoreError
        A wrong option, an unwritable folder, or no layer drawn; nothing is left behind.
    """
    options.check()
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise StoreError(f"Cannot print to '{path.name}': a print is a PDF.", "Name the file .pdf.")
    pages = atlas or [AtlasPage(view.bbox, "")]
    date_text = options.date or dt.date.today().isoformat()
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".pdf", dir=folder)
        os.close(fd)
    except FileNotFoundError:
        raise StoreError(f"Cannot write '{path}': the folder '{folder}' does not exist.",
                         "Choose an existing folder.") from None
    except OSError as exc:
        raise StoreError(f"Cannot write '{path}': {exc.strerror or exc}.", "Choose a folder you can write to.") from None
    tmp = Path(tmp_name)
    frames: list[MapFrame] = []
    try:
        writer = _writer(tmp, options)
        p = QPainter()
        if not p.begin(writer):
            raise OSError(13, "the file could not be opened for writing")
        try:
            size_mm = options.size_mm
            page_h_pt = size_mm[1] / 25.4 * 72
            to_pt = 72.0 / options.dpi
            for i, page in enumerate(pages):
                if i:
                    writer.newPage()
                x0, y0, x1, y1 = page.bbox  # a view of exactly this extent (its own shape), refitted to the frame
                aspect = max(y1 - y0, 1e-9) / max(x1 - x0, 1e-9)
                page_view = MapView.fit(page.bbox, 2000, max(1, round(2000 * aspect)), view.crs)
                title = options.title if not page.name else (f"{options.title} — {page.name}" if options.title
                                                             else page.name)
                frame, drawn = draw_page(p, options.dpi, size_mm, renderer, layers, page_view, title, kinds,
                                         date_text, subtitle=options.subtitle, source=options.source,
                                         scale=options.scale, page_name=f"{options.size} {options.orientation}")
                frames.append(MapFrame(i, frame.left() * to_pt, page_h_pt - frame.bottom() * to_pt,
                                       frame.right() * to_pt, page_h_pt - frame.top() * to_pt, drawn.bbox, view.crs))
                if progress is not None:
                    progress(i + 1, len(pages))
        finally:
            p.end()
        del writer  # the PDF is complete on disk only once the writer is gone
        georeference(tmp, frames)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except OSError as exc:
        raise StoreError(f"Cannot write '{path}': {exc.strerror or exc}.", "Choose a folder you can write to.") from None
    finally:
        tmp.unlink(missing_ok=True)
    return PrintReport(path, len(pages), frames)


def atlas_pages(source: str | os.PathLike[str], layer: str, crs: str, margin: float = 0.08,
                name_field: str | None = None) -> list[AtlasPage]:
    """One :class:`AtlasPage` per feature of the reference layer ``layer`` (its bounds plus ``margin``
    of its size, in ``crs``), named by ``name_field`` (default: a ``name`` column, else the feature id),
    sorted by name. Case layers (incidents, …) are refused: their rows are not everybody's to list."""
    from gisdesk.core.access import CASE_LAYERS
    from gisdesk.render.view import transformer
    from gisdesk.store.datasource import DataSource, quote_ident

    with DataSource(source) as ds:
        info = ds.layer(layer)
        if info.table in CASE_LAYERS or (info.base_table and info.base_table in CASE_LAYERS):
            raise StoreError(f"An atlas is made from a reference layer, not '{info.name}'.",
                             "Use communes, planning zones or another reference layer.")
        columns = [c for c, _ in ds.columns(info)]
        field_name = name_field or next((c for c in columns if c.lower() in ("name", "ten", "title")), None)
        if field_name is not None and field_name not in columns:
            raise StoreError(f"Layer '{info.name}' has no field '{field_name}'.", "Fields: " + ", ".join(columns))
        g = quote_ident(info.geometry_column)
        label = quote_ident(field_name) if field_name else info.key_column
        rows = ds.connection(text=True).execute(
            f"SELECT {label}, MbrMinX({g}), MbrMinY({g}), MbrMaxX({g}), MbrMaxY({g}) FROM {quote_ident(info.table)} "
            f"WHERE {g} IS NOT NULL").fetchall()
        srid = info.srid
    to_map = transformer(f"EPSG:{srid}", crs)
    out = []
    for name, x0, y0, x1, y1 in rows:
        if None in (x0, y0, x1, y1):
            continue
        if to_map is not None:
            xs, ys = to_map.transform([x0, x1, x0, x1], [y0, y0, y1, y1])
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        dx, dy = max(x1 - x0, 1.0) * margin, max(y1 - y0, 1.0) * margin
        out.append(AtlasPage((x0 - dx, y0 - dy, x1 + dx, y1 + dy), str(name)))
    return sorted(out, key=lambda page: page.name)


__all__ = ["AtlasPage", "PrintOptions", "PrintReport", "SIZES", "atlas_pages", "print_pdf"]
