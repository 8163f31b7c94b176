"""``gisdesk tasks …``: cases from the command line, for integrations and tests.

* ``gisdesk tasks list WORKSPACE --user U [--state S] [--search TEXT] [--json]``: the
  tasks ``U`` may read, newest first (case number, state, unit, deadline, title).
* ``gisdesk tasks show WORKSPACE CASE [--user U] [--json]``: one task (``CASE`` is its
  UUID or its case number, ``HUE-2026-004213``), its timeline and its callbacks.
* ``gisdesk tasks act WORKSPACE CASE ACTION --user U [--note TEXT] [--unit NAME]
  [--deadline ISO] [--percent N] [--position X,Y] [--photo FILE] [--password-stdin]``:
  take one step of the state machine (``assign``, ``accept``, ``start``, ``report``,
  ``complete``, ``verify``, ``return``, ``reassign``, ``reopen``, ``cancel``) through
  :class:`~gisdesk.store.tasks_store.TaskStore`, so the access policy and the
  transitions are those of the Tasks panel. ``--unit`` is a commune or a department.
  With ``--password-stdin`` the password is read from the first line of standard input
  and checked (:meth:`~gisdesk.store.users_store.UserStore.authenticate`) before anything.

``--user`` names an account of the workspace: its role and unit come from the ``users``
table, and a name the table does not know acts as a viewer. A refused or bad request
prints one line on standard error and exits 2, having changed nothing.

``WORKSPACE`` may be the city server, ``postgresql://LOGIN@HOST/DATABASE``: then the login
role is who acts (``--user``, when given, must name it), the password comes from the URL,
``PGPASSWORD`` or ``~/.pgpass`` (or ``--password-stdin``), and the server's row-level
security holds the jurisdiction as well.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from gisdesk.core.tasks import ACTIONS, STATES


def add_arguments(subparsers: argparse._SubParsersAction) -> None:
    """Add ``tasks list|show|act`` to ``gisdesk``'s subparsers."""
    p = subparsers.add_parser("tasks", help="list, show and act on cases (tasks) from scripts")
    sub = p.add_subparsers(dest="tasks_command", required=True)
    c = sub.add_parser("list", help="the tasks a user may read, newest first")
    c.add_argument("workspace")
    c.add_argument("--user", required=True, help="the account that reads")
    c.add_argument("--state", choices=STATES, action="append", help="only tasks in this state (repeatable)")
    c.add_argument("--search", help="only tasks whose case number or title contains this")
    c.add_argument("--json", action="store_true", help="one JSON array instead of a table")
    c.set_defaults(func=run_tasks)
    c = sub.add_parser("show", help="one task with its timeline and callbacks")
    c.add_argument("workspace")
    c.add_argument("case", metavar="CASE", help="the task's UUID or case number (HUE-2026-004213)")
    c.add_argument("--user", default=None, help="the account that reads (default: a viewer; on a server: the login)")
    c.add_argument("--json", action="store_true", help="one JSON document")
    c.set_defaults(func=run_tasks)
    c = sub.add_parser("act", help="take one step of the task workflow")
    c.add_argument("workspace")
    c.add_argument("case", metavar="CASE", help="the task's UUID or case number")
    c.add_argument("action", metavar="ACTION", choices=ACTIONS, help=", ".join(ACTIONS))
    c.add_argument("--user", required=True, help="the account that acts")
    c.add_argument("--note", help="what was done, or the reason (return, reassign, reopen, cancel)")
    c.add_argument("--unit", help="assign/reassign: the commune or department")
    c.add_argument("--deadline", help="assign/reassign: ISO date-time (default: from the SLA rules)")
    c.add_argument("--percent", type=float, help="report: progress 0-100")
    c.add_argument("--position", help="report/complete: X,Y in the workspace CRS")
    c.add_argument("--photo", help="report/complete: an image file to attach as evidence")
    c.add_argument("--password-stdin", action="store_true", help="read the user's password from standard input")
    c.set_defaults(func=run_tasks)


def task_dict(task: Any) -> dict[str, Any]:
    """A task as JSON-ready values (times in UTC ISO, the area as WKT)."""
    out: dict[str, Any] = {}
    for name, value in vars(task).items():
        if isinstance(value, datetime):
            value = value.strftime("%Y-%m-%dT%H:%M:%SZ")
        elif name == "area":
            name, value = "area_wkt", value.wkt if value is not None else None
        out[name] = value
    return out


