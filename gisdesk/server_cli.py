"""``gisdesk server init URL`` and ``gisdesk users add|list|disable URL …`` for the city server.

``gisdesk users`` on a ``postgresql://`` URL manages officers' login roles on the server;
on a workspace file it manages the file's ``users`` table (:mod:`gisdesk.tasks_cli`).
Passwords are read from the terminal (twice) or, with ``--password-stdin``, from the
first line of standard input; they go to PostgreSQL as a SCRAM verifier and gisdesk keeps
nothing of them. Failures print one line (``gisdesk: …``) and exit 2.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from gisdesk.core.users import ROLES
from gisdesk.store.errors import StoreError


def add_arguments(subparsers: argparse._SubParsersAction) -> None:
    """Add ``server`` to ``gisdesk``'s subparsers."""
    p = subparsers.add_parser("server", help="the city server (PostgreSQL/PostGIS): 'gisdesk server init URL'")
    sub = p.add_subparsers(dest="server_command", required=True)
    i = sub.add_parser("init", help="create PostGIS, the gisdesk schema, roles and row-level security "
                                    "in an empty database (safe to run again)")
    i.add_argument("url", help="postgresql://SUPERUSER@HOST/DATABASE")
    i.add_argument("--srid", type=int, default=32648, help="EPSG code of the incident geometries (default 32648)")
    i.add_argument("--force", action="store_true", help="set up beside tables that are not gisdesk's")
    i.set_defaults(func=run_init)
    pub = sub.add_parser("publish", help="copy a workspace's case tables, users and reference layers to a server "
                                         "made by 'server init' (bulk COPY, count check at the end)")
    pub.add_argument("workspace", help="the SpatiaLite workspace (.sqlite)")
    pub.add_argument("url", help="postgresql://SUPERUSER@HOST/DATABASE")
    pub.add_argument("--replace", action="store_true", help="replace the data published before")
    pub.set_defaults(func=run_publish)
    for name, what, func in (("dispatch", "apply the dispatch rules to the incidents stored since the last run",
                              "run_dispatch"),
                             ("escalate", "escalate the open tasks past their deadline", "run_escalate")):
        j = sub.add_parser(name, help=f"{what} (a job for cron, with the owner's rights)")
        j.add_argument("url", help="postgresql://SUPERUSER@HOST/DATABASE")
        j.set_defaults(func=globals()[func])


def run_init(args: argparse.Namespace) -> int:
    from gisdesk.store.server import init_server

    report = init_server(args.url, srid=args.srid, force=args.force)
    made = ", ".join(report.created) if report.created else "none (already there)"
    print(f"gisdesk server ready: tables created: {made}; row-level security on {len(report.secured)} tables; "
          f"group roles {', '.join(report.roles)}")
    return 0


def run_publish(args: argparse.Namespace) -> int:
    from gisdesk.store.server_publish import publish_workspace

    def progress(table: str, done: int, total: int) -> None:
        end = "\n" if done >= total else "\r"
        if end == "\n" or sys.stderr.isatty():
            print(f"{table} {done:,}/{total:,}", end=end, file=sys.stderr, flush=True)

    report = publish_workspace(args.workspace, args.url, replace=args.replace, progress=progress)
    rows = sum(a for a, _ in report.counts.values())
    print(f"published {rows:,} rows in {len(report.counts)} tables ({len(report.layers)} reference layers); "
          "count check: every table matches")
    return 0


def run_dispatch(args: argparse.Namespace) -> int:
    from gisdesk.store.server_jobs import dispatch_pending

    tried = dispatch_pending(args.url)
    made = [case for _, case in tried if case]
    print(f"dispatch: {len(tried):,} new incidents tried, {len(made):,} tasks made"
          + (f" ({', '.join(made[:10])}{' …' if len(made) > 10 else ''})" if made else ""))
    return 0


def run_escalate(args: argparse.Namespace) -> int:
    from gisdesk.store.server_jobs import escalate

    ids = escalate(args.url)
    print(f"escalate: {len(ids):,} overdue tasks escalated")
    return 0


def users_parser() -> argparse.ArgumentParser:
    """``gisdesk users`` on a server URL."""
    parser = argparse.ArgumentParser(prog="gisdesk users", description="Officers' login roles on the city server.")
    sub = parser.add_subparsers(dest="users_command", required=True)
    a = sub.add_parser("add", help="create an officer's own login role (password: PostgreSQL's, SCRAM)")
    a.add_argument("url")
    a.add_argument("username")
    a.add_argument("--role", required=True, choices=ROLES)
    unit = a.add_mutually_exclusive_group()
    unit.add_argument("--commune", help="the commune of a commune officer")
    unit.add_argument("--department", help="the department of a department officer")
    a.add_argument("--display-name", help="the name shown in gisdesk (default: the username)")
    a.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    a.set_defaults(func=_add)
    ls = sub.add_parser("list", help="the officers: login, role, commune or department, active")
    ls.add_argument("url")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)
    d = sub.add_parser("disable", help="stop an officer from signing in and end their sessions")
    d.add_argument("url")
    d.add_argument("username")
    d.set_defaults(func=_disable)
    return parser


def server_main(parser: argparse.ArgumentParser, argv: list[str]) -> int:
    """Run ``gisdesk server …`` (with ``parser``, gisdesk's) or ``gisdesk users … URL`` (``argv`` whole)."""
    args = users_parser().parse_args(argv[1:]) if argv[0] == "users" else parser.parse_args(argv)
    return args.func(args)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    first = getpass.getpass("New password: ")
    if getpass.getpass("Repeat it: ") != first:
        raise StoreError("the two passwords differ; nothing was changed")
    return first


def _add(args: argparse.Namespace) -> int:
    from gisdesk.store.server import add_officer

    add_officer(args.url, args.username, args.role, _password(args.password_stdin), commune=args.commune,
                department=args.department, display_name=args.display_name)
    unit = f" of {args.commune or args.department}" if (args.commune or args.department) else ""
    print(f"added {args.username}: {args.role}{unit}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from gisdesk.store.server import list_officers

    rows = list_officers(args.url)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for r in rows:
        unit = r["commune"] or r["department"] or ""
        state = "active" if r["active"] and r["can_login"] else "disabled"
        print(f"{r['username']}\t{r['role']}\t{unit}\t{state}")
    return 0


def _disable(args: argparse.Namespace) -> int:
    from gisdesk.store.server import disable_officer

    disable_officer(args.url, args.username)
    print(f"disabled {args.username}: it can no longer sign in")
    return 0
