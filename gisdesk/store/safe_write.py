"""Writing export files without ever destroying a workspace.

Every export (GeoJSON, Open311 JSON, …) goes through :func:`write_export`:

* the target is refused (:class:`~gisdesk.store.errors.UnsafeTargetError`, nothing written)
  when it is the open workspace or one of its ``-wal``/``-shm``/``-journal`` files (also
  through a symbolic or hard link: :func:`os.path.samefile`), when it is any SQLite
  database (its first 16 bytes are ``SQLite format 3\\0``: a SpatiaLite file, a GeoPackage,
  another workspace) or an SQLite WAL file, or when it is a folder;
* the text is written to a temporary file in the target's folder, flushed to disk, and
  moved over the target with one atomic :func:`os.replace`: a reader (or a crash) sees the
  old file or the new one, never half of it. A symbolic link is followed, so the link keeps
  pointing at the new file; an existing file keeps its permissions. A stream
  (``/dev/stdout``, a pipe) is written directly.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable

from gisdesk.store.connection import SQLITE_HEADER
from gisdesk.store.errors import UnsafeTargetError

#: First four bytes of an SQLite write-ahead log (big-endian magic, either checksum order).
WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
_SIDECARS = ("-wal", "-shm", "-journal")
_HINT = "Choose another file name (for example one ending in .geojson or .json); nothing was written."


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_export_target(target: str | os.PathLike[str],
                        protected: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """The path an export may write to (symbolic links followed), or raise :class:`UnsafeTargetError`.

    Parameters
    ----------
    target : path-like
        Where the export would go.
    protected : iterable of path-like
        Files that must never be overwritten: the open workspace (its ``-wal``, ``-shm`` and
        ``-journal`` files are protected with it).
    """
    given = Path(target)
    if _is_stream(given):  # /dev/stdout, a pipe: not a database, and nothing to rename over
        return given
    real = Path(os.path.realpath(given))
    for ws in protected:
        ws = Path(ws)
        for guarded in [ws, *(Path(f"{ws}{s}") for s in _SIDECARS)]:
            if _same(real, guarded) or real == Path(os.path.realpath(guarded)):
                raise UnsafeTargetError(f"'{given.name}' is the open workspace '{ws.name}'"
                                        f"{'' if guarded == ws else ' (its ' + guarded.name[len(ws.name):] + ' file)'};"
                                        " an export never writes over it.", _HINT)
    if real.is_dir():
        raise UnsafeTargetError(f"'{given.name}' is a folder; an export writes a file.", _HINT)
    if real.exists():
        try:
            with real.open("rb") as fh:
                head = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise UnsafeTargetError(f"'{given.name}' cannot be read ({exc.strerror}); it was not replaced.",
                                    _HINT) from exc
        if head == SQLITE_HEADER:
            raise UnsafeTargetError(f"'{given.name}' is an SQLite database (a workspace, SpatiaLite or GeoPackage "
                                    "file); an export never writes over one.", _HINT)
        if head[:4] in WAL_MAGIC:
            raise UnsafeTargetError(f"'{given.name}' is an SQLite write-ahead log; an export never writes over one.",
                                    _HINT)
    return real


def write_export(target: str | os.PathLike[str], data: str | bytes,
                 protected: Iterable[str | os.PathLike[str]] = (), encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``target`` atomically after :func:`check_export_target`; return the path written.

    Raises
    ------
    UnsafeTargetError
        The target is the open workspace, an SQLite file or a folder; nothing was written.
    OSError
        The folder is missing or not writable, or the disk is full; the target is unchanged
        and no temporary file is left.
    """
    protected = list(protected)
    real = check_export_target(target, protected)
    payload = data.encode(encoding) if isinstance(data, str) else data
    if _is_stream(real):
        with real.open("wb") as fh:
            fh.write(payload)
        return real
    try:
        mode = stat.S_IMODE(real.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".part", dir=real.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        check_export_target(real, protected)  # the target may have changed while the data was written
        os.replace(tmp, real)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(real.parent)
    return real


def _is_stream(path: Path) -> bool:
    """A character device, pipe or socket (``/dev/stdout``, ``/dev/null``, a FIFO)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
