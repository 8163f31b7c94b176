"""SQLite connections with mod_spatialite loaded, raw and through SQLAlchemy.

The standard :mod:`sqlite3` of many Python builds cannot load extensions; where
it cannot, ``sqlean`` (PyPI ``sqlean.py``, a drop-in ``sqlite3``) is used. Every
connection gets ``mod_spatialite``, a busy timeout and foreign keys; writable
SpatiaLite workspaces use WAL.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

from gisdesk.store.errors import (
    DamagedDatabaseError,
    LockedError,
    NotADatabaseError,
    ReadOnlyError,
    SpatialiteMissingError,
    StoreError,
)

#: Environment variable naming the mod_spatialite library to load.
SPATIALITE_ENV = "GISDESK_MOD_SPATIALITE"
DEFAULT_BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"

INSTALL_HINT = (
    "Install SpatiaLite's SQLite extension: "
    "'sudo apt-get install libsqlite3-mod-spatialite' on Debian/Ubuntu, "
    "'brew install libspatialite' on macOS, or set GISDESK_MOD_SPATIALITE to the "
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


def spatialite_library() -> str:
    """Name or path of the mod_spatialite library (``GISDESK_MOD_SPATIALITE`` overrides)."""
    return os.environ.get(SPATIALITE_ENV) or "mod_spatialite"


def translate_error(exc: Exception, path: str | os.PathLike[str]) -> Exception:
    """Turn a DB-API error into a :class:`StoreError` with a hint, where one applies."""
    text = str(exc).lower()
    name = Path(path).name
    if "malformed" in text or "corrupt" in text:
        return DamagedDatabaseError(
            f"'{name}' is damaged: SQLite says '{exc}'.",
            "Restore it from a backup; 'sqlite3 FILE .recover' may rescue part of it. "
            "gisdesk has not written to it.",
        )
    if "not a database" in text or "file is encrypted" in text:
        return NotADatabaseError(f"'{name}' is not an SQLite database.", "Choose a SpatiaLite (.sqlite) or GeoPackage (.gpkg) file.")
    if "locked" in text or "busy" in text:
        return LockedError(
            f"'{name}' is locked by another program.",
            "Close the other program (QGIS, another gisdesk, a sqlite shell) or try again.",
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError(
            f"'{name}' is open read-only; nothing was changed.",
            "Open a writable copy, or check the file's permissions.",
        )
    if isinstance(exc, (sqlite3.Error, sqlite_module().Error)):
        # Any other SQLite error still gets a message naming the file, never a bare traceback.
        return StoreError(f"SQLite could not read '{name}': {exc}.",
                          "Check that the file is a complete SpatiaLite or GeoPackage file.")
    return exc


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
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
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
        Switch a writable database to WAL journal mode.
    busy_timeout_ms : int
        How long to wait for another program's lock before failing.
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
        With a hint: missing file, not SQLite, damaged, locked, or mod_spatialite missing.
    """
    p = Path(path)
    if not create or p.exists():
        check_sqlite_file(p)
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
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
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

    for name in ("shapely", "pyproj", "rasterio", "pyogrio"):
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
