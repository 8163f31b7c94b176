"""The ``gisdesk`` command: the desktop app, and headless subcommands.

``gisdesk [WORKSPACE]`` opens the window; ``info``, ``render`` and ``sample`` run
without a display.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from gisdesk.store.errors import StoreError

#: Set to show the traceback of an unexpected error (the CLI otherwise prints one line).
DEBUG_ENV = "GISDESK_DEBUG"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """``text`` on one line with no terminal control characters (escape sequences from a file
    name or a feed are shown as ``\\x1b``, never sent to the terminal)."""
    text = re.sub(r"\s*[\r\n]+\s*", " ", str(text)).strip()
    return _CONTROL.sub(lambda m: "\\x%02x" % ord(m.group()), text)


def report_failure(exc: BaseException, prog: str = "gisdesk") -> int:
    """Print why a command failed as one line on stderr (no traceback) and return exit status 2.

    A :class:`StoreError` prints its message and hint; an SQLite error is first translated
    (:func:`gisdesk.store.connection.translate_error`); the refusals of the core (validation,
    permission, conflict) print their own message; anything else prints its type and message,
    and its traceback too when ``GISDESK_DEBUG`` is set.
    """
    from gisdesk.store.connection import sqlite_module, translate_error

    if isinstance(exc, sqlite_module().Error) or type(exc).__module__.startswith(("sqlite3", "sqlean")):
        exc = translate_error(exc, "workspace")  # type: ignore[arg-type]
    if isinstance(exc, StoreError):
        text = f"{exc.message} {exc.hint}" if exc.hint else exc.message
    elif isinstance(exc, OSError) and exc.strerror:
        text = f"{exc.strerror}: '{exc.filename}'" if exc.filename else exc.strerror
    elif isinstance(exc, (ValueError, PermissionError)) or type(exc).__name__ in (
            "PermissionDenied", "AuthError", "ConflictError"):
        text = str(exc) or type(exc).__name__
    else:
        text = f"unexpected error ({type(exc).__name__}: {exc}); set {DEBUG_ENV}=1 to see where"
        if os.environ.get(DEBUG_ENV):
            import traceback

            traceback.print_exception(exc, file=sys.stderr)
    print(f"{prog}: {one_line(text)}", file=sys.stderr)
    return 2


def _cmd_info(args: argparse.Namespace) -> int:
    from gisdesk.store.datasource import open_datasource
    from gisdesk.store.pg_datasource import is_server_url, strip_password
    from gisdesk.store.rasters import raster_facts

    path = strip_password(args.path) if is_server_url(args.path) else Path(args.path)  # a URL: the city server
    if isinstance(path, Path) and path.suffix.lower() in (".tif", ".tiff", ".vrt", ".img"):
        report = {"path": str(path), "format": "raster", "layers": [], "rasters": [raster_facts(path)]}
    else:
        with open_datasource(args.path if isinstance(path, str) else path) as ds:
            layers = []
            for lyr in ds.layers:
                ext = ds.extent(lyr)
                layers.append({
                    "name": lyr.name, "geometry_type": lyr.geometry_type, "dimension": lyr.dimension,
                    "srid": lyr.srid, "feature_count": ds.feature_count(lyr),
                    "extent": list(ext) if ext else None, "view": lyr.is_view,
                    "spatial_index": bool(lyr.spatial_index),
                })
            rasters = []
            for r in ds.rasters:
                facts = raster_facts(r.path)
                facts["name"] = r.name
                rasters.append(facts)
            report = {"path": str(path), "format": ds.format, "layers": layers, "rasters": rasters,
                      "schema": _schema_of(args.path if isinstance(path, str) else path)}
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(f"{report['path']} ({report['format']})")
    if report.get("schema"):
        print(f"  schema version: {report['schema']['describe']}")
    for lyr in report["layers"]:
        ext = lyr["extent"]
        ext_s = "empty" if not ext else "{:.3f},{:.3f} - {:.3f},{:.3f}".format(*ext)
        print(f"  {lyr['name']}: {lyr['geometry_type']} {lyr['dimension']}, SRID {lyr['srid']}, "
              f"{lyr['feature_count']} features, extent {ext_s}")
    for r in report["rasters"]:
        print(f"  raster {r['name']}: {r['width']}x{r['height']}, {r['bands']} band(s) {r['dtype']}, "
              f"{r['crs']}, overviews {r['overviews']}")
    return 0


def _schema_of(target: str | Path) -> dict | None:
    """The schema version of a gisdesk workspace or server for ``info`` (None for other files); reads only."""
    from gisdesk.store.schema_version import schema_version_of

    state = schema_version_of(target)
    return None if state is None else {"revision": state.revision, "head": state.head, "status": state.status,
                                       "describe": state.describe()}


def _date_arg(text: str) -> str:
    """``--today``: a date (2026-11-20), checked here so a bad one is one line and exit 2."""
    from datetime import date

    try:
        date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-20") from None
    return text.strip()


def _cmd_sample(args: argparse.Namespace) -> int:
    from sample_layers.generate import build_workspace

    def progress(step: str, fraction: float) -> None:
        print(f"[{fraction * 100:5.1f}%] {step}", file=sys.stderr, flush=True)

    out = build_workspace(args.out, seed=args.seed, incidents=args.incidents, progress=progress, overwrite=args.force,
                          today=args.today)
    print(out)
    return 0


def _cmd_render(args: argparse.Namespace) -> int:
    from gisdesk.render.cli import render_command
    from gisdesk.store.safe_write import check_export_target

    check_export_target(args.out, [args.db])  # the image never replaces the workspace or another database

    return render_command(args)


def default_workspace() -> Path:
    """Where the demo city lives for this user (built on first run)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("gisdesk")) / "demo" / "hue_demo.sqlite"


