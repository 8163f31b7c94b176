"""The reading side of ``package create``: what a source workspace holds, copied into a new package.

:class:`SpatiaLiteSource` reads a gisdesk SpatiaLite workspace. The package's connection
ATTACHes the source read-only (``mode=ro``) as ``src`` and every copy is one
``INSERT … SELECT`` (case tables filtered by the access policy, reference layers clipped
by SpatiaLite's GEOS functions after an R*Tree query): no Python loop per row or feature.

A server source (PostgreSQL/PostGIS) is the same interface -- :meth:`tables`,
:meth:`reference_layers`, :meth:`copy_rows`, :meth:`copy_layer` -- with PostGIS doing the
clipping and rows streamed into the package; :mod:`gisdesk.store.package_create` only
talks to this interface.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gisdesk.store.connection import connect, require_workspace

#: Spatial-index and SpatiaLite trigger prefixes (re-made by RecoverGeometryColumn / CreateSpatialIndex).
_SPATIAL_TRIGGERS = ("ggi_", "ggu_", "gii_", "giu_", "gid_", "tmi_", "tmu_", "tmd_", "gci_", "gcu_", "gcd_")
#: Geometry type codes (mod 1000) -> the name RecoverGeometryColumn takes, and the multi type of a single one.
_GTYPE = {0: "GEOMETRY", 1: "POINT", 2: "LINESTRING", 3: "POLYGON", 4: "MULTIPOINT", 5: "MULTILINESTRING",
          6: "MULTIPOLYGON", 7: "GEOMETRYCOLLECTION"}
_MULTI = {1: 4, 2: 5, 3: 6}
_DIMS = {0: "XY", 1: "XYZ", 2: "XYM", 3: "XYZM"}
#: CollectionExtract's part type for lines and polygons (after a cut, touching parts are dropped).
_EXTRACT = {2: 2, 5: 2, 3: 3, 6: 3}
_CAST_MULTI = {2: "CastToMultiLinestring", 5: "CastToMultiLinestring", 3: "CastToMultiPolygon",
               6: "CastToMultiPolygon", 1: "CastToMultiPoint", 4: "CastToMultiPoint"}
_CAST_SINGLE = {2: "CastToLinestring", 3: "CastToPolygon", 1: "CastToPoint"}


def q(name: str) -> str:
    """An SQL identifier, quoted."""
    return '"' + str(name).replace('"', '""') + '"'


@dataclass(frozen=True)
class LayerInfo:
    """A reference layer of the source: table, geometry column, type code, SRID, whether it has an R*Tree."""

    table: str
    column: str
    gtype: int
    srid: int
    indexed: bool


@dataclass(frozen=True)
class Clipped:
    """What :meth:`SpatiaLiteSource.copy_layer` wrote: features kept, features cut, the type it was stored as."""

    kept: int
    cut: int
    gtype: str


class SpatiaLiteSource:
    """A gisdesk SpatiaLite workspace read as a package source (opened read-only, never written).

    Parameters
    ----------
    path : path-like
        The workspace.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.conn = connect(self.path, read_only=True)
        require_workspace(self.conn, self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "SpatiaLiteSource":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- facts ------------------------------------------------------------------------
    @property
    def location(self) -> str:
        """How the package names its source (``package.source``)."""
        return str(self.path.resolve())

    def tables(self) -> dict[str, str]:
        """Every table of the source: ``{lower-case name: name}``."""
        return {r[0].lower(): r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def reference_layers(self, app_tables: set[str]) -> list[LayerInfo]:
        """The spatial tables that are not application tables (the map's reference layers)."""
        tables = self.tables()
        out = []
        for table, column, gtype, srid, index in self.conn.execute(
                "SELECT f_table_name, f_geometry_column, geometry_type, srid, spatial_index_enabled "
                "FROM geometry_columns ORDER BY 1"):
            if table.lower() in app_tables or table.lower() not in tables:
                continue
            indexed = bool(index) and f"idx_{table}_{column}".lower() in tables
            out.append(LayerInfo(tables[table.lower()], column, int(gtype), int(srid), indexed))
        return out

    def map_srid(self) -> int:
        """The SRID of the communes layer (else of the first spatial table)."""
        row = self.conn.execute("SELECT srid FROM geometry_columns ORDER BY lower(f_table_name) != 'communes', "
                                "f_table_name LIMIT 1").fetchone()
        return int(row[0]) if row else 4326

    def commune_wkb(self, name: str) -> bytes | None:
        """The commune's polygon (WKB), or None when there is no commune of that name."""
        row = self.conn.execute("SELECT AsBinary(geom) FROM communes WHERE name = ?", (name,)).fetchone()
        return bytes(row[0]) if row and row[0] is not None else None

    def communes_touching(self, wkb: bytes, srid: int) -> list[str]:
        """The communes whose polygon intersects the area (R*Tree first, then the exact test)."""
        rows = self.conn.execute(
            "SELECT c.name FROM communes c, (SELECT GeomFromWKB(?, ?) AS g) a WHERE c.rowid IN "
            "(SELECT pkid FROM idx_communes_geom WHERE xmin <= MbrMaxX(a.g) AND xmax >= MbrMinX(a.g) "
            "AND ymin <= MbrMaxY(a.g) AND ymax >= MbrMinY(a.g)) AND ST_Intersects(c.geom, a.g) ORDER BY c.name",
            (wkb, srid)).fetchall()
        return [r[0] for r in rows]

    def high_water(self, table: str) -> dict[str, Any]:
        """The table's high-water mark in the source: rows, largest rowid, latest event time."""
        cols = {r[1].lower() for r in self.conn.execute(f"PRAGMA table_info({q(table)})")}
        time_col = next((c for c in ("at", "updated_at", "asked_at", "added_at", "created_at") if c in cols), None)
        extra = f", max({q(time_col)})" if time_col else ""
        row = self.conn.execute(f"SELECT count(*), max(rowid){extra} FROM {q(table)}").fetchone()
        mark = {"rows": row[0], "max_rowid": row[1] or 0}
        if time_col:
            mark["latest"] = row[2]
        return mark

    # -- copying into the package ---------------------------------------------------------
    def attach(self, pkg: Any) -> None:
        """ATTACH the source read-only to the package's connection as ``src``."""
        pkg.execute("ATTACH DATABASE ? AS src", (f"{self.path.resolve().as_uri()}?mode=ro",))

    def create_like(self, pkg: Any, table: str) -> None:
        """Create ``table`` in the package as the source declares it (columns, keys, checks)."""
        sql = self.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                (table,)).fetchone()[0]
        pkg.execute(sql)

    def finish_like(self, pkg: Any, table: str) -> None:
        """The source's own indexes and triggers of ``table`` (not SpatiaLite's: those are re-made)."""
        for kind, name, sql in self.conn.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ? "
                "AND sql IS NOT NULL ORDER BY type", (table,)).fetchall():
            if kind == "trigger" and name.lower().startswith(_SPATIAL_TRIGGERS):
                continue
            pkg.execute(sql)

    def columns(self, table: str) -> list[str]:
        return [r[1] for r in self.conn.execute(f"PRAGMA table_info({q(table)})")]

    def copy_rows(self, pkg: Any, table: str, where: str = "1", params: list | tuple = ()) -> int:
        """``INSERT INTO main.table SELECT * FROM src.table AS s WHERE <where>``; the rows copied."""
        cols = ", ".join(q(c) for c in self.columns(table))
        cur = pkg.execute(f"INSERT INTO main.{q(table)} ({cols}) SELECT {', '.join('s.' + q(c) for c in self.columns(table))} "
                          f"FROM src.{q(table)} AS s WHERE {where}", list(params))
        return cur.rowcount

    def copy_layer(self, pkg: Any, layer: LayerInfo, area_sql: str, bounds: tuple[float, float, float, float],
                   area_params: list) -> Clipped:
        """Copy the features of ``layer`` that meet the area, cut at its border (vectorised in SQL).

        A feature inside the area is copied as it is; one across the border is replaced by its
        intersection with the area (lines keep their line parts, polygons their polygon parts);
        one that only touches the border is left out. A single-part column (POLYGON,
        LINESTRING) whose cut features fall in several parts is stored as the multi type.
        """
        t, g = layer.table, layer.column
        base = layer.gtype % 1000
        geo = f"s.{q(g)}"
        cut = f"ST_Intersection({geo}, a.g)"
        if base in _EXTRACT:
            cut = f"{_CAST_MULTI[base]}(CollectionExtract({cut}, {_EXTRACT[base]}))"
        elif base in _CAST_MULTI:
            cut = f"{_CAST_MULTI[base]}({cut})"
        if layer.indexed:
            near = (f"s.rowid IN (SELECT pkid FROM src.{q(f'idx_{t}_{g}')} WHERE xmin <= ? AND xmax >= ? "
                    "AND ymin <= ? AND ymax >= ?)")
            near_params = [bounds[2], bounds[0], bounds[3], bounds[1]]
        else:
            near, near_params = "MbrIntersects(s." + q(g) + ", a.g)", []
        cols = self.columns(t)
        select = ", ".join(f"CASE WHEN ST_Within({geo}, a.g) THEN {geo} ELSE {cut} END" if c.lower() == g.lower()
                           else f"s.{q(c)}" for c in cols)
        pkg.execute(f"INSERT INTO main.{q(t)} ({', '.join(q(c) for c in cols)}) SELECT {select} "
                    f"FROM src.{q(t)} AS s, (SELECT {area_sql} AS g) AS a WHERE {near} AND ST_Intersects({geo}, a.g)",
                    [*area_params, *near_params])
        pkg.execute(f"DELETE FROM main.{q(t)} WHERE {q(g)} IS NULL OR ST_IsEmpty({q(g)})")
        kept = pkg.execute(f"SELECT count(*) FROM main.{q(t)}").fetchone()[0]
        same = pkg.execute(f"SELECT count(*) FROM main.{q(t)} AS m JOIN src.{q(t)} AS s ON s.rowid = m.rowid "
                           f"WHERE m.{q(g)} = s.{q(g)}").fetchone()[0]
        code = layer.gtype
        if base in _CAST_SINGLE and base not in (1,):
            several = pkg.execute(f"SELECT count(*) FROM main.{q(t)} WHERE NumGeometries({q(g)}) > 1").fetchone()[0]
            if several:
                code = layer.gtype - base + _MULTI[base]
            else:
                pkg.execute(f"UPDATE main.{q(t)} SET {q(g)} = {_CAST_SINGLE[base]}({q(g)}) "
                            f"WHERE GeometryType({q(g)}) LIKE 'MULTI%'")
        gname = _GTYPE.get(code % 1000, "GEOMETRY")
        ok = pkg.execute("SELECT RecoverGeometryColumn(?, ?, ?, ?, ?)",
                         (t, g, layer.srid, gname, _DIMS.get(code // 1000, "XY"))).fetchone()[0]
        if not ok:
            raise RuntimeError(f"SpatiaLite could not register {t}.{g} as {gname} (SRID {layer.srid})")
        if layer.indexed:
            pkg.execute("SELECT CreateSpatialIndex(?, ?)", (t, g))
        return Clipped(kept, kept - same, gname)

    def register_geometry(self, pkg: Any, table: str) -> None:
        """Register an application table's geometry column(s) as the source has them, with their R*Tree."""
        for column, gtype, srid, index in self.conn.execute(
                "SELECT f_geometry_column, geometry_type, srid, spatial_index_enabled FROM geometry_columns "
                "WHERE lower(f_table_name) = lower(?)", (table,)).fetchall():
            pkg.execute("SELECT RecoverGeometryColumn(?, ?, ?, ?, ?)",
                        (table, column, srid, _GTYPE.get(gtype % 1000, "GEOMETRY"), _DIMS.get(gtype // 1000, "XY")))
            if index:
                pkg.execute("SELECT CreateSpatialIndex(?, ?)", (table, column))

    def views(self, copied: set[str]) -> list[tuple[str, str]]:
        """The source's views whose tables were all copied: ``[(name, sql)]``."""
        out = []
        for name, sql in self.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall():
            used = {r[0].lower() for r in self.conn.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'table'") if r[0].lower() in sql.lower()}
            if used and used <= copied:
                out.append((name, sql))
        return out

    def foreign_parents(self, table: str) -> list[tuple[str, str, str]]:
        """``[(child column, parent table, parent column)]`` of the table's foreign keys."""
        return [(r[3], r[2], r[4] or "rowid") for r in self.conn.execute(f"PRAGMA foreign_key_list({q(table)})")]

    def rasters(self) -> list[tuple[str, Path, str, str]]:
        """The source's referenced rasters: ``[(name, absolute path, title, group)]``."""
        if not self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'gisdesk_rasters'").fetchone():
            return []
        out = []
        for name, path, title, grp in self.conn.execute("SELECT name, path, title, grp FROM gisdesk_rasters"):
            p = Path(path)
            out.append((name, p if p.is_absolute() else self.path.parent / p, title or "", grp or ""))
        return out
