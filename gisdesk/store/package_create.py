"""``package create``: a SpatiaLite package of one commune or one area, for one user, to work offline.

A package is a gisdesk workspace (it opens in the window like any other) with an extra
table ``gisdesk_package(key, value)``: ``package_id`` (UUID), ``source``, ``user``,
``created_at`` (UTC ISO), ``base`` (JSON: per table, the source's high-water mark at
creation) and ``last_sync`` (``''`` until the first sync). It holds:

* the reference layers clipped to the area (a commune's polygon plus a margin, or a
  box): features inside are copied as they are, features across the border are cut, with
  their SRIDs, R*Tree indexes, layer groups, styles and layer state;
* the rasters cut to the area's box (a GeoTIFF beside the package, ``<stem>_<name>.tif``);
* the incidents, tasks, questions, notifications and their histories, attachments and
  callbacks that the *receiving* user may read (:func:`gisdesk.core.access.read_filter`),
  within the communes the area touches;
* the routing and dispatch rules and SLAs; the accounts the copied rows name, without
  password hashes except the receiving user's (the others cannot sign in on the laptop).

Only a user the access policy lets ``create`` a ``package`` (the city: dispatcher or
administrator) makes one. The source is opened read-only; its one change, when this build
has the sync engine, is the record of the new package (its user and signing key) that lets
the source accept the package's changes later (``sync_session.ensure_registered``), with the
triggers that record the source's reference-layer edits for its packages
(:mod:`gisdesk.store.feature_log`; the layers' columns and rows are untouched). The package
is written to a temporary file beside the target and renamed onto it at the end, and an
existing file is replaced only with ``overwrite=True``.

Examples
--------
>>> report = create_package("hue.sqlite", "phu_hoi.sqlite", for_user="phu_hoi",
...                         signer=("dispatcher", "hue-demo-2026"), commune="Phú Hội")  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from gisdesk.core import access
from gisdesk.core.incidents import iso_utc, utc_now
from gisdesk.core.users import PermissionDenied, User
from gisdesk.store._access_sql import where
from gisdesk.store._package_source import LayerInfo, SpatiaLiteSource, q
from gisdesk.store.connection import connect
from gisdesk.store.errors import StoreError

#: Metres (map units) added around a commune's polygon.
DEFAULT_MARGIN = 500.0
#: Segments per quarter circle of the margin's round corners.
QUAD_SEGS = 16
#: Case tables whose rows carry their unit: ``{table: policy kind}``.
CASE_ROOTS: dict[str, str] = {"incidents": "incident", "tasks": "task", "task_questions": "question",
                              "task_notifications": "notification"}
#: Case tables whose rows follow a parent: ``{table: (policy kind, parent table, child column)}``.
CASE_CHILDREN: dict[str, tuple[str, str, str]] = {
    "incident_lines": ("incident_shape", "incidents", "incident_uuid"),
    "incident_areas": ("incident_shape", "incidents", "incident_uuid"),
    "incident_events": ("incident", "incidents", "incident_uuid"),
    "incident_attachments": ("attachment", "incidents", "incident_uuid"),
    "task_events": ("task", "tasks", "task_uuid"),
    "task_attachments": ("attachment", "tasks", "task_uuid"),
    "task_callbacks": ("callback", "tasks", "task_uuid"),
    "task_answers": ("question", "task_questions", "question_uuid"),
}
_TASK_COMMUNE = ("coalesce(t.commune, (SELECT i.commune FROM src.incidents AS i WHERE i.uuid = t.incident_uuid))")
#: Where a case row is, for the package's area: its commune, else its task's or incident's (a department's task).
_SCOPE: dict[str, str] = {
    "incidents": "s.commune",
    "tasks": _TASK_COMMUNE.replace("t.", "s."),
    "task_questions": "s.commune",
    "task_notifications": f"coalesce(s.commune, (SELECT {_TASK_COMMUNE} FROM src.tasks AS t WHERE t.uuid = s.task_uuid))",
}
#: The one sync table of the source a package takes: the keys of features packages added (its layers need them).
SYNC_COPIED = frozenset({"gisdesk_sync_feature_keys"})
#: Reporters' contacts: only for those who call reporters back (the policy's ``create`` ``callback``).
CONTACTS = "incident_contacts"
#: Tables never copied (sign-in failures are the source's), or written specially.
NOT_COPIED = frozenset({"sign_in_failures", "users", "gisdesk_rasters", "gisdesk_meta", "gisdesk_package",
                        "gisdesk_sync_feature_log"})
#: Columns of the copied rows that name an account (the package gets those accounts, without passwords).
_WHO = {"tasks": ("created_by", "updated_by"), "task_events": ("who",), "incident_events": ("who",),
        "task_questions": ("asked_by",), "task_answers": ("who",), "task_callbacks": ("who",),
        "task_attachments": ("added_by",), "incident_attachments": ("added_by",), "task_notifications": ("read_by",)}
#: The unusable password hash of the accounts copied for their names (verify_password says False).
NO_PASSWORD = "!package"

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class PackageReport:
    """What :func:`create_package` wrote.

    ``counts``: rows per table in the package; ``cut``: features cut at the border per
    reference layer; ``rasters``: the raster files written beside the package;
    ``registered``: whether the source recorded the package for sync (``note`` says why not).
    """

    path: Path
    package_id: str
    user: str
    communes: tuple[str, ...]
    bounds: tuple[float, float, float, float]
    srid: int
    counts: dict[str, int] = field(default_factory=dict)
    cut: dict[str, int] = field(default_factory=dict)
    rasters: tuple[Path, ...] = ()
    size: int = 0
    registered: bool = False
    note: str = ""


class PackageError(StoreError):
    """A package that cannot be made as asked (one line; nothing was written)."""


def create_package(source: str | os.PathLike[str], out: str | os.PathLike[str], *, for_user: str,
                   signer: User | str | tuple[str, str], commune: str | None = None,
                   area: tuple[float, float, float, float] | None = None, crs: str | None = None,
                   layers: list[str] | None = None, progress: Progress | None = None, overwrite: bool = False,
                   margin: float = DEFAULT_MARGIN) -> PackageReport:
    """Write an offline package of ``source`` for ``for_user`` to ``out``.

    Parameters
    ----------
    source : path-like
        A gisdesk SpatiaLite workspace (read-only; never changed).
    out : path-like
        The package file to write (a ``.sqlite``); rasters go beside it.
    for_user : str
        The account that will work on the package (must exist in the source and be active).
    signer : User, str or (username, password)
        Who makes the package: a (username, password) pair is signed in against the source;
        a User or name (already signed in by the caller) is re-read from the source's
        ``users`` table. Must be allowed to ``create`` a ``package``.
    commune : str, optional
        The commune whose polygon (plus ``margin``) is the area.
    area : (minx, miny, maxx, maxy), optional
        A box, in ``crs`` (default: the workspace's map CRS).
    layers : list of str, optional
        The reference layers to include (default: all).
    progress : callable, optional
        ``progress(step, fraction)`` with fraction in [0, 1].
    overwrite : bool
        Replace an existing ``out`` (and its raster files).

    Raises
    ------
    PermissionDenied
        The signer may not make packages (the policy's reason), or the password is wrong.
    PackageError
        A bad area, commune, user or layer name, or an existing target without ``overwrite``.
    """
    if (commune is None) == (area is None):
        raise PackageError("give either a commune or an area (minx,miny,maxx,maxy), not both or neither")
    if str(source).startswith(("postgresql://", "postgres://")):  # the city server: gisdesk.store.package_server
        from gisdesk.store.package_server import create_from_server

        return create_from_server(str(source), out, for_user=for_user, signer=signer, commune=commune, area=area,
                                  crs=crs, layers=layers, progress=progress, overwrite=overwrite, margin=margin)
    out = Path(out)
    say = progress or (lambda step, fraction: None)
    src_path = Path(source)
    if out.exists() and not overwrite:
        raise PackageError(f"'{out.name}' exists; it was not replaced.", "Choose another name, or pass --overwrite.")
    if out.exists() and src_path.exists() and os.path.samefile(out, src_path):
        raise PackageError(f"'{out.name}' is the source workspace; a package never writes over it")
    with SpatiaLiteSource(src_path) as src:
        signed = _sign_in(src, signer)
        access.require(signed, "create", "package")
        receiver = _receiver(src, for_user)
        srid = src.map_srid()
        for name, _, _, _ in src.rasters():
            beside = out.with_name(f"{out.stem}_{name}.tif")
            if beside.exists() and not overwrite:
                raise PackageError(f"'{beside.name}' exists; it was not replaced.",
                                   "Choose another name, or pass --overwrite.")
        wkb, communes = _area(src, srid, commune, area, crs, margin)
        say("area", 0.02)
        tmp = Path(tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)[1])
        raster_tmps: list[tuple[Path, Path]] = []
        published: list[Path] = []
        try:
            tmp.unlink()
            report_bits = _write(src, tmp, out, receiver, wkb, srid, communes, layers, say, raster_tmps)
            from gisdesk.store.schema_version import migrate

            migrate(tmp, backup=False)  # made at this gisdesk's schema version, stamped
            say("finishing", 0.98)
            for part, final in raster_tmps:  # the rasters first: a package on disk has its rasters
                _publish(part, final, overwrite)
                published.append(final)
            _publish(tmp, out, overwrite)
        except BaseException:
            tmp.unlink(missing_ok=True)
            for part, _ in raster_tmps:
                part.unlink(missing_ok=True)
            if not overwrite:  # they were not there before
                for final in published:
                    final.unlink(missing_ok=True)
            raise
    note = _register(src_path, out)
    say("done", 1.0)
    counts, cut, package_id, bounds = report_bits
    return PackageReport(out, package_id, receiver.username, tuple(communes), bounds, srid, counts, cut,
                         tuple(final for _, final in raster_tmps), out.stat().st_size, not note, note)


def _register(source: Path, package: Path) -> str:
    """Tell the source about the new package (its user and signing key), when this build has the sync engine.

    The one change ``package create`` makes to the source: a row in the sync engine's table of
    packages, so the source accepts the package's changes files. Returns ``''``, or why not.
    """
    import importlib.util

    if importlib.util.find_spec("gisdesk.store.sync_session") is None:
        return "this build has no sync engine: nothing was recorded in the source"
    try:
        from gisdesk.store.sync_session import ensure_registered

        ensure_registered(source, package)
    except Exception as exc:  # a read-only or busy source: the package stands; 'gisdesk sync' records it later
        return (f"the source did not record the package ({str(exc).splitlines()[0]}); "
                "'gisdesk sync' with both files records it")
    return ""


def _sign_in(src: SpatiaLiteSource, signer: User | str | tuple[str, str]) -> User:
    from gisdesk.core.users import AuthError
    from gisdesk.store.users_store import UserStore, resolve_user

    if isinstance(signer, tuple):
        try:
            try:  # a sign-in with nothing to record leaves the source as it was (not even its journal mode)
                with UserStore(src.path, read_only=True) as accounts:
                    return accounts.authenticate(*signer)
            except AuthError:
                raise
            except Exception:  # a failed attempt to count, or a stronger hash to store: as every sign-in does
                with UserStore(src.path) as accounts:
                    return accounts.authenticate(*signer)
        except AuthError as exc:
            raise PermissionDenied(str(exc)) from None
    return resolve_user(src.conn, signer)


def _receiver(src: SpatiaLiteSource, name: str) -> User:
    from gisdesk.store.users_store import resolve_user

    row = src.conn.execute("SELECT active FROM users WHERE username = ?", (name,)).fetchone() \
        if "users" in src.tables() else None
    if row is None:
        raise PackageError(f"there is no account named {name!r} in '{src.path.name}'")
    if not row[0]:
        raise PackageError(f"the account {name!r} is deactivated; a package for it would hold nothing")
    return resolve_user(src.conn, name)


def _area(src: SpatiaLiteSource, srid: int, commune: str | None, box: tuple | None, crs: str | None,
          margin: float) -> tuple[bytes, list[str]]:
    """The area (WKB in the map SRID) and the communes it touches."""
    import shapely

    if commune is not None:
        wkb = src.commune_wkb(commune)
        if wkb is None:
            names = [r[0] for r in src.conn.execute("SELECT name FROM communes ORDER BY name LIMIT 8")]
            raise PackageError(f"there is no commune named {commune!r}; some are: {', '.join(names)}")
        shape = shapely.from_wkb(wkb)
        if margin:
            shape = shapely.buffer(shape, margin, quad_segs=QUAD_SEGS)
        return shapely.to_wkb(shape), [commune]
    minx, miny, maxx, maxy = (float(v) for v in box)
    if not (minx < maxx and miny < maxy):
        raise PackageError("the area must be minx,miny,maxx,maxy with minx < maxx and miny < maxy")
    if crs:
        from pyproj import CRS, Transformer

        try:
            t = Transformer.from_crs(CRS.from_user_input(crs), CRS.from_epsg(srid), always_xy=True)
        except Exception as exc:  # pyproj.exceptions.CRSError
            raise PackageError(f"unknown CRS {crs!r} ({exc})") from None
        minx, miny, maxx, maxy = t.transform_bounds(minx, miny, maxx, maxy)
    wkb = shapely.to_wkb(shapely.box(minx, miny, maxx, maxy))
    communes = src.communes_touching(wkb, srid)
    if not communes:
        raise PackageError(f"the area {minx:.0f},{miny:.0f},{maxx:.0f},{maxy:.0f} (EPSG:{srid}) meets no commune "
                           "of the workspace: check the coordinates and --crs")
    return wkb, communes


def _write(src: SpatiaLiteSource, tmp: Path, out: Path, user: User, wkb: bytes, srid: int, communes: list[str],
           layers: list[str] | None, say: Progress, raster_tmps: list) -> tuple:
    import shapely

    bounds = tuple(float(v) for v in shapely.bounds(shapely.from_wkb(wkb)))
    pkg = connect(tmp, create=True, wal=False)
    try:
        pkg.execute("PRAGMA foreign_keys = OFF")  # rows go in parent-last order; checked at the end
        pkg.execute("SELECT InitSpatialMetadata(1, 'NONE')")  # its own transaction; SRSs copied below
        internal = {r[0].lower() for r in pkg.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        src.attach(pkg)  # outside a transaction, as SQLite requires
        pkg.execute("BEGIN")
        pkg.execute("INSERT OR IGNORE INTO main.spatial_ref_sys SELECT * FROM src.spatial_ref_sys WHERE srid IN "
                    "(SELECT srid FROM src.geometry_columns)")
        tables = src.tables()
        app = set(CASE_ROOTS) | set(CASE_CHILDREN) | {CONTACTS} | NOT_COPIED
        refs = src.reference_layers(app)
        if layers:
            wanted = {name.lower() for name in layers}
            unknown = wanted - {lyr.table.lower() for lyr in refs}
            if unknown:
                raise PackageError(f"no reference layer {', '.join(sorted(unknown))}; layers: "
                                   f"{', '.join(lyr.table for lyr in refs)}")
            # the communes always travel: routing a new incident by its location needs them
            refs = [lyr for lyr in refs if lyr.table.lower() in wanted | {"communes"}]
        counts: dict[str, int] = {}
        cut: dict[str, int] = {}
        area_sql, area_params = "GeomFromWKB(?, ?)", [wkb, srid]
        for i, lyr in enumerate(refs):
            say(f"layer {lyr.table}", 0.05 + 0.55 * i / max(len(refs), 1))
            src.create_like(pkg, lyr.table)
            done = src.copy_layer(pkg, lyr, area_sql, bounds, area_params)
            src.finish_like(pkg, lyr.table)
            counts[lyr.table], cut[lyr.table] = done.kept, done.cut
        say("cases", 0.62)
        copied = {lyr.table.lower() for lyr in refs}
        _copy_cases(src, pkg, user, communes, tables, counts)
        copied |= {t for t in counts}
        say("reference tables", 0.75)
        skipped_layers = {lyr.table.lower() for lyr in src.reference_layers(app)} - copied
        for low, name in sorted(tables.items()):
            if low in internal or low in app or low in copied or low in skipped_layers or _is_internal(low):
                continue
            if low.startswith("gisdesk_sync") and low not in SYNC_COPIED:
                continue  # the source's sync state: other packages' signing keys, changes and conflicts
            if any(parent.lower() in skipped_layers for _, parent, _ in src.foreign_parents(name)):
                continue  # the attributes of a layer left out (gauge readings without their gauges)
            src.create_like(pkg, name)
            counts[name] = _copy_reference_table(src, pkg, name, copied | {low})
            src.finish_like(pkg, name)
            copied.add(low)
        if "dispatch_rules" in copied:
            # automatic dispatch belongs to the source: a task a rule made on the laptop would never travel
            # (the sync engine refuses tasks created in a package); the rules stay visible, switched off
            pkg.execute("UPDATE main.dispatch_rules SET enabled = 0")
        _copy_meta(src, pkg, tables)
        _layer_state(src, pkg, out, copied)
        for name, sql in src.views(copied):
            if name.lower() not in internal:
                pkg.execute(sql)
        counts["users"] = _copy_users(src, pkg, user, copied)
        say("rasters", 0.8)
        _cut_rasters(src, pkg, out, bounds, raster_tmps)
        package_id = str(uuid.uuid4())
        identity = {"package_id": package_id, "source": src.location, "user": user.username,
                    "created_at": iso_utc(utc_now()), "last_sync": "", "area": f"{srid};{wkb.hex()}",
                    "base": json.dumps({t: src.high_water(tables[t]) for t in sorted(app & set(tables))
                                        if t not in ("gisdesk_package", "gisdesk_rasters", "gisdesk_meta",
                                                     "sign_in_failures")}, sort_keys=True)}
        _write_identity(pkg, identity)
        pkg.execute("COMMIT")
        pkg.execute("DETACH DATABASE src")
        # a case row may name a camera (or other feature) outside the area: only those references may dangle
        outside = {lyr.table.lower() for lyr in src.reference_layers(app)}
        bad = [r for r in pkg.execute("PRAGMA foreign_key_check").fetchall() if str(r[2]).lower() not in outside]
        if bad:
            raise PackageError(f"the package would refer to rows it does not hold ({bad[0][0]} → {bad[0][2]})")
        pkg.execute("ANALYZE")
    except BaseException:
        if pkg.in_transaction:
            pkg.execute("ROLLBACK")
        raise
    finally:
        pkg.close()
    return counts, cut, package_id, bounds


#: SpatiaLite's own metadata tables (the package has its own), by name prefix.
_SPATIALITE_META = ("geometry_columns", "views_geometry_columns", "virts_geometry_columns", "spatial_ref_sys",
                    "spatialite_", "sql_statements_log", "vector_coverages", "raster_coverages", "wms_", "topologies",
                    "networks", "se_", "rl2map_", "data_licenses", "iso_metadata", "spatialindex",
                    "elementarygeometries", "knn", "sqlite_", "idx_")


def _is_internal(low: str) -> bool:
    """SQLite's or SpatiaLite's own table, or the R*Tree of a spatial index (``idx_<table>_<column>``)."""
    return low.startswith(_SPATIALITE_META)


def _copy_cases(src: SpatiaLiteSource, pkg: Any, user: User, communes: list[str], tables: dict[str, str],
                counts: dict[str, int]) -> None:
    """The case rows ``user`` may read (the access policy's filter), within the package's communes."""
    marks = ", ".join("?" for _ in communes)
    for table, kind in CASE_ROOTS.items():
        if table not in tables:
            continue
        cond, params = where(access.read_filter(user, kind), {c: f"s.{q(c)}" for c in ("commune", "department",
                                                                                     "to_department", "to_role")})
        src.create_like(pkg, tables[table])
        counts[table] = src.copy_rows(pkg, tables[table], f"({cond}) AND {_SCOPE[table]} IN ({marks})",
                                      [*params, *communes])
        src.register_geometry(pkg, tables[table])
        src.finish_like(pkg, tables[table])
    children = dict(CASE_CHILDREN)
    if CONTACTS in tables and access.decide(user, "create", "callback"):
        children[CONTACTS] = ("incident", "incidents", "incident_uuid")
    for table, (kind, parent, column) in children.items():
        if table not in tables or parent not in counts:
            continue
        # the child kind's filter, on the parent's columns (the policy: a shape's commune is its incident's)
        cond, params = where(access.read_filter(user, kind),
                             {c: f"(SELECT p.{q(c)} FROM src.{q(parent)} AS p WHERE p.uuid = s.{q(column)})"
                              for c in ("commune", "department", "to_department", "to_role")})
        src.create_like(pkg, tables[table])
        counts[table] = src.copy_rows(pkg, tables[table], f"({cond}) AND s.{q(column)} IN "
                                      f"(SELECT uuid FROM main.{q(parent)})", params)
        src.register_geometry(pkg, tables[table])
        src.finish_like(pkg, tables[table])


def _copy_reference_table(src: SpatiaLiteSource, pkg: Any, table: str, copied: set[str]) -> int:
    """A non-spatial reference table, whole; rows pointing (foreign key) at a clipped layer follow it."""
    conds = []
    for column, parent, key in src.foreign_parents(table):
        if parent.lower() in copied:
            conds.append(f"s.{q(column)} IN (SELECT {q(key)} FROM main.{q(parent)})")
    return src.copy_rows(pkg, table, " AND ".join(conds) or "1")


def _copy_meta(src: SpatiaLiteSource, pkg: Any, tables: dict[str, str]) -> None:
    if "gisdesk_meta" not in tables:
        pkg.execute("CREATE TABLE gisdesk_meta (key TEXT PRIMARY KEY, value TEXT)")
        return
    src.create_like(pkg, tables["gisdesk_meta"])
    # 'generator' would let 'gisdesk sample --force' replace the package as its own output
    src.copy_rows(pkg, tables["gisdesk_meta"], "s.key != 'generator'")


def _layer_state(src: SpatiaLiteSource, pkg: Any, out: Path, copied: set[str]) -> None:
    """The layer tree's saved state, its keys moved from the source's file names to the package's."""
    if "gisdesk_layer_state" not in copied:
        return
    old, new = src.path.name, out.name
    pkg.execute("DELETE FROM main.gisdesk_layer_state WHERE kind = 'vector' AND (source != ? OR lower(name) NOT IN "
                f"({', '.join('?' for _ in copied)}))", [old, *sorted(copied)])
    pkg.execute("UPDATE main.gisdesk_layer_state SET source = ?, layer_key = 'vector:' || ? || ':' || lower(name) "
                "WHERE kind = 'vector'", (new, new))
    rasters = {path.name: f"{out.stem}_{name}{_raster_suffix(path)}" for name, path, _, _ in src.rasters()}
    pkg.execute(f"DELETE FROM main.gisdesk_layer_state WHERE kind = 'raster' AND source NOT IN "
                f"({', '.join('?' for _ in rasters) or 'NULL'})", list(rasters))
    for before, after in rasters.items():
        pkg.execute("UPDATE main.gisdesk_layer_state SET source = ?, layer_key = 'raster:' || ?, name = ? "
                    "WHERE kind = 'raster' AND source = ?", (after, after, Path(after).stem, before))


def _copy_users(src: SpatiaLiteSource, pkg: Any, user: User, copied: set[str]) -> int:
    """The receiving user (with their password hash) and the accounts the copied rows name (without)."""
    src.create_like(pkg, "users")
    named = [f"SELECT {q(c)} FROM main.{q(t)}" for t, cols in _WHO.items() if t in copied for c in cols]
    names = " UNION ".join(named) or "SELECT NULL"
    pkg.execute("INSERT INTO main.users SELECT username, display_name, role, commune, department, "
                "CASE WHEN username = ? THEN pw_hash ELSE ? END, active, created_at FROM src.users "
                f"WHERE username = ? OR username IN ({names})", (user.username, NO_PASSWORD, user.username))
    pkg.execute("CREATE TABLE IF NOT EXISTS sign_in_failures (username TEXT PRIMARY KEY, count INTEGER NOT NULL, "
                "last_at TEXT NOT NULL)")
    return pkg.execute("SELECT count(*) FROM main.users").fetchone()[0]


def _raster_suffix(path: Path) -> str:
    """A cut raster is a GeoTIFF; a basemap keeps its tile format (.mbtiles, .pmtiles)."""
    from gisdesk.store.tiles import is_tile_file

    return path.suffix.lower() if is_tile_file(path) else ".tif"


def _cut_rasters(src: SpatiaLiteSource, pkg: Any, out: Path, bounds: tuple, raster_tmps: list) -> None:
    """Each referenced raster cut to the area's box (a rasterio window), written beside the package."""
    from gisdesk.store._package_raster import cut_raster

    pkg.execute("CREATE TABLE gisdesk_rasters (name TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT, grp TEXT)")
    from gisdesk.store.tiles import is_tile_file

    for name, path, title, grp in src.rasters():
        if not path.exists():
            continue
        final = out.with_name(f"{out.stem}_{name}{_raster_suffix(path)}")
        part = out.with_name(f".{final.name}.part")
        if is_tile_file(path):  # the offline basemap travels whole: the responder's map outside the area too
            import shutil

            shutil.copyfile(path, part)
            raster_tmps.append((part, final))
            pkg.execute("INSERT INTO gisdesk_rasters VALUES (?, ?, ?, ?)", (name, final.name, title, grp))
        elif cut_raster(path, part, bounds):
            raster_tmps.append((part, final))
            pkg.execute("INSERT INTO gisdesk_rasters VALUES (?, ?, ?, ?)", (name, final.name, title, grp))


def _write_identity(pkg: Any, identity: dict[str, str]) -> None:
    try:
        from gisdesk.store import package_meta  # the sync engine's own writer, once it is merged
    except ImportError:
        package_meta = None
    if package_meta is not None:  # it also records the package's change mark and signing key
        package_meta.write_identity(pkg, **{**identity, "base": json.loads(identity["base"])})
    else:
        _write_identity_fallback(pkg, identity)


def _write_identity_fallback(pkg: Any, identity: dict[str, str]) -> None:
    """``gisdesk_package(key, value)`` with the identity keys (until ``gisdesk.store.package_meta`` is merged)."""
    pkg.execute("CREATE TABLE gisdesk_package (key TEXT PRIMARY KEY, value TEXT)")
    pkg.executemany("INSERT INTO gisdesk_package VALUES (?, ?)", sorted(identity.items()))


def read_identity(path: str | os.PathLike[str]) -> dict[str, str] | None:
    """The ``gisdesk_package`` keys of the file at ``path``, or None when it is not a package."""
    conn = connect(path, read_only=True, spatialite=False)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gisdesk_package'").fetchone():
            return None
        return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM gisdesk_package")}
    finally:
        conn.close()


def _publish(part: Path, final: Path, overwrite: bool) -> None:
    """Move the finished file onto its name in one step (never onto a file that appeared meanwhile)."""
    with open(part, "rb") as fh:
        os.fsync(fh.fileno())
    if overwrite:
        os.replace(part, final)
        return
    try:
        os.link(part, final)
    except FileExistsError:
        raise PackageError(f"'{final.name}' appeared while the package was written; it was not replaced") from None
    except OSError:  # no hard links (a FAT or exFAT USB stick): check, then rename
        if final.exists():
            raise PackageError(f"'{final.name}' appeared while the package was written; it was not replaced") from None
        os.replace(part, final)
        return
    part.unlink()
