"""``gisdesk import WORKSPACE FILE``: bring a vector, CSV or Excel file into a workspace headless.

One line per refused feature (``FILE [layer] feature N: reason``), one per layer that
could not be imported, then a summary line. Exit status 0 when something was imported,
2 when nothing could be.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gisdesk.core.text import printable


def add_arguments(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``import`` to ``gisdesk``'s subparsers; returns its parser."""
    p = subparsers.add_parser("import", help="import a vector, CSV or Excel file into a workspace as new layers")
    p.add_argument("workspace", help="the gisdesk workspace (SpatiaLite)")
    p.add_argument("file", help="GeoJSON, Shapefile, GeoPackage, KML, DXF, CSV, Excel (.xlsx) … anything GDAL reads")
    p.add_argument("--layer", action="append", metavar="NAME",
                   help="import this layer of a multi-layer file (repeatable; default: every layer)")
    p.add_argument("--crs", help="the CRS the coordinates are in (EPSG:32648, WKT, a PROJ string); "
                                 "required when the file has none")
    p.add_argument("--x", metavar="COL", help="CSV/Excel: the x (longitude) column (default: found by name)")
    p.add_argument("--y", metavar="COL", help="CSV/Excel: the y (latitude) column (default: found by name)")
    p.add_argument("--user", default=None, help="who imports (default: login name); must be allowed to add layers")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Import the file; print refused features and a summary. 0: something imported, 2: nothing."""
    from gisdesk.core.users import PermissionDenied
    from gisdesk.store.errors import StoreError
    from gisdesk.store.importer import import_layers

    name = printable(Path(args.file).name, 120)
    if (args.x is None) != (args.y is None):
        print("gisdesk: give both --x and --y.", file=sys.stderr)
        return 2
    try:
        done = import_layers(args.workspace, args.file, args.layer, user=args.user, crs=args.crs, x=args.x, y=args.y)
    except PermissionDenied as exc:
        print(f"gisdesk: not done: {printable(exc)}", file=sys.stderr)
        return 2
    except StoreError as exc:
        _error(f"gisdesk: {exc.message}", exc)
        return 2
    features = refused = 0
    tables, failed = [], []
    many = len(done) > 1 or bool(args.layer)
    for layer, result in done:
        where = f"{name} [{printable(layer, 80)}]" if many else name
        if isinstance(result, StoreError):
            failed.append(layer)
            _error(f"{where}: {result.message}" if many else f"gisdesk: {result.message}", result)
            continue
        tables.append(str(result))
        features += result.imported
        refused += len(result.refused)
        for n, why in result.refused:
            print(f"{where} {result.unit} {n}: {printable(why)}")
        if result.unreadable:
            print(f"{where}: {len(result.unreadable):,} {result.unit}(s) without readable geometry, "
                  f"imported without it ({result.unit} {', '.join(map(str, result.unreadable[:20]))}"
                  f"{' …' if len(result.unreadable) > 20 else ''})")
    summary = (f"imported {features:,} feature(s) into {len(tables)} table(s)"
               + (f" ({', '.join(printable(t, 60) for t in tables)})" if tables else "")
               + f"; {refused:,} refused; {len(failed)} layer(s) not imported")
    print(summary)
    return 0 if tables else 2


def _error(line: str, exc) -> None:
    from gisdesk.store.importer import CRSRequired

    sys.stdout.flush()  # the lines before it first, in a terminal too
    print(line, file=sys.stderr)
    if exc.hint:
        print(f"  {exc.hint}", file=sys.stderr)
    if isinstance(exc, CRSRequired) and exc.guesses:
        print("  The coordinates fit:", file=sys.stderr)
        for crs, label in exc.guesses:
            print(f"    --crs {crs:<12} {label}", file=sys.stderr)
