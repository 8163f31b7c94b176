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


class LayerNotFoundError(StoreError):
    """The named layer is not in the data source."""
