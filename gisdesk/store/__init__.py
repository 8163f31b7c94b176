"""Storage: SQLite/SpatiaLite connections, layer discovery, bulk readers. No Qt here."""

from __future__ import annotations

from gisdesk.store.datasource import DataSource, LayerInfo, RasterInfo
from gisdesk.store.errors import StoreError

__all__ = ["DataSource", "LayerInfo", "RasterInfo", "StoreError"]
