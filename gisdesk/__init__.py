"""gisdesk: a desktop GIS workstation for digital city management."""

from __future__ import annotations


def _version() -> str:
    """The installed distribution's version (``pip install`` or an editable checkout)."""
    try:
        from importlib.metadata import PackageNotFoundError, version

        return version("gisdesk")
    except (ImportError, PackageNotFoundError):  # run from a source tree that was never installed
        return "0.1.0"


__version__ = _version()
