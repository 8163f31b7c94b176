"""SQLite connections with mod_spatialite loaded, raw and through SQLAlchemy.

The standard :mod:`sqlite3` of many Python builds cannot load extensions; where
it cannot, ``sqlean`` (PyPI ``sqlean.py``, a drop-in ``sqlite3``) is used. Every
connection gets ``mod_spatialite``, a busy timeout and foreign keys.

A writable connection switches the file to WAL only when it is a gisdesk workspace
(:func:`workspace_problem`) that passes ``PRAGMA quick_check`` (:func:`require_healthy`):
a GeoPackage, a SpatiaLite file made by ogr2ogr or QGIS, or a damaged file keeps its
journal mode and its bytes.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

from gisdesk.store.errors import (
    DamagedDatabaseError,
    DiskFullError,
    NotADatabaseError,
    NotAWorkspaceError,
    ReadOnlyError,
    SpatialiteMissingError,
    StoreError,
    WorkspaceBusy,
)

#: Environment variable naming the mod_spatialite library to load.
SPATIALITE_ENV = "GISDESK_MOD_SPATIALITE"
#: How long (ms) a connection waits for another writer's lock: SQLite's busy handler retries
#: until then, and the store raises :class:`~gisdesk.store.errors.WorkspaceBusy` after it.
DEFAULT_BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"
#: SQLite's primary result codes this module tells apart (``exc.sqlite_errorcode & 0xff``).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 5, 6, 8, 11, 13, 26

INSTALL_HINT = (
    "Install SpatiaLite's SQLite extension: "
    "'sudo apt-get install libsqlite3-mod-spatialite' on Debian/Ubuntu; "
    "'conda install -c conda-forge libspatialite' (any system), 'brew install libspatialite' on macOS "
    "or OSGeo4W's spatialite package on Windows; or set GISDESK_MOD_SPATIALITE to the "
    "full path of mod_spatialite."
)


def sqlite_module() -> ModuleType:
    """The DB-API module to use: standard ``sqlite3`` if it can load extensions, else ``sqlean``."""
    if hasattr(sqlite3.Connection, "enable_load_extension"):
        return sqlite3
    try:
        import sqlean
    except ImportError as exc:  # pragma: no cover - sqlean is a hard dependency
        raise SpatialiteMissingError(
            "This Python's sqlite3 cannot load extensions and sqlean.py is not installed.",
            "pip install sqlean.py",
        ) from exc
    return sqlean


def spatialite_candidates(platform: str | None = None, env: dict | None = None) -> list[str]:
    """Where mod_spatialite may be, most likely first, for ``platform`` (``sys.platform``).

    ``GISDESK_MOD_SPATIALITE``; then the active conda environment (conda-forge's
    ``libspatialite``: ``Library/bin`` on Windows, ``lib`` elsewhere); on Windows OSGeo4W
    (``OSGEO4W_ROOT``, ``C:/OSGeo4W``); on macOS Homebrew and MacPorts; and last the bare name,
    which the system's loader looks up on its own path (Debian's ``/usr/lib/<arch>``).
    """
    import sys

    platform = platform or sys.platform
    env = os.environ if env is None else env
    out: list[str] = []
    if env.get(SPATIALITE_ENV):
        out.append(env[SPATIALITE_ENV])
    prefixes = [env.get("CONDA_PREFIX", "")]
    if platform == "win32":
        out += [str(Path(p) / "Library" / "bin" / "mod_spatialite.dll") for p in prefixes if p]
        out += [str(Path(root) / "bin" / "mod_spatialite.dll")
                for root in (env.get("OSGEO4W_ROOT", ""), "C:/OSGeo4W", "C:/OSGeo4W64") if root]
    elif platform == "darwin":
        out += [str(Path(p) / "lib" / "mod_spatialite.dylib") for p in prefixes if p]
        out += ["/opt/homebrew/lib/mod_spatialite.dylib", "/usr/local/lib/mod_spatialite.dylib",
                "/opt/local/lib/mod_spatialite.dylib"]
    else:
        out += [str(Path(p) / "lib" / "mod_spatialite.so") for p in prefixes if p]
    out.append("mod_spatialite")
    return out


def spatialite_library() -> str:
    """Name or path of the mod_spatialite library: the first of :func:`spatialite_candidates` that
    exists (``GISDESK_MOD_SPATIALITE`` always wins), else the bare name for the system's loader."""
    found = spatialite_candidates()
    if os.environ.get(SPATIALITE_ENV):
        return found[0]
    for cand in found[:-1]:
        if Path(cand).is_file():
            if os.name == "nt":  # its DLLs (GEOS, PROJ, …) sit beside it
                try:
                    os.add_dll_directory(str(Path(cand).parent))
                except (AttributeError, OSError):
                    pass
            return cand
    return found[-1]


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def translate_error(exc: Exception, path: str | os.PathLike[str]) -> Exception:
    """Turn a DB-API error into a :class:`StoreError` with a hint, where one applies."""
    text = str(exc).lower()
    code = _code(exc)
    name = Path(path).name
    if code == SQLITE_FULL or "disk is full" in text:
        return DiskFullError(
            f"The disk is full: SQLite could not write to '{name}'.",
            "Free some space on the disk that holds the workspace and try again; the change was not saved "
            "and the workspace holds what it held before.",
        )
    if code == SQLITE_CORRUPT or "malformed" in text or "corrupt" in text:
        return DamagedDatabaseError(
            f"'{name}' is damaged: SQLite says '{exc}'.",
            "Restore it from a backup; 'sqlite3 FILE .recover' may rescue part of it. "
            "gisdesk has not written to it.",
        )
    if code == SQLITE_NOTADB or "not a database" in text or "file is encrypted" in text:
        return NotADatabaseError(f"'{name}' is not an SQLite database.", "Choose a SpatiaLite (.sqlite) or GeoPackage (.gpkg) file.")
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in text or "busy" in text:
        return WorkspaceBusy(
            f"'{name}' is busy: another program is writing to it (it is locked); try again.",
            "Close the other program (QGIS, another gisdesk, a sqlite shell) or wait until its import "
            "or save is done; nothing was changed.",
        )
    if code == SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return ReadOnlyError(
            f"'{name}' is open read-only; nothing was changed.",
            "Open a writable copy, or check the file's permissions.",
        )
    if isinstance(exc, (sqlite3.Error, sqlite_module().Error)):
        # Any other SQLite error still gets a message naming the file, never a bare traceback.
        return StoreError(f"SQLite could not read '{name}': {exc}.",
                          "Check that the file is a complete SpatiaLite or GeoPackage file.")
    return exc