def _fields(args: argparse.Namespace, store: Any, task: Any) -> dict[str, Any]:
    from gisdesk.core.incidents import ValidationError

    fields: dict[str, Any] = {}
    if args.note:
        fields["note"] = args.note
    if args.unit:
        unit = args.unit.strip()
        if store.conn.execute("SELECT 1 FROM communes WHERE name = ?", (unit,)).fetchone():
            fields["commune"] = unit
        elif store.conn.execute("SELECT 1 FROM routing_rules WHERE department = ?", (unit,)).fetchone():
            fields["department"] = unit
        else:
            raise ValidationError(f"'{unit}' is neither a commune nor a department of this workspace")
    if args.deadline:
        fields["deadline"] = args.deadline
    if args.percent is not None:
        fields["percent"] = args.percent
    if args.position:
        try:
            x, y = (float(v) for v in args.position.split(","))
        except ValueError:
            raise ValidationError(f"--position must be X,Y (two numbers), not '{args.position}'") from None
        fields["position"] = (x, y)
    if args.photo:
        path = Path(args.photo)
        if not path.is_file():
            raise ValidationError(f"no photo file {args.photo}")
        fields["photo"] = path
    return fields


def _act(args: argparse.Namespace, store: Any) -> int:
    from gisdesk.core.incidents import to_utc

    task = store.find(args.case)
    fields = _fields(args, store, task)
    if "deadline" in fields:
        fields["deadline"] = to_utc(fields["deadline"])
    if "photo" in fields:  # checked by its bytes, kept with the task, then named as the evidence
        path = fields["photo"]
        fields["photo"] = store.attach(task.uuid, path.name, path.read_bytes())
    new = store.transition(task.uuid, args.action, task.version, **fields)
    print(f"{new.case_no or new.uuid}: {args.action} -> {new.state.replace('_', ' ')}")
    return 0


def _list(args: argparse.Namespace, store: Any) -> int:
    rows = store.tasks(state=args.state, search=args.search)
    if args.json:
        print(json.dumps([task_dict(t) for t in rows], ensure_ascii=False, indent=1))
        return 0
    for t in rows:
        due = t.deadline.strftime("%Y-%m-%d %H:%M") if t.deadline else "-"
        print(f"{t.case_no or t.uuid[:8]:<16} {t.state:<12} {(t.commune or t.department or '-')[:28]:<28} "
              f"{due:<16} {t.title}")
    return 0


def _show(args: argparse.Namespace, store: Any) -> int:
    task = store.find(args.case)
    doc = {"task": task_dict(task), "timeline": store.timeline(task.uuid), "callbacks": store.callbacks(task.uuid)}
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=1))
        return 0
    print(f"{task.case_no}  {task.title}\n  {task.state.replace('_', ' ')}, "
          f"{task.commune or task.department or 'unassigned'}, due {doc['task']['deadline'] or '-'}")
    for e in doc["timeline"]:
        print(f"  {e['at']}  {e['who']:<12} {e['action']:<9} {e['note'] or ''}")
    for cb in doc["callbacks"]:
        print(f"  {cb['at']}  {cb['who']:<12} callback  {cb['result']} {cb['note'] or ''}")
    return 0


def _with_password(url: str) -> str:
    """``url`` with the password read from standard input as its ``password`` parameter (kept in memory only)."""
    from urllib.parse import quote

    return f"{url}{'&' if '?' in url else '?'}password={quote(sys.stdin.readline().rstrip(chr(10)), safe='')}"


def run_tasks(args: argparse.Namespace) -> int:
    """Run one ``tasks`` command; exit 0, or 2 with one line on standard error."""
    from gisdesk.core.incidents import ValidationError
    from gisdesk.core.tasks import ConflictError
    from gisdesk.core.users import AuthError, PermissionDenied
    from gisdesk.store.errors import StoreError
    from gisdesk.store.dialect import is_server_url
    from gisdesk.store.tasks_store import TaskStore

    try:
        user = args.user
        if is_server_url(args.workspace):  # the login role acts; a password on stdin joins the URL only
            if getattr(args, "password_stdin", False):
                args.workspace = _with_password(args.workspace)
        else:
            user = user or "gisdesk-cli"
            if getattr(args, "password_stdin", False):
                from gisdesk.store.users_store import UserStore

                with UserStore(args.workspace) as accounts:
                    user = accounts.authenticate(args.user, sys.stdin.readline().rstrip("\n"))
        with TaskStore(args.workspace, user) as store:
            return {"list": _list, "show": _show, "act": _act}[args.tasks_command](args, store)
    except BrokenPipeError:  # the reader (head, less) stopped early: gisdesk's main handles it
        raise
    except KeyError as exc:
        print(f"gisdesk tasks: {exc.args[0] if exc.args else exc}", file=sys.stderr)
    except (AuthError, PermissionDenied, ValidationError, ConflictError, OSError) as exc:
        print(f"gisdesk tasks: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", file=sys.stderr)
    except StoreError as exc:
        print(f"gisdesk tasks: {exc.message}", file=sys.stderr)
    return 2
