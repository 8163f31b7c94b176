"""The revisions (Alembic loads them itself; :func:`_baseline_columns` reads the baseline's table list)."""


def _baseline_columns() -> dict[str, tuple[str, ...]]:
    """The baseline revision's tables and columns (what an unversioned workspace is checked against)."""
    import importlib

    return importlib.import_module(f"{__name__}.0001_baseline").COLUMNS
