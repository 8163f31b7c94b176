"""``gisdesk kpi …`` and ``gisdesk users …``: task KPIs and user accounts, headless.

``gisdesk/cli.py`` wires both with :func:`add_arguments`.

* ``gisdesk kpi WORKSPACE [--commune NAME | --department NAME] [--category NAME] [--from DATE] [--to DATE] [--json]``
  prints the KPIs of :mod:`gisdesk.core.kpi` (whole city, per commune, per department).
  The file's owner reads everything, so it runs as a read-only viewer, on a read-only
  connection (SQLite ``mode=ro``): it never migrates or writes, and a file that is not a
  gisdesk workspace is refused in one line (exit 2) with its bytes unchanged.
* ``gisdesk users list WORKSPACE``; ``gisdesk users first-admin WORKSPACE NAME``;
  ``gisdesk users add WORKSPACE NAME --role ROLE [--commune C | --department D] --admin ADMIN``.
  ``list`` is read-only like ``kpi``; ``first-admin`` and ``add`` add the user tables only to a
  gisdesk workspace (after ``quick_check``, in one transaction).
  Passwords are read from the terminal (or, with ``--password-stdin``, one per line from
  standard input: the new password, then for ``add`` the administrator's).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any


def add_arguments(subparsers: argparse._SubParsersAction) -> None:
    """Add ``kpi`` and ``users`` to ``gisdesk``'s subparsers."""
    p = subparsers.add_parser("kpi", help="task KPIs: on-time and resolution rates, time to resolve, backlog")
    p.add_argument("workspace", help="the gisdesk workspace (SpatiaLite), or the city server (postgresql://…)")
    p.add_argument("--commune", help="only tasks assigned to this commune")
    p.add_argument("--department", help="only tasks assigned to this department")
    p.add_argument("--category", help="only tasks about incidents of this category")
    p.add_argument("--from", dest="start", help="start of the range (UTC date or date-time, included)")
    p.add_argument("--to", dest="end", help="end of the range (UTC, excluded; default now)")
    p.add_argument("--json", action="store_true", help="one JSON document instead of a table")
    p.set_defaults(func=run_kpi)

    p = subparsers.add_parser("users", help="list users, make the first administrator, add users")
    sub = p.add_subparsers(dest="users_command", required=True)
    c = sub.add_parser("list", help="the users: name, role, commune or department, active")
    c.add_argument("workspace")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=run_users)
    c = sub.add_parser("first-admin", help="make the first administrator of a workspace that has none")
    c.add_argument("workspace")
    c.add_argument("username")
    c.add_argument("--display-name", default="")
    c.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    c.set_defaults(func=run_users)
    c = sub.add_parser("add", help="add a user (as an administrator)")
    c.add_argument("workspace")
    c.add_argument("username")
    c.add_argument("--role", required=True, choices=("administrator", "city_dispatcher", "department_officer",
                                                     "commune_officer", "viewer"))
    c.add_argument("--commune")
    c.add_argument("--department")
    c.add_argument("--display-name", default="")
    c.add_argument("--admin", required=True, help="the administrator adding the user (asked for their password)")
    c.add_argument("--password-stdin", action="store_true",
                   help="read the new password, then the administrator's, from standard input")
    c.set_defaults(func=run_users)


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:.1f} %"


def _hours(v: float | None) -> str:
    return "-" if v is None else f"{v:.1f} h"


def _table(report: dict[str, Any]) -> str:
    lines = [f"Tasks {report['from'] or 'since the start'} to {report['to']}",
             f"  completed        {report['completed']:>8}   on time {report['completed_on_time']} "
             f"({_pct(report['on_time_rate'])})",
             f"  created          {report['created']:>8}   resolved {report['resolved_of_created']} "
             f"({_pct(report['resolution_rate'])})",
             f"  time to resolve  mean {_hours(report['mean_hours_to_resolve'])}, "
             f"90th percentile {_hours(report['p90_hours_to_resolve'])}",
             f"  backlog          {report['backlog']:>8}   overdue {report['overdue']}"]
    if report.get("satisfaction"):  # callbacks: the rate among those who answered, and who was not reached
        s = report["satisfaction"]
        lines.append(f"  satisfaction     {_pct(s['rate']):>8}   of {s['responses']} responses "
                     f"(not reached {s['not_reached']})")
    for key, title in (("by_commune", "Commune"), ("by_department", "Department")):
        rows = report[key]
        if not rows:
            continue
        width = max(len(title), *(len(r["unit"]) for r in rows))
        lines += ["", f"{title:<{width}}  {'backlog':>8} {'overdue':>8} {'done':>8} {'on time':>8}"]
        lines += [f"{r['unit']:<{width}}  {r['backlog']:>8} {r['overdue']:>8} {r['completed']:>8} "
                  f"{_pct(r['on_time_rate']):>8}" for r in rows]
    return "\n".join(lines)


def run_kpi(args: argparse.Namespace) -> int:
    """Print the KPIs; exit 0, or 2 for a bad date or range."""
    from gisdesk.core.incidents import ValidationError
    from gisdesk.core.users import User
    from gisdesk.store.tasks_store import TaskStore

    reader = User("gisdesk-cli", "command line", "viewer")
    try:
        from gisdesk.core.layers import is_server_url

        if is_server_url(args.workspace):  # the city server, as its login role
            from gisdesk.store.pg_datasource import connect_reader, translating_errors
            from gisdesk.store.pg_reports import server_kpis

            with connect_reader(args.workspace) as conn, translating_errors():
                report = server_kpis(conn, args.start, args.end, commune=args.commune,
                                     department=args.department, category=args.category)
        else:
            with TaskStore(args.workspace, reader, read_only=True) as store:
                report = store.kpis(args.start, args.end, commune=args.commune, department=args.department,
                                    category=args.category)
    except (ValidationError, ValueError) as exc:
        print(f"gisdesk kpi: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else _table(report))
    return 0


def _password(prompt: str, from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass(prompt)


def run_users(args: argparse.Namespace) -> int:
    """Run one ``users`` command; exit 0, or 2 when refused."""
    from gisdesk.core.incidents import ValidationError
    from gisdesk.core.users import AuthError, PermissionDenied, User
    from gisdesk.store.tasks_store import ensure_tasks_schema
    from gisdesk.store.users_store import UserStore

    if args.users_command == "list":
        with UserStore(args.workspace, read_only=True) as store:
            has_table = store.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'")
            # the holder of the file reads the table anyway: list every account
            rows = [u.__dict__ for u in store.all_users()] if has_table.fetchone() else []
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=1))
        else:
            for u in rows:
                unit = u["commune"] or u["department"] or ""
                print(f"{u['username']:<16} {u['role']:<20} {unit}{'' if u['active'] else '  (disabled)'}")
        return 0
    ensure_tasks_schema(args.workspace)  # refuses (one line, exit 2) a file that is not a workspace
    try:
        with UserStore(args.workspace) as store:
            password = _password(f"Password for {args.username}: ", args.password_stdin)
            if args.users_command == "first-admin":
                store.create_first_admin(args.username, password, args.display_name)
            else:
                admin = store.authenticate(args.admin, _password(f"Password of {args.admin}: ", args.password_stdin))
                store.create_user(admin, args.username, password, args.role, args.display_name,
                                  args.commune, args.department)
            print(f"added {args.username}")
            return 0
    except (AuthError, PermissionDenied, ValidationError) as exc:
        print(f"gisdesk users: {exc}", file=sys.stderr)
        return 2
