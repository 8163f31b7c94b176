"""``gisdesk plugins`` and ``gisdesk plugin new``: the plugin host on the command line.

``gisdesk/cli.py`` wires these in with :func:`add_plugins_arguments` /
:func:`add_plugin_new_arguments` and calls :func:`plugins_command` /
:func:`plugin_new_command`. ``python -m gisdesk.plugins.cli plugins …`` works too.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from gisdesk.plugins.host import HeadlessHost
from gisdesk.plugins.manager import PluginManager
from gisdesk.plugins.manifest import API_VERSIONS


def add_plugins_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``gisdesk plugins``."""
    parser.add_argument("--plugins-dir", action="append", default=[], metavar="DIR",
                        help="also load the plugins in DIR (repeatable)")
    parser.add_argument("--workspace", metavar="PATH", help="a workspace the plugins see while activating")
    parser.add_argument("--json", action="store_true", help="one JSON document instead of text")
    parser.add_argument("-v", "--verbose", action="store_true", help="log plugin messages and tracebacks to stderr")


def add_plugin_new_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``gisdesk plugin new``."""
    parser.add_argument("name", help="plugin name: lower-case letters, digits and _, e.g. flood_watch")
    parser.add_argument("--dir", default=".", help="folder to write the plugin folder into (default: here)")


def plugins_command(args: argparse.Namespace) -> int:
    """Discover and activate the plugins headless, import every declared target, print each one, unload them.

A panel, command, map tool or reader whose ``module:attr`` does not resolve fails its
plugin at phase ``import`` here (in the window it would fail only when first used).

    Returns
    -------
    int
        0 when no plugin failed, 1 when one did (the output says which and why).
    """
    plugin_log = logging.getLogger("gisdesk.plugins")
    handler: logging.Handler = (logging.StreamHandler(sys.stderr) if getattr(args, "verbose", False)
                                else logging.NullHandler())
    plugin_log.addHandler(handler)
    try:
        workspace = getattr(args, "workspace", None)
        host = HeadlessHost(workspace=Path(workspace) if workspace else None)
        manager = PluginManager(host, extra_dirs=getattr(args, "plugins_dir", None) or [],
                                state_dir=getattr(args, "state_dir", None))
        records = manager.start()
        for rec in manager.active:  # what loads lazily in the window is checked here, now
            manager.check_targets(rec.name)
        report = [r.to_dict() for r in records]  # the states after activation, before unloading
        manager.shutdown()
    finally:
        plugin_log.removeHandler(handler)
    if getattr(args, "json", False):
        print(json.dumps({"api_versions": sorted(API_VERSIONS), "plugins": report}, ensure_ascii=False, indent=2))
    else:
        _print_table(report)
    return 1 if any(p["state"] == "failed" for p in report) else 0


def _print_table(report: list[dict]) -> None:
    if not report:
        print("no plugins found")
        return
    rows = [(p["name"], p["version"] or "-", p["source"], p["state"]) for p in report]
    widths = [max(len(r[i]) for r in rows + [("NAME", "VERSION", "SOURCE", "STATE")]) for i in range(4)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    print(fmt.format("NAME", "VERSION", "SOURCE", "STATE").rstrip())
    indent = " " * (sum(widths[:3]) + 6)
    for p, row in zip(report, rows):
        line = fmt.format(*row).rstrip()
        if p["state"] == "failed":
            line += f" at {p['phase']}: {p['error']}"
        elif p["state"] == "disabled" and p["reason"]:
            line += f": {p['reason']}"
        print(line)
        if p["state"] == "failed" and p["path"]:
            print(f"{indent}{p['path']}")
        for warning in p["warnings"]:
            print(f"{indent}warning: {warning}")


def plugin_new_command(args: argparse.Namespace) -> int:
    """Write a new plugin folder; print where and what to do next (exit 2 on a bad name or existing folder)."""
    from gisdesk.plugins.scaffold import ScaffoldError, new_plugin

    try:
        root = new_plugin(args.name, Path(getattr(args, "dir", None) or "."))
    except ScaffoldError as exc:
        print(f"gisdesk: {exc}", file=sys.stderr)
        return 2
    print(root)
    print(f"  try it:     gisdesk plugins --plugins-dir {root.parent}", file=sys.stderr)
    print(f"  in the app: gisdesk --plugins-dir {root.parent}", file=sys.stderr)
    print(f"  its tests:  cd {root} && python -m pytest", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m gisdesk.plugins.cli plugins [...]`` / ``… new NAME [--dir DIR]``."""
    parser = argparse.ArgumentParser(prog="python -m gisdesk.plugins.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("plugins", help="list the plugins, activated headless")
    add_plugins_arguments(p)
    p.set_defaults(func=plugins_command)
    p = sub.add_parser("new", help="write a new plugin")
    add_plugin_new_arguments(p)
    p.set_defaults(func=plugin_new_command)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