def _cmd_app(args: argparse.Namespace) -> int:
    from gisdesk.ui.app import run_app

    from gisdesk.core.layers import is_server_url

    if is_server_url(args.workspace):  # the city server
        return run_app(args.workspace, [Path(d) for d in args.plugins_dir])
    workspace = Path(args.workspace) if args.workspace else default_workspace()
    if not args.workspace and not workspace.exists():
        from sample_layers.generate import build_workspace

        print(f"Building the demo city in {workspace} (first run) …", file=sys.stderr, flush=True)
        workspace.parent.mkdir(parents=True, exist_ok=True)
        build_workspace(workspace)
    return run_app(workspace, [Path(d) for d in args.plugins_dir], language=args.lang)


def _cmd_plugins(args: argparse.Namespace) -> int:
    from gisdesk.plugins.cli import plugins_command

    return plugins_command(args)


def _cmd_plugin_new(args: argparse.Namespace) -> int:
    from gisdesk.plugins.cli import plugin_new_command

    return plugin_new_command(args)


def app_parser() -> argparse.ArgumentParser:
    """Options of ``gisdesk [WORKSPACE]`` (the window)."""
    parser = argparse.ArgumentParser(prog="gisdesk", description="Open the map window.")
    parser.add_argument("workspace", nargs="?", help="workspace to open (default: the demo city, built on first run)")
    parser.add_argument("--plugins-dir", action="append", default=[], metavar="DIR",
                        help="also load the plugins in DIR (repeatable)")
    parser.add_argument("--lang", metavar="CODE", help="language of the window: en, vi or zh_CN (default: the "
                                                       "View > Language setting, else the system's)")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gisdesk", description="Desktop GIS workstation for city management.",
        epilog="also: 'gisdesk export WORKSPACE LAYER OUT' (save a layer as GeoPackage, Shapefile, GeoJSON, "
               "FlatGeobuf, CSV or KML), 'gisdesk print WORKSPACE -o OUT.pdf' (a georeferenced PDF map or an "
               "atlas), 'gisdesk locate WORKSPACE TEXT' (the locator bar's search) and "
               "'gisdesk server init URL' (the city server); each takes --help.")
    sub = parser.add_subparsers(dest="command", metavar="{WORKSPACE,info,sample,render,plugins,plugin,incidents,kpi,"
                                                        "users,tasks,import,export,print,locate,server}",
                                help="a workspace file opens the window (default: the demo city); "
                                     "'gisdesk [--plugins-dir DIR] [WORKSPACE]'")

    p = sub.add_parser("info", help="list the layers and rasters of a SpatiaLite/GeoPackage file or a raster")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="one JSON document instead of text")
    p.set_defaults(func=_cmd_info)

    p = sub.add_parser("sample", help="write the demo city workspace")
    p.add_argument("--out", default="hue_demo.sqlite", help="output file (default: hue_demo.sqlite)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--incidents", type=int, default=20000)
    p.add_argument("--force", action="store_true", help="replace an existing demo workspace")
    p.add_argument("--today", type=_date_arg, default=None, metavar="DATE",
                   help="the day the demo lives in: its history ends then (default: the day it is built)")
    p.set_defaults(func=_cmd_sample)

    p = sub.add_parser("render", help="render layers to a PNG and print phase timings as JSON lines")
    p.add_argument("db")
    p.add_argument("--layers", required=True, help="comma-separated layer names (bottom first)")
    p.add_argument("--size", default="1920x1080")
    p.add_argument("--bbox", help="minx,miny,maxx,maxy in the map CRS (default: full extent)")
    p.add_argument("--crs", help="map CRS, e.g. EPSG:3857 (default: the first layer's)")
    p.add_argument("-o", "--out", required=True)
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--style", help="JSON file: {layer: style} (default: built-in styles)")
    p.add_argument("--no-image-cache", action="store_true", help="re-draw on every repeat (data stays cached)")
    p.add_argument("--no-labels", action="store_true", help="leave the styles' labels out")
    p.set_defaults(func=_cmd_render)

    from gisdesk.plugins.cli import add_plugin_new_arguments, add_plugins_arguments

    p = sub.add_parser("plugins", help="discover and activate the plugins headless and list them")
    add_plugins_arguments(p)
    p.set_defaults(func=_cmd_plugins)
    p = sub.add_parser("plugin", help="plugin development: 'gisdesk plugin new NAME', 'gisdesk plugin validate DIR'")
    plugin_sub = p.add_subparsers(dest="plugin_command", required=True)
    new = plugin_sub.add_parser("new", help="write a working plugin (manifest, panel, command, test)")
    add_plugin_new_arguments(new)
    new.set_defaults(func=_cmd_plugin_new)
    check = plugin_sub.add_parser("validate", help="check a plugin folder's manifest and files without running it "
                                                   "(exit 2 when it would not load)")
    check.add_argument("dir", help="the plugin folder (or its gisdesk-plugin.toml)")
    check.set_defaults(func=lambda a: __import__("gisdesk.plugins.validate", fromlist=["x"]).validate_command(a.dir))

    from gisdesk.incidents_cli import add_arguments as add_incident_arguments

    add_incident_arguments(sub)
    from gisdesk.tasks_cli import add_arguments as add_task_arguments

    add_task_arguments(sub)
    # the city server: 'gisdesk server init URL' ('gisdesk users … URL' is routed in main)
    from gisdesk.server_cli import add_arguments as add_server_arguments

    add_server_arguments(sub)

    from gisdesk.import_cli import add_arguments as add_import_arguments

    add_import_arguments(sub)

    from gisdesk.cases_cli import add_arguments as add_case_arguments  # gisdesk tasks list|show|act

    add_case_arguments(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from gisdesk._runtime import tune_allocator

    tune_allocator()
    if (sys.argv[1:] if argv is None else argv)[:1] == ["locate"]:  # the locator bar for scripts
        from gisdesk.locate_cli import locate_main

        return locate_main((sys.argv[1:] if argv is None else argv)[1:])
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    commands = {"import", "incidents", "info", "kpi", "plugin", "plugins", "render", "sample", "tasks", "users"}
    try:
        if argv[:2] == ["package", "create"]:  # the other 'package' subcommands are the sync engine's
            from gisdesk.package_create_cli import create_main

            return create_main(argv[2:])
        if argv[:1] == ["i18n"]:  # 'gisdesk i18n update|compile|stats' (translation catalogues)
            from gisdesk.i18n_cli import i18n_main

            return i18n_main(argv[1:])
        if argv[:1] == ["migrate"]:  # 'gisdesk migrate WORKSPACE|URL [--dry-run]' (schema versions)
            from gisdesk.migrate_cli import migrate_main

            return migrate_main(argv[1:])
        if argv[:1] == ["export"]:  # 'gisdesk export WORKSPACE LAYER OUT' (save a layer to a file)
            from gisdesk.export_cli import export_main

            return export_main(argv[1:])
        if argv[:1] == ["print"]:  # 'gisdesk print WORKSPACE -o OUT.pdf' (a georeferenced PDF, an atlas)
            from gisdesk.print_cli import print_main

            return print_main(argv[1:])
        if argv[:1] in (["package"], ["sync"]):  # offline packages and their changes (docs/sync.md)
            from gisdesk.package_cli import package_main, sync_main

            return (package_main if argv[0] == "package" else sync_main)(argv[1:])
        if argv[:1] == ["server"] or (argv[:1] == ["users"] and len(argv) > 2
                                      and argv[2].startswith(("postgresql://", "postgres://"))):
            from gisdesk.server_cli import server_main  # the city server; 'users' on a file stays in tasks_cli

            return server_main(parser, argv)
        if not argv or (argv[0] not in commands and argv[0] not in ("-h", "--help")):
            return _cmd_app(app_parser().parse_args(argv))
        args = parser.parse_args(argv)
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into a reader that stopped early (head, less)
        sys.stderr.close()
        return 0
    except Exception as exc:  # one line, exit 2: StoreError, SQLite, OSError, refusals, the unexpected
        return report_failure(exc)


if __name__ == "__main__":
    sys.exit(main())
