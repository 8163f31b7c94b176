"""Errors raised by the store, each with a message a person can act on.

Every error carries ``hint``: what to do about it. The CLI prints ``message``
and ``hint``; the window shows them in its message bar.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base class of every error the store raises on purpose.

    Parameters
    ----------
    message : str
        What went wrong, naming the file or layer.
    hint : str, optional
        What the user can do about it.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class SpatialiteMissingError(StoreError):
    """mod_spatialite could not be loaded into SQLite."""


class NotADatabaseError(StoreError):
    """The file is not an SQLite database (or does not exist)."""


class NoSpatialMetadataError(StoreError):
    """The SQLite file has neither SpatiaLite nor GeoPackage metadata."""


class DamagedDatabaseError(StoreError):
    """SQLite reports the file as malformed or corrupt."""


class ReadOnlyError(StoreError):
    """A write was attempted on a workspace opened read-only."""


class LockedError(StoreError):
    """Another program holds a lock on the file for longer than the busy timeout."""


class WorkspaceBusy(LockedError):
    """Another program kept writing to the workspace for longer than gisdesk waits (the busy timeout).

    Nothing was changed; trying again later (when the other program's import or save is done)
    usually works. :data:`BUSY_MESSAGE` is what the window shows in its message bar.
    """


#: What the window and the CLI say when the workspace stays locked by another writer.
BUSY_MESSAGE = "the workspace is busy: another program is writing; try again"


class DiskFullError(StoreError):
    """SQLite could not write because the disk (or the file system holding the workspace) is full.

    The transaction was rolled back: the workspace holds what it held before.
    """


class NotAWorkspaceError(StoreError):
    """An SQLite file that is not a gisdesk workspace (e.g. a GeoPackage or a SpatiaLite file made by
    ogr2ogr or QGIS) where a workspace is needed; gisdesk has not written to it.

    A gisdesk workspace is a SpatiaLite file (``geometry_columns`` and ``spatial_ref_sys``, no
    ``gpkg_contents``) holding the ``gisdesk_meta`` table or both ``incidents`` and ``communes``
    (see :func:`gisdesk.store.connection.workspace_problem`).
    """


class UnsafeTargetError(StoreError):
    """An export was asked to write onto the open workspace or another SQLite/GeoPackage file; refused."""


class LayerNotFoundError(StoreError):
    """The named layer is not in the data source."""
