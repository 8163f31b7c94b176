"""The sync round trip between a package and its source, by file or in one step.

* :func:`export_up` — the package's unanswered changes as an ``up`` file
  (``gisdesk package export-changes PACKAGE -o FILE``);
* :func:`gisdesk.store.sync_apply.apply_up` — the source applies it
  (``gisdesk package apply-changes SOURCE FILE``);
* :func:`gisdesk.store.sync_down.export_down` — the source's answer and changes for the package
  (``gisdesk package export-changes SOURCE --for PACKAGE -o FILE``);
* :func:`gisdesk.store.sync_down.apply_down` — the package applies that
  (``gisdesk package apply-changes PACKAGE FILE``);
* :func:`sync` — all four through a temporary folder, with both files at hand
  (``gisdesk sync PACKAGE [--to SOURCE]``): exactly the USB path, so both are tested alike.

The package keeps every change in its log until the source has answered it; an
interrupted round leaves the unanswered ones to be sent again, and the source never
applies one twice.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Callable

from gisdesk.core.incidents import iso_utc, utc_now
from gisdesk.store.base import open_workspace, write_transaction
from gisdesk.store.dialect import dialect_of, is_server_url
from gisdesk.store.package_meta import package_peer, read_identity, register_package
from gisdesk.store.sync_apply import ApplyReport, SyncCancelled, apply_up
from gisdesk.store.sync_down import apply_down, export_down
from gisdesk.store.sync_format import ChangesFileError, read_manifest, write_changes
from gisdesk.store.sync_log import collect, ensure_sync_schema, outbox, unacknowledged


def _identity(conn: Any, path: str | os.PathLike[str]) -> dict[str, Any]:
    ident = read_identity(conn)
    if ident is None:
        raise ChangesFileError(f"'{os.path.basename(str(path))}' is not a package (it has no gisdesk_package "
                               "identity): make one with 'gisdesk package create'")
    return ident


def export_up(package: str | os.PathLike[str], out: str | os.PathLike[str]) -> dict[str, Any]:
    """Write the package's unanswered changes (with their sequence numbers) to ``out``; returns the manifest
    (``count`` 0 is a valid file: it still asks the source for its news)."""
    conn = open_workspace(package)
    try:
        ident = _identity(conn, package)
        ensure_sync_schema(conn)
        collect(conn, ident)
        records = unacknowledged(conn)
        seqs = [r["seq"] for r in records]
        manifest = {"direction": "up", "package_id": ident["package_id"], "user": ident["user"],
                    "source": ident["source"], "written_at": iso_utc(utc_now()), "since": ident.get("since") or "",
                    "first_seq": min(seqs) if seqs else None, "last_seq": max(seqs) if seqs else None,
                    "count": len(records)}
        manifest = write_changes(out, manifest, records, ident.get("key") or None)
        with write_transaction(conn):
            conn.executemany("UPDATE gisdesk_sync_out SET sent_at = COALESCE(sent_at, ?) WHERE seq = ?",
                             [(manifest["written_at"], s) for s in seqs])
        return manifest
    finally:
        conn.close()


def status(package: str | os.PathLike[str]) -> dict[str, Any]:
    """The package's identity (without its key) and its change log (``log``: every logged change with its
    state and the source's reason; nothing is ever removed from it)."""
    conn = open_workspace(package)
    try:
        ident = _identity(conn, package)
        ensure_sync_schema(conn)
        collect(conn, ident)
        log = outbox(conn)
        conflicts = [dict(zip(("id", "record_uuid", "reason", "resolved_at"), r)) for r in conn.execute(
            "SELECT id, record_uuid, reason, resolved_at FROM gisdesk_sync_conflicts ORDER BY at")]
    finally:
        conn.close()
    ident = {k: v for k, v in ident.items() if k not in ("key", "local_mark", "area")}
    return {"identity": ident, "log": log, "conflicts": conflicts}


