"""``gisdesk export WORKSPACE LAYER OUT``: save a layer (or its filtered rows) to a file.

Examples
--------
::

    gisdesk export hue.sqlite communes communes.gpkg
    gisdesk export hue.sqlite incidents open.csv --where "\"status\" = 'open'" --crs EPSG:4326
    gisdesk export hue.sqlite incidents mine.kml --user phu_hoi

The format comes from OUT's suffix (``--format`` overrides it); ``--where`` takes the
filter language of the attribute table (:mod:`gisdesk.core.expression`: ``"field"``
names a field, ``'text'`` is a string). Only the rows ``--user`` may read are written
(default: the login name, as in the workspace's ``users`` table). A failure is one line
on stderr and exit status 2; success prints one summary line.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from gisdesk.store.export import CSV_GEOMETRY, FORMATS


def build_parser() -> argparse.ArgumentParser:
    """The options of ``gisdesk export``."""
    p = argparse.ArgumentParser(prog="gisdesk export",
                                description="Save a layer, or the rows a filter keeps, to a file.")
    p.add_argument("workspace", help="the workspace (SpatiaLite) or GeoPackage to read")
    p.add_argument("layer", help="the layer to save (as 'gisdesk info' lists it)")
    p.add_argument("out", help="the file to write (.gpkg, .shp, .geojson, .fgb, .csv, .kml)")
    p.add_argument("--where", default="", metavar="EXPR",
                   help="only the rows this filter keeps, e.g. \"status\" = 'open' and severity >= 3")
    p.add_argument("--crs", default=None, metavar="EPSG:n", help="reproject to this CRS (default: the layer's)")
    p.add_argument("--format", default=None, choices=sorted(FORMATS), help="output format (default: from OUT's suffix)")
    p.add_argument("--csv-geometry", default="wkt", choices=CSV_GEOMETRY,
                   help="CSV only: geometry as a WKT column, lon/lat columns (WGS 84) or none (default: wkt)")
    p.add_argument("--user", default=None, help="export as this user (default: login name)")
    p.add_argument("--overwrite", action="store_true",
                   help="replace an existing output file (never the workspace or a non-GeoPackage database)")
    return p


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "gisdesk"


def run(args: argparse.Namespace) -> int:
    """Run the export; returns the exit status (errors propagate as StoreError/ExpressionError)."""
    from gisdesk.core.users import User
    from gisdesk.store.datasource import DataSource
    from gisdesk.store.export import Export
    from gisdesk.store.table_query import TableQuery

    name = args.user or _login()
    with DataSource(args.workspace, read_only=True, user=User(name, name, "viewer")) as ds:
        layer = ds.layer(args.layer)
        ids = None
        if args.where.strip():
            query = TableQuery(ds, layer)
            query.set_filter(args.where)  # ExpressionError names the problem
            ids = query.ids()
        job = Export(ds, layer, args.out, fmt=args.format, ids=ids, crs=args.crs,
                     csv_geometry=args.csv_geometry, overwrite=args.overwrite)
        result = job.run()
    crs = f", {result.crs}" if result.crs else ""
    print(f"exported {result.count} features of '{layer.name}' to {result.path} "
          f"({FORMATS[result.format].label}{crs})")
    return 0


def export_main(argv: list[str]) -> int:
    """``gisdesk export …``: parse ``argv`` (after the word ``export``) and run; exit status 0 or 2."""
    from gisdesk.core.expression import ExpressionError
    from gisdesk.store.errors import StoreError

    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except StoreError as exc:
        hint = f" {exc.hint}" if exc.hint else ""
        print(f"gisdesk export: {exc.message}{hint}", file=sys.stderr)
    except ExpressionError as exc:
        print(f"gisdesk export: --where: {exc}".splitlines()[0], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(export_main(sys.argv[1:]))
