"""``gisdesk print WORKSPACE -o OUT.pdf``: a georeferenced PDF map, or an atlas, from a script.

    gisdesk print hue.sqlite -o week48.pdf --size A3 --title "Hue — incidents, week 48"
    gisdesk print hue.sqlite -o communes.pdf --atlas communes --title "Hue"

The map shows the workspace's layers as the window saved them (order, visibility, styles,
labels); ``--layers`` picks some by name instead. Bad input gets one line and exit 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from gisdesk.store.errors import StoreError


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="gisdesk print", description="Print a map (or an atlas) to a georeferenced PDF.")
    p.add_argument("workspace")
    p.add_argument("-o", "--out", required=True, help="the PDF to write")
    p.add_argument("--size", default="A4", choices=["A4", "A3", "A2", "A1", "A0"])
    p.add_argument("--orientation", default="landscape", choices=["landscape", "portrait"])
    p.add_argument("--dpi", type=int, default=150, help="resolution of the map image (72-600)")
    p.add_argument("--layers", help="comma-separated layer names, bottom first (default: the saved map)")
    p.add_argument("--bbox", help="minx,miny,maxx,maxy in the map CRS (default: all the layers)")
    p.add_argument("--crs", help="map CRS (default: the workspace's)")
    p.add_argument("--scale", type=float, help="a fixed scale 1:N (default: fit the extent)")
    p.add_argument("--title", default=None, help="default: the workspace's name")
    p.add_argument("--subtitle", default="")
    p.add_argument("--source", default="", help="source of the data, printed in the footer")
    p.add_argument("--date", default="", help="date in the footer (default: today)")
    p.add_argument("--atlas", metavar="LAYER", help="one page per feature of this reference layer (e.g. communes)")
    p.add_argument("--atlas-field", metavar="FIELD", help="the field naming each atlas page (default: name)")
    p.add_argument("--no-labels", action="store_true", help="leave the styles' labels out")
    return p


def _layers(ws: Path, names: list[str] | None) -> list:
    from gisdesk.store.layer_state import load_layer_state
    from gisdesk.store.workspace import map_layers

    layers, _warnings = load_layer_state(ws, map_layers(ws))
    if not names:
        return [lyr for lyr in layers if lyr.visible]
    by_name = {getattr(lyr, "name", None) or Path(getattr(lyr, "path", "")).stem: lyr for lyr in layers}
    missing = [n for n in names if n not in by_name]
    if missing:
        raise StoreError(f"No layer '{missing[0]}' in {ws.name}.", "Layers: " + ", ".join(sorted(map(str, by_name))))
    chosen = [by_name[n] for n in names]
    for lyr in chosen:
        lyr.visible = True
    return chosen


def print_main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # fonts and image I/O while printing
    from gisdesk.core.layers import VectorLayer
    from gisdesk.render.cli import _parse_bbox
    from gisdesk.render.print_job import PrintOptions, atlas_pages, print_pdf
    from gisdesk.render.renderer import Renderer
    from gisdesk.render.view import MapView
    from gisdesk.store.connection import check_sqlite_file
    from gisdesk.store.workspace import workspace_crs

    try:
        ws = check_sqlite_file(args.workspace)
        if Path(args.out).resolve() == ws.resolve():
            raise StoreError(f"'{args.out}' is the workspace; a print never writes over it.", "Name a new .pdf file.")
        layers = _layers(ws, [n for n in (args.layers or "").split(",") if n])
        if args.no_labels:
            for lyr in layers:
                if isinstance(lyr, VectorLayer):
                    lyr.style.labels.enabled = False
        crs = args.crs or workspace_crs(ws)
        renderer = Renderer()
        try:
            bbox = _parse_bbox(args.bbox) if args.bbox else renderer.full_extent(layers, crs)
            if bbox is None:
                raise StoreError("The layers are empty: nothing to print.")
            opts = PrintOptions(size=args.size, orientation=args.orientation, dpi=args.dpi, scale=args.scale,
                                title=args.title if args.title is not None else ws.stem, subtitle=args.subtitle,
                                source=args.source, date=args.date)
            atlas = atlas_pages(ws, args.atlas, crs, name_field=args.atlas_field) if args.atlas else None
            kinds = {lyr.id: ("raster" if not isinstance(lyr, VectorLayer)
                              else renderer.source(lyr.source).layer(lyr.name).kind) for lyr in layers}
            view = MapView.fit(bbox, 1600, 1000, crs)

            def said(done: int, total: int) -> None:
                if total > 1:
                    print(f"\r[{100 * done // total:3d}%] page {done} of {total}", end="", file=sys.stderr,
                          flush=True)

            report = print_pdf(args.out, renderer, layers, view, kinds, opts, atlas=atlas, progress=said)
            if atlas:
                print(file=sys.stderr)
        finally:
            renderer.close()
    except StoreError as exc:
        print(f"gisdesk: {exc.message}" + (f" {exc.hint}" if getattr(exc, "hint", "") else ""), file=sys.stderr)
        return 2
    print(f"{report.path}: {report.pages} page{'s' if report.pages != 1 else ''}, {args.size} {args.orientation}, "
          "georeferenced")
    return 0


__all__ = ["build_parser", "print_main"]
