"""``gisdesk package create``: write an offline package of one commune or one area for one user.

Examples
--------
::

    gisdesk package create hue.sqlite --for phu_hoi --commune "Phú Hội" -o phu_hoi.sqlite --user dispatcher
    echo "$PW" | gisdesk package create hue.sqlite --for dispatcher --area 107.57,16.45,107.59,16.47 \\
        --crs EPSG:4326 --layers roads,drains -o centre.sqlite --user admin --password-stdin

The person running it (``--user``, default: the login name) signs in with their password
(asked on the terminal, or one line of standard input with ``--password-stdin``) and must
be the city's dispatcher or an administrator (the access policy's ``create`` ``package``).
The package receives only what ``--for`` may read. The source may be the city server
(``postgresql://LOGIN@HOST/DB``: :mod:`gisdesk.store.package_server`). Success prints a summary; a refusal is
one line on stderr and exit status 2, and nothing is written.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys


def build_parser() -> argparse.ArgumentParser:
    """The options of ``gisdesk package create``."""
    p = argparse.ArgumentParser(prog="gisdesk package create",
                                description="Write an offline package of one commune or area for one user.")
    p.add_argument("source", help="the city's workspace (SpatiaLite, never changed) or server (postgresql://LOGIN@…: "
                   "the package is recorded there) to take the package from")
    p.add_argument("--for", dest="for_user", required=True, metavar="USER", help="the account that works offline")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--commune", metavar="NAME", help="the commune's polygon plus --margin")
    where.add_argument("--area", metavar="MINX,MINY,MAXX,MAXY", help="a box (in --crs, default the map CRS)")
    p.add_argument("--crs", default=None, metavar="EPSG:n", help="the CRS of --area (default: the workspace's)")
    p.add_argument("--margin", type=float, default=None, metavar="M",
                   help="metres around the commune (default 500)")
    p.add_argument("--layers", default=None, metavar="A,B",
                   help="only these reference layers (the communes always come along; default: all)")
    p.add_argument("-o", "--out", required=True, metavar="FILE", help="the package file to write (.sqlite)")
    p.add_argument("--user", default=None, help="who makes the package (default: the URL's login, else the login name)")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.add_argument("--overwrite", action="store_true", help="replace an existing package file and its rasters")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    return p


def _area(text: str) -> tuple[float, float, float, float]:
    parts = [p.strip() for p in text.split(",")]
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        values = ()
    if len(values) != 4:
        raise ValueError(f"--area takes four numbers minx,miny,maxx,maxy, not {text!r}")
    return values  # type: ignore[return-value]


def create_main(argv: list[str]) -> int:
    """Run ``gisdesk package create``; exit 0, or 2 with one line on stderr."""
    from gisdesk.cli import report_failure

    args = build_parser().parse_args(argv)
    try:
        from gisdesk.store.package_create import DEFAULT_MARGIN, create_package

        area = _area(args.area) if args.area else None
        from urllib.parse import urlsplit

        url_login = urlsplit(args.source).username if "://" in args.source else None
        name = args.user or url_login or getpass.getuser()
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass(f"Password of {name}: ")
        layers = [n.strip() for n in args.layers.split(",") if n.strip()] if args.layers else None
        report = create_package(args.source, args.out, for_user=args.for_user, signer=(name, password),
                                commune=args.commune, area=area, crs=args.crs, layers=layers,
                                overwrite=args.overwrite,
                                margin=DEFAULT_MARGIN if args.margin is None else args.margin)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one line, exit 2: refusals, bad input, StoreError
        return report_failure(exc, "gisdesk package create")
    if args.json:
        print(json.dumps({"path": str(report.path), "package_id": report.package_id, "user": report.user,
                          "communes": list(report.communes), "bounds": list(report.bounds), "srid": report.srid,
                          "counts": report.counts, "cut": report.cut, "rasters": [str(r) for r in report.rasters],
                          "bytes": report.size, "registered": report.registered, "note": report.note},
                         ensure_ascii=False, indent=1))
        return 0
    cases = ", ".join(f"{report.counts.get(t, 0)} {w}" for t, w in (
        ("incidents", "incidents"), ("tasks", "tasks"), ("task_questions", "questions"),
        ("task_notifications", "notifications")))
    cut = sum(report.cut.values())
    print(f"{report.path}: package {report.package_id} for {report.user} ({', '.join(report.communes)}); "
          f"{cases}; {len(report.cut)} layers, {cut} features cut at the border; "
          f"{len(report.rasters)} raster(s); {report.size / 1e6:.1f} MB")
    if report.note:
        print(f"  {'' if report.registered else 'not recorded in the source for sync: '}{report.note}")
    return 0
