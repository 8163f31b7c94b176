"""Generate the demo-city workspace: a Huế-like city in one SpatiaLite file.

The demo lives today: its history (incidents, camera detections, gauge readings,
tasks, callbacks) ends at the demo's "now" (:func:`demo_now`: the moment it is built,
or noon UTC of a ``today`` date given), so dashboards' default ranges are full, some
tasks are due soon and some overdue. Tests pin ``today`` to stay deterministic.

:func:`build_workspace` writes every map layer (communes, planning zones, the
Perfume River and canals, flood extents and hotspots with gauge readings,
roads, bridges, pumping stations, drains, cameras) and ``N`` historical
incidents in EPSG:32648, plus the flood-depth GeoTIFF beside the file. The
same seed and ``today`` give the same table contents: every random value comes from
``numpy.random.default_rng`` and every timestamp is measured from the demo's "now".
Geometry is built with shapely 2's vectorised functions and written in bulk.

The city is laid out in :mod:`sample_layers._city` (land, water and flood
layers) and :mod:`sample_layers._infra` (roads, bridges, pumps, drains,
cameras, incidents), written by :mod:`sample_layers._writer`; the shared
constants and random helpers are in :mod:`sample_layers._shared`. This module
is the public entry and re-exports those constants.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time, timezone
from pathlib import Path

import numpy as np

from gisdesk.store.connection import SQLITE_HEADER, connect
from gisdesk.store.errors import StoreError
from sample_layers._basemap import add_demo_basemap, basemap_path
from sample_layers._city import build_city
from sample_layers._raster import write_flood_depth
from sample_layers._shared import (
    CENTER, CENTER_LONLAT, CHUNK, EPOCH, EPOCH_TEXT, GENERATOR, LAYER_GROUPS, SCHEMA_VERSION, SRID, Progress,
    uuid4_strings,
)
from sample_layers._writer import SCHEMA, UNIQUE_AFTER_LOAD, _write_database

__all__ = [
    "CENTER", "CENTER_LONLAT", "CHUNK", "EPOCH", "EPOCH_TEXT", "GENERATOR", "LAYER_GROUPS", "SCHEMA",
    "SCHEMA_VERSION", "SRID", "UNIQUE_AFTER_LOAD", "NotAWorkspaceError", "Progress", "build_city",
    "basemap_path", "build_workspace", "demo_now", "raster_path", "uuid4_strings",
]


class NotAWorkspaceError(StoreError):
    """The target file exists and is not a gisdesk workspace, so it is not overwritten."""


def raster_path(out: str | os.PathLike[str]) -> Path:
    """Path of the flood-depth GeoTIFF written beside workspace ``out``."""
    p = Path(out)
    return p.with_name(f"{p.stem}_flood_depth.tif")


def build_workspace(
    out: str | os.PathLike[str],
    seed: int = 7,
    incidents: int = 20000,
    progress: Progress | None = None,
    overwrite: bool = False,
    today: date | datetime | str | None = None,
) -> Path:
    """Write the demo-city SpatiaLite workspace and its flood-depth raster.

    Parameters
    ----------
    out : path-like
        The workspace file to write. An existing file is replaced only with
        ``overwrite`` and only if it is a demo workspace this generator wrote
        (its ``gisdesk_meta`` says so); the new file is written under a
        temporary name in the same folder and moved into place.
    seed : int
        Seed of every random draw; the same seed gives identical table contents.
    incidents : int
        Number of historical incidents (tested up to 1,000,000).
    progress : callable, optional
        Called as ``progress(message, fraction)`` with fraction in [0, 1].
    overwrite : bool
        Replace an existing demo workspace (whatever was added to it is lost).
    today : date, datetime or ISO text, optional
        The day the demo lives in (:func:`demo_now`); default: the day it is built.

    Returns
    -------
    Path
        The workspace path. The raster is ``<stem>_flood_depth.tif`` beside it.

    Raises
    ------
    NotAWorkspaceError
        ``out`` exists and is not a demo workspace, or ``overwrite`` is false;
        it is left untouched.
    StoreError
        mod_spatialite cannot be loaded, or SQLite fails.
    """
    if incidents < 0:
        raise ValueError("incidents must be >= 0")
    out = Path(out).absolute()
    report = progress or (lambda _m, _f: None)
    _check_target(out, overwrite)
    out.parent.mkdir(parents=True, exist_ok=True)
    tag = f".{out.name}.{os.getpid()}.tmp"
    tmp_db = out.with_name(tag)
    tmp_tif = out.with_name(tag + ".tif")
    tmp_tiles = out.with_name(tag + ".mbtiles")
    try:
        for p in (tmp_db, tmp_tif, tmp_tiles):
            p.unlink(missing_ok=True)
        report("Laying out the city", 0.0)
        now = demo_now(today)
        city = build_city(seed, incidents, report, np.datetime64(now.replace(tzinfo=None), "m"))
        report("Writing the flood-depth raster", 0.6)
        tif = raster_path(out)
        stats = write_flood_depth(tmp_tif, city["boundary"], city["river_dist"], city["canal_dist"],
                                  city["coarse_noise"], city["raster_rng"])
        report("Writing the workspace", 0.7)
        _write_database(tmp_db, city, seed, incidents, tif.name, stats, report)
        from gisdesk.store.incidents_store import ensure_schema

        ensure_schema(tmp_db)  # the incident tables the panels use (history, rules, shapes, attachments)
        from gisdesk.store.tasks_store import ensure_tasks_schema
        from sample_layers._tasks import add_demo_callbacks, add_demo_dispatch, add_demo_tasks, add_demo_users

        ensure_tasks_schema(tmp_db)  # tasks, their history, questions and users
        from gisdesk.store.schema_version import migrate

        migrate(tmp_db, backup=False)  # a new workspace is made at this gisdesk's schema version, stamped
        users = add_demo_users(tmp_db)
        add_demo_tasks(tmp_db, users, seed=seed, now=now)
        add_demo_dispatch(tmp_db, now=now)  # rules, and the recent incidents they dispatched
        add_demo_callbacks(tmp_db, seed=seed, now=now)
        report("Drawing the demo basemap", 0.9)
        add_demo_basemap(tmp_db, tmp_tiles, basemap_path(out).name)  # the bottom layer, drawn from these layers
        conn = connect(tmp_db, wal=False)  # the stores opened it in WAL mode: leave a single file
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        conn.close()
        _remove_sidecars(out)
        os.replace(tmp_tif, tif)
        os.replace(tmp_tiles, basemap_path(out))
        os.replace(tmp_db, out)
        _fsync_dir(out.parent)
    finally:
        for p in (tmp_db, tmp_tif, tmp_tiles, Path(f"{tmp_db}-journal")):
            p.unlink(missing_ok=True)
    report("Done", 1.0)
    return out


def demo_now(today: date | datetime | str | None = None) -> datetime:
    """The demo's "now" (UTC, to the second): the current moment when ``today`` is None or is today's date,
    noon UTC of another ``today`` date, or ``today`` itself when it is a date-time.

    Examples
    --------
    >>> demo_now("2026-11-20").isoformat()
    '2026-11-20T12:00:00+00:00'
    """
    from gisdesk.core.incidents import to_utc, utc_now

    current = utc_now()
    if today is None:
        return current
    if isinstance(today, str):
        text = today.strip()
        today = date.fromisoformat(text) if len(text) == 10 else to_utc(text)
    if isinstance(today, datetime):
        return to_utc(today).replace(microsecond=0)
    if today == current.date():
        return current
    return datetime.combine(today, time(12, 0), tzinfo=timezone.utc)


def _check_target(out: Path, overwrite: bool) -> None:
    """Raise :class:`NotAWorkspaceError` unless ``out`` is absent, or a demo workspace and ``overwrite``."""
    if not out.exists():
        return
    hint = "Choose another file name, or move the file away yourself."
    if out.is_dir():
        raise NotAWorkspaceError(f"'{out}' is a folder; nothing was written.", hint)
    with out.open("rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    if head != SQLITE_HEADER:
        raise NotAWorkspaceError(f"'{out.name}' exists and is not an SQLite database; it was not overwritten.", hint)
    try:
        conn = connect(out, read_only=True)
    except StoreError as exc:
        raise NotAWorkspaceError(f"'{out.name}' exists and cannot be read as a workspace ({exc.message}).", hint) from exc
    try:
        found = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'gisdesk_meta'"
        ).fetchone()[0]
        generator = conn.execute("SELECT value FROM gisdesk_meta WHERE key = 'generator'").fetchone() if found else None
    finally:
        conn.close()
    if not found:
        raise NotAWorkspaceError(
            f"'{out.name}' is an SQLite database but not a gisdesk workspace (no gisdesk_meta table); "
            "it was not overwritten.",
            hint,
        )
    if not generator or not str(generator[0]).startswith(GENERATOR.split()[0]):
        raise NotAWorkspaceError(
            f"'{out.name}' is a gisdesk workspace that was not made by 'gisdesk sample'; it was not overwritten.", hint)
    if not overwrite:
        raise NotAWorkspaceError(
            f"'{out.name}' already exists; it was not overwritten.",
            "Pass --force (overwrite=True) to replace this demo workspace; what was added to it is lost.")


def _remove_sidecars(out: Path) -> None:
    """Delete the old file's WAL/journal files so SQLite never replays them onto the new file."""
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)