def workspace_problem(conn: Any, *, gisdesk: bool = True) -> str | None:
    """Why the database behind ``conn`` is not a gisdesk workspace, or None when it is one.

    A gisdesk workspace is a SpatiaLite file (it has ``geometry_columns`` and
    ``spatial_ref_sys``, and no GeoPackage ``gpkg_contents``) that holds the
    ``gisdesk_meta`` table (written by ``gisdesk sample``) or both ``incidents`` and
    ``communes`` (the demo city's tables, also in workspaces older than ``gisdesk_meta``).
    Only such a file is ever given the gisdesk schema or switched to WAL by gisdesk.
    With ``gisdesk=False`` any SpatiaLite file that is not a GeoPackage passes (a layer may be
    imported into it).
    """
    names = {str(r[0]).lower() for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    if "gpkg_contents" in names:
        return "it is a GeoPackage"
    if not {"geometry_columns", "spatial_ref_sys"} <= names:
        return "it has no SpatiaLite metadata"
    if gisdesk and "gisdesk_meta" not in names and not {"incidents", "communes"} <= names:
        return "it has neither gisdesk_meta nor the incidents and communes tables"
    return None


def require_workspace(conn: Any, path: str | os.PathLike[str], *, gisdesk: bool = True) -> None:
    """Raise :class:`NotAWorkspaceError` unless ``conn`` is on a gisdesk workspace (:func:`workspace_problem`;
    with ``gisdesk=False``: on a SpatiaLite file that is not a GeoPackage)."""
    try:
        problem = workspace_problem(conn, gisdesk=gisdesk)
    except (sqlite3.Error, sqlite_module().Error) as exc:
        raise translate_error(exc, path) from exc
    if problem:
        raise NotAWorkspaceError(
            f"'{Path(path).name}' is not a gisdesk {'workspace' if gisdesk else 'SpatiaLite file'} ({problem}); "
            "it was not changed.",
            "Open it as layers in the window, or choose a gisdesk workspace (make one with 'gisdesk sample').",
        )


_HEALTHY: dict[str, tuple] = {}
_HEALTHY_LOCK = threading.Lock()


def _identity(path: Path) -> tuple | None:
    """The main file's device, inode, size and time: a file replaced or rewritten outside SQLite's WAL
    (a restored backup, a checkpoint) is checked again."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def require_healthy(conn: Any, path: str | os.PathLike[str]) -> None:
    """Run ``PRAGMA quick_check`` (once per process until the main file changes: it reads the whole
    file, about 15 ms per 10 MB); raise :class:`DamagedDatabaseError` unless it says ``ok``. Nothing is written."""
    p = Path(path).resolve()
    ident = _identity(p)
    with _HEALTHY_LOCK:
        if ident is not None and _HEALTHY.get(str(p)) == ident:
            return
    mod = sqlite_module()
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except mod.Error as exc:
        err = translate_error(exc, p)
        if isinstance(err, StoreError) and not isinstance(err, DamagedDatabaseError):
            raise err from exc
        rows = [(str(exc),)]
    if [tuple(r) for r in rows] != [("ok",)]:
        found = [ln.strip() for r in rows for ln in str(r[0]).splitlines() if ln.strip() and not ln.startswith("***")]
        raise DamagedDatabaseError(
            f"'{p.name}' is damaged: SQLite's quick_check says '{found[0] if found else rows}'.",
            "Restore it from a backup; 'sqlite3 FILE .recover' may rescue part of it. gisdesk has not written to it.",
        )
    with _HEALTHY_LOCK:
        if ident is not None:
            _HEALTHY[str(p)] = ident


def enable_wal(conn: Any, path: str | os.PathLike[str]) -> bool:
    """Switch a gisdesk workspace that passes ``quick_check`` to WAL; leave any other file's journal mode.

    Returns whether the file is now in WAL mode. Raises :class:`DamagedDatabaseError` for a
    damaged gisdesk workspace (before writing anything).
    """
    if workspace_problem(conn) is not None:
        return False
    mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    if mode == "wal":
        return True
    require_healthy(conn, path)
    return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower() == "wal"


def check_sqlite_file(path: str | os.PathLike[str]) -> Path:
    """Check that ``path`` exists and starts with the SQLite header; return it as a Path."""
    p = Path(path)
    if not p.exists():
        raise NotADatabaseError(f"'{p}' does not exist.", "Check the path, or create a demo workspace with 'gisdesk sample'.")
    if p.is_dir():
        raise NotADatabaseError(f"'{p}' is a folder, not a database file.")
    with p.open("rb") as fh:
        head = fh.read(16)
    if head != SQLITE_HEADER:
        raise NotADatabaseError(
            f"'{p.name}' is not an SQLite database.",
            "Choose a SpatiaLite (.sqlite) or GeoPackage (.gpkg) file.",
        )
    return p


def connect(
    path: str | os.PathLike[str],
    *,
    read_only: bool = False,
    create: bool = False,
    wal: bool = True,
    busy_timeout_ms: int | None = None,
    spatialite: bool = True,
    temp_objects: bool = False,
) -> Any:
    """Open a DB-API connection with mod_spatialite loaded.

    Parameters
    ----------
    path : path-like
        The SQLite file.
    read_only : bool
        Open with ``mode=ro``: every write raises.
    create : bool
        Allow creating a new file (otherwise the file must exist and be SQLite).
    wal : bool
        Switch a writable gisdesk workspace to WAL journal mode (:func:`enable_wal`: only a
        workspace that passes ``quick_check``; other files keep their journal mode).
    busy_timeout_ms : int, optional
        How long SQLite's busy handler retries while another program holds the lock, before
        :class:`~gisdesk.store.errors.WorkspaceBusy` (default :data:`DEFAULT_BUSY_TIMEOUT_MS`).
    spatialite : bool
        Load mod_spatialite (bulk readers of plain tables need only core SQLite).
    temp_objects : bool
        A read-only connection that creates TEMP tables or views (a ``mode=ro`` one; to a
        WAL-mode file it leaves ``-wal``/``-shm`` behind when it is the last to close).

    Returns
    -------
    connection
        A ``sqlite3``-compatible connection in autocommit mode
        (``isolation_level=None``); use explicit ``BEGIN``/``COMMIT``.

    Raises
    ------
    StoreError
        With a hint: missing file, not SQLite, damaged, locked (:class:`WorkspaceBusy`),
        or mod_spatialite missing.
    """
    p = Path(path)
    if not create or p.exists():
        check_sqlite_file(p)
    if busy_timeout_ms is None:
        busy_timeout_ms = DEFAULT_BUSY_TIMEOUT_MS
    mod = sqlite_module()
    mode = "ro" if read_only else ("rwc" if create else "rw")
    # A mode=ro connection to a WAL-mode file leaves -wal and -shm files behind (a read-only
    # connection may not remove them): read such a file through a query-only read-write
    # connection instead, which SQLite lets clean up when the last one closes.
    query_only = (read_only and not temp_objects and _is_wal(p) and os.access(p, os.W_OK)
                  and os.access(p.parent, os.W_OK))
    uri = f"{p.resolve().as_uri()}?mode={'rw' if query_only else mode}"
    try:
        conn = mod.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=busy_timeout_ms / 1000)
    except mod.Error as exc:
        raise translate_error(exc, p) from exc
    try:
        if spatialite:
            load_spatialite(conn)
        if query_only:
            conn.execute("PRAGMA query_only = 1")  # every write raises, as with mode=ro
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA schema_version").fetchone()  # reads page 1: fails early on garbage
        if wal and not read_only:
            enable_wal(conn, p)
    except mod.Error as exc:
        conn.close()
        raise translate_error(exc, p) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _is_wal(p: Path) -> bool:
    """Whether the SQLite file's header says WAL journal mode (bytes 18-19 are 2)."""
    try:
        with open(p, "rb") as f:
            head = f.read(20)
    except OSError:
        return False
    return len(head) == 20 and head[18] == 2 and head[19] == 2


_PRELOADED = False
#: The wheels :func:`preload_bundled_libraries` imports (see :func:`skip_preload`).
_BUNDLED = ["shapely", "pyproj", "rasterio", "pyogrio"]


def skip_preload(*names: str) -> None:
    """Leave ``names`` out of :func:`preload_bundled_libraries` in this process.

    For one-off processes that never import them, e.g. ``gisdesk render`` never reads or
    writes files through pyogrio (29 MB and 20 ms saved); such a process must not import
    them after the first mod_spatialite load.
    """
    for name in names:
        if name in _BUNDLED:
            _BUNDLED.remove(name)


def preload_bundled_libraries() -> None:
    """Import the wheels that bundle their own PROJ, GEOS, GDAL and SQLite first.

    SQLite loads extensions with ``RTLD_GLOBAL``, so mod_spatialite's system
    libproj/libgeos/libsqlite3 become visible to every library loaded after it:
    rasterio's bundled GDAL then binds to the wrong PROJ and crashes. Loading
    those wheels before the first mod_spatialite binds them to their own copies.
    """
    global _PRELOADED
    if _PRELOADED:
        return
    _PRELOADED = True
    import importlib

    for name in list(_BUNDLED):
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def load_spatialite(conn: Any) -> None:
    """Load mod_spatialite into ``conn`` or raise :class:`SpatialiteMissingError`."""
    preload_bundled_libraries()
    lib = spatialite_library()
    try:
        conn.enable_load_extension(True)
        conn.load_extension(lib)
        conn.enable_load_extension(False)
    except Exception as exc:
        raise SpatialiteMissingError(f"SQLite could not load '{lib}' ({exc}).", INSTALL_HINT) from exc


def create_engine(path: str | os.PathLike[str], *, read_only: bool = False, create: bool = False, **kw: Any):
    """An SQLAlchemy 2 engine whose every connection has mod_spatialite loaded.

    The same application models run on PostgreSQL/PostGIS by passing a
    ``postgresql+psycopg://`` URL to :func:`sqlalchemy.create_engine` instead.
    """
    import sqlalchemy as sa

    p = Path(path)
    if not create or p.exists():
        check_sqlite_file(p)

    def creator() -> Any:
        return connect(p, read_only=read_only, create=create, **kw)

    engine = sa.create_engine("sqlite://", creator=creator, module=sqlite_module())
    return engine
