"""The Alembic migrations of a gisdesk workspace and of the city server: one history, both engines.

The scripts live in this package (``versions/``) and run programmatically
(:mod:`gisdesk.store.schema_version`); no ``alembic.ini`` is read. A revision that differs
by engine asks :func:`is_sqlite`; geometry columns are added with :func:`add_geometry`
(SpatiaLite's ``AddGeometryColumn`` + ``CreateSpatialIndex`` on a workspace, a PostGIS
``geometry(type, srid)`` column and its GiST index on the server), in the SRID the caller
gave (:func:`srid`: the workspace's map CRS).
"""

from __future__ import annotations

from pathlib import Path

#: The folder holding ``env.py`` and ``versions/`` (Alembic's script location).
SCRIPT_DIR = Path(__file__).resolve().parent
#: The SRID used when the caller gives none (the demo city: UTM 48N).
DEFAULT_SRID = 32648


def _context():
    from alembic import op

    return op.get_context()


def is_sqlite() -> bool:
    """True when the running migration works on a SpatiaLite workspace (else PostgreSQL/PostGIS)."""
    return _context().dialect.name == "sqlite"


def srid() -> int:
    """The SRID of the incident geometries for the running migration."""
    cfg = _context().config
    return int((cfg.attributes if cfg is not None else {}).get("srid") or DEFAULT_SRID)


def add_geometry(table: str, gtype: str) -> None:
    """Add ``table.geom`` of ``gtype`` in :func:`srid`, registered and spatially indexed the engine's way."""
    from alembic import op

    code = srid()
    if is_sqlite():
        op.execute(f"SELECT AddGeometryColumn('{table}', 'geom', {code}, '{gtype}', 'XY')")
        op.execute(f"SELECT CreateSpatialIndex('{table}', 'geom')")
    else:
        op.execute(f"ALTER TABLE {table} ADD COLUMN geom geometry({gtype}, {code})")
        op.execute(f"CREATE INDEX idx_{table}_geom ON {table} USING gist (geom)")


def has_table(name: str) -> bool:
    """Whether ``name`` exists already (an unversioned workspace whose stores made it)."""
    import sqlalchemy as sa

    return sa.inspect(_context().connection).has_table(name)
