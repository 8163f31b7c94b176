"""``gisdesk migrate WORKSPACE|URL [--dry-run]``: bring a workspace or the city server to this gisdesk's schema.

Examples
--------
::

    gisdesk migrate hue.sqlite --dry-run     # what would be done; nothing is written
    gisdesk migrate hue.sqlite               # a backup copy beside it, then one transaction
    gisdesk migrate postgresql://postgres@db.city/gisdesk

The only command that changes a schema (:func:`gisdesk.store.schema_version.migrate`): a
workspace made before schema versions is recognised as the baseline (its tables checked),
stamped, then upgraded; running it again does nothing. A failure is one line on stderr and
exit status 2, and the file or server is left as it was.
"""

from __future__ import annotations

import argparse


def build_parser() -> argparse.ArgumentParser:
    """The options of ``gisdesk migrate``."""
    p = argparse.ArgumentParser(prog="gisdesk migrate",
                                description="Bring a workspace or a gisdesk server to this gisdesk's schema version.")
    p.add_argument("target", help="the workspace (SpatiaLite) or postgresql:// URL (a superuser) to migrate")
    p.add_argument("--dry-run", action="store_true", help="only say what would be done; write nothing")
    return p


def migrate_main(argv: list[str]) -> int:
    """Run ``gisdesk migrate``; returns the exit status (0 done or nothing to do, 2 refused)."""
    from gisdesk.cli import report_failure
    from gisdesk.store.schema_version import migrate

    args = build_parser().parse_args(argv)
    try:
        report = migrate(args.target, dry_run=args.dry_run)
    except Exception as exc:  # one line, exit 2; nothing was changed
        return report_failure(exc)
    before = report.before or "unversioned"
    if not report.changed:
        print(f"{report.target}: schema {before} is current; nothing to do")
        return 0
    if report.dry_run:
        print(f"{report.target}: schema {before}; would apply: {', '.join(report.steps)} (nothing written)")
        return 0
    kept = f"; backup copy {report.backup}" if report.backup else ""
    print(f"{report.target}: schema {before} -> {report.after} ({', '.join(report.steps)}){kept}")
    return 0