def ensure_registered(source: str | os.PathLike[str], package: str | os.PathLike[str]) -> None:
    """Make sure the source knows the package (both files at hand: ``gisdesk sync``); refuses a package
    whose id the source knows with another key."""
    pconn = open_workspace(package)
    try:
        ident = _identity(pconn, package)
    finally:
        pconn.close()
    conn = open_workspace(source)
    try:
        ensure_sync_schema(conn)
        peer = package_peer(conn, ident["package_id"])
        if peer is None and dialect_of(conn).server:  # registered by `package create`, as the city
            raise ChangesFileError(f"the server knows no package {ident['package_id']} (for {ident['user']}): a "
                                   "package made from the server is registered there when it is made")
        if peer is None:
            with write_transaction(conn):
                register_package(conn, ident)
        elif (peer["key"] or None) != (ident.get("key") or None) or peer["username"] != ident["user"]:
            raise ChangesFileError(f"this workspace knows package {ident['package_id']} with another key or user: "
                                   "it is not the package made here (a copy of an older one?); nothing applied")
    finally:
        conn.close()


#: The steps of :func:`sync`, in order (the names its ``progress`` callback gets).
STEPS: tuple[str, ...] = ("export", "send", "receive")


def sync(package: str | os.PathLike[str], source: str | os.PathLike[str] | None = None,
         folder: str | os.PathLike[str] | None = None, *, progress: Callable[[str, float], Any] | None = None,
         cancelled: Callable[[], bool] | None = None) -> tuple[ApplyReport, dict[str, int]]:
    """Send the package's changes to ``source`` (default: the one it came from) and bring back the answers
    and the source's changes; returns the source's report and the package's counts.

    ``progress(step, fraction)`` follows the :data:`STEPS`. ``cancelled()`` is asked at the safe points
    (before each step, and between the source's batches); when it says yes :class:`SyncCancelled` is
    raised there: each side keeps only whole transactions, and the next sync goes on from there.
    """
    def step(name: str, fraction: float) -> None:
        if progress is not None:
            progress(name, fraction)

    def check(where: str) -> None:
        if cancelled is not None and cancelled():
            raise SyncCancelled(f"cancelled {where}; nothing is half-applied, and the next sync goes on from there")

    pconn = open_workspace(package)
    try:
        ident = _identity(pconn, package)
    finally:
        pconn.close()
    source = source or ident["source"]
    if not source or ("://" in str(source) and not is_server_url(str(source))):
        raise ChangesFileError(f"sync to {source or 'an unknown source'} is not possible: give --to with a "
                               "SpatiaLite workspace or a postgresql:// URL, or use export-changes/apply-changes")
    if not is_server_url(str(source)) and not Path(source).exists():
        raise ChangesFileError(f"the source '{source}' is not there: connect the drive, or give --to SOURCE")
    ensure_registered(source, package)
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        check("before anything was sent")
        step("export", 0.0)
        up = Path(tmp) / "up.gdsync"
        manifest = export_up(package, up)
        step("export", 1.0)
        check("after the package's changes were written, before any was sent")
        step("send", 0.0)
        report = apply_up(source, up, progress=lambda f: step("send", f), cancelled=cancelled)
        step("send", 1.0)
        check("after the source applied the package's changes, before the answers came back")
        step("receive", 0.0)
        down = Path(tmp) / "down.gdsync"
        export_down(source, ident["package_id"], down, since=manifest.get("since") or "",
                    change_ids=[r["id"] for r in report.results])
        step("receive", 0.5)
        counts = apply_down(package, down)
        step("receive", 1.0)
    return report, counts


def package_source(package: str | os.PathLike[str]) -> str:
    """The source the package came from (its ``source`` identity key)."""
    conn = open_workspace(package, read_only=True)
    try:
        return str(_identity(conn, package)["source"] or "")
    finally:
        conn.close()


def file_direction(path: str | os.PathLike[str]) -> str:
    """``up`` or ``down``: which way a changes file goes (read from its manifest)."""
    return str(read_manifest(path).get("direction"))
