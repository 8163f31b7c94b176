"""``gisdesk locate WORKSPACE TEXT [--json] [--user U] [--limit N]``: the locator bar for scripts.

Prints what the window's locator (Ctrl+K) shows for ``TEXT``: commune, road and place
names, planning projects, incidents (number or external id) and tasks the user may read,
and the readings of ``TEXT`` as a coordinate (lon/lat, DMS, UTM, x/y in the workspace CRS,
VN-2000 Huế), grouped by kind. Read-only: the workspace is opened ``mode=ro``; the search
index is a cache file in the user cache folder (:mod:`gisdesk.store.locator_index`).

The plugins' locator providers answer too (they are activated headless for the user, as in
the window; ``--no-plugins`` leaves them out, ``--plugins-dir DIR`` adds a folder).
``gisdesk/cli.py`` routes ``locate`` here before building its own parser.

Examples
--------
::

    $ gisdesk locate hue_demo.sqlite "phu hoi" --user phu_hoi
    Commune
      Phú Hội                                   Communes · 775571.5, 1821413.5 (EPSG:32648)
    …
    $ gisdesk locate hue_demo.sqlite "16°27'N 107°35'E" --json
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

#: Group titles for the built-in kinds (other kinds are shown capitalised).
KIND_TITLES = {"coordinate": "Coordinates", "commune": "Communes", "road": "Roads", "place": "Places",
               "project": "Planning projects", "incident": "Incidents", "task": "Tasks"}


def build_parser() -> argparse.ArgumentParser:
    """The ``gisdesk locate`` arguments."""
    p = argparse.ArgumentParser(prog="gisdesk locate", description="search a workspace as the locator bar does: "
                                "names, planning projects, incidents, tasks and coordinates")
    p.add_argument("workspace", help="the gisdesk workspace (SpatiaLite)")
    p.add_argument("text", nargs="+", help="what to look for (words are joined with spaces)")
    p.add_argument("--json", action="store_true", help="one JSON document instead of text")
    p.add_argument("--user", default=None,
                   help="search as this account: its role decides which incidents and tasks are shown "
                        "(default: the login name; a name the workspace does not know reads as a viewer)")
    p.add_argument("--limit", type=int, default=8, help="at most this many results of each kind (default 8)")
    p.add_argument("--plugins-dir", action="append", default=[], metavar="DIR",
                   help="also load the plugins in DIR (repeatable); their locator providers answer too")
    p.add_argument("--no-plugins", action="store_true",
                   help="leave the plugins out (faster: only names, cases and coordinates)")
    return p


def locate(workspace: str, text: str, user: str | None = None, limit: int = 8, *, plugins: bool = True,
           plugin_dirs: list | None = None) -> tuple[Any, list]:
    """``(user, [(kind, results), …])`` for ``text`` in ``workspace``.

    With ``plugins`` the plugins (built-in, user folder, entry points and ``plugin_dirs``) are
    activated headless for the signed-in ``user``, as in the window, so their locator providers
    answer too; they are unloaded before returning.
    """
    from gisdesk.core.locator import group_results
    from gisdesk.store.locator_index import locator_for

    loc = locator_for(workspace, user)
    manager = None
    try:
        if plugins:
            manager = _start_plugins(workspace, loc.index.user, plugin_dirs or [])
            loc.providers.extend(manager.registry.locator_providers)
        return loc.index.user, group_results(loc.search(text, limit))
    finally:
        if manager is not None:
            manager.shutdown()
        loc.index.close()


def _start_plugins(workspace: str, user: Any, plugin_dirs: list) -> Any:
    import logging
    from pathlib import Path

    from gisdesk.core.layers import layer_source
    from gisdesk.plugins.host import HeadlessHost
    from gisdesk.plugins.manager import PluginManager

    logging.getLogger("gisdesk.plugins").addHandler(logging.NullHandler())
    host = HeadlessHost(workspace=layer_source(workspace), user=user)  # a file or the city server's URL
    manager = PluginManager(host, extra_dirs=[Path(d) for d in plugin_dirs])
    manager.start()
    return manager


def _where(r: Any) -> str:
    if r.point is None:
        return ""
    if r.crs == "EPSG:4326":
        return ""
    return f"{r.point[0]:.1f}, {r.point[1]:.1f} ({r.crs})"


def locate_main(argv: list[str]) -> int:
    """Run ``gisdesk locate`` with ``argv`` (after ``locate``); 0 found, 1 nothing found, 2 error."""
    from gisdesk.core.text import printable

    args = build_parser().parse_args(argv)
    if args.limit < 1:
        print("gisdesk locate: --limit must be at least 1", file=sys.stderr)
        return 2
    text = " ".join(args.text)
    try:
        user, groups = locate(args.workspace, text, args.user, args.limit, plugins=not args.no_plugins,
                              plugin_dirs=args.plugins_dir)
    except Exception as exc:  # one line, no traceback: a missing file, not SQLite, locked…
        message = getattr(exc, "message", None) or str(exc)
        print(f"gisdesk locate: {printable(message)}", file=sys.stderr)
        hint = getattr(exc, "hint", "")
        if hint:
            print(f"  {hint}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"query": text, "user": user.username, "role": user.role,
                          "groups": [{"kind": k, "results": [r.as_dict() for r in rs]} for k, rs in groups]},
                         ensure_ascii=False))
        return 0 if groups else 1
    if not groups:
        print(f"nothing found for {printable(text)!r}")
        return 1
    for kind, results in groups:
        print(KIND_TITLES.get(kind, kind.replace("_", " ").capitalize()))
        for r in results:
            detail = " · ".join(v for v in (r.detail, _where(r)) if v)
            print(f"  {printable(r.title, 60):<60}  {printable(detail, 120)}")
    return 0
