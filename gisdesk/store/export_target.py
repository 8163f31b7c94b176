"""Where "Save as" may write: the output formats, and the checks that keep it off the workspace.

The rules of the issue-12 store safety work: never over the open workspace (its ``-wal``,
``-shm``, ``-journal`` files included, through links too: :func:`os.path.samefile`), never over
any other SQLite file (a GeoPackage may be replaced by a GeoPackage when asked), and an existing
file only with ``overwrite``. :func:`gisdesk.store.safe_write.check_export_target` adds its own
rules for every other file when that module is present.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gisdesk.store import errors as _errors
from gisdesk.store.connection import SQLITE_HEADER
from gisdesk.store.errors import StoreError

try:  # the issue-12 export guard (gisdesk/store/safe_write.py), when this tree has it
    from gisdesk.store.safe_write import check_export_target as _shared_check
except ImportError:  # pragma: no cover - a tree without the store-safety work
    _shared_check = None


@dataclass(frozen=True)
class Format:
    """One output format: OGR driver, file suffixes (the first is the default) and a label."""

    key: str
    driver: str
    suffixes: tuple[str, ...]
    label: str


#: The formats "Save as" writes, by key.
FORMATS: dict[str, Format] = {f.key: f for f in (
    Format("gpkg", "GPKG", (".gpkg",), "GeoPackage"),
    Format("shp", "ESRI Shapefile", (".shp",), "ESRI Shapefile"),
    Format("geojson", "GeoJSON", (".geojson", ".json"), "GeoJSON"),
    Format("fgb", "FlatGeobuf", (".fgb",), "FlatGeobuf"),
    Format("csv", "CSV", (".csv",), "CSV (Excel)"),
    Format("kml", "KML", (".kml",), "KML"),
)}
#: The files of a Shapefile that this export writes (and replaces together).
SHP_SIDECARS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
_SQLITE_SIDECARS = ("-wal", "-shm", "-journal")
_GPKG_APPLICATION_ID = b"GPKG"  # bytes 68-71 of a GeoPackage (PRAGMA application_id)
_UnsafeTarget: type[StoreError] = getattr(_errors, "UnsafeTargetError", StoreError)


class ExportRefused(_UnsafeTarget):  # type: ignore[misc,valid-type]
    """The output would overwrite the workspace, another SQLite file, or (without ``overwrite``) a file."""


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> Format:
    """The :class:`Format` named by ``fmt`` (key, driver or label, any case) or by ``path``'s suffix.

    Raises
    ------
    StoreError
        Unknown format or suffix.
    """
    names = ", ".join(FORMATS)
    if fmt:
        want = fmt.lower().lstrip(".")
        for f in FORMATS.values():
            if want in (f.key, f.driver.lower(), f.label.lower()) or "." + want in f.suffixes:
                return f
        raise StoreError(f"Unknown export format '{fmt}'.", f"Use one of: {names}.")
    suffix = Path(path).suffix.lower()
    for f in FORMATS.values():
        if suffix in f.suffixes:
            return f
    raise StoreError(f"Cannot tell the format of '{Path(path).name}' from its name.",
                     f"End the name in {', '.join(s for f in FORMATS.values() for s in f.suffixes)}, "
                     f"or give the format ({names}).")


# -- where the output may go ----------------------------------------------------------
def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _is_geopackage(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(72)
    except OSError:
        return False
    return head[:16] == SQLITE_HEADER and head[68:72] == _GPKG_APPLICATION_ID


def output_files(out: Path, fmt: Format) -> list[Path]:
    """The files an export of ``fmt`` to ``out`` writes (a Shapefile: its sidecars too)."""
    if fmt.key == "shp":
        return [out] + [out.with_suffix(s) for s in SHP_SIDECARS if out.with_suffix(s) != out]
    return [out]


def check_output(out: str | os.PathLike[str], fmt: Format, protected: Iterable[str | os.PathLike[str]] = (),
                 overwrite: bool = False) -> Path:
    """The output path (links followed) if the export may write there, else :class:`ExportRefused`.

    Parameters
    ----------
    out : path-like
        The requested output.
    fmt : Format
    protected : iterable of path-like
        Files never written over: the workspace being read (with its ``-wal``, ``-shm``,
        ``-journal`` files).
    overwrite : bool
        Replace an existing output (an existing SQLite file only when both it and the
        output are GeoPackages, and it is not protected).
    """
    given = Path(out)
    real = Path(os.path.realpath(given))
    guarded = [g for p in protected for g in [Path(p), *(Path(f"{p}{s}") for s in _SQLITE_SIDECARS)]]
    hint = "Choose a new file name; nothing was written."
    if not real.parent.is_dir():
        raise StoreError(f"Cannot write '{given}': the folder '{given.parent}' does not exist.",
                         "Choose an existing folder.")
    for target in output_files(real, fmt):
        name = given.name if target == real else target.name  # as the user named it, not the link's end
        for g in guarded:
            if _same(target, g) or target == Path(os.path.realpath(g)):
                raise ExportRefused(f"'{name}' is the open workspace '{Path(g).name}'; "
                                    "an export never writes over it.", hint)
        if target.is_dir():
            raise ExportRefused(f"'{name}' is a folder; an export writes a file.", hint)
        if not target.exists():
            continue
        for s in _SQLITE_SIDECARS:
            if Path(f"{target}{s}").exists():
                raise ExportRefused(f"'{name}' is open in another program (it has a {s} file); "
                                    "it was not replaced.", "Close it there, or choose a new file name.")
        try:
            with target.open("rb") as fh:
                head = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise ExportRefused(f"'{name}' cannot be read ({exc.strerror}); it was not replaced.", hint) from exc
        if head == SQLITE_HEADER and not (fmt.key == "gpkg" and target == real and _is_geopackage(target)):
            raise ExportRefused(f"'{name}' is an SQLite database (a workspace or SpatiaLite file); "
                                "an export never writes over one.", hint)
        if not overwrite:
            raise ExportRefused(f"'{name}' already exists; it was not replaced.",
                                "Choose a new file name, or allow replacing it (--overwrite).")
        if _shared_check is not None and head != SQLITE_HEADER:
            _shared_check(target, list(protected))  # the store-wide rules for every other file
    return real
