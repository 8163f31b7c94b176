"""``gisdesk incidents …``: headless incident import and export.

``gisdesk/cli.py`` wires it with ``add_arguments(subparsers)``; :func:`main` runs it alone
(``python -m gisdesk.incidents_cli import-detections hue.sqlite feed.jsonl``).

Commands print one line of counts (and one line per rejected input line) and exit 0, or
1 when some input lines were rejected (the good ones are imported either way). A refused
command prints one line on stderr and exits 2, having changed nothing.

Exports open the workspace read-only (no migration, nothing written to it) and refuse to
write onto the workspace or any other SQLite/GeoPackage file
(:func:`gisdesk.store.safe_write.check_export_target`); the export file is written through a
temporary file and an atomic rename.
"""

from __future__ import annotations

import argparse
import getpass
import sys

COMMANDS = ("import-detections", "import-open311", "export-open311", "export-geojson")


def add_arguments(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``incidents`` and its commands to ``gisdesk``'s subparsers; returns the ``incidents`` parser."""
    p = subparsers.add_parser("incidents", help="import and export incidents headless "
                                                "(camera detections, Open311 GeoReport v2, GeoJSON)")
    sub = p.add_subparsers(dest="incidents_command", required=True)
    helps = {"import-detections": "import a camera AI detection feed (CSV or JSON lines)",
             "import-open311": "import GeoReport v2 service requests (JSON)",
             "export-open311": "write the incidents as GeoReport v2 JSON",
             "export-geojson": "write the incidents as GeoJSON (EPSG:4326)"}
    for name in COMMANDS:
        c = sub.add_parser(name, help=helps[name])
        c.add_argument("workspace", help="the gisdesk workspace (SpatiaLite), or the city server "
                                         "(postgresql://LOGIN@HOST/DATABASE)")
        c.add_argument("file", help="the file to read" if name.startswith("import") else "the file to write")
        c.add_argument("--user", default=None, help="who is recorded in the incident history (default: login name)")
        if name == "import-detections":
            c.add_argument("--min-confidence", type=float, default=0.6,
                           help="detections below this are marked for review (default 0.6)")
            c.add_argument("--distance", type=float, default=50.0,
                           help="metres within which a detection repeats an open incident (default 50)")
            c.add_argument("--hours", type=float, default=2.0,
                           help="hours within which a detection repeats an open incident (default 2)")
        if name.startswith("export"):
            c.add_argument("--status", action="append", help="only this status (repeatable)")
            c.add_argument("--category", action="append", help="only this category (repeatable)")
            c.add_argument("--since", help="only incidents that happened at or after this UTC time")
        c.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run one ``incidents`` command from parsed arguments; returns the exit status."""
    from gisdesk.store.incident_io import export_geojson, export_open311, import_detections, import_open311
    from gisdesk.store.incidents_store import IncidentStore

    from gisdesk.store.dialect import is_server_url

    # on the city server the URL's login role acts (--user, when given, must name it)
    user = args.user or (None if is_server_url(args.workspace) else _login())
    cmd = args.incidents_command
    if cmd.startswith("export"):
        from gisdesk.store.safe_write import check_export_target

        check_export_target(args.file, [args.workspace])  # before the workspace is even opened
        with IncidentStore(args.workspace, user, read_only=True) as store:
            filters = {"status": args.status, "category": args.category, "since": args.since}
            write = export_open311 if cmd == "export-open311" else export_geojson
            n = write(store, args.file, **filters)
        print(f"exported {n} incidents to {args.file}")
        return 0
    with IncidentStore(args.workspace, user) as store:
        if cmd == "import-detections":
            report = import_detections(store, args.file, min_confidence=args.min_confidence,
                                       distance_m=args.distance, hours=args.hours)
        else:
            report = import_open311(store, args.file)
    print(report.summary())
    return 1 if report.rejected else 0


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "gisdesk"


def main(argv: list[str] | None = None) -> int:
    """``python -m gisdesk.incidents_cli COMMAND WORKSPACE FILE``."""
    parser = argparse.ArgumentParser(prog="gisdesk")
    add_arguments(parser.add_subparsers(dest="command", required=True))
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] != "incidents":
        argv.insert(0, "incidents")
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one line on stderr, exit 2 (as ``gisdesk incidents``)
        from gisdesk.cli import report_failure

        return report_failure(exc)


if __name__ == "__main__":
    sys.exit(main())
