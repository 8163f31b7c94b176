"""``gisdesk package …`` and ``gisdesk sync``: offline packages and their changes, for scripts and USB sticks.

* ``gisdesk package export-changes PACKAGE -o FILE``: the package's changes the source has not
  answered yet (a ``.gdsync`` file, docs/sync.md);
* ``gisdesk package apply-changes SOURCE FILE [--reply OUT]``: the source applies them (each
  change once, ever) and, with ``--reply``, writes its answer for the package at once;
* ``gisdesk package export-changes SOURCE --for PACKAGE_ID|FILE -o OUT``: the source's answer
  and its changes for one package (``--for`` takes the package id or a changes file from it);
* ``gisdesk package apply-changes PACKAGE FILE``: the package applies the source's file;
* ``gisdesk package status PACKAGE [--json]``: the package's identity and change log, with the
  source's answer (and reason) for every change;
* ``gisdesk package create …``: made by ``gisdesk.store.package_create`` (when present);
* ``gisdesk sync PACKAGE [--to SOURCE]``: all of it in one step, both files at hand.

Exit status: 0 when every change was applied (or was identical), 1 when some were refused or
became conflicts (each is listed with its reason, and kept), 2 when nothing could be done
(one line saying why).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _print_report(report: Any) -> int:
    bad = 0
    for r in report.results:
        if r["result"] in ("refused", "conflict"):
            bad += 1
            print(f"  change {r['seq']} ({r['kind']} {str(r['record'])[:8]}): {r['result']}: {r['reason']}")
    counts = report.counts()
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "nothing"
    print(f"{report.user} (package {report.package_id[:8]}): {len(report.results)} change(s): {summary}")
    return 1 if bad else 0


def _is_package(path: str) -> bool:
    from gisdesk.store.base import open_workspace
    from gisdesk.store.package_meta import is_package

    conn = open_workspace(path, read_only=True)
    try:
        return is_package(conn)
    finally:
        conn.close()


def _export(args: argparse.Namespace) -> int:
    from gisdesk.store.sync_down import export_down
    from gisdesk.store.sync_format import read_manifest
    from gisdesk.store.sync_session import export_up

    if _is_package(args.workspace):
        if args.for_package:
            raise ValueError("--for is for a source; this is a package: 'export-changes PACKAGE -o FILE'")
        m = export_up(args.workspace, args.out)
        seqs = f" (seq {m['first_seq']}-{m['last_seq']})" if m["count"] else ""
        print(f"{args.out}: {m['count']} change(s) of {m['user']}{seqs} for {m['source'] or 'the source'}")
        return 0
    if not args.for_package:
        raise ValueError("this workspace is not a package: name the package with --for PACKAGE_ID (or its "
                         "changes file) to write the source's changes for it")
    pid, since, ids = args.for_package, None, None
    if Path(pid).is_file():
        m = read_manifest(pid)
        pid, since = m["package_id"], m.get("since") or ""
        from gisdesk.store.sync_format import read_changes

        ids = [r.get("id") for r in read_changes(args.for_package, None)[1]]
    m = export_down(args.workspace, pid, args.out, since=since, change_ids=ids)
    print(f"{args.out}: {m['count']} record(s) for package {pid[:8]} ({m['user']})")
    return 0


def _apply(args: argparse.Namespace) -> int:
    from gisdesk.store.sync_apply import apply_up
    from gisdesk.store.sync_down import apply_down, export_down

    if _is_package(args.workspace):
        c = apply_down(args.workspace, args.file)
        print(f"{args.workspace}: {c['results']} answer(s), {c['tasks']} task(s), {c['questions']} question(s), "
              f"{c['notifications']} notification(s), {c.get('features', 0)} layer feature(s), {c['conflicts']} "
              "conflict(s) from the source; "
              f"{c['pending']} change(s) still waiting for the source")
        return 0
    report = apply_up(args.workspace, args.file)
    status = _print_report(report)
    if args.reply:
        m = export_down(args.workspace, report.package_id, args.reply, change_ids=[r["id"] for r in report.results])
        print(f"{args.reply}: {m['count']} record(s) for the package")
    return status


def _status(args: argparse.Namespace) -> int:
    from gisdesk.store.sync_session import status

    doc = status(args.workspace)
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=1, default=str))
        return 0
    ident = doc["identity"]
    print(f"package {ident['package_id']} for {ident['user']} from {ident['source']}; made {ident['created_at']}, "
          f"last sync {ident['last_sync'] or 'never'}")
    for r in doc["log"]:
        print(f"  {r['seq']:>5} {r['kind']:<15} {str(r['record'])[:8]} {r['state']:<9} {r['reason'] or ''}")
    return 0


def _create(argv: list[str]) -> int:
    try:
        from gisdesk.store import package_create
    except ImportError:
        print("gisdesk package: 'create' is not part of this build yet", file=sys.stderr)
        return 2
    main = getattr(package_create, "create_main", None)
    if main is not None:  # the module brings its own options
        return int(main(argv) or 0)
    p = argparse.ArgumentParser(prog="gisdesk package create")
    p.add_argument("source")
    p.add_argument("--for", dest="user", required=True)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--commune")
    g.add_argument("--area")
    p.add_argument("--crs")
    p.add_argument("--layers")
    p.add_argument("-o", "--out", required=True)
    p.add_argument("--password-stdin", action="store_true")
    args = p.parse_args(argv)
    kwargs = {k: v for k, v in vars(args).items() if v is not None and k != "password_stdin"}
    if args.password_stdin:
        kwargs["password"] = sys.stdin.readline().rstrip("\n")
    package_create.create_package(**kwargs)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="gisdesk package", description="Offline packages and their changes (docs/sync.md).")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("export-changes", help="write a package's changes, or a source's changes for a package")
    c.add_argument("workspace", metavar="PACKAGE|SOURCE")
    c.add_argument("-o", "--out", required=True, help="the .gdsync file to write")
    c.add_argument("--for", dest="for_package", metavar="PACKAGE_ID|FILE",
                   help="at a source: the package (its id, or a changes file it sent)")
    c.set_defaults(func=_export)
    c = sub.add_parser("apply-changes", help="apply a changes file to the source, or the source's file to a package")
    c.add_argument("workspace", metavar="SOURCE|PACKAGE")
    c.add_argument("file", metavar="FILE")
    c.add_argument("--reply", metavar="OUT", help="at a source: also write its answer for the package to OUT")
    c.set_defaults(func=_apply)
    c = sub.add_parser("status", help="a package's identity and its change log")
    c.add_argument("workspace", metavar="PACKAGE")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_status)
    sub.add_parser("create", help="cut a package for one user from a source (gisdesk package create --help)",
                   add_help=False)
    return p


def package_main(argv: list[str]) -> int:
    """``gisdesk package …`` (``argv`` without ``package``); exit 0, 1 (some changes refused or in
    conflict) or 2 (one line on standard error)."""
    from gisdesk.cli import report_failure

    if argv[:1] == ["create"]:
        try:
            return _create(argv[1:])
        except Exception as exc:
            return report_failure(exc, "gisdesk package")
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except Exception as exc:
        return report_failure(exc, "gisdesk package")


def sync_main(argv: list[str]) -> int:
    """``gisdesk sync PACKAGE [--to SOURCE]`` (``argv`` without ``sync``)."""
    from gisdesk.cli import report_failure

    p = argparse.ArgumentParser(prog="gisdesk sync", description="Send a package's changes to its source and bring "
                                "back the answers and the source's changes (docs/sync.md).")
    p.add_argument("package")
    p.add_argument("--to", dest="source", help="the source workspace or postgresql:// URL (default: the one the "
                   "package came from; on a server its user's own login role applies the changes)")
    p.add_argument("--password-stdin", action="store_true", help="a server: read the login's password from stdin")
    args = p.parse_args(argv)
    try:
        from gisdesk.store.sync_session import sync

        password = None
        if args.password_stdin:  # the password joins the URL in memory only (gisdesk.store.sync_server)
            from gisdesk.store.sync_server import with_password
            from gisdesk.store.sync_session import package_source

            password = sys.stdin.readline().rstrip("\n")
            args.source = with_password(args.source or package_source(args.package), password)
        report, c = sync(args.package, args.source)
        if password:  # the server took it: the same password signs in on the laptop (once set, kept)
            from gisdesk.store.package_server import remember_password

            if remember_password(args.package, report.user, password):
                print(f"{args.package}: {report.user} now signs in on this laptop with their server password")
        status = _print_report(report)
        print(f"{args.package}: {c['tasks']} task(s), {c['questions']} question(s), {c['conflicts']} conflict(s) "
              f"from the source; {c['pending']} change(s) still waiting")
        return status
    except Exception as exc:
        return report_failure(exc, "gisdesk sync")
